//! Claim extraction from one sentence: quantities, quotes, attributions (read in
//! [`crate::attribution`]), hedges, entities and time expressions, every part a span of the
//! document text.

use crate::attribution::{attributions, normalize_source};
use crate::lexicon::{
    approximator, event_of, hedge_norm, word_value, AGENCIES, CLAUSE_WORDS, CUES, HEDGES, HYPHEN_UNITS, MONTHS,
    QUANTITY, TITLES, VAGUE_AMOUNTS, WEEKDAYS,
};
use crate::model::{Claim, ClaimDetail, Event, Source, Span};
use chrono::{Datelike, Duration, NaiveDate};
use regex::Regex;
use std::sync::LazyLock;
use wiretrace_parse::{tokenize, Article, CharIndex, Token};

/// A sentence being read, with the means to turn its byte ranges into document spans.
pub(crate) struct Reader<'a> {
    pub(crate) text: &'a str,
    base: usize,
    index: CharIndex,
    tokens: Vec<Token>,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str, base: usize) -> Self {
        Self { text, base, index: CharIndex::new(text), tokens: tokenize(text) }
    }

    pub(crate) fn span(&self, start: usize, end: usize) -> Span {
        Span {
            start: self.base + self.index.char_of(start),
            end: self.base + self.index.char_of(end),
            text: self.text[start..end].to_string(),
        }
    }

    /// Index of the first token starting at or after byte `pos`.
    fn token_at(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.start < pos)
    }

    /// Whether only white space separates two byte positions.
    fn adjacent(&self, a: usize, b: usize) -> bool {
        a <= b && self.text[a..b].trim().is_empty()
    }
}

/// Extracts the claims of every sentence of an article.
pub fn extract_article(article: &Article) -> Vec<Claim> {
    extract_article_dated(article, None)
}

/// The claims of an article, with relative time expressions resolved against the article's
/// date or, when it has none, against `fallback` (such as the date of the other versions of
/// its story).
pub fn extract_article_dated(article: &Article, fallback: Option<&str>) -> Vec<Claim> {
    let date = article
        .date
        .as_deref()
        .or(fallback)
        .and_then(|d| NaiveDate::parse_from_str(d.get(..10).unwrap_or(d), "%Y-%m-%d").ok());
    let mut per_sentence: Vec<crate::quotes_across::SentenceClaims> =
        article.sentences.iter().map(|s| extract_sentence(&s.text, s.start, date)).collect();
    let closed = crate::quotes_across::link_quotes(&article.sentences, &mut per_sentence);
    crate::quotes_across::quoted_contents(article, &closed, &mut per_sentence);
    let mut out = Vec::new();
    for (i, claims) in per_sentence.into_iter().enumerate() {
        let mut claims = claims;
        claims.sort_by_key(|(_, s)| (s.start, s.end));
        for (detail, span) in claims {
            out.push(Claim {
                id: format!("{}:c{}", article.id, out.len()),
                document: article.id.clone(),
                sentence: i,
                start: span.start,
                end: span.end,
                text: span.text,
                detail,
            });
        }
    }
    out
}

/// Extracts the claims of one sentence whose text starts at code point `base` of its document.
/// `date` (the article's date) resolves relative time expressions.
pub fn extract_sentence(text: &str, base: usize, date: Option<NaiveDate>) -> Vec<(ClaimDetail, Span)> {
    let r = Reader::new(text, base);
    let mut out = Vec::new();
    let attributions = attributions(&r);
    let quotes = quotes(&r);
    for (open, close, content) in &quotes {
        let speaker = attributions
            .iter()
            .filter(|a| a.src.0 >= *close || a.src.1 <= *open)
            .min_by_key(|a| if a.src.0 >= *close { a.src.0 - close } else { open - a.src.1 })
            .map(|a| r.span(a.src.0, a.src.1));
        out.push((ClaimDetail::Quote { content: r.span(content.0, content.1), speaker }, r.span(*open, *close)));
    }
    for a in &attributions {
        let (s, e) = (a.phrase.0.min(a.cue.0), a.phrase.1.max(a.cue.1));
        let detail = ClaimDetail::Attribution {
            source: Source {
                span: r.span(a.phrase.0, a.phrase.1),
                name: normalize_source(&text[a.src.0..a.src.1], a.leading),
            },
            cue: r.span(a.cue.0, a.cue.1),
            content: a.content.map(|(cs, ce)| r.span(cs, ce)),
        };
        out.push((detail, r.span(s, e)));
    }
    out.extend(quantities(&r));
    out.extend(hedges(&r));
    out.extend(entities(&r));
    out.extend(times(&r, date));
    out.sort_by_key(|(_, s)| (s.start, s.end));
    out
}

