//! Story clusters at corpus scale: fingerprints, document frequencies, MinHash sketches, LSH
//! banding, verification, union-find.
//!
//! Each document is fingerprinted once ([`Fingerprinter`]): its word 3-gram shingles (copies
//! and light edits) and its content-word stems, synonyms folded (rewrites that share the
//! story's names, places and facts but few word sequences). Features found in more than
//! [`ClusterOptions::max_df`] of the documents (the words and phrases every story uses) are
//! left out, so what two sketches share is what their stories share. Each document then gets
//! two MinHash signatures.
//!
//! Pairs that share an LSH band of either signature are candidates; a candidate is the same
//! story when the estimated containment of its shingles in either direction passes
//! [`ClusterOptions::containment_threshold`], or when the estimated Jaccard of its content
//! stems passes [`ClusterOptions::content_threshold`] and half the containment threshold
//! is reached too (stories on one subject share its vocabulary, but not their phrasing).
//! Containment, not Jaccard, because a
//! short rewrite inside a long wire story shares much of itself with the wire but little of
//! the union. Verified pairs are joined by union-find; a candidate whose documents are already
//! joined is not checked again. Buckets too large to be one story are passed over.
//!
//! The result does not depend on the number of threads. Document frequencies are counted on
//! the first [`ClusterOptions::df_sample`] documents (all of a smaller corpus, whose result
//! then does not depend on the input order either).

use std::collections::HashSet;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use wiretrace_parse::Article;
use wiretrace_similarity::{
    containment_from_jaccard, estimate_jaccard, fingerprint::PassThrough, minhash::mix64, optimal_bands, Fingerprint,
    Fingerprinter, MinHasher, Signature, UnionFind,
};

/// Settings of corpus clustering.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterOptions {
    /// Values per MinHash signature.
    pub num_perm: usize,
    /// Words per shingle.
    pub shingle_size: usize,
    /// Estimated containment of shingles (either direction) that makes two documents one story.
    pub containment_threshold: f64,
    /// Estimated Jaccard of content stems that makes two documents one story (with half
    /// of the containment threshold).
    pub content_threshold: f64,
    /// Features in more than this share of the documents are left out of the sketches.
    pub max_df: f64,
    /// ... but only features in at least this many documents (small corpora keep everything).
    pub min_df_count: usize,
    /// Documents the frequencies are counted on (the first ones read).
    pub df_sample: usize,
    /// Jaccard the LSH banding of the content-stem signatures is shaped for (pairs well
    /// below it are rarely proposed).
    pub stem_lsh_threshold: f64,
    /// Jaccard the LSH banding of the shingle signatures is shaped for.
    pub shingle_lsh_threshold: f64,
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
            containment_threshold: 0.15,
            content_threshold: 0.3,
            max_df: 0.01,
            min_df_count: 50,
            df_sample: 20_000,
            stem_lsh_threshold: 0.35,
            shingle_lsh_threshold: 0.15,
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
    /// Distinct shingles (common ones left out).
    pub shingles: usize,
    /// Distinct content stems (common ones left out).
    pub stems: usize,
    /// MinHash of the shingles.
    pub shingle_signature: Signature,
    /// MinHash of the content stems.
    pub stem_signature: Signature,
}

/// The fingerprint of a parsed article's body (its sentences).
pub fn fingerprint(article: &Article, fingerprinter: &mut Fingerprinter) -> Fingerprint {
    let body: Vec<&str> = article.sentences.iter().map(|s| s.text.as_str()).collect();
    fingerprinter.fingerprint(&body.join("\n"))
}

/// Features too common in a corpus to tell its stories apart.
#[derive(Debug, Clone, Default)]
pub struct CommonFeatures {
    set: HashSet<u64, PassThrough>,
    /// One bit per value of a feature's low [`FILTER_BITS`] bits, set for the common ones: most
    /// features are rare, and one bit answers for them.
    filter: Vec<u64>,
}

/// Bits of a feature hash that index [`CommonFeatures`]'s filter.
const FILTER_BITS: u32 = 16;

