//! Word tokens with normalised forms for matching; offsets stay on the original text.

use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// One word or number of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first char in the tokenised text.
    pub start: usize,
    /// Byte offset after the last char.
    pub end: usize,
    /// Normalised form: lower case, diacritics removed, typographic apostrophes folded, a
    /// possessive `'s` removed.
    pub norm: String,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ')
}

/// Splits text into word and number tokens.
///
/// Words are runs of letters and digits; an apostrophe inside a word is kept ("don't"),
/// hyphens split ("al-Qaeda" gives "al", "qaeda"), and digits joined by `.` or `,` stay one
/// number ("3.5", "1,200").
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if !chars[i].1.is_alphanumeric() {
            i += 1;
            continue;
        }
        let s = i;
        let mut j = i + 1;
        while j < n {
            let c = chars[j].1;
            if c.is_alphanumeric() {
                j += 1;
            } else if (is_apostrophe(c)
                && j + 1 < n
                && chars[j + 1].1.is_alphabetic()
                && chars[j - 1].1.is_alphabetic())
                || (matches!(c, '.' | ',')
                    && j + 1 < n
                    && chars[j + 1].1.is_ascii_digit()
                    && chars[j - 1].1.is_ascii_digit())
            {
                j += 2;
            } else {
                break;
            }
        }
        let start = chars[s].0;
        let end = if j < n { chars[j].0 } else { text.len() };
        out.push(Token { start, end, norm: normalize_word(&text[start..end]) });
        i = j;
    }
    out
}

/// The normalised form of one word (see [`Token::norm`]).
pub fn normalize_word(word: &str) -> String {
    // Plain ASCII letters and digits only need lower-casing.
    if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return word.to_ascii_lowercase();
    }
    let mut s: String = word
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| if is_apostrophe(c) { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect();
    if s.ends_with("'s") {
        s.truncate(s.len() - 2);
    }
    if s.chars().all(|c| c.is_ascii_digit() || c == ',') && s.contains(',') {
        s.retain(|c| c != ',');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_offsets_and_normalise() {
        let t = "Norland’s al-Amin café: 1,200 troops, 3.5%";
        let toks = tokenize(t);
        let norms: Vec<&str> = toks.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(norms, vec!["norland", "al", "amin", "cafe", "1200", "troops", "3.5"]);
        assert_eq!(&t[toks[0].start..toks[0].end], "Norland’s");
        assert_eq!(&t[toks[4].start..toks[4].end], "1,200");
    }
}
