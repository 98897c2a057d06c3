//! Bytes to text: byte-order marks, UTF-8, UTF-16 (with or without a mark), legacy
//! single-byte encodings by detection, stray NUL bytes, and binary detection.
//!
//! The decoded text is what every offset refers to; the raw bytes are not kept.

use crate::error::{Error, Result};

/// How many leading bytes are inspected to tell text from binary.
const SNIFF_LEN: usize = 8192;
/// At most this share of NUL bytes (per mille) is taken as stray NULs in a text file.
const STRAY_NUL_PER_MILLE: usize = 10;

/// What the decoder found out about the bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decoded {
    /// The encoding used ("UTF-8", "UTF-16LE", "windows-1252", …).
    pub encoding: &'static str,
    /// Stray NUL bytes removed.
    pub nul_bytes_removed: usize,
}

/// Decodes the bytes of an article file into text.
///
/// A byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE); without one, valid UTF-8 is UTF-8,
/// text with NUL in every other byte is UTF-16, and anything else is decoded in the legacy
/// encoding a detector finds most likely (windows-1252, ISO-8859-x, KOI8-R, Shift_JIS …). Stray
/// NUL bytes in otherwise textual content are dropped. Empty input and binary content are
/// errors naming `input`; so are invalid bytes where a byte-order mark declared the encoding.
pub fn decode(input: &str, bytes: &[u8]) -> Result<String> {
    decode_with_info(input, bytes).map(|(text, _)| text)
}

/// [`decode`], also saying which encoding was used and how many NUL bytes were dropped.
pub fn decode_with_info(input: &str, bytes: &[u8]) -> Result<(String, Decoded)> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty { input: input.to_string() });
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return strict(input, rest, encoding_rs::UTF_16LE);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return strict(input, rest, encoding_rs::UTF_16BE);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return strict(input, rest, encoding_rs::UTF_8);
    }
    if let Some(enc) = bomless_utf16(bytes) {
        return strict(input, bytes, enc);
    }
    let cleaned;
    let (bytes, nul_bytes_removed) = match stray_nuls(input, bytes)? {
        0 => (bytes, 0),
        n => {
            cleaned = bytes.iter().copied().filter(|&b| b != 0).collect::<Vec<u8>>();
            (cleaned.as_slice(), n)
        }
    };
    sniff_control_bytes(input, bytes)?;
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_string(), Decoded { encoding: "UTF-8", nul_bytes_removed }));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, _, had_errors) = enc.decode(bytes);
    if had_errors {
        let offset = std::str::from_utf8(bytes).err().map_or(0, |e| e.valid_up_to());
        return Err(Error::Undecodable { input: input.to_string(), encoding: enc.name(), offset });
    }
    Ok((text.into_owned(), Decoded { encoding: enc.name(), nul_bytes_removed }))
}

/// Decodes with a declared encoding; invalid bytes are an error.
fn strict(input: &str, bytes: &[u8], enc: &'static encoding_rs::Encoding) -> Result<(String, Decoded)> {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        let offset =
            if enc == encoding_rs::UTF_8 { std::str::from_utf8(bytes).err().map_or(0, |e| e.valid_up_to()) } else { 0 };
        return Err(Error::Undecodable { input: input.to_string(), encoding: enc.name(), offset });
    }
    if text.trim().is_empty() {
        return Err(Error::Empty { input: input.to_string() });
    }
    Ok((text.into_owned(), Decoded { encoding: enc.name(), nul_bytes_removed: 0 }))
}

