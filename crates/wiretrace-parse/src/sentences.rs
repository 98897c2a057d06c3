//! Sentence segmentation for news text.
//!
//! Rule based: a sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets)
//! followed by white space and a word that can start a sentence. Abbreviations ("Gen.",
//! "Mr.", "Jan. 5"), initials ("J. Smith"), dotted acronyms ("U.S. Africa Command"), decimals
//! and web addresses do not end sentences.

/// Titles and other abbreviations that never end a sentence.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "gov", "sen", "rep", "lt", "col", "capt", "sgt", "maj", "adm", "prof", "st", "rev",
    "hon", "pres", "supt", "insp", "cpl", "pvt", "brig", "cmdr", "cmdt", "gens", "messrs", "fr", "sec", "amb", "atty",
    "vs", "v", "approx", "mt", "ft", "ave", "blvd", "rd", "fig",
];
/// More titles, military ranks and plurals ("Pfc.", "Sens.").
const MORE_TITLES: &[&str] = &["pfc", "spc", "sens", "reps", "govs", "supts", "rt", "ret"];
/// Words after a clock time ("5 p.m. EST") that do not open a new sentence.
const AFTER_TIME: &[&str] = &[
    "est",
    "edt",
    "et",
    "cst",
    "cdt",
    "ct",
    "mst",
    "mdt",
    "mt",
    "pst",
    "pdt",
    "pt",
    "gmt",
    "utc",
    "bst",
    "cet",
    "cest",
    "local",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
/// Abbreviations that end a sentence only before a typical sentence opener.
const SOFT: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "etc", "inc", "no", "nos",
    "corp", "co", "ltd", "jr", "sr", "bros", "est", "al", "govt", "dept", "univ",
];
/// Words that typically open a sentence, used after soft abbreviations and acronyms.
const OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "but",
    "and",
    "in",
    "on",
    "at",
    "this",
    "that",
    "these",
    "those",
    "there",
    "his",
    "her",
    "its",
    "their",
    "our",
    "as",
    "if",
    "when",
    "while",
    "after",
    "before",
    "however",
    "meanwhile",
    "still",
    "yet",
    "so",
    "some",
    "many",
    "no",
    "one",
    "for",
    "officials",
    "police",
    "witnesses",
    "residents",
];

const TERMINALS: &[char] = &['.', '!', '?', '…'];
const CLOSERS: &[char] = &['"', '”', '’', '\'', ')', ']', '»'];

/// Splits `text` into sentences; returns byte ranges with surrounding white space trimmed.
pub fn split_sentences(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let mut out = Vec::new();
    let mut start = 0usize; // char index
    let mut i = 0usize;
    while i < n {
        let c = chars[i].1;
        if !TERMINALS.contains(&c) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n && TERMINALS.contains(&chars[j].1) {
            j += 1;
        }
        // A spaced ellipsis (". . .") elides words inside a sentence.
        if c == '.' && j + 1 < n && chars[j].1 == ' ' && chars[j + 1].1 == '.' {
            i = j + 1;
            continue;
        }
        if c == '.' && i >= 2 && chars[i - 1].1 == ' ' && chars[i - 2].1 == '.' {
            i = j;
            continue;
        }
        while j < n && CLOSERS.contains(&chars[j].1) {
            j += 1;
        }
        if j < n && !chars[j].1.is_whitespace() {
            i = j.max(i + 1);
            continue;
        }
        let mut k = j;
        while k < n && chars[k].1.is_whitespace() {
            k += 1;
        }
        if k == n {
            break;
        }
        let next_word: String = chars[k..].iter().map(|&(_, c)| c).take_while(|c| !c.is_whitespace()).collect();
        let next_first = next_word.chars().find(|c| c.is_alphanumeric()).unwrap_or(' ');
        if next_first.is_lowercase() {
            i = j;
            continue;
        }
        let comma_before = chars[start..i]
            .iter()
            .rev()
            .skip_while(|(_, c)| !c.is_whitespace())
            .find(|(_, c)| !c.is_whitespace())
            .is_some_and(|(_, c)| *c == ',');
        if c == '.' && j == i + 1 && is_abbreviation(&chars[start..i], &next_word, comma_before) {
            i = j;
            continue;
        }
        push_trimmed(text, &chars, start, j, &mut out);
        start = k;
        i = k;
    }
    if start < n {
        push_trimmed(text, &chars, start, n, &mut out);
    }
    out
}

fn push_trimmed(text: &str, chars: &[(usize, char)], from: usize, to: usize, out: &mut Vec<(usize, usize)>) {
    let b0 = chars[from].0;
    let b1 = if to < chars.len() { chars[to].0 } else { text.len() };
    let s = &text[b0..b1];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if !t.is_empty() {
        out.push((b0 + lead, b0 + lead + t.len()));
    }
}

