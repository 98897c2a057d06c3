//! Sentence alignment between two versions of a story.
//!
//! Every sentence of A is scored against every sentence of B with two measures: the word
//! sequence ratio (2·matched words / total words, from a Myers diff of the content words in
//! order)
//! and the idf-weighted Dice overlap of content stems. Pairs are linked best-first, one to
//! one. A link is `verbatim` when the words are identical, `edited` when most of the word
//! sequence survives, and `paraphrase` when the content overlaps but the wording does not.

use crate::features::{DocFeatures, Idf, SentenceFeatures};
use serde::{Deserialize, Serialize};
use similar::{capture_diff_slices, diff_ratio, Algorithm};

/// How a sentence was carried from one version to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkKind {
    /// The same words.
    Verbatim,
    /// Mostly the same words, some changed, added or removed.
    Edited,
    /// The same content in other words.
    Paraphrase,
}

impl LinkKind {
    /// The lowercase name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::Verbatim => "verbatim",
            LinkKind::Edited => "edited",
            LinkKind::Paraphrase => "paraphrase",
        }
    }
}

/// The scores of one sentence pair.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SentenceScore {
    /// Sequence ratio of the content words in [0, 1].
    pub sequence: f64,
    /// idf-weighted Dice overlap of content stems in [0, 1].
    pub content: f64,
    /// idf-weighted share of the shorter sentence's content stems found in the longer one
    /// (0 when the shorter has fewer than [`MIN_CONTAINED_STEMS`] content stems).
    pub contained: f64,
    /// Share of the shorter sentence's content words matched in order.
    pub sequence_contained: f64,
}

/// The fewest content stems a sentence needs for its containment in another to count.
pub const MIN_CONTAINED_STEMS: usize = 5;
/// Weight of containment in the link score: a sentence cut down from another is a weaker
/// sign than a sentence that matches it whole.
const CONTAINED_WEIGHT: f64 = 0.85;

impl SentenceScore {
    /// The link score: the largest of the sequence ratio, the content overlap and the
    /// (discounted) containment.
    pub fn score(&self) -> f64 {
        self.sequence.max(self.content).max(CONTAINED_WEIGHT * self.contained)
    }
}

/// Thresholds of the aligner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AlignOptions {
    /// Minimum score for a link.
    pub min_score: f64,
    /// Minimum sequence ratio for `edited` (below it a link is a `paraphrase`).
    pub edited_min_sequence: f64,
}

impl Default for AlignOptions {
    fn default() -> Self {
        Self { min_score: 0.42, edited_min_sequence: 0.5 }
    }
}

/// A link between sentence `a` of the first version and sentence `b` of the second.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// Sentence index in the first version.
    pub a: usize,
    /// Sentence index in the second version.
    pub b: usize,
    /// Edit class.
    pub kind: LinkKind,
    /// Link score in [0, 1].
    pub score: f64,
    /// Word sequence ratio.
    pub sequence: f64,
    /// Content overlap.
    pub content: f64,
}

/// The alignment of two versions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// Links, sorted by the first version's sentence index.
    pub links: Vec<Link>,
    /// Sentences of the first version with no counterpart (dropped by the second).
    pub only_a: Vec<usize>,
    /// Sentences of the second version with no counterpart (added by it).
    pub only_b: Vec<usize>,
}

/// Scores one sentence pair.
pub fn score_sentences(a: &SentenceFeatures, b: &SentenceFeatures, idf: &Idf) -> SentenceScore {
    let (sequence, sequence_contained) = if a.sequence.is_empty() || b.sequence.is_empty() {
        (0.0, 0.0)
    } else {
        let ops = capture_diff_slices(Algorithm::Myers, &a.sequence, &b.sequence);
        let matched: usize = ops
            .iter()
            .map(|op| match op {
                similar::DiffOp::Equal { len, .. } => *len,
                _ => 0,
            })
            .sum();
        let shorter = a.sequence.len().min(b.sequence.len());
        (f64::from(diff_ratio(&ops, a.sequence.len(), b.sequence.len())), matched as f64 / shorter as f64)
    };
    let (mut shared, mut total) = (0.0, 0.0);
    let (mut only_a, mut only_b) = (0.0, 0.0);
    let (mut i, mut j) = (0, 0);
    while i < a.content.len() || j < b.content.len() {
        let ord = match (a.content.get(i), b.content.get(j)) {
            (Some(x), Some(y)) => x.cmp(y),
            (Some(_), None) => std::cmp::Ordering::Less,
            _ => std::cmp::Ordering::Greater,
        };
        match ord {
            std::cmp::Ordering::Less => {
                let w = idf.weight(&a.content[i]);
                total += w;
                only_a += w;
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                let w = idf.weight(&b.content[j]);
                total += w;
                only_b += w;
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                let w = idf.weight(&a.content[i]);
                shared += 2.0 * w;
                total += 2.0 * w;
                i += 1;
                j += 1;
            }
        }
    }
    let content = if total > 0.0 { shared / total } else { 0.0 };
    let half = shared / 2.0;
    let contained = if a.content.len().min(b.content.len()) < MIN_CONTAINED_STEMS || half == 0.0 {
        0.0
    } else if a.content.len() <= b.content.len() {
        half / (half + only_a)
    } else {
        half / (half + only_b)
    };
    SentenceScore { sequence, content, contained, sequence_contained }
}

/// Classifies a scored pair.
pub fn classify(a: &SentenceFeatures, b: &SentenceFeatures, s: SentenceScore, opts: &AlignOptions) -> LinkKind {
    if a.words == b.words {
        LinkKind::Verbatim
    } else if s.sequence >= opts.edited_min_sequence || (s.contained > 0.0 && s.sequence_contained >= 0.7) {
        LinkKind::Edited
    } else {
        LinkKind::Paraphrase
    }
}

/// Aligns the sentences of two versions.
pub fn align(a: &DocFeatures, b: &DocFeatures, idf: &Idf, opts: &AlignOptions) -> Alignment {
    let mut candidates: Vec<(f64, usize, usize, SentenceScore)> = Vec::new();
    for (i, sa) in a.sentences.iter().enumerate() {
        for (j, sb) in b.sentences.iter().enumerate() {
            if sa.content.is_empty() || sb.content.is_empty() {
                continue;
            }
            let s = score_sentences(sa, sb, idf);
            if s.score() >= opts.min_score {
                candidates.push((s.score(), i, j, s));
            }
        }
    }
    // Best first; ties broken by position so the result does not depend on iteration order.
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut used_a = vec![false; a.sentences.len()];
    let mut used_b = vec![false; b.sentences.len()];
    let mut links = Vec::new();
    for (score, i, j, s) in candidates {
        if used_a[i] || used_b[j] {
            continue;
        }
        used_a[i] = true;
        used_b[j] = true;
        let kind = classify(&a.sentences[i], &b.sentences[j], s, opts);
        links.push(Link { a: i, b: j, kind, score, sequence: s.sequence, content: s.content });
    }
    links.sort_by_key(|l| (l.a, l.b));
    Alignment {
        links,
        only_a: (0..a.sentences.len()).filter(|&i| !used_a[i]).collect(),
        only_b: (0..b.sentences.len()).filter(|&j| !used_b[j]).collect(),
    }
}
