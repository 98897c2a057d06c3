//! The rules drifts are judged by, each a small function of texts: when two sources are the
//! same, what a hedge qualifies, which stances conflict, when a place is the same mention,
//! how figures are framed and compared.

use std::collections::HashSet;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};
use wiretrace_parse::tokenize;

use crate::lexicon::is_pronoun_source;
use crate::model::Span;

pub(crate) static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));
pub(crate) static NEGATION: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| ["no", "not", "never", "none", "nobody", "nothing", "without", "n't"].into_iter().collect());

/// The stems of a text's content words (function words left out), in order.
pub fn content_stems(text: &str) -> Vec<String> {
    tokenize(text)
        .into_iter()
        .filter(|t| !wiretrace_similarity::stopwords::is_stopword(&t.norm))
        .map(|t| STEMMER.stem(&t.norm).into_owned())
        .collect()
}

pub(crate) fn stems(text: &str) -> Vec<String> {
    tokenize(text).into_iter().map(|t| STEMMER.stem(&t.norm).into_owned()).collect()
}

/// The stems of what a quantity counts, abbreviated units written out ("km" gives
/// "kilometr", as "kilometres" does).
pub(crate) fn counted_stems(text: &str) -> Vec<String> {
    stems(text)
        .into_iter()
        .map(|s| match crate::lexicon::UNIT_ABBREVIATIONS.iter().find(|(a, _)| *a == s) {
            Some((_, full)) => full.to_string(),
            None => s,
        })
        .collect()
}

pub(crate) fn words(text: &str) -> Vec<String> {
    tokenize(text).into_iter().map(|t| t.norm).collect()
}

/// Whether two normalised sources can be the same: equal, one's words inside the other's
/// (quantifiers aside: "some passengers" and "several passengers"), a role in the plural and
/// a named holder of it ("prosecutors", "Chief Prosecutor Veit Sandor"), or either a bare
/// pronoun ("he" may be anyone named before, so it contradicts no one).
pub(crate) fn same_source(a: &str, b: &str) -> bool {
    let (a_original, b_original) = (a, b);
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    // A document ("a statement said") names no one, so it contradicts no one either.
    let unnamed = |s: &str| is_pronoun_source(s) || DOCUMENT_SOURCES.contains(&s);
    if a == b || unnamed(&a) || unnamed(&b) {
        return true;
    }
    // Words without possessives and punctuation ("Ferrow’s party" is "ferrow party").
    let bag = |s: &str| -> HashSet<String> {
        s.split_whitespace()
            .map(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                w.strip_suffix("’s").or_else(|| w.strip_suffix("'s")).unwrap_or(w).to_string()
            })
            .filter(|w| !w.is_empty() && !QUANTIFIERS.contains(&w.as_str()))
            .collect()
    };
    // One person named in both, whatever body each puts beside the name ("Pavel Ostrand,
    // SVHA" and "Pavel Ostrand, Hydro").
    let person = |s: &str| s.split_once(", ").map(|(p, _)| p.trim().to_string());
    if let (Some(pa), Some(pb)) = (person(a_original), person(b_original)) {
        if pa.eq_ignore_ascii_case(&pb) && pa.contains(' ') && pa.starts_with(char::is_uppercase) {
            return true;
        }
    }
    let (wa, wb) = (bag(&a), bag(&b));
    // A quantifier alone ("some said") names no one to compare.
    if wa.is_empty() || wb.is_empty() {
        return false;
    }
    // A role in the plural stands for someone holding it, named ("prosecutors" for "Chief
    // Prosecutor Veit Sandor", not "passengers" for "a passenger").
    let role_of = |plural: &HashSet<String>, named: &HashSet<String>, original: &str| {
        plural.len() == 1
            && original.chars().any(char::is_uppercase)
            && plural.iter().all(|w| w.strip_suffix('s').is_some_and(|one| one.len() > 2 && named.contains(one)))
    };
    wa.is_subset(&wb) || wb.is_subset(&wa) || role_of(&wa, &wb, b_original) || role_of(&wb, &wa, a_original)
}

