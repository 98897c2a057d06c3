//! Attributions: who said what, read from one sentence by patterns in order of trust ("X
//! said", "according to X", "“…,” said X, a role", "X, who …, told Y", "X did this, saying …"),
//! each giving the source phrase as written (its description included), the name to
//! normalise, the cue and the content.

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::Reader;
use crate::lexicon::{
    is_cue_prefix, is_pronoun_source, ADDRESSING_CUES, ADJUNCT_OPENERS, AGENCIES, CLAUSE_WORDS, COLON_LABELS, CUES,
    CUE_AUXILIARIES, EVIDENCE_CUES, EVIDENCE_NOUNS, MONTHS, NAME_PARTICLES, OPENERS, SOURCE_ADVERBS, TITLES, WEEKDAYS,
};

pub(crate) struct RawAttribution {
    /// The name of the source: what is normalised, and a quote's speaker.
    pub(crate) src: (usize, usize),
    /// The source phrase as written, its description included ("Craig Minassian, a spokesman
    /// for the foundation,").
    pub(crate) phrase: (usize, usize),
    pub(crate) cue: (usize, usize),
    pub(crate) content: Option<(usize, usize)>,
    /// The source opens the sentence (its capital may be positional).
    pub(crate) leading: bool,
}

static ACCORDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?P<cue>according to)\s+(?:(?:reports|figures|data|estimates|a statement|statements|sources|a tally)\s+(?:from|by|reported by|cited by|released by|issued by|compiled by)\s+)?(?P<src>[^,.;:“”()]{2,80})").unwrap()
});
/// A poll, survey, study or report opening the sentence as the source of what follows: "In an
/// NBC News poll released Monday, 50 percent chose Clinton", "In Forbes' words, …".
static IN_RECORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^(?P<cue>In)\s+(?P<src>(?:\d,\d{3}|[^,;:“”"]){0,80}?(?:(?-u:\b)(?:poll|polls|survey|surveys|study|studies|report|analysis|census|tally)|(?:['’]s?|(?-u:\b)(?:his|her|their|its|our|my))\s+words)(?-u:\b)(?:\d,\d{3}|[^,;:“”"]){0,60}?),\s*\S"#).unwrap()
});
/// A reckoning opening the sentence, credited with a possessive: "By her estimate, 2,500 jobs
/// are at risk", "By the union's count, …". The owner is the source.
static BY_RECKONING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^(?P<cue>By)\s+(?P<src>his|her|their|its|our|(?:the\s+)?[\p{L}’'.-]+(?:\s+[\p{L}’'.-]+){0,5}?['’]s?)\s+(?:own\s+|latest\s+|initial\s+)?(?:estimate|estimates|count|reckoning|calculations?|tally|assessment|analysis)\s*,\s*\S"#).unwrap()
});
/// A source joined to a clause by ", with", the cue a participle: "…, with the board saying
/// the bacterium may have spread through a drain".
static WITH_PARTICIPLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#",\s+[Ww]ith\s+(?P<src>(?:the\s+|its\s+|his\s+|her\s+|their\s+)?[\p{L}’'.-]+(?:\s+[\p{L}’'.()-]+){0,7}?)\s+(?P<cue>saying|adding|noting|arguing|warning|insisting|claiming|estimating|predicting|confirming)(?-u:\b)"#).unwrap()
});
/// Someone's claims named as the subject, with what they claim: "Claims by passengers that
/// the train was speeding could not be verified", "Allegations from staff that …".
static CLAIMS_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^(?P<cue>(?:[Tt]he\s+)?(?:[Cc]laims|[Aa]llegations|[Ss]uggestions|[Aa]ssertions)\s+(?:by|from))\s+(?P<src>[^,;:“”"]{2,60}?)\s+that(?-u:\b)"#).unwrap()
});
/// A source that puts a figure at a value: "Veltrail documents put the speed limit at 80
/// km/h", "Officials put the death toll at about 40". The figure must follow.
static PUT_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^(?P<src>[^,;:“”"]{2,80}?)\s+(?P<cue>puts|put)\s+(?:the|its|their|his|her)\s+(?:[\p{L}-]+\s+){1,8}?at\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+|more than\s+|over\s+|at least\s+|up to\s+|an estimated\s+)?[\d$€£]"#).unwrap()
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
        r#"^(?:{LEADING_QUOTE})?(?P<src>[^,;:“”"]{{2,60}}),\s*(?P<app>[^;“”"]{{2,200}}?),\s*(?P<cue>{CUES})(?-u:\b)"#
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

/// A quotation that opens a sentence, before its source: in curly or straight marks or doubled
/// apostrophes, or the end of one opened in an earlier sentence ("… the election,” Warren,
/// who …, told reporters").
const LEADING_QUOTE: &str = r#"(?:(?:[“"]|'')[^“”"]*?(?:[”"]|'')|[^“”"]*?[,?!](?:[”"]|''))\s*,?\s*"#;

/// An age between a name and its cue, part of the source phrase but not of its name: "Ramos,
/// 58, told AFP".
const AGE: &str = r"(?:,\s*\d{1,3},)?";
/// Who passed the words on, as part of the source phrase: "Sources cited by Reuters said",
/// "…, officials quoted by AFP said" (the verb after it is the cue, not "cited").
const VIA: &str = r#"(?:\s+(?:cited|quoted)\s+by\s+[^,;:“”"]{2,60}?)?"#;
static LEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r#"^(?:{LEADING_QUOTE})?(?P<src>[^,;:“”"]{{2,80}}?{VIA}){AGE}\s+(?P<cue>{CUES})(?-u:\b)"#))
        .unwrap()
});
static APPOSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"^(?:{LEADING_QUOTE})?(?P<src>[^,;:“”"]{{2,60}}),\s*(?:which|who|the|a|an)(?-u:\b)[^;“”"]{{2,200}}?,\s*(?P<cue>{CUES})(?-u:\b)"#
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
const CLAUSE_VERB: &str = r"(?:is|are|was|were|(?:(?:has|have|had|is|are|was|were)\s+)?(?:\p{Ll}+ly\s+)?(?:\p{Ll}+(?:ed|ing)|began|begun|took|taken|made|sought|won|ran|held|kept|left|met|spent|sent|went|gone|gave|given|drew|drawn|spoke|spoken|wrote|written|stood|fought|brought|thought|came|become|became|did|done|got|gotten|led|lost|paid|rose|risen|saw|seen|shown|struck|chose|chosen|broke|broken|fled|flew|flown|fell|fallen|felt|sold|built|told|said|threw|thrown|knew|known|hit|put|set|cut|let|laid|caught|taught|bought|heard|meant|shot|sat|stuck|swore|sworn|wore|worn|won|withdrew|withdrawn|undertook|overtook|forgot|forgotten))";

/// A phrase of time or place before a clause's subject ("Earlier in the week, …", "On Monday,
/// …", "In Iowa, …"), opened by one of a few words.
const CLAUSE_OPENER: &str = r#"(?:(?:Earlier|Later|Last|On|In|At|After|Before|During|Meanwhile|Since|While|When|As|Although|Though|Despite|Following|Asked|Speaking|Addressing|Here|Unlike|Like|With|Without|Alongside|Throughout|Under|Amid|Until|Once|Even)(?-u:\b)[^,;:“”"]{0,60},\s+)?"#;

/// The subject that opens a sentence, as the clause patterns take it (up to eight words),
/// maybe followed by a role between commas ("Teodor Vallin, the water minister, flew …").
const CLAUSE_SUBJECT: &str = r#"(?P<src>(?:[Tt]he\s+)?[\p{L}'’.-]+(?:\s+[\p{L}'’.-]+){0,7}?(?:\s+\([\p{Lu}][\p{L}.-]{0,6}(?:[-–][\p{Lu}][\p{L}.]{0,6})?\))?)(?:,\s+(?:the|a|an|its|his|her|their)\s[^,;:“”"]{2,80}?,)?"#;

/// A clause whose subject is the source, continued by a participle of saying: "The ministry
/// issued a statement on Monday, saying that …", "Trump has delivered a defence of “New York
/// values,” saying …".
static PARTICIPLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"^{CLAUSE_OPENER}{CLAUSE_SUBJECT}\s+{CLAUSE_VERB}(?-u:\b)[^;:]{{0,200}}?(?:,[”"’]?|\s[–—])\s*(?P<cue>saying|adding|noting|arguing|telling|warning|insisting|claiming|declaring|calling|accusing|explaining|writing)(?-u:\b)"#
    ))
    .unwrap()
});

