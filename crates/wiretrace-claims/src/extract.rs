//! Claim extraction from one sentence: quantities, quotes, attributions, hedges, entities and
//! time expressions, every part a span of the document text.

use crate::lexicon::{
    approximator, event_of, hedge_norm, is_cue_prefix, is_pronoun_source, word_value, ADDRESSING_CUES, ADJUNCT_OPENERS,
    AGENCIES, CLAUSE_WORDS, COLON_LABELS, CUES, CUE_AUXILIARIES, EVIDENCE_CUES, EVIDENCE_NOUNS, HEDGES, HYPHEN_UNITS,
    MONTHS, NAME_PARTICLES, OPENERS, QUANTITY, SOURCE_ADVERBS, TITLES, VAGUE_AMOUNTS, WEEKDAYS,
};
use crate::model::{Claim, ClaimDetail, Event, Source, Span};
use chrono::{Datelike, Duration, NaiveDate};
use regex::Regex;
use std::sync::LazyLock;
use wiretrace_parse::{tokenize, Article, CharIndex, Token};

/// A sentence being read, with the means to turn its byte ranges into document spans.
struct Reader<'a> {
    text: &'a str,
    base: usize,
    index: CharIndex,
    tokens: Vec<Token>,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str, base: usize) -> Self {
        Self { text, base, index: CharIndex::new(text), tokens: tokenize(text) }
    }

    fn span(&self, start: usize, end: usize) -> Span {
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
    crate::quotes_across::link_quotes(&article.sentences, &mut per_sentence);
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
        let (s, e) = (a.src.0.min(a.cue.0), a.src.1.max(a.cue.1));
        let detail = ClaimDetail::Attribution {
            source: Source {
                span: r.span(a.src.0, a.src.1),
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

// ---------------------------------------------------------------- attributions

struct RawAttribution {
    src: (usize, usize),
    cue: (usize, usize),
    content: Option<(usize, usize)>,
    /// The source opens the sentence (its capital may be positional).
    leading: bool,
}

static ACCORDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?P<cue>according to)\s+(?:(?:reports|figures|data|estimates|a statement|statements|sources|a tally)\s+(?:from|by|reported by|cited by|released by|issued by|compiled by)\s+)?(?P<src>[^,.;:“”()]{2,80})").unwrap()
});
static CITED_BY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)(?P<cue>cited by|quoted by|per)\s+(?P<src>[^,.;:“”()]{2,60})").unwrap());
/// A source that opens the sentence, then any appositive between commas, then the cue:
/// "Marley Anderson, 21, a junior from Las Vegas, said …", "Karimi, executive director of
/// Interfaith Paths to Peace, said …". When the appositive is a name, the name is the source
/// ("His attorney, Benedikt Sorel, said"). Less trusted than the patterns before it: the
/// phrase before the first comma may be an adverbial ("Yesterday, …"), see [`OPENERS`].
static APPOSITIVE_ANY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"^(?:[“"][^”"]*[”"]\s*,?\s*)?(?P<src>[^,;:“”"]{{2,60}}),\s*(?P<app>[^;“”"]{{2,200}}?),\s*(?P<cue>{CUES})(?-u:\b)"#
    ))
    .unwrap()
});

/// Whether a phrase is a name: one to six words, each capitalised or a particle of a name
/// ("van", "wa", "al-Muslimin"), maybe followed by an acronym in brackets ("(JNIM)").
fn is_name(phrase: &str) -> bool {
    let phrase = match phrase.trim_end().strip_suffix(')').and_then(|p| p.rsplit_once('(')) {
        Some((head, acronym)) if acronym.chars().all(|c| c.is_uppercase() || c.is_ascii_digit()) => head,
        _ => phrase,
    };
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let capital = |w: &&str| w.starts_with(char::is_uppercase);
    let particle = |w: &&str| {
        NAME_PARTICLES.contains(w)
            || w.split_once('-')
                .is_some_and(|(p, rest)| NAME_PARTICLES.contains(&p) && rest.starts_with(char::is_uppercase))
    };
    (1..=6).contains(&words.len())
        && words.first().is_some_and(capital)
        && words.last().is_some_and(|w| capital(w) || particle(w))
        && words.iter().all(|w| capital(w) || particle(w))
}

