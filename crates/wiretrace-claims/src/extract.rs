//! Claim extraction from one sentence: quantities, quotes, attributions (read in
//! [`crate::attribution`]), hedges, entities and time expressions, every part a span of the
//! document text.

use crate::attribution::{attributions, normalize_source};
use crate::lexicon::{hedge_norm, AGENCIES, HEDGES, MONTHS, TITLES, WEEKDAYS};
use crate::model::{Claim, ClaimDetail, Source, Span};
use chrono::{Datelike, Duration, NaiveDate};
use regex::Regex;
use std::sync::LazyLock;
use wiretrace_parse::{tokenize, Article, CharIndex, Token};

/// A sentence being read, with the means to turn its byte ranges into document spans.
pub(crate) struct Reader<'a> {
    /// The sentence.
    pub(crate) text: &'a str,
    /// Code-point offset of the sentence in its document.
    pub(crate) base: usize,
    /// Byte to code-point offsets within the sentence.
    pub(crate) index: CharIndex,
    /// The sentence's words.
    pub(crate) tokens: Vec<Token>,
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
    pub(crate) fn token_at(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.start < pos)
    }

    /// Whether only white space separates two byte positions.
    pub(crate) fn adjacent(&self, a: usize, b: usize) -> bool {
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
    out.extend(crate::quantities::quantities(&r));
    // A record that "puts the limit at 80 km/h" states it; only people estimate.
    let records_put: Vec<usize> = attributions
        .iter()
        .filter(|a| {
            text[a.cue.0..a.cue.1].starts_with("put")
                && text[a.src.0..a.src.1]
                    .split_whitespace()
                    .any(|w| crate::lexicon::EVIDENCE_NOUNS.contains(&w.to_lowercase().as_str()))
        })
        .map(|a| r.span(a.cue.0, a.cue.1).start)
        .collect();
    out.extend(hedges(&r).into_iter().filter(|(_, span)| !records_put.contains(&span.start)));
    out.extend(entities(&r));
    out.extend(times(&r, date));
    out.sort_by_key(|(_, s)| (s.start, s.end));
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
        let matches: Vec<(usize, usize)> = if re.captures_len() > 1 {
            re.captures_iter(r.text).filter_map(|c| c.get(1)).map(|m| (m.start(), m.end())).collect()
        } else {
            re.find_iter(r.text).map(|m| (m.start(), m.end())).collect()
        };
        for (start, end) in matches {
            if !found.iter().any(|&(s, e)| s < end && start < e) {
                found.push((start, end));
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
const PLACE_PREPOSITIONS: &[&str] =
    &["in", "at", "near", "outside", "across", "into", "towards", "toward", "beside", "behind", "opposite"];
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
    "institute",
    "union",
    "federation",
    "association",
    "society",
    "foundation",
    "authority",
    "alliance",
    "organisation",
    "organization",
    "corporation",
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
    let possessive = |t: &Token| {
        let w = &r.text[t.start..t.end];
        w.ends_with("’s") || w.ends_with("'s")
    };
    let mut out = Vec::new();
    let capital = |t: &Token| r.text[t.start..t.end].starts_with(char::is_uppercase);
    let mut i = 0;
    while i < toks.len() {
        if !capital(&toks[i]) || WEEKDAYS.contains(&toks[i].norm.as_str()) || MONTHS.contains(&toks[i].norm.as_str()) {
            i += 1;
            continue;
        }
        let s = i;
        // A place's possessive before a name of two words or more ends a name: "at
        // Merrowick’s Ferrand Stadium" names two places; "Tanner’s Lock", "St Mary’s Primary
        // School" and "the People’s Liberation Army" are one name each.
        let name_of_two = |k: usize| {
            k + 1 < toks.len()
                && capital(&toks[k])
                && capital(&toks[k + 1])
                && r.adjacent(toks[k].end, toks[k + 1].start)
        };
        let after_place_preposition = s > 0 && PLACE_PREPOSITIONS.contains(&toks[s - 1].norm.as_str());
        while i + 1 < toks.len()
            && capital(&toks[i + 1])
            && r.adjacent(toks[i].end, toks[i + 1].start)
            && !(i == s && after_place_preposition && possessive(&toks[i]) && name_of_two(i + 1))
        {
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
            || (s > 1 && possessive(&toks[s - 1]) && PLACE_PREPOSITIONS.contains(&norm(s - 2)))
            || (s > 2 && possessive(&toks[s - 1]) && norm(s - 2) == "the" && PLACE_PREPOSITIONS.contains(&norm(s - 3)))
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
    Regex::new(r"(?-u:\b)(?:(?P<part>(?i:the\s+)?(?i:start|beginning|end)\s+of)|in|since|by|until|from|of)\s+(?P<year>1[89]\d\d|20\d\d)(?-u:\b)").unwrap()
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
        // "the end of 2025" is its last day, as "the end of next year" is.
        match c.name("part") {
            Some(part) => {
                let day = if part.as_str().to_lowercase().contains("end") { "12-31" } else { "01-01" };
                add(part.start(), y.end(), Some(format!("{}-{day}", y.as_str())), &mut out);
            }
            None => add(y.start(), y.end(), Some(y.as_str().to_string()), &mut out),
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// What the tests of this crate read from a sentence: its claims, relative times resolved
    /// against Tuesday 4 November 2025.
    pub(crate) fn claims(text: &str) -> Vec<ClaimDetail> {
        extract_sentence(text, 0, NaiveDate::from_ymd_opt(2025, 11, 4)).into_iter().map(|(d, _)| d).collect()
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
        assert_eq!(v("Staff stay on until the end of 2026."), Some("2026-12-31".into()));
        assert_eq!(v("Since December, 40 died."), Some("2024-12-01/2025-06-02".into()));
        assert_eq!(v("Unrest has grown since last year."), Some("2024-01-01/2025-06-02".into()));
        assert_eq!(v("The committee meets next on July 6."), Some("2025-07-06".into()));
        assert_eq!(v("It was signed on 28 December."), Some("2024-12-28".into()));
    }

    #[test]
    fn owned_and_titled_sources_are_normalised() {
        assert_eq!(normalize_source("Talvenia's interior ministry", false), "Talvenia's interior ministry");
        assert_eq!(normalize_source("Ferrow’s party", false), "Ferrow’s party");
        assert_eq!(normalize_source("Africom commander Gen. Michael Langley", false), "Michael Langley, Africom");
        assert_eq!(normalize_source("Gen. Michael Langley", false), "Michael Langley");
        assert_eq!(normalize_source("The National Bank of Kelmoria", true), "Kelmoria");
        assert_eq!(normalize_source("Havenport mayor Dorin Maskell", true), "Dorin Maskell, Havenport");
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

    #[test]
    fn places_after_a_possessive_and_institutes_of_something() {
        let entities = |text: &str| -> Vec<(String, String)> {
            claims(text)
                .into_iter()
                .filter_map(|d| match d {
                    ClaimDetail::Entity { name, entity_type } => Some((name, entity_type)),
                    _ => None,
                })
                .collect()
        };
        let found = entities("Families sleep in a camp at Merrowick’s Ferrand Stadium and in the city’s Old Quarter.");
        let want = |n: &str, t: &str| (n.to_string(), t.to_string());
        assert!(found.contains(&want("Merrowick", "place")), "{found:?}");
        assert!(found.contains(&want("Ferrand Stadium", "place")), "{found:?}");
        assert!(found.contains(&want("Old Quarter", "place")), "{found:?}");
        let found = entities("Water was tested at the National Institute of Public Health, beside the Tarn Bridge.");
        assert!(found.contains(&want("National Institute", "org")), "{found:?}");
        assert!(found.contains(&want("Tarn Bridge", "place")), "{found:?}");
        // A name with a possessive inside it stays whole.
        let found = entities("The barge sank near Tanner's Lock on Monday.");
        assert!(found.contains(&want("Tanner's Lock", "place")), "{found:?}");
        let found = entities("Pupils of St Mary's Primary School met the People's Liberation Army.");
        assert!(found.iter().any(|(n, _)| n == "St Mary's Primary School"), "{found:?}");
        assert!(found.iter().any(|(n, _)| n == "People's Liberation Army"), "{found:?}");
    }

    fn hedge_cues(text: &str) -> Vec<(String, String)> {
        claims(text)
            .into_iter()
            .filter_map(|d| match d {
                ClaimDetail::Hedge { cue, norm, .. } => Some((cue.text, norm)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn verifying_in_the_active_voice_and_putting_a_figure_at_are_hedges() {
        let pair = |a: &str, b: &str| vec![(a.to_string(), b.to_string())];
        assert_eq!(
            hedge_cues("Quillmark Wire could not independently verify the footage."),
            pair("could not independently verify", "unverified")
        );
        assert_eq!(
            hedge_cues("The agency was unable to confirm the toll."),
            pair("was unable to confirm", "unverified")
        );
        assert_eq!(
            hedge_cues("The chamber puts the cost of the strike to the economy at about 18 million lirets a day."),
            pair("puts the cost of the strike to the economy at", "estimated")
        );
        assert_eq!(
            hedge_cues("The strike costs 9 million dalers a day, the chamber estimated."),
            pair("estimated", "estimated")
        );
        assert!(hedge_cues("An estimated 500 people came.").is_empty());
        assert_eq!(
            hedge_cues("By the coast guard’s estimate, about 310 people were aboard."),
            pair("estimate", "estimated")
        );
        // A record that puts a figure at a value states it; a forecast is a hedge.
        assert!(hedge_cues("Rail documents put the limit on the bridge at 80 km/h.").is_empty());
        assert_eq!(hedge_cues("The line was likely to stay closed."), pair("was likely to", "likely"));
        assert_eq!(hedge_cues("The line is unlikely to reopen soon."), pair("is unlikely to", "unlikely"));
        // Putting something at a place is no estimate.
        assert!(hedge_cues("He put the box at the door.").is_empty());
        // Whoever estimates, and in any form.
        assert_eq!(hedge_cues("police estimated the crowd at around 12,000."), pair("estimated", "estimated"));
        assert_eq!(
            hedge_cues("City hall said six cars burned, estimating the damage at 2.3 million crowns."),
            pair("estimating", "estimated")
        );
        // Two things neither of which could be verified.
        assert_eq!(
            hedge_cues("Neither the footage nor the date it was filmed could be independently verified."),
            pair("could be independently verified", "unverified")
        );
    }

    #[test]
    fn an_allegation_in_any_form_is_one_hedge_but_alleges_is_credit() {
        let pair = |a: &str| vec![(a.to_string(), "allegedly".to_string())];
        assert_eq!(hedge_cues("The opposition alleged widespread fraud."), pair("alleged"));
        assert_eq!(hedge_cues("The opposition rejected the result, alleging widespread fraud."), pair("alleging"));
        assert_eq!(hedge_cues("The court did not rule on the allegations."), pair("allegations"));
        assert!(hedge_cues("Dastrov alleges that ballot boxes were stuffed.").is_empty());
    }
}
