//! Passage-level text alignment: which passages of a target text were taken from which
//! passages of a source text, in the manner of the best systems of the PAN text-alignment task
//! (Sanchez-Perez, Sidorov & Gelbukh 2014/2015; Torrejón & Ramos; Kong et al.).
//!
//! 1. **Units.** Both texts are cut into sentences (at `.`, `!`, `?`, `…`, `;`, blank lines,
//!    and every [`PassageOptions::max_sentence_words`] words); a sentence with fewer than
//!    [`PassageOptions::min_sentence_words`] words is joined to the next one. A sentence is a
//!    tf-isf vector of stemmed words: term frequency times the log inverse frequency of the
//!    term among the sentences of both texts, so that frequent words weigh little. Function
//!    words are terms too by default ([`PassageOptions::keep_stopwords`]): on short, heavily
//!    edited sentences they add evidence (PAN 2013 plagdet 0.936 with them, 0.922 without).
//! 2. **Seeds.** Sentence pairs whose cosine and Dice coefficient both pass their thresholds;
//!    a seed much weaker than the best seed of its source or target sentence is dropped.
//! 3. **Extension.** Seeds at most [`PassageOptions::max_gap`] sentences apart in both texts
//!    form a cluster (split again on either side until stable); a cluster's two fragments must
//!    be similar as wholes, otherwise its seeds are clustered again with a smaller gap. The
//!    sentence pairs next to a (non-verbatim) passage join it while similar enough.
//! 4. **Filtering.** Passages overlapping a better one in the target are dropped.
//! 5. **Summaries.** Seeds (with lower thresholds) are clustered again with a small gap in the
//!    target and no limit in the source. A cluster whose target sentences come from distant,
//!    spread-out source sentences and whose source side is much longer than its target side is
//!    a summary; it replaces the passages it overlaps. Optionally, a summary spanning a good
//!    part of the source text is taken to summarise all of it
//!    ([`PassageOptions::summary_whole_share`]; off by default, as it rests on an assumption
//!    about how a corpus was made rather than on the texts).
//! 6. **Boundaries.** Each passage is trimmed to the first and last content words shared by
//!    its two sides; short passages, and short passages with a low score, are dropped.
//!
//! Offsets are code-point (char) offsets into the given strings, end exclusive. Every score is
//! traceable: a [`Passage`] carries the [`Seed`]s (sentence spans with their cosine and Dice)
//! it was built from.
//!
//! ```
//! use wiretrace_similarity::passages::{align_passages, PassageOptions};
//!
//! let copied = "The lighthouse keeper climbed the spiral stairs every evening at dusk. \
//!     He polished the great brass lens until it shone like a second moon. \
//!     Ships passing the northern reef blessed the steady beam through the winter storms.";
//! let source = format!("Our village sits on a cold coast. {copied} Nobody remembers his name today.");
//! let target = format!("A short history of the harbour follows. {copied} The museum opens at nine.");
//! let found = align_passages(&source, &target, &PassageOptions::default());
//! assert_eq!(found.len(), 1);
//! let p = &found[0];
//! let slice = |t: &str, s: usize, e: usize| t.chars().skip(s).take(e - s).collect::<String>();
//! assert_eq!(slice(&source, p.source_start, p.source_end), copied);
//! assert_eq!(slice(&target, p.target_start, p.target_end), copied);
//! ```

