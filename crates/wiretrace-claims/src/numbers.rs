//! The value of a number as written: fractions ("two thirds", "1/4", "¾", "2 1/2", "two and
//! a half"), digits grouped by commas or spaces ("1,200", "10 000"), and when a number
//! written like a fraction is one.

use crate::lexicon::{word_value, DENOMINATORS, VULGAR_FRACTIONS};

/// What must follow a number written like a fraction for it to be one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FractionCheck {
    /// Nothing: "¾", "two thirds", "one-half", "two and a half".
    Always,
    /// "of", or the end of the sentence: "a third of the villages" and "exactly one sixth.",
    /// but not "a third attack", "And a third, Daniel Traynor, said" or "a year and a half".
    OfOrEnd,
    /// "of" or a unit of measure ("1/4 inch"), or an approximator before it ("about 1/40"):
    /// "3/4" alone may be a date, "9/11" a name.
    OfOrUnit,
    /// "Half" alone: before "of" or "the", or at the end of the sentence ("half of the
    /// residents", "half the votes", "backed by half."), not "half past" or "half-time".
    Partitive,
    /// A count of periods or parts, not a fraction: "six quarters", "the two halves"; the
    /// number word alone is the quantity.
    Count,
    /// Not a number at all: "24/7".
    Never,
}

/// A number written as a fraction.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Fraction {
    /// Its value.
    pub(crate) value: f64,
    /// When it is one.
    pub(crate) check: FractionCheck,
}

/// The value of a denominator word and whether it is plural.
fn denominator(word: &str) -> Option<(f64, bool)> {
    DENOMINATORS.iter().find(|(w, _)| *w == word).map(|&(w, d)| (d, w.ends_with('s')))
}

/// Reads a number written as a fraction; `None` for any other number.
pub(crate) fn fraction(written: &str) -> Option<Fraction> {
    let lower = written.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let always = |value| Some(Fraction { value, check: FractionCheck::Always });
    // "¾", "1½".
    if let Some(last) = lower.chars().last() {
        if let Some(&(_, f)) = VULGAR_FRACTIONS.iter().find(|(c, _)| *c == last) {
            let whole = lower[..lower.len() - last.len_utf8()].trim();
            let whole = if whole.is_empty() { 0.0 } else { whole.parse::<f64>().ok()? };
            return always(whole + f);
        }
    }
    // "two and a half".
    if let Some((head, tail)) = lower.split_once(" and a ") {
        let (d, _) = denominator(tail)?;
        let whole = head.parse::<f64>().ok().or_else(|| word_value(head))?;
        return always(whole + 1.0 / d);
    }
    // "1/4", "2 1/2".
    if let Some((left, den)) = lower.split_once('/') {
        let (whole, numerator) = match left.split_once(' ') {
            Some((w, n)) => (w.parse::<f64>().ok()?, n),
            None => (0.0, left),
        };
        let (n, d) = (numerator.parse::<f64>().ok()?, den.parse::<f64>().ok()?);
        let proper = n >= 1.0 && n < d && (2.0..=100.0).contains(&d);
        // A whole number before a fraction ("2 1/2 years") is no date.
        let check = match (proper, left.contains(' ')) {
            (false, _) => FractionCheck::Never,
            (true, true) => FractionCheck::Always,
            (true, false) => FractionCheck::OfOrUnit,
        };
        return Some(Fraction { value: whole + n / d.max(1.0), check });
    }
    if lower == "half" {
        return Some(Fraction { value: 0.5, check: FractionCheck::Partitive });
    }
    // "two thirds", "one-half", "a quarter".
    let hyphen = lower.contains('-');
    let (n, d) = lower.split_once(['-', ' '])?;
    let (den, plural) = denominator(d)?;
    let numerator = if matches!(n, "a" | "one") { 1.0 } else { word_value(n)? };
    let check = if plural {
        // Two halves make a whole and "two quarters" are usually half a year; "three
        // quarters" is the fraction.
        let period = d == "quarters" && numerator != 3.0;
        if numerator < 2.0 || numerator == den || period {
            FractionCheck::Count
        } else {
            FractionCheck::Always
        }
    } else if numerator == 1.0 && !hyphen {
        FractionCheck::OfOrEnd
    } else {
        FractionCheck::Always
    };
    Some(Fraction { value: numerator / den, check })
}