/// An age between a name and its cue, not part of the source: "Ramos, 58, told AFP".
const AGE: &str = r"(?:,\s*\d{1,3},)?";
static LEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r#"^(?:[“"][^”"]*[”"]\s*,?\s*)?(?P<src>[^,;:“”"]{{2,80}}?){AGE}\s+(?P<cue>{CUES})(?-u:\b)"#))
        .unwrap()
});
static APPOSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"^(?:[“"][^”"]*[”"]\s*,?\s*)?(?P<src>[^,;:“”"]{{2,60}}),\s*(?:which|who|the|a|an)(?-u:\b)[^;“”"]{{2,200}}?,\s*(?P<cue>{CUES})(?-u:\b)"#
    ))
    .unwrap()
});
/// A name with its role between commas: "Nadia Ferrant, chief economist at Solvang
/// Securities, said …".
static ROLE_APPOSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"^(?P<src>\p{{Lu}}[\p{{L}}.'’-]*(?:\s+\p{{Lu}}[\p{{L}}.'’-]*){{1,3}}),\s*\p{{Ll}}[^,;:“”"]{{2,100}},\s*(?P<cue>{CUES})(?-u:\b)"#
    ))
    .unwrap()
});
/// The verb of a clause whose subject opens the sentence: an optional auxiliary and adverb,
/// then a past tense (regular or one of the common irregular ones) or a present participle.
const CLAUSE_VERB: &str = r"(?:(?:has|have|had|is|are|was|were)\s+)?(?:\p{Ll}+ly\s+)?(?:\p{Ll}+(?:ed|ing)|began|begun|took|taken|made|sought|won|ran|held|kept|left|met|spent|sent|went|gone|gave|given|drew|drawn|spoke|spoken|wrote|written|stood|fought|brought|thought|came|become|became|did|done|got|gotten|led|lost|paid|rose|risen|saw|seen|shown|struck|chose|chosen|broke|broken|fled|fell|fallen|felt|sold|built|told|said|threw|thrown|knew|known|hit|put|set|cut|let|laid|caught|taught|bought|heard|meant|shot|sat|stuck|swore|sworn|wore|worn|won|withdrew|withdrawn|undertook|overtook|forgot|forgotten)";

/// A phrase of time or place before a clause's subject ("Earlier in the week, …", "On Monday,
/// …", "In Iowa, …"), opened by one of a few words.
const CLAUSE_OPENER: &str =
    r#"(?:(?:Earlier|Later|Last|On|In|At|After|Before|During|Meanwhile|Since)(?-u:\b)[^,;:“”"]{0,40},\s+)?"#;

/// The subject that opens a sentence, as the clause patterns take it (up to eight words).
const CLAUSE_SUBJECT: &str = r"(?P<src>(?:[Tt]he\s+)?[\p{L}'’.-]+(?:\s+[\p{L}'’.-]+){0,7}?(?:\s+\([\p{Lu}][\p{L}.-]{0,6}(?:[-–][\p{Lu}][\p{L}.]{0,6})?\))?)";

/// A clause whose subject is the source, continued by a participle of saying: "The ministry
/// issued a statement on Monday, saying that …", "Trump has delivered a defence of “New York
/// values,” saying …".
static PARTICIPLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"^{CLAUSE_OPENER}{CLAUSE_SUBJECT}\s+{CLAUSE_VERB}(?-u:\b)[^;:]{{0,200}}?(?:,[”"’]?|\s[–—])\s*(?P<cue>saying|adding|noting|arguing|telling|warning|insisting|claiming|declaring|calling|accusing|explaining|writing)(?-u:\b)"#
    ))
    .unwrap()
});

/// A clause whose subject is the source, joined to a second verb of saying: "Wilson praised
/// Rubio's record and said the senator can win", "Carson named no one but told his supporters".
static COORDINATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"^{CLAUSE_OPENER}{CLAUSE_SUBJECT}\s+{CLAUSE_VERB}(?-u:\b)[^;:]{{0,200}}?,?\s+(?:and|but)\s+(?P<cue>(?:also\s+)?(?:said|says|told|tells|added|warned|noted|argued|insisted|acknowledged|suggested|predicted|promised|vowed|pledged|urged|called|accused|declared|wrote|tweeted))(?-u:\b)"#
    ))
    .unwrap()
});
static TRAILING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r#"(?:[,”"]|'')\s*(?P<src>[^,;:“”"]{{2,80}}?){AGE}\s+(?P<cue>{CUES})(?-u:\b)"#)).unwrap()
});
/// A personal pronoun and its cue inside a sentence, as in a relative or subordinate clause:
/// "a wall which he said Mexico would pay for", "by the time she told reporters".
static PRONOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"(?-u:\b)(?P<src>[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\s+(?:(?:{})\s+){{0,2}}(?P<cue>{CUES})(?-u:\b)"#,
        CUE_AUXILIARIES.iter().chain(SOURCE_ADVERBS).copied().collect::<Vec<_>>().join("|")
    ))
    .unwrap()
});
/// A name and a colon opening a sentence, as headlines credit a statement: "Graham: Trump's
/// rhetoric is hurting the party".
static COLON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<src>\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})(?P<cue>:)\s+[\p{L}“‘\x22']").unwrap()
});