impl CommonFeatures {
    /// Counts document frequencies over `sample` and keeps the features above the limits.
    pub fn count(sample: &[&Fingerprint], opts: &ClusterOptions) -> Self {
        let n = sample.len();
        let limit = (opts.max_df * n as f64).max(opts.min_df_count as f64);
        if (n as f64) <= limit {
            return Self::from_set(HashSet::with_hasher(PassThrough));
        }
        // Each fingerprint's features are distinct, so a feature's run length in the sorted
        // list of all features is its document frequency.
        let mut all: Vec<u64> =
            sample.par_iter().flat_map_iter(|fp| fp.shingles.iter().chain(&fp.stems).copied()).collect();
        all.par_sort_unstable();
        let mut common = HashSet::with_hasher(PassThrough);
        for run in all.chunk_by(|a, b| a == b) {
            if run.len() as f64 > limit {
                common.insert(run[0]);
            }
        }
        Self::from_set(common)
    }

    fn from_set(set: HashSet<u64, PassThrough>) -> Self {
        let mut filter = vec![0u64; 1 << (FILTER_BITS - 6)];
        for &h in &set {
            let slot = h as usize & ((1 << FILTER_BITS) - 1);
            filter[slot >> 6] |= 1 << (slot & 63);
        }
        Self { set, filter }
    }

    /// Number of common features.
    pub fn len(&self) -> usize {
        self.set.len()
    }

    /// Whether no feature is common.
    pub fn is_empty(&self) -> bool {
        self.set.is_empty()
    }

    /// Whether a feature is common.
    pub fn contains(&self, feature: u64) -> bool {
        let slot = feature as usize & ((1 << FILTER_BITS) - 1);
        self.filter.get(slot >> 6).is_some_and(|w| w >> (slot & 63) & 1 == 1) && self.set.contains(&feature)
    }
}

impl Sketch {
    /// The sketch of a fingerprint, common features left out.
    pub fn new(id: String, fp: &Fingerprint, common: &CommonFeatures, opts: &ClusterOptions) -> Self {
        let (mut shingles, mut stems) = (0, 0);
        let shingle_signature = MinHasher::new(opts.num_perm, opts.seed)
            .signature_of(fp.shingles.iter().copied().filter(|&h| !common.contains(h)).inspect(|_| shingles += 1));
        let stem_signature = MinHasher::new(opts.num_perm, opts.seed ^ 0xC0FFEE)
            .signature_of(fp.stems.iter().copied().filter(|&h| !common.contains(h)).inspect(|_| stems += 1));
        Self { id, shingles, stems, shingle_signature, stem_signature }
    }
}

/// Sketches of a set of parsed articles (frequencies counted over all of them).
pub fn sketch_all(articles: &[Article], opts: &ClusterOptions) -> Vec<Sketch> {
    let fps: Vec<Fingerprint> =
        articles.par_iter().map_init(|| Fingerprinter::new(opts.shingle_size), |f, a| fingerprint(a, f)).collect();
    let sample: Vec<&Fingerprint> = fps.iter().take(opts.df_sample).collect();
    let common = CommonFeatures::count(&sample, opts);
    articles.par_iter().zip(&fps).map(|(a, fp)| Sketch::new(a.id.clone(), fp, &common, opts)).collect()
}

/// Whether two sketches are versions of one story.
pub fn same_story(a: &Sketch, b: &Sketch, opts: &ClusterOptions) -> bool {
    let j = estimate_jaccard(&a.shingle_signature, &b.shingle_signature);
    let contained =
        containment_from_jaccard(j, a.shingles, b.shingles).max(containment_from_jaccard(j, b.shingles, a.shingles));
    contained >= opts.containment_threshold
        || (contained >= opts.containment_threshold / 2.0
            && estimate_jaccard(&a.stem_signature, &b.stem_signature) >= opts.content_threshold)
}

/// Which of a sketch's signatures an LSH channel indexes.
type SignatureOf = fn(&Sketch) -> &Signature;

/// The LSH channels: a signature and the banding for its threshold. Generous thresholds: a
/// missed candidate is a missed pair, a false one costs a check.
fn channels(opts: &ClusterOptions) -> [(SignatureOf, usize, usize); 2] {
    let (sb, sr) = optimal_bands(opts.num_perm, opts.stem_lsh_threshold, 3.0);
    let (hb, hr) = optimal_bands(opts.num_perm, opts.shingle_lsh_threshold, 3.0);
    [(|s| &s.stem_signature, sb, sr), (|s| &s.shingle_signature, hb, hr)]
}

