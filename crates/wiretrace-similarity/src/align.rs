//! Sentence alignment between two versions of a story.
//!
//! Every sentence of A is scored against every sentence of B with two measures: the word
//! sequence ratio (2·matched words / total words, from a Myers diff of the content words in
//! order)
//! and the idf-weighted Dice overlap of content stems. Pairs are linked best-first, one to
//! one. A link is `verbatim` when the words are identical, `edited` when most of the word
//! sequence survives, and `paraphrase` when the content overlaps but the wording does not.
//!
//! Then gaps are filled: two unlinked sentences in the same place (beside an existing link)
//! that still share some content ([`GAP_MIN_SCORE`]) are linked, since a paraphrase keeps
//! its place more often than its words.
//!
//! Then one-to-many links: a sentence left unlinked whose content is contained in a longer
//! sentence of the other version that is already linked, and that explains more of it than
//! the existing link alone, joins it: two sentences merged into one, or one split in two.
//! Finally, links outside the longest chain that keeps both versions' order are marked
//! `moved`.

use crate::features::{DocFeatures, Idf, SentenceFeatures};
use crate::fingerprint::PassThrough;
use crate::lcs::{lcs_len, lcs_of_rows, shared_words};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Longest sentence (in content words) whose diff matches are gathered on the stack.
const MAX_ROWS: usize = 256;

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

/// How many sentences a link's sentences share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum LinkShape {
    /// One sentence for one sentence.
    #[default]
    OneToOne,
    /// Several sentences of the first version joined in one of the second.
    Merged,
    /// One sentence of the first version cut into several of the second.
    Split,
}

impl LinkShape {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkShape::OneToOne => "one_to_one",
            LinkShape::Merged => "merged",
            LinkShape::Split => "split",
        }
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
    /// One-to-one, or part of a merge or a split.
    pub shape: LinkShape,
    /// Out of order: not on the longest chain of links that keeps both versions' order.
    pub moved: bool,
}

impl Link {
    fn new(a: usize, b: usize, kind: LinkKind, score: f64, s: SentenceScore, shape: LinkShape) -> Self {
        Self { a, b, kind, score, sequence: s.sequence, content: s.content, shape, moved: false }
    }
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
    let (wa, wb) = (idf.weights_of(&a.content_hashes), idf.weights_of(&b.content_hashes));
    score_above(a, &wa, b, &wb, 0.0).unwrap_or(SentenceScore {
        sequence: 0.0,
        content: 0.0,
        contained: 0.0,
        sequence_contained: 0.0,
    })
}

/// Scores one sentence pair (with the idf weights of their content stems) unless no measure
/// can reach `floor` (then `None`, and the word sequence, the costly part, is not compared).
fn score_above(
    a: &SentenceFeatures,
    wa: &[f64],
    b: &SentenceFeatures,
    wb: &[f64],
    floor: f64,
) -> Option<SentenceScore> {
    let (content, contained) = content_scores(a, wa, b, wb);
    score_with_content(a, b, content, contained, usize::MAX, floor)
}

/// [`score_above`] once the content overlap and containment are known, and a bound on the
/// content words the two sentences can share (`usize::MAX` when none is known).
fn score_with_content(
    a: &SentenceFeatures,
    b: &SentenceFeatures,
    content: f64,
    contained: f64,
    max_shared: usize,
    floor: f64,
) -> Option<SentenceScore> {
    let (la, lb) = (a.sequence_hashes.len(), b.sequence_hashes.len());
    let total = la + lb;
    let content_below = floor > 0.0 && content < floor && CONTAINED_WEIGHT * contained < floor;
    // A diff matches equal words only, so at most the shorter sequence, at most `max_shared`,
    // and at most the words the two bags share.
    if content_below && (total == 0 || 2.0 * la.min(lb).min(max_shared) as f64 / (total as f64) < floor) {
        return None;
    }
    let (short, long) = if la <= lb { (a, b) } else { (b, a) };
    // Short enough sentences get the diff's match rows from the same pass over the bags.
    let mut rows = [0u64; MAX_ROWS];
    let fast = short.sequence_hashes.len() <= 64 && long.sequence_hashes.len() <= MAX_ROWS;
    let shared = shared_words(&short.sequence_bag, &long.sequence_bag, fast.then_some(&mut rows[..]));
    let bound = if total == 0 { 0.0 } else { 2.0 * shared as f64 / total as f64 };
    if content_below && bound < floor {
        return None;
    }
    let (sequence, sequence_contained) = if la == 0 || lb == 0 || shared == 0 {
        (0.0, 0.0)
    } else {
        // Words kept by a minimal diff: all the shared ones when the sequences are equal.
        let matched = if a.sequence_hashes == b.sequence_hashes {
            la
        } else if fast {
            lcs_of_rows(rows[..long.sequence_hashes.len()].iter().copied(), short.sequence_hashes.len())
        } else {
            lcs_len(&a.sequence_hashes, &b.sequence_hashes)
        };
        (2.0 * matched as f64 / total as f64, matched as f64 / la.min(lb) as f64)
    };
    Some(SentenceScore { sequence, content, contained, sequence_contained })
}