/// The verbs of saying a clause may be joined to by "and" or "but" (see [`COORDINATED`]).
const COORDINATED_CUES: &str = "said|says|told|tells|added|announced|announces|warned|noted|argued|insisted|acknowledged|suggested|predicted|promised|vowed|pledged|urged|called|accused|declared|wrote|tweeted";

/// A clause whose subject is the source, joined to a second verb of saying: "Wilson praised
/// Rubio's record and said the senator can win", "Carson named no one but told his supporters".
static COORDINATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"^{CLAUSE_OPENER}{CLAUSE_SUBJECT}\s+{CLAUSE_VERB}(?-u:\b)[^;:]{{0,200}}?,?\s+(?:and|but)\s+(?P<cue>(?:also\s+)?(?:{COORDINATED_CUES}))(?-u:\b)"#
    ))
    .unwrap()
});
static TRAILING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r#"(?:[,”"]|'')\s*(?P<src>[^,;:“”"]{{2,80}}?{VIA}){AGE}\s+(?P<cue>{CUES})(?-u:\b)"#)).unwrap()
});
/// A group of people who speak, named by a plural noun, and its cue anywhere in a sentence:
/// "which Democrats say could help him", "the place Pentagon officials say the navy might
/// take a stand", "Despite the feud, many experts and some lawmakers say it worked".
static GROUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?P<src>(?:(?:[Tt]he|[Ss]ome|[Mm]any|[Mm]ost|[Oo]ther|[Ss]everal|[Tt]wo|[Tt]hree|[Ff]our|[Tt]op|[Ss]enior|[Ff]ormer|[Ll]ocal|[Ff]ederal|[Ss]tate|[Hh]is|[Hh]er|[Tt]heir|U\.S\.|\p{{Lu}}[\p{{L}}-]+|\p{{Ll}}+al)\s+){{0,3}}(?:officials|experts|critics|analysts|sources|aides|advisers|advisors|allies|supporters|opponents|lawmakers|legislators|economists|scientists|researchers|observers|strategists|operatives|insiders|Democrats|Republicans|conservatives|liberals|activists|investigators|prosecutors|authorities|witnesses|residents|diplomats|others))\s+(?:(?:{})\s+){{0,2}}(?P<cue>say|said|says|told|warn|warned|argue|argued|contend|note|noted|estimate|estimated|predict|predicted|suggest|suggested)(?-u:\b)",
        CUE_AUXILIARIES.iter().chain(SOURCE_ADVERBS).copied().collect::<Vec<_>>().join("|")
    ))
    .unwrap()
});
/// Verbs that attribute words only next to the quotation they follow or open ("“…,” he
/// continued", "She joked, “…”"); elsewhere they say nothing of speech ("the fighting
/// continued").
const QUOTE_VERBS: &str = "continued|went on to say|went on|joked|quipped|remarked|shouted|yelled|exclaimed|lamented|reiterated|repeated|echoed|answered|wondered|mused|pointed out|boasted|interjected|retorted";
/// A source and a verb of [`QUOTE_VERBS`] after a quotation, ending the sentence or its clause.
static QUOTE_TRAILING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"(?:[,?!]\s*[”"]|[,?!]\s*'')\s*(?P<src>[^,;:“”"]{{2,80}}?)\s+(?P<cue>{QUOTE_VERBS})(?-u:\b)\s*(?:[.,!?]|$)"#
    ))
    .unwrap()
});
/// A source and a verb of [`QUOTE_VERBS`] opening a quotation: "He continued, “…”".
static QUOTE_LEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r#"^(?P<src>[^,;:“”"]{{2,80}}?)\s+(?P<cue>{QUOTE_VERBS})(?-u:\b)\s*[,:]\s*(?:[“"]|'')"#))
        .unwrap()
});
/// Whether the phrase after a sentence-opening "In" names its record directly: no clause and
/// no preposition before the record's noun ("In a survey of 1,200 voters" does, "In response
/// to the report" and "In a memo released as polls closed" do not).
fn record_opens(phrase: &str) -> bool {
    const RECORDS: &[&str] =
        &["poll", "polls", "survey", "surveys", "study", "studies", "report", "analysis", "census", "tally", "words"];
    const PREPOSITIONS: &[&str] = &[
        "to", "of", "with", "from", "for", "on", "at", "by", "about", "against", "into", "over", "after", "before",
        "as", "since", "where",
    ];
    for w in phrase.split_whitespace() {
        let w = w.to_lowercase();
        if RECORDS.contains(&w.as_str()) {
            return true;
        }
        if PREPOSITIONS.contains(&w.as_str()) || CLAUSE_WORDS.contains(&w.as_str()) {
            return false;
        }
    }
    false
}
/// One of [`QUOTE_VERBS`].
static QUOTE_VERB_WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!("(?:{QUOTE_VERBS})")).unwrap());
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
    // "said:" before a quotation: the colon is part of the cue, as PolNeAR marks it.
    if text[verb_end..].starts_with(':') {
        return verb_end + 1;
    }
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
    Regex::new(
        r#"(?:[,”"]|'')\s*(?P<cue>said|says|added|asked|wrote)\s+(?P<src>[^,;:“”"]{2,60}?)(?:\s*[,;?!]|\.?\s*$)"#,
    )
    .unwrap()
});

