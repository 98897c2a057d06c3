//! An averaged structured perceptron that tags each token of a sequence `O` (outside), `B`
//! (begins a span) or `I` (inside one): the best tags of the whole sequence are found at
//! once (Viterbi), each tag scored with the one before it (Collins 2002).
//! Features are hashed into a fixed number of buckets, so a model has a fixed size whatever
//! the vocabulary of its training text.

use xxhash_rust::xxh3::xxh3_64;

/// Feature buckets.
pub(crate) const BUCKETS: usize = 1 << 20;
/// The labels: outside, begin, inside.
pub(crate) const LABELS: usize = 3;
/// Outside any span.
pub(crate) const O: u8 = 0;
/// The first token of a span.
pub(crate) const B: u8 = 1;
/// A later token of a span.
pub(crate) const I: u8 = 2;

/// The bucket of a feature given as parts (a template name and its values).
pub(crate) fn bucket(parts: &[&[u8]], buf: &mut Vec<u8>) -> u32 {
    buf.clear();
    for p in parts {
        buf.extend_from_slice(p);
        buf.push(0x1f);
    }
    (xxh3_64(buf) % BUCKETS as u64) as u32
}

/// A sequence to tag: the features of each token that do not depend on the tags, and a hash of
/// each token's word for the features that combine it with the previous tag.
#[derive(Debug, Default)]
pub(crate) struct Sequence {
    /// Feature buckets per token.
    pub(crate) features: Vec<Vec<u32>>,
    /// The token's word, hashed.
    pub(crate) words: Vec<u64>,
    /// Where each part tagged on its own (a sentence) begins; none for one part.
    pub(crate) parts: Vec<usize>,
}

impl Sequence {
    /// The token ranges tagged on their own.
    fn ranges(&self) -> Vec<std::ops::Range<usize>> {
        let n = self.features.len();
        let mut starts: Vec<usize> = self.parts.iter().copied().filter(|&p| p < n).collect();
        starts.insert(0, 0);
        starts.dedup();
        let ends = starts.iter().skip(1).copied().chain(std::iter::once(n));
        starts.iter().copied().zip(ends).filter(|(a, b)| a < b).map(|(a, b)| a..b).collect()
    }
}

/// "Before the first token", as a previous tag.
const START: u8 = 9;

/// The features of token `i` that depend on the tag before it.
fn transitions(seq: &Sequence, i: usize, prev: u8, buf: &mut Vec<u8>) -> [u32; 2] {
    [bucket(&[b"t-1", &[prev]], buf), bucket(&[b"t-1w0", &[prev], &seq.words[i].to_le_bytes()], buf)]
}

/// The best label of final scores (`O` on a tie).
fn best(scores: [f32; LABELS]) -> u8 {
    let mut choice = O;
    for l in [B, I] {
        if scores[l as usize] > scores[choice as usize] {
            choice = l;
        }
    }
    choice
}

/// The highest-scoring tags of the tokens `range` of a sequence under weights `w` (Viterbi).
fn decode(w: &[f32], seq: &Sequence, range: std::ops::Range<usize>) -> Vec<u8> {
    let (first, n) = (range.start, range.len());
    if n == 0 {
        return Vec::new();
    }
    let mut buf = Vec::new();
    let mut total = vec![[f32::NEG_INFINITY; LABELS]; n];
    let mut back = vec![[O; LABELS]; n];
    for i in 0..n {
        let own = scores(w, &seq.features[first + i], &[]);
        let prevs: &[u8] = if i == 0 { &[START] } else { &[O, B, I] };
        for &p in prevs {
            let trans = scores(w, &[], &transitions(seq, first + i, p, &mut buf));
            let before = if i == 0 { 0.0 } else { total[i - 1][p as usize] };
            for l in 0..LABELS {
                let v = before + own[l] + trans[l];
                if v > total[i][l] {
                    total[i][l] = v;
                    back[i][l] = p;
                }
            }
        }
    }
    let mut tags = vec![O; n];
    let mut l = best(total[n - 1]);
    for i in (0..n).rev() {
        tags[i] = l;
        l = back[i][l as usize];
    }
    tags
}

/// Trained weights: `BUCKETS x LABELS`.
#[derive(Clone, PartialEq)]
pub(crate) struct Weights {
    pub(crate) w: Vec<f32>,
}

fn scores(w: &[f32], statics: &[u32], dynamic: &[u32]) -> [f32; LABELS] {
    let mut s = [0f32; LABELS];
    for &f in statics.iter().chain(dynamic) {
        let row = &w[f as usize * LABELS..f as usize * LABELS + LABELS];
        for (a, b) in s.iter_mut().zip(row) {
            *a += b;
        }
    }
    s
}

impl Weights {
    /// Tags a sequence.
    pub(crate) fn tag(&self, seq: &Sequence) -> Vec<u8> {
        seq.ranges().into_iter().flat_map(|r| decode(&self.w, seq, r)).collect()
    }
}

/// Learns weights, averaging them over every step (lazily: a weight's running total is brought
/// up to date only when it changes).
pub(crate) struct Trainer {
    w: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u64>,
    step: u64,
    buf: Vec<u8>,
}