/// The idf-weighted Dice overlap of two sentences' content stems (given with their weights),
/// and the containment of the shorter in the longer.
fn content_scores(a: &SentenceFeatures, wa: &[f64], b: &SentenceFeatures, wb: &[f64]) -> (f64, f64) {
    let (mut shared, mut only_a, mut only_b) = (0.0, 0.0, 0.0);
    let (ha, hb) = (&a.content_hashes, &b.content_hashes);
    let (mut i, mut j) = (0, 0);
    while i < ha.len() && j < hb.len() {
        match ha[i].cmp(&hb[j]) {
            std::cmp::Ordering::Less => {
                only_a += wa[i];
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                only_b += wb[j];
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                shared += 2.0 * wa[i];
                i += 1;
                j += 1;
            }
        }
    }
    only_a += wa[i..].iter().sum::<f64>();
    only_b += wb[j..].iter().sum::<f64>();
    let total = shared + only_a + only_b;
    let content = if total > 0.0 { shared / total } else { 0.0 };
    let half = shared / 2.0;
    let contained = if ha.len().min(hb.len()) < MIN_CONTAINED_STEMS || half == 0.0 {
        0.0
    } else if ha.len() <= hb.len() {
        half / (half + only_a)
    } else {
        half / (half + only_b)
    };
    (content, contained)
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

/// Share of `part`'s content stems (idf-weighted) found in `whole`, when `part` has at least
/// three content stems and is not longer than `whole`.
fn part_of(part: &SentenceFeatures, whole: &SentenceFeatures, idf: &Idf) -> f64 {
    if part.content_hashes.len() < 3 || part.content_hashes.len() > whole.content_hashes.len() {
        return 0.0;
    }
    let total: f64 = part.content_hashes.iter().map(|&w| idf.weight_of(w)).sum();
    let found: f64 = part
        .content_hashes
        .iter()
        .filter(|w| whole.content_hashes.binary_search(w).is_ok())
        .map(|&w| idf.weight_of(w))
        .sum();
    if total > 0.0 {
        found / total
    } else {
        0.0
    }
}

/// Share of `whole`'s content stems (idf-weighted) found in any of `parts`.
fn covered(whole: &SentenceFeatures, parts: &[&SentenceFeatures], idf: &Idf) -> f64 {
    let total: f64 = whole.content_hashes.iter().map(|&w| idf.weight_of(w)).sum();
    let found: f64 = whole
        .content_hashes
        .iter()
        .filter(|w| parts.iter().any(|p| p.content_hashes.binary_search(w).is_ok()))
        .map(|&w| idf.weight_of(w))
        .sum();
    if total > 0.0 {
        found / total
    } else {
        0.0
    }
}

/// Least share of a sentence's content that must lie inside a longer sentence for a merge or
/// split link (less for a sentence right beside the linked one), and least gain in how much
/// of the longer sentence is explained.
const PART_MIN: f64 = 0.7;
const PART_MIN_ADJACENT: f64 = 0.5;
const GAIN_MIN: f64 = 0.15;

/// Aligns the sentences of two versions.
pub fn align(a: &DocFeatures, b: &DocFeatures, idf: &Idf, opts: &AlignOptions) -> Alignment {
    let mut candidates: Vec<(f64, usize, usize, SentenceScore)> = Vec::new();
    // Only pairs that share a content stem can score (equal words have equal stems).
    let mut index: HashMap<u64, Vec<(usize, u32)>, PassThrough> = HashMap::with_hasher(PassThrough);
    for (j, sb) in b.sentences.iter().enumerate() {
        for (&h, &count) in sb.content_hashes.iter().zip(&sb.content_counts) {
            index.entry(h).or_default().push((j, count));
        }
    }
    let weights =
        |d: &DocFeatures| -> Vec<Vec<f64>> { d.sentences.iter().map(|s| idf.weights_of(&s.content_hashes)).collect() };
    let (wa, wb) = (weights(a), weights(b));
    let sum_b: Vec<f64> = wb.iter().map(|w| w.iter().sum()).collect();
    // The weight of the stems each sentence of B shares with the current sentence of A, added
    // up while walking A's stems through the index: the content overlap of every pair that
    // shares a stem, with no merge of the two stem lists.
    // Also how many content words they can share: an equal word has an equal stem, so at most
    // the fewer of the two sentences' words with each shared stem.
    let mut shared_weight = vec![0.0f64; b.sentences.len()];
    let mut shared_bound = vec![0usize; b.sentences.len()];
    let mut near: Vec<usize> = Vec::new();
    for (i, sa) in a.sentences.iter().enumerate() {
        near.clear();
        for ((&h, &w), &count) in sa.content_hashes.iter().zip(&wa[i]).zip(&sa.content_counts) {
            for &(j, count_b) in index.get(&h).into_iter().flatten() {
                if shared_weight[j] == 0.0 {
                    near.push(j);
                }
                shared_weight[j] += w;
                shared_bound[j] += count.min(count_b) as usize;
            }
        }
        near.sort_unstable();
        let sum_a: f64 = wa[i].iter().sum();
        for &j in &near {
            let sb = &b.sentences[j];
            let half = std::mem::take(&mut shared_weight[j]);
            let content = 2.0 * half / (sum_a + sum_b[j]);
            let (na, nb) = (sa.content_hashes.len(), sb.content_hashes.len());
            let contained = if na.min(nb) < MIN_CONTAINED_STEMS {
                0.0
            } else if na <= nb {
                half / sum_a
            } else {
                half / sum_b[j]
            };
            let floor = opts.min_score.min(GAP_MIN_SCORE);
            let max_shared = std::mem::take(&mut shared_bound[j]);
            let Some(s) = score_with_content(sa, sb, content, contained, max_shared, floor) else { continue };
            if s.score() >= opts.min_score {
                candidates.push((s.score(), i, j, s));
            }
        }
    }
    let mut used_a = vec![false; a.sentences.len()];
    let mut used_b = vec![false; b.sentences.len()];
    let mut links = Vec::new();
    link_best_first(candidates, a, b, &mut links, &mut used_a, &mut used_b, opts);
    fill_gaps(a, b, idf, &mut links, &mut used_a, &mut used_b, opts);
    one_to_many(a, b, idf, &mut links, &mut used_a, &mut used_b);
    links.sort_by_key(|l| (l.a, l.b));
    mark_moved(&mut links);
    Alignment {
        links,
        only_a: (0..a.sentences.len()).filter(|&i| !used_a[i]).collect(),
        only_b: (0..b.sentences.len()).filter(|&j| !used_b[j]).collect(),
    }
}

/// Links scored pairs one to one, best first (ties broken by position, so the result does
/// not depend on iteration order), skipping sentences already linked.
fn link_best_first(
    mut candidates: Vec<(f64, usize, usize, SentenceScore)>,
    a: &DocFeatures,
    b: &DocFeatures,
    links: &mut Vec<Link>,
    used_a: &mut [bool],
    used_b: &mut [bool],
    opts: &AlignOptions,
) {
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    for (score, i, j, s) in candidates {
        if used_a[i] || used_b[j] {
            continue;
        }
        used_a[i] = true;
        used_b[j] = true;
        let kind = classify(&a.sentences[i], &b.sentences[j], s, opts);
        links.push(Link::new(i, j, kind, score, s, LinkShape::OneToOne));
    }
}

/// Least score for a link between two unlinked sentences held in place by a neighbouring
/// link on either side (a paraphrase keeps its place in the story more often than it keeps
/// its words).
pub const GAP_MIN_SCORE: f64 = 0.25;

/// Links unlinked sentence pairs that sit in the same place, next to an existing link on
/// either side, when they still share some content; repeated until nothing changes.
fn fill_gaps(
    a: &DocFeatures,
    b: &DocFeatures,
    idf: &Idf,
    links: &mut Vec<Link>,
    used_a: &mut [bool],
    used_b: &mut [bool],
    opts: &AlignOptions,
) {
    // A rejected neighbour stays rejected (its score does not change) and a linked sentence
    // stays linked, so each round only looks beside the links the round before added.
    let mut from = 0;
    loop {
        let fresh: Vec<(usize, usize)> = links[from..].iter().map(|l| (l.a, l.b)).collect();
        from = links.len();
        let mut best: Vec<(f64, usize, usize, SentenceScore)> = Vec::new();
        for &(la, lb) in &fresh {
            for (i, j) in [(la.wrapping_sub(1), lb.wrapping_sub(1)), (la + 1, lb + 1)] {
                if i >= a.sentences.len() || j >= b.sentences.len() || used_a[i] || used_b[j] {
                    continue;
                }
                let (sa, sb) = (&a.sentences[i], &b.sentences[j]);
                if sa.content_hashes.is_empty() || sb.content_hashes.is_empty() {
                    continue;
                }
                let s = score_sentences(sa, sb, idf);
                if s.score() >= GAP_MIN_SCORE {
                    best.push((s.score(), i, j, s));
                }
            }
        }
        if best.is_empty() {
            return;
        }
        link_best_first(best, a, b, links, used_a, used_b, opts);
    }
}

/// Adds merge and split links for unlinked sentences contained in a linked longer one.
fn one_to_many(
    a: &DocFeatures,
    b: &DocFeatures,
    idf: &Idf,
    links: &mut Vec<Link>,
    used_a: &mut [bool],
    used_b: &mut [bool],
) {
    // (side of the unlinked sentence is A, index, linked index on the other side, part share)
    let mut proposals: Vec<(f64, bool, usize, usize)> = Vec::new();
    for l in links.iter() {
        let (la, lb) = (&a.sentences[l.a], &b.sentences[l.b]);
        // Merge: an unlinked A sentence inside B's sentence beside the one it is linked to.
        for (i, sa) in a.sentences.iter().enumerate().filter(|(i, _)| !used_a[*i] && i.abs_diff(l.a) <= 2) {
            let part = part_of(sa, lb, idf);
            let min = if i.abs_diff(l.a) == 1 { PART_MIN_ADJACENT } else { PART_MIN };
            if part >= min && covered(lb, &[la, sa], idf) >= covered(lb, &[la], idf) + GAIN_MIN {
                proposals.push((part, true, i, l.b));
            }
        }
        // Split: an unlinked B sentence inside A's sentence beside the one it is linked to.
        for (j, sb) in b.sentences.iter().enumerate().filter(|(j, _)| !used_b[*j] && j.abs_diff(l.b) <= 2) {
            let part = part_of(sb, la, idf);
            let min = if j.abs_diff(l.b) == 1 { PART_MIN_ADJACENT } else { PART_MIN };
            if part >= min && covered(la, &[lb, sb], idf) >= covered(la, &[lb], idf) + GAIN_MIN {
                proposals.push((part, false, j, l.a));
            }
        }
    }
    proposals.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)).then(x.3.cmp(&y.3)));
    for (_, merge, own, other) in proposals {
        let (i, j) = if merge { (own, other) } else { (other, own) };
        if (merge && used_a[i]) || (!merge && used_b[j]) {
            continue;
        }
        let shape = if merge { LinkShape::Merged } else { LinkShape::Split };
        // The existing link of the longer sentence becomes part of the merge or split.
        for l in links.iter_mut().filter(|l| if merge { l.b == j } else { l.a == i }) {
            l.shape = shape;
        }
        let s = score_sentences(&a.sentences[i], &b.sentences[j], idf);
        let kind = if s.sequence_contained >= 0.7 { LinkKind::Edited } else { LinkKind::Paraphrase };
        used_a[i] = true;
        used_b[j] = true;
        links.push(Link::new(i, j, kind, s.score().max(CONTAINED_WEIGHT * s.contained), s, shape));
    }
}

/// Marks the links off the longest chain that is ordered in both versions (links sorted by
/// `a`; the chain is non-decreasing in `b`, so the sentences of a merge or split stay on it).
fn mark_moved(links: &mut [Link]) {
    let n = links.len();
    if n < 2 {
        return;
    }
    // Longest non-decreasing subsequence of b, O(n log n), with predecessors.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev = vec![usize::MAX; n];
    for k in 0..n {
        let b = links[k].b;
        let pos = tails.partition_point(|&t| links[t].b <= b);
        if pos > 0 {
            prev[k] = tails[pos - 1];
        }
        if pos == tails.len() {
            tails.push(k);
        } else {
            tails[pos] = k;
        }
    }
    let mut on_chain = vec![false; n];
    let mut k = *tails.last().expect("at least two links");
    loop {
        on_chain[k] = true;
        if prev[k] == usize::MAX {
            break;
        }
        k = prev[k];
    }
    for (l, on) in links.iter_mut().zip(on_chain) {
        l.moved = !on;
    }
}
