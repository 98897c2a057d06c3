//! Passage-level text alignment: which passages of a target text were taken from which
//! passages of a source text, in the manner of the best systems of the PAN text-alignment
//! task (sentence seeds, extension by clustering, filtering, an adaptive step for summaries).
//!
//! 1. **Units.** Both texts are cut into sentences; a sentence with fewer than
//!    [`PassageOptions::min_sentence_words`] content words is joined to the next one. A
//!    sentence is a tf-isf vector of stemmed content words (isf: inverse frequency among the
//!    sentences of both texts).
//! 2. **Seeds.** Sentence pairs whose cosine and Dice coefficient both pass their thresholds.
//! 3. **Extension.** Seeds close to each other in both texts (at most
//!    [`PassageOptions::max_gap`] sentences apart) form a cluster; a cluster's two fragments
//!    must be similar as wholes, otherwise its seeds are clustered again with a smaller gap.
//! 4. **Filtering.** Passages overlapping a better one in the target are dropped, and so are
//!    passages shorter than [`PassageOptions::min_chars`].
//! 5. **Summaries.** When a target passage is much shorter than its source passage (a
//!    summary), the seeds are clustered again with a larger gap so that the whole summarised
//!    span of the source is reported.
//! 6. **Boundaries.** Each passage is trimmed to the first and last words shared by its two
//!    sides.
//!
//! Offsets are code-point (char) offsets, end exclusive.
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
use std::collections::HashMap;
use std::sync::LazyLock;
use wiretrace_parse::tokenize;

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// Parameters of [`align_passages`]. The defaults were tuned on the PAN 2013 text-alignment
/// training corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PassageOptions {
    /// A sentence with fewer content words than this is joined to the next sentence.
    pub min_sentence_words: usize,
    /// Sentences longer than this many words are cut (texts without punctuation).
    pub max_sentence_words: usize,
    /// Line breaks that end sentences: 0 only blank lines, 1 also a line break before a
    /// capital or a digit, 2 every line break.
    pub split_lines: u8,
    /// Keep function words as terms (their isf weight is low anyway).
    pub keep_stopwords: bool,
    /// Smallest cosine of the tf-isf vectors of two sentences that makes a seed.
    pub seed_cosine: f64,
    /// Smallest Dice coefficient of the term sets of two sentences that makes a seed.
    pub seed_dice: f64,
    /// A seed is dropped when its cosine is below this share of the best cosine of its source
    /// sentence or of its target sentence (0: keep all seeds).
    pub seed_dominance: f64,
    /// The sentence pair just before (after) a passage joins it when its cosine is at least
    /// this (1 or more: never).
    pub edge_cosine: f64,
    /// ... and at least this share of the mean cosine of the passage's seeds.
    pub edge_relative: f64,
    /// How many sentence pairs may join a passage at each end.
    pub edge_steps: usize,
    /// Largest number of sentences between two seeds of one passage (in either text).
    pub max_gap: usize,
    /// A passage is split where, in target order, its seeds go back in the source by more than
    /// this many sentences (passages copied in swapped order).
    pub max_backstep: usize,
    /// Smallest cosine between the two fragments of a passage (each the sum of its sentence
    /// vectors); a cluster below it is split with a smaller gap.
    pub validation: f64,
    /// Shortest passage kept, in chars, on each side.
    pub min_chars: usize,
    /// Run the summary step.
    pub summary: bool,
    /// Largest gap in source sentences when clustering for summaries.
    pub summary_max_gap: usize,
    /// Largest gap in target sentences when clustering for summaries.
    pub summary_target_gap: usize,
    /// [`PassageOptions::seed_dominance`] of the summary step.
    pub summary_dominance: f64,
    /// Seed cosine threshold of the summary step.
    pub summary_cosine: f64,
    /// Seed Dice threshold of the summary step.
    pub summary_dice: f64,
    /// Validation threshold of the summary step.
    pub summary_validation: f64,
    /// Validate summaries by the share of the target fragment's term weight found in the
    /// source fragment instead of by cosine.
    pub summary_containment: bool,
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
    /// A summary whose source side spans at least this share of the source text is taken to
    /// summarise the whole source text (values above 1 turn this off).
    pub summary_whole_share: f64,
    /// A passage whose source side is at least this many times longer than its target side is
    /// treated as a summary.
    pub summary_ratio: f64,
    /// Trim each passage to the first and last words its two sides share.
    pub refine: bool,
}

