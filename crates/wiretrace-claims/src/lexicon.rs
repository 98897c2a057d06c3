//! Word lists and patterns: approximators, events, attribution cues, hedges, titles, agencies.

use crate::model::Approximator;
use regex::Regex;
use std::sync::LazyLock;

/// Number words and their values.
pub const NUMBER_WORDS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("a dozen", 12.0),
    ("half a dozen", 6.0),
    ("half a", 0.5),
    ("twin", 2.0),
    ("dual", 2.0),
    ("half an", 0.5),
    ("a hundred", 100.0),
    ("a thousand", 1000.0),
];

/// Units a number is joined to by a hyphen in a measure that is still a quantity ("a
/// 12-year sentence", "a 40-km stretch"); other hyphenated numbers ("COVID-19", "5-0") are
/// not counts.
pub const HYPHEN_UNITS: &[&str] = &[
    "year",
    "month",
    "week",
    "day",
    "hour",
    "minute",
    "mile",
    "km",
    "kilometre",
    "kilometer",
    "metre",
    "meter",
    "foot",
    "storey",
    "story",
    "member",
    "seat",
    "point",
    "percent",
    "tonne",
    "ton",
];

/// Vague amounts: a quantity without a value.
pub const VAGUE_AMOUNTS: &[&str] = &["dozens", "hundreds", "thousands", "scores"];

/// Fractions written as one character, and their values.
pub const VULGAR_FRACTIONS: &[(char, f64)] = &[
    ('½', 1.0 / 2.0),
    ('⅓', 1.0 / 3.0),
    ('⅔', 2.0 / 3.0),
    ('¼', 1.0 / 4.0),
    ('¾', 3.0 / 4.0),
    ('⅕', 1.0 / 5.0),
    ('⅖', 2.0 / 5.0),
    ('⅗', 3.0 / 5.0),
    ('⅘', 4.0 / 5.0),
    ('⅙', 1.0 / 6.0),
    ('⅚', 5.0 / 6.0),
    ('⅛', 1.0 / 8.0),
    ('⅜', 3.0 / 8.0),
    ('⅝', 5.0 / 8.0),
    ('⅞', 7.0 / 8.0),
];

/// Denominators written as words (plural first, as the pattern tries them in order).
pub const DENOMINATORS: &[(&str, f64)] = &[
    ("halves", 2.0),
    ("half", 2.0),
    ("thirds", 3.0),
    ("third", 3.0),
    ("quarters", 4.0),
    ("quarter", 4.0),
    ("fourths", 4.0),
    ("fourth", 4.0),
    ("fifths", 5.0),
    ("fifth", 5.0),
    ("sixths", 6.0),
    ("sixth", 6.0),
    ("sevenths", 7.0),
    ("seventh", 7.0),
    ("eighths", 8.0),
    ("eighth", 8.0),
    ("ninths", 9.0),
    ("ninth", 9.0),
    ("tenths", 10.0),
    ("tenth", 10.0),
];

/// Units of measure that make "3/4" a fraction ("3/4 inch"); before anything else it may be
/// a date or a score.
pub const MEASURE_UNITS: &[&str] = &[
    "inch",
    "inches",
    "foot",
    "feet",
    "ft",
    "mile",
    "miles",
    "yard",
    "yards",
    "cup",
    "cups",
    "teaspoon",
    "teaspoons",
    "tsp",
    "tablespoon",
    "tablespoons",
    "tbsp",
    "pound",
    "pounds",
    "lb",
    "lbs",
    "ounce",
    "ounces",
    "oz",
    "acre",
    "acres",
    "gallon",
    "gallons",
    "litre",
    "litres",
    "liter",
    "liters",
    "metre",
    "metres",
    "meter",
    "meters",
    "kilometre",
    "kilometres",
    "kilometer",
    "kilometers",
    "km",
    "hour",
    "hours",
    "point",
    "points",
    "percent",
];