/// Words after which a determiner goes on with the same noun phrase ("the head of the union",
/// "both the president").
const NP_JOINERS: &[&str] = &[
    "of",
    "for",
    "at",
    "in",
    "on",
    "with",
    "from",
    "to",
    "by",
    "near",
    "across",
    "inside",
    "outside",
    "under",
    "over",
    "among",
    "within",
    "without",
    "behind",
    "beside",
    "both",
    "all",
    "half",
    "and",
    "or",
    "nor",
    "including",
    "like",
    "such",
    "as",
    "than",
    "via",
    "per",
    "about",
    "against",
    "toward",
    "towards",
    "into",
    "onto",
    "through",
];

/// Cuts a candidate source at the first clause boundary and checks it reads as a noun phrase
/// of at most `max_words` words; returns its byte range.
fn clean_source(text: &str, start: usize, end: usize, max_words: usize) -> Option<(usize, usize)> {
    let s = &text[start..end];
    // "… flew into Durnan on Thursday and announced": a verb joined to another by "and" has
    // that clause's subject, not the words before "and".
    let words: Vec<&str> = s.split_whitespace().collect();
    let mut last = words.len();
    while last > 0 && is_cue_prefix(words[last - 1], last.checked_sub(2).map(|k| words[k])) {
        last -= 1;
    }
    if last > 0 && matches!(words[last - 1], "and" | "but") {
        return None;
    }
    // "An estimated 38 million", "at an estimated 2.3 million": a determiner makes the cue an
    // adjective, and no source ends with one.
    if words.last().is_some_and(|w| matches!(w.to_lowercase().as_str(), "a" | "an" | "the")) {
        return None;
    }
    let mut cut = s.len();
    for stop in [
        " which ", " who ", " that ", " when ", " after ", " as ", " in ", " at ", " on ", " during ", " late ",
        " early ", " last ", " earlier", " later", " while ", " adding",
    ] {
        if let Some(p) = s.find(stop) {
            cut = cut.min(p);
        }
    }
    // A record and where it came out ("annual results published alongside the announcement"):
    // the record is the source. Not when the participle names who put it out ("released
    // by") or when ("released Monday").
    for participle in [" published ", " released ", " issued ", " posted ", " compiled ", " unveiled ", " presented "] {
        if let Some(p) = s.find(participle) {
            let next = s[p + participle.len()..].split_whitespace().next().unwrap_or("");
            if PLACING.contains(&next) {
                cut = cut.min(p);
            }
        }
    }
    // Leading white space and a conjunction ("and regional officials said") are not the source.
    // Nor are the closing marks of a quotation before it (",'' Mr. Allen said").
    let mut from = s.len() - s.trim_start_matches(|c: char| c.is_whitespace() || "'\"“”‘’(".contains(c)).len();
    for conj in [
        "and ",
        "but ",
        "while ",
        "as ",
        "so ",
        "yet ",
        "still ",
        "instead ",
        "although ",
        "though ",
        "because ",
        "even ",
        "what ",
    ] {
        if from >= cut {
            return None;
        }
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
    // A stop inside a sentence follows an abbreviation ("said Dr. Rhee"), but not its last one.
    if text[start + from + t.len()..].trim().is_empty() {
        t = t.trim_end_matches(['.', '!', '?']);
    }
    // "Smith also said", "Cruz has said": adverbs and auxiliaries belong to the cue.
    while let Some((head, last)) = t.rsplit_once(char::is_whitespace) {
        if !is_cue_prefix(last, head.split_whitespace().last()) {
            break;
        }
        t = head.trim_end();
    }
    // "a delay the opposition called suspicious": a determiner after a noun opens the
    // source, the noun before it being what the source spoke of. (The phrase is judged
    // whole below; only the span starts there.)
    let mut offset = 0;
    let mut prev: Option<&str> = None;
    for w in t.split_whitespace() {
        // (the word's byte offset in `t`)
        let i = w.as_ptr() as usize - t.as_ptr() as usize;
        let lower = w.to_lowercase();
        if matches!(lower.as_str(), "the" | "a" | "an")
            && prev.is_some_and(|p| {
                p.chars().all(|c| c.is_lowercase())
                    && !NP_JOINERS.contains(&p)
                    && !p.ends_with("’s")
                    && !p.ends_with("'s")
            })
        {
            offset = i;
        }
        prev = Some(w);
    }
    if is_pronoun_source(t) {
        return Some((start + from, start + from + t.len()));
    }
    // "…, then says", "Even as he …": an adverb alone says when or how, not who.
    let lone = t.to_lowercase();
    if !t.contains(char::is_whitespace)
        && (is_time_word(&lone) || DISCOURSE_WORDS.contains(&lone.as_str()) || lone == "just")
    {
        return None;
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
    Some((start + from + offset, start + from + t.len()))
}

/// The attributed content without an opening connective ("But", "Meanwhile,"), the white
/// space and the punctuation that join it to the cue and end the sentence (", the minister said." gives no content of its own), but with a
/// closing quotation mark and the stop inside it; `None` when nothing is left.
fn trim_content(text: &str, (start, end): (usize, usize)) -> Option<(usize, usize)> {
    let part = &text[start..end];
    let mut lead = part.len() - part.trim_start_matches(|c: char| c.is_whitespace() || ",;:—–-".contains(c)).len();
    // A connective that opens the sentence links it to the one before, and is not said.
    for word in ["But ", "And ", "Meanwhile, ", "However, ", "Still, ", "Now, ", "So "] {
        if part[lead..].starts_with(word) && part.len() > lead + word.len() {
            lead += word.len();
        }
    }
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
    // Or the end of a quotation opened in an earlier sentence: "… the election,” Warren said.
    let marks = before.matches(['“', '”', '"']).count() + before.matches("''").count();
    let ends = marks == 1 && before.trim_end_matches(['”', '"', '\'']).ends_with([',', '?', '!']);
    ((opens || ends) && closes && before.chars().count() > 2).then_some((0, before.len()))
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
        if k > 0 && (w == "that" || w == "whether" || to) {
            return (start + offset, end);
        }
        offset += word.len();
    }
    (start, end)
}

/// Verbs of plain saying, which a source may use twice in a sentence ("He said A and said B").
const SPEAKING: &[&str] =
    &["said", "says", "told", "tells", "wrote", "writes", "added", "adds", "noted", "explained", "argued", "insisted"];

/// Words that, after a cue and a comma, open a clause of the writer's, not more of what was
/// said: "…, police said, and no one was hurt", "…, he said, adding that …".
const AFTER_CUE_CLAUSE: &[&str] = &[
    "and",
    "but",
    "or",
    "who",
    "which",
    "whose",
    "according",
    "as",
    "while",
    "though",
    "although",
    "in",
    "at",
    "on",
    "during",
    "when",
    "after",
    "before",
    "because",
    "citing",
    "referring",
    "calling",
    "adding",
    "saying",
    "noting",
    "arguing",
    "explaining",
    "insisting",
    "warning",
    "writing",
    "where",
    "with",
    "without",
    "prompting",
    "amid",
];

/// Whether what was said goes on after a cue set between commas: "…, Rubio said, Christians
/// must …", "“…,” he added, “but people need to connect.”".
fn interrupts(text: &str, cue_end: usize) -> bool {
    let Some(rest) = text[cue_end..].trim_start().strip_prefix(',') else { return false };
    let rest = rest.trim_start();
    if rest.starts_with(['“', '"']) || rest.starts_with("''") {
        return true;
    }
    let words: Vec<String> = rest
        .split_whitespace()
        .take(3)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .collect();
    words.len() == 3
        && !AFTER_CUE_CLAUSE.contains(&words[0].as_str())
        && !is_time_word(&words[0])
        && rest.starts_with(char::is_alphanumeric)
}

/// Content after a cue without the phrases of place and time that open it: "said at a town
/// hall in Salem on Monday that …" says what follows "that".
fn skip_adjuncts(text: &str, (start, end): (usize, usize)) -> (usize, usize) {
    let part = &text[start..end];
    let first = part.split_whitespace().next().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase());
    if !first.is_some_and(|w| ADJUNCT_OPENERS.contains(&w.as_str()) || is_time_word(&w) || w == "however") {
        return (start, end);
    }
    let mut offset = 0;
    for word in part.split_inclusive(char::is_whitespace).take(16) {
        if word.trim() == "that" {
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

/// What a sentence must hold for a pattern to be tried on it.
#[derive(Clone, Copy)]
enum Needs {
    Nothing,
    /// One of the words of [`CUES`].
    Cue,
    /// A match of this (cheap) search.
    Word(&'static LazyLock<Regex>),
}

/// Any of the words of [`CUES`], even inside a longer word (a quick test, not a cue).
static CUE_WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!("(?:{CUES})")).unwrap());
/// The verbs of [`CUES`], as words.
static CUE_SET: LazyLock<std::collections::HashSet<&'static str>> = LazyLock::new(|| CUES.split('|').collect());
/// The participles [`PARTICIPLE`] takes as cues.
static PARTICIPLE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("(?:saying|adding|noting|arguing|telling|warning|insisting|claiming|declaring|calling|accusing|explaining|writing|estimating|predicting|confirming)").unwrap()
});
/// A conjunction and a verb of saying, as [`COORDINATED`] joins its second verb with.
static COORDINATED_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?:and|but)\s+(?:also\s+)?(?:{COORDINATED_CUES})")).unwrap());