// ---------------------------------------------------------------- quantities

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

fn quantities(r: &Reader<'_>) -> Vec<(ClaimDetail, Span)> {
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

// ---------------------------------------------------------------- quotes

static QUOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"“([^“”]{1,1000})(?:”|$)|"([^"]{1,1000})(?:"|$)"#).unwrap());

/// Quotes: (open mark, after close mark, content range).
fn quotes(r: &Reader<'_>) -> Vec<(usize, usize, (usize, usize))> {
    let mut out = Vec::new();
    for c in QUOTE.captures_iter(r.text) {
        let m = c.get(0).unwrap();
        let inner = c.get(1).or_else(|| c.get(2)).unwrap();
        let content = inner.as_str();
        let trimmed = content.trim_end_matches([',', '.', ' ', '?', '!']);
        if trimmed.trim().is_empty() {
            continue;
        }
        let lead = content.len() - content.trim_start().len();
        out.push((m.start(), m.end(), (inner.start() + lead, inner.start() + trimmed.len())));
    }
    out
}

// ---------------------------------------------------------------- hedges

fn hedges(r: &Reader<'_>) -> Vec<(ClaimDetail, Span)> {
    let mut found: Vec<(usize, usize)> = Vec::new();
    for re in HEDGES.iter() {
        for m in re.find_iter(r.text) {
            if !found.iter().any(|&(s, e)| s < m.end() && m.start() < e) {
                found.push((m.start(), m.end()));
            }
        }
    }
    found.sort_unstable();
    found
        .into_iter()
        .map(|(s, e)| {
            let detail = ClaimDetail::Hedge {
                cue: r.span(s, e),
                scope: r.span(0, r.text.len()),
                norm: hedge_norm(&r.text[s..e]),
            };
            (detail, r.span(s, e))
        })
        .collect()
}

// ---------------------------------------------------------------- entities

/// Kinds of place named with "of" ("the village of Marrow Ford").
const PLACE_KINDS: &[&str] =
    &["village", "town", "city", "province", "region", "district", "county", "state", "island", "port", "capital"];

/// Prepositions that make the following name a place ("in Havenport", "near the border").
const PLACE_PREPOSITIONS: &[&str] = &["in", "at", "near", "outside", "across", "into", "towards", "toward"];
const ORG_HEADS: &[&str] = &[
    "ministry",
    "agency",
    "command",
    "service",
    "company",
    "hospital",
    "council",
    "party",
    "army",
    "forces",
    "group",
    "university",
    "bank",
    "inc",
    "corp",
    "ltd",
    "polymers",
    "police",
    "inspectorate",
    "department",
    "office",
    "committee",
    "commission",
    "court",
    "government",
    "press",
    "news",
    "times",
    "post",
    "herald",
];

/// Words that open sentences with a capital before a name ("Several Marrow Ford residents").
const SENTENCE_OPENERS: &[&str] = &[
    "several", "many", "some", "most", "few", "all", "both", "each", "every", "other", "another", "such", "more",
    "these", "those", "this", "that", "the", "a", "an", "in", "on", "at", "for", "from", "after", "before", "when",
    "while", "as", "but", "and", "if", "since", "during", "across", "near", "outside", "inside", "under", "over", "by",
    "with",
];

fn entities(r: &Reader<'_>) -> Vec<(ClaimDetail, Span)> {
    let toks = &r.tokens;
    let mut out = Vec::new();
    let capital = |t: &Token| r.text[t.start..t.end].starts_with(char::is_uppercase);
    let mut i = 0;
    while i < toks.len() {
        if !capital(&toks[i]) || WEEKDAYS.contains(&toks[i].norm.as_str()) || MONTHS.contains(&toks[i].norm.as_str()) {
            i += 1;
            continue;
        }
        let s = i;
        while i + 1 < toks.len() && capital(&toks[i + 1]) && r.adjacent(toks[i].end, toks[i + 1].start) {
            i += 1;
        }
        let e = i + 1;
        i += 1;
        let mut first = s;
        // A function word capitalised only because it opens the sentence ("Several Marrow
        // Ford residents") is not part of the name.
        if s == 0 && e > 1 && SENTENCE_OPENERS.contains(&toks[0].norm.as_str()) {
            first = 1;
        }
        let s = first;
        while first < e && TITLES.contains(&toks[first].norm.as_str()) {
            first += 1;
        }
        let mut e = e;
        while e > first && TITLES.contains(&toks[e - 1].norm.as_str()) {
            e -= 1;
        }
        if first == e || (s == 0 && e - s == 1) || (e - first == 1 && toks[first].norm.len() < 2) {
            continue;
        }
        let norm = |k: usize| toks[k].norm.as_str();
        if e - first == 1 && wiretrace_similarity::stopwords::is_stopword(norm(first)) {
            continue;
        }
        let is_agency = AGENCIES.iter().any(|(k, _)| (first..e).any(|t| toks[t].norm == *k));
        let entity_type = if first > s {
            "person"
        } else if ORG_HEADS.contains(&norm(e - 1)) || is_agency {
            "org"
        } else if (s > 0 && PLACE_PREPOSITIONS.contains(&norm(s - 1)))
            || (s > 1 && norm(s - 1) == "the" && PLACE_PREPOSITIONS.contains(&norm(s - 2)))
            || (s > 1 && norm(s - 1) == "of" && PLACE_KINDS.contains(&norm(s - 2)))
        {
            "place"
        } else {
            "name"
        };
        let span = r.span(toks[first].start, toks[e - 1].end);
        // The name without a possessive ("Kessling’s" names Kessling).
        let name = span.text.trim_end_matches("’s").trim_end_matches("'s").to_string();
        out.push((ClaimDetail::Entity { entity_type: entity_type.to_string(), name }, span));
    }
    out
}

// ---------------------------------------------------------------- time expressions

static WEEKDAY_EXPR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?:early|late)\s+(?:on\s+)?)?(?:on\s+)?(?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?(?-u:\b)").unwrap()
});
static RELATIVE_EXPR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?P<since>since\s+)?(?:(?:the\s+)?(?P<part>start|beginning|end)\s+of\s+)?(?P<rel>last|this|next|early last|late last)\s+(?P<unit>week|month|year)(?-u:\b)|(?-u:\b)(?P<day>yesterday|today|tonight)(?-u:\b)").unwrap()
});
/// A day of a month without its year: "May 6", "6 May", "March 3rd".
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?P<m1>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m2>january|february|march|april|may|june|july|august|september|october|november|december))(?-u:\b)").unwrap()
});