use crate::stopwords::is_stopword;
use rust_stemmers::{Algorithm, Stemmer};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::LazyLock;
use wiretrace_parse::tokenize;

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// Parameters of [`align_passages`]. The defaults were tuned on the PAN 2013 text-alignment
/// training corpus (see `wiretrace eval pan`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PassageOptions {
    /// A sentence with fewer words than this (content words only when
    /// [`PassageOptions::keep_stopwords`] is off) is joined to the next sentence.
    pub min_sentence_words: usize,
    /// Sentences are cut after this many words (texts without punctuation).
    pub max_sentence_words: usize,
    /// Keep function words as terms. Their isf weight is low, but they add evidence to short
    /// and heavily edited sentences.
    pub keep_stopwords: bool,
    /// Smallest cosine of the tf-isf vectors of two sentences that makes a seed (exclusive).
    pub seed_cosine: f64,
    /// Smallest Dice coefficient of the term sets of two sentences that makes a seed
    /// (exclusive).
    pub seed_dice: f64,
    /// A seed is dropped when its cosine is below this share of the best cosine of its source
    /// sentence or of its target sentence (0: keep all seeds).
    pub seed_dominance: f64,
    /// At most this many seeds (at least 1) per source sentence, the most similar target
    /// sentences; this bounds the work on repetitive texts.
    pub max_seeds_per_sentence: usize,
    /// Largest number of sentences between two seeds of one passage (in either text).
    pub max_gap: usize,
    /// Smallest cosine between the two fragments of a passage (each the sum of its sentence
    /// vectors); a cluster below it is clustered again with a smaller gap.
    pub validation: f64,
    /// The sentence pair just before (after) a passage joins it when its cosine is at least
    /// this (above 1: never).
    pub edge_cosine: f64,
    /// ... unless the passage's seeds have at least this mean cosine (a verbatim copy: its edge
    /// sentences would be seeds already).
    pub edge_verbatim: f64,
    /// How many sentence pairs may join a passage at each end.
    pub edge_steps: usize,
    /// Shortest passage kept, in chars, in the source.
    pub min_source_chars: usize,
    /// Shortest passage kept, in chars, in the target.
    pub min_target_chars: usize,
    /// A passage shorter than this many chars on either side...
    pub weak_chars: usize,
    /// ... is kept only with at least this score.
    pub weak_score: f64,
    /// Run the summary step.
    pub summary: bool,
    /// Seed cosine threshold of the summary step.
    pub summary_cosine: f64,
    /// Seed Dice threshold of the summary step.
    pub summary_dice: f64,
    /// [`PassageOptions::seed_dominance`] of the summary step.
    pub summary_dominance: f64,
    /// Largest gap in target sentences within a summary.
    pub summary_target_gap: usize,
    /// Largest gap in source sentences within a summary.
    pub summary_source_gap: usize,
    /// Smallest share of the target fragment's term weight whose terms occur in the source
    /// fragment (a summary's words are in its source, not the other way round); a cluster
    /// below it is clustered again with a smaller target gap.
    pub summary_validation: f64,
    /// Fewest target sentences with seeds in a summary.
    pub summary_min_sentences: usize,
    /// Source sentences at most this far apart are neighbours.
    pub summary_near: usize,
    /// A summary candidate is rejected when at least this share of its consecutive target
    /// sentences come from neighbouring source sentences (a copied passage, not a summary).
    pub summary_locality: f64,
    /// A summary candidate is rejected when one gap between its source seeds takes this share
    /// of its source span or more (a passage plus a stray seed, not a summary).
    pub summary_spread: f64,
    /// A summary's source side must be at least this many times longer than its target side.
    pub summary_ratio: f64,
    /// A summary whose source side spans at least this share of the source text is taken to
    /// summarise the whole text (above 1: never).
    pub summary_whole_share: f64,
    /// Trim each passage to the first and last content words its two sides share.
    pub refine: bool,
    /// ... but keep the start (end) of the edge sentence when at most this many words precede
    /// (follow) the first (last) shared word.
    pub refine_slack: usize,
}

impl Default for PassageOptions {
    fn default() -> Self {
        Self {
            min_sentence_words: 4,
            max_sentence_words: 80,
            keep_stopwords: true,
            seed_cosine: 0.33,
            seed_dice: 0.33,
            seed_dominance: 0.8,
            max_seeds_per_sentence: 20,
            max_gap: 4,
            validation: 0.4,
            edge_cosine: 0.2,
            edge_verbatim: 0.8,
            edge_steps: 2,
            min_source_chars: 150,
            min_target_chars: 150,
            weak_chars: 250,
            weak_score: 0.5,
            summary: true,
            summary_cosine: 0.3,
            summary_dice: 0.3,
            summary_dominance: 0.7,
            summary_target_gap: 4,
            summary_source_gap: 1000,
            summary_validation: 0.6,
            summary_min_sentences: 3,
            summary_near: 2,
            summary_locality: 0.7,
            summary_spread: 0.9,
            summary_ratio: 3.0,
            summary_whole_share: 2.0,
            refine: true,
            refine_slack: 2,
        }
    }
}

/// One piece of evidence of a passage: a source sentence and a target sentence that are
/// similar (char spans, end exclusive).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Seed {
    /// First char of the source sentence.
    pub source_start: usize,
    /// Char after the source sentence.
    pub source_end: usize,
    /// First char of the target sentence.
    pub target_start: usize,
    /// Char after the target sentence.
    pub target_end: usize,
    /// Cosine of the two sentences' tf-isf vectors.
    pub cosine: f64,
    /// Dice coefficient of the two sentences' term sets.
    pub dice: f64,
}

/// A passage of the target taken from a passage of the source (char offsets, end exclusive).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Passage {
    /// First char of the passage in the source.
    pub source_start: usize,
    /// Char after the passage in the source.
    pub source_end: usize,
    /// First char of the passage in the target.
    pub target_start: usize,
    /// Char after the passage in the target.
    pub target_end: usize,
    /// Cosine of the tf-isf vectors of the two fragments (the sentence ranges spanned by the
    /// seeds) the passage was built from.
    pub score: f64,
    /// The sentence pairs the passage was built from, in target order.
    pub seeds: Vec<Seed>,
}

/// A word of a text.
#[derive(Debug, Clone)]
struct Token {
    /// First char.
    start: usize,
    /// Char after the word.
    end: usize,
    /// Char after the punctuation that directly follows the word (`end` when a space follows).
    trail: usize,
    /// Term id (stem) in the vocabulary shared by the two texts.
    term: u32,
    /// Function word.
    stop: bool,
}

/// A sentence: a range of tokens, its char span and its tf-isf vector.
#[derive(Debug, Clone, Default)]
struct Sentence {
    /// First token.
    first: usize,
    /// Token after the last one.
    last: usize,
    /// First char.
    start: usize,
    /// Char after the last word and the punctuation glued to it.
    end: usize,
    /// tf-isf weights of the terms with a positive weight, sorted by term.
    vec: Vec<(u32, f64)>,
    /// Euclidean norm of `vec`.
    norm: f64,
}

