//! Datelines: the "PLACE, Country (Agency) –" prefix of a wire story's first paragraph.

use regex::Regex;
use std::sync::LazyLock;

/// A dateline found at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The place as a reader would write it ("Staldrun, Norland"; all-capital words title-cased).
    pub place: String,
    /// The agency in parentheses, if any ("Reuters").
    pub agency: Option<String>,
    /// Byte length of the prefix, dash and following white space included.
    pub len: usize,
    /// Byte length of the prefix up to and including the dash.
    pub text_len: usize,
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    // Place names may hold lower-case particles ("Rio de Janeiro", "Stratford upon Avon").
    let name = r"[\p{Lu}][\p{L}.'’\-]*(?:\s+(?:(?:de|da|do|dos|das|del|della|di|la|le|les|el|al|am|an|im|of|on|upon|sur|en|van|von|der)\s+)?[\p{Lu}][\p{L}.'’\-]*){0,3}";
    Regex::new(&format!(
        r"^(?P<place>{name}(?:,\s*{name}){{0,2}})(?:\s*,?\s*(?:\p{{L}}{{3,9}}\.?\s+\d{{1,2}}|\d{{1,2}}\s+\p{{L}}{{3,9}}\.?))?\s*(?:\((?P<agency>[^()]{{2,40}})\))?\s*(?P<dash>[–—]|--?)\s+"
    ))
    .unwrap()
});

/// Splits a dateline off the start of `paragraph`, if it has one.
pub fn split_dateline(paragraph: &str) -> Option<Dateline> {
    let c = DATELINE.captures(paragraph)?;
    let whole = c.get(0)?;
    let dash = c.name("dash")?;
    let place_raw = c.name("place")?.as_str().trim();
    // Labels and asides that look like datelines: "BREAKING –", "Mr Smith (pictured) –".
    let first = place_raw.split_whitespace().next().unwrap_or("").to_lowercase();
    let labels = ["breaking", "update", "updated", "exclusive", "watch", "live", "opinion", "analysis", "editorial"];
    if labels.contains(&first.as_str()) || ["mr", "mrs", "ms", "dr"].contains(&first.trim_end_matches('.')) {
        return None;
    }
    if c.name("agency").is_some_and(|a| !a.as_str().trim_start().starts_with(char::is_uppercase)) {
        return None;
    }
    // A dateline's place is short; a sentence opening with a dash aside is not a dateline.
    if place_raw.split_whitespace().count() > 6 {
        return None;
    }
    // Without an agency, a comma ("Staldrun, Norland") or capitals ("WASHINGTON") it is an aside.
    let capitals =
        place_raw.chars().filter(|c| c.is_alphabetic()).count() > 1 && place_raw.chars().all(|c| !c.is_lowercase());
    if c.name("agency").is_none() && !place_raw.contains(',') && !capitals {
        return None;
    }
    let place = place_raw
        .split_whitespace()
        .map(|w| {
            if w.chars().filter(|c| c.is_alphabetic()).count() > 1 && w.chars().all(|c| !c.is_lowercase()) {
                title_case(w)
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    Some(Dateline {
        place,
        agency: c.name("agency").map(|a| a.as_str().trim().to_string()),
        len: whole.end(),
        text_len: dash.end(),
    })
}

fn title_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut start = true;
    for ch in word.chars() {
        if start {
            out.extend(ch.to_uppercase());
        } else {
            out.extend(ch.to_lowercase());
        }
        start = matches!(ch, '-' | ' ' | '.');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_place_and_agency() {
        let d = split_dateline("HAVENPORT, Norland (Meridian Wire) – At least 12 people died.").unwrap();
        assert_eq!(d.place, "Havenport, Norland");
        assert_eq!(d.agency.as_deref(), Some("Meridian Wire"));
        assert_eq!(&"HAVENPORT, Norland (Meridian Wire) – At"[d.len..], "At");
        let d = split_dateline("Staldrun, Norland – A ferry operator said").unwrap();
        assert_eq!((d.place.as_str(), d.agency), ("Staldrun, Norland", None));
        let d = split_dateline("WASHINGTON (Reuters) - The U.S. said").unwrap();
        assert_eq!((d.place.as_str(), d.agency.as_deref()), ("Washington", Some("Reuters")));
    }

    #[test]
    fn places_with_particles_dates_and_false_datelines() {
        let d = split_dateline("Rio de Janeiro (AFP) - Floods hit the city.").unwrap();
        assert_eq!((d.place.as_str(), d.agency.as_deref()), ("Rio de Janeiro", Some("AFP")));
        let d = split_dateline("PARIS, 4 novembre (AFP) - Le gouvernement a annoncé.").unwrap();
        assert_eq!((d.place.as_str(), d.agency.as_deref()), ("Paris", Some("AFP")));
        assert!(split_dateline("BREAKING – The minister resigned.").is_none());
        assert!(split_dateline("Mr Smith (pictured) – the minister – resigned.").is_none());
    }

    #[test]
    fn ordinary_sentences_have_no_dateline() {
        assert!(split_dateline("Lindqvist, a port town of 18,000, was flooded in 2012.").is_none());
        assert!(split_dateline("The army – which withdrew – said so.").is_none());
    }
}