/// An attribution pattern and how to read its matches.
struct Pattern {
    re: &'static Regex,
    /// What a sentence must hold for the pattern to match it.
    needs: Needs,
    /// Every match, or the first only.
    every: bool,
    /// Where the content lies.
    side: Content,
    /// Whether the phrase before a comma may be an adverbial, not the source.
    may_open_adverbially: bool,
    /// Whether the words between the source's name and the cue (or after a name that follows
    /// its cue) may describe the source; not when they are the source's own clause.
    described: bool,
}

pub(crate) fn attributions(r: &Reader<'_>) -> Vec<RawAttribution> {
    let text = r.text;
    // The patterns with a cue from [`CUES`] are tried only if one of its words is in the
    // sentence, and those with a cue of their own only if it is: a plain search for words is
    // much cheaper than the patterns.
    let has_cue = CUE_WORD.is_match(text);
    let p = |re, needs, every, side, may_open_adverbially, described| Pattern {
        re,
        needs,
        every,
        side,
        may_open_adverbially,
        described,
    };
    let cue = Needs::Cue;
    // In order of trust.
    let patterns: [Pattern; 20] = [
        p(&ACCORDING, Needs::Nothing, true, Content::Around, false, true),
        p(&CLAIMS_BY, Needs::Nothing, false, Content::Around, false, false),
        p(&CITED_BY, Needs::Nothing, true, Content::Around, false, true),
        p(&IN_RECORD, Needs::Nothing, false, Content::Around, false, true),
        p(&BY_RECKONING, Needs::Nothing, false, Content::Around, false, false),
        p(&WITH_PARTICIPLE, Needs::Word(&PARTICIPLE_WORD), true, Content::AfterCue, false, false),
        p(&INVERTED, cue, true, Content::BeforeCue, false, true),
        p(&APPOSITIVE, cue, false, Content::AfterCue, false, true),
        p(&ROLE_APPOSITIVE, cue, false, Content::AfterCue, false, true),
        p(&PARTICIPLE, Needs::Word(&PARTICIPLE_WORD), false, Content::AfterCue, false, false),
        p(&COORDINATED, Needs::Word(&COORDINATED_WORD), false, Content::AfterCue, false, false),
        p(&LEADING, cue, false, Content::AfterCue, false, true),
        p(&PUT_AT, Needs::Nothing, false, Content::AfterCue, false, true),
        p(&TRAILING, cue, true, Content::BeforeMatch, false, true),
        p(&QUOTE_TRAILING, Needs::Word(&QUOTE_VERB_WORD), true, Content::BeforeMatch, false, true),
        p(&QUOTE_LEADING, Needs::Word(&QUOTE_VERB_WORD), false, Content::AfterCue, false, true),
        p(&PRONOUN, cue, true, Content::AfterCue, false, false),
        p(&GROUP, Needs::Nothing, true, Content::AfterCue, false, false),
        p(&COLON, Needs::Nothing, false, Content::AfterCue, false, false),
        p(&APPOSITIVE_ANY, cue, false, Content::AfterCue, true, true),
    ];
    let mut out: Vec<RawAttribution> = Vec::new();
    for Pattern { re, needs, every, side, may_open_adverbially, described } in patterns {
        let wanted = match needs {
            Needs::Nothing => true,
            Needs::Cue => has_cue,
            Needs::Word(word) => word.is_match(text),
        };
        if !wanted {
            continue;
        }
        let matches: Vec<regex::Captures<'_>> =
            if every { re.captures_iter(text).collect() } else { re.captures(text).into_iter().collect() };
        for c in matches {
            let (mut src, cue) = (c.name("src").unwrap(), c.name("cue").unwrap());
            // Where the source phrase opens: before the name it gives, if an appositive does.
            let mut opens = None;
            if let Some(app) = c.name("app").filter(|a| is_name(a.as_str())) {
                opens = Some(src.start());
                src = app;
            }
            if cue.as_str().eq_ignore_ascii_case("per") && !src.as_str().starts_with(char::is_uppercase) {
                continue;
            }
            // "Sources cited by Reuters said …": the sources speak, credited to Reuters, which
            // the reading of the verb gives (source phrase "Sources cited by Reuters").
            if matches!(cue.as_str().to_lowercase().as_str(), "cited by" | "quoted by")
                && src.as_str().split_whitespace().any(|w| CUE_SET.contains(w.to_lowercase().as_str()))
            {
                continue;
            }
            // "The train carried 312 people, Veltrail said, adding …": the participle goes on
            // from the attribution before it, not from the clause's subject.
            if std::ptr::eq(re, LazyLock::force(&PARTICIPLE)) {
                // The credit must end, with its tail ("in a statement"), right before the
                // participle: ", who colleagues said had worked 14 hours, saying" is no such one.
                let between = &text[src.end()..cue.start()];
                let credited_before = TRAILING.captures_iter(between).any(|m| {
                    let verb_end = src.end() + m.name("cue").map_or(0, |c| c.end());
                    let end = cue_end(text, verb_end).max(verb_end);
                    text[end..cue.start()].trim().trim_matches(',').trim().is_empty()
                });
                if credited_before {
                    continue;
                }
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
                // The head noun is the last word before what describes the record
                // ("Veltrail documents seen by VPB show").
                let words: Vec<&str> = src.as_str().split_whitespace().collect();
                let described = words
                    .windows(2)
                    .position(|w| RECORD_PARTICIPLES.contains(&w[0].to_lowercase().as_str()) && w[1] == "by");
                let head = described
                    .and_then(|k| k.checked_sub(1))
                    .map_or_else(|| words.last().copied().unwrap_or(""), |k| words[k])
                    .to_lowercase();
                if !EVIDENCE_NOUNS.contains(&head.trim_matches(|c: char| !c.is_alphanumeric())) {
                    continue;
                }
            }
            // "In a memo released as polls closed": the record is the memo, no poll; "In
            // response to the report": the report is no source.
            // "By Monday's tally": a time owns no reckoning. Nor is "by" inside a source joined
            // by "with" ("with her party by saying") part of it.
            let owner_is_time = cue.as_str() == "By"
                && src.as_str().split_whitespace().any(|w| is_time_word(w.trim_end_matches(['’', '\'', 's'])));
            if owner_is_time || (cue.as_str().ends_with("ing") && src.as_str().split_whitespace().any(|w| w == "by")) {
                continue;
            }
            if cue.as_str() == "In" && !record_opens(src.as_str()) {
                continue;
            }
            // After an inverted cue, a time is when it was said, not who said it.
            if matches!(side, Content::BeforeCue) && src.as_str().split_whitespace().next().is_some_and(is_time_word) {
                continue;
            }
            // Nor is a clause: "…, said having Trump on the ticket would help" is what was said.
            if matches!(side, Content::BeforeCue) {
                let words: Vec<String> = src.as_str().split_whitespace().map(str::to_lowercase).collect();
                if words.first().is_some_and(|w| w.ends_with("ing"))
                    || words.iter().any(|w| CLAUSE_WORDS.contains(&w.as_str()) && w != "and")
                {
                    continue;
                }
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
            // Where the source phrase opens: before the name an appositive gives.
            let from = opens.map_or(s.0, |o| o + text[o..].len() - text[o..].trim_start().len());
            let content = match (side, leading_quote(text, from)) {
                (Content::AfterCue | Content::BeforeMatch, Some(quote)) => quote,
                (Content::Around, _) if cue.start() > 0 => (0, cue.start()),
                // What the match runs over after the source ("By her estimate, …") is not said.
                (Content::Around, _) => {
                    let m_end = c.get(0).map_or(s.1, |m| m.end()).max(s.1);
                    (text[s.1..m_end].rfind(',').map_or(s.1, |i| s.1 + i + 1), text.len())
                }
                (Content::BeforeCue, _) => (0, cue.start()),
                (Content::AfterCue, _) if ADDRESSING_CUES.contains(&cue.as_str().to_lowercase().as_str()) => {
                    skip_addressee(text, (end, text.len()))
                }
                (Content::AfterCue, _) => skip_adjuncts(text, (end, text.len())),
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
            // "If the law conflicts with God's orders, Rubio said, Christians must ignore it": a
            // cue between commas interrupts what was said, which runs on after it.
            let content = match content {
                (cs, ce) if ce <= s.0.min(cue.start()) && interrupts(text, end) => (cs, text.len()),
                other => other,
            };
            let content = trim_content(text, content);
            let cue = (cue_start(text, s.1, cue.start()), end);
            // The source phrase runs on over what describes the name: up to the cue when the
            // source comes first, over the rest of the captured phrase when it follows.
            let phrase = if !described {
                s
            } else if s.1 <= cue.0 {
                (from, describe(text, s.1, cue.0))
            } else if matches!(side, Content::BeforeCue) {
                (s.0, describe(text, s.1, after_source(text, src.end())))
            } else {
                (s.0, describe(text, s.1, src.end()))
            };
            // One reading of each source, but a source may speak twice ("He said A and said B").
            let speaks =
                SPEAKING.contains(&text[cue.0..cue.1].rsplit(' ').next().unwrap_or("").to_lowercase().as_str());
            let overlaps = out.iter().any(|o| {
                (!(speaks && o.src == s) && o.src.0 < s.1 && s.0 < o.src.1) || (o.cue.0 < cue.1 && cue.0 < o.cue.1)
            });
            if !overlaps {
                out.push(RawAttribution { src: s, phrase, cue, content, leading: s.0 == 0 });
            }
        }
    }
    continued(text, &mut out);
    // A record opening the sentence is not the source of what someone it names then says ("In
    // a recent study, three economists said …"), nor is a verb that attributes only next to a
    // quotation when someone else is credited with it ("The fighting continued, “…,” one
    // resident said").
    let later_cue = |a: &RawAttribution| out.iter().any(|b| b.cue.0 > a.phrase.1.max(a.cue.1));
    let in_record = |a: &RawAttribution| a.cue.0 == 0 && &text[a.cue.0..a.cue.1] == "In";
    let beside_quote = |a: &RawAttribution| QUOTE_VERB_WORD.is_match(&text[a.cue.0..a.cue.1]);
    let drop: Vec<bool> = out.iter().map(|a| (in_record(a) || beside_quote(a)) && later_cue(a)).collect();
    let mut keep = drop.iter().map(|d| !d);
    out.retain(|_| keep.next().unwrap_or(true));
    out.sort_by_key(|a| a.src.0);
    out
}

/// Participles that describe a record by who saw or made it ("documents seen by VPB").
const RECORD_PARTICIPLES: &[&str] =
    &["seen", "obtained", "reviewed", "published", "released", "compiled", "leaked", "filed", "issued", "prepared"];

/// Words that open a clause of its own after a source's name, not a description of it.
const CLAUSE_OPENERS: &[&str] =
    &["when", "after", "as", "while", "adding", "during", "because", "since", "if", "although", "before", "though"];

/// Adverbs that can stand between a source and its cue without describing the source.
const DISCOURSE_WORDS: &[&str] = &[
    "however",
    "even",
    "also",
    "again",
    "though",
    "meanwhile",
    "too",
    "via",
    "for",
    "instead",
    "then",
    "now",
    "still",
];
/// Nouns of time: a phrase with one says when the words were given ("Trump on Tuesday
/// morning said"), not who gave them.
const TIME_NOUNS: &[&str] =
    &["yesterday", "today", "tonight", "week", "month", "year", "morning", "afternoon", "evening", "night", "weekend"];
/// Prepositions that open a phrase of place or manner after a name and a comma.
const PREPOSITIONS: &[&str] = &["in", "on", "at", "from", "with", "during", "via", "to", "by", "through"];

/// Where a source phrase ends, given where its name ends and how far it may run (`limit`): at
/// `limit` when all in between describes the name (an age, a role between commas, a place, a
/// relative clause: "Butz, 49,", "Craig Minassian, a spokesman for the foundation,", "three
/// sources who spoke to Fox News"), else where the name ends. A comma before `limit` is
/// kept, as PolNeAR's annotators mark such phrases.
fn describe(text: &str, name_end: usize, limit: usize) -> usize {
    let mut gap = &text[name_end..limit];
    // After a description between commas, what follows is about the saying ("…, via email").
    let trimmed = gap.trim_end();
    if !trimmed.ends_with(',') {
        if let Some(k) = trimmed.rfind(',').filter(|&k| k > 0) {
            gap = &gap[..=k];
        }
    }
    let end = name_end + gap.trim_end().len();
    let words: Vec<&str> = gap.trim_start().trim_start_matches(',').split_whitespace().collect();
    let first =
        words.first().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()).unwrap_or_default();
    // "Trump, in Kentucky,", "Priebus later Thursday", "Mr. Trump even": where, when and how
    // it was said.
    let when = |w: &&str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        is_day_or_month(&w) || TIME_NOUNS.contains(&w.as_str())
    };
    if (is_time_word(&first) && !matches!(first.as_str(), "in" | "at" | "on"))
        || words.iter().any(when)
        || DISCOURSE_WORDS.contains(&first.as_str())
        || (gap.trim_start().starts_with(',') && PREPOSITIONS.contains(&first.as_str()))
    {
        return name_end;
    }
    // "Christie, hoping to surge,", "a source speaking to Fox News": a participle is an action.
    if first.ends_with("ing") && words.first().is_some_and(|w| w.starts_with(char::is_lowercase)) {
        return name_end;
    }
    let opens_clause =
        |w: &&str| CLAUSE_OPENERS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase().as_str());
    if !gap.contains(char::is_alphanumeric)
        || words.len() > 30
        || gap.contains(['“', '”', '"', ';', ':', '(', ')'])
        || words.iter().any(opens_clause)
    {
        return name_end;
    }
    end
}