#[derive(Debug, Clone, Default)]
struct Doc {
    tokens: Vec<Token>,
    sentences: Vec<Sentence>,
}

/// Term ids shared by the two texts.
#[derive(Default)]
struct Vocab {
    ids: HashMap<String, u32>,
}

impl Vocab {
    fn id(&mut self, stem: &str) -> u32 {
        if let Some(&i) = self.ids.get(stem) {
            return i;
        }
        let i = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        self.ids.insert(stem.to_string(), i);
        i
    }
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | ';')
}

/// Tokens (char offsets) and sentences (token ranges and char spans; no vectors yet).
fn read_doc(text: &str, vocab: &mut Vocab, opts: &PassageOptions) -> Doc {
    let raw = tokenize(text);
    let mut tokens = Vec::with_capacity(raw.len());
    // The text between a token and the next one (byte range), for sentence boundaries.
    let mut gaps: Vec<(usize, usize)> = Vec::with_capacity(raw.len());
    let (mut byte, mut ch) = (0usize, 0usize);
    for (k, t) in raw.iter().enumerate() {
        let (bs, be) = (t.start.min(text.len()), t.end.min(text.len()));
        if bs < byte || be < bs || !text.is_char_boundary(bs) || !text.is_char_boundary(be) {
            continue;
        }
        ch += text[byte..bs].chars().count();
        let start = ch;
        ch += text[bs..be].chars().count();
        byte = be;
        let next = raw.get(k + 1).map_or(text.len(), |n| n.start.clamp(be, text.len()));
        let glued = text.get(be..next).unwrap_or("").chars().take_while(|c| !c.is_whitespace()).count();
        let term = vocab.id(&STEMMER.stem(&t.norm));
        tokens.push(Token { start, end: ch, trail: ch + glued, term, stop: is_stopword(&t.norm) });
        gaps.push((be, next));
    }
    let mut sentences: Vec<Sentence> = Vec::new();
    let mut first = 0usize;
    for k in 0..tokens.len() {
        let gap = text.get(gaps[k].0..gaps[k].1).unwrap_or("");
        let ends = k + 1 == tokens.len()
            || gap.chars().any(is_terminal)
            || gap.matches('\n').count() >= 2
            || k + 1 - first >= opts.max_sentence_words.max(1);
        if ends {
            sentences.push(Sentence {
                first,
                last: k + 1,
                start: tokens[first].start,
                end: tokens[k].trail,
                ..Default::default()
            });
            first = k + 1;
        }
    }
    let mut doc = Doc { tokens, sentences };
    join_short(&mut doc, opts);
    doc
}

/// Whether a token is a term of the sentence vectors.
fn is_term(t: &Token, opts: &PassageOptions) -> bool {
    opts.keep_stopwords || !t.stop
}

/// Joins sentences with too few words to the next one (the last to the previous).
fn join_short(doc: &mut Doc, opts: &PassageOptions) {
    let old = std::mem::take(&mut doc.sentences);
    let mut out: Vec<Sentence> = Vec::with_capacity(old.len());
    let mut pending: Option<Sentence> = None;
    for s in old {
        let s = match pending.take() {
            Some(p) => Sentence { first: p.first, start: p.start, ..s },
            None => s,
        };
        let words = doc.tokens[s.first..s.last].iter().filter(|t| is_term(t, opts)).count();
        if words < opts.min_sentence_words {
            pending = Some(s);
        } else {
            out.push(s);
        }
    }
    if let Some(p) = pending {
        match out.last_mut() {
            Some(l) => {
                l.last = p.last;
                l.end = p.end;
            }
            None => out.push(p),
        }
    }
    doc.sentences = out;
}

/// tf-isf vectors of the sentences of both documents (isf over the sentences of both).
fn vectorise(a: &mut Doc, b: &mut Doc, opts: &PassageOptions) {
    let mut counts: Vec<Vec<(u32, u32)>> = Vec::new();
    for d in [&*a, &*b] {
        for s in &d.sentences {
            let mut terms: Vec<u32> =
                d.tokens[s.first..s.last].iter().filter(|t| is_term(t, opts)).map(|t| t.term).collect();
            terms.sort_unstable();
            let mut c: Vec<(u32, u32)> = Vec::new();
            for t in terms {
                match c.last_mut() {
                    Some((x, n)) if *x == t => *n += 1,
                    _ => c.push((t, 1)),
                }
            }
            counts.push(c);
        }
    }
    let mut df: HashMap<u32, u32> = HashMap::new();
    for c in &counts {
        for &(t, _) in c {
            *df.entry(t).or_insert(0) += 1;
        }
    }
    let n = counts.len() as f64;
    for (s, c) in a.sentences.iter_mut().chain(b.sentences.iter_mut()).zip(&counts) {
        s.vec = c
            .iter()
            .map(|&(t, k)| (t, f64::from(k) * (n / f64::from(df.get(&t).copied().unwrap_or(1).max(1))).ln()))
            .filter(|&(_, w)| w > 0.0)
            .collect();
        s.norm = s.vec.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
    }
}