impl Default for PassageOptions {
    fn default() -> Self {
        Self {
            min_sentence_words: 3,
            max_sentence_words: 80,
            split_lines: 0,
            keep_stopwords: false,
            seed_cosine: 0.33,
            seed_dice: 0.33,
            seed_dominance: 0.7,
            edge_cosine: 0.15,
            edge_relative: 0.0,
            edge_steps: 2,
            max_gap: 4,
            max_backstep: usize::MAX,
            validation: 0.34,
            min_chars: 150,
            summary: true,
            summary_max_gap: 1000,
            summary_target_gap: 4,
            summary_dominance: 0.7,
            summary_cosine: 0.33,
            summary_dice: 0.33,
            summary_validation: 0.5,
            summary_containment: true,
            summary_min_sentences: 3,
            summary_near: 2,
            summary_locality: 0.6,
            summary_spread: 0.9,
            summary_whole_share: 0.5,
            summary_ratio: 3.0,
            refine: true,
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
    /// Cosine of the tf-isf vectors of the two whole fragments (sentence ranges) the passage
    /// was built from.
    pub score: f64,
    /// The sentence pairs the passage was built from, in target order.
    pub seeds: Vec<Seed>,
}

/// A word of a text.
#[derive(Debug, Clone)]
struct Token {
    /// Char offsets.
    start: usize,
    end: usize,
    /// Term id (stem) in the shared vocabulary.
    term: u32,
    /// Char after the punctuation that directly follows the word (`end` when a space follows).
    trail: usize,
    /// Function word.
    stop: bool,
}

/// A sentence: a range of tokens, its char span and its tf-isf vector.
#[derive(Debug, Clone, Default)]
struct Sentence {
    /// Token range, end exclusive.
    first: usize,
    last: usize,
    /// Char span (first word to the punctuation after the last word).
    start: usize,
    end: usize,
    /// Distinct terms with their counts, sorted by term.
    counts: Vec<(u32, u32)>,
    /// tf-isf weights, sorted by term.
    vec: Vec<(u32, f64)>,
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
        let i = self.ids.len() as u32;
        self.ids.insert(stem.to_string(), i);
        i
    }
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | ';')
}