/// Words of change before "from": "rose from 12 to 30" is a change, not a range.
pub const CHANGE_WORDS: &[&str] = &[
    "rose",
    "risen",
    "rise",
    "rises",
    "rising",
    "fell",
    "fallen",
    "fall",
    "falls",
    "falling",
    "increased",
    "increase",
    "increases",
    "increasing",
    "decreased",
    "decrease",
    "decreases",
    "dropped",
    "drop",
    "drops",
    "climbed",
    "climb",
    "climbs",
    "jumped",
    "jump",
    "jumps",
    "grew",
    "grown",
    "grow",
    "grows",
    "soared",
    "surged",
    "plunged",
    "slipped",
    "declined",
    "decline",
    "declines",
    "raised",
    "raise",
    "raises",
    "cut",
    "cuts",
    "reduced",
    "reduce",
    "lowered",
    "lower",
    "revised",
    "upgraded",
    "downgraded",
    "up",
    "down",
    "went",
    "moved",
    "shrank",
    "shrunk",
    "expanded",
    "doubled",
    "tripled",
    "changed",
    "boosted",
    "slashed",
    "trimmed",
    "lifted",
    "hiked",
];

/// Tens and units written as one number ("twenty-one", "forty two").
const COMPOUND: &str =
    "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:one|two|three|four|five|six|seven|eight|nine)";

/// The quantity pattern: optional approximator, an optional currency sign, a number (a
/// fraction in one character or in words, a mixed number, digits grouped by commas or thin
/// spaces, words — "one" only before a multiplier) with a suffix (per cent, a multiplier
/// such as "k" or "bn", a unit such as "kg"), an optional multiplier and the rest after
/// "and" ("a hundred and two").
pub static QUANTITY: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<&str> = NUMBER_WORDS.iter().map(|(w, _)| *w).chain(VAGUE_AMOUNTS.iter().copied()).collect();
    let units: Vec<&str> = NUMBER_WORDS.iter().map(|(w, _)| *w).filter(|w| !w.contains(' ')).chain(["one"]).collect();
    let rest = format!("{COMPOUND}|{}", units.join("|"));
    let vulgar: String = VULGAR_FRACTIONS.iter().map(|(c, _)| *c).collect();
    let denominators: Vec<&str> = DENOMINATORS.iter().map(|(w, _)| *w).collect();
    let denominators = denominators.join("|");
    let small = "one|a|two|three|four|five|six|seven|eight|nine|ten";
    let mixed = format!(r"(?:\d{{1,3}}|{COMPOUND}|{})\s+and\s+a\s+(?:half|third|quarter)", units.join("|"));
    let fraction = format!(r"(?:{small})[- ](?:{denominators})");
    let suffix = "kWh|MWh|GWh|kW|MW|GW|kg|km|kph|kmh|mph|mg|ml|mm|cm|lbs|lb|ft|bn|tn|k|K|m|M|B|T";
    Regex::new(&format!(
        r"(?i)(?:(?-u:\b)(?P<approx>no more than|not more than|not less than|not fewer than|more than|upwards of|in excess of|over|at least|no fewer than|no less than|about|around|approximately|roughly|nearly|almost|some|an estimated|close to|up to|as many as|as much as|fewer than|less than|under)\s+)?(?:(?P<cur>[$£€])\s?)?(?:(?P<vnum>(?-u:\b)\d{{1,3}} ?[{vulgar}]|[{vulgar}])|(?P<num>(?-u:\b)(?:{mixed}|{fraction}|\d{{1,3}}\s+\d{{1,2}}/\d{{1,3}}|\d{{1,3}}/\d{{1,3}}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d{{1,3}}(?:[\u{{A0}}\u{{202F}}\u{{2009}}]\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|{COMPOUND}|(?:a hundred|a thousand)(?:\s+and\s+(?:{rest}))?|one|{}|half))(?:(?P<suffix>%|(?-i:{suffix})(?-u:\b))|(?-u:\b)))(?:(?:\s+|-)(?P<mult>hundred|thousand|million|billion|trillion)(?-u:\b)(?:\s+and\s+(?P<rest>{rest})(?-u:\b))?)?",
        words.join("|")
    ))
    .unwrap()
});

/// The value of a number written in words: a listed word, "one", tens and units
/// ("twenty-one") or a hundred or thousand and the rest ("a hundred and two").
pub fn word_value(words: &str) -> Option<f64> {
    let w = words.trim().to_lowercase();
    if w == "one" {
        return Some(1.0);
    }
    if let Some(v) = NUMBER_WORDS.iter().find(|(x, _)| *x == w).map(|(_, v)| *v) {
        return Some(v);
    }
    if let Some((head, tail)) = w.split_once(" and ") {
        return Some(word_value(head)? + word_value(tail)?);
    }
    let (tens, units) = w.split_once(['-', ' '])?;
    let (t, u) = (word_value(tens)?, word_value(units)?);
    (t >= 20.0 && t % 10.0 == 0.0 && u < 10.0).then_some(t + u)
}

