//! Words as the comparisons see them, without allocating per word: cutting a text into words
//! exactly as `wiretrace_parse::tokenize` does, hashing each word's normalised form, and
//! remembering for each distinct word whether it is a function word and, if not, the hash of
//! its stem (synonyms folded). Every feature of this crate (sentence features, fingerprints,
//! shingles) is built from these hashes, so they agree with each other.

use crate::features::canonical;
use crate::minhash::mix64;
use crate::stopwords::is_stopword;
use rust_stemmers::{Algorithm, Stemmer};
use wiretrace_parse::tokens::normalize_word;
use xxhash_rust::xxh3::xxh3_64;

/// Words remembered before the cache is emptied (bounds memory on huge vocabularies).
const CACHE_LIMIT: usize = 500_000;

/// ASCII words up to this many bytes are lower-cased on the stack.
const SHORT_WORD: usize = 32;

/// Word hash → hash of its content stem, or none for a function word: an open-addressing table
/// whose slots hold both, so that a look-up reads one place in memory (most words of a large
/// corpus are rare, and their look-ups miss the processor's caches).
struct WordTable {
    /// (word hash, stem hash) pairs; a word hash of [`WordTable::EMPTY`] marks a free slot, a
    /// stem hash of [`WordTable::FUNCTION_WORD`] a function word.
    slots: Vec<(u64, u64)>,
    len: usize,
}

impl WordTable {
    const EMPTY: u64 = 0;
    const FUNCTION_WORD: u64 = 0;

    fn new() -> Self {
        Self { slots: vec![(Self::EMPTY, 0); 1 << 12], len: 0 }
    }