/// Groups of documents that share one band of one channel (each sorted; groups in a fixed order).
fn band_groups(
    sketches: &[Sketch],
    signature: SignatureOf,
    band: usize,
    rows: usize,
    max_bucket: usize,
) -> Vec<Vec<u32>> {
    let mut keys: Vec<(u64, u32)> = sketches
        .par_iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let sig = signature(s);
            let values = sig.get(band * rows..(band + 1) * rows)?;
            if values.iter().all(|&v| v == u32::MAX) {
                return None;
            }
            let h = values.iter().fold(mix64(band as u64), |acc, &v| mix64(acc ^ u64::from(v)));
            Some((h, i as u32))
        })
        .collect();
    keys.par_sort_unstable();
    let mut groups = Vec::new();
    let mut start = 0;
    while start < keys.len() {
        let mut end = start + 1;
        while end < keys.len() && keys[end].0 == keys[start].0 {
            end += 1;
        }
        if end - start >= 2 && end - start <= max_bucket {
            groups.push(keys[start..end].iter().map(|&(_, i)| i).collect());
        }
        start = end;
    }
    groups
}

/// Candidate pairs (indices into `sketches`, each pair once, sorted) from LSH on both signatures.
pub fn candidate_pairs(sketches: &[Sketch], opts: &ClusterOptions) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (signature, bands, rows) in channels(opts) {
        for band in 0..bands {
            for g in band_groups(sketches, signature, band, rows, opts.max_bucket) {
                for (x, &a) in g.iter().enumerate() {
                    out.extend(g[x + 1..].iter().map(|&b| (a as usize, b as usize)));
                }
            }
        }
        out.sort_unstable();
        out.dedup();
    }
    out
}

/// The result of clustering a corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Clustering {
    /// Clusters of document identifiers, each in input order, ordered by their first document.
    pub clusters: Vec<Vec<String>>,
    /// Candidate pairs checked.
    pub candidates: usize,
    /// Checked pairs judged to be one story.
    pub same_story_pairs: usize,
}

/// Clusters sketches into stories.
pub fn cluster_sketches(sketches: &[Sketch], opts: &ClusterOptions) -> Clustering {
    let mut uf = UnionFind::new(sketches.len());
    let (mut candidates, mut same) = (0usize, 0usize);
    for (signature, bands, rows) in channels(opts) {
        for band in 0..bands {
            let groups = band_groups(sketches, signature, band, rows, opts.max_bucket);
            let roots: Vec<usize> = (0..sketches.len()).map(|i| uf.find(i)).collect();
            let mut pairs: Vec<(u32, u32)> = groups
                .par_iter()
                .flat_map_iter(|g| {
                    let roots = &roots;
                    g.iter().enumerate().flat_map(move |(x, &a)| {
                        g[x + 1..]
                            .iter()
                            .filter(move |&&b| roots[a as usize] != roots[b as usize])
                            .map(move |&b| (a, b))
                    })
                })
                .collect();
            pairs.par_sort_unstable();
            pairs.dedup();
            candidates += pairs.len();
            let verified: Vec<(u32, u32)> = pairs
                .into_par_iter()
                .filter(|&(a, b)| same_story(&sketches[a as usize], &sketches[b as usize], opts))
                .collect();
            same += verified.len();
            for (a, b) in verified {
                uf.union(a as usize, b as usize);
            }
        }
    }
    let groups = uf.groups();
    Clustering {
        clusters: groups.into_iter().map(|g| g.into_iter().map(|i| sketches[i].id.clone()).collect()).collect(),
        candidates,
        same_story_pairs: same,
    }
}

/// Clustering fed one batch of documents at a time, for corpora larger than memory: keeps
/// fingerprints only until the frequency sample is complete, then sketches alone.
#[derive(Debug)]
pub struct Clusterer {
    opts: ClusterOptions,
    pending: Vec<(String, Fingerprint)>,
    common: Option<CommonFeatures>,
    sketches: Vec<Sketch>,
}

impl Clusterer {
    /// An empty clusterer.
    pub fn new(opts: ClusterOptions) -> Self {
        Self { opts, pending: Vec::new(), common: None, sketches: Vec::new() }
    }

