//! Fast document fingerprints for corpus-scale clustering: the hashed word `n`-gram shingles
//! and content stems of a text, computed in one pass without allocating per word.
//!
//! Words and stems are the same as [`crate::SentenceFeatures`]'s (normalised as by
//! `wiretrace_parse::tokenize`, function words removed, synonyms folded, English stems); a
//! per-thread cache remembers each distinct word's hash and stem, so the stemmer runs once per
//! word type instead of once per word.

use crate::lexicon::{next_word, shingle_hash, with_lexicon};
use crate::minhash::mix64;
use xxhash_rust::xxh3::xxh3_64;

/// The hashed features of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fingerprint {
    /// Distinct hashes of the word `n`-grams, in order of first occurrence.
    pub shingles: Vec<u64>,
    /// Distinct hashes of the content stems (synonyms folded), in order of first occurrence.
    pub stems: Vec<u64>,
    /// Number of words.
    pub words: usize,
}

/// A `BuildHasher` for keys that are already 64-bit hashes: it passes them through.
#[derive(Debug, Clone, Copy, Default)]
pub struct PassThrough;

/// The hasher of [`PassThrough`].
#[derive(Debug, Default)]
pub struct PassThroughHasher(u64);

impl std::hash::Hasher for PassThroughHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Not used for u64 keys; a fallback that still hashes.
        self.0 = mix64(self.0 ^ xxh3_64(bytes));
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

impl std::hash::BuildHasher for PassThrough {
    type Hasher = PassThroughHasher;
    fn build_hasher(&self) -> PassThroughHasher {
        PassThroughHasher(0)
    }
}

/// Computes fingerprints. What it learns about words (their hashes and stems) is kept per
/// thread and shared by every fingerprinter and [`crate::SentenceFeatures`] on that thread, so
/// fingerprinters are cheap to make.
#[derive(Debug, Clone)]
pub struct Fingerprinter {
    n: usize,
    window: [u64; 8],
    /// Scratch hash table for removing repeated hashes.
    seen: Vec<u64>,
}

impl Fingerprinter {
    /// A fingerprinter with word `n`-gram shingles (from 1 to 8).
    pub fn new(n: usize) -> Self {
        Self { n: n.clamp(1, 8), window: [0; 8], seen: Vec::new() }
    }

    /// The fingerprint of a text (several texts, such as a document's sentences, can be given
    /// joined by newlines: shingles run across them as they do across sentences).
    pub fn fingerprint(&mut self, text: &str) -> Fingerprint {
        let mut out = Fingerprint::default();
        let n = self.n;
        let window = &mut self.window;
        with_lexicon(|lexicon| {
            let mut pos = 0;
            while let Some((start, end)) = next_word(text, &mut pos) {
                let (hash, stem) = lexicon.info(&text[start..end]);
                if let Some(s) = stem {
                    out.stems.push(s);
                }
                if out.words < n {
                    window[out.words] = hash;
                } else {
                    window.copy_within(1..n, 0);
                    window[n - 1] = hash;
                }
                out.words += 1;
                if out.words >= n {
                    out.shingles.push(shingle_hash(&window[..n]));
                }
            }
        });
        if out.words > 0 && out.words < n {
            out.shingles.push(shingle_hash(&self.window[..out.words]));
        }
        for v in [&mut out.shingles, &mut out.stems] {
            keep_first(v, &mut self.seen);
        }
        out
    }
}

/// Removes repeated values from `values`, keeping each first occurrence in place; `seen` is
/// scratch space. Values are hashes already, so their low bits index an open-addressing table
/// directly (a third of the cost of sorting them).
fn keep_first(values: &mut Vec<u64>, seen: &mut Vec<u64>) {
    const EMPTY: u64 = 0;
    let size = (values.len() * 2).next_power_of_two().max(16);
    seen.clear();
    seen.resize(size, EMPTY);
    let mask = size - 1;
    let mut zero_seen = false;
    values.retain(|&h| {
        if h == EMPTY {
            return !std::mem::replace(&mut zero_seen, true);
        }
        let mut i = h as usize & mask;
        loop {
            match seen[i] {
                EMPTY => {
                    seen[i] = h;
                    return true;
                }
                x if x == h => return false,
                _ => i = (i + 1) & mask,
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DocFeatures, SentenceFeatures};

    #[test]
    fn stems_and_shingles_match_the_sentence_features() {
        let text = "Blasts killed 12 workers at the Havenport plant on Monday, officials said.";
        let mut f = Fingerprinter::new(3);
        let fp = f.fingerprint(text);
        let sf = SentenceFeatures::new(text);
        let sorted = |v: &[u64]| {
            let mut v = v.to_vec();
            v.sort_unstable();
            v
        };
        assert_eq!(sorted(&fp.stems), sf.content_hashes);
        assert_eq!(sorted(&fp.shingles), DocFeatures::new(&[text], 3).shingles);
        assert_eq!(fp.words, sf.words.len());
        // Cached and fresh results agree.
        assert_eq!(f.fingerprint(text), Fingerprinter::new(3).fingerprint(text));
        assert_eq!(Fingerprinter::new(3).fingerprint(""), Fingerprint::default());
        assert_eq!(Fingerprinter::new(3).fingerprint("Two words").shingles.len(), 1);
    }

    #[test]
    fn repeats_are_removed_and_first_occurrences_kept_in_order() {
        let mut seen = Vec::new();
        for (input, expected) in [
            (vec![5u64, 3, 5, 0, 9, 3, 0, 17, 1 << 40, 5], vec![5u64, 3, 0, 9, 17, 1 << 40]),
            (vec![], vec![]),
            // Values that share their low bits collide in the table and are still told apart.
            ((0..100).map(|i| i << 32).chain((0..100).map(|i| i << 32)).collect(), (0..100).map(|i| i << 32).collect()),
        ] {
            let mut v = input.clone();
            keep_first(&mut v, &mut seen);
            assert_eq!(v, expected, "{input:?}");
        }
    }
}