/// How and when the words were given, right after a verb of saying, and part of the cue as
/// PolNeAR mostly marks it: "said in a statement", "said Tuesday" (not "in an interview",
/// which its annotators mostly leave out).
static CUE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s+(?:in\s+(?:a|an)\s+(?:written\s+)?statement|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?-u:\b)",
    )
    .unwrap()
});

/// The end of a cue: its verb, and the words of [`CUE_TAIL`] if they follow it.
fn cue_end(text: &str, verb_end: usize) -> usize {
    match CUE_TAIL.find(&text[verb_end..]) {
        // "said Monday's vote was void": the day belongs to what was said.
        Some(m) if !text[verb_end + m.end()..].starts_with(['\'', '’']) => verb_end + m.end(),
        _ => verb_end,
    }
}

/// Whether a word is the name of a day of the week or of a month, in any case.
fn is_day_or_month(word: &str) -> bool {
    WEEKDAYS.iter().chain(MONTHS).any(|w| w.eq_ignore_ascii_case(word))
}

/// Words that tell when, never who: "…,” said Tuesday that …" has no source after its cue.
fn is_time_word(word: &str) -> bool {
    is_day_or_month(word)
        || ["yesterday", "today", "tonight", "then", "later", "earlier", "last", "this", "on", "in", "at"]
            .contains(&word.to_lowercase().as_str())
}

static INVERTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?:[,”"])\s*(?P<cue>said|says|added|asked|wrote)\s+(?P<src>[^,.;:“”"]{2,60})"#).unwrap()
});

/// Cuts a candidate source at the first clause boundary and checks it reads as a noun phrase
/// of at most `max_words` words; returns its byte range.
fn clean_source(text: &str, start: usize, end: usize, max_words: usize) -> Option<(usize, usize)> {
    let s = &text[start..end];
    let mut cut = s.len();
    for stop in [
        " which ", " who ", " that ", " when ", " after ", " as ", " in ", " at ", " on ", " during ", " late ",
        " early ", " last ", " earlier", " later", " while ", " adding",
    ] {
        if let Some(p) = s.find(stop) {
            cut = cut.min(p);
        }
    }
    // Leading white space and a conjunction ("and regional officials said") are not the source.
    let mut from = s.len() - s.trim_start().len();
    for conj in ["and ", "but ", "while ", "as ", "so ", "yet ", "still ", "instead "] {
        let rest = &s[from..cut];
        if rest.len() > conj.len() && rest.is_char_boundary(conj.len()) && rest[..conj.len()].eq_ignore_ascii_case(conj)
        {
            from += conj.len();
        }
    }
    if from >= cut {
        return None;
    }
    let mut t = s[from..cut].trim_end();
    // "Smith also said", "Cruz has said": adverbs and auxiliaries belong to the cue.
    while let Some((head, last)) = t.rsplit_once(char::is_whitespace) {
        if !is_cue_prefix(last, head.split_whitespace().last()) {
            break;
        }
        t = head.trim_end();
    }
    if is_pronoun_source(t) {
        return Some((start + from, start + from + t.len()));
    }
    let words: Vec<String> =
        t.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()).collect();
    // "Jeb Bush and Chris Christie say": "and" between capitalised words joins two names, not
    // two clauses ("prices rose and analysts said").
    let raw: Vec<&str> = t.split_whitespace().collect();
    let joins_names = |k: usize| {
        raw[0].starts_with(char::is_uppercase) && raw.get(k + 1).is_some_and(|w| w.starts_with(char::is_uppercase))
    };
    let opens_with_preposition = words.first().is_some_and(|w| {
        ["in", "on", "at", "for", "to", "with", "by", "from", "of", "into", "after", "before"].contains(&w.as_str())
    });
    if words.is_empty()
        || words.len() > max_words
        || opens_with_preposition
        || words.iter().enumerate().any(|(k, w)| CLAUSE_WORDS.contains(&w.as_str()) && !(w == "and" && joins_names(k)))
    {
        return None;
    }
    if !t.chars().any(char::is_alphabetic) {
        return None;
    }
    Some((start + from, start + from + t.len()))
}

/// The attributed content without the white space and the punctuation that join it to the
/// cue and end the sentence (", the minister said." gives no content of its own), but with a
/// closing quotation mark and the stop inside it; `None` when nothing is left.
fn trim_content(text: &str, (start, end): (usize, usize)) -> Option<(usize, usize)> {
    let part = &text[start..end];
    let lead = part.len() - part.trim_start_matches(|c: char| c.is_whitespace() || ",;:—–-".contains(c)).len();
    let kept = part[lead..].trim_end_matches(|c: char| c.is_whitespace() || ",;:.—–-".contains(c));
    kept.chars().any(char::is_alphanumeric).then(|| (start + lead, start + lead + kept.len()))
}

