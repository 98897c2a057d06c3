//! Many versions at once: collation of a cluster into shared units, a reconstructed common
//! source, and a derivation graph (who copied whom).
//!
//! **Units.** The sentences of all versions are nodes; every sentence link of every pairwise
//! alignment joins two nodes; a unit is a connected group. A unit says which versions carry
//! it and in which words (its variants); a merge or split puts several sentences of one
//! version in one unit. Units are ordered by the median relative position of their sentences.
//!
//! **Reconstructed source.** When the wire itself is absent, the units carried by at least
//! two versions are taken as its sentences, each in the wording most versions share, or else
//! in its medoid variant (the one closest in words to the others), in unit order.
//!
//! **Derivation.** Each version's most likely source is the version it shares the most
//! *deviations* with — units where both carry the same words and those words differ from the
//! majority's — when there are at least [`MIN_SHARED_DEVIATIONS`], the other version
//! contains more of it than it contains of the other (containment asymmetry) and is not
//! dated later; otherwise the reference (the wire, or the most shared version).

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::align::Alignment;
use crate::cluster::UnionFind;
use crate::features::{containment, DocFeatures};

/// One version's share of a unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Variant {
    /// Index of the version.
    pub doc: usize,
    /// Its sentences in the unit (several for a merge or split), in order.
    pub sentences: Vec<usize>,
}

/// A unit of text shared by versions of a story.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unit {
    /// The versions that carry it, by version index.
    pub variants: Vec<Variant>,
    /// Median relative position (0 = start, 1 = end) of its sentences in their versions.
    pub position: f64,
}

/// Collates versions (their features, by reference) into units from their pairwise alignments (keyed `(i, j)` with `i < j`,
/// links from `i`'s sentences to `j`'s).
pub fn collate(docs: &[&DocFeatures], alignments: &HashMap<(usize, usize), Alignment>) -> Vec<Unit> {
    let offsets: Vec<usize> = docs
        .iter()
        .scan(0, |acc, d| {
            let at = *acc;
            *acc += d.sentences.len();
            Some(at)
        })
        .collect();
    let total = docs.iter().map(|d| d.sentences.len()).sum();
    let mut uf = UnionFind::new(total);
    let mut keys: Vec<&(usize, usize)> = alignments.keys().collect();
    keys.sort();
    for &(i, j) in keys {
        if i >= docs.len() || j >= docs.len() {
            continue;
        }
        for l in &alignments[&(i, j)].links {
            uf.union(offsets[i] + l.a, offsets[j] + l.b);
        }
    }
    let mut units = Vec::new();
    for group in uf.groups() {
        let mut by_doc: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        let mut positions = Vec::new();
        for node in group {
            let doc = offsets.partition_point(|&o| o <= node) - 1;
            let s = node - offsets[doc];
            by_doc.entry(doc).or_default().push(s);
            positions.push((s as f64 + 0.5) / docs[doc].sentences.len().max(1) as f64);
        }
        positions.sort_by(f64::total_cmp);
        let position = positions[positions.len() / 2];
        units.push(Unit {
            variants: by_doc.into_iter().map(|(doc, sentences)| Variant { doc, sentences }).collect(),
            position,
        });
    }
    units.sort_by(|a, b| a.position.total_cmp(&b.position).then(a.variants[0].doc.cmp(&b.variants[0].doc)));
    units
}

/// The words of a variant, normalised.
fn words(docs: &[&DocFeatures], v: &Variant) -> Vec<u64> {
    v.sentences.iter().flat_map(|&s| docs[v.doc].sentences[s].words.iter().copied()).collect()
}

fn word_jaccard(a: &[u64], b: &[u64]) -> f64 {
    let sa: std::collections::HashSet<u64> = a.iter().copied().collect();
    let sb: std::collections::HashSet<u64> = b.iter().copied().collect();
    let union = sa.union(&sb).count();
    if union == 0 {
        0.0
    } else {
        sa.intersection(&sb).count() as f64 / union as f64
    }
}

