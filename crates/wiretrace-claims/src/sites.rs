//! Sites a story names without a place name: "at the police post", "outside the central
//! market", "near the army checkpoint". A rewrite that moves a detail from one event to
//! another often names only the site of the other event, so these are compared like places
//! when drifts are looked for (see `event_conflated`).

use regex::Regex;
use std::sync::LazyLock;

use crate::rules::words;

/// A preposition, "the", up to two words that qualify the site, and a site noun.
static SITE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:at|in|on|near|outside|inside|into|from|to) the ((?:[\p{L}-]+ ){0,2}?(?:post|checkpoint|outpost|base|camp|barracks|market|station|school|hospital|clinic|mosque|church|temple|prison|jail|mine|plant|factory|refinery|port|harbour|harbor|airport|bridge|crossing|village|square|stadium|embassy|courthouse|hotel|compound|depot|warehouse|dam|gate|roadblock|terminal|quay|pier|dock|docks|yard))(?-u:\b)",
    )
    .unwrap()
});

/// A site named in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Site {
    /// Byte offsets of the site phrase (without the preposition and "the") in the sentence.
    pub(crate) start: usize,
    /// End of the phrase.
    pub(crate) end: usize,
    /// The phrase's words, lowercased ("police post").
    pub(crate) words: Vec<String>,
}

impl Site {
    /// The site noun ("post" of "police post").
    pub(crate) fn noun(&self) -> &str {
        self.words.last().map_or("", String::as_str)
    }

    /// Whether `text` names this site with the same words.
    pub(crate) fn named_in(&self, text: &str) -> bool {
        let w = words(text);
        w.windows(self.words.len()).any(|x| x == self.words.as_slice())
    }
}

/// The sites named in a sentence, in order.
pub(crate) fn sites(sentence: &str) -> Vec<Site> {
    SITE.captures_iter(sentence)
        .filter_map(|c| c.get(1))
        .map(|m| Site { start: m.start(), end: m.end(), words: words(m.as_str()) })
        .filter(|s| !s.words.is_empty())
        .collect()
}

/// Whether `text` mentions the site noun `noun` at all (singular or plural).
pub(crate) fn mentions_noun(text: &str, noun: &str) -> bool {
    words(text).iter().any(|w| w == noun || w.strip_suffix('s') == Some(noun) || w.strip_suffix("es") == Some(noun))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sites_are_read_with_their_qualifiers() {
        let s = "Two soldiers were killed at the police post, near the central market.";
        let found: Vec<Vec<String>> = sites(s).into_iter().map(|x| x.words).collect();
        assert_eq!(found, vec![vec!["police", "post"], vec!["central", "market"]]);
        let first = &sites(s)[0];
        assert_eq!(&s[first.start..first.end], "police post");
        assert_eq!(first.noun(), "post");
        assert!(first.named_in("Gunmen stormed a police post in Harzek."));
        assert!(!first.named_in("Gunmen stormed a post office."));
    }

    #[test]
    fn a_site_needs_the_definite_article_and_a_site_noun() {
        assert!(sites("He lives in a village near Tesh.").is_empty());
        assert!(sites("She said it at the meeting.").is_empty());
        assert!(mentions_noun("two army posts were attacked", "post"));
        assert!(!mentions_noun("a postal worker", "post"));
    }
}