/// Where a cue starts once the auxiliaries and adverbs between its source (ending at
/// `source_end`) and its verb (at `verb_start`) are taken in: "has repeatedly said".
fn cue_start(text: &str, source_end: usize, verb_start: usize) -> usize {
    if source_end >= verb_start {
        return verb_start;
    }
    let between = &text[source_end..verb_start];
    let words: Vec<&str> = between.split_whitespace().collect();
    let source_last = text[..source_end].split_whitespace().last();
    let previous = |k: usize| if k == 0 { source_last } else { Some(words[k - 1]) };
    if words.is_empty() || !words.iter().enumerate().all(|(k, w)| is_cue_prefix(w, previous(k))) {
        return verb_start;
    }
    source_end + (between.len() - between.trim_start().len())
}

/// The quotation that opens a sentence and ends right before its source ("“We will
/// rebuild,” the mayor said"), marks and the comma inside them included: what the source said.
fn leading_quote(text: &str, source_start: usize) -> Option<(usize, usize)> {
    let before = text[..source_start].trim_end();
    let before = before.strip_suffix(',').unwrap_or(before).trim_end();
    let opens = text.starts_with(['“', '"']) || text.starts_with("''");
    let closes = before.ends_with(['”', '"']) || before.ends_with("''");
    (opens && closes && before.chars().count() > 2).then_some((0, before.len()))
}

/// Whether a clause of its own follows a cue: three words or more, right after it (not after
/// a comma: "police said, and no injuries were reported"), not opening with a preposition, a
/// time word or a conjunction ("said on Monday" adds only when it was said).
fn says_more_after(text: &str, cue_end: usize) -> bool {
    let rest = text[cue_end..].trim_start();
    if !rest.starts_with(|c: char| c.is_alphanumeric() || matches!(c, '“' | '"')) {
        return false;
    }
    let words: Vec<&str> = rest.split_whitespace().take(3).collect();
    let first =
        words.first().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()).unwrap_or_default();
    words.len() == 3 && !ADJUNCT_OPENERS.contains(&first.as_str()) && !WEEKDAYS.contains(&first.as_str())
}

/// Content after an addressing cue without the person addressed: from "that", or from "to"
/// ("not to"), when one of them comes within the first few words.
fn skip_addressee(text: &str, (start, end): (usize, usize)) -> (usize, usize) {
    let part = &text[start..end];
    let mut offset = 0;
    for (k, word) in part.split_inclusive(char::is_whitespace).enumerate().take(8) {
        let w = word.trim();
        let to = k < 6 && (w == "to" || (w == "not" && part[offset + word.len()..].trim_start().starts_with("to ")));
        if k > 0 && (w == "that" || to) {
            return (start + offset, end);
        }
        offset += word.len();
    }
    (start, end)
}

/// A cue verb used in the passive ("cited by", "reported by") introduces no source before it.
fn passive(text: &str, cue_end: usize) -> bool {
    text[cue_end..].trim_start().to_lowercase().starts_with("by ")
}

/// Where the attributed content lies, relative to a pattern's match.
#[derive(Debug, Clone, Copy)]
enum Content {
    /// Before the cue if the cue is not at the start, else after the source ("according to").
    Around,
    /// From the start of the sentence to the cue.
    BeforeCue,
    /// From the cue to the end of the sentence.
    AfterCue,
    /// From the start of the sentence to the start of the match.
    BeforeMatch,
}

