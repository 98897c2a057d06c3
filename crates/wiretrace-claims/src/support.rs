//! Counterparts of a sentence in the other versions of a story, found by the content they
//! share rather than by sentence alignment: a heavy paraphrase ("Mali's military said it
//! repelled an infiltration attempt" for "The army released a statement confirming it had
//! repelled what it described as an infiltration attempt") shares too little wording to be
//! aligned, but still carries the same claim.
//!
//! A sentence's content is its set of content stems (synonyms folded). Each stem weighs by
//! how rare it is among the story's sentences, so the names every version repeats count
//! little and the distinctive words of a claim count much. The support of sentence `s` by a
//! sentence `t` of another version (or by `t` with its next sentence, for a sentence split in
//! two) is the weight of the stems they share over the weight of `s`'s stems.

use std::collections::{HashMap, HashSet};

use wiretrace_similarity::SentenceFeatures;

use crate::compare::Version;

/// Shared content at or above which a sentence not aligned with the reference is compared
/// with it as its counterpart.
pub(crate) const COUNTERPART: f64 = 0.45;

/// Shared content at or above which another version carries a sentence (below it, and
/// aligned with nothing, the sentence is an unsupported claim). Sentences of commentary and
/// new assertions share a fifth of their weight or less; the heaviest paraphrases of a
/// claim, a third or more.
pub(crate) const SUPPORTED: f64 = 0.25;

/// The content of every sentence of every version, with the story's stem weights.
pub(crate) struct Support {
    /// Per version, per sentence: distinct content stems.
    content: Vec<Vec<Vec<u64>>>,
    /// Stem → weight (inverse sentence frequency over the story).
    weight: HashMap<u64, f64>,
}

impl Support {
    /// The content of the versions' sentences.
    pub(crate) fn new(versions: &[Version<'_>]) -> Self {
        let content: Vec<Vec<Vec<u64>>> = versions
            .iter()
            .map(|v| v.article.sentences.iter().map(|s| SentenceFeatures::new(&s.text).content_hashes).collect())
            .collect();
        let mut df: HashMap<u64, usize> = HashMap::new();
        let mut sentences = 0usize;
        for v in &content {
            for s in v {
                sentences += 1;
                for &h in s {
                    *df.entry(h).or_default() += 1;
                }
            }
        }
        let n = sentences.max(1) as f64;
        let weight = df.into_iter().map(|(h, d)| (h, (1.0 + n / d as f64).ln())).collect();
        Self { content, weight }
    }

    fn weight_of(&self, stems: impl Iterator<Item = u64>) -> f64 {
        stems.map(|h| self.weight.get(&h).copied().unwrap_or(0.0)).sum()
    }

    /// How much of sentence `s` of version `v` sentence `t` of version `o` (with the sentence
    /// after it when `pair`) carries, from 0 to 1.
    fn score(&self, v: usize, s: usize, o: usize, t: usize, pair: bool) -> f64 {
        self.score_except(v, s, o, t, pair, &[])
    }

    /// [`Support::score`], leaving out of sentence `s` the stems in `except`.
    fn score_except(&self, v: usize, s: usize, o: usize, t: usize, pair: bool, except: &[u64]) -> f64 {
        let own: Vec<u64> = self.content[v][s].iter().copied().filter(|h| !except.contains(h)).collect();
        let total = self.weight_of(own.iter().copied());
        if total == 0.0 {
            return 0.0;
        }
        // Content stems are sorted: membership by binary search, nothing allocated.
        let here = &self.content[o][t];
        let next = if pair { self.content[o].get(t + 1).map(Vec::as_slice).unwrap_or(&[]) } else { &[] };
        let carried = |h: &u64| here.binary_search(h).is_ok() || next.binary_search(h).is_ok();
        self.weight_of(own.iter().copied().filter(carried)) / total
    }

    /// How much of sentence `s` of version `v` sentence `t` of version `o` carries.
    pub(crate) fn shared(&self, v: usize, s: usize, o: usize, t: usize) -> f64 {
        self.score(v, s, o, t, false)
    }

    /// How much of what sentence `s` of version `v` says, without the content stems of
    /// `words` (such as who it credits), sentence `t` of version `o` carries.
    pub(crate) fn shared_except(&self, v: usize, s: usize, o: usize, t: usize, words: &str) -> f64 {
        let except = SentenceFeatures::new(words).content_hashes;
        self.score_except(v, s, o, t, false, &except)
    }

    /// The sentence of version `o` that best carries sentence `s` of version `v`, with its
    /// score (single sentences only, so that the counterpart is one span).
    pub(crate) fn best_in(&self, v: usize, s: usize, o: usize) -> Option<(usize, f64)> {
        (0..self.content[o].len())
            .map(|t| (t, self.score(v, s, o, t, false)))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
    }

    /// The best support of sentence `s` of version `v` by any other version, counting a
    /// sentence with its next one (a sentence split in two) as well as single sentences, and
    /// not counting what the version's other sentences already account for: when the supporting sentence (or the one after it) is aligned with another
    /// sentence of `v`, the content stems of that sentence are left out of `s`'s. A new claim
    /// that repeats the story's words ("It is the longest sentence ever handed to a former
    /// governor" beside the lead "The former governor was sentenced to nine years") is then
    /// not carried by the lead's counterpart; a paraphrase still is, by what it says beyond
    /// them. `links[o]` holds the aligned pairs (sentence of `v`, sentence of `o`).
    pub(crate) fn best(&self, v: usize, s: usize, links: &[Vec<(usize, usize)>]) -> f64 {
        let mut best = 0.0f64;
        let mut except = Vec::new();
        for o in (0..self.content.len()).filter(|&o| o != v) {
            let pairs = links.get(o).map_or(&[][..], Vec::as_slice);
            for t in 0..self.content[o].len() {
                except.clear();
                for &(a, _) in pairs.iter().filter(|&&(a, b)| a != s && (b == t || b == t + 1)) {
                    except.extend_from_slice(&self.content[v][a]);
                }
                except.sort_unstable();
                except.dedup();
                // A sentence that only repeats another of its version says nothing new.
                let repeats = self.content[v][s].iter().all(|h| except.binary_search(h).is_ok());
                let score =
                    if repeats { self.score(v, s, o, t, true) } else { self.score_except(v, s, o, t, true, &except) };
                best = best.max(score);
            }
        }
        best
    }

    /// Counterparts in version `o` of the sentences of version `v` that `links` (pairs of a
    /// sentence of `o` and one of `v`) leave unlinked: pairs `(sentence of v, sentence of o)`
    /// that are each other's best match and share at least [`COUNTERPART`] of `v`'s content.
    pub(crate) fn counterparts(&self, v: usize, o: usize, links: &[(usize, usize)]) -> Vec<(usize, usize)> {
        let linked: HashSet<usize> = links.iter().map(|&(_, s)| s).collect();
        (0..self.content[v].len())
            .filter(|s| !linked.contains(s))
            .filter_map(|s| {
                let (t, score) = self.best_in(v, s, o)?;
                let mutual = self.best_in(o, t, v).is_some_and(|(back, _)| back == s);
                (score >= COUNTERPART && mutual).then_some((s, t))
            })
            .collect()
    }
}
