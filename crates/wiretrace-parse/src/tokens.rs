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

/// Whether the chars starting in `text[range]` include a Unicode space outside ASCII (U+0085,
/// U+00A0, U+1680, U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F, U+3000).
fn has_unicode_space(text: &str, range: std::ops::Range<usize>) -> bool {
    let bytes = &text.as_bytes()[range.clone()];
    let lead = |b: u8| matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3);
    !bytes.is_ascii()
        && bytes.iter().any(|&b| lead(b))
        && range
            .filter(|&i| lead(text.as_bytes()[i]))
            .any(|i| text[i..].chars().next().is_some_and(char::is_whitespace))
}

/// The number of whitespace-separated words of `text`, counting no further than `limit`: the
/// same as `text.split_whitespace().take(limit).count()`, counted on bytes a block at a time
/// (a text with spaces other than ASCII ones is counted by `split_whitespace`).
///
/// ```
/// use wiretrace_parse::tokens::count_words;
/// assert_eq!(count_words(" Ana\u{a0}Ruiz\u{3000}covers  “courts” ", usize::MAX), 4);
/// assert_eq!(count_words("one two three", 2), 2);
/// ```
pub fn count_words(text: &str, limit: usize) -> usize {
    const BLOCK: usize = 64;
    let space = |b: u8| b == b' ' || (b'\t'..=b'\r').contains(&b);
    let bytes = text.as_bytes();
    let Some(&first) = bytes.first() else { return 0 };
    // A word starts at the first byte, or where a space is followed by a non-space.
    let mut words = usize::from(!space(first));
    let (n, mut start) = (bytes.len(), 0);
    loop {
        let end = (start + BLOCK).min(n);
        if has_unicode_space(text, start..end) {
            return text.split_whitespace().take(limit).count();
        }
        // Pairs of bytes (i - 1, i) for the i of this block.
        words += bytes[start.max(1) - 1..end - 1]
            .iter()
            .zip(&bytes[start.max(1)..end])
            // (At most 64 per block, so a byte holds the count and the sum runs on wide lanes.)
            .fold(0u8, |n, (&a, &b)| n + u8::from(space(a) & !space(b))) as usize;
        if words >= limit {
            return limit;
        }
        if end == n {
            return words;
        }
        start = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        let spaces = [
            '\u{85}', '\u{a0}', '\u{1680}', '\u{2003}', '\u{2028}', '\u{202f}', '\u{205f}', '\u{3000}', '\t', '\x0b',
            ' ',
        ];
        let others = ['\u{a9}', '\u{e9}', '\u{2013}', '\u{201c}', '\u{3001}', '\u{1f600}', '\u{1c}', 'x'];
        // Every string of three chars from spaces and non-spaces.
        let alphabet: Vec<char> = spaces.iter().chain(&others).copied().collect();
        let mut texts = vec![String::new()];
        for _ in 0..3 {
            texts = texts.iter().flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}"))).collect();
        }
        // Long lines, whose words cross the blocks the bytes are read in.
        let long = "Ferry sinks off Lindqvist,  the “coast” guard said\t– ".repeat(9);
        texts.extend([long.clone(), format!("{long}\u{a0}end"), format!(" x{}", "y ".repeat(70))]);
        for text in &texts {
            for limit in [0, 1, 2, 25, usize::MAX] {
                assert_eq!(count_words(text, limit), text.split_whitespace().take(limit).count(), "{text:?} {limit}");
            }
        }
    }

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
