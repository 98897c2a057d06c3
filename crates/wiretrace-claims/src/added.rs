//! Phrases a version adds to a shared sentence: "arrived on Sunday on a military cargo flight"
//! where every other version has "arrived on Sunday". Such a phrase is a `detail_added` when it
//! opens with a preposition, carries at least two content words, and none of its content
//! words occurs anywhere in the other versions of the story (a phrase moved from another
//! sentence is not new information). Words are compared as written, a plural "s" aside, so
//! a synonym of the others' words ("an army lorry" for "a military truck") is taken as new:
//! a reader can dismiss it from the evidence shown.

use similar::{capture_diff_slices, Algorithm, DiffOp};
use wiretrace_parse::tokenize;

/// Prepositions that open an added circumstance (how, with what, by whom, where).
const OPENING_PREPOSITIONS: &[&str] = &[
    "on", "in", "at", "by", "with", "from", "aboard", "via", "through", "under", "after", "before", "during", "using",
    "inside", "near", "behind", "beside",
];

/// The fewest content words an added phrase carries.
const MIN_CONTENT_WORDS: usize = 2;

/// The byte range, in `sentence`, of a phrase it adds to `counterpart`, whose content words
/// `known` says no other version uses (`known` gets a normalised word).
pub(crate) fn added_phrase(sentence: &str, counterpart: &str, known: impl Fn(&str) -> bool) -> Option<(usize, usize)> {
    let own = tokenize(sentence);
    let theirs = tokenize(counterpart);
    let a: Vec<&str> = theirs.iter().map(|t| t.norm.as_str()).collect();
    let b: Vec<&str> = own.iter().map(|t| t.norm.as_str()).collect();
    for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
        let DiffOp::Insert { new_index, new_len, .. } = op else { continue };
        let run = &own[new_index..new_index + new_len];
        let Some(first) = run.first() else { continue };
        if !OPENING_PREPOSITIONS.contains(&first.norm.as_str()) {
            continue;
        }
        // The phrase runs up to the first word the others use (an insertion can run on into
        // words moved from elsewhere: "on a military cargo flight, and that vaccinations …").
        let is_content =
            |w: &str| !wiretrace_similarity::stopwords::is_stopword(w) && !w.chars().any(|c| c.is_ascii_digit());
        let upto = run.iter().position(|t| is_content(&t.norm) && known(&t.norm)).unwrap_or(run.len());
        let Some(last) = run[..upto].iter().rposition(|t| is_content(&t.norm)) else { continue };
        let phrase = &run[..=last];
        if phrase.iter().filter(|t| is_content(&t.norm)).count() >= MIN_CONTENT_WORDS {
            return Some((first.start, phrase[phrase.len() - 1].end));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_circumstance_is_found_and_known_words_are_not() {
        let wire = "The vaccine arrived from a regional stockpile on Sunday, the ministry said.";
        let rewrite =
            "The vaccine arrived from a regional stockpile on Sunday on a military cargo flight, the ministry said.";
        let story = ["vaccine", "arrived", "regional", "stockpile", "sunday", "ministry", "said"];
        let found = added_phrase(rewrite, wire, |w| story.contains(&w)).expect("added");
        assert_eq!(&rewrite[found.0..found.1], "on a military cargo flight");
        // Words another version uses elsewhere are not new.
        assert_eq!(added_phrase(rewrite, wire, |w| w == "military"), None);
        // An insertion running on into words the others use is cut before them.
        let other = "Vaccinations will start after a regional stockpile arrived on Sunday.";
        let long = "A regional stockpile arrived on Sunday on a military cargo flight, so vaccinations will start.";
        let story = ["vaccinations", "start", "regional", "stockpile", "arrived", "sunday"];
        let found = added_phrase(long, other, |w| story.contains(&w)).expect("added");
        assert_eq!(&long[found.0..found.1], "on a military cargo flight");
        // One content word is a rewording, not a detail ("on Sunday morning").
        assert_eq!(added_phrase("It arrived on Sunday in secret.", "It arrived on Sunday.", |_| false), None);
        // An added phrase must open with a preposition.
        assert_eq!(added_phrase("It arrived, officials confirmed gladly.", "It arrived.", |_| false), None);
    }
}