impl Trainer {
    /// A trainer with every weight zero.
    pub(crate) fn new() -> Self {
        let n = BUCKETS * LABELS;
        Self { w: vec![0.0; n], totals: vec![0.0; n], stamps: vec![0; n], step: 0, buf: Vec::new() }
    }

    fn nudge(&mut self, f: u32, label: u8, by: f32) {
        let p = f as usize * LABELS + label as usize;
        self.totals[p] += (self.step - self.stamps[p]) as f64 * f64::from(self.w[p]);
        self.stamps[p] = self.step;
        self.w[p] += by;
    }

    /// Tags one sequence with the current weights and moves them towards the gold tags where
    /// the two differ: the features of the gold tags gain, those of the wrong ones lose.
    pub(crate) fn learn(&mut self, seq: &Sequence, gold: &[u8]) {
        let n = seq.features.len().min(gold.len());
        for range in seq.ranges() {
            let range = range.start.min(n)..range.end.min(n);
            self.step += 1;
            let guess = decode(&self.w, seq, range.clone());
            let mut buf = std::mem::take(&mut self.buf);
            for (k, i) in range.clone().enumerate() {
                let (want, got) = (gold[i], guess[k]);
                let (want_prev, got_prev) = if k == 0 { (START, START) } else { (gold[i - 1], guess[k - 1]) };
                if want != got {
                    for &f in &seq.features[i] {
                        self.nudge(f, want, 1.0);
                        self.nudge(f, got, -1.0);
                    }
                }
                if (want_prev, want) != (got_prev, got) {
                    for f in transitions(seq, i, want_prev, &mut buf) {
                        self.nudge(f, want, 1.0);
                    }
                    for f in transitions(seq, i, got_prev, &mut buf) {
                        self.nudge(f, got, -1.0);
                    }
                }
            }
            self.buf = buf;
        }
    }

    /// The averaged weights.
    pub(crate) fn finish(mut self) -> Weights {
        let step = self.step.max(1) as f64;
        for p in 0..self.w.len() {
            self.totals[p] += (self.step - self.stamps[p]) as f64 * f64::from(self.w[p]);
            self.w[p] = (self.totals[p] / step) as f32;
        }
        Weights { w: self.w }
    }
}

/// Token spans of the tags: a span begins at `B` and runs over the `I`s after it.
pub(crate) fn spans(tags: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, &t) in tags.iter().enumerate() {
        if t != I {
            if let Some(s) = open.take() {
                out.push((s, i));
            }
        }
        if t == B || (t == I && open.is_none()) {
            open = Some(i);
        }
    }
    if let Some(s) = open {
        out.push((s, tags.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seq(words: &[&str]) -> Sequence {
        let mut buf = Vec::new();
        let mut s = Sequence::default();
        for (i, w) in words.iter().enumerate() {
            let prev = if i > 0 { words[i - 1] } else { "<s>" };
            s.features.push(vec![
                bucket(&[b"bias"], &mut buf),
                bucket(&[b"w0", w.as_bytes()], &mut buf),
                bucket(&[b"w-1", prev.as_bytes()], &mut buf),
            ]);
            s.words.push(xxh3_64(w.as_bytes()));
        }
        s
    }

    #[test]
    fn learns_spans_after_a_cue_word() {
        // The span is whatever follows "says" up to the full stop.
        let data = [
            (vec!["he", "says", "rain", "falls", "."], vec![O, O, B, I, O]),
            (vec!["she", "says", "snow", "."], vec![O, O, B, O]),
            (vec!["rain", "falls", "."], vec![O, O, O]),
            (vec!["they", "says", "snow", "falls", "today", "."], vec![O, O, B, I, I, O]),
        ];
        let mut t = Trainer::new();
        for _ in 0..10 {
            for (w, g) in &data {
                t.learn(&seq(w), g);
            }
        }
        let w = t.finish();
        assert_eq!(w.tag(&seq(&["we", "says", "rain", "."])), vec![O, O, B, O]);
        // A word never seen is in a span after "says" and nowhere else.
        assert_eq!(w.tag(&seq(&["we", "says", "hail", "."])), vec![O, O, B, O]);
        assert_eq!(w.tag(&seq(&["hail", "falls", "."])), vec![O, O, O]);
    }

    #[test]
    fn each_part_is_tagged_on_its_own() {
        let mut s = seq(&["a", "b", "c", "d", "e", "f", "g"]);
        assert_eq!(s.ranges(), vec![0..7]);
        s.parts = vec![2, 5];
        assert_eq!(s.ranges(), vec![0..2, 2..5, 5..7]);
        s.parts = vec![0, 7, 9];
        assert_eq!(s.ranges(), vec![0..7]);
    }

    #[test]
    fn spans_from_tags() {
        assert_eq!(spans(&[O, B, I, O, B, B, I]), vec![(1, 3), (4, 5), (5, 7)]);
        assert_eq!(spans(&[I, O, I]), vec![(0, 1), (2, 3)]);
    }
}