fn attributions(r: &Reader<'_>) -> Vec<RawAttribution> {
    let text = r.text;
    // (pattern, every match or the first only, where the content lies, whether the phrase
    // before a comma may be an adverbial), in order of trust.
    let patterns: [(&Regex, bool, Content, bool); 12] = [
        (&ACCORDING, true, Content::Around, false),
        (&CITED_BY, true, Content::Around, false),
        (&INVERTED, true, Content::BeforeCue, false),
        (&APPOSITIVE, false, Content::AfterCue, false),
        (&ROLE_APPOSITIVE, false, Content::AfterCue, false),
        (&PARTICIPLE, false, Content::AfterCue, false),
        (&COORDINATED, false, Content::AfterCue, false),
        (&LEADING, false, Content::AfterCue, false),
        (&TRAILING, true, Content::BeforeMatch, false),
        (&PRONOUN, true, Content::AfterCue, false),
        (&COLON, false, Content::AfterCue, false),
        (&APPOSITIVE_ANY, false, Content::AfterCue, true),
    ];
    let mut out: Vec<RawAttribution> = Vec::new();
    for (re, every, side, may_open_adverbially) in patterns {
        let matches: Vec<regex::Captures<'_>> =
            if every { re.captures_iter(text).collect() } else { re.captures(text).into_iter().collect() };
        for c in matches {
            let (mut src, cue) = (c.name("src").unwrap(), c.name("cue").unwrap());
            if let Some(app) = c.name("app").filter(|a| is_name(a.as_str())) {
                src = app;
            }
            if cue.as_str().eq_ignore_ascii_case("per") && !src.as_str().starts_with(char::is_uppercase) {
                continue;
            }
            let label = src.as_str().to_lowercase();
            let opener = label.split_whitespace().next().unwrap_or("");
            if may_open_adverbially && (OPENERS.contains(&opener) || is_day_or_month(opener)) {
                continue;
            }
            // A colon credits a name, not a label or a one-word capitalised dateline.
            if cue.as_str() == ":"
                && (COLON_LABELS.contains(&label.as_str())
                    || (!src.as_str().contains(' ') && src.as_str().chars().all(|c| !c.is_lowercase())))
            {
                continue;
            }
            // "A man called Tom Berg": an indefinite noun given its name, not a view.
            if matches!(cue.as_str(), "called" | "calls")
                && matches!(src.as_str().split_whitespace().next().map(str::to_lowercase).as_deref(), Some("a" | "an"))
                && text[cue.end()..].trim_start().starts_with(char::is_uppercase)
            {
                continue;
            }
            // Only records show or find: "the poll shows", not "police found a body".
            if EVIDENCE_CUES.contains(&cue.as_str().to_lowercase().as_str()) {
                let head = src.as_str().split_whitespace().last().unwrap_or("").to_lowercase();
                if !EVIDENCE_NOUNS.contains(&head.trim_matches(|c: char| !c.is_alphanumeric())) {
                    continue;
                }
            }
            // After an inverted cue, a time is when it was said, not who said it.
            if matches!(side, Content::BeforeCue) && src.as_str().split_whitespace().next().is_some_and(is_time_word) {
                continue;
            }
            // A source after "according to" ends where the phrase does, so it may be longer
            // than one before a verb, which could be a clause.
            let max_words = if matches!(side, Content::Around) { 14 } else { 8 };
            let Some(s) = clean_source(text, src.start(), src.end(), max_words) else { continue };
            if passive(text, cue.end()) {
                continue;
            }
            // "according to" is followed by its source, never by a tail.
            let end = if matches!(side, Content::Around) { cue.end() } else { cue_end(text, cue.end()) };
            let content = match (side, leading_quote(text, s.0)) {
                (Content::AfterCue | Content::BeforeMatch, Some(quote)) => quote,
                (Content::Around, _) if cue.start() > 0 => (0, cue.start()),
                (Content::Around, _) => (s.1, text.len()),
                (Content::BeforeCue, _) => (0, cue.start()),
                (Content::AfterCue, _) if ADDRESSING_CUES.contains(&cue.as_str().to_lowercase().as_str()) => {
                    skip_addressee(text, (end, text.len()))
                }
                (Content::AfterCue, _) => (end, text.len()),
                // "The fire was out, and officials said the incidents were unrelated": what
                // follows the cue is what was said.
                (Content::BeforeMatch, _) if says_more_after(text, end) => {
                    if ADDRESSING_CUES.contains(&cue.as_str().to_lowercase().as_str()) {
                        skip_addressee(text, (end, text.len()))
                    } else {
                        (end, text.len())
                    }
                }
                (Content::BeforeMatch, _) => (0, c.get(0).unwrap().start()),
            };
            let content = trim_content(text, content);
            let cue = (cue_start(text, s.1, cue.start()), end);
            let overlaps = out.iter().any(|o| o.src.0 < s.1 && s.0 < o.src.1 || (o.cue.0 < cue.1 && cue.0 < o.cue.1));
            if !overlaps {
                out.push(RawAttribution { src: s, cue, content, leading: s.0 == 0 });
            }
        }
    }
    continued(text, &mut out);
    out.sort_by_key(|a| a.src.0);
    out
}

/// A participle of saying right after a cue: the same source goes on ("“We will rebuild,” the
/// mayor said, adding that …", "… Rubio responded before adding that …").
static CONTINUED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^,?\s*(?:and\s+|before\s+)?(?P<cue>adding|saying|noting|arguing|explaining|insisting|warning|writing)(?-u:\b)")
        .unwrap()
});

/// Adds, for each attribution whose cue goes on with a participle of saying, a second one
/// with the same source, that participle as its cue and what follows it as its content.
fn continued(text: &str, out: &mut Vec<RawAttribution>) {
    let mut more = Vec::new();
    for a in out.iter() {
        let Some(cue) = CONTINUED.captures(&text[a.cue.1..]).and_then(|c| c.name("cue")) else { continue };
        let cue = (a.cue.1 + cue.start(), a.cue.1 + cue.end());
        if out.iter().any(|o| o.cue.0 < cue.1 && cue.0 < o.cue.1) {
            continue;
        }
        let content = trim_content(text, (cue.1, text.len()));
        more.push(RawAttribution { src: a.src, cue, content, leading: a.leading });
    }
    out.extend(more);
}

