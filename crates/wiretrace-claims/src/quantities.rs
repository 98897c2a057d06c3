//! Quantities: a number (digits, words, fractions, sums of money, per cents), its range, its
//! approximator ("at least"), what it counts and the event it counts.

use crate::extract::Reader;
use crate::lexicon::{
    approximator, event_of, word_value, CHANGE_WORDS, CLAUSE_WORDS, CUES, HYPHEN_UNITS, MEASURE_UNITS, MONTHS,
    QUANTITY, VAGUE_AMOUNTS,
};
use crate::model::{ClaimDetail, Event, Span};
use crate::numbers::{fraction, is_digit_group_mark, spaced_thousands, FractionCheck};
use regex::Regex;
use std::sync::LazyLock;

/// The second number of a range: "30-40", "30 to 40", "between 30 and 40", "from -18 °C to
/// -4 °C" (a unit written after both numbers must be the same).
static RANGE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<u1>\s*°?\p{{L}}{{1,12}})?(?:\s*[-–]\s*|\s+(?P<word>to|and)\s+(?P<sign>[-−])?)(?P<hi>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d{{1,3}}(?:[ \u{{A0}}\u{{202F}}\u{{2009}}]\d{{3}})+(?-u:\b)|\d+(?:\.\d+)?|{})(?-u:\b)(?P<u2>\s*°?\p{{L}}{{1,12}})?",
        crate::lexicon::NUMBER_WORDS
            .iter()
            .filter(|(w, _)| !w.contains(' '))
            .map(|(w, _)| *w)
            .collect::<Vec<_>>()
            .join("|")
    ))
    .unwrap()
});

/// A multiplier joined to its number by a hyphen ("640-million-crown").
static MULTIPLIER_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:hundred|thousand|million|billion|trillion)(?-u:\b)").unwrap());

/// Whether the words after "m" make it millions ("2.4m people", "1.5m Syrian refugees")
/// rather than metres ("3m high", "the 400m hurdles", "rose 2m this week"): a plural among
/// the next three words, before any punctuation, and no word of size, distance or sport first.
fn counts_millions(after: &str) -> bool {
    const METRES: &[&str] = &[
        "high",
        "tall",
        "long",
        "deep",
        "wide",
        "thick",
        "away",
        "above",
        "below",
        "under",
        "off",
        "from",
        "across",
        "hurdles",
        "relay",
        "sprint",
        "freestyle",
        "butterfly",
        "backstroke",
        "breaststroke",
        "medley",
        "race",
        "dash",
    ];
    const NOT_PLURAL: &[&str] = &["this", "thus", "plus", "less", "unless", "across", "always", "perhaps", "towards"];
    let clause = after.split([',', '.', ';', ':', '(', ')', '!', '?']).next().unwrap_or("");
    let words: Vec<String> = clause.split_whitespace().take(3).map(str::to_lowercase).collect();
    if words.first().is_some_and(|w| METRES.contains(&w.as_str())) {
        return false;
    }
    words.iter().any(|w| {
        matches!(w.as_str(), "people" | "children" | "men" | "women")
            || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !NOT_PLURAL.contains(&w.as_str()))
    })
}

/// The first word of a text, lower-cased, without the punctuation around it.
fn first_word(text: &str) -> String {
    clean_word(text.split_whitespace().next())
}

/// The last word of a text, lower-cased, without the punctuation around it.
fn last_word(text: &str) -> String {
    clean_word(text.split_whitespace().last())
}

fn clean_word(word: Option<&str>) -> String {
    word.unwrap_or("").trim_matches(|c: char| !c.is_alphabetic()).to_lowercase()
}