/// A seed by sentence indices.
#[derive(Debug, Clone, Copy)]
struct RawSeed {
    src: usize,
    tgt: usize,
    cosine: f64,
    dice: f64,
}

/// Sentence pairs whose cosine and Dice both exceed the thresholds (an inverted index over the
/// target sentences; at most `opts.max_seeds_per_sentence` per source sentence).
fn find_seeds(src: &Doc, tgt: &Doc, cos_min: f64, dice_min: f64, opts: &PassageOptions) -> Vec<RawSeed> {
    let mut index: HashMap<u32, Vec<(usize, f64)>> = HashMap::new();
    for (j, s) in tgt.sentences.iter().enumerate() {
        for &(t, w) in &s.vec {
            index.entry(t).or_default().push((j, w));
        }
    }
    let n = tgt.sentences.len();
    let mut dot = vec![0.0f64; n];
    let mut common = vec![0u32; n];
    let mut touched: Vec<usize> = Vec::new();
    let mut found: Vec<RawSeed> = Vec::new();
    let mut out = Vec::new();
    for (i, s) in src.sentences.iter().enumerate() {
        for &(t, w) in &s.vec {
            for &(j, v) in index.get(&t).map_or(&[][..], Vec::as_slice) {
                if common[j] == 0 {
                    touched.push(j);
                }
                common[j] += 1;
                dot[j] += w * v;
            }
        }
        for &j in &touched {
            let t = &tgt.sentences[j];
            let denom = s.norm * t.norm;
            let cosine = if denom > 0.0 { dot[j] / denom } else { 0.0 };
            let sizes = s.vec.len() + t.vec.len();
            let dice = if sizes > 0 { 2.0 * f64::from(common[j]) / sizes as f64 } else { 0.0 };
            if cosine > cos_min && dice > dice_min {
                found.push(RawSeed { src: i, tgt: j, cosine, dice });
            }
            dot[j] = 0.0;
            common[j] = 0;
        }
        touched.clear();
        if found.len() > opts.max_seeds_per_sentence.max(1) {
            found.sort_by(|a, b| b.cosine.total_cmp(&a.cosine).then(a.tgt.cmp(&b.tgt)));
            found.truncate(opts.max_seeds_per_sentence.max(1));
        }
        found.sort_by_key(|r| r.tgt);
        out.append(&mut found);
    }
    out
}

/// Drops the seeds much weaker than the best seed of their source or of their target sentence.
fn dominant(seeds: &[RawSeed], share: f64, n_src: usize, n_tgt: usize) -> Vec<RawSeed> {
    let mut best_src = vec![0.0f64; n_src];
    let mut best_tgt = vec![0.0f64; n_tgt];
    for s in seeds {
        best_src[s.src] = best_src[s.src].max(s.cosine);
        best_tgt[s.tgt] = best_tgt[s.tgt].max(s.cosine);
    }
    seeds
        .iter()
        .filter(|s| s.cosine >= share * best_src[s.src] && s.cosine >= share * best_tgt[s.tgt])
        .copied()
        .collect()
}

/// Splits seeds (indices into `seeds`) where consecutive positions on one side are more than
/// `gap` sentences apart.
fn split_side(group: &[usize], seeds: &[RawSeed], gap: usize, source_side: bool) -> Vec<Vec<usize>> {
    let key = |k: usize| if source_side { (seeds[k].src, seeds[k].tgt) } else { (seeds[k].tgt, seeds[k].src) };
    let mut sorted = group.to_vec();
    sorted.sort_by_key(|&k| key(k));
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut prev: Option<usize> = None;
    for k in sorted {
        let pos = key(k).0;
        match (prev, out.last_mut()) {
            (Some(p), Some(last)) if pos <= p.saturating_add(gap).saturating_add(1) => last.push(k),
            _ => out.push(vec![k]),
        }
        prev = Some(pos);
    }
    out
}

/// Groups seeds that are within `gaps.0` sentences of each other in the source and `gaps.1` in
/// the target: split on the target side, then each part on the source side, until stable.
fn cluster(group: Vec<usize>, seeds: &[RawSeed], gaps: (usize, usize), out: &mut Vec<Vec<usize>>) {
    let mut stack = vec![group];
    while let Some(g) = stack.pop() {
        let mut stable = true;
        let mut parts: Vec<Vec<usize>> = Vec::new();
        for p in split_side(&g, seeds, gaps.1, false) {
            let sub = split_side(&p, seeds, gaps.0, true);
            stable &= sub.len() == 1;
            parts.extend(sub);
        }
        if stable {
            out.extend(parts);
        } else {
            stack.extend(parts);
        }
    }
}

/// The sum of the vectors of sentences `from..=to`, sorted by term.
fn fragment_vector(doc: &Doc, from: usize, to: usize) -> Vec<(u32, f64)> {
    let mut acc: BTreeMap<u32, f64> = BTreeMap::new();
    for s in doc.sentences.get(from..=to).unwrap_or(&[]) {
        for &(t, w) in &s.vec {
            *acc.entry(t).or_insert(0.0) += w;
        }
    }
    acc.into_iter().collect()
}