/// Whether the word before a full stop (the chars of the sentence so far) is an abbreviation
/// that does not end the sentence before `next_word`; `after_comma` says the word follows a
/// comma (", N.Y." closes a place name).
fn is_abbreviation(before: &[(usize, char)], next_word: &str, after_comma: bool) -> bool {
    let word: String = before
        .iter()
        .rev()
        .map(|&(_, c)| c)
        .take_while(|c| !c.is_whitespace() && !matches!(c, '(' | '"' | '“' | '‘' | '['))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if word.is_empty() {
        return false;
    }
    // "then-Gov." is the title "Gov.".
    let lower = word.rsplit('-').next().unwrap_or(&word).to_lowercase();
    let next = next_word.trim_start_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let next = next.trim_end_matches(|c: char| !c.is_alphanumeric()).to_string();
    let next_capital = next_word.chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_uppercase);
    let next_is_opener = OPENERS.contains(&next.as_str());
    let next_is_digit = next.chars().next().is_some_and(|c| c.is_ascii_digit());
    let letters: Vec<char> = word.chars().collect();
    // Initials: "J. Smith"; but "Plan B. The council" ends a sentence.
    if letters.len() == 1 && letters[0].is_uppercase() {
        return !next_is_opener;
    }
    // Clock times: "at 3 p.m. Shares fell" ends a sentence; "5 p.m. EST" does not.
    if matches!(lower.as_str(), "a.m" | "p.m") {
        return !(next_is_opener || (next_capital && !AFTER_TIME.contains(&next.as_str())));
    }
    // Dotted acronyms: "U.S", "U.N"; after a comma a place ("Amherst, N.Y.") that a capital
    // word following ends.
    if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic)) {
        return !(next_is_opener || (after_comma && next_capital));
    }
    if TITLES.contains(&lower.as_str()) || MORE_TITLES.contains(&lower.as_str()) {
        return true;
    }
    if SOFT.contains(&lower.as_str()) {
        return next_is_digit || !next_is_opener;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        split_sentences(text).into_iter().map(|(a, b)| &text[a..b]).collect()
    }

    #[test]
    fn keeps_abbreviations_and_initials_inside() {
        let t = "Gen. Ola Brandt of U.S. Northern Command spoke on Jan. 5 in St. Louis. J. R. Smith said 3.5 tonnes. The end.";
        assert_eq!(
            sents(t),
            vec![
                "Gen. Ola Brandt of U.S. Northern Command spoke on Jan. 5 in St. Louis.",
                "J. R. Smith said 3.5 tonnes.",
                "The end."
            ]
        );
    }

    #[test]
    fn splits_after_closing_quotes_and_keeps_quoted_questions() {
        let t = "They were “all over the harbour.” Norland’s navy withdrew. “Why now?” he asked. It rained!";
        assert_eq!(
            sents(t),
            vec!["They were “all over the harbour.”", "Norland’s navy withdrew.", "“Why now?” he asked.", "It rained!"]
        );
    }

    #[test]
    fn acronym_at_sentence_end_splits_before_an_opener() {
        assert_eq!(sents("Troops left the U.S. The talks failed."), vec!["Troops left the U.S.", "The talks failed."]);
    }

    #[test]
    fn no_and_single_letters_before_openers() {
        assert_eq!(sents("The answer was no. Officials left."), vec!["The answer was no.", "Officials left."]);
        assert_eq!(sents("They chose Plan B. The council agreed."), vec!["They chose Plan B.", "The council agreed."]);
        assert_eq!(sents("It is No. 5 on the list."), vec!["It is No. 5 on the list."]);
    }

    #[test]
    fn ellipses_clock_times_and_places() {
        assert_eq!(
            sents(
                "There could be . . . typhoid and cholera. Shares fell to $6.88 as of 3:59 p.m. Shares of Acme rose."
            ),
            vec![
                "There could be . . . typhoid and cholera.",
                "Shares fell to $6.88 as of 3:59 p.m.",
                "Shares of Acme rose."
            ]
        );
        assert_eq!(sents("It opens at 5 p.m. EST on Monday."), vec!["It opens at 5 p.m. EST on Monday."]);
        assert_eq!(
            sents("He was shot in Amherst, N.Y. Police said the case was open. The then-Gov. Walter Hickel spoke."),
            vec![
                "He was shot in Amherst, N.Y.",
                "Police said the case was open.",
                "The then-Gov. Walter Hickel spoke."
            ]
        );
        assert_eq!(
            sents("Payments irrespective of ... (how) he left."),
            vec!["Payments irrespective of ... (how) he left."]
        );
    }

    #[test]
    fn text_without_final_stop_is_one_sentence() {
        assert_eq!(sents("Army Claims to Have Fought Back"), vec!["Army Claims to Have Fought Back"]);
    }
}
