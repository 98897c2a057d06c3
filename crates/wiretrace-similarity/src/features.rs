//! What the comparisons look at: normalised words, stems, content stems and shingles.

use crate::fingerprint::PassThrough;
use crate::lexicon::{shingle_hash, with_lexicon, words};
use std::collections::HashMap;
use xxhash_rust::xxh3::xxh3_64;

/// News words that name the same thing, mapped to one form so that a rewrite's word choice
/// ("blast" for "explosion", "hurt" for "injured") does not hide a shared sentence.
const SYNONYMS: &[(&str, &[&str])] = &[
    ("explosion", &["blast", "blasts", "explosions", "exploded", "explode", "explodes", "detonation", "detonated"]),
    ("killed", &["died", "dead", "dies", "deaths", "death", "fatalities", "kills", "killing", "kill"]),
    ("injured", &["hurt", "wounded", "injuring", "injuries", "injury", "wounding"]),
    ("fire", &["blaze", "blazes", "fires", "flames"]),
    ("soldiers", &["troops", "soldier", "servicemen"]),
    ("militants", &["fighters", "insurgents", "jihadists", "gunmen", "militant"]),
    ("plant", &["factory", "facility", "works"]),
    ("arrested", &["detained", "arresting", "arrests", "detaining"]),
    ("began", &["started", "begun", "begins", "starts"]),
    ("evacuated", &["evacuating", "evacuation", "relocated"]),
];

/// The canonical form of a normalised word (itself unless it is a listed synonym).
pub fn canonical(word: &str) -> &str {
    SYNONYMS.iter().find(|(_, alts)| alts.contains(&word)).map_or(word, |(canon, _)| canon)
}

/// The comparable form of one sentence: hashes of its words, as the thread's lexicon gives
/// them (equal words have equal hashes; see the crate's `lexicon` module).
#[derive(Debug, Clone, Default)]
pub struct SentenceFeatures {
    /// Hashes of the normalised words in order (see `wiretrace_parse::Token::norm`).
    pub words: Vec<u64>,
    /// Hashes of the distinct stems of the content words, synonyms folded (see
    /// [`canonical`]), sorted (for fast overlap and weights; see [`Idf`]).
    pub content_hashes: Vec<u64>,
    /// How many of the sentence's content words have each of those stems (in the same order).
    pub content_counts: Vec<u32>,
    /// Hashes of the content words (function words removed) in order, normalised but not
    /// stemmed (compared by the word diff).
    pub sequence_hashes: Vec<u64>,
    /// The same hashes with their positions in the sequence, sorted (a bag of words, for a
    /// quick bound on shared words and the matches of the word diff).
    pub sequence_bag: Vec<(u64, u32)>,
}

impl SentenceFeatures {
    /// Computes the features of a sentence's text.
    pub fn new(text: &str) -> Self {
        let mut f = Self::default();
        with_lexicon(|lex| {
            for w in words(text) {
                let (hash, stem) = lex.info(w);
                f.words.push(hash);
                // The sequence keeps the words as written (the edit class depends on them); the
                // content stems fold synonyms (linking should not).
                if let Some(stem) = stem {
                    f.sequence_hashes.push(hash);
                    f.content_hashes.push(stem);
                }
            }
        });
        f.content_hashes.sort_unstable();
        let mut k = 0;
        while k < f.content_hashes.len() {
            let run = f.content_hashes[k..].iter().take_while(|&&h| h == f.content_hashes[k]).count();
            f.content_counts.push(run as u32);
            k += run;
        }
        f.content_hashes.dedup();
        f.sequence_bag = f.sequence_hashes.iter().enumerate().map(|(i, &h)| (h, i as u32)).collect();
        f.sequence_bag.sort_unstable();
        f
    }
}

/// The comparable form of a document: its sentences and the shingles of its body.
#[derive(Debug, Clone, Default)]
pub struct DocFeatures {
    /// One entry per sentence, in order.
    pub sentences: Vec<SentenceFeatures>,
    /// Sorted, distinct 64-bit hashes of the body's word n-grams.
    pub shingles: Vec<u64>,
}