/// Characters that group the digits of large numbers ("1,200", "10 000").
pub(crate) fn is_digit_group_mark(c: char) -> bool {
    matches!(c, ',' | '\u{A0}' | '\u{202F}' | '\u{2009}')
}

/// The length in bytes of the groups of three digits, each after one plain space, that
/// continue a number of one to three digits ("10" + " 000" in "10 000 dollars"), when the
/// text after them does not make them something else (a decimal, a date, a time).
pub(crate) fn spaced_thousands(after: &str) -> Option<usize> {
    let bytes = after.as_bytes();
    let mut len = 0;
    while bytes.get(len) == Some(&b' ')
        && bytes.get(len + 1..len + 4).is_some_and(|g| g.iter().all(u8::is_ascii_digit))
        && !bytes.get(len + 4).is_some_and(u8::is_ascii_digit)
    {
        len += 4;
    }
    if len == 0 {
        return None;
    }
    let next = &after[len..];
    let mut chars = next.chars();
    let (first, second) = (chars.next(), chars.next());
    let continues = matches!(first, Some('.' | ',' | '/' | ':')) && second.is_some_and(|c| c.is_ascii_digit());
    let joined = first.is_some_and(|c| c.is_alphanumeric() || c == '/' || c == ':');
    (!continues && !joined).then_some(len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractions_are_read_with_the_check_they_need() {
        let f = |s: &str| fraction(s).map(|f| ((f.value * 1000.0).round() / 1000.0, f.check));
        use FractionCheck::*;
        assert_eq!(f("¾"), Some((0.75, Always)));
        assert_eq!(f("1½"), Some((1.5, Always)));
        assert_eq!(f("5 ½"), Some((5.5, Always)));
        assert_eq!(f("two and a half"), Some((2.5, Always)));
        assert_eq!(f("2 1/2"), Some((2.5, Always)));
        assert_eq!(f("1/40"), Some((0.025, OfOrUnit)));
        assert_eq!(f("24/7").map(|x| x.1), Some(Never));
        assert_eq!(f("Two  thirds"), Some((0.667, Always)));
        assert_eq!(f("one-half"), Some((0.5, Always)));
        assert_eq!(f("a third"), Some((0.333, OfOrEnd)));
        assert_eq!(f("three quarters"), Some((0.75, Always)));
        assert_eq!(f("six quarters"), Some((1.5, Count)));
        assert_eq!(f("two halves"), Some((1.0, Count)));
        assert_eq!(f("three halves"), Some((1.5, Always)));
        assert_eq!(f("Half"), Some((0.5, Partitive)));
        assert_eq!(f("40"), None);
        assert_eq!(f("twenty-one"), None);
    }

    #[test]
    fn thousands_grouped_by_plain_spaces() {
        assert_eq!(spaced_thousands(" 000 dollars"), Some(4));
        assert_eq!(spaced_thousands(" 000 000."), Some(8));
        assert_eq!(spaced_thousands(" 000.5 dollars"), None);
        assert_eq!(spaced_thousands(" 0001"), None);
        assert_eq!(spaced_thousands(" 100:20"), None);
        // A range may follow: "5 000-6 000".
        assert_eq!(spaced_thousands(" 000-6 000 people"), Some(4));
        assert_eq!(spaced_thousands(" 100km"), None);
        assert_eq!(spaced_thousands(" people"), None);
        assert!(is_digit_group_mark('\u{202F}') && !is_digit_group_mark('.'));
    }
}
