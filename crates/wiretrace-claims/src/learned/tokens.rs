//! The tokens the attribution tagger reads: words, numbers and every punctuation mark, with
//! code-point offsets into the document text.

/// One token of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tok {
    /// Start offset in code points.
    pub(crate) start: usize,
    /// End offset (exclusive) in code points.
    pub(crate) end: usize,
    /// The token in lower case.
    pub(crate) lower: String,
    /// Its shape: `X` for an upper-case letter, `x` lower case, `d` a digit, the mark itself
    /// otherwise, runs collapsed ("Obama" gives `Xx`, "1,200" gives `d,d`).
    pub(crate) shape: String,
}

/// Splits a document into tokens. Letters and digits run together into words, as do digits
/// joined by `.` or `,` ("1,200", "3.5"); every other character that is not white space is a
/// token of its own, apostrophes and hyphens included ("Kerry’s" gives "Kerry", "’", "s").
pub(crate) fn tokens(text: &str) -> Vec<Tok> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_alphanumeric() {
            while i < chars.len() {
                let d = chars[i];
                let joins_digits = matches!(d, '.' | ',')
                    && i > start
                    && chars[i - 1].is_ascii_digit()
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit);
                if d.is_alphanumeric() || joins_digits {
                    i += 1;
                } else {
                    break;
                }
            }
        } else {
            i += 1;
        }
        out.push(token(&chars[start..i], start));
    }
    out
}

fn token(chars: &[char], start: usize) -> Tok {
    let mut shape = String::new();
    for &c in chars {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_alphabetic() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if !shape.ends_with(s) || !matches!(s, 'X' | 'x' | 'd') {
            shape.push(s);
        }
    }
    Tok { start, end: start + chars.len(), lower: chars.iter().flat_map(|c| c.to_lowercase()).collect(), shape }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_numbers_and_marks_with_offsets() {
        let t = tokens("“Kerry’s 1,200,” said é.");
        let words: Vec<&str> = t.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(words, ["“", "kerry", "’", "s", "1,200", ",", "”", "said", "é", "."]);
        assert_eq!((t[1].start, t[1].end), (1, 6));
        assert_eq!(t[1].shape, "Xx");
        assert_eq!(t[4].shape, "d,d");
        assert_eq!((t[8].start, t[8].end), (22, 23));
    }
}