/// Tokens (char offsets) and sentences (token ranges and char spans, no vectors yet).
fn read_doc(text: &str, vocab: &mut Vocab, opts: &PassageOptions) -> Doc {
    let raw = tokenize(text);
    let mut tokens = Vec::with_capacity(raw.len());
    // Gaps between tokens, as byte ranges, for sentence boundaries.
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
        let stop = is_stopword(&t.norm);
        let stem = STEMMER.stem(&t.norm);
        let term = vocab.id(&stem);
        let next = raw.get(k + 1).map_or(text.len(), |n| n.start.clamp(be, text.len()));
        let trail = text.get(be..next).unwrap_or("").chars().take_while(|c| !c.is_whitespace()).count();
        tokens.push(Token { start, end: ch, trail: ch + trail, term, stop });
        gaps.push((be, next));
    }
    // Sentence boundaries after token k.
    let mut sentences: Vec<Sentence> = Vec::new();
    let mut first = 0usize;
    for k in 0..tokens.len() {
        let gap = text.get(gaps[k].0..gaps[k].1).unwrap_or("");
        let next_upper =
            text.get(gaps[k].1..).and_then(|t| t.chars().next()).is_some_and(|c| c.is_uppercase() || c.is_numeric());
        let ends = k + 1 == tokens.len()
            || gap.chars().any(is_terminal)
            || gap.matches('\n').count() >= 2
            || (opts.split_lines == 1 && next_upper && gap.contains('\n'))
            || (opts.split_lines >= 2 && gap.contains('\n'))
            || k + 1 - first >= opts.max_sentence_words.max(1);
        if ends {
            // The punctuation right after the last word belongs to the sentence.
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

fn content_count(doc: &Doc, s: &Sentence, opts: &PassageOptions) -> usize {
    doc.tokens[s.first..s.last].iter().filter(|t| opts.keep_stopwords || !t.stop).count()
}

/// Joins sentences with too few content words to the next one (the last to the previous).
fn join_short(doc: &mut Doc, opts: &PassageOptions) {
    let old = std::mem::take(&mut doc.sentences);
    let mut out: Vec<Sentence> = Vec::with_capacity(old.len());
    let mut pending: Option<Sentence> = None;
    for s in old {
        let s = match pending.take() {
            Some(p) => Sentence { first: p.first, start: p.start, ..s },
            None => s,
        };
        if content_count(doc, &s, opts) < opts.min_sentence_words {
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

/// Term counts of every sentence, then tf-isf vectors with isf over the sentences of both docs.
fn vectorise(a: &mut Doc, b: &mut Doc, opts: &PassageOptions) {
    for d in [&mut *a, &mut *b] {
        let Doc { tokens, sentences } = d;
        for s in sentences.iter_mut() {
            let mut terms: Vec<u32> =
                tokens[s.first..s.last].iter().filter(|t| opts.keep_stopwords || !t.stop).map(|t| t.term).collect();
            terms.sort_unstable();
            let mut counts: Vec<(u32, u32)> = Vec::new();
            for t in terms {
                match counts.last_mut() {
                    Some((x, c)) if *x == t => *c += 1,
                    _ => counts.push((t, 1)),
                }
            }
            s.counts = counts;
        }
    }
    let mut df: HashMap<u32, u32> = HashMap::new();
    let n = (a.sentences.len() + b.sentences.len()) as f64;
    for s in a.sentences.iter().chain(b.sentences.iter()) {
        for &(t, _) in &s.counts {
            *df.entry(t).or_insert(0) += 1;
        }
    }
    for s in a.sentences.iter_mut().chain(b.sentences.iter_mut()) {
        s.vec = s
            .counts
            .iter()
            .map(|&(t, c)| (t, c as f64 * (n / df.get(&t).copied().unwrap_or(1).max(1) as f64).ln()))
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

/// Sentence pairs passing both thresholds (an inverted index over the target sentences).
fn find_seeds(src: &Doc, tgt: &Doc, cos_min: f64, dice_min: f64) -> Vec<RawSeed> {
    let mut index: HashMap<u32, Vec<(usize, f64)>> = HashMap::new();
    for (j, s) in tgt.sentences.iter().enumerate() {
        let weights: HashMap<u32, f64> = s.vec.iter().copied().collect();
        for &(t, _) in &s.counts {
            index.entry(t).or_default().push((j, weights.get(&t).copied().unwrap_or(0.0)));
        }
    }
    let n = tgt.sentences.len();
    let mut dot = vec![0.0f64; n];
    let mut common = vec![0u32; n];
    let mut touched: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    for (i, s) in src.sentences.iter().enumerate() {
        let weights: HashMap<u32, f64> = s.vec.iter().copied().collect();
        for &(t, _) in &s.counts {
            let w = weights.get(&t).copied().unwrap_or(0.0);
            if let Some(list) = index.get(&t) {
                for &(j, v) in list {
                    if common[j] == 0 {
                        touched.push(j);
                    }
                    common[j] += 1;
                    dot[j] += w * v;
                }
            }
        }
        for &j in &touched {
            let t = &tgt.sentences[j];
            let denom = s.norm * t.norm;
            let cosine = if denom > 0.0 { dot[j] / denom } else { 0.0 };
            let sizes = s.counts.len() + t.counts.len();
            let dice = if sizes > 0 { 2.0 * common[j] as f64 / sizes as f64 } else { 0.0 };
            if cosine > cos_min && dice > dice_min {
                out.push(RawSeed { src: i, tgt: j, cosine, dice });
            }
            dot[j] = 0.0;
            common[j] = 0;
        }
        touched.clear();
    }
    out
}

/// Drops the seeds that are much weaker than the best seed of their source or target sentence.
fn dominant(seeds: &[RawSeed], share: f64) -> Vec<RawSeed> {
    if share <= 0.0 {
        return seeds.to_vec();
    }
    let mut best_src: HashMap<usize, f64> = HashMap::new();
    let mut best_tgt: HashMap<usize, f64> = HashMap::new();
    for s in seeds {
        let b = best_src.entry(s.src).or_insert(0.0);
        *b = b.max(s.cosine);
        let b = best_tgt.entry(s.tgt).or_insert(0.0);
        *b = b.max(s.cosine);
    }
    seeds
        .iter()
        .filter(|s| {
            s.cosine >= share * best_src.get(&s.src).copied().unwrap_or(0.0)
                && s.cosine >= share * best_tgt.get(&s.tgt).copied().unwrap_or(0.0)
        })
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
            (Some(p), Some(last)) if pos <= p + gap + 1 => last.push(k),
            _ => out.push(vec![k]),
        }
        prev = Some(pos);
    }
    out
}

/// Splits seeds where, in target order, the source position goes back by more than `back`
/// sentences (two passages copied in swapped order).
fn split_backwards(group: &[usize], seeds: &[RawSeed], back: usize) -> Vec<Vec<usize>> {
    let mut sorted = group.to_vec();
    sorted.sort_by_key(|&k| (seeds[k].tgt, seeds[k].src));
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut prev: Option<usize> = None;
    for k in sorted {
        let pos = seeds[k].src;
        match (prev, out.last_mut()) {
            (Some(p), Some(last)) if pos.saturating_add(back) >= p => last.push(k),
            _ => out.push(vec![k]),
        }
        prev = Some(pos);
    }
    out
}

/// Groups seeds that are within `gaps.0` sentences of each other in the source and `gaps.1` in
/// the target.
fn cluster(group: Vec<usize>, seeds: &[RawSeed], gaps: (usize, usize), back: usize, out: &mut Vec<Vec<usize>>) {
    let mut stack = vec![group];
    while let Some(g) = stack.pop() {
        let mut stable = true;
        let mut parts: Vec<Vec<usize>> = Vec::new();
        for p in split_side(&g, seeds, gaps.1, false) {
            let mut sub = split_side(&p, seeds, gaps.0, true);
            if sub.len() == 1 {
                sub = split_backwards(&p, seeds, back);
            }
            if sub.len() > 1 {
                stable = false;
            }
            parts.extend(sub);
        }
        if stable {
            out.extend(parts);
        } else {
            stack.extend(parts);
        }
    }
}

/// The sum of the vectors of sentences `range` (sorted by term).
fn fragment_vector(doc: &Doc, from: usize, to: usize) -> HashMap<u32, f64> {
    let mut acc: HashMap<u32, f64> = HashMap::new();
    for s in doc.sentences.get(from..=to).unwrap_or(&[]) {
        for &(t, w) in &s.vec {
            *acc.entry(t).or_insert(0.0) += w;
        }
    }
    acc
}

fn cosine_maps(a: &HashMap<u32, f64>, b: &HashMap<u32, f64>) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let dot: f64 = small.iter().filter_map(|(t, w)| large.get(t).map(|v| w * v)).sum();
    let na = a.values().map(|w| w * w).sum::<f64>().sqrt();
    let nb = b.values().map(|w| w * w).sum::<f64>().sqrt();
    if na > 0.0 && nb > 0.0 {
        dot / (na * nb)
    } else {
        0.0
    }
}

/// A cluster of seeds turned into sentence ranges.
#[derive(Debug, Clone)]
struct Cluster {
    seeds: Vec<usize>,
    src: (usize, usize),
    tgt: (usize, usize),
    sim: f64,
}

fn ranges(group: &[usize], seeds: &[RawSeed]) -> ((usize, usize), (usize, usize)) {
    let s0 = group.iter().map(|&k| seeds[k].src).min().unwrap_or(0);
    let s1 = group.iter().map(|&k| seeds[k].src).max().unwrap_or(0);
    let t0 = group.iter().map(|&k| seeds[k].tgt).min().unwrap_or(0);
    let t1 = group.iter().map(|&k| seeds[k].tgt).max().unwrap_or(0);
    ((s0, s1), (t0, t1))
}

/// How the two fragments of a cluster are compared when validating it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Validation {
    /// Cosine of the summed sentence vectors, at least this.
    Cosine(f64),
    /// Share of the target fragment's weight whose terms occur in the source fragment, at least
    /// this (a summary's words are in its source, not the other way round).
    Containment(f64),
}

fn containment_maps(part: &HashMap<u32, f64>, whole: &HashMap<u32, f64>) -> f64 {
    let total: f64 = part.values().sum();
    let inside: f64 = part.iter().filter(|(t, _)| whole.contains_key(t)).map(|(_, w)| w).sum();
    if total > 0.0 {
        inside / total
    } else {
        0.0
    }
}

/// Clusters the seeds with `gaps` (source, target) and validates every cluster, splitting
/// invalid ones with smaller gaps.
fn extend(
    src: &Doc,
    tgt: &Doc,
    seeds: &[RawSeed],
    gaps: (usize, usize),
    back: usize,
    check: Validation,
) -> Vec<Cluster> {
    let mut out = Vec::new();
    let mut work: Vec<(Vec<usize>, (usize, usize))> = vec![((0..seeds.len()).collect(), gaps)];
    while let Some((group, gaps)) = work.pop() {
        let mut groups = Vec::new();
        cluster(group, seeds, gaps, back, &mut groups);
        for g in groups {
            let (s, t) = ranges(&g, seeds);
            let (a, b) = (fragment_vector(src, s.0, s.1), fragment_vector(tgt, t.0, t.1));
            let cos = cosine_maps(&a, &b);
            let ok = match check {
                Validation::Cosine(min) => cos >= min,
                Validation::Containment(min) => containment_maps(&b, &a) >= min,
            };
            if ok {
                out.push(Cluster { seeds: g, src: s, tgt: t, sim: cos });
            } else if gaps.0 > 0 || gaps.1 > 0 {
                let smaller = match (check, gaps.1) {
                    // Summaries: the target passage is compact, the source side may be spread.
                    (Validation::Containment(_), t) if t > 0 => (gaps.0, t - 1),
                    _ => (gaps.0.saturating_sub(1), gaps.1.saturating_sub(1)),
                };
                work.push((g, smaller));
            }
        }
    }
    out
}

/// Cosine of two sentences.
fn sentence_cosine(a: &Sentence, b: &Sentence) -> f64 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.vec.len() && j < b.vec.len() {
        match a.vec[i].0.cmp(&b.vec[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a.vec[i].1 * b.vec[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    if a.norm > 0.0 && b.norm > 0.0 {
        dot / (a.norm * b.norm)
    } else {
        0.0
    }
}

/// Adds the sentence pairs just before and just after a cluster while they are similar enough
/// (edge sentences of a reused passage are often too edited to make seeds).
fn grow_edges(src: &Doc, tgt: &Doc, c: &mut Cluster, seeds: &[RawSeed], opts: &PassageOptions) {
    let mean = c.seeds.iter().map(|&k| seeds[k].cosine).sum::<f64>() / c.seeds.len().max(1) as f64;
    let min = opts.edge_cosine.max(opts.edge_relative * mean);
    for _ in 0..opts.edge_steps {
        let (s, t) = (c.src.0, c.tgt.0);
        if s == 0 || t == 0 || sentence_cosine(&src.sentences[s - 1], &tgt.sentences[t - 1]) < min {
            break;
        }
        c.src.0 -= 1;
        c.tgt.0 -= 1;
    }
    for _ in 0..opts.edge_steps {
        let (s, t) = (c.src.1 + 1, c.tgt.1 + 1);
        if s >= src.sentences.len()
            || t >= tgt.sentences.len()
            || sentence_cosine(&src.sentences[s], &tgt.sentences[t]) < min
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

/// Char span of a cluster's side.
fn span(doc: &Doc, r: (usize, usize)) -> (usize, usize) {
    match (doc.sentences.get(r.0), doc.sentences.get(r.1)) {
        (Some(a), Some(b)) => (a.start, b.end.max(a.start)),
        _ => (0, 0),
    }
}

fn to_passage(src: &Doc, tgt: &Doc, c: &Cluster, seeds: &[RawSeed]) -> Passage {
    let (source_start, source_end) = span(src, c.src);
    let (target_start, target_end) = span(tgt, c.tgt);
    let mut ev: Vec<Seed> = c
        .seeds
        .iter()
        .map(|&k| {
            let r = seeds[k];
            let (a, b) = span(src, (r.src, r.src));
            let (x, y) = span(tgt, (r.tgt, r.tgt));
            Seed { source_start: a, source_end: b, target_start: x, target_end: y, cosine: r.cosine, dice: r.dice }
        })
        .collect();
    ev.sort_by_key(|s| (s.target_start, s.source_start));
    Passage { source_start, source_end, target_start, target_end, score: c.sim, seeds: ev }
}

/// Drops passages overlapping a better passage in the target (better: more seeds, then a
/// higher score).
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

/// Trims a passage to the first and last words of each side whose term occurs on the other side.
fn refine(src: &Doc, tgt: &Doc, p: &mut Passage, opts: &PassageOptions) {
    let toks = |d: &Doc, a: usize, b: usize| -> (usize, usize) {
        let i = d.tokens.partition_point(|t| t.start < a);
        let j = d.tokens.partition_point(|t| t.end <= b);
        (i, j.max(i))
    };
    let (si, sj) = toks(src, p.source_start, p.source_end);
    let (ti, tj) = toks(tgt, p.target_start, p.target_end);
    let useful = |t: &Token| opts.keep_stopwords || !t.stop;
    let sterms: std::collections::HashSet<u32> =
        src.tokens[si..sj].iter().filter(|t| useful(t)).map(|t| t.term).collect();
    let tterms: std::collections::HashSet<u32> =
        tgt.tokens[ti..tj].iter().filter(|t| useful(t)).map(|t| t.term).collect();
    let trim = |d: &Doc, i: usize, j: usize, other: &std::collections::HashSet<u32>| -> Option<(usize, usize)> {
        let slice = &d.tokens[i..j];
        let a = slice.iter().position(|t| useful(t) && other.contains(&t.term))?;
        let b = slice.iter().rposition(|t| useful(t) && other.contains(&t.term))?;
        Some((a + i, b + i))
    };
    let (Some((sa, sb)), Some((ta, tb))) = (trim(src, si, sj, &tterms), trim(tgt, ti, tj, &sterms)) else {
        return;
    };
    // Keep the function words before the first shared word within the same sentence, and the
    // punctuation after the last one.
    let start = |d: &Doc, a: usize, lo: usize| -> usize {
        let mut a = a;
        while a > lo && d.tokens[a - 1].stop && same_sentence(d, a - 1, a) {
            a -= 1;
        }
        d.tokens[a].start
    };
    let end = |d: &Doc, b: usize, old_end: usize| -> usize { d.tokens[b].trail.min(old_end).max(d.tokens[b].end) };
    p.source_start = start(src, sa, si);
    p.source_end = end(src, sb, p.source_end);
    p.target_start = start(tgt, ta, ti);
    p.target_end = end(tgt, tb, p.target_end);
}

/// Index of the sentence holding token `k`.
fn sentence_of(d: &Doc, k: usize) -> Option<usize> {
    let i = d.sentences.partition_point(|s| s.last <= k);
    d.sentences.get(i).filter(|s| s.first <= k).map(|_| i)
}

fn same_sentence(d: &Doc, a: usize, b: usize) -> bool {
    sentence_of(d, a).is_some() && sentence_of(d, a) == sentence_of(d, b)
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
    let span = (c.src.1 - c.src.0).max(1);
    let widest = pos.windows(2).map(|w| w[1] - w[0]).max().unwrap_or(0);
    (widest as f64) < opts.summary_spread * span as f64
}

/// Passages of `target` taken from `source`, sorted by target start. Offsets are char offsets
/// into the given strings, end exclusive. Never panics; empty or unrelated texts give nothing.
pub fn align_passages(source: &str, target: &str, opts: &PassageOptions) -> Vec<Passage> {
    let mut vocab = Vocab::default();
    let mut src = read_doc(source, &mut vocab, opts);
    let mut tgt = read_doc(target, &mut vocab, opts);
    if src.sentences.is_empty() || tgt.sentences.is_empty() {
        return Vec::new();
    }
    vectorise(&mut src, &mut tgt, opts);
    let seeds = find_seeds(&src, &tgt, opts.seed_cosine, opts.seed_dice);
    if seeds.is_empty() {
        return Vec::new();
    }
    let strong = dominant(&seeds, opts.seed_dominance);
    let mut clusters = extend(
        &src,
        &tgt,
        &strong,
        (opts.max_gap, opts.max_gap),
        opts.max_backstep,
        Validation::Cosine(opts.validation),
    );
    if opts.edge_cosine < 1.0 {
        for c in &mut clusters {
            grow_edges(&src, &tgt, c, &strong, opts);
        }
    }
    let mut passages: Vec<Passage> = clusters.iter().map(|c| to_passage(&src, &tgt, c, &strong)).collect();
    passages = resolve_overlaps(passages);
    if opts.summary {
        let sseeds = if (opts.summary_cosine, opts.summary_dice) == (opts.seed_cosine, opts.seed_dice) {
            dominant(&seeds, opts.summary_dominance)
        } else {
            dominant(&find_seeds(&src, &tgt, opts.summary_cosine, opts.summary_dice), opts.summary_dominance)
        };
        let check = if opts.summary_containment {
            Validation::Containment(opts.summary_validation)
        } else {
            Validation::Cosine(opts.summary_validation)
        };
        let summaries: Vec<Passage> =
            extend(&src, &tgt, &sseeds, (opts.summary_max_gap, opts.summary_target_gap), usize::MAX, check)
                .iter()
                .filter(|c| summary_like(c, &sseeds, opts))
                .map(|c| to_passage(&src, &tgt, c, &sseeds))
                .filter(|p| {
                    let (s, t) = (p.source_end - p.source_start, p.target_end - p.target_start);
                    s as f64 >= opts.summary_ratio * t as f64
                })
                .collect();
        if !summaries.is_empty() {
            let mut summaries = resolve_overlaps(summaries);
            let total = src.tokens.last().map_or(0, |t| t.trail);
            let first = src.tokens.first().map_or(0, |t| t.start);
            for p in &mut summaries {
                if (p.source_end - p.source_start) as f64 >= opts.summary_whole_share * (total - first) as f64 {
                    p.source_start = first;
                    p.source_end = total;
                }
            }
            passages.retain(|p| {
                !summaries.iter().any(|s| overlaps((s.target_start, s.target_end), (p.target_start, p.target_end)))
            });
            passages.extend(summaries);
        }
    }
    if opts.refine {
        for p in &mut passages {
            refine(&src, &tgt, p, opts);
        }
    }
    passages.retain(|p| {
        p.source_end.saturating_sub(p.source_start) >= opts.min_chars
            && p.target_end.saturating_sub(p.target_start) >= opts.min_chars
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
        let source = format!("Ça commence ici — «préface» très courte, écrite à Zürich. {copied} Fin du récit.");
        let target = format!("日本語の序文があります。 Другой текст здесь. {copied} Ende.");
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
        for (a, b) in [(&long, &long), (&punct, &long), (&mixed, &mixed), (&long, &punct)] {
            let _ = align_passages(a, b, &o);
        }
        let all = PassageOptions {
            min_sentence_words: 0,
            max_sentence_words: 0,
            max_gap: 0,
            summary_max_gap: 0,
            summary_ratio: 0.0,
            min_chars: 0,
            keep_stopwords: true,
            ..PassageOptions::default()
        };
        for (a, b) in [(&long, &long), (&mixed, &mixed), (&punct, &punct)] {
            let _ = align_passages(a, b, &all);
        }
    }
}

// TEMP debugging
#[cfg(test)]
mod debug_tmp {
    use super::*;
    #[test]
    #[ignore]
    fn dump_pair() {
        let src_p = std::env::var("SRC").unwrap();
        let tgt_p = std::env::var("TGT").unwrap();
        let opts: PassageOptions = PassageOptions::default();
        let source = std::fs::read_to_string(src_p).unwrap();
        let target = std::fs::read_to_string(tgt_p).unwrap();
        let mut vocab = Vocab::default();
        let mut src = read_doc(&source, &mut vocab, &opts);
        let mut tgt = read_doc(&target, &mut vocab, &opts);
        vectorise(&mut src, &mut tgt, &opts);
        let lo: f64 = std::env::var("LO").ok().and_then(|s| s.parse().ok()).unwrap_or(0.2);
        let seeds = find_seeds(&src, &tgt, lo, lo);
        println!("src sentences {} tgt sentences {}", src.sentences.len(), tgt.sentences.len());
        for s in &seeds {
            let a = &src.sentences[s.src];
            let b = &tgt.sentences[s.tgt];
            println!(
                "seed src#{} [{}..{}] tgt#{} [{}..{}] cos {:.3} dice {:.3}",
                s.src, a.start, a.end, s.tgt, b.start, b.end, s.cosine, s.dice
            );
        }
        let strong = dominant(&find_seeds(&src, &tgt, opts.summary_cosine, opts.summary_dice), opts.summary_dominance);
        for s in &strong {
            println!("sseed src#{} tgt#{} cos {:.3}", s.src, s.tgt, s.cosine);
        }
        let check = Validation::Containment(opts.summary_validation);
        let mut work: Vec<(Vec<usize>, (usize, usize))> =
            vec![((0..strong.len()).collect(), (opts.summary_max_gap, opts.summary_target_gap))];
        while let Some((group, gaps)) = work.pop() {
            let mut groups = Vec::new();
            cluster(group, &strong, gaps, usize::MAX, &mut groups);
            for g in groups {
                let (s, t) = ranges(&g, &strong);
                let (a, b) = (fragment_vector(&src, s.0, s.1), fragment_vector(&tgt, t.0, t.1));
                let c = containment_maps(&b, &a);
                let cl = Cluster { seeds: g.clone(), src: s, tgt: t, sim: 0.0 };
                println!(
                    "gaps {:?} cluster src {:?} tgt {:?} n {} containment {:.3} cos {:.3} summary_like {}",
                    gaps,
                    s,
                    t,
                    g.len(),
                    c,
                    cosine_maps(&a, &b),
                    summary_like(&cl, &strong, &opts)
                );
                if c < opts.summary_validation && gaps.1 > 0 {
                    work.push((g, (gaps.0, gaps.1 - 1)));
                } else if c < opts.summary_validation && gaps.0 > 0 {
                    work.push((g, (gaps.0 - 1, 0)));
                }
            }
        }
        let _ = check;
        for p in align_passages(&source, &target, &opts) {
            println!(
                "P src {}..{} tgt {}..{} score {:.3} seeds {}",
                p.source_start,
                p.source_end,
                p.target_start,
                p.target_end,
                p.score,
                p.seeds.len()
            );
        }
    }
}