/// Words that say how many of a group speak, not who: "some passengers" and "several
/// passengers" are the same source.
const QUANTIFIERS: &[&str] = &["some", "several", "many", "few", "numerous", "various", "multiple"];

/// Sources that are documents, not the people or bodies behind them.
pub(crate) const DOCUMENT_SOURCES: &[&str] =
    &["statement", "report", "reports", "communique", "release", "press release"];

/// Head nouns of a description that refers back to an organisation named in the same article
/// ("the company" for Gryndal Energy, "the jihadist group" for JNIM).
pub(crate) const DESCRIPTION_HEADS: &[&str] = &[
    "company",
    "firm",
    "group",
    "operator",
    "utility",
    "organisation",
    "organization",
    "movement",
    "party",
    "outfit",
    "faction",
    "corporation",
    "manufacturer",
    "owner",
    "militants",
    "insurgents",
    "rebels",
];

/// Heads of a description of a public body, which a story uses for the same body in turn
/// ("the National Civil Protection Service …, the agency said"; "according to the service").
const PUBLIC_BODY_HEADS: &[&str] = &["agency", "service", "authority", "ministry", "department", "office", "bureau"];

/// Whether two sources are both descriptions of a public body ("the agency", "the
/// service"): neither names which, so neither contradicts the other.
pub(crate) fn both_public_bodies(a: &str, b: &str) -> bool {
    let body = |s: &str| {
        s.chars().all(|c| !c.is_uppercase())
            && s.split_whitespace().last().is_some_and(|w| PUBLIC_BODY_HEADS.contains(&w))
    };
    body(a) && body(b)
}

/// Whether a normalised source is a description ("company", "jihadist group"): lower-case
/// words ending in a [`DESCRIPTION_HEADS`] noun.
pub(crate) fn is_description(source: &str) -> bool {
    source.chars().all(|c| !c.is_uppercase())
        && source.split_whitespace().last().is_some_and(|w| DESCRIPTION_HEADS.contains(&w))
}

/// The words before a figure that give it as an estimate: "estimated that 38 million",
/// "estimating the damage at 2.3 million", "put the cost at 40 million", "an estimated cost
/// of 2.3 million".
static ESTIMATED_BEFORE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)(?:(?-u:\b)(?:estimat(?:e|es|ed|ing)|puts?|putting)\s+(?:the|its|their|his|her)\s+(?:[\p{L}-]+\s+){0,6}?at|(?-u:\b)estimated\s+that|(?-u:\b)an\s+estimated\s+[\p{L}-]+\s+of)\s+$",
    )
    .unwrap()
});

/// Whether the figure that starts at character `start` of a sentence is given as an
/// estimate, which reads as roughly that figure whether "about" is written or not.
pub(crate) fn given_as_estimate(sentence: &Span, start: usize) -> bool {
    let before: Vec<char> = sentence.text.chars().take(start.saturating_sub(sentence.start)).collect();
    let tail: String = before[before.len().saturating_sub(120)..].iter().collect();
    ESTIMATED_BEFORE.is_match(&tail)
}

/// Quantities given in basis points are compared in percentage points.
pub(crate) fn comparable_value(value: Option<f64>, counted: Option<&Span>) -> Option<f64> {
    let bp = counted.is_some_and(|c| c.text.to_lowercase().starts_with("basis point"));
    value.map(|v| if bp { v / 100.0 } else { v })
}

/// The two words before and the two words after a span of a sentence (normalised): the
/// frame a bare figure sits in ("rose to _ in February").
pub(crate) fn frame(sentence: &Span, start: usize, end: usize) -> (Vec<String>, Vec<String>) {
    let chars: Vec<char> = sentence.text.chars().collect();
    let (a, b) =
        (start.saturating_sub(sentence.start).min(chars.len()), end.saturating_sub(sentence.start).min(chars.len()));
    let before: String = chars[..a].iter().collect();
    let after: String = chars[b..].iter().collect();
    let wb = words(&before);
    let wa = words(&after);
    (wb[wb.len().saturating_sub(2)..].to_vec(), wa.into_iter().take(2).collect())
}