/// Normalises an approximator phrase.
pub fn approximator(phrase: Option<&str>) -> Approximator {
    match phrase.map(|p| p.to_lowercase()).as_deref() {
        None => Approximator::Exactly,
        Some("more than" | "upwards of" | "in excess of" | "over") => Approximator::MoreThan,
        Some("at least" | "no fewer than" | "no less than" | "not fewer than" | "not less than") => {
            Approximator::AtLeast
        }
        Some("up to" | "as many as" | "as much as" | "no more than" | "not more than") => Approximator::UpTo,
        Some("fewer than" | "less than" | "under") => Approximator::FewerThan,
        Some(_) => Approximator::About,
    }
}

/// Event words and the event they name.
pub const EVENTS: &[(&str, &str)] = &[
    ("killed", "killed"),
    ("killing", "killed"),
    ("kill", "killed"),
    ("kills", "killed"),
    ("dead", "killed"),
    ("died", "killed"),
    ("die", "killed"),
    ("deaths", "killed"),
    ("death", "killed"),
    ("fatalities", "killed"),
    ("neutralized", "killed"),
    ("neutralised", "killed"),
    ("lives", "killed"),
    ("injured", "injured"),
    ("injuring", "injured"),
    ("injuries", "injured"),
    ("wounded", "injured"),
    ("wounding", "injured"),
    ("hurt", "injured"),
    ("arrested", "arrested"),
    ("arresting", "arrested"),
    ("detained", "arrested"),
    ("arrests", "arrested"),
    ("seized", "seized"),
    ("seizing", "seized"),
    ("confiscated", "seized"),
    ("evacuated", "evacuated"),
    ("evacuating", "evacuated"),
    ("evacuation", "evacuated"),
    ("missing", "missing"),
    ("displaced", "displaced"),
    ("rescued", "rescued"),
];

/// The event a word names, if any.
pub fn event_of(word: &str) -> Option<&'static str> {
    let w = word.to_lowercase();
    EVENTS.iter().find(|(k, _)| *k == w).map(|(_, e)| *e)
}

/// Hedge cues, longest first (case-insensitive). Where a pattern has a group, the cue is the
/// group and the rest is context it needs.
pub static HEDGES: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        r"according to unverified reports",
        r"(?:could not|cannot|can ?not|(?:was|were|is|are) unable to|(?:has|have) not been able to) (?:independently )?(?:verify|confirm)",
        r"could not (?:be )?(?:independently )?(?:verified|confirmed)",
        r"(?:has|have|had) not (?:yet )?been (?:officially |independently )?(?:confirmed|verified|corroborated)",
        r"(?:has|have|had) yet to (?:officially )?(?:confirm|verify)",
        r"yet to be (?:independently )?(?:verified|confirmed)",
        r"not (?:officially |independently )?(?:confirmed|verified|corroborated)",
        r"(?:is|are|was|were) (?:believed|thought|understood|reported|said) to",
        r"(?-u:\b)(?:unverified|unconfirmed)(?-u:\b)",
        r"(?-u:\b)(?:reportedly|allegedly|purportedly|apparently|supposedly|possibly|probably)(?-u:\b)",
        r"(?-u:\b)(?:believed|thought) to(?-u:\b)",
        r"(?-u:\b)(?:appear|appears|appeared|seem|seems|seemed) to(?-u:\b)",
        r"(?-u:\b)(?:may|might) have(?-u:\b)",
        // "was likely to remain closed": a forecast, not a fact.
        r"(?-u:\b)(?:is|are|was|were|be|been|seems?|seemed|looks?|looked) (?:very |highly |most |more |less )?(?:likely|unlikely) to(?-u:\b)",
        // ("alleges", a present-tense report, is credit given, like "says".)
        r"(?-u:\b)(?:alleged|alleging|allegation|allegations)(?-u:\b)",
        r"(?-u:\b)(?:estimates|estimated that)(?-u:\b)",
        // "Oskeland estimated the closure could cost …": a clause follows without "that" ("an
        // estimated 300", an approximator, is followed by its figure).
        r"(?-u:\b)\p{L}[\p{L}’'-]* (estimated) (?:the|a|its|their|his|her|some|about|around|nearly|that)(?-u:\b)",
        // "…, estimating the damage at 2.3 million".
        r"(?-u:\b)(estimating) (?:the|its|their|that)(?-u:\b)",
        // "Neither the footage nor its date could be verified".
        r"(?-u:\b)neither(?-u:\b)[^.;]{1,80}?(?-u:\b)nor(?-u:\b)[^.;]{1,80}?((?:could|can|has|have|had)(?: yet)? (?:be|been) (?:independently |officially )?(?:verified|confirmed|corroborated))",
        // "the coast guard’s estimate", "by its own estimate": an estimate named as a noun.
        r"(?:’s|'s|(?-u:\b)(?:an|the|its|their|his|her|our|own|official|initial|preliminary|latest|early|first)) (estimate)(?-u:\b)",
        // "…, the chamber estimated." (the cue after what it qualifies).
        r"(?-u:\b)(estimated)(?:[.,;]|$)",
        // "puts the cost of the strike at about 18 million": an estimate (the cue is the
        // group; the figure after it must follow).
        r"(?-u:\b)((?:puts|put|putting) the (?:[\p{L}-]+ ){1,8}?at) (?:about |around |roughly |some |nearly |almost |more than |over |at least |up to |an estimated )?[\d$€£]",
    ]
    .iter()
    .map(|p| Regex::new(&format!("(?i){p}")).unwrap())
    .collect()
});