/// How far a source named after its cue may run: over the rest of its captured phrase and a
/// description between commas up to the end of the sentence ("said Alicia Bannon, senior
/// counsel in the Brennan Center's Democracy Program.").
fn after_source(text: &str, captured_end: usize) -> usize {
    let rest = &text[captured_end..];
    let stop = rest.find([';', '“', '"', '(']).unwrap_or(rest.len());
    let tail = rest[..stop].trim_end();
    // The stop that ends the sentence; one inside it follows an abbreviation ("Calif.").
    let tail = if stop == rest.len() { tail.trim_end_matches(['.', '!', '?']) } else { tail };
    if tail.starts_with(',') && !tail[1..].trim_start().starts_with(|c: char| c.is_uppercase() || c == '“') {
        captured_end + tail.len()
    } else {
        captured_end
    }
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
        more.push(RawAttribution { src: a.src, phrase: a.phrase, cue, content, leading: a.leading });
    }
    // "He said A and said B": a second cue joined to what the source said, ending it.
    let cues: Vec<(usize, usize)> = out.iter().map(|o| o.cue).collect();
    for a in out.iter_mut() {
        let Some((cs, ce)) = a.content.filter(|c| c.0 >= a.cue.1) else { continue };
        let Some(m) =
            AND_SAID.captures(&text[cs..ce]).filter(|m| !inside_quotes(&text[cs..cs + m.get(0).unwrap().start()]))
        else {
            continue;
        };
        let cue = m.name("cue").unwrap();
        let cue = (cs + cue.start(), cs + cue.end());
        let rest = if ADDRESSING_CUES.contains(&text[cue.0..cue.1].to_lowercase().as_str()) {
            skip_addressee(text, (cue.1, ce))
        } else {
            (cue.1, ce)
        };
        a.content = trim_content(text, (cs, cs + m.get(0).unwrap().start()));
        if !cues.iter().chain(more.iter().map(|o: &RawAttribution| &o.cue)).any(|o| o.0 < cue.1 && cue.0 < o.1) {
            let content = trim_content(text, rest);
            more.push(RawAttribution { src: a.src, phrase: a.phrase, cue, content, leading: a.leading });
        }
    }
    out.extend(more);
}

