//! Word-level differences between two sentences: which words were inserted, deleted or
//! replaced, with code-point offsets into both texts.
//!
//! Words are compared in normalised form (case, diacritics and typographic apostrophes
//! folded, as by `wiretrace_parse::tokenize`), so "Blast" and "blast" are the same word; the
//! offsets point at the words as written.

use crate::lexicon::{next_word, with_lexicon};
use serde::{Deserialize, Serialize};
use similar::{capture_diff_slices, Algorithm, DiffOp};
use wiretrace_parse::CharIndex;

/// What happened to a run of words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EditOp {
    /// Words only in the second text.
    Insert,
    /// Words only in the first text.
    Delete,
    /// Words of the first text replaced by words of the second.
    Replace,
}

impl EditOp {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            EditOp::Insert => "insert",
            EditOp::Delete => "delete",
            EditOp::Replace => "replace",
        }
    }
}

/// One word-level edit. Offsets are code points; an empty range (`start == end`) marks where
/// an insertion goes in the first text, or where a deletion was in the second.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordEdit {
    /// Insert, delete or replace.
    pub op: EditOp,
    /// Start in the first text.
    pub a_start: usize,
    /// End in the first text.
    pub a_end: usize,
    /// Start in the second text.
    pub b_start: usize,
    /// End in the second text.
    pub b_end: usize,
    /// The words of the first text (as written; empty for an insertion).
    pub a_text: String,
    /// The words of the second text (as written; empty for a deletion).
    pub b_text: String,
}

/// The word-level edits that turn `a` into `b`, in order.
pub fn word_diff(a: &str, b: &str) -> Vec<WordEdit> {
    // Word spans and the hashes of their normalised forms, from the thread's lexicon.
    let spans = |text: &str| -> (Vec<(usize, usize)>, Vec<u64>) {
        with_lexicon(|lex| {
            let mut pos = 0;
            std::iter::from_fn(|| next_word(text, &mut pos)).map(|(s, e)| ((s, e), lex.info(&text[s..e]).0)).unzip()
        })
    };
    let ((ta, na), (tb, nb)) = (spans(a), spans(b));
    let (ca, cb) = (CharIndex::new(a), CharIndex::new(b));
    // Byte range of tokens [from, to) (an empty range sits where token `from` starts, or
    // after the last token).
    let span = |toks: &[(usize, usize)], text: &str, from: usize, to: usize| -> (usize, usize) {
        if from < to {
            (toks[from].0, toks[to - 1].1)
        } else {
            let at = toks.get(from).map(|t| t.0).or_else(|| toks.last().map(|t| t.1)).unwrap_or(text.len());
            (at, at)
        }
    };
    let mut out = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &na, &nb) {
        let (kind, (ai, al), (bi, bl)) = match op {
            DiffOp::Equal { .. } => continue,
            DiffOp::Delete { old_index, old_len, new_index } => (EditOp::Delete, (old_index, old_len), (new_index, 0)),
            DiffOp::Insert { old_index, new_index, new_len } => (EditOp::Insert, (old_index, 0), (new_index, new_len)),
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                (EditOp::Replace, (old_index, old_len), (new_index, new_len))
            }
        };
        let (asb, aeb) = span(&ta, a, ai, ai + al);
        let (bsb, beb) = span(&tb, b, bi, bi + bl);
        out.push(WordEdit {
            op: kind,
            a_start: ca.char_of(asb),
            a_end: ca.char_of(aeb),
            b_start: cb.char_of(bsb),
            b_end: cb.char_of(beb),
            a_text: a[asb..aeb].to_string(),
            b_text: b[bsb..beb].to_string(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str, start: usize, end: usize) -> String {
        s.chars().skip(start).take(end - start).collect()
    }

    #[test]
    fn inserts_deletes_and_replacements_with_char_offsets() {
        let a = "Officials said the blast killed 12 workers at the café on Monday.";
        let b = "Officials said the huge explosion killed 14 workers at the café.";
        let d = word_diff(a, b);
        let ops: Vec<(EditOp, &str, &str)> = d.iter().map(|e| (e.op, e.a_text.as_str(), e.b_text.as_str())).collect();
        assert_eq!(
            ops,
            vec![
                (EditOp::Replace, "blast", "huge explosion"),
                (EditOp::Replace, "12", "14"),
                (EditOp::Delete, "on Monday", ""),
            ]
        );
        for e in &d {
            assert_eq!(chars(a, e.a_start, e.a_end), e.a_text);
            assert_eq!(chars(b, e.b_start, e.b_end), e.b_text);
        }
        // The deletion sits before the full stop in b.
        assert_eq!(d[2].b_start, b.chars().count() - 1);
    }

    #[test]
    fn case_is_not_an_edit_and_empty_texts_work() {
        assert!(word_diff("The Blast", "the blast").is_empty());
        let d = word_diff("", "New words");
        assert_eq!((d[0].op, d[0].b_start, d[0].b_end, d[0].a_start), (EditOp::Insert, 0, 9, 0));
        assert!(word_diff("", "").is_empty());
    }
}