/// Canonical form of a hedge cue, so that paraphrased hedges compare equal in kind.
pub fn hedge_norm(cue: &str) -> String {
    let c = cue.to_lowercase();
    let norm = if c.contains("verif") || c.contains("confirm") || c.contains("corroborat") {
        "unverified"
    } else if c.contains("believ") || c.contains("thought") || c.contains("understood") {
        "believed"
    } else if c.contains("appear") || c.contains("seem") {
        "appeared"
    } else if c.contains("reported") || c.contains("said to") {
        "reportedly"
    } else if c.contains("alleg") {
        "allegedly"
    } else if c.contains("unlikely") {
        "unlikely"
    } else if c.contains("likely") {
        "likely"
    } else if c.contains("estimat") || c.starts_with("put") {
        "estimated"
    } else {
        c.as_str()
    };
    norm.to_string()
}

/// Attribution cue verbs. ("states" is left out: after a noun it is nearly always the plural
/// noun, "the United States".)
pub const CUES: &str = "said|cited|highlighted|stressed|emphasized|emphasised|indicated|argued|asserted|maintained|says|say|told|tells|reported|reports|stated|added|adds|confirmed|announced|warned|estimated|estimates|noted|notes|explained|insisted|acknowledged|claimed|claims|described|wrote|writes|tweeted|declared|suggested|predicted|admitted|conceded|recalled|observed|replied|responded|testified|alleged|contended|concluded|complained|cautioned|countered|recounted|disclosed|revealed|announces|asks|asked|urged|urges|accused|accuses|criticized|criticised|praised|vowed|pledged|promised|called|calls|demanded|show|shows|showed|found|finds";

/// Verbs of evidence ("the poll shows", "a study found"): cues only for a source that is a
/// record of some kind (see [`EVIDENCE_NOUNS`]), not for people ("police found a body").
pub const EVIDENCE_CUES: &[&str] = &["show", "shows", "showed", "found", "finds"];

/// What can show or find something as a source: polls, studies, data and records.
pub const EVIDENCE_NOUNS: &[&str] = &[
    "poll",
    "polls",
    "survey",
    "surveys",
    "study",
    "studies",
    "data",
    "report",
    "reports",
    "analysis",
    "analyses",
    "figures",
    "numbers",
    "statistics",
    "results",
    "research",
    "records",
    "documents",
    "audit",
    "review",
    "investigation",
    "inquiry",
    "census",
    "tally",
    "count",
    "footage",
    "video",
    "videos",
    "photos",
    "images",
    "emails",
    "filings",
    "estimates",
    "projections",
    "models",
    "test",
    "tests",
    "autopsy",
    "probe",
];

/// Personal pronouns accepted as a whole source ("he said"): the attribution is real even
/// though who "he" is takes the sentences before.
pub const PRONOUN_SOURCES: &[&str] = &["he", "she", "they", "we", "i", "it"];