/// Words either side of a hedge's cue that its clause reaches at most.
const CLAUSE_REACH: usize = 10;

/// Whether the words a hedge qualifies in `sentence` (the three content words after its cue in
/// its clause, or before it when it closes its clause) are mostly in `other`.
pub(crate) fn scope_kept(sentence: &Span, cue: &Span, other: &Span) -> bool {
    let content = content_stems;
    let chars: Vec<char> = sentence.text.chars().collect();
    let (a, b) = (
        cue.start.saturating_sub(sentence.start).min(chars.len()),
        cue.end.saturating_sub(sentence.start).min(chars.len()),
    );
    let theirs: HashSet<String> = content(&other.text).into_iter().collect();
    // A figure both sentences give in the hedge's clause is the claim the hedge qualified
    // ("400 are thought to have been killed" and "400 fatalities"); a time given elsewhere in
    // the sentence is not ("broke out at 11:30 p.m., apparently in a storage hall").
    let figure = |w: &String| w.chars().any(|c| c.is_ascii_digit());
    // (a comma or colon between digits, as in "1,400" or "11:30", is no boundary).
    let boundary = |i: usize| {
        let digit = |k: Option<usize>| k.and_then(|k| chars.get(k)).is_some_and(char::is_ascii_digit);
        match chars[i] {
            ',' | ':' => !(digit(i.checked_sub(1)) && digit(Some(i + 1))),
            ';' | '—' | '–' | '(' | ')' => true,
            _ => false,
        }
    };
    // The clause reaches no farther than a few words either side of the cue: in a long
    // sentence without commas, a figure twenty words away is another claim.
    let reach = |mut i: usize, step: isize| {
        let mut spaces = 0;
        while (step < 0 && i > 0) || (step > 0 && i < chars.len()) {
            let next = if step < 0 { i - 1 } else { i };
            if chars[next] == ' ' {
                spaces += 1;
                if spaces > CLAUSE_REACH {
                    break;
                }
            }
            i = if step < 0 { i - 1 } else { i + 1 };
        }
        i
    };
    let from = (0..a).rev().find(|&i| boundary(i)).map_or(0, |i| i + 1).max(reach(a, -1));
    let to = (b..chars.len()).find(|&i| boundary(i)).unwrap_or(chars.len()).min(reach(b, 1));
    let clause: String = chars[from..to].iter().collect();
    // The words qualified are in the hedge's own clause: in "Neither company would comment,
    // and the talks could not be independently verified", the talks, not the comment.
    let words_around = |from: usize, to: usize| -> Vec<String> {
        let after = content(&chars[b..to.max(b)].iter().collect::<String>());
        if after.len() >= 2 {
            after.into_iter().take(3).collect()
        } else {
            let before = content(&chars[from.min(a)..a].iter().collect::<String>());
            before[before.len().saturating_sub(3)..].to_vec()
        }
    };
    // (A hedge set off by commas, "The gunman, apparently, fled", has an empty clause of its
    // own: the sentence's words around it are then what it qualifies.)
    let mut scope = words_around(from, to);
    if scope.is_empty() {
        scope = words_around(0, chars.len());
    }
    scope.is_empty()
        || scope.iter().filter(|w| theirs.contains(*w)).count() * 2 >= scope.len()
        || content(&clause).iter().any(|w| figure(w) && theirs.contains(w))
}