/// The variant a unit is best told in: the wording most versions share when two or more
/// share one, else the medoid, the one closest in words to the others.
pub fn medoid(docs: &[&DocFeatures], unit: &Unit) -> usize {
    let texts: Vec<Vec<u64>> = unit.variants.iter().map(|v| words(docs, v)).collect();
    let counts: Vec<usize> = texts.iter().map(|a| texts.iter().filter(|b| *b == a).count()).collect();
    if let Some((i, &n)) = counts.iter().enumerate().max_by(|x, y| x.1.cmp(y.1).then(y.0.cmp(&x.0))) {
        if n >= 2 {
            return i;
        }
    }
    let mut best = (f64::MIN, 0);
    for (i, a) in texts.iter().enumerate() {
        let same = texts.iter().filter(|b| *b == a).count() as f64;
        let close: f64 = texts.iter().map(|b| word_jaccard(a, b)).sum::<f64>() + same * 1e-6;
        if close > best.0 {
            best = (close, i);
        }
    }
    best.1
}

/// A reconstructed common source: for each unit carried by at least two versions, the
/// variant chosen (unit index, variant index), in unit order.
pub fn reconstruct(docs: &[&DocFeatures], units: &[Unit]) -> Vec<(usize, usize)> {
    units.iter().enumerate().filter(|(_, u)| u.variants.len() >= 2).map(|(k, u)| (k, medoid(docs, u))).collect()
}

/// Fewest shared deviations for a version to be derived from another outlet's version.
pub const MIN_SHARED_DEVIATIONS: usize = 2;

/// A version's most likely source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Derivation {
    /// The version.
    pub doc: usize,
    /// Its most likely source (`None` for the reference itself).
    pub parent: Option<usize>,
    /// Units where it carries the parent's wording and that wording differs from the
    /// majority's (unit indices).
    pub shared_deviations: Vec<usize>,
    /// Share of its word 3-grams found in the parent.
    pub contained_in_parent: f64,
    /// Share of the parent's word 3-grams found in it.
    pub parent_contained: f64,
}

/// The derivation graph: each version's most likely source. `reference` is the wire (or the
/// most shared version); `dates` (ISO strings, any may be missing) rule out later parents.
pub fn derive(docs: &[&DocFeatures], units: &[Unit], reference: usize, dates: &[Option<String>]) -> Vec<Derivation> {
    let n = docs.len();
    // Deviations: per unit, versions whose wording differs from the majority's (the medoid's
    // wording, or the reference's when it carries the unit).
    let mut shared: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (k, u) in units.iter().enumerate() {
        if u.variants.len() < 3 {
            continue;
        }
        let texts: Vec<Vec<u64>> = u.variants.iter().map(|v| words(docs, v)).collect();
        let norm = u.variants.iter().position(|v| v.doc == reference).unwrap_or_else(|| medoid(docs, u));
        for x in 0..texts.len() {
            for y in x + 1..texts.len() {
                if texts[x] == texts[y] && texts[x] != texts[norm] {
                    let (a, b) = (u.variants[x].doc, u.variants[y].doc);
                    shared.entry((a.min(b), a.max(b))).or_default().push(k);
                }
            }
        }
    }
    let later =
        |p: usize, d: usize| match (dates.get(p).and_then(Option::as_ref), dates.get(d).and_then(Option::as_ref)) {
            (Some(dp), Some(dd)) => dp > dd,
            _ => false,
        };
    (0..n)
        .map(|d| {
            if d == reference {
                return Derivation {
                    doc: d,
                    parent: None,
                    shared_deviations: Vec::new(),
                    contained_in_parent: 0.0,
                    parent_contained: 0.0,
                };
            }
            let mut parent = reference;
            let mut best: Vec<usize> = Vec::new();
            for p in (0..n).filter(|&p| p != d && p != reference) {
                let s = shared.get(&(d.min(p), d.max(p))).cloned().unwrap_or_default();
                let (cd, cp) = (
                    containment(&docs[d].shingles, &docs[p].shingles),
                    containment(&docs[p].shingles, &docs[d].shingles),
                );
                if s.len() >= MIN_SHARED_DEVIATIONS && s.len() > best.len() && cd >= cp && !later(p, d) {
                    parent = p;
                    best = s;
                }
            }
            Derivation {
                doc: d,
                parent: Some(parent),
                contained_in_parent: containment(&docs[d].shingles, &docs[parent].shingles),
                parent_contained: containment(&docs[parent].shingles, &docs[d].shingles),
                shared_deviations: best,
            }
        })
        .collect()
}