/// Whether a normalised source is a bare pronoun (see [`PRONOUN_SOURCES`]).
pub fn is_pronoun_source(name: &str) -> bool {
    PRONOUN_SOURCES.contains(&name.trim().to_lowercase().as_str())
}

/// Adverbs that sit between a source and its cue ("Smith also said") and are not part of
/// the source but of the cue (as are auxiliaries: "has repeatedly said"); lower-case adverbs
/// in "-ly" count too (see [`is_cue_prefix`]).
pub const SOURCE_ADVERBS: &[&str] = &[
    "also",
    "later",
    "previously",
    "again",
    "then",
    "now",
    "repeatedly",
    "recently",
    "once",
    "earlier",
    "further",
    "never",
    "since",
    "initially",
    "already",
    "first",
    "often",
    "long",
    "still",
];

/// Auxiliaries between a source and its cue ("Cruz has said", "she would say").
pub const CUE_AUXILIARIES: &[&str] =
    &["has", "have", "had", "would", "will", "did", "does", "do", "could", "might", "may", "must", "should"];

/// Whether a word between a source and its cue belongs to the cue: an auxiliary or an
/// adverb ([`SOURCE_ADVERBS`], or a lower-case word in "-ly" such as "publicly", unless it is
/// one of the [`LY_NOUNS`] or follows a determiner: "the family said"). `previous` is the word
/// before it.
pub fn is_cue_prefix(word: &str, previous: Option<&str>) -> bool {
    let lower = word.to_lowercase();
    let after_determiner = previous.is_some_and(|p| DETERMINERS.contains(&p.to_lowercase().as_str()));
    CUE_AUXILIARIES.contains(&lower.as_str())
        || SOURCE_ADVERBS.contains(&lower.as_str())
        || (word.len() > 4
            && word.ends_with("ly")
            && word.chars().all(|c| c.is_lowercase())
            && !LY_NOUNS.contains(&word)
            && !after_determiner)
}

/// Nouns in "-ly", which can end a source ("the state assembly said").
pub const LY_NOUNS: &[&str] = &[
    "family",
    "ally",
    "rally",
    "supply",
    "assembly",
    "monopoly",
    "anomaly",
    "belly",
    "bully",
    "tally",
    "reply",
    "daily",
    "weekly",
    "monthly",
    "quarterly",
    "homily",
    "folly",
    "lily",
    "jelly",
];

/// Words that open a noun phrase.
pub const DETERMINERS: &[&str] =
    &["the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those"];

/// Labels that open a line with a colon without crediting anyone ("Update: …").
pub const COLON_LABELS: &[&str] = &[
    "update",
    "updated",
    "note",
    "editor's note",
    "editor’s note",
    "photo",
    "photos",
    "video",
    "watch",
    "read",
    "related",
    "breaking",
    "exclusive",
    "opinion",
    "analysis",
    "source",
    "sources",
    "correction",
    "disclosure",
    "warning",
    "q",
    "a",
    "question",
    "answer",
    "tags",
    "topics",
    "live",
    "timeline",
    "background",
    "summary",
    "example",
    "listen",
    "see",
    "also",
    "more",
    "the bottom line",
    "bottom line",
    "why",
    "what",
    "how",
    "who",
    "when",
    "where",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "last",
    "finally",
    "today",
    "yesterday",
];

/// Verbs whose object is the person addressed ("told reporters that …", "urged voters to …"):
/// what was said starts after it.
pub const ADDRESSING_CUES: &[&str] = &["told", "tells", "tell", "telling", "asked", "asks", "urged", "urges", "urging"];

/// Words that open an adverbial phrase before a comma, not a source.
pub const OPENERS: &[&str] = &[
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
    "meanwhile",
    "however",
    "earlier",
    "later",
    "last",
    "this",
    "next",
    "separately",
    "instead",
    "still",
    "now",
    "then",
    "also",
    "overall",
    "finally",
    "first",
    "second",
    "again",
    "moreover",
    "indeed",
    "but",
    "and",
    "so",
    "yet",
    "asked",
    "speaking",
    "according",
    "after",
    "before",
    "since",
    "until",
    "when",
    "while",
    "although",
    "though",
    "if",
    "as",
    "because",
    "despite",
    "like",
    "unlike",
    "besides",
];

