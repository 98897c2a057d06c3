//! Quantities that are shares of a whole ("35%", "fifty percent of the residents",
//! "two-thirds of the farmers", "half the votes"), compared as per cents: "half" and "50
//! percent" are the same figure, and a fraction given in per cent is rounded ("two-thirds",
//! "about 67 percent").

use wiretrace_parse::tokenize;

use crate::model::Span;
use crate::numbers::fraction;
use crate::rules::STEMMER;

/// A quantity read as a share of a whole.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Share {
    /// The share in per cent.
    pub(crate) percent: f64,
    /// Whether it is written as a fraction.
    pub(crate) fraction: bool,
    /// Stems of the content words naming the whole ("of the 1,200 residents" → "resid");
    /// empty when the sentence does not say.
    pub(crate) whole: Vec<String>,
}

impl Share {
    /// Whether two shares are the same figure: equal, or a fraction that is no whole per cent
    /// and a per cent it rounds to (a reporter turning "two-thirds" into per cent writes 66
    /// or 67; "half" is 50 percent, not 51).
    pub(crate) fn same(&self, other: &Share) -> bool {
        (self.percent - other.percent).abs() <= 1e-9 || self.rounds_to(other) || other.rounds_to(self)
    }

    /// Whether this is a fraction that is no whole per cent, and `other` a per cent within a
    /// point of it.
    pub(crate) fn rounds_to(&self, other: &Share) -> bool {
        self.fraction
            && !other.fraction
            && (self.percent - self.percent.round()).abs() > 1e-9
            && (self.percent - other.percent).abs() < 1.0
    }

    /// Whether two shares are of the same whole: `None` when either does not say.
    pub(crate) fn same_whole(&self, other: &Share) -> Option<bool> {
        if self.whole.is_empty() || other.whole.is_empty() {
            return None;
        }
        Some(self.whole.iter().any(|w| other.whole.contains(w)))
    }
}

/// Stems of the content words a text opens with, after "of", articles and numbers, up to the
/// first function word: "of the 1,200 residents of Kestral" → "resid".
fn leading_content(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for t in tokenize(text) {
        let w = t.norm.as_str();
        let stop = wiretrace_similarity::stopwords::is_stopword(w);
        let number = w.chars().next().is_some_and(|c| c.is_ascii_digit());
        if out.is_empty() && (stop || number) {
            continue;
        }
        if stop || number || out.len() == 3 {
            break;
        }
        out.push(STEMMER.stem(w).into_owned());
    }
    out
}

/// The whole named after a per cent: "of" and a noun phrase ("of the residents"), or a noun
/// phrase the per cent qualifies ("a 4.5 percent pay offer"); none when a function word
/// comes first ("3.5 percent for this year").
fn whole_after(text: &str) -> Vec<String> {
    let toks = tokenize(text);
    match toks.first().map(|t| t.norm.as_str()) {
        Some("of") => leading_content(text),
        Some(w) if !wiretrace_similarity::stopwords::is_stopword(w) && w.chars().all(char::is_alphabetic) => {
            leading_content(text)
        }
        _ => Vec::new(),
    }
}

/// Words that may stand between "of" and a figure ("a rise of about 5 percent").
const BEFORE_FIGURE: &[&str] = &[
    "about", "around", "roughly", "some", "nearly", "almost", "just", "over", "under", "more", "less", "than", "at",
    "least", "up", "to", "only",
];

/// The whole named before a per cent by "of": "a pay offer of 3.5 percent" → "pay", "offer"
/// (the content words right before "of", up to three).
fn whole_before(text: &str) -> Vec<String> {
    let toks = tokenize(text);
    let mut end = toks.len();
    while end > 0 && BEFORE_FIGURE.contains(&toks[end - 1].norm.as_str()) {
        end -= 1;
    }
    if end == 0 || toks[end - 1].norm != "of" {
        return Vec::new();
    }
    let mut out = Vec::new();
    for t in toks[..end - 1].iter().rev() {
        let w = t.norm.as_str();
        if wiretrace_similarity::stopwords::is_stopword(w) || !w.chars().all(char::is_alphabetic) || out.len() == 3 {
            break;
        }
        out.push(STEMMER.stem(w).into_owned());
    }
    out.reverse();
    out
}

