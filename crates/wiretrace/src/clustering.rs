//! Story clusters at corpus scale: MinHash sketches, LSH candidates, verification, union-find.
//!
//! Each document gets two signatures: one of its word 3-gram shingles (copies and light
//! edits) and one of its content-word stems, synonyms folded (rewrites that share the story's
//! names, places and facts but few word sequences). Pairs that share an LSH band in either are
//! candidates; a candidate is the same story when its estimated containment of 3-grams in
//! either direction, or the estimated Jaccard of content stems, passes its threshold. Buckets
//! too large to be one story (text an outlet prints everywhere) are passed over. The result
//! does not depend on the order of the documents' arrival or the number of threads.

use serde::{Deserialize, Serialize};
use wiretrace_parse::Article;
use wiretrace_similarity::{
    clusters, containment_from_jaccard, estimate_jaccard, optimal_bands, shingles, LshIndex, MinHasher,
    SentenceFeatures, Signature,
};
use xxhash_rust::xxh3::xxh3_64;

/// Settings of corpus clustering.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterOptions {
    /// Values per MinHash signature.
    pub num_perm: usize,
    /// Words per shingle.
    pub shingle_size: usize,
    /// Estimated containment of 3-grams (either direction) that makes two documents one story.
    pub containment_threshold: f64,
    /// Estimated Jaccard of content stems that makes two documents one story.
    pub content_threshold: f64,
    /// LSH buckets with more documents than this are passed over.
    pub max_bucket: usize,
    /// Seed of the hash functions.
    pub seed: u64,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        Self {
            num_perm: 128,
            shingle_size: 3,
            containment_threshold: 0.25,
            content_threshold: 0.2,
            max_bucket: 2000,
            seed: 0x005E_ED0F_3A1E,
        }
    }
}

/// What clustering keeps of a document: its identifier, set sizes and two signatures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sketch {
    /// Document identifier.
    pub id: String,
    /// Distinct 3-gram shingles.
    pub shingles: usize,
    /// Distinct content stems.
    pub stems: usize,
    /// MinHash of the shingles.
    pub shingle_signature: Signature,
    /// MinHash of the content stems.
    pub stem_signature: Signature,
}

/// The sketch of a parsed article (its body sentences).
pub fn sketch(article: &Article, opts: &ClusterOptions) -> Sketch {
    let hasher = MinHasher::new(opts.num_perm, opts.seed);
    let feats: Vec<SentenceFeatures> = article.sentences.iter().map(|s| SentenceFeatures::new(&s.text)).collect();
    let words: Vec<&str> = feats.iter().flat_map(|f| f.words.iter().map(String::as_str)).collect();
    let sh = shingles(&words, opts.shingle_size);
    let mut stems: Vec<u64> = feats.iter().flat_map(|f| f.content.iter().map(|s| xxh3_64(s.as_bytes()))).collect();
    stems.sort_unstable();
    stems.dedup();
    Sketch {
        id: article.id.clone(),
        shingles: sh.len(),
        stems: stems.len(),
        shingle_signature: hasher.signature(&sh),
        stem_signature: MinHasher::new(opts.num_perm, opts.seed ^ 0xC0FFEE).signature(&stems),
    }
}

/// Whether two sketches are versions of one story.
pub fn same_story(a: &Sketch, b: &Sketch, opts: &ClusterOptions) -> bool {
    let j = estimate_jaccard(&a.shingle_signature, &b.shingle_signature);
    let contained =
        containment_from_jaccard(j, a.shingles, b.shingles).max(containment_from_jaccard(j, b.shingles, a.shingles));
    contained >= opts.containment_threshold
        || estimate_jaccard(&a.stem_signature, &b.stem_signature) >= opts.content_threshold
}

/// Which of a sketch's signatures an LSH channel indexes.
type SignatureOf = fn(&Sketch) -> &Signature;

/// Candidate pairs (indices into `sketches`, each pair once, sorted) from LSH on both signatures.
pub fn candidate_pairs(sketches: &[Sketch], opts: &ClusterOptions) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let index_of: std::collections::HashMap<&str, usize> =
        sketches.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    // Generous thresholds: a missed candidate is a missed pair, a false one costs a check.
    let channels: [(f64, SignatureOf); 2] =
        [(opts.content_threshold * 0.8, |s| &s.stem_signature), (0.15, |s| &s.shingle_signature)];
    for (threshold, signature) in channels {
        let (bands, rows) = optimal_bands(opts.num_perm, threshold, 3.0);
        let mut index = LshIndex::new(bands, rows);
        for s in sketches {
            // Identifiers are unique in a corpus; a repeated one would only repeat candidates.
            let _ = index.insert(&s.id, signature(s).clone());
        }
        for (a, b) in index.candidate_pairs(opts.max_bucket) {
            let (i, j) = (index_of[a.as_str()], index_of[b.as_str()]);
            out.push((i.min(j), i.max(j)));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The result of clustering a corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Clustering {
    /// Clusters of document identifiers, each in input order, ordered by their first document.
    pub clusters: Vec<Vec<String>>,
    /// Candidate pairs checked.
    pub candidates: usize,
    /// Pairs judged to be one story.
    pub same_story_pairs: usize,
}

/// Clusters sketches into stories.
pub fn cluster_sketches(sketches: &[Sketch], opts: &ClusterOptions) -> Clustering {
    use rayon::prelude::*;
    let candidates = candidate_pairs(sketches, opts);
    let same: Vec<(usize, usize)> =
        candidates.par_iter().copied().filter(|&(i, j)| same_story(&sketches[i], &sketches[j], opts)).collect();
    let groups = clusters(sketches.len(), same.iter().copied());
    Clustering {
        clusters: groups.into_iter().map(|g| g.into_iter().map(|i| sketches[i].id.clone()).collect()).collect(),
        candidates: candidates.len(),
        same_story_pairs: same.len(),
    }
}