/// UTF-16 without a byte-order mark: the high byte of each code unit (odd bytes in
/// little-endian, even bytes in big-endian) is mostly one value — NUL for Latin script, 0x04
/// for Cyrillic, 0x06 for Arabic — while the low bytes vary.
fn bomless_utf16(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(SNIFF_LEN) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let dominant = |offset: usize| -> (u8, usize) {
        let mut counts = [0usize; 256];
        for &b in head.iter().skip(offset).step_by(2) {
            counts[b as usize] += 1;
        }
        let (value, n) =
            counts.iter().enumerate().max_by_key(|(_, n)| **n).map(|(v, n)| (v as u8, *n)).unwrap_or((0, 0));
        (value, n)
    };
    let ((even_v, even_n), (odd_v, odd_n)) = (dominant(0), dominant(1));
    // A text block's high byte is small (scripts below U+3000), its low bytes are not one value.
    let high = |v: u8, n: usize, other_n: usize| v < 0x30 && n * 10 >= pairs * 7 && other_n * 10 < pairs * 5;
    let candidate = if high(odd_v, odd_n, even_n) {
        encoding_rs::UTF_16LE
    } else if high(even_v, even_n, odd_n) {
        encoding_rs::UTF_16BE
    } else {
        return None;
    };
    let (text, had_errors) = candidate.decode_without_bom_handling(head);
    (!had_errors && binary_text_reason(&text).is_none()).then_some(candidate)
}

/// Number of NUL bytes when they are few enough to be stray; an error when they mark binary.
fn stray_nuls(input: &str, bytes: &[u8]) -> Result<usize> {
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    let in_head = head.iter().filter(|&&b| b == 0).count();
    if in_head * 1000 > head.len() * STRAY_NUL_PER_MILLE {
        let pos = head.iter().position(|&b| b == 0).unwrap_or(0);
        return Err(Error::Binary {
            input: input.to_string(),
            reason: format!("{in_head} NUL bytes in the first {} bytes, the first at offset {pos}", head.len()),
        });
    }
    Ok(bytes.iter().filter(|&&b| b == 0).count())
}

/// Why decoded text is not article text, if it looks like binary data or junk (control
/// characters in the first few thousand characters, NUL among them).
pub fn binary_text_reason(text: &str) -> Option<String> {
    // Counted on the bytes of the first SNIFF_LEN chars: controls are bytes below 0x20 (other
    // than the layout ones) and 0x7F, and U+0080 to U+009F, which UTF-8 writes C2 80 to C2 9F
    // (a test checks this against the count of chars).
    let bytes = text.as_bytes();
    // (A text of at most SNIFF_LEN bytes has at most SNIFF_LEN chars: no cut to look for.)
    let cut = if bytes.len() > SNIFF_LEN { text.char_indices().nth(SNIFF_LEN) } else { None };
    let (seen, head) = match cut {
        Some((end, _)) => (SNIFF_LEN, &bytes[..end]),
        None => (text.chars().count(), bytes),
    };
    let low = |x: u8| u8::from((x < 0x20 && !matches!(x, b'\n' | b'\r' | b'\t' | 0x0C)) || x == 0x7F);
    // (Blocks of 255 bytes, so that a byte holds each block's count and the sum runs on wide
    // lanes.)
    let control = head.chunks(255).map(|b| usize::from(b.iter().fold(0u8, |n, &x| n + low(x)))).sum::<usize>()
        + memchr::memchr_iter(0xC2, head)
            .filter(|&i| head.get(i + 1).is_some_and(|b| (0x80..=0x9F).contains(b)))
            .count();
    (control * 20 > seen.max(1)).then(|| format!("{control} control characters in the first {seen} characters"))
}

