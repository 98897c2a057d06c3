//! Bytes to text: BOM-aware UTF-8 and UTF-16 decoding, with binary detection.

use crate::error::{Error, Result};

/// How many leading bytes are inspected to tell text from binary.
const SNIFF_LEN: usize = 8192;

/// Decodes the bytes of an article file into text.
///
/// UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark are accepted;
/// the mark itself is not part of the returned text. Empty input, binary content (NUL or many
/// control bytes) and invalid UTF-8 are errors naming `input`.
pub fn decode(input: &str, bytes: &[u8]) -> Result<String> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty { input: input.to_string() });
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(input, rest, encoding_rs::UTF_16LE);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(input, rest, encoding_rs::UTF_16BE);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    sniff_binary(input, bytes)?;
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => Err(Error::Undecodable { input: input.to_string(), encoding: "UTF-8", offset: e.valid_up_to() }),
    }
}

fn decode_utf16(input: &str, bytes: &[u8], enc: &'static encoding_rs::Encoding) -> Result<String> {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(Error::Undecodable { input: input.to_string(), encoding: enc.name(), offset: 0 });
    }
    if text.trim().is_empty() {
        return Err(Error::Empty { input: input.to_string() });
    }
    Ok(text.into_owned())
}

fn sniff_binary(input: &str, bytes: &[u8]) -> Result<()> {
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if let Some(pos) = head.iter().position(|&b| b == 0) {
        return Err(Error::Binary { input: input.to_string(), reason: format!("NUL byte at offset {pos}") });
    }
    let control = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)).count();
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

    #[test]
    fn strips_utf8_bom() {
        assert_eq!(decode("a", b"\xEF\xBB\xBFHello").unwrap(), "Hello");
    }

    #[test]
    fn decodes_utf16_le_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Mali’s army".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode("a", &bytes).unwrap(), "Mali’s army");
    }

    #[test]
    fn rejects_empty_binary_and_invalid_input() {
        assert!(matches!(decode("e.txt", b"  \n"), Err(Error::Empty { .. })));
        assert!(matches!(decode("b.txt", b"PK\x03\x04\x00\x00"), Err(Error::Binary { .. })));
        let err = decode("bad.txt", b"caf\xE9 au lait").unwrap_err();
        assert!(matches!(err, Error::Undecodable { offset: 3, .. }));
        assert!(err.to_string().starts_with("bad.txt: "));
    }
}
