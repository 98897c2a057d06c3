//! Sentence segmentation against a reference: sentences of news corpora (MSRP, STS-B
//! `main-news`) re-joined into paragraphs, split again, and the boundaries compared.
//!
//! Only reference sentences written as sentences stand in article text are used: ending with
//! `.`, `!` or `?` (possibly before closing quotes or brackets) and starting with a capital, a
//! digit or a quotation mark. A headline with no final stop, or a sentence lower-cased by the
//! data set's makers (STS-B's `deft-news`), cannot be told from its neighbours by any
//! segmenter that reads case and punctuation; the count of those left out is reported.

use serde::Serialize;
use std::path::Path;
use wiretrace_parse::{decode, split_sentences};

/// Sentences per re-joined paragraph.
pub const PARAGRAPH: usize = 6;

/// The result on one reference set.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SegmentationScore {
    /// The reference set ("msr_paraphrase_train.txt").
    pub name: String,
    /// Reference sentences used.
    pub sentences: usize,
    /// Reference sentences left out (no final stop, or not capitalised).
    pub skipped: usize,
    /// Paragraphs built.
    pub paragraphs: usize,
    /// Share of predicted boundaries that are reference boundaries.
    pub precision: f64,
    /// Share of reference boundaries found.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Share of reference sentences reproduced exactly.
    pub exact: f64,
}

fn written_as_a_sentence(s: &str) -> bool {
    let ends = s.trim_end_matches(['"', '”', '’', '\'', ')', ']']).ends_with(['.', '!', '?']);
    let starts =
        s.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\''));
    ends && starts
}

/// Reference sentences of a file: MSRP (tab-separated, both sentences of each pair) or an
/// STS-B CSV (sentences of the `main-news` genre).
pub fn reference_sentences(path: &Path) -> Result<Vec<String>, String> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| format!("{shown}: cannot read the file: {e}"))?;
    let text = decode(&shown, &bytes).map_err(|e| e.to_string())?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_lowercase();
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        let picked: Vec<&str> = if name.starts_with("msr") && cols.len() >= 5 {
            vec![cols[3], cols[4]]
        } else if name.starts_with("sts") && cols.len() >= 7 && cols[0] == "main-news" {
            vec![cols[5], cols[6]]
        } else {
            continue;
        };
        for s in picked {
            let s = s.trim();
            if !s.is_empty() && out.last().map(String::as_str) != Some(s) {
                out.push(s.to_string());
            }
        }
    }
    if out.is_empty() {
        return Err(format!("{shown}: no reference sentences found (expected MSRP or STS-B files)"));
    }
    Ok(out)
}

/// Scores the segmenter on the sentences of `path`.
pub fn evaluate(path: &Path) -> Result<SegmentationScore, String> {
    let all = reference_sentences(path)?;
    let (used, skipped): (Vec<String>, Vec<String>) = all.into_iter().partition(|s| written_as_a_sentence(s));
    let (mut tp, mut predicted, mut gold, mut exact, mut paragraphs) = (0usize, 0usize, 0usize, 0usize, 0usize);
    for chunk in used.chunks(PARAGRAPH) {
        paragraphs += 1;
        let text = chunk.join(" ");
        let mut gold_bounds = Vec::new();
        let mut pos = 0;
        for s in chunk {
            gold_bounds.push((pos, pos + s.len()));
            pos += s.len() + 1;
        }
        let pred = split_sentences(&text);
        let gold_starts: Vec<usize> = gold_bounds.iter().skip(1).map(|b| b.0).collect();
        let pred_starts: Vec<usize> = pred.iter().skip(1).map(|b| b.0).collect();
        tp += pred_starts.iter().filter(|p| gold_starts.contains(p)).count();
        predicted += pred_starts.len();
        gold += gold_starts.len();
        exact += gold_bounds.iter().filter(|g| pred.contains(g)).count();
    }
    let precision = if predicted == 0 { 1.0 } else { tp as f64 / predicted as f64 };
    let recall = if gold == 0 { 1.0 } else { tp as f64 / gold as f64 };
    let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
    Ok(SegmentationScore {
        name: path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string(),
        sentences: used.len(),
        skipped: skipped.len(),
        paragraphs,
        precision,
        recall,
        f1,
        exact: exact as f64 / used.len().max(1) as f64,
    })
}