/// Stances a sentence can take towards a claim, with the phrases that express them. Most are
/// general (denial, confirmation, suspension); two belong to common wire topics: a fire's
/// state (still burning, put out) and a central bank's outlook (more to come, the last move).
/// A phrase is kept specific enough not to match elsewhere ("been put out", not "put out",
/// which also puts out statements).
pub(crate) const STANCES: &[(&str, &[&str])] = &[
    (
        "declined to comment",
        &[
            "declined to comment",
            "refused to comment",
            "would not comment",
            "did not comment",
            "no comment",
            "did not respond",
            "declined to respond",
        ],
    ),
    ("denial", &["denied", "denies", "rejected", "rejects", "dismissed", "refuted", "disputed"]),
    ("confirmation", &["confirmed", "confirms", "admitted", "admits", "acknowledged", "conceded"]),
    ("inquiry", &["checking", "investigating", "examining", "looking into", "reviewing", "verifying"]),
    ("suspension", &["suspended", "suspends", "paused", "halted", "froze", "frozen"]),
    ("acceptance", &["accepts", "accepted", "accept", "will not appeal", "would not appeal"]),
    (
        "challenge",
        &[
            "challenged",
            "contested",
            "would challenge",
            "will challenge",
            "to challenge",
            "would contest",
            "will contest",
            "to contest",
            "appeal against",
        ],
    ),
    ("expulsion", &["expelled", "expels", "fired", "sacked", "banned", "terminated", "revoked"]),
    ("offer standing", &["remains on the table", "still on the table", "remains open", "still stands", "stands"]),
    (
        "withdrawal",
        &["withdrawn", "withdrew", "withdraws", "pulled", "rescinded", "retracted", "taken off the table", "scrapped"],
    ),
    (
        "fire is still burning",
        &["still burning", "still ablaze", "continued to burn", "still smouldering", "still smoldering"],
    ),
    (
        "fire is out",
        &[
            "extinguished",
            "been put out",
            "was put out",
            "were put out",
            "put out the fire",
            "put out the blaze",
            "put out the flames",
            "burned itself out",
        ],
    ),
    (
        "door is open to more",
        &[
            "door open to more",
            "door open to further",
            "further tightening",
            "further easing",
            "further rate increases",
            "more rate increases",
            "further rate cuts",
            "more rate cuts",
        ],
    ),
    (
        "move is the last",
        &[
            "likely to be the last",
            "would be the last",
            "will be the last",
            "the last in the current",
            "the final increase",
            "the final cut",
            "no further increases",
            "no more increases",
            "no further cuts",
            "no more cuts",
        ],
    ),
];

/// Stances that cannot both be right about the same claim.
pub(crate) const CONFLICTING_STANCES: &[(&str, &str)] = &[
    ("declined to comment", "denial"),
    ("declined to comment", "confirmation"),
    ("inquiry", "confirmation"),
    ("inquiry", "denial"),
    ("denial", "confirmation"),
    ("suspension", "expulsion"),
    ("acceptance", "challenge"),
    ("acceptance", "denial"),
    ("offer standing", "withdrawal"),
    ("fire is still burning", "fire is out"),
    ("door is open to more", "move is the last"),
];

/// The stances a sentence takes (phrases after "not", "no" or a word that negates, as
/// "refused to accept", left out).
pub(crate) fn stances(text: &str) -> HashSet<&'static str> {
    let padded = format!(" {} ", words(text).join(" "));
    STANCES
        .iter()
        .filter(|(_, phrases)| {
            phrases.iter().any(|p| {
                padded.match_indices(&format!(" {p} ")).any(|(i, _)| {
                    let before: Vec<&str> = padded[..i].split_whitespace().rev().take(2).collect();
                    !before.iter().any(|w| NEGATION.contains(w) || IMPLICIT_NEGATIONS.contains(w))
                        || p.starts_with("did not")
                        || p.starts_with("would not")
                })
            })
        })
        .map(|(name, _)| *name)
        .collect()
}

/// A stance of `b` that conflicts with one of `a`, when neither sentence takes the other's:
/// (the stance of `a`, the stance of `b`).
pub(crate) fn stance_shift(a: &str, b: &str) -> Option<(&'static str, &'static str)> {
    let (sa, sb) = (stances(a), stances(b));
    CONFLICTING_STANCES.iter().find_map(|&(x, y)| {
        if sa.contains(x) && sb.contains(y) && !sa.contains(y) && !sb.contains(x) {
            Some((x, y))
        } else if sa.contains(y) && sb.contains(x) && !sa.contains(x) && !sb.contains(y) {
            Some((y, x))
        } else {
            None
        }
    })
}