/// A second verb of saying joined to the first one's content, with no subject of its own.
static AND_SAID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r",?\s+(?:and|but)\s+(?:also\s+|then\s+|later\s+)?(?P<cue>said|says|added|told|noted|argued|insisted|warned|acknowledged|suggested|predicted)(?-u:\b)").unwrap()
});

/// Whether a quotation is open at the end of `before`.
fn inside_quotes(before: &str) -> bool {
    before.matches('“').count() > before.matches('”').count()
        || before.matches('"').count() % 2 == 1
        || before.matches("''").count() % 2 == 1
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
    // The owner of a reckoning given by a possessive pronoun ("by her estimate") is the
    // pronoun's subject, which a name before it may stand for.
    if let Some((_, subject)) = [("his", "he"), ("her", "she"), ("its", "it"), ("their", "they"), ("our", "we")]
        .into_iter()
        .find(|(possessive, _)| lower == *possessive)
    {
        return subject.to_string();
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
    let start = usize::from(words.first().is_some_and(|w| DETERMINERS.contains(&w.to_lowercase().as_str())));
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
    // What a source issued, after its name ("the coast guard’s estimate"): the source is the
    // owner.
    if let Some(i) = words.iter().position(|w| w.ends_with("’s") || w.ends_with("'s")) {
        if i + 1 < words.len() && words[i + 1..].iter().all(|w| ISSUED.contains(&w.to_lowercase().as_str())) {
            return words[..=i].join(" ").to_lowercase().replace("’s", "").replace("'s", "");
        }
    }
    // A description, without its determiners ("one of those people" is "one of the people").
    let kept: Vec<&str> = words.iter().copied().filter(|w| !DETERMINERS.contains(&w.to_lowercase().as_str())).collect();
    kept.join(" ").to_lowercase().replace("’s", "").replace("'s", "")
}

/// Prepositions that place a record's release ("published alongside the announcement").
const PLACING: &[&str] =
    &["alongside", "with", "in", "on", "at", "along", "together", "after", "before", "ahead", "during"];

/// Words that only point to what a source's description names.
pub(crate) const DETERMINERS: &[&str] =
    &["the", "a", "an", "its", "their", "his", "her", "our", "those", "these", "this", "that"];

/// What a source issues, named after it with a possessive ("the coast guard’s estimate").
const ISSUED: &[&str] = &[
    "estimate",
    "estimates",
    "figures",
    "figure",
    "count",
    "tally",
    "data",
    "statement",
    "report",
    "records",
    "assessment",
    "account",
    "latest",
    "own",
    "initial",
    "preliminary",
];

#[cfg(test)]
mod tests {
    use crate::extract::tests::claims;
    use crate::model::{ClaimDetail, Span};

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
            names("According to the coast guard’s estimate, about 310 people were aboard."),
            vec!["coast guard"]
        );
        assert_eq!(
            names(
                "The firm lost 212 million crowns, according to annual results published alongside the announcement."
            ),
            vec!["annual results"]
        );
        assert_eq!(names("The firm lost 212 million crowns, its annual results showed."), vec!["annual results"]);
        assert_eq!(
            names("One of those people said the talks had failed."),
            names("One of the people said the talks had failed.")
        );
        // A possessive pronoun owning a reckoning is its subject, never an empty name.
        assert_eq!(names("By her estimate, 900 jobs are at risk."), vec!["she"]);
        // What the source spoke of, before it, is not the source; what it belongs to is.
        let spans = |t: &str| -> Vec<String> {
            claims(t)
                .into_iter()
                .filter_map(|d| match d {
                    ClaimDetail::Attribution { source, .. } => Some(source.span.text),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(
            spans("The results arrived 11 hours late, a delay the opposition called suspicious."),
            vec!["the opposition"]
        );
        assert_eq!(spans("The head of the union said talks had failed."), vec!["The head of the union"]);

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
        // A verb that attributes only next to a quotation credits no one when another does.
        let credited = names("The fighting continued, “we were terrified,” one resident said.");
        assert!(credited.len() == 1 && !credited[0].contains("fighting"), "{credited:?}");
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
            // Claims credited in a noun phrase, a record described by who saw it, a record
            // that puts a figure at a value, a demand.
            (
                "Claims by passengers that the train was speeding could not be verified.",
                "passengers",
                "Claims by",
                "that the train was speeding could not be verified",
            ),
            (
                "The limit is 80 km/h, rail documents seen by the agency show.",
                "rail documents seen by the agency",
                "show",
                "The limit is 80 km/h",
            ),
            (
                "Rail documents seen by the agency put the limit on the bridge at 80 km/h.",
                "Rail documents seen by the agency",
                "put",
                "the limit on the bridge at 80 km/h",
            ),
            (
                "Opposition leader Tamas Vell demanded that the government publish an audit.",
                "Opposition leader Tamas Vell",
                "demanded",
                "that the government publish an audit",
            ),
            // ("demands" is mostly the plural noun.)
            ("The union's demands were rejected by the ministry.", "", "", ""),
            // A verb of saying joined by "and" to a clause whose subject has a role between
            // commas: the subject speaks, not the words before "and"; nor do they when no
            // pattern reads the subject.
            (
                "Tomas Kell, the works minister, flew to Belmora on Friday and announced 40 million crowns in aid.",
                "Tomas Kell",
                "announced",
                "40 million crowns in aid",
            ),
            ("The minister flew into Belmora by helicopter on Friday and stated his aims.", "", "", ""),
            // "an estimated" gives a figure, not a source.
            ("An estimated 38 million cubic metres of water escaped.", "", "", ""),
            (
                "City hall put the repairs at an estimated 2.3 million crowns.",
                "City hall",
                "put",
                "the repairs at an estimated 2.3 million crowns",
            ),
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
            // Some verbs attribute only next to a quotation.
            (
                "“Security remains our biggest challenge,” Carson continued.",
                "Carson",
                "continued",
                "“Security remains our biggest challenge,”",
            ),
            ("“We can still win,” she joked, smiling.", "she", "joked", "“We can still win,”"),
            (
                "He continued, “I believe it is not about turnout.”",
                "He",
                "continued",
                "“I believe it is not about turnout.”",
            ),
            ("The fighting continued for days.", "", "", ""),
            // A poll opening the sentence is the source of what follows.
            (
                "In a Harbour Gazette poll released Monday, 50 percent of respondents backed the dam.",
                "a Harbour Gazette poll released Monday",
                "In",
                "50 percent of respondents backed the dam",
            ),
            ("In the end, 50 percent of respondents backed the dam.", "", "", ""),
            ("In other words, the dam was backed.", "", "", ""),
            ("In response to the report, shares fell 5 percent.", "", "", ""),
            (
                "In a survey of 1,200 voters, 55 percent backed the plan.",
                "a survey of 1,200 voters",
                "In",
                "55 percent backed the plan",
            ),
            ("In a memo released as polls closed, the dam was backed.", "", "", ""),
            (
                "In a recent study, three economists said that the dam paid off.",
                "three economists",
                "said",
                "that the dam paid off",
            ),
            ("The senator repeated the claim on Monday.", "", "", ""),
            // A reckoning credited with a possessive, and a source joined by "with … saying".
            (
                "By her estimate, no fewer than 2,500 jobs could be at risk.",
                "her",
                "By",
                "no fewer than 2,500 jobs could be at risk",
            ),
            ("By the union's count, 900 members voted.", "the union's", "By", "900 members voted"),
            ("By Tuesday, 900 members had voted.", "", "", ""),
            ("By Monday's tally, 40 people had died.", "", "", ""),
            ("By its own assessment, the dam paid off.", "its", "By", "the dam paid off"),
            (
                "The inquiry released its findings, with the health board saying the drain was to blame.",
                "the health board",
                "saying",
                "the drain was to blame",
            ),
            ("The bridge reopened with traffic flowing freely.", "", "", ""),
            ("The senator broke with her party by saying she would back the bill.", "", "", ""),
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
            // "and" between capitalised words joins two names; between clauses it does not (the
            // source is the second clause's subject).
            (
                "Senators Ana Ruiz and Tom Berg say the bill will pass.",
                "Senators Ana Ruiz and Tom Berg",
                "say",
                "the bill will pass",
            ),
            ("Prices rose and analysts said the bank would act.", "analysts", "said", "the bank would act"),
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
            // The source phrase takes in what describes the name, the name alone is normalised.
            ("“We were wrong,” Ramos, 58, told AFP.", "Ramos, 58,", "told", "“We were wrong,”"),
            (
                "Nadia Ferrant, chief economist at Solvang Securities, said rates would rise.",
                "Nadia Ferrant, chief economist at Solvang Securities,",
                "said",
                "rates would rise",
            ),
            (
                "Three officials who spoke to the Harbour Wire said the talks had stalled.",
                "Three officials who spoke to the Harbour Wire",
                "said",
                "the talks had stalled",
            ),
            (
                "“We heard a bang,” said Anya Relsted, a night-shift worker at the plant.",
                "Anya Relsted, a night-shift worker at the plant",
                "said",
                "“We heard a bang,”",
            ),
            (
                "Police in the harbour town said the road was closed.",
                "Police in the harbour town",
                "said",
                "the road was closed",
            ),
            // But not a clause of what the source did, nor where, when and how it spoke.
            ("Trump on Tuesday morning said the polls were wrong.", "Trump", "said", "the polls were wrong"),
            ("Trump, hoping to win the state, said the polls were wrong.", "Trump", "said", "the polls were wrong"),
            (
                "“It will reopen,” said Ilse Damerow, the council's chair, in a statement.",
                "Ilse Damerow, the council's chair,",
                "said",
                "“It will reopen,”",
            ),
            // After doubled apostrophes; initials inside the name, not the stop that ends it.
            (
                "''We were not happy,'' said Jock A. Finlayson, head of policy at the council.",
                "Jock A. Finlayson, head of policy at the council",
                "said",
                "''We were not happy,''",
            ),
            ("''It will pass,'' said Dr. Rhee.", "Dr. Rhee", "said", "''It will pass,''"),
            (
                "''He deserved it,'' the assailant, John McGraw, told the programme.",
                "the assailant, John McGraw",
                "told",
                "''He deserved it,''",
            ),
            // After an appositive, what follows the cue is what was said, not an inverted
            // source; an adverb alone is no source.
            (
                "Sen. Jon Tester, chairman of the committee, said having Trump on the ticket would help.",
                "Sen. Jon Tester, chairman of the committee,",
                "said",
                "having Trump on the ticket would help",
            ),
            ("Kasich offered the man a job, then says he will welcome advice.", "", "", ""),
            // A group named by a plural noun, inside a sentence; a colon after the verb.
            (
                "Turnout rose among independents, which Democrats say could help Ms. Ruiz.",
                "Democrats",
                "say",
                "could help Ms. Ruiz",
            ),
            ("The mayor said: “We will rebuild.”", "The mayor", "said:", "“We will rebuild.”"),
            // Closing quotation marks and a conjunction before a source are not part of it.
            ("''We will win,'' Mr. Allen said.", "Mr. Allen", "said", "''We will win,''"),
            (
                "Although Reynolds said the plan would fail, it passed.",
                "Reynolds",
                "said",
                "the plan would fail, it passed",
            ),
            // A cue between commas interrupts what was said, which goes on after it; an
            // opening connective is not said, nor where and when the words were given.
            (
                "If the levee fails, Mayor Ilse Damerow said, the lower town will flood.",
                "Mayor Ilse Damerow",
                "said",
                "If the levee fails, Mayor Ilse Damerow said, the lower town will flood",
            ),
            ("But the bridge will reopen, the mayor said.", "the mayor", "said", "the bridge will reopen"),
            (
                "The mayor said at a meeting in the town hall on Monday that the bridge would reopen.",
                "The mayor",
                "said",
                "that the bridge would reopen",
            ),
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
                "Marley Anderson, 21, a junior from Las Vegas,",
                "said",
                "she voted for the first time",
            ),
            (
                "His attorney, Benedikt Sorel, said the defence would appeal.",
                "His attorney, Benedikt Sorel",
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
                "A rebel group, Harakat ul-Tahrir wa al-Nasr (HTN)",
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
        // A second verb of saying joined to what was said: the same source again, and the
        // first content ends where it begins.
        assert_eq!(
            parts("Boreing said the members would still meet, but said it was time for a change."),
            vec![
                ("Boreing".to_string(), "said".to_string(), Some("the members would still meet".to_string())),
                ("Boreing".to_string(), "said".to_string(), Some("it was time for a change".to_string())),
            ]
        );
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
    fn sources_cited_by_an_agency_speak_through_their_own_verb() {
        // The verb after "cited by Reuters" is the cue; the source phrase holds the agency,
        // which is the name.
        let read = |t: &str| -> Vec<(String, String, String, Option<String>)> {
            claims(t)
                .into_iter()
                .filter_map(|d| match d {
                    ClaimDetail::Attribution { source, cue, content } => {
                        Some((source.span.text, source.name, cue.text, content.map(|c| c.text)))
                    }
                    _ => None,
                })
                .collect()
        };
        let one = |src: &str, name: &str, cue: &str, content: &str| {
            vec![(src.to_string(), name.to_string(), cue.to_string(), Some(content.to_string()))]
        };
        assert_eq!(
            read("Sources cited by Reuters said 30 soldiers died."),
            one("Sources cited by Reuters", "Reuters", "said", "30 soldiers died")
        );
        assert_eq!(
            read("Thirty soldiers died, sources cited by Reuters said."),
            one("sources cited by Reuters", "Reuters", "said", "Thirty soldiers died")
        );
        assert_eq!(
            read("Officials quoted by AFP said the road was closed."),
            one("Officials quoted by AFP", "AFP", "said", "the road was closed")
        );
        // "according to" keeps its own reading.
        assert_eq!(
            read("At least 30 soldiers died, according to sources cited by Reuters."),
            one("Reuters", "Reuters", "according to", "At least 30 soldiers died")
        );
    }
}