static GENERIC_AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:\p{Lu}[\p{L}-]+\s+)+(?:Wire|News Agency|Press Agency|Newswire)(?-u:\b)").unwrap()
});

/// The capitalised words that open a source phrase before its name, when the words between
/// them and the name are all lower-case roles ("Africom commander Gen. Michael Langley").
fn runs_before(words: &[&str], name_start: usize) -> Option<String> {
    let caps = words.iter().take_while(|w| w.starts_with(char::is_uppercase)).count();
    let between = &words[caps.min(name_start)..name_start];
    (caps > 0
        && caps < name_start
        && (1..=3).contains(&between.len())
        && between.iter().all(|w| {
            !w.starts_with(char::is_uppercase)
                && !matches!(*w, "of" | "the" | "and" | "for" | "in" | "at" | "to" | "on" | "from" | "with" | "de")
        }))
    .then(|| words[..caps].join(" ").trim_end_matches("’s").trim_end_matches("'s").to_string())
}

/// Normalises a source phrase: a wire agency to its canonical name, a person or organisation to
/// its proper name without titles, anything else to its lower-case words without determiners.
pub fn normalize_source(phrase: &str, leading: bool) -> String {
    let p = phrase.trim().trim_matches(|c: char| !c.is_alphanumeric());
    let lower = p.to_lowercase();
    if is_pronoun_source(&lower) {
        return lower;
    }
    let padded = format!(" {} ", lower.replace(['’', '\''], " ").replace(['(', ')', ','], " "));
    for (k, canon) in AGENCIES {
        if padded.contains(&format!(" {k} ")) {
            return (*canon).to_string();
        }
    }
    if let Some(m) = GENERIC_AGENCY.find(p) {
        return m.as_str().to_string();
    }
    let words: Vec<&str> = p.split_whitespace().collect();
    let start = usize::from(words.first().is_some_and(|w| matches!(w.to_lowercase().as_str(), "the" | "a" | "an")));
    let words = &words[start..];
    // Capitalised runs, the one at the very start of a sentence-opening source counting only
    // when it is longer than one word (its capital may just open the sentence).
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if words[i].starts_with(char::is_uppercase) {
            let s = i;
            while i < words.len() && words[i].starts_with(char::is_uppercase) {
                i += 1;
            }
            runs.push((s, i));
        } else {
            i += 1;
        }
    }
    let pick = runs.into_iter().rev().find(|&(s, e)| !(leading && start == 0 && s == 0 && e - s == 1));
    if let Some((s, e)) = pick {
        // An owner and what it owns ("Talvenia's interior ministry", "Ferrow’s party"): the
        // source is the thing owned, named with its owner.
        let possessive = words[e - 1].ends_with("'s") || words[e - 1].ends_with("’s");
        if possessive && e < words.len() && words[e..].iter().all(|w| !w.starts_with(char::is_uppercase)) {
            return words[s..].join(" ");
        }
        let name: Vec<&str> = words[s..e]
            .iter()
            .copied()
            .skip_while(|w| TITLES.contains(&w.to_lowercase().trim_end_matches(['’', '\'']).trim_end_matches("’s")))
            .collect();
        if !name.is_empty() {
            let name = name.join(" ").trim_end_matches("’s").trim_end_matches("'s").to_string();
            // A person named after their organisation and role keeps the organisation
            // ("Africom commander Gen. Michael Langley" is Michael Langley, Africom).
            return match runs_before(words, s) {
                Some(org) => format!("{name}, {org}"),
                None => name,
            };
        }
    }
    words.join(" ").to_lowercase().replace("’s", "").replace("'s", "")
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
    fn attributions_are_normalised() {
        let names = |t: &str| -> Vec<String> {
            claims(t)
                .into_iter()
                .filter_map(|d| match d {
                    ClaimDetail::Attribution { source, .. } => Some(source.name),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(
            names("At least 12 people were killed, the regional health ministry said."),
            vec!["regional health ministry"]
        );
        assert_eq!(names("Estimates cited by Reuters suggest that about 80 homes flooded."), vec!["Reuters"]);
        assert_eq!(
            names("Nadia Ferrant, chief economist at Solvang Securities in Brastel, said rates would rise."),
            vec!["Nadia Ferrant"]
        );
        assert_eq!(
            names("The ministry issued a statement on Monday, saying that 12 people had died."),
            vec!["ministry"]
        );
        assert_eq!(names("Opposition leaders accused the government of hiding the toll."), vec!["opposition leaders"]);
        assert_eq!(
            names("Havenport mayor Dorin Maskell told Meridian Wire that the town was in shock."),
            vec!["Dorin Maskell, Havenport"]
        );
        assert_eq!(names("Mayor Dorin Maskell told reporters the town was in shock."), vec!["Dorin Maskell"]);
        assert_eq!(names("Police said rescue teams were still searching."), vec!["police"]);
        // Pronouns, adverbs and capitalised conjunctions; quotes in doubled apostrophes; an
        // appositive after a quotation.
        assert_eq!(names("But he also said the bridge would reopen."), vec!["he"]);
        assert_eq!(names("But Mayor Ilse Damerow later told reporters it would reopen."), vec!["Ilse Damerow"]);
        assert_eq!(names("''It will reopen,'' the mayor told reporters."), vec!["mayor"]);
        assert_eq!(
            names("“We will rebuild,” Mayor Ilse Damerow, the council's chair, told the crowd."),
            vec!["Ilse Damerow"]
        );
        // "States" after a noun is the noun.
        assert!(names("Talks with the United States resumed on Monday.").is_empty());
        assert_eq!(names("Rescue teams were still searching on Tuesday, police said."), vec!["police"]);
        assert_eq!(
            names("The plant was inspected in June, according to the regional labour inspectorate."),
            vec!["regional labour inspectorate"]
        );
        assert_eq!(names("“We heard a bang,” said Anya Relsted, a night-shift worker."), vec!["Anya Relsted"]);
        assert_eq!(
            names("Calder Polymers, which makes resins for shipyards, said in a statement that it was cooperating."),
            vec!["Calder Polymers"]
        );
        assert_eq!(
            names("The fire was out by evening, and regional officials said the incidents were unrelated."),
            vec!["regional officials"]
        );
        assert!(names("The blast hit the main hall at 22:10 local time.").is_empty());
    }

    #[test]
    fn cues_take_auxiliaries_and_clauses_give_their_subject() {
        let text =
            |t: &str, span: &Span| -> String { t.chars().skip(span.start).take(span.end - span.start).collect() };
        // (source, cue, content) as written.
        let parts = |t: &str| -> Vec<(String, String, Option<String>)> {
            claims(t)
                .into_iter()
                .filter_map(|d| match d {
                    ClaimDetail::Attribution { source, cue, content } => {
                        Some((text(t, &source.span), text(t, &cue), content.as_ref().map(|c| text(t, c))))
                    }
                    _ => None,
                })
                .collect()
        };
        // (sentence, then its one attribution's source, cue and content; empty: none).
        let cases: &[(&str, &str, &str, &str)] = &[
            // How and when the words were given belong to the cue; a day is not a source.
            (
                "Calder said in a statement that it was cooperating.",
                "Calder",
                "said in a statement",
                "that it was cooperating",
            ),
            ("The senator said Tuesday the bill would pass.", "The senator", "said Tuesday", "the bill would pass"),
            ("Trump, in Kentucky, said Tuesday that Rubio was weak.", "Trump", "said Tuesday", "that Rubio was weak"),
            ("The bill will pass, the senator said Friday.", "the senator", "said Friday", "The bill will pass"),
            ("The senator said Monday's vote was void.", "The senator", "said", "Monday's vote was void"),
            // A clause's subject may carry a party label; its verb may be an irregular form.
            (
                "Sen. Ada Quist (D-Vt.) defended the plan, saying it would pay for itself.",
                "Sen. Ada Quist (D-Vt.)",
                "saying",
                "it would pay for itself",
            ),
            (
                "Mayor Tomas Brenn has taken a swipe at the council, saying its budget was a fantasy.",
                "Mayor Tomas Brenn",
                "saying",
                "its budget was a fantasy",
            ),
            // A phrase of time or place may open the clause.
            (
                "Earlier in the week, Ruiz called for an inquiry, saying the ministry had hidden the figures.",
                "Ruiz",
                "saying",
                "the ministry had hidden the figures",
            ),
            // Polls and studies show and find; people who find things are not sources.
            ("A new poll shows Ruiz leading by 12 points.", "A new poll", "shows", "Ruiz leading by 12 points"),
            (
                "The study found that 40 percent of voters were undecided.",
                "The study",
                "found",
                "that 40 percent of voters were undecided",
            ),
            ("Police found a body near the harbour.", "", "", ""),
            // Calling something a name is a view attributed to its source; naming is not.
            ("The mayor called the plan reckless.", "The mayor", "called", "the plan reckless"),
            ("A man called Tom Berg was arrested.", "", "", ""),
            ("He was called a liar by the senator.", "", "", ""),
            // Auxiliaries and adverbs before the verb belong to the cue.
            ("Cruz has said for weeks he can win.", "Cruz", "has said", "for weeks he can win"),
            (
                "The mayor has repeatedly said the bridge is safe.",
                "The mayor",
                "has repeatedly said",
                "the bridge is safe",
            ),
            // "and" between capitalised words joins two names; between clauses it does not.
            (
                "Senators Ana Ruiz and Tom Berg say the bill will pass.",
                "Senators Ana Ruiz and Tom Berg",
                "say",
                "the bill will pass",
            ),
            ("Prices rose and analysts said the bank would act.", "", "", ""),
            // A noun in "-ly" is not an adverb.
            ("The family said the boy was safe.", "The family", "said", "the boy was safe"),
            ("The state assembly said the vote was lawful.", "The state assembly", "said", "the vote was lawful"),
            ("Smith publicly said the vote was lawful.", "Smith", "publicly said", "the vote was lawful"),
            // A pronoun and its cue inside a relative clause.
            (
                "They built a wall which he said the neighbours would pay for.",
                "he",
                "said",
                "the neighbours would pay for",
            ),
            // The subject of a clause continued by "and said" or ", saying".
            (
                "Wilson praised the senator's record and said he can win in November.",
                "Wilson",
                "said",
                "he can win in November",
            ),
            (
                "The mayor recently urged residents to leave, saying the river would rise.",
                "The mayor",
                "saying",
                "the river would rise",
            ),
            // An opening quotation is what the source after it said, marks and comma included.
            (
                "“We will rebuild,” the mayor said on Tuesday at the town hall.",
                "the mayor",
                "said",
                "“We will rebuild,”",
            ),
            // The person addressed is not what was said.
            (
                "The mayor told reporters at the scene that the bridge was safe.",
                "The mayor",
                "told",
                "that the bridge was safe",
            ),
            ("She urged voters not to panic.", "She", "urged", "not to panic"),
            // A name and a colon, as in a headline; a label and a colon credit no one.
            ("Graham: Trump's rhetoric is hurting the party", "Graham", ":", "Trump's rhetoric is hurting the party"),
            ("Update: The bridge reopened on Monday.", "", "", ""),
            ("WASHINGTON: The talks resumed on Monday.", "", "", ""),
            // An age is not part of the source; a clause joined by "but" gives its subject.
            ("“We were wrong,” Ramos, 58, told AFP.", "Ramos", "told", "“We were wrong,”"),
            (
                "Carson named none of his rivals but told supporters that the nation was in trouble.",
                "Carson",
                "told",
                "that the nation was in trouble",
            ),
            // Any appositive between the source and its cue; a name in it is the source; an
            // adverbial before the first comma is not a source.
            (
                "Marley Anderson, 21, a junior from Las Vegas, said she voted for the first time.",
                "Marley Anderson",
                "said",
                "she voted for the first time",
            ),
            (
                "His attorney, Benedikt Sorel, said the defence would appeal.",
                "Benedikt Sorel",
                "said",
                "the defence would appeal",
            ),
            (
                "Yesterday, after the vote, the mayor said the bridge would reopen.",
                "the mayor",
                "said",
                "the bridge would reopen",
            ),
            // What follows the cue, when it is a clause of its own; not what follows a comma.
            (
                "The fire was out by evening, and regional officials said the incidents were unrelated.",
                "regional officials",
                "said",
                "the incidents were unrelated",
            ),
            (
                "About 200 residents were evacuated, police said, and no injuries were reported.",
                "police",
                "said",
                "About 200 residents were evacuated",
            ),
            // A name with particles and an acronym is a name.
            (
                "A rebel group, Harakat ul-Tahrir wa al-Nasr (HTN), said it had taken the base.",
                "Harakat ul-Tahrir wa al-Nasr (HTN)",
                "said",
                "it had taken the base",
            ),
            (
                "Rescue teams searched the rubble, police said and heavy cranes were brought in.",
                "police",
                "said",
                "Rescue teams searched the rubble",
            ),
            // A source after "according to" may be a long phrase.
            (
                "Turnout fell, according to early results of exit polls conducted for the Harbour Wire.",
                "early results of exit polls conducted for the Harbour Wire",
                "according to",
                "Turnout fell",
            ),
            // A clause that is not about saying gives no attribution.
            ("The council approved the budget and the works began in May.", "", "", ""),
        ];
        for (sentence, source, cue, content) in cases {
            let expected = if source.is_empty() {
                vec![]
            } else {
                vec![(source.to_string(), cue.to_string(), Some(content.to_string()))]
            };
            assert_eq!(parts(sentence), expected, "{sentence}");
        }
        // A participle of saying after the cue: the same source says more.
        let t = "“The dam will hold,” the engineer said, adding that the spillway had been cleared.";
        let got = parts(t);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].1, "said");
        assert_eq!(
            (got[1].0.as_str(), got[1].1.as_str(), got[1].2.as_deref()),
            ("the engineer", "adding", Some("that the spillway had been cleared"))
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