    fn get(&self, word: u64) -> Option<Option<u64>> {
        if word == Self::EMPTY {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = word as usize & mask;
        loop {
            let (key, stem) = self.slots[i];
            if key == word {
                return Some((stem != Self::FUNCTION_WORD).then_some(stem));
            }
            if key == Self::EMPTY {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Remembers a word not in the table (a word hash of [`WordTable::EMPTY`] is not kept).
    fn insert(&mut self, word: u64, stem: Option<u64>) {
        if word == Self::EMPTY {
            return;
        }
        if (self.len + 1) * 2 > self.slots.len() {
            let size = self.slots.len() * 2;
            let old = std::mem::replace(&mut self.slots, vec![(Self::EMPTY, 0); size]);
            self.len = 0;
            for (key, stem) in old.into_iter().filter(|&(key, _)| key != Self::EMPTY) {
                self.place(key, stem);
            }
        }
        // A stem whose hash is the function-word mark is moved to the next value.
        self.place(word, stem.map_or(Self::FUNCTION_WORD, |s| s.max(1)));
    }

    fn place(&mut self, word: u64, stem: u64) {
        let mask = self.slots.len() - 1;
        let mut i = word as usize & mask;
        while self.slots[i].0 != Self::EMPTY {
            i = (i + 1) & mask;
        }
        self.slots[i] = (word, stem);
        self.len += 1;
    }

    fn clear(&mut self) {
        *self = Self::new();
    }
}

/// Word hashes and stems, remembered per distinct word; keep one per thread.
pub(crate) struct Lexicon {
    stemmer: Stemmer,
    cache: WordTable,
    lower: String,
}

impl Lexicon {
    pub(crate) fn new() -> Self {
        Self { stemmer: Stemmer::create(Algorithm::English), cache: WordTable::new(), lower: String::new() }
    }

    /// Number of distinct words remembered.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.cache.len
    }

    /// The hash of a word's normalised form and the hash of its content stem (`None` for a
    /// function word).
    pub(crate) fn info(&mut self, word: &str) -> (u64, Option<u64>) {
        // Plain ASCII words are normalised by lower-casing (on the stack when short); anything
        // else the full way.
        let ascii = word.bytes().all(|b| b.is_ascii_alphanumeric());
        let mut short = [0u8; SHORT_WORD];
        let hash = if ascii && word.len() <= SHORT_WORD {
            let short = &mut short[..word.len()];
            short.copy_from_slice(word.as_bytes());
            short.make_ascii_lowercase();
            xxh3_64(short)
        } else {
            self.lower.clear();
            if ascii {
                self.lower.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                self.lower.push_str(&normalize_word(word));
            }
            xxh3_64(self.lower.as_bytes())
        };
        if let Some(stem) = self.cache.get(hash) {
            return (hash, stem);
        }
        if ascii && word.len() <= SHORT_WORD {
            self.lower.clear();
            self.lower.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        }
        let norm = self.lower.as_str();
        let stem = (!is_stopword(norm)).then(|| xxh3_64(self.stemmer.stem(canonical(norm)).as_bytes()));
        if self.cache.len >= CACHE_LIMIT {
            self.cache.clear();
        }
        self.cache.insert(hash, stem);
        // As the table will give it back.
        (hash, stem.map(|s| s.max(1)))
    }
}

/// Runs `f` with this thread's lexicon.
pub(crate) fn with_lexicon<R>(f: impl FnOnce(&mut Lexicon) -> R) -> R {
    thread_local! {
        static LEXICON: std::cell::RefCell<Lexicon> = std::cell::RefCell::new(Lexicon::new());
    }
    LEXICON.with(|l| f(&mut l.borrow_mut()))
}

/// The hash of a word `n`-gram from its words' hashes.
pub(crate) fn shingle_hash(words: &[u64]) -> u64 {
    words.iter().fold(0x5EED_u64, |acc, &h| mix64(acc ^ h))
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
pub(crate) fn next_word(text: &str, pos: &mut usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut i = *pos;
    // ASCII spaces and punctuation are passed over a byte at a time.
    while bytes.get(i).is_some_and(|&b| b < 0x80 && !b.is_ascii_alphanumeric()) {
        i += 1;
    }
    let (start, first) = loop {
        let (c, len) = char_at(text, i)?;
        if c.is_alphanumeric() {
            break (i, c);
        }
        i += len;
    };
    let mut prev = first;
    let mut end = start + first.len_utf8();
    loop {
        // Runs of ASCII letters and digits, a byte at a time.
        let run = bytes[end..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        if run > 0 {
            end += run;
            prev = char::from(bytes[end - 1]);
        }
        let Some((c, len)) = char_at(text, end) else { break };
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
pub(crate) fn words(text: &str) -> impl Iterator<Item = &str> {
    let mut pos = 0;
    std::iter::from_fn(move || next_word(text, &mut pos).map(|(s, e)| &text[s..e]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_cut_and_normalised_as_the_tokenizer_does() {
        for text in [
            "Norland’s al-Amin café: 1,200 troops, 3.5% — don't stop. End.",
            "  12, 13 and 1.5. O'Neill's 'quoted' x.y ",
            "",
            "Ünïcödé wörds ÅÄÖ 東京 2025 ÉCOLE",
        ] {
            let ours: Vec<String> = words(text).map(normalize_word).collect();
            let theirs: Vec<String> = wiretrace_parse::tokenize(text).into_iter().map(|t| t.norm).collect();
            assert_eq!(ours, theirs, "{text}");
            let mut lex = Lexicon::new();
            let hashes: Vec<u64> = words(text).map(|w| lex.info(w).0).collect();
            let expected: Vec<u64> = theirs.iter().map(|w| xxh3_64(w.as_bytes())).collect();
            assert_eq!(hashes, expected, "{text}");
        }
    }

    #[test]
    fn words_are_cut_where_the_tokenizer_cuts_them_on_random_texts() {
        let pieces = ["a", "Z", "9", "0", "'", "’", ".", ",", " ", "\n", "é", "-", "ß", "東", "—", "%"];
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        for round in 0..2_000 {
            let mut text = String::new();
            for _ in 0..(round % 40) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(pieces[(state % pieces.len() as u64) as usize]);
            }
            let mut pos = 0;
            let ours: Vec<(usize, usize)> = std::iter::from_fn(|| next_word(&text, &mut pos)).collect();
            let theirs: Vec<(usize, usize)> =
                wiretrace_parse::tokenize(&text).into_iter().map(|t| (t.start, t.end)).collect();
            assert_eq!(ours, theirs, "{text:?}");
        }
    }

    #[test]
    fn the_word_table_gives_back_what_it_was_given() {
        let mut table = WordTable::new();
        // Enough words to make the table grow several times, some sharing their low bits.
        let words: Vec<u64> = (1..20_000u64).map(|i| if i % 7 == 0 { i << 40 } else { mix64(i) }).collect();
        for (k, &w) in words.iter().enumerate() {
            table.insert(w, (k % 3 != 0).then_some(mix64(w) | 1));
        }
        assert_eq!(table.len, words.len());
        for (k, &w) in words.iter().enumerate() {
            assert_eq!(table.get(w), Some((k % 3 != 0).then_some(mix64(w) | 1)), "word {k}");
        }
        assert_eq!(table.get(12345), None);
        // The free-slot mark is never taken for a word.
        table.insert(WordTable::EMPTY, Some(9));
        assert_eq!(table.get(WordTable::EMPTY), None);
    }

    #[test]
    fn function_words_have_no_stem_and_synonyms_share_one() {
        let mut lex = Lexicon::new();
        assert_eq!(lex.info("The").1, None);
        let (blast, explosion) = (lex.info("blast").1, lex.info("Explosion").1);
        assert!(blast.is_some());
        assert_eq!(blast, explosion);
        assert_ne!(lex.info("harbour").1, blast);
        // Remembered words give the same answer.
        assert_eq!(lex.info("blast").1, blast);
        assert_eq!(lex.len(), 4);
    }
}