/// Whether `place` is named in `a` and in `b` after the same two words ("an emergency centre
/// in Corvay"): the same mention, carried over from a neighbouring sentence, not a detail
/// moved to another place.
pub(crate) fn mentioned_alike(a: &str, b: &str, place: &str) -> bool {
    let lead = |text: &str| -> Option<Vec<String>> {
        let i = text.find(place)?;
        let before = words(&text[..i]);
        let content: Vec<String> =
            before.into_iter().filter(|w| !wiretrace_similarity::stopwords::is_stopword(w)).collect();
        (content.len() >= 2).then(|| content[content.len() - 2..].to_vec())
    };
    matches!((lead(a), lead(b)), (Some(x), Some(y)) if x == y)
}

/// Words that negate without "not" ("barred from holding office" is "may not hold office").
pub(crate) const IMPLICIT_NEGATIONS: &[&str] = &[
    "barred",
    "banned",
    "prohibited",
    "forbidden",
    "refused",
    "declined",
    "denied",
    "failed",
    "unable",
    "without",
    "lack",
    "lacked",
    "absence",
    "prevented",
    "stopped",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str, start: usize) -> Span {
        Span { start, end: start + text.chars().count(), text: text.to_string() }
    }

    #[test]
    fn sources_fold_possessives_documents_and_pronouns() {
        assert!(same_source("Ferrow’s party", "Ferrow's Civic Renewal Party"));
        // Quantifiers aside, and a role in the plural for its named holder only.
        assert!(same_source("some passengers", "several passengers"));
        assert!(!same_source("some", "prosecutors"), "a quantifier alone names no one");
        assert!(same_source("prosecutors", "Chief Prosecutor Ilsa Brandt"));
        assert!(!same_source("passengers", "a passenger"), "a plural is not one of them");
        assert!(same_source("interior ministry", "Talvenia's interior ministry"));
        assert!(same_source("statement", "Mali army"));
        assert!(same_source("she", "Nadia Ferrant"));
        assert!(!same_source("police", "civil protection agency"));
        assert!(same_source("Pavel Ostrand, SVHA", "Pavel Ostrand, Hydro"), "one person, the body named two ways");
        assert!(!same_source("Pavel Ostrand, SVHA", "Inga Rousel, SVHA"));
        assert!(is_description("jihadist group") && is_description("company"));
        assert!(both_public_bodies("agency", "service") && !both_public_bodies("agency", "company"));
        assert!(!both_public_bodies("agency", "Civil Protection Service"));
        assert!(!is_description("Gryndal Energy") && !is_description("police"));
    }

    #[test]
    fn stances_that_conflict_and_those_that_agree() {
        let wire = "An interior ministry spokesman declined to comment on the group's figure.";
        assert_eq!(
            stance_shift(wire, "The interior ministry rejected the group's figure."),
            Some(("declined to comment", "denial"))
        );
        assert_eq!(
            stance_shift("It suspended his membership.", "The party expelled him."),
            Some(("suspension", "expulsion"))
        );
        assert_eq!(stance_shift("It halted all operations.", "It suspended all operations."), None);
        assert_eq!(
            stance_shift(
                "The firm said it \"accepts the court's findings\".",
                "The firm said it would challenge the court's findings."
            ),
            Some(("acceptance", "challenge"))
        );
        assert_eq!(stance_shift("It accepted the ruling.", "It did not challenge the ruling."), None);
        assert_eq!(
            stance_shift("The ministry accepted the findings.", "The ministry said the findings were a challenge."),
            None,
            "a challenge named is no challenge made"
        );
        assert_eq!(stance_shift("They refused to accept the result.", "They rejected the result."), None);
        assert_eq!(
            stance_shift("It said its offer “remains on the table”.", "It has withdrawn its offer."),
            Some(("offer standing", "withdrawal"))
        );
        assert_eq!(stance_shift("Its offer remains on the table.", "Its offer still stands."), None);
        assert_eq!(
            stance_shift(
                "The agency was checking reports that sirens failed.",
                "The agency confirmed sirens had failed."
            ),
            Some(("inquiry", "confirmation"))
        );
        assert_eq!(
            stance_shift("By noon the fire was still burning in one warehouse.", "The blaze had been put out by noon."),
            Some(("fire is still burning", "fire is out"))
        );
        assert_eq!(stance_shift("The ministry put out a statement.", "The fire was still burning."), None);
        assert_eq!(
            stance_shift("The bank left the door open to more increases.", "The rise will be the last for now."),
            Some(("door is open to more", "move is the last"))
        );
        assert_eq!(stance_shift("It left the door open to further cuts.", "More cuts may follow."), None);
        // A negated stance is not taken.
        assert_eq!(stance_shift("The army confirmed the toll.", "The army has not confirmed the toll."), None);
    }

    #[test]
    fn a_hedge_is_dropped_only_with_what_it_qualified() {
        let wire = span(
            "Importers say the stoppage has delayed deliveries, and firms have reportedly diverted cargo to Tessary.",
            0,
        );
        let cue = span("reportedly", 64);
        assert!(scope_kept(
            &wire,
            &cue,
            &span("Importers say deliveries are delayed, and firms have diverted cargo to Tessary.", 0)
        ));
        assert!(!scope_kept(&wire, &cue, &span("Importers say the stoppage has delayed deliveries.", 0)));
        // A figure both give is what the hedge qualified.
        let s = span("More than 400 soldiers are thought to have been killed.", 0);
        assert!(scope_kept(
            &s,
            &span("are thought to", 23),
            &span("The violence caused over 400 military fatalities.", 0)
        ));
        // A time outside the hedge's clause is not what it qualified.
        let s = span("The fire broke out at 11 p.m., apparently in a solvent store at the factory.", 0);
        assert!(!scope_kept(&s, &span("apparently", 31), &span("The fire broke out at 11 p.m. at the factory.", 0)));
        // A figure with a comma inside stays one figure of the clause.
        let s = span("Some 1,400 people are thought to have drowned.", 0);
        assert!(scope_kept(&s, &span("are thought to", 18), &span("Flooding killed 1,400 people.", 0)));
        // Nor is a figure twenty words away in a sentence without commas.
        let s = span(
            "Officials ordered a recount of ballots from 112 polling stations after the opposition refused to accept the narrow result of the vote and alleged fraud.",
            0,
        );
        let cue = span("alleged", 138);
        assert_eq!(s.text.find("alleged"), Some(138));
        assert!(!scope_kept(&s, &cue, &span("Ballots from 112 polling stations will be recounted by hand.", 0)));
        assert!(scope_kept(
            &s,
            &cue,
            &span("The opposition rejected the narrow result of the vote, alleging fraud.", 0)
        ));
    }

    #[test]
    fn units_count_the_same_written_out_or_short() {
        assert_eq!(counted_stems("km"), counted_stems("kilometres"));
        assert_eq!(counted_stems("kg of flour"), counted_stems("kilograms of flour"));
        assert_ne!(counted_stems("km"), counted_stems("miles"));
        let people = |w: &str| counted_stems(w).iter().any(|s| crate::lexicon::PEOPLE_NOUNS.contains(&s.as_str()));
        assert!(people("survivors") && people("passengers") && people("people"));
        let staff = |w: &str| counted_stems(w).iter().any(|s| crate::lexicon::WORKFORCE_NOUNS.contains(&s.as_str()));
        assert!(staff("workers") && staff("staff") && staff("employees") && !staff("jobs") && !people("staff"));
    }

    #[test]
    fn the_same_mention_of_a_place_is_not_a_move() {
        let wire = "The governor told reporters at an emergency centre in Corvay.";
        assert!(mentioned_alike(
            wire,
            "“It came fast,” she told reporters at an emergency centre in Corvay.",
            "Corvay"
        ));
        assert!(!mentioned_alike(
            "A fire broke out 40 km south of Havenport.",
            "Residents living near the Havenport plant fled.",
            "Havenport"
        ));
    }
}