/// Words that open an adjunct after a cue (when, where or how something was said) or a clause
/// of its own, not what was said.
pub const ADJUNCT_OPENERS: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "outside",
    "inside",
    "to",
    "from",
    "by",
    "last",
    "this",
    "earlier",
    "later",
    "late",
    "early",
    "when",
    "while",
    "as",
    "with",
    "without",
    "under",
    "over",
    "for",
    "through",
    "via",
    "yesterday",
    "today",
    "tonight",
    "and",
    "but",
    "adding",
    "although",
    "though",
    "because",
    "so",
];

/// Lower-case words inside names, alone or before a hyphen ("van", "wa", "al-Muslimin").
pub const NAME_PARTICLES: &[&str] = &[
    "al", "el", "ul", "ad", "as", "ash", "bin", "ibn", "wa", "de", "da", "del", "della", "di", "du", "la", "le", "van",
    "von", "der", "den", "y",
];

/// Words that show a candidate source phrase is a clause, not a noun phrase.
pub const CLAUSE_WORDS: &[&str] = &[
    "was", "were", "is", "are", "be", "been", "had", "has", "have", "will", "would", "could", "did", "not", "that",
    "which", "who", "when", "after", "before", "if", "because", "while", "and", "but", "it", "they", "he", "she", "we",
    "there", "this",
];

/// Titles and roles dropped in front of a person's name.
pub const TITLES: &[&str] = &[
    "mayor",
    "president",
    "minister",
    "prime",
    "gen",
    "gen.",
    "general",
    "col",
    "col.",
    "colonel",
    "lt",
    "lt.",
    "commander",
    "chief",
    "governor",
    "gov",
    "gov.",
    "sen",
    "sen.",
    "senator",
    "rep",
    "rep.",
    "dr",
    "dr.",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "director",
    "secretary",
    "officer",
    "inspector",
    "sheriff",
    "captain",
    "capt",
    "capt.",
    "judge",
    "king",
    "queen",
    "prince",
    "pope",
    "sheikh",
    "ambassador",
    "deputy",
    "admiral",
    "adm",
    "adm.",
    "sgt",
    "sgt.",
    "major",
    "maj",
    "maj.",
    "ceo",
    "chairman",
    "chairwoman",
    "head",
    "leader",
    "professor",
    "prof",
    "prof.",
    "councillor",
    "councilor",
];

/// Wire agencies recognised in attributions, with their canonical names.
pub const AGENCIES: &[(&str, &str)] = &[
    ("reuters", "Reuters"),
    ("associated press", "AP"),
    ("ap", "AP"),
    ("afp", "AFP"),
    ("agence france-presse", "AFP"),
    ("agence france presse", "AFP"),
    ("bloomberg", "Bloomberg"),
    ("xinhua", "Xinhua"),
    ("dpa", "dpa"),
    ("ansa", "ANSA"),
    ("efe", "EFE"),
    ("kyodo", "Kyodo"),
    ("upi", "UPI"),
    ("pti", "PTI"),
];

/// Nouns that count people in general, so that "9,000 residents" and "9,000 people" count the
/// same thing (stems, as `crate::rules::stems` gives them).
pub const PEOPLE_NOUNS: &[&str] = &[
    "peopl", "person", "resid", "inhabit", "local", "villag", "citizen", "individu", "survivor", "victim", "passeng",
    "patient",
];

/// Nouns that count the people a firm or service employs: the same as each other and as
/// people in general ("150 staff", "150 workers", "150 people"), not as patients or residents.
pub const WORKFORCE_NOUNS: &[&str] = &["worker", "staff", "employe"];

/// Abbreviated units and the stem of their full name ("km" and "kilometres" count the same).
pub const UNIT_ABBREVIATIONS: &[(&str, &str)] = &[
    ("km", "kilometr"),
    ("kms", "kilometr"),
    ("kilomet", "kilometr"),
    ("cm", "centimetr"),
    ("mm", "millimetr"),
    ("kg", "kilogram"),
    ("kgs", "kilogram"),
    ("ha", "hectar"),
    ("mph", "mile"),
    ("kph", "kilometr"),
    ("km/h", "kilometr"),
    ("sq", "squar"),
    ("ft", "feet"),
    ("lb", "pound"),
    ("lbs", "pound"),
    ("t", "tonn"),
    ("pct", "percent"),
];

/// Weekday names.
pub const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
/// Month names.
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
