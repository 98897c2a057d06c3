//! What the comparisons look at: normalised words, stems, content stems and shingles.

use crate::fingerprint::PassThrough;
use crate::stopwords::is_stopword;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;
use std::sync::LazyLock;
use wiretrace_parse::tokenize;
use xxhash_rust::xxh3::xxh3_64;

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

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

/// Words stemmed per thread before the cache is emptied.
const STEM_CACHE_LIMIT: usize = 200_000;

/// The stem of a normalised content word, synonyms folded; remembered per thread, as stemming
/// costs more than a look-up.
fn stem(word: &str) -> String {
    thread_local! {
        static CACHE: std::cell::RefCell<HashMap<String, String>> = std::cell::RefCell::new(HashMap::new());
    }
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if let Some(s) = c.get(word) {
            return s.clone();
        }
        let s = STEMMER.stem(canonical(word)).into_owned();
        if c.len() >= STEM_CACHE_LIMIT {
            c.clear();
        }
        c.insert(word.to_string(), s.clone());
        s
    })
}

/// The comparable form of one sentence.
#[derive(Debug, Clone, Default)]
pub struct SentenceFeatures {
    /// Normalised words in order (see `wiretrace_parse::Token::norm`).
    pub words: Vec<String>,
    /// Content words (function words removed) in order, normalised but not stemmed.
    pub sequence: Vec<String>,
    /// Distinct stems of the content words, synonyms folded (see [`canonical`]), sorted.
    pub content: Vec<String>,
    /// Hashes of the content stems, sorted (for fast overlap and weights; see [`Idf`]).
    pub content_hashes: Vec<u64>,
    /// Hashes of the content words of `sequence`, in order (compared by the word diff).
    pub sequence_hashes: Vec<u64>,
    /// The same hashes sorted (a bag of words, for a quick bound on shared words).
    pub sequence_bag: Vec<u64>,
}

impl SentenceFeatures {
    /// Computes the features of a sentence's text.
    pub fn new(text: &str) -> Self {
        let words: Vec<String> = tokenize(text).into_iter().map(|t| t.norm).collect();
        // The sequence keeps the words as written (the edit class depends on them); the content
        // stems fold synonyms (linking should not).
        let sequence: Vec<String> = words.iter().filter(|w| !is_stopword(w)).cloned().collect();
        let mut content: Vec<String> = sequence.iter().map(|w| stem(w)).collect();
        content.sort_unstable();
        content.dedup();
        let mut content_hashes: Vec<u64> = content.iter().map(|w| xxh3_64(w.as_bytes())).collect();
        content_hashes.sort_unstable();
        let sequence_hashes: Vec<u64> = sequence.iter().map(|w| xxh3_64(w.as_bytes())).collect();
        let mut sequence_bag = sequence_hashes.clone();
        sequence_bag.sort_unstable();
        Self { words, sequence, content, content_hashes, sequence_hashes, sequence_bag }
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
        let words: Vec<&str> = sentences.iter().flat_map(|s| s.words.iter().map(String::as_str)).collect();
        Self { shingles: shingles(&words, n), sentences }
    }
}

/// Sorted, distinct hashes of the word `n`-grams of `words` (one hash for texts shorter than `n`).
pub fn shingles(words: &[&str], n: usize) -> Vec<u64> {
    let n = n.max(1);
    let mut out: Vec<u64> = if words.len() < n {
        if words.is_empty() {
            Vec::new()
        } else {
            vec![xxh3_64(words.join(" ").as_bytes())]
        }
    } else {
        words.windows(n).map(|w| xxh3_64(w.join(" ").as_bytes())).collect()
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

    /// Weight of a stem given by its hash (as in [`SentenceFeatures::content_hashes`]).
    pub fn weight_of(&self, stem_hash: u64) -> f64 {
        self.weights.get(&stem_hash).copied().unwrap_or(self.unseen)
    }
}