    /// Adds fingerprinted documents, in reading order.
    pub fn push(&mut self, batch: Vec<(String, Fingerprint)>) {
        match &self.common {
            Some(common) => {
                let opts = &self.opts;
                let new: Vec<Sketch> =
                    batch.into_par_iter().map(|(id, fp)| Sketch::new(id, &fp, common, opts)).collect();
                self.sketches.extend(new);
            }
            None => {
                self.pending.extend(batch);
                if self.pending.len() >= self.opts.df_sample {
                    self.settle();
                }
            }
        }
    }

    fn settle(&mut self) {
        let sample: Vec<&Fingerprint> = self.pending.iter().map(|(_, fp)| fp).collect();
        let common = CommonFeatures::count(&sample, &self.opts);
        let opts = &self.opts;
        let pending = std::mem::take(&mut self.pending);
        let new: Vec<Sketch> = pending.into_par_iter().map(|(id, fp)| Sketch::new(id, &fp, &common, opts)).collect();
        self.sketches.extend(new);
        self.common = Some(common);
    }

    /// Documents added so far.
    pub fn len(&self) -> usize {
        self.pending.len() + self.sketches.len()
    }

    /// Whether no document was added.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The sketches of every document added, in order.
    pub fn into_sketches(mut self) -> Vec<Sketch> {
        if self.common.is_none() {
            self.settle();
        }
        self.sketches
    }

    /// Clusters every document added.
    pub fn finish(self) -> Clustering {
        let opts = self.opts.clone();
        cluster_sketches(&self.into_sketches(), &opts)
    }
}

/// Documents parsed and fingerprinted together (in parallel) when streaming a corpus.
const BATCH: usize = 4096;

/// Fingerprints records: plain text by its story lines (the fast path, no structural parse),
/// HTML by the body sentences of the parsed page.
fn fingerprint_batch(batch: Vec<wiretrace_parse::Record>, opts: &ClusterOptions) -> Vec<(String, Fingerprint)> {
    let agencies = wiretrace_parse::Agencies::default();
    batch
        .into_par_iter()
        .map_init(
            || Fingerprinter::new(opts.shingle_size),
            |f, r| {
                if r.format == wiretrace_parse::Format::Text {
                    let fp = f.fingerprint(&wiretrace_parse::plain::story_lines(&r.text));
                    return (r.id, fp);
                }
                let article = wiretrace_parse::parse_record(r, &agencies);
                let fp = fingerprint(&article, f);
                (article.id, fp)
            },
        )
        .collect()
}

/// Clusters records already in memory.
pub fn cluster_records(records: Vec<wiretrace_parse::Record>, opts: &ClusterOptions) -> Clustering {
    let mut clusterer = Clusterer::new(opts.clone());
    let mut records = records;
    while !records.is_empty() {
        let rest = records.split_off(records.len().min(BATCH));
        clusterer.push(fingerprint_batch(records, opts));
        records = rest;
    }
    clusterer.finish()
}

/// Clusters the articles of files and directories, reading them one batch at a time so that
/// memory holds sketches, not texts; `progress` is told the number of documents read so far.
/// Returns the clustering, the inputs that could not be read, and the number of documents.
pub fn cluster_paths(
    paths: &[std::path::PathBuf],
    read: &wiretrace_parse::ReadOptions,
    opts: &ClusterOptions,
    progress: &(dyn Fn(usize) + Sync),
) -> (Clustering, Vec<wiretrace_parse::RecordError>) {
    let mut clusterer = Clusterer::new(opts.clone());
    // One thread reads while the others fingerprint the batch before.
    let (send, receive) = std::sync::mpsc::sync_channel::<Vec<wiretrace_parse::Record>>(2);
    let errors = std::thread::scope(|scope| {
        let reader = scope.spawn(move || {
            let mut batch = Vec::with_capacity(BATCH);
            let errors = wiretrace_parse::corpus::for_each_record(paths, read, |r| {
                batch.push(r);
                if batch.len() == BATCH {
                    // A closed channel only means the receiver stopped; nothing to do.
                    let _ = send.send(std::mem::replace(&mut batch, Vec::with_capacity(BATCH)));
                }
            });
            let _ = send.send(batch);
            errors
        });
        for batch in receive {
            clusterer.push(fingerprint_batch(batch, opts));
            progress(clusterer.len());
        }
        reader
            .join()
            .unwrap_or_else(|_| vec![wiretrace_parse::RecordError::new("corpus", "the reader stopped unexpectedly")])
    });
    (clusterer.finish(), errors)
}