impl DocFeatures {
    /// Computes the features of a document from its sentence texts, with word `n`-gram shingles.
    pub fn new<S: AsRef<str>>(sentences: &[S], n: usize) -> Self {
        let sentences: Vec<SentenceFeatures> = sentences.iter().map(|s| SentenceFeatures::new(s.as_ref())).collect();
        let words: Vec<u64> = sentences.iter().flat_map(|s| s.words.iter().copied()).collect();
        Self { shingles: shingles_of_hashes(&words, n), sentences }
    }
}

/// Sorted, distinct hashes of the word `n`-grams of `words` (normalised words; one hash for
/// texts shorter than `n`). The same hashes as [`DocFeatures::shingles`] and
/// [`crate::Fingerprint::shingles`] for the same words.
pub fn shingles(words: &[&str], n: usize) -> Vec<u64> {
    let hashes: Vec<u64> = words.iter().map(|w| xxh3_64(w.as_bytes())).collect();
    shingles_of_hashes(&hashes, n)
}

/// Sorted, distinct hashes of the `n`-grams of a sequence of word hashes.
fn shingles_of_hashes(words: &[u64], n: usize) -> Vec<u64> {
    let n = n.max(1);
    let mut out: Vec<u64> = if words.len() < n {
        if words.is_empty() {
            Vec::new()
        } else {
            vec![shingle_hash(words)]
        }
    } else {
        words.windows(n).map(shingle_hash).collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// Size of the intersection of two sorted lists (of distinct hashes, or of a bag's hashes,
/// where repeats count as in a multiset).
pub(crate) fn intersection(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Jaccard similarity of two sorted, distinct shingle sets: |A ∩ B| / |A ∪ B| (0 for two empty sets).
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let inter = intersection(a, b);
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// Containment of `a` in `b`: |A ∩ B| / |A|, how much of A is inside B (0 when A is empty).
pub fn containment(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() {
        0.0
    } else {
        intersection(a, b) as f64 / a.len() as f64
    }
}

/// Inverse document frequencies of content stems over a set of sentences.
#[derive(Debug, Clone, Default)]
pub struct Idf {
    weights: HashMap<u64, f64, PassThrough>,
    unseen: f64,
}

impl Idf {
    /// Builds the table from every sentence of the given documents.
    pub fn from_docs<'a>(docs: impl IntoIterator<Item = &'a DocFeatures>) -> Self {
        let mut df: HashMap<u64, usize, PassThrough> = HashMap::with_hasher(PassThrough);
        let mut n = 0usize;
        for d in docs {
            for s in &d.sentences {
                n += 1;
                for &h in &s.content_hashes {
                    *df.entry(h).or_insert(0) += 1;
                }
            }
        }
        let idf = |k: usize| ((n as f64 + 1.0) / (k as f64 + 1.0)).ln() + 1.0;
        let mut weights = HashMap::with_capacity_and_hasher(df.len(), PassThrough);
        weights.extend(df.into_iter().map(|(h, k)| (h, idf(k))));
        Self { weights, unseen: idf(0) }
    }

    /// Weight of a stem (the weight of an unseen stem when absent).
    pub fn weight(&self, stem: &str) -> f64 {
        self.weight_of(xxh3_64(stem.as_bytes()))
    }

    /// Weights of stems given by their hashes, in order.
    pub fn weights_of(&self, stem_hashes: &[u64]) -> Vec<f64> {
        stem_hashes.iter().map(|&h| self.weight_of(h)).collect()
    }

    /// Weight of a stem given by its hash (as in [`SentenceFeatures::content_hashes`]).
    pub fn weight_of(&self, stem_hash: u64) -> f64 {
        self.weights.get(&stem_hash).copied().unwrap_or(self.unseen)
    }
}
