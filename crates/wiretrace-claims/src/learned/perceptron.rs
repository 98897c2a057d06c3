//! An averaged perceptron that tags each token of a sequence `O` (outside), `B` (begins a span)
//! or `I` (inside one), left to right, each decision seeing the ones before it (Collins 2002).
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
}

/// The features that depend on the tags already given.
fn history(seq: &Sequence, i: usize, tags: &[u8], buf: &mut Vec<u8>) -> [u32; 3] {
    let prev = if i > 0 { tags[i - 1] } else { 9 };
    let prev2 = if i > 1 { tags[i - 2] } else { 9 };
    [
        bucket(&[b"t-1", &[prev]], buf),
        bucket(&[b"t-2t-1", &[prev2, prev]], buf),
        bucket(&[b"t-1w0", &[prev], &seq.words[i].to_le_bytes()], buf),
    ]
}

/// The best label (`O` on a tie).
fn best(scores: [f32; LABELS]) -> u8 {
    let mut choice = O;
    for l in [B, I] {
        if scores[l as usize] > scores[choice as usize] {
            choice = l;
        }
    }
    choice
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
        let mut buf = Vec::new();
        let mut tags = Vec::with_capacity(seq.features.len());
        for i in 0..seq.features.len() {
            let dynamic = history(seq, i, &tags, &mut buf);
            let s = scores(&self.w, &seq.features[i], &dynamic);
            tags.push(best(s));
        }
        tags
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

    /// Tags one sequence with the current weights and corrects them where a tag is wrong.
    pub(crate) fn learn(&mut self, seq: &Sequence, gold: &[u8]) {
        let mut tags: Vec<u8> = Vec::with_capacity(gold.len());
        for (i, &want) in gold.iter().enumerate().take(seq.features.len()) {
            self.step += 1;
            let mut buf = std::mem::take(&mut self.buf);
            let dynamic = history(seq, i, &tags, &mut buf);
            self.buf = buf;
            let guess = best(scores(&self.w, &seq.features[i], &dynamic));
            if guess != want {
                for &f in seq.features[i].iter().chain(&dynamic) {
                    self.nudge(f, want, 1.0);
                    self.nudge(f, guess, -1.0);
                }
            }
            tags.push(guess);
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
            s.features
                .push(vec![bucket(&[b"w0", w.as_bytes()], &mut buf), bucket(&[b"w-1", prev.as_bytes()], &mut buf)]);
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
        assert_eq!(w.tag(&seq(&["snow", "falls", "."])), vec![O, O, O]);
    }

    #[test]
    fn spans_from_tags() {
        assert_eq!(spans(&[O, B, I, O, B, B, I]), vec![(1, 3), (4, 5), (5, 7)]);
        assert_eq!(spans(&[I, O, I]), vec![(0, 1), (2, 3)]);
    }
}
