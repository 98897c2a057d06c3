//! Fast document fingerprints for corpus-scale clustering: the hashed word `n`-gram shingles
//! and content stems of a text, computed in one pass without allocating per word.
//!
//! Words and stems are the same as [`crate::SentenceFeatures`]'s (normalised as by
//! `wiretrace_parse::tokenize`, function words removed, synonyms folded, English stems); a
//! per-thread cache remembers each distinct word's hash and stem, so the stemmer runs once per
//! word type instead of once per word.

use std::collections::HashMap;

use crate::features::canonical;
use crate::minhash::mix64;
use crate::stopwords::is_stopword;
use rust_stemmers::{Algorithm, Stemmer};
use wiretrace_parse::tokens::normalize_word;
use xxhash_rust::xxh3::xxh3_64;

/// The hashed features of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fingerprint {
    /// Sorted, distinct hashes of the word `n`-grams.
    pub shingles: Vec<u64>,
    /// Sorted, distinct hashes of the content stems (synonyms folded).
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

/// Computes fingerprints; keep one per thread (it caches what it learns about words).
pub struct Fingerprinter {
    n: usize,
    stemmer: Stemmer,
    /// Word hash → hash of its content stem (`None` for a function word).
    cache: HashMap<u64, Option<u64>, PassThrough>,
    lower: String,
    window: [u64; 8],
}

impl std::fmt::Debug for Fingerprinter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fingerprinter").field("n", &self.n).field("cached_words", &self.cache.len()).finish()
    }
}

/// Words cached before the cache is emptied (bounds memory on huge vocabularies).
const CACHE_LIMIT: usize = 500_000;

impl Fingerprinter {
    /// A fingerprinter with word `n`-gram shingles (from 1 to 8).
    pub fn new(n: usize) -> Self {
        Self {
            n: n.clamp(1, 8),
            stemmer: Stemmer::create(Algorithm::English),
            cache: HashMap::with_hasher(PassThrough),
            lower: String::new(),
            window: [0; 8],
        }
    }

    /// The hash of a word's normalised form and of its content stem.
    fn info(&mut self, word: &str) -> (u64, Option<u64>) {
        // Plain ASCII words are normalised by lower-casing; anything else the full way.
        self.lower.clear();
        if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
            self.lower.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            self.lower.push_str(&normalize_word(word));
        }
        let hash = xxh3_64(self.lower.as_bytes());
        if let Some(stem) = self.cache.get(&hash) {
            return (hash, *stem);
        }
        let norm = self.lower.as_str();
        let stem = (!is_stopword(norm)).then(|| xxh3_64(self.stemmer.stem(canonical(norm)).as_bytes()));
        if self.cache.len() >= CACHE_LIMIT {
            self.cache.clear();
        }
        self.cache.insert(hash, stem);
        (hash, stem)
    }

    fn shingle(&self, len: usize) -> u64 {
        self.window[..len].iter().fold(0x5EED_u64, |acc, &h| mix64(acc ^ h))
    }

    /// The fingerprint of a text (several texts, such as a document's sentences, can be given
    /// joined by newlines: shingles run across them as they do across sentences).
    pub fn fingerprint(&mut self, text: &str) -> Fingerprint {
        let mut out = Fingerprint::default();
        let n = self.n;
        let mut pos = 0;
        while let Some((start, end)) = next_word(text, &mut pos) {
            let (hash, stem) = self.info(&text[start..end]);
            if let Some(s) = stem {
                out.stems.push(s);
            }
            if out.words < n {
                self.window[out.words] = hash;
            } else {
                self.window.copy_within(1..n, 0);
                self.window[n - 1] = hash;
            }
            out.words += 1;
            if out.words >= n {
                out.shingles.push(self.shingle(n));
            }
        }
        if out.words > 0 && out.words < n {
            out.shingles.push(self.shingle(out.words));
        }
        for v in [&mut out.shingles, &mut out.stems] {
            v.sort_unstable();
            v.dedup();
        }
        out
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ')
}

/// The char at byte `i` of `text` and its length in bytes.
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        Some((char::from(b), 1))
    } else {
        text[i..].chars().next().map(|c| (c, c.len_utf8()))
    }
}

/// The next word of `text` at or after byte `pos`, as `tokenize` cuts words (byte range).
fn next_word(text: &str, pos: &mut usize) -> Option<(usize, usize)> {
    let mut i = *pos;
    let (start, first) = loop {
        let (c, len) = char_at(text, i)?;
        if c.is_alphanumeric() {
            break (i, c);
        }
        i += len;
    };
    let mut prev = first;
    let mut end = start + first.len_utf8();
    while let Some((c, len)) = char_at(text, end) {
        if c.is_alphanumeric() {
            end += len;
            prev = c;
            continue;
        }
        // An apostrophe between letters, or `.`/`,` between digits, stays inside the word.
        let joins = (is_apostrophe(c) && prev.is_alphabetic()) || (matches!(c, '.' | ',') && prev.is_ascii_digit());
        match char_at(text, end + len) {
            Some((d, dlen))
                if joins && ((is_apostrophe(c) && d.is_alphabetic()) || (!is_apostrophe(c) && d.is_ascii_digit())) =>
            {
                end += len + dlen;
                prev = d;
            }
            _ => break,
        }
    }
    *pos = end;
    Some((start, end))
}

/// The words of a text, as `wiretrace_parse::tokenize` cuts them, as slices.
#[cfg(test)]
fn words(text: &str) -> impl Iterator<Item = &str> {
    let mut pos = 0;
    std::iter::from_fn(move || next_word(text, &mut pos).map(|(s, e)| &text[s..e]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{shingles, SentenceFeatures};

    #[test]
    fn words_are_cut_as_the_tokenizer_cuts_them() {
        for text in [
            "Norland’s al-Amin café: 1,200 troops, 3.5% — don't stop. End.",
            "  12, 13 and 1.5. O'Neill's 'quoted' x.y ",
            "",
            "Ünïcödé wörds ÅÄÖ 東京 2025",
        ] {
            let ours: Vec<String> = words(text).map(normalize_word).collect();
            let theirs: Vec<String> = wiretrace_parse::tokenize(text).into_iter().map(|t| t.norm).collect();
            assert_eq!(ours, theirs, "{text}");
        }
    }

    #[test]
    fn stems_and_shingles_match_the_sentence_features() {
        let text = "Blasts killed 12 workers at the Havenport plant on Monday, officials said.";
        let mut f = Fingerprinter::new(3);
        let fp = f.fingerprint(text);
        let sf = SentenceFeatures::new(text);
        let mut stems: Vec<u64> = sf.content.iter().map(|s| xxh3_64(s.as_bytes())).collect();
        stems.sort_unstable();
        stems.dedup();
        assert_eq!(fp.stems, stems);
        let words: Vec<&str> = sf.words.iter().map(String::as_str).collect();
        assert_eq!(fp.shingles.len(), shingles(&words, 3).len());
        assert_eq!(fp.words, sf.words.len());
        // Cached and fresh results agree.
        assert_eq!(f.fingerprint(text), Fingerprinter::new(3).fingerprint(text));
        assert_eq!(Fingerprinter::new(3).fingerprint(""), Fingerprint::default());
        assert_eq!(Fingerprinter::new(3).fingerprint("Two words").shingles.len(), 1);
    }
}