/// "since early May", "since March 2024": from then to the article date.
static SINCE_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)since\s+(?:(?:the\s+)?(?P<part>start|beginning|end|early|mid|late)(?:\s+of\s+|[\s-]+))?(?P<month>january|february|march|april|may|june|july|august|september|october|november|december)(?:\s+(?P<year>(?:19|20)\d\d))?(?-u:\b)").unwrap()
});

/// The day a part of a period starts: its first day, the 11th ("mid"), the 21st ("late"), or
/// its last day ("the end of").
fn part_start(first: NaiveDate, last: NaiveDate, part: Option<&str>) -> NaiveDate {
    match part.map(str::to_lowercase).as_deref() {
        Some("mid") if first.day() == 1 && last.day() >= 28 => first + Duration::days(10),
        Some("late") if first.day() == 1 && last.day() >= 28 => first + Duration::days(20),
        Some("end") => last,
        _ => first,
    }
}
static YEAR_EXPR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:in|since|by|until|from|of)\s+(?P<year>1[89]\d\d|20\d\d)(?-u:\b)").unwrap()
});

fn times(r: &Reader<'_>, date: Option<NaiveDate>) -> Vec<(ClaimDetail, Span)> {
    let mut out: Vec<(ClaimDetail, Span)> = Vec::new();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut add = |s: usize, e: usize, value: Option<String>, out: &mut Vec<(ClaimDetail, Span)>| {
        if !taken.iter().any(|&(a, b)| a < e && s < b) {
            taken.push((s, e));
            out.push((ClaimDetail::Time { value }, r.span(s, e)));
        }
    };
    if let Some((d, s, e)) = wiretrace_parse::dates::find_date(r.text) {
        add(s, e, Some(d.format("%Y-%m-%d").to_string()), &mut out);
    }
    for c in WEEKDAY_EXPR.captures_iter(r.text) {
        let m = c.get(0).unwrap();
        let day = WEEKDAYS.iter().position(|w| c["day"].eq_ignore_ascii_case(w)).unwrap() as i64;
        let value = date.map(|d| {
            let back = (i64::from(d.weekday().num_days_from_monday()) - day).rem_euclid(7);
            (d - Duration::days(back)).format("%Y-%m-%d").to_string()
        });
        add(m.start(), m.end(), value, &mut out);
    }
    for c in MONTH_DAY.captures_iter(r.text) {
        let m = c.get(0).unwrap();
        let (month, day) = match (c.name("m1"), c.name("d1"), c.name("m2"), c.name("d2")) {
            (Some(mo), Some(d), _, _) | (_, _, Some(mo), Some(d)) => (mo.as_str().to_lowercase(), d.as_str()),
            _ => continue,
        };
        let Some(month) = MONTHS.iter().position(|x| x.starts_with(month.as_str())).map(|i| i as u32 + 1) else {
            continue;
        };
        let Ok(day) = day.parse::<u32>() else { continue };
        // The occurrence nearest the article date ("May 6" in a March story is this May).
        let value = date.and_then(|d| {
            (d.year() - 1..=d.year() + 1)
                .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
                .min_by_key(|x| (*x - d).num_days().abs())
                .map(|x| x.format("%Y-%m-%d").to_string())
        });
        if NaiveDate::from_ymd_opt(2000, month, day).is_some() {
            add(m.start(), m.end(), value, &mut out);
        }
    }
    for c in SINCE_MONTH.captures_iter(r.text) {
        let m = c.get(0).unwrap();
        let value = date.and_then(|d| {
            let month = MONTHS.iter().position(|x| c["month"].eq_ignore_ascii_case(x))? as u32 + 1;
            // The most recent such month up to the article date, unless a year is given.
            let year = match c.name("year") {
                Some(y) => y.as_str().parse().ok()?,
                None if month <= d.month() => d.year(),
                None => d.year() - 1,
            };
            let first = NaiveDate::from_ymd_opt(year, month, 1)?;
            let last = NaiveDate::from_ymd_opt(year + i32::from(month == 12), month % 12 + 1, 1)? - Duration::days(1);
            let from = part_start(first, last, c.name("part").map(|p| p.as_str()));
            Some(format!("{}/{}", from.format("%Y-%m-%d"), d.format("%Y-%m-%d")))
        });
        add(m.start(), m.end(), value, &mut out);
    }
    for c in RELATIVE_EXPR.captures_iter(r.text) {
        let m = c.get(0).unwrap();
        let since = c.name("since").is_some();
        let part = c.name("part").map(|p| p.as_str().to_lowercase());
        // "last month" is the month; "the start of last month" its first day; "since (the
        // start of) last month" the span from then to the article date.
        let narrow = move |interval: Option<String>, d: NaiveDate| -> Option<String> {
            let interval = interval?;
            let (a, b) = interval.split_once('/')?;
            let (first, last) =
                (NaiveDate::parse_from_str(a, "%Y-%m-%d").ok()?, NaiveDate::parse_from_str(b, "%Y-%m-%d").ok()?);
            let from = part_start(first, last, part.as_deref());
            Some(match (since, part.is_some()) {
                (true, _) => format!("{}/{}", from.format("%Y-%m-%d"), d.format("%Y-%m-%d")),
                (false, true) => from.format("%Y-%m-%d").to_string(),
                (false, false) => interval,
            })
        };
        let value = date.and_then(|d| {
            match (
                c.name("rel").map(|x| x.as_str().to_lowercase()),
                c.name("unit").map(|x| x.as_str().to_lowercase()),
                c.name("day").map(|x| x.as_str().to_lowercase()),
            ) {
                (_, _, Some(day)) => {
                    Some(if day == "yesterday" { d - Duration::days(1) } else { d }.format("%Y-%m-%d").to_string())
                }
                (Some(rel), Some(unit), _) => narrow(
                    Some(rel.clone()).and_then(|rel| {
                        let shift: i32 = if rel.contains("last") {
                            -1
                        } else if rel == "next" {
                            1
                        } else {
                            0
                        };
                        match unit.as_str() {
                            "week" => {
                                let monday = d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
                                    + Duration::weeks(i64::from(shift));
                                Some(format!(
                                    "{}/{}",
                                    monday.format("%Y-%m-%d"),
                                    (monday + Duration::days(6)).format("%Y-%m-%d")
                                ))
                            }
                            "month" => {
                                let months = d.year() * 12 + d.month0() as i32 + shift;
                                let (y, m0) = (months.div_euclid(12), months.rem_euclid(12) as u32);
                                let first = NaiveDate::from_ymd_opt(y, m0 + 1, 1)?;
                                let next = if m0 == 11 {
                                    NaiveDate::from_ymd_opt(y + 1, 1, 1)?
                                } else {
                                    NaiveDate::from_ymd_opt(y, m0 + 2, 1)?
                                };
                                Some(format!(
                                    "{}/{}",
                                    first.format("%Y-%m-%d"),
                                    (next - Duration::days(1)).format("%Y-%m-%d")
                                ))
                            }
                            _ => {
                                let y = d.year() + shift;
                                Some(format!("{y}-01-01/{y}-12-31"))
                            }
                        }
                    }),
                    d,
                ),
                _ => None,
            }
        });
        add(m.start(), m.end(), value, &mut out);
    }
    for c in YEAR_EXPR.captures_iter(r.text) {
        let y = c.name("year").unwrap();
        add(y.start(), y.end(), Some(y.as_str().to_string()), &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(text: &str) -> Vec<ClaimDetail> {
        extract_sentence(text, 0, NaiveDate::from_ymd_opt(2025, 11, 4)).into_iter().map(|(d, _)| d).collect()
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
    fn time_expressions_resolve_to_days_and_spans() {
        // The article is dated Monday 2 June 2025.
        let times = |text: &str| -> Vec<(String, Option<String>)> {
            extract_sentence(text, 0, NaiveDate::from_ymd_opt(2025, 6, 2))
                .into_iter()
                .filter_map(|(d, span)| match d {
                    ClaimDetail::Time { value } => Some((span.text, value)),
                    _ => None,
                })
                .collect()
        };
        let v = |text: &str| times(text).into_iter().next().and_then(|(_, v)| v);
        assert_eq!(v("It happened on Sunday."), Some("2025-06-01".into()));
        assert_eq!(v("Since the start of last month, 400 died."), Some("2025-05-01/2025-06-02".into()));
        assert_eq!(v("Over 400 have died since early May."), Some("2025-05-01/2025-06-02".into()));
        assert_eq!(v("Prices rose since late March."), Some("2025-03-21/2025-06-02".into()));
        assert_eq!(v("Prices rose since last week."), Some("2025-05-26/2025-06-02".into()));
        assert_eq!(v("It was cold last month."), Some("2025-05-01/2025-05-31".into()));
        assert_eq!(v("It ends at the end of last month."), Some("2025-05-31".into()));
        assert_eq!(v("Since December, 40 died."), Some("2024-12-01/2025-06-02".into()));
        assert_eq!(v("Unrest has grown since last year."), Some("2024-01-01/2025-06-02".into()));
        assert_eq!(v("The committee meets next on July 6."), Some("2025-07-06".into()));
        assert_eq!(v("It was signed on 28 December."), Some("2024-12-28".into()));
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
    fn measures_with_a_hyphen_and_owned_sources() {
        let q = quantities_of("Prosecutors had asked for a 12-year sentence, not COVID-19 rules.");
        assert_eq!(q, vec![(Some(12.0), "exactly", Some("year sentence".into()), None)]);
        assert_eq!(quantities_of("It rose half a percentage point.")[0].0, Some(0.5));
        assert_eq!(normalize_source("Talvenia's interior ministry", false), "Talvenia's interior ministry");
        assert_eq!(normalize_source("Ferrow’s party", false), "Ferrow’s party");
        assert_eq!(normalize_source("Africom commander Gen. Michael Langley", false), "Michael Langley, Africom");
        assert_eq!(normalize_source("Gen. Michael Langley", false), "Michael Langley");
        assert_eq!(normalize_source("The National Bank of Kelmoria", true), "Kelmoria");
        assert_eq!(normalize_source("Havenport mayor Dorin Maskell", true), "Dorin Maskell, Havenport");
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

    #[test]
    fn quotes_hedges_entities_and_times() {
        let ds = claims(
            "“We heard a huge bang and then the roof came down,” said Anya Relsted in Havenport late on Monday.",
        );
        let quote = ds.iter().find_map(|d| match d {
            ClaimDetail::Quote { content, speaker } => {
                Some((content.text.clone(), speaker.as_ref().map(|s| s.text.clone())))
            }
            _ => None,
        });
        assert_eq!(
            quote,
            Some(("We heard a huge bang and then the roof came down".to_string(), Some("Anya Relsted".to_string())))
        );
        assert!(ds.iter().any(
            |d| matches!(d, ClaimDetail::Entity { name, entity_type } if name == "Havenport" && entity_type == "place")
        ));
        assert!(ds.iter().any(|d| matches!(d, ClaimDetail::Time { value: Some(v) } if v == "2025-11-03")));
        let hedges: Vec<String> =
            claims("Unverified footage appeared to show a fireball; it could not be independently verified.")
                .into_iter()
                .filter_map(|d| match d {
                    ClaimDetail::Hedge { cue, .. } => Some(cue.text),
                    _ => None,
                })
                .collect();
        assert_eq!(hedges, vec!["Unverified", "appeared to", "could not be independently verified"]);
    }
}