/// The quantities of a sentence, each with the span of the claim (approximator, number and
/// what it counts).
pub(crate) fn quantities(r: &Reader<'_>) -> Vec<(ClaimDetail, Span)> {
    let mut out = Vec::new();
    // The end of the last range read: its second number is not a quantity of its own.
    let mut consumed = 0;
    for c in QUANTITY.captures_iter(r.text) {
        let m = c.get(0).unwrap();
        if m.start() < consumed {
            continue;
        }
        let num = c.name("num").or(c.name("vnum")).unwrap();
        let after = &r.text[num.end()..];
        let before = &r.text[..m.start()];
        // Clock times, years, dates and ordinals are not counts.
        let hyphen_unit = after.strip_prefix('-').is_some_and(|rest| {
            let unit: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
            HYPHEN_UNITS.contains(&unit.to_lowercase().as_str())
        });
        // A number joined to a word before it is part of a name ("COVID-19", "Su-25").
        let named = before.strip_suffix('-').is_some_and(|b| b.ends_with(char::is_alphanumeric));
        if after.starts_with(':')
            || before.ends_with(':')
            || named
            || after.starts_with(['%', '-'])
                && after.len() > 1
                && after[1..].starts_with(char::is_alphabetic)
                && !hyphen_unit
                && !after.get(1..).is_some_and(|a| MULTIPLIER_WORD.is_match(a))
        {
            continue;
        }
        let digits: String = num.as_str().chars().filter(|c| !is_digit_group_mark(*c)).collect();
        // Plain digits, the commonest number, are no fraction.
        let plain = num.as_str().bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.');
        let frac = if plain { None } else { fraction(num.as_str()) };
        let is_digits = frac.is_none() && digits.chars().all(|c| c.is_ascii_digit() || c == '.');
        // A bare four-digit number in range is a year ("2,000" and "£2000" are not).
        if is_digits
            && c.name("approx").is_none()
            && c.name("cur").is_none()
            && num.as_str().len() == 4
            && (1800..=2100).contains(&digits.parse::<u32>().unwrap_or(0))
        {
            continue;
        }
        // Digits next to a slash and digits are dates and names ("24/7", "3/4/2021"); "$15/hour"
        // is a count.
        let digit_after_slash = after.strip_prefix('/').is_some_and(|a| a.starts_with(|c: char| c.is_ascii_digit()));
        let digit_before_slash = before.strip_suffix('/').is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()));
        if is_digits && (digit_after_slash || digit_before_slash) {
            continue;
        }
        let prev_word = last_word(before);
        let next_word = first_word(after);
        if MONTHS.iter().any(|m| m.starts_with(&prev_word) && prev_word.len() >= 3)
            || MONTHS.iter().any(|m| m.starts_with(&next_word) && next_word.len() >= 3)
            || matches!(prev_word.as_str(), "no" | "number" | "page" | "article" | "section" | "chapter")
        {
            continue;
        }
        let word = num.as_str().to_lowercase();
        // "one" is a number only before a multiplier ("one million"), not in "one of them".
        if word == "one" && c.name("mult").is_none() {
            continue;
        }
        if let Some(f) = frac {
            // "About a third, …" is a share; "And a third, Daniel Traynor, said" a third person.
            let rest = after.trim_start();
            let ends = rest.is_empty()
                || rest.starts_with(['.', ';', '!', '?', ')'])
                || (rest.starts_with(',') && c.name("approx").is_some());
            let ok = match f.check {
                FractionCheck::Always => true,
                FractionCheck::OfOrEnd => (next_word == "of" || ends) && prev_word != "and",
                // "The second half of July" is a period, not a share.
                FractionCheck::Partitive => {
                    (matches!(next_word.as_str(), "of" | "the") || (ends && !rest.starts_with(',')))
                        && !after.starts_with('-')
                        && !matches!(
                            prev_word.as_str(),
                            "first"
                                | "second"
                                | "latter"
                                | "former"
                                | "the"
                                | "other"
                                | "a"
                                | "back"
                                | "top"
                                | "bottom"
                                | "upper"
                                | "lower"
                                | "northern"
                                | "southern"
                                | "eastern"
                                | "western"
                        )
                }
                FractionCheck::OfOrUnit => {
                    !after.starts_with('/')
                        && !before.ends_with('/')
                        && (next_word == "of"
                            || MEASURE_UNITS.contains(&next_word.as_str())
                            || c.name("approx").is_some())
                }
                FractionCheck::Count => true,
                FractionCheck::Never => false,
            };
            if !ok {
                continue;
            }
        }
        // "Six quarters", "the two halves": the number word alone counts them.
        let (frac, word, num_end) = match frac {
            Some(f) if f.check == FractionCheck::Count => {
                let n = word.split(['-', ' ']).next().unwrap_or("").to_string();
                let end = num.start() + n.len();
                (None, n, end)
            }
            _ => (frac, word, num.end()),
        };
        // "Zero deaths", "near zero.", but not "zero tolerance" or "net zero by 2050".
        if word == "zero" {
            let rest = after.trim_start();
            let counts = next_word.ends_with('s') || matches!(next_word.as_str(), "percent" | "per");
            let ends = rest.is_empty() || rest.starts_with(['.', ',', ';', '!', '?', ')']);
            if !(counts || (ends && !matches!(prev_word.as_str(), "net" | "ground" | "size"))) {
                continue;
            }
        }
        let mut value = if let Some(f) = frac {
            Some(f.value)
        } else if is_digits {
            digits.parse::<f64>().ok()
        } else if VAGUE_AMOUNTS.contains(&word.as_str()) {
            None
        } else {
            word_value(&word)
        };
        let mut end = num_end;
        let mut currency = c.name("cur").map(|cur| cur.start());
        // A minus sign written onto the number ("-18", "$-99.99").
        let mut num_start = num.start();
        if is_digits && currency.is_none() {
            let sign = before.strip_suffix('-').or_else(|| before.strip_suffix('−'));
            if let Some(rest) = sign {
                let (rest, cur) = match rest.strip_suffix(['$', '£', '€']) {
                    Some(r) => (r, Some(r.len())),
                    None => (rest, None),
                };
                if rest.is_empty() || rest.ends_with(|ch: char| ch.is_whitespace() || matches!(ch, '(' | '[')) {
                    value = value.map(|v| -v);
                    num_start = cur.unwrap_or(rest.len());
                    currency = cur;
                }
            }
        }
        // "10 000": thousands grouped by plain spaces.
        if is_digits && num.as_str().len() <= 3 && num.as_str().bytes().all(|b| b.is_ascii_digit()) {
            if let Some(len) =
                spaced_thousands(after).filter(|_| c.name("suffix").is_none() && c.name("mult").is_none())
            {
                let all: String = r.text[num.start()..end + len].chars().filter(char::is_ascii_digit).collect();
                value = all.parse::<f64>().ok().map(|v| if value.is_some_and(|x| x < 0.0) { -v } else { v });
                end += len;
                consumed = end;
            }
        }
        // A unit written onto the number ("10kg", "3m high"): what the number counts.
        let mut unit: Option<(usize, usize)> = None;
        if let Some(suffix) = c.name("suffix").filter(|_| end == num.end()) {
            let s = suffix.as_str();
            let millions = s == "m" && (currency.is_some() || counts_millions(&r.text[suffix.end()..]));
            let f = match s {
                "%" => Some(1.0),
                "k" | "K" => Some(1e3),
                "m" if millions => Some(1e6),
                "M" if currency.is_some() => Some(1e6),
                "B" if currency.is_some() => Some(1e9),
                "T" if currency.is_some() => Some(1e12),
                "bn" => Some(1e9),
                "tn" => Some(1e12),
                _ => None,
            };
            if let Some(f) = f {
                value = value.map(|v| v * f);
                end = suffix.end();
            } else if !matches!(s, "M" | "B" | "T") {
                // M, B and T multiply a sum of money only ("$10M"; "5M" may be anything).
                unit = Some((suffix.start(), suffix.end()));
            }
        }
        if let Some(mult) = c.name("mult") {
            let f = match mult.as_str().to_lowercase().as_str() {
                "hundred" => 100.0,
                "thousand" => 1e3,
                "million" => 1e6,
                "billion" => 1e9,
                _ => 1e12,
            };
            value = value.map(|v| v * f);
            end = mult.end();
            if let Some(rest) = c.name("rest") {
                value = value.and_then(|v| Some(v + word_value(rest.as_str())?));
                end = rest.end();
            }
        }
        // A range: the upper bound read, and the number as written runs to it. "Rose from 12
        // to 30" is a change, not a range.
        let mut upper = None;
        let change = prev_word == "from"
            && before.split_whitespace().rev().skip(1).take(3).any(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
                CHANGE_WORDS.contains(&w.as_str())
            });
        if let Some(t) = RANGE_TAIL.captures(&r.text[end..]).filter(|_| unit.is_none()) {
            let hi = t.name("hi").unwrap();
            let digits_both = hi.as_str().starts_with(|c: char| c.is_ascii_digit()) == is_digits;
            let between = before.trim_end().to_lowercase().ends_with("between");
            // "36 percent to 51 percent" is more often a result than a range.
            let same_unit = match (t.name("u1"), t.name("u2")) {
                (Some(a), Some(b)) => {
                    let unit = a.as_str().trim().to_lowercase();
                    unit == b.as_str().trim().to_lowercase() && !matches!(unit.as_str(), "percent" | "point" | "points")
                }
                (Some(_), None) => false,
                _ => true,
            };
            let ok = same_unit
                && match t.name("word").map(|w| w.as_str()) {
                    Some("and") => between,
                    Some(_) => digits_both && !change,
                    None => digits_both && is_digits && t.name("u1").is_none(),
                };
            let hi_value = if hi.as_str().starts_with(|c: char| c.is_ascii_digit()) {
                let v = hi
                    .as_str()
                    .chars()
                    .filter(|c| !is_digit_group_mark(*c) && *c != ' ')
                    .collect::<String>()
                    .parse::<f64>()
                    .ok();
                if t.name("sign").is_some() {
                    v.map(|v| -v)
                } else {
                    v
                }
            } else {
                word_value(hi.as_str())
            };
            if let (true, Some(v), Some(lo)) = (ok, hi_value, value) {
                if v > lo {
                    upper = Some(v);
                    end += hi.end();
                    consumed = end;
                }
            }
        }
        // The number as written starts at its currency sign ("£2,000").
        let num_start = currency.unwrap_or(num_start);
        // What is counted: up to four content words right after the number.
        let mut j = r.token_at(end);
        // In "a 12-year sentence" the unit after the hyphen is what is counted.
        let mut prev_end = match unit {
            Some((_, e)) => e,
            // ... and in "a 640-million-crown section", the word after the multiplier.
            None if hyphen_unit
                || (c.name("mult").is_some_and(|m| r.text[num.end()..m.start()] == *"-")
                    && r.text[end..].starts_with('-')) =>
            {
                end + 1
            }
            None => end,
        };
        if j + 1 < r.tokens.len()
            && r.tokens[j].norm == "of"
            && r.tokens[j + 1].norm == "the"
            && r.adjacent(prev_end, r.tokens[j].start)
        {
            prev_end = r.tokens[j + 1].end;
            j += 2;
        }
        let partitive = j > r.token_at(end);
        let first = j;
        while j < r.tokens.len() && j - first < 4 && r.adjacent(prev_end, r.tokens[j].start) {
            let w = r.tokens[j].norm.as_str();
            let event_stop = event_of(w).is_some() && !(partitive && j == first);
            if wiretrace_similarity::stopwords::is_stopword(w)
                || CLAUSE_WORDS.contains(&w)
                || event_stop
                || CUES.split('|').any(|c| c == w)
            {
                break;
            }
            prev_end = r.tokens[j].end;
            j += 1;
        }
        let mut counted = match unit {
            Some((s, e)) => Some(r.span(s, if j > first { r.tokens[j - 1].end } else { e })),
            None => (j > first).then(|| r.span(r.tokens[first].start, r.tokens[j - 1].end)),
        };
        // "62 people, eight of them in critical condition": "eight" counts what the figure
        // before it does.
        let mut phrase_end = end;
        let k = r.token_at(end);
        if counted.is_none()
            && k + 1 < r.tokens.len()
            && r.tokens[k].norm == "of"
            && matches!(r.tokens[k + 1].norm.as_str(), "them" | "whom" | "those")
            && r.adjacent(end, r.tokens[k].start)
        {
            // ... unless it names what it counts itself ("300 of them soldiers").
            let own = r.tokens.get(k + 2).filter(|t| {
                r.adjacent(r.tokens[k + 1].end, t.start)
                    && t.norm.chars().all(char::is_alphabetic)
                    && !wiretrace_similarity::stopwords::is_stopword(&t.norm)
                    && !CLAUSE_WORDS.contains(&t.norm.as_str())
                    && event_of(&t.norm).is_none()
            });
            counted = match own {
                Some(t) => Some(r.span(t.start, t.end)),
                None => out.iter().rev().find_map(|(d, _)| match d {
                    ClaimDetail::Quantity { counted: Some(c), .. } => Some(c.clone()),
                    _ => None,
                }),
            };
            if counted.is_some() {
                phrase_end = r.tokens[k + 1].end;
            }
        }
        // The event: the nearest event word, up to three words before or six after.
        let start_tok = r.token_at(m.start());
        let back = (start_tok.saturating_sub(3)..start_tok)
            .rev()
            .find(|&k| event_of(&r.tokens[k].norm).is_some())
            .map(|k| (start_tok - k, k));
        let fwd =
            (j..(j + 6).min(r.tokens.len())).find(|&k| event_of(&r.tokens[k].norm).is_some()).map(|k| (k - j + 1, k));
        let ev = match (back, fwd) {
            (Some(b), Some(f)) => Some(if b.0 < f.0 { b.1 } else { f.1 }),
            (b, f) => b.or(f).map(|x| x.1),
        };
        // "22 of the injured": what is counted is its own event.
        let ev = ev.or_else(|| (partitive && j > first && event_of(&r.tokens[first].norm).is_some()).then_some(first));
        let event = ev.and_then(|k| {
            event_of(&r.tokens[k].norm)
                .map(|name| Event { span: r.span(r.tokens[k].start, r.tokens[k].end), name: name.to_string() })
        });
        let claim_end =
            counted.as_ref().map(|c| r.index.byte_of(c.end - r.base)).filter(|&e| e > phrase_end).unwrap_or(phrase_end);
        out.push((
            ClaimDetail::Quantity {
                value,
                upper,
                approximator: approximator(c.name("approx").map(|a| a.as_str())),
                number: r.span(num_start, end),
                counted,
                event,
            },
            r.span(m.start(), claim_end),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tests::claims;

    /// (value, approximator, counted, event) of each quantity.
    type QuantityRow = (Option<f64>, &'static str, Option<String>, Option<String>);

    fn quantities_of(text: &str) -> Vec<QuantityRow> {
        claims(text)
            .into_iter()
            .filter_map(|d| match d {
                ClaimDetail::Quantity { value, approximator, counted, event, .. } => {
                    Some((value, approximator.as_str(), counted.map(|c| c.text), event.map(|e| e.name)))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn numbers_in_words_money_and_per_cent() {
        let values = |text: &str| -> Vec<(Option<f64>, String)> {
            claims(text)
                .into_iter()
                .filter_map(|d| match d {
                    ClaimDetail::Quantity { value, number, .. } => Some((value, number.text)),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(
            values("Twenty-one soldiers and forty two civilians died."),
            vec![(Some(21.0), "Twenty-one".to_string()), (Some(42.0), "forty two".to_string())]
        );
        assert_eq!(
            values("A hundred and two people were rescued."),
            vec![(Some(102.0), "A hundred and two".to_string())]
        );
        assert_eq!(values("One million people fled; one of them spoke."), vec![(Some(1e6), "One million".to_string())]);
        assert_eq!(
            values("The plan costs $10M, or £2,000 a head, up 35% on 2024."),
            vec![
                (Some(1e7), "$10M".to_string()),
                (Some(2000.0), "£2,000".to_string()),
                (Some(35.0), "35%".to_string())
            ]
        );
        assert_eq!(values("Their 5M budget."), vec![(Some(5.0), "5".to_string())]);
    }

    #[test]
    fn some_of_them_count_what_the_figure_before_counts() {
        let counted = |text: &str| -> Vec<Option<String>> { quantities_of(text).into_iter().map(|q| q.2).collect() };
        assert_eq!(
            counted("It treated 62 people, eight of them in critical condition."),
            vec![Some("people".into()), Some("people".into())]
        );
        assert_eq!(
            counted("It treated 62 patients, 18 of whom are in a critical condition."),
            vec![Some("patients".into()), Some("patients".into())]
        );
        // ... unless they name what they count.
        assert_eq!(
            counted("He said 900 rescue workers were deployed, 300 of them soldiers."),
            vec![Some("rescue workers".into()), Some("soldiers".into())]
        );
    }

    #[test]
    fn ranges_are_one_quantity_with_two_bounds() {
        let ranges = numbers;
        assert_eq!(
            ranges("Between 30 and 40 soldiers were killed."),
            vec![(Some(30.0), Some(40.0), "30 and 40".into())]
        );
        assert_eq!(ranges("It sank 30-40 boats."), vec![(Some(30.0), Some(40.0), "30-40".into())]);
        assert_eq!(ranges("five to seven people"), vec![(Some(5.0), Some(7.0), "five to seven".into())]);
        // Not ranges: a score, a count of one thing and another, a fall.
        assert_eq!(ranges("They won 3-1."), vec![(Some(3.0), None, "3".into())]);
        assert_eq!(ranges("12 soldiers and 40 civilians").len(), 2);
        assert_eq!(ranges("It fell from 40 to 30 people.")[0].1, None);
    }

    #[test]
    fn measures_with_a_hyphen() {
        let q = quantities_of("Prosecutors had asked for a 12-year sentence, not COVID-19 rules.");
        assert_eq!(q, vec![(Some(12.0), "exactly", Some("year sentence".into()), None)]);
        assert_eq!(quantities_of("It rose half a percentage point.")[0].0, Some(0.5));
    }

    #[test]
    fn quantities_with_approximators_counted_and_events() {
        assert_eq!(
            quantities_of(
                "An explosion tore through the plant, killing at least 12 people and injuring 87, officials said."
            ),
            vec![
                (Some(12.0), "at_least", Some("people".into()), Some("killed".into())),
                (Some(87.0), "exactly", None, Some("injured".into())),
            ]
        );
        assert_eq!(
            quantities_of("Officials said that more than 30 Valdonian border guards were killed at 22:10 in 2019."),
            vec![(Some(30.0), "more_than", Some("Valdonian border guards".into()), Some("killed".into()))]
        );
        assert_eq!(
            quantities_of("The ministry said over 250 recruits have reportedly been killed and a dozen were arrested."),
            vec![
                (Some(250.0), "more_than", Some("recruits".into()), Some("killed".into())),
                (Some(12.0), "exactly", None, Some("arrested".into())),
            ]
        );
        assert_eq!(
            quantities_of("More than 30 of the injured were in a serious condition.")[0],
            (Some(30.0), "more_than", Some("injured".into()), Some("injured".into())),
            "what is counted is its own event"
        );
        // A multiplier joined by hyphens, and the word it qualifies.
        assert_eq!(
            quantities_of("It won a 640-million-crown contract.")[0],
            (Some(640e6), "exactly", Some("crown contract".into()), None)
        );
        // Only a multiplier joined by a hyphen carries the word after it.
        assert_eq!(quantities_of("A 2 million-strong crowd gathered.")[0].2, None);
        // A ceiling on an amount, as on a count.
        assert_eq!(quantities_of("The strike could cost as much as 600 million crowns.")[0].1, "up_to");
    }

    /// (value, upper bound, number as written) of each quantity.
    fn numbers(text: &str) -> Vec<(Option<f64>, Option<f64>, String)> {
        claims(text)
            .into_iter()
            .filter_map(|d| match d {
                ClaimDetail::Quantity { value, upper, number, .. } => Some((value, upper, number.text)),
                _ => None,
            })
            .collect()
    }

    fn close(got: Option<f64>, expected: f64) -> bool {
        got.is_some_and(|v| (v - expected).abs() < 1e-9)
    }

    #[test]
    fn fractions_and_mixed_numbers_have_their_value() {
        let n = numbers("Two thirds of the 400 recruits had deserted.");
        assert!(close(n[0].0, 2.0 / 3.0) && n[0].2 == "Two thirds", "{n:?}");
        assert_eq!(n[1].0, Some(400.0));
        let n = numbers("About two and a half million people voted; one-half of them were women.");
        assert_eq!((n[0].0, n[0].2.as_str()), (Some(2.5e6), "two and a half million"), "{n:?}");
        assert_eq!(n[1].0, Some(0.5));
        assert!(close(numbers("A third of the villages were flooded.")[0].0, 1.0 / 3.0));
        assert_eq!(numbers("Three quarters of the staff left.")[0].0, Some(0.75));
        let n = numbers("The pipe is 2 1/2 inches wide and ¾ inch thick; add 1½ cups and about 1/40 of the salt.");
        let values: Vec<Option<f64>> = n.iter().map(|x| x.0).collect();
        assert_eq!(values, vec![Some(2.5), Some(0.75), Some(1.5), Some(0.025)], "{n:?}");
        // Ordinals, periods and dates written like fractions are not fractions.
        assert!(numbers("A third attack followed. And a third, Daniel Traynor, said no.").is_empty());
        assert!(numbers("He waited a year and a half.").is_empty());
        assert_eq!(
            numbers("Half of the residents and half the farmers voted.").iter().map(|x| x.0).collect::<Vec<_>>(),
            vec![Some(0.5), Some(0.5)]
        );
        assert!(numbers("At half-time and half past nine they left.").iter().all(|x| x.0 != Some(0.5)));
        let values = |text: &str| numbers(text).into_iter().map(|x| (x.0, x.1)).collect::<Vec<_>>();
        assert_eq!(
            values("She was 2 1/2 years old; three fourths of teachers agreed."),
            vec![(Some(2.5), None), (Some(0.75), None)]
        );
        // Periods and parts counted are counts, not fractions.
        assert_eq!(quantities_of("Profits fell for six quarters.")[0].0, Some(6.0));
        assert_eq!(quantities_of("Profits fell for six quarters.")[0].2.as_deref(), Some("quarters"));
        assert!(numbers("Since 9/11 in New York, and on 3/4 in London, the court ruled.").is_empty());
        assert!(numbers("It rose in the second half of July and the first half.").is_empty());
        let n = numbers("He spent 5 ½ years there, and 4   1/2 hours here; half a dozen stayed.");
        assert_eq!(n.iter().map(|x| x.0).collect::<Vec<_>>(), vec![Some(5.5), Some(4.5), Some(6.0)], "{n:?}");
        assert_eq!(numbers("The economy shrank for two quarters."), vec![(Some(2.0), None, "two".to_string())]);
        assert!(numbers("On 3/4/2021 the court ruled, after the 9/11 attacks and 24/7 patrols.").is_empty());
        assert!(numbers("The two halves of the party met.").iter().all(|x| x.0 != Some(1.0)));
    }

    #[test]
    fn negative_numbers_zero_and_thousands_grouped_by_spaces() {
        let values = |text: &str| numbers(text).into_iter().map(|x| (x.0, x.2)).collect::<Vec<_>>();
        assert_eq!(values("Temperatures fell to -18 degrees."), vec![(Some(-18.0), "-18".into())]);
        assert_eq!(
            values("The account showed $-99.99 and a loss of −15."),
            vec![(Some(-99.99), "$-99.99".into()), (Some(-15.0), "−15".into())]
        );
        assert_eq!(values("Zero deaths were reported."), vec![(Some(0.0), "Zero".into())]);
        assert_eq!(
            values("They paid 10 000 dollars for 278\u{a0}000 tonnes."),
            vec![(Some(10_000.0), "10 000".into()), (Some(278_000.0), "278\u{a0}000".into())]
        );
        assert!(numbers("Zero tolerance, and net zero by 2050.").is_empty());
        assert_eq!(
            numbers("Around 5 000-6 000 people came.").into_iter().map(|x| (x.0, x.1)).collect::<Vec<_>>(),
            vec![(Some(5000.0), Some(6000.0))]
        );
        assert_eq!(
            numbers("Between 5 000 and 6 000 people came.").into_iter().map(|x| (x.0, x.1)).collect::<Vec<_>>(),
            vec![(Some(5000.0), Some(6000.0))]
        );
        // A day of the month and a count are not one number; nor is a score a negative one.
        assert_eq!(values("On June 5 100 people marched."), vec![(Some(100.0), "100".into())]);
        assert_eq!(values("They won 3-1."), vec![(Some(3.0), "3".into())]);
        // A range from a negative number, with its unit written twice.
        let n = numbers("Temperatures ranged from -18 °C to -4 °C.");
        assert_eq!((n[0].0, n[0].1), (Some(-18.0), Some(-4.0)), "{n:?}");
    }

    #[test]
    fn units_written_onto_the_number() {
        assert_eq!(
            quantities_of("The bag weighed 10kg and the wall is 3m high; they drove 300km."),
            vec![
                (Some(10.0), "exactly", Some("kg".into()), None),
                (Some(3.0), "exactly", Some("m high".into()), None),
                (Some(300.0), "exactly", Some("km".into()), None),
            ]
        );
        assert_eq!(
            quantities_of("Some 2.4m people were evacuated."),
            vec![(Some(2.4e6), "about", Some("people".into()), Some("evacuated".into()))]
        );
        assert_eq!(
            numbers("The plan costs £10m and $3bn."),
            vec![(Some(1e7), None, "£10m".into()), (Some(3e9), None, "$3bn".into()),]
        );
        // "m" is millions before a plural, metres otherwise.
        let m = |text: &str| numbers(text)[0].0;
        assert_eq!(m("The river rose 2m this week."), Some(2.0));
        assert_eq!(m("She won the 400m hurdles."), Some(400.0));
        assert_eq!(m("About 1.5m Syrian refugees fled."), Some(1.5e6));
        assert_eq!(m("There are 2m more people."), Some(2e6));
        // Names are not measures.
        assert!(numbers("The 4G network, the F16 and the 3D film.").is_empty());
    }

    #[test]
    fn changes_are_not_ranges() {
        let n = numbers("The toll rose from 12 to 30.");
        assert_eq!(n, vec![(Some(12.0), None, "12".into()), (Some(30.0), None, "30".into())]);
        assert_eq!(numbers("Estimates ranged from 7 to 10."), vec![(Some(7.0), Some(10.0), "7 to 10".into())]);
        assert_eq!(numbers("She lost the state 36 percent to 51 percent.").len(), 2);
        assert_eq!(
            numbers("They were given between 44 mg and 50 mg."),
            vec![(Some(44.0), Some(50.0), "44 mg and 50".into())]
        );
    }
}