/// The dot product of two term-sorted vectors and the sum of `a`'s weights of shared terms.
fn shared(a: &[(u32, f64)], b: &[(u32, f64)]) -> (f64, f64) {
    let (mut i, mut j, mut dot, mut inside) = (0, 0, 0.0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                inside += a[i].1;
                i += 1;
                j += 1;
            }
        }
    }
    (dot, inside)
}

fn norm(v: &[(u32, f64)]) -> f64 {
    v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt()
}

fn cosine(a: &[(u32, f64)], b: &[(u32, f64)]) -> f64 {
    let denom = norm(a) * norm(b);
    if denom > 0.0 {
        // Rounding can carry a text's cosine with itself just past 1.
        (shared(a, b).0 / denom).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// The share of `part`'s weight whose terms occur in `whole`.
fn containment(part: &[(u32, f64)], whole: &[(u32, f64)]) -> f64 {
    let total: f64 = part.iter().map(|(_, w)| w).sum();
    if total > 0.0 {
        shared(part, whole).1 / total
    } else {
        0.0
    }
}

/// A cluster of seeds and the sentence ranges it spans.
#[derive(Debug, Clone)]
struct Cluster {
    /// Indices into the seeds.
    seeds: Vec<usize>,
    /// Source sentences, inclusive.
    src: (usize, usize),
    /// Target sentences, inclusive.
    tgt: (usize, usize),
    /// Cosine of the two fragments.
    sim: f64,
}

fn ranges(group: &[usize], seeds: &[RawSeed]) -> ((usize, usize), (usize, usize)) {
    let s0 = group.iter().map(|&k| seeds[k].src).min().unwrap_or(0);
    let s1 = group.iter().map(|&k| seeds[k].src).max().unwrap_or(0);
    let t0 = group.iter().map(|&k| seeds[k].tgt).min().unwrap_or(0);
    let t1 = group.iter().map(|&k| seeds[k].tgt).max().unwrap_or(0);
    ((s0, s1), (t0, t1))
}

/// How a cluster's two fragments are validated.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Validation {
    /// Cosine of the fragment vectors at least this; an invalid cluster is clustered again with
    /// both gaps one smaller.
    Cosine(f64),
    /// Share of the target fragment's weight found in the source fragment at least this (a
    /// summary); an invalid cluster is clustered again with a smaller target gap (the target
    /// side of a summary is compact, its source side may be spread), then smaller source gaps.
    Containment(f64),
}

/// Clusters the seeds with `gaps` (source, target) and validates every cluster, clustering
/// invalid ones again with smaller gaps.
fn extend(src: &Doc, tgt: &Doc, seeds: &[RawSeed], gaps: (usize, usize), check: Validation) -> Vec<Cluster> {
    let mut out = Vec::new();
    let mut work: Vec<(Vec<usize>, (usize, usize))> = vec![((0..seeds.len()).collect(), gaps)];
    while let Some((group, gaps)) = work.pop() {
        let mut groups = Vec::new();
        cluster(group, seeds, gaps, &mut groups);
        for g in groups {
            let (s, t) = ranges(&g, seeds);
            let (a, b) = (fragment_vector(src, s.0, s.1), fragment_vector(tgt, t.0, t.1));
            let sim = cosine(&a, &b);
            let valid = match check {
                Validation::Cosine(min) => sim >= min,
                Validation::Containment(min) => containment(&b, &a) >= min,
            };
            if valid {
                out.push(Cluster { seeds: g, src: s, tgt: t, sim });
            } else if gaps.0 > 0 || gaps.1 > 0 {
                let smaller = match check {
                    Validation::Containment(_) if gaps.1 > 0 => (gaps.0, gaps.1 - 1),
                    Validation::Containment(_) => (gaps.0 / 2, 0),
                    Validation::Cosine(_) => (gaps.0.saturating_sub(1), gaps.1.saturating_sub(1)),
                };
                work.push((g, smaller));
            }
        }
    }
    out
}

/// Cosine of two sentences.
fn sentence_cosine(a: &Sentence, b: &Sentence) -> f64 {
    let denom = a.norm * b.norm;
    if denom > 0.0 {
        shared(&a.vec, &b.vec).0 / denom
    } else {
        0.0
    }
}

/// Adds the sentence pairs just before and just after a cluster while they are similar enough
/// (the edge sentences of a reused passage are often too edited to make seeds). Target
/// sentences inside another cluster (`taken`) are not added.
fn grow_edges(
    src: &Doc,
    tgt: &Doc,
    c: &mut Cluster,
    seeds: &[RawSeed],
    taken: &[(usize, usize)],
    opts: &PassageOptions,
) {
    let mean = c.seeds.iter().map(|&k| seeds[k].cosine).sum::<f64>() / c.seeds.len().max(1) as f64;
    if mean >= opts.edge_verbatim {
        return;
    }
    let own = c.tgt;
    let free = |t: usize| !taken.iter().any(|&r| r != own && r.0 <= t && t <= r.1);
    for _ in 0..opts.edge_steps {
        let (s, t) = (c.src.0, c.tgt.0);
        if s == 0
            || t == 0
            || !free(t - 1)
            || sentence_cosine(&src.sentences[s - 1], &tgt.sentences[t - 1]) < opts.edge_cosine
        {
            break;
        }
        c.src.0 -= 1;
        c.tgt.0 -= 1;
    }
    for _ in 0..opts.edge_steps {
        let (s, t) = (c.src.1 + 1, c.tgt.1 + 1);
        if s >= src.sentences.len()
            || t >= tgt.sentences.len()
            || !free(t)
            || sentence_cosine(&src.sentences[s], &tgt.sentences[t]) < opts.edge_cosine
        {
            break;
        }
        c.src.1 += 1;
        c.tgt.1 += 1;
    }
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Char span of sentences `r.0..=r.1`.
fn span(doc: &Doc, r: (usize, usize)) -> (usize, usize) {
    match (doc.sentences.get(r.0), doc.sentences.get(r.1)) {
        (Some(a), Some(b)) => (a.start, b.end.max(a.start)),
        _ => (0, 0),
    }
}

fn to_passage(src: &Doc, tgt: &Doc, c: &Cluster, seeds: &[RawSeed]) -> Passage {
    let (source_start, source_end) = span(src, c.src);
    let (target_start, target_end) = span(tgt, c.tgt);
    let mut evidence: Vec<Seed> = c
        .seeds
        .iter()
        .map(|&k| {
            let r = seeds[k];
            let (a, b) = span(src, (r.src, r.src));
            let (x, y) = span(tgt, (r.tgt, r.tgt));
            Seed { source_start: a, source_end: b, target_start: x, target_end: y, cosine: r.cosine, dice: r.dice }
        })
        .collect();
    evidence.sort_by_key(|s| (s.target_start, s.source_start));
    Passage { source_start, source_end, target_start, target_end, score: c.sim, seeds: evidence }
}

/// Drops passages overlapping a better passage in the target (better: more seeds, then a
/// higher score, then earlier).
fn resolve_overlaps(mut ps: Vec<Passage>) -> Vec<Passage> {
    ps.sort_by(|a, b| {
        b.seeds
            .len()
            .cmp(&a.seeds.len())
            .then(b.score.total_cmp(&a.score))
            .then(a.target_start.cmp(&b.target_start))
            .then(a.source_start.cmp(&b.source_start))
    });
    let mut kept: Vec<Passage> = Vec::new();
    for p in ps {
        if !kept.iter().any(|k| overlaps((k.target_start, k.target_end), (p.target_start, p.target_end))) {
            kept.push(p);
        }
    }
    kept
}

/// Index of the sentence holding token `k`.
fn sentence_of(d: &Doc, k: usize) -> Option<usize> {
    let i = d.sentences.partition_point(|s| s.last <= k);
    d.sentences.get(i).filter(|s| s.first <= k).map(|_| i)
}

/// Trims a passage to the first and last content words of each side whose term occurs on the
/// other side (keeping a few words of an edge sentence, function words before the first word,
/// and the punctuation glued to the last one).
fn refine(src: &Doc, tgt: &Doc, p: &mut Passage, opts: &PassageOptions) {
    let tokens = |d: &Doc, a: usize, b: usize| -> (usize, usize) {
        let i = d.tokens.partition_point(|t| t.start < a);
        let j = d.tokens.partition_point(|t| t.end <= b);
        (i, j.max(i))
    };
    let (si, sj) = tokens(src, p.source_start, p.source_end);
    let (ti, tj) = tokens(tgt, p.target_start, p.target_end);
    let terms = |d: &Doc, i: usize, j: usize| -> HashSet<u32> {
        d.tokens[i..j].iter().filter(|t| !t.stop).map(|t| t.term).collect()
    };
    let (sterms, tterms) = (terms(src, si, sj), terms(tgt, ti, tj));
    let trim = |d: &Doc, i: usize, j: usize, other: &HashSet<u32>| -> Option<(usize, usize)> {
        let slice = &d.tokens[i..j];
        let a = slice.iter().position(|t| !t.stop && other.contains(&t.term))?;
        let b = slice.iter().rposition(|t| !t.stop && other.contains(&t.term))?;
        Some((a + i, b + i))
    };
    let (Some((sa, sb)), Some((ta, tb))) = (trim(src, si, sj, &tterms), trim(tgt, ti, tj, &sterms)) else {
        return;
    };
    let slack = opts.refine_slack;
    let start = |d: &Doc, a: usize, lo: usize| -> usize {
        let mut a = a;
        if let Some(s) = sentence_of(d, a).and_then(|i| d.sentences.get(i)) {
            if a - s.first.max(lo).min(a) <= slack {
                a = s.first.max(lo).min(a);
            }
        }
        let here = sentence_of(d, a);
        while a > lo && d.tokens[a - 1].stop && sentence_of(d, a - 1) == here {
            a -= 1;
        }
        d.tokens[a].start
    };
    let end = |d: &Doc, b: usize, hi: usize, old_end: usize| -> usize {
        let mut b = b;
        if let Some(s) = sentence_of(d, b).and_then(|i| d.sentences.get(i)) {
            let last = s.last.min(hi).saturating_sub(1).max(b);
            if last - b <= slack {
                b = last;
            }
        }
        d.tokens[b].trail.min(old_end).max(d.tokens[b].end)
    };
    p.source_start = start(src, sa, si);
    p.source_end = end(src, sb, sj, p.source_end);
    p.target_start = start(tgt, ta, ti);
    p.target_end = end(tgt, tb, tj, p.target_end);
}

/// Whether a cluster looks like a summary: seeds on several target sentences, whose source
/// sentences are not neighbours of each other (a summary condenses distant sentences; a copied
/// passage keeps them together) and are spread over the source span (no single gap dominates).
fn summary_like(c: &Cluster, seeds: &[RawSeed], opts: &PassageOptions) -> bool {
    // The best source sentence of every target sentence, in target order.
    let mut best: Vec<(usize, usize, f64)> =
        c.seeds.iter().map(|&k| (seeds[k].tgt, seeds[k].src, seeds[k].cosine)).collect();
    best.sort_by(|a, b| a.0.cmp(&b.0).then(b.2.total_cmp(&a.2)).then(a.1.cmp(&b.1)));
    best.dedup_by_key(|x| x.0);
    if best.len() < opts.summary_min_sentences.max(2) {
        return false;
    }
    let near = best.windows(2).filter(|w| w[0].1.abs_diff(w[1].1) <= opts.summary_near).count();
    if near as f64 >= opts.summary_locality * (best.len() - 1) as f64 {
        return false;
    }
    let mut pos: Vec<usize> = c.seeds.iter().map(|&k| seeds[k].src).collect();
    pos.sort_unstable();
    let widest = pos.windows(2).map(|w| w[1] - w[0]).max().unwrap_or(0);
    (widest as f64) < opts.summary_spread * (c.src.1 - c.src.0).max(1) as f64
}

/// The summary passages (see the module documentation).
fn summaries(src: &Doc, tgt: &Doc, opts: &PassageOptions) -> Vec<Passage> {
    let all = find_seeds(src, tgt, opts.summary_cosine, opts.summary_dice, opts);
    let seeds = dominant(&all, opts.summary_dominance, src.sentences.len(), tgt.sentences.len());
    let gaps = (opts.summary_source_gap, opts.summary_target_gap);
    let found: Vec<Passage> = extend(src, tgt, &seeds, gaps, Validation::Containment(opts.summary_validation))
        .iter()
        .filter(|c| summary_like(c, &seeds, opts))
        .map(|c| to_passage(src, tgt, c, &seeds))
        .filter(|p| {
            (p.source_end - p.source_start) as f64 >= opts.summary_ratio * (p.target_end - p.target_start) as f64
        })
        .collect();
    let mut found = resolve_overlaps(found);
    let (first, last) = (src.tokens.first().map_or(0, |t| t.start), src.tokens.last().map_or(0, |t| t.trail));
    for p in &mut found {
        if (p.source_end - p.source_start) as f64 >= opts.summary_whole_share * last.saturating_sub(first) as f64 {
            p.source_start = first;
            p.source_end = last;
        }
    }
    found
}

/// Passages of `target` taken from `source`, sorted by target start (then source start).
/// Offsets are char (code point) offsets into the given strings, end exclusive. Empty, tiny or
/// unrelated texts give nothing.
pub fn align_passages(source: &str, target: &str, opts: &PassageOptions) -> Vec<Passage> {
    let mut vocab = Vocab::default();
    let mut src = read_doc(source, &mut vocab, opts);
    let mut tgt = read_doc(target, &mut vocab, opts);
    if src.sentences.is_empty() || tgt.sentences.is_empty() {
        return Vec::new();
    }
    vectorise(&mut src, &mut tgt, opts);
    let all = find_seeds(&src, &tgt, opts.seed_cosine, opts.seed_dice, opts);
    let seeds = dominant(&all, opts.seed_dominance, src.sentences.len(), tgt.sentences.len());
    let gaps = (opts.max_gap, opts.max_gap);
    let mut clusters = extend(&src, &tgt, &seeds, gaps, Validation::Cosine(opts.validation));
    let taken: Vec<(usize, usize)> = clusters.iter().map(|c| c.tgt).collect();
    for c in &mut clusters {
        grow_edges(&src, &tgt, c, &seeds, &taken, opts);
    }
    let mut passages = resolve_overlaps(clusters.iter().map(|c| to_passage(&src, &tgt, c, &seeds)).collect());
    if opts.summary {
        let found = summaries(&src, &tgt, opts);
        passages.retain(|p| {
            !found.iter().any(|s| overlaps((s.target_start, s.target_end), (p.target_start, p.target_end)))
        });
        passages.extend(found);
    }
    if opts.refine {
        for p in &mut passages {
            refine(&src, &tgt, p, opts);
        }
    }
    passages.retain(|p| {
        let (s, t) = (p.source_end.saturating_sub(p.source_start), p.target_end.saturating_sub(p.target_start));
        s >= opts.min_source_chars
            && t >= opts.min_target_chars
            && (s.min(t) >= opts.weak_chars || p.score >= opts.weak_score)
    });
    passages.sort_by_key(|p| (p.target_start, p.source_start));
    passages
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slice(t: &str, s: usize, e: usize) -> String {
        t.chars().skip(s).take(e.saturating_sub(s)).collect()
    }

    const COPIED: &str = "The orchard behind the mill produced eleven varieties of pear before the frost of that \
        winter. Farmers from three valleys came to trade cuttings and argue about grafting methods. The miller's \
        daughter kept a ledger of every tree, its planting date and the colour of its blossom. When the river \
        flooded in spring, the ledger was the only record that survived the water.";

    const FILLER_A: &str = "Railway timetables changed twice during the decade, confusing travellers. \
        The station master complained in letters to the regional newspaper about the new schedules. \
        Passengers waited on cold platforms while engines were repaired in distant sheds.";

    const FILLER_B: &str = "Astronomers at the hilltop observatory recorded a faint comet in October. \
        Their telescope had been donated by a wealthy merchant with an interest in navigation. \
        Students were invited to look through the eyepiece on clear Tuesday nights.";

    #[test]
    fn verbatim_copy_is_found_with_exact_offsets() {
        let source = format!("{FILLER_A} {COPIED} {FILLER_A}");
        let target = format!("{FILLER_B}\n\n{COPIED}\n\n{FILLER_B}");
        let found = align_passages(&source, &target, &PassageOptions::default());
        assert_eq!(found.len(), 1, "{found:?}");
        let p = &found[0];
        assert_eq!(slice(&source, p.source_start, p.source_end), COPIED);
        assert_eq!(slice(&target, p.target_start, p.target_end), COPIED);
        assert!(!p.seeds.is_empty() && p.score > 0.9);
        for s in &p.seeds {
            assert!(s.source_start >= p.source_start && s.source_end <= p.source_end);
            assert!(s.cosine > 0.33 && s.dice > 0.33);
        }
    }

    #[test]
    fn edited_copy_is_found() {
        let edited = "The orchard behind the old mill grew eleven kinds of pear before that winter's frost. \
            Farmers from three valleys came to swap cuttings and to argue about grafting. The miller's daughter \
            kept a careful ledger of each tree, its planting date and its blossom colour. When the river flooded \
            in the spring, only the ledger survived the water.";
        let source = format!("{FILLER_A} {COPIED} {FILLER_A}");
        let target = format!("{FILLER_B} {edited} {FILLER_B}");
        let found = align_passages(&source, &target, &PassageOptions::default());
        assert_eq!(found.len(), 1, "{found:?}");
        let p = &found[0];
        let src_text = slice(&source, p.source_start, p.source_end);
        let tgt_text = slice(&target, p.target_start, p.target_end);
        assert!(src_text.starts_with("The orchard") && src_text.ends_with("survived the water."), "{src_text}");
        assert!(tgt_text.starts_with("The orchard") && tgt_text.ends_with("survived the water."), "{tgt_text}");
    }

    #[test]
    fn unrelated_texts_give_nothing() {
        let found = align_passages(&format!("{FILLER_A} {COPIED}"), FILLER_B, &PassageOptions::default());
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn empty_and_tiny_inputs_give_nothing() {
        let o = PassageOptions::default();
        for (a, b) in [("", ""), ("", COPIED), (COPIED, ""), ("word", "word"), ("word", COPIED), ("...", "!!")] {
            assert!(align_passages(a, b, &o).is_empty());
        }
    }

    #[test]
    fn offsets_are_char_offsets() {
        let copied = "Élodie traversa le pont de Göteborg à l'aube, portant un panier de brioches chaudes. \
            Les mouettes tournoyaient au-dessus des quais où les pêcheurs réparaient leurs filets déchirés. \
            Au marché, une vieille dame lui acheta trois brioches et lui raconta l'histoire du phare.";
        let source = format!("Ça commence ici — «préface» très courte, écrite à Zürich. {copied} Zürich bleibt weit weg, sagt man hier oft.");
        let target = format!(
            "日本語の序文があります。 Другой текст здесь. {copied} Ende der Geschichte, sagte der alte Fischer leise."
        );
        let found = align_passages(&source, &target, &PassageOptions::default());
        assert_eq!(found.len(), 1, "{found:?}");
        let p = &found[0];
        assert_eq!(slice(&source, p.source_start, p.source_end), copied);
        assert_eq!(slice(&target, p.target_start, p.target_end), copied);
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        let o = PassageOptions::default();
        let long = "word ".repeat(5000);
        let punct = ". . . ! ? ;; \n\n\n ...".repeat(100);
        let mixed = "a\u{0301}b c\u{200d}d 😀 e's f’g 1,200.5 x-y ".repeat(200);
        let repeated = format!("{COPIED} ").repeat(150);
        for (a, b) in [(&long, &long), (&punct, &long), (&mixed, &mixed), (&long, &punct), (&repeated, &repeated)] {
            let _ = align_passages(a, b, &o);
        }
        let all = PassageOptions {
            min_sentence_words: 0,
            max_sentence_words: 0,
            max_gap: 0,
            summary_source_gap: 0,
            summary_target_gap: 0,
            summary_ratio: 0.0,
            summary_whole_share: 0.0,
            min_source_chars: 0,
            min_target_chars: 0,
            weak_chars: 0,
            keep_stopwords: false,
            edge_verbatim: 2.0,
            max_seeds_per_sentence: 0,
            ..PassageOptions::default()
        };
        for (a, b) in [(&long, &long), (&mixed, &mixed), (&punct, &punct)] {
            let _ = align_passages(a, b, &all);
        }
    }
}
