//! Conversion between byte offsets (what Rust slices use) and code-point offsets (what reports use).

/// Maps byte offsets of one text to code-point offsets.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offset of every char boundary, plus the text length at the end; empty for an
    /// ASCII text, whose byte and code-point offsets are the same.
    starts: Vec<usize>,
    /// Length of the text in bytes.
    len: usize,
}

impl CharIndex {
    /// Builds the index of `text`.
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return Self { starts: Vec::new(), len: text.len() };
        }
        let mut starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        starts.push(text.len());
        Self { starts, len: text.len() }
    }

    /// Code-point offset of a byte offset (which must be a char boundary; otherwise the
    /// offset of the char that contains it).
    pub fn char_of(&self, byte: usize) -> usize {
        if self.starts.is_empty() {
            return byte;
        }
        match self.starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Byte offset of a code-point offset (clamped to the text length).
    pub fn byte_of(&self, ch: usize) -> usize {
        if self.starts.is_empty() {
            return ch.min(self.len);
        }
        self.starts[ch.min(self.starts.len() - 1)]
    }

    /// Number of code points in the text.
    pub fn len_chars(&self) -> usize {
        if self.starts.is_empty() {
            self.len
        } else {
            self.starts.len() - 1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_multibyte_text() {
        let text = "Norland’s navy – “ok”";
        let idx = CharIndex::new(text);
        assert_eq!(idx.len_chars(), text.chars().count());
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.char_of(bi), ci);
            assert_eq!(idx.byte_of(ci), bi);
        }
        assert_eq!(idx.char_of(text.len()), idx.len_chars());
        assert_eq!(idx.byte_of(99), text.len());
    }

    #[test]
    fn ascii_offsets_are_the_same_in_bytes_and_chars() {
        let idx = CharIndex::new("plain text");
        assert_eq!((idx.char_of(3), idx.byte_of(4), idx.byte_of(99), idx.len_chars()), (3, 4, 10, 10));
        let empty = CharIndex::new("");
        assert_eq!((empty.char_of(0), empty.byte_of(5), empty.len_chars()), (0, 0, 0));
    }
}