/// The share a quantity states, if it is one: a per cent ("35%", "fifty percent") or a
/// fraction below one ("two-thirds", "half"). `number` and `counted` are the quantity's
/// parts and `sentence` its sentence, all spans of one document.
pub(crate) fn share_of(value: Option<f64>, number: &Span, counted: Option<&Span>, sentence: &Span) -> Option<Share> {
    let v = value?;
    let sign = number.text.ends_with('%');
    // The per cent written as a word after the number ("fifty percent", "35 per cent").
    let after: String = sentence.text.chars().skip(number.end.saturating_sub(sentence.start)).collect();
    let lower = after.trim_start().to_lowercase();
    let word = ["per cent", "per-cent", "percent"]
        .iter()
        .find(|w| lower.starts_with(*w) && !lower.starts_with("percentage"))
        .map(|w| after.len() - after.trim_start().len() + w.len());
    let is_fraction = !sign && word.is_none() && v < 1.0 && fraction(&number.text).is_some();
    if !sign && word.is_none() && !is_fraction {
        return None;
    }
    // What it is a share of: the words after the per cent ("fifty percent of the residents",
    // "35% of voters"), or what the quantity counts ("two-thirds of the farmers").
    let whole = match (word, counted) {
        (Some(len), _) => whole_after(&after[len..]),
        (None, Some(c)) => leading_content(&c.text),
        (None, None) => whole_after(&after),
    };
    // Or before it: "a pay offer of 3.5 percent".
    let whole = if whole.is_empty() && !is_fraction {
        let before: String = sentence.text.chars().take(number.start.saturating_sub(sentence.start)).collect();
        whole_before(&before)
    } else {
        whole
    };
    let percent = if is_fraction { v * 100.0 } else { v };
    Some(Share { percent, fraction: is_fraction, whole })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract_sentence;
    use crate::model::ClaimDetail;

    /// The share of each quantity of a sentence.
    fn shares(text: &str) -> Vec<Option<Share>> {
        let sentence = Span { start: 0, end: text.chars().count(), text: text.to_string() };
        extract_sentence(text, 0, None)
            .into_iter()
            .filter_map(|(d, _)| match d {
                ClaimDetail::Quantity { value, number, counted, .. } => {
                    Some(share_of(value, &number, counted.as_ref(), &sentence))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn per_cents_and_fractions_are_shares_of_what_follows() {
        let s = shares(
            "Fifty percent of the 1,200 residents and two-thirds of the farmers were there; 35 per cent of voters too.",
        );
        let got: Vec<(f64, bool, Vec<String>)> =
            s.iter().flatten().map(|s| ((s.percent * 10.0).round() / 10.0, s.fraction, s.whole.clone())).collect();
        assert_eq!(
            got,
            vec![
                (50.0, false, vec!["resid".to_string()]),
                (66.7, true, vec!["farmer".to_string()]),
                (35.0, false, vec!["voter".to_string()]),
            ]
        );
        // The 1,200 residents are a count, not a share.
        assert_eq!(s.iter().filter(|x| x.is_none()).count(), 1);
        assert!(shares("Half a million people and 12 percentage points.").iter().all(Option::is_none));
    }

    #[test]
    fn the_whole_may_come_before_the_per_cent_and_a_phrase_of_time_is_none() {
        let whole = |text: &str| shares(text).into_iter().flatten().map(|s| s.whole).collect::<Vec<_>>();
        let pay = vec![vec!["pay".to_string(), "offer".to_string()]];
        assert_eq!(whole("They rejected a pay offer of 3.5 percent for this year."), pay);
        assert_eq!(whole("They turned down a 4.5 percent pay offer for this year."), pay);
        assert_eq!(whole("They rejected a pay offer of about 3.5% on Monday."), pay);
        assert_eq!(whole("Prices rose 3.5 percent in May."), vec![Vec::<String>::new()]);
    }

    #[test]
    fn a_rounded_fraction_is_the_same_share() {
        let share = |percent, fraction| Share { percent, fraction, whole: vec!["voter".into()] };
        assert!(share(200.0 / 3.0, true).same(&share(67.0, false)));
        assert!(share(200.0 / 3.0, true).same(&share(66.0, false)));
        // Fractions that are whole per cents are not rounded.
        assert!(share(50.0, true).same(&share(50.0, false)));
        assert!(!share(50.0, true).same(&share(51.0, false)));
        assert!(!share(25.0, true).same(&share(26.0, false)));
        assert!(!share(200.0 / 3.0, true).same(&share(40.0, false)));
        assert!(!share(12.0, false).same(&share(12.4, false)));
        let other = Share { whole: vec!["farmer".into()], ..share(50.0, false) };
        assert_eq!(share(50.0, true).same_whole(&other), Some(false));
        assert_eq!(share(50.0, true).same_whole(&Share { whole: vec![], ..other }), None);
    }
}
