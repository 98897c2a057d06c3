//! Quantities: a number (digits, words, fractions, sums of money, per cents), its range, its
//! approximator ("at least"), what it counts and the event it counts.

use crate::extract::Reader;
use crate::lexicon::{
    approximator, event_of, word_value, CLAUSE_WORDS, CUES, HYPHEN_UNITS, MONTHS, QUANTITY, VAGUE_AMOUNTS,
};
use crate::model::{ClaimDetail, Event, Span};
use regex::Regex;
use std::sync::LazyLock;

/// The second number of a range: "30-40", "30 to 40", "between 30 and 40".
static RANGE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:\s*[-–]\s*|\s+(?P<word>to|and)\s+)(?P<hi>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|{})(?-u:\b)",
        crate::lexicon::NUMBER_WORDS
            .iter()
            .filter(|(w, _)| !w.contains(' '))
            .map(|(w, _)| *w)
            .collect::<Vec<_>>()
            .join("|")
    ))
    .unwrap()
});

pub(crate) fn quantities(r: &Reader<'_>) -> Vec<(ClaimDetail, Span)> {
    let mut out = Vec::new();
    // The end of the last range read: its second number is not a quantity of its own.
    let mut consumed = 0;
    for c in QUANTITY.captures_iter(r.text) {
        let m = c.get(0).unwrap();
        if m.start() < consumed {
            continue;
        }
        let num = c.name("num").unwrap();
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
        {
            continue;
        }
        let digits: String = num.as_str().chars().filter(|c| *c != ',').collect();
        let is_digits = digits.chars().all(|c| c.is_ascii_digit() || c == '.');
        // A bare four-digit number in range is a year ("2,000" and "£2000" are not).
        if is_digits
            && c.name("approx").is_none()
            && c.name("cur").is_none()
            && !num.as_str().contains(',')
            && digits.len() == 4
            && (1800..=2100).contains(&digits.parse::<u32>().unwrap_or(0))
        {
            continue;
        }
        let prev_word =
            before.split_whitespace().last().unwrap_or("").trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
        let next_word =
            after.split_whitespace().next().unwrap_or("").trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
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
        let mut value = if is_digits {
            digits.parse::<f64>().ok()
        } else if VAGUE_AMOUNTS.contains(&word.as_str()) {
            None
        } else {
            word_value(&word)
        };
        let mut end = num.end();
        let currency = c.name("cur").is_some();
        if let Some(suffix) = c.name("suffix") {
            let f = match suffix.as_str() {
                "%" => Some(1.0),
                "k" | "K" => Some(1e3),
                "M" => Some(1e6),
                "B" | "bn" => Some(1e9),
                "T" => Some(1e12),
                _ => None,
            };
            // M, B and T multiply a sum of money only ("$10M"; "5M" may be anything).
            if let Some(f) = f.filter(|_| currency || matches!(suffix.as_str(), "%" | "k" | "K")) {
                value = value.map(|v| v * f);
                end = suffix.end();
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
        // A range: the upper bound read, and the number as written runs to it.
        let mut upper = None;
        if let Some(t) = RANGE_TAIL.captures(&r.text[end..]) {
            let hi = t.name("hi").unwrap();
            let digits_both = hi.as_str().starts_with(|c: char| c.is_ascii_digit()) == is_digits;
            let between = before.trim_end().to_lowercase().ends_with("between");
            let ok = match t.name("word").map(|w| w.as_str()) {
                Some("and") => between,
                Some(_) => digits_both,
                None => digits_both && is_digits,
            };
            let hi_value = if hi.as_str().starts_with(|c: char| c.is_ascii_digit()) {
                hi.as_str().replace(',', "").parse::<f64>().ok()
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
        let num_start = c.name("cur").map_or(num.start(), |cur| cur.start());
        // What is counted: up to four content words right after the number.
        let mut j = r.token_at(end);
        // In "a 12-year sentence" the unit after the hyphen is what is counted.
        let mut prev_end = if hyphen_unit { end + 1 } else { end };
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
        let counted = (j > first).then(|| r.span(r.tokens[first].start, r.tokens[j - 1].end));
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
        let event = ev.and_then(|k| {
            event_of(&r.tokens[k].norm)
                .map(|name| Event { span: r.span(r.tokens[k].start, r.tokens[k].end), name: name.to_string() })
        });
        let claim_end = counted.as_ref().map(|c| r.index.byte_of(c.end - r.base)).unwrap_or(end);
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
    use crate::extract::extract_sentence;

    fn claims(text: &str) -> Vec<ClaimDetail> {
        extract_sentence(text, 0, None).into_iter().map(|(d, _)| d).collect()
    }

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
    fn ranges_are_one_quantity_with_two_bounds() {
        let ranges = |text: &str| -> Vec<(Option<f64>, Option<f64>, String)> {
            claims(text)
                .into_iter()
                .filter_map(|d| match d {
                    ClaimDetail::Quantity { value, upper, number, .. } => Some((value, upper, number.text)),
                    _ => None,
                })
                .collect()
        };
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
            quantities_of("More than 30 of the injured were in a serious condition.")[0].2.as_deref(),
            Some("injured")
        );
    }
}
