//! The content of each cue, tagged cue by cue: one sequence per cue, over the paragraph that
//! holds it, whose tokens carry besides their own features where they stand from that cue
//! (before, in or after it, how far, across how many other cues, in the same sentence or not,
//! inside quotation marks or not). A sentence with two attributions ("X said A, adding that
//! B") thus gets two contents, each its own cue's, and a quotation broken by its cue ("“A,”
//! she said. “B.”") can be read whole, as annotators mark it.

use super::features::Doc;
use super::perceptron::{bucket, spans, Sequence, Weights, B, O};
use std::ops::Range;

/// How many tokens on each side of a cue its content is looked for in, at most.
const REACH: usize = 150;

/// Distance buckets, in tokens: wider than the sentence tagger's (`features::distance`), as a
/// cue's content may lie anywhere in its paragraph.
fn distance(d: usize) -> &'static [u8] {
    match d {
        0 => b"0",
        1 => b"1",
        2 => b"2",
        3..=4 => b"3-4",
        5..=8 => b"5-8",
        9..=16 => b"9-16",
        17..=32 => b"17-32",
        _ => b"33+",
    }
}

/// The tokens a cue's content is looked for in: the cue's paragraph, within [`REACH`].
pub(crate) fn window(doc: &Doc, cue: &Range<usize>) -> Range<usize> {
    let block = doc.block[cue.start];
    let low = cue.start.saturating_sub(REACH);
    let high = (cue.end + REACH).min(doc.toks.len());
    let mut start = cue.start;
    while start > low && doc.block[start - 1] == block {
        start -= 1;
    }
    let mut end = cue.end;
    while end < high && doc.block[end] == block {
        end += 1;
    }
    start..end
}

/// The cues a tagger's tags mark, as token ranges.
pub(crate) fn cue_ranges(tags: &[u8]) -> Vec<Range<usize>> {
    spans(tags).into_iter().map(|(a, b)| a..b).collect()
}

/// The sequence of one cue: the tokens of its window with their features (`base`, the
/// features of the whole document) and their place from the cue. `cues` are the tags of
/// every cue of the document.
pub(crate) fn sequence(doc: &Doc, base: &Sequence, cues: &[u8], cue: &Range<usize>) -> (Range<usize>, Sequence) {
    let win = window(doc, cue);
    let mut buf = Vec::new();
    let head = doc.toks[cue.start].lower.as_bytes();
    let tail = doc.toks[cue.end - 1].lower.as_bytes();
    let sentence = doc.sentence[cue.start];
    let cue_quoted = doc.quoted[cue.start];
    let mut seq =
        Sequence { features: Vec::with_capacity(win.len()), words: Vec::with_capacity(win.len()), parts: Vec::new() };
    for i in win.clone() {
        let (dir, gap): (&[u8], usize) = if i < cue.start {
            (b"<", cue.start - i)
        } else if i >= cue.end {
            (b">", i + 1 - cue.end)
        } else {
            (b"=", 0)
        };
        // Other cues begun between the token and this cue.
        let between = if i < cue.start {
            cues[i + 1..cue.start].iter().filter(|&&t| t == B).count()
        } else if i >= cue.end {
            cues[cue.end..i].iter().filter(|&&t| t == B).count()
        } else {
            0
        };
        let between: &[u8] = match between {
            0 => b"0",
            1 => b"1",
            _ => b"2+",
        };
        let same = [u8::from(doc.sentence[i] == sentence)];
        let quoted = [u8::from(doc.quoted[i]), u8::from(cue_quoted)];
        let first = i == 0 || doc.sentence[i - 1] != doc.sentence[i];
        let last = i + 1 == doc.toks.len() || doc.sentence[i + 1] != doc.sentence[i];
        let edge = [u8::from(first), u8::from(last)];
        let word = doc.toks[i].lower.as_bytes();
        let mut f = base.features[i].clone();
        let mut add = |parts: &[&[u8]]| f.push(bucket(parts, &mut buf));
        add(&[b"L-dir", dir]);
        add(&[b"L-dist", dir, distance(gap)]);
        add(&[b"L-w0", dir, word]);
        add(&[b"L-same", dir, &same]);
        add(&[b"L-between", dir, between]);
        add(&[b"L-between-same", dir, between, &same]);
        add(&[b"L-quoted", dir, &quoted]);
        add(&[b"L-quoted-between", dir, &quoted, between]);
        add(&[b"L-edge", dir, &edge, &same]);
        add(&[b"L-head", dir, head]);
        add(&[b"L-head-dist", dir, head, distance(gap)]);
        add(&[b"L-tail", dir, tail]);
        add(&[b"L-tail-w0", dir, tail, word]);
        add(&[b"L-cue0", dir, &[cues[i]]]);
        seq.features.push(f);
        seq.words.push(base.words[i]);
    }
    (win, seq)
}

/// The content a cue's tags mark, as a token range: the span nearest the cue.
pub(crate) fn content_of(win: &Range<usize>, tags: &[u8], cue: &Range<usize>) -> Option<Range<usize>> {
    let gap = |r: &Range<usize>| {
        if r.end <= cue.start {
            cue.start - r.end
        } else {
            r.start.saturating_sub(cue.end)
        }
    };
    spans(tags).into_iter().map(|(a, b)| win.start + a..win.start + b).min_by_key(gap)
}

/// The contents of a document's cues (`cues`, tags), one per cue where the tagger finds one.
pub(crate) fn tag(w: &Weights, doc: &Doc, base: &Sequence, cues: &[u8]) -> Vec<(Range<usize>, Option<Range<usize>>)> {
    cue_ranges(cues)
        .into_iter()
        .map(|cue| {
            let (win, seq) = sequence(doc, base, cues, &cue);
            let content = content_of(&win, &w.tag(&seq), &cue);
            (cue, content)
        })
        .collect()
}

/// Gold tags of a window: `O`, with the content tagged where there is one.
pub(crate) fn gold_tags(win: &Range<usize>, content: Option<&Range<usize>>) -> Vec<u8> {
    let mut tags = vec![O; win.len()];
    if let Some(c) = content {
        let (a, b) = (c.start.max(win.start), c.end.min(win.end));
        if a < b {
            tags[a - win.start] = B;
            tags[a - win.start + 1..b - win.start].fill(super::perceptron::I);
        }
    }
    tags
}