fn sniff_control_bytes(input: &str, bytes: &[u8]) -> Result<()> {
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    let control = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C | 0x1B)).count();
    if control * 20 > head.len() {
        return Err(Error::Binary {
            input: input.to_string(),
            reason: format!("{control} control bytes in the first {} bytes", head.len()),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, le: bool, bom: bool) -> Vec<u8> {
        let mut bytes = Vec::new();
        if bom {
            bytes.extend_from_slice(if le { &[0xFF, 0xFE] } else { &[0xFE, 0xFF] });
        }
        for u in text.encode_utf16() {
            bytes.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        bytes
    }

    #[test]
    fn control_characters_are_counted_as_chars_are() {
        // The definition, char by char.
        let reference = |text: &str| {
            let (mut seen, mut control) = (0usize, 0usize);
            for c in text.chars().take(SNIFF_LEN) {
                seen += 1;
                control += usize::from(c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}'));
            }
            (control * 20 > seen.max(1)).then(|| format!("{control} control characters in the first {seen} characters"))
        };
        let pieces =
            ["a", "é", "’", "😀", "\u{0}", "\u{1}", "\n", "\t", "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}", "\u{C2}"];
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        for round in 0..300 {
            let mut text = String::new();
            let len = [0, 1, 63, 64, 65, 500, SNIFF_LEN - 1, SNIFF_LEN, SNIFF_LEN + 1, SNIFF_LEN + 70][round % 10];
            let spread = 1 + round % pieces.len();
            for _ in 0..len {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(pieces[(state % spread as u64) as usize]);
            }
            assert_eq!(binary_text_reason(&text), reference(&text), "round {round}");
        }
        assert!(binary_text_reason("plain text").is_none());
        assert!(binary_text_reason("\u{1}\u{2}\u{3}ab").is_some());
    }

    #[test]
    fn byte_order_marks() {
        assert_eq!(decode("a", b"\xEF\xBB\xBFHello").unwrap(), "Hello");
        assert_eq!(decode("a", &utf16("Norland’s navy", true, true)).unwrap(), "Norland’s navy");
        assert_eq!(decode("a", &utf16("Norland’s navy", false, true)).unwrap(), "Norland’s navy");
    }

    #[test]
    fn utf16_without_a_mark() {
        let text = "The army said it withdrew from the town.";
        assert_eq!(decode("a", &utf16(text, true, false)).unwrap(), text);
        assert_eq!(decode("a", &utf16(text, false, false)).unwrap(), text);
    }

    #[test]
    fn utf16_without_a_mark_in_other_scripts() {
        let text = "Армия заявила, что отвела войска из города.";
        assert_eq!(decode("ru", &utf16(text, false, false)).unwrap(), text);
        assert_eq!(decode("ru", &utf16(text, true, false)).unwrap(), text);
    }

    #[test]
    fn legacy_single_byte_encodings_are_detected() {
        let latin1 = b"Le caf\xe9 de la gare a rouvert apr\xe8s les travaux, a d\xe9clar\xe9 le maire.";
        let (text, info) = decode_with_info("fr.txt", latin1).unwrap();
        assert_eq!(text, "Le café de la gare a rouvert après les travaux, a déclaré le maire.");
        assert_eq!(info.encoding, "windows-1252");
        let cyrillic = encoding_rs::WINDOWS_1251.encode("Армия заявила, что отвела войска из города.").0;
        assert_eq!(decode("ru.txt", &cyrillic).unwrap(), "Армия заявила, что отвела войска из города.");
    }

    #[test]
    fn stray_nuls_are_dropped_but_binary_is_refused() {
        let mut bytes = b"The council approved the budget on Monday after a long debate. ".repeat(4);
        bytes.insert(20, 0);
        let (text, info) = decode_with_info("n.txt", &bytes).unwrap();
        assert!(!text.contains('\0') && info.nul_bytes_removed == 1);
        assert!(matches!(decode("b.txt", b"PK\x03\x04\x00\x00\x00\x08\x00"), Err(Error::Binary { .. })));
    }

    #[test]
    fn empty_input_and_invalid_declared_utf8() {
        assert!(matches!(decode("e.txt", b"  \n"), Err(Error::Empty { .. })));
        let err = decode("bad.txt", b"\xEF\xBB\xBFcaf\xE9 au lait").unwrap_err();
        assert!(matches!(err, Error::Undecodable { offset: 3, .. }));
        assert!(err.to_string().starts_with("bad.txt: "));
    }
}
