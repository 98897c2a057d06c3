//! What the attribution tagger sees of each token: its words around it, their attribution
//! classes (see [`super::classes`]), its shape, whether it is inside quotation marks, where
//! its sentence starts and ends, and what wiretrace's rules read there (their source, cue and
//! content spans, and how far the nearest cue is). The source and content taggers also see
//! where the cue tagger put cues.

use super::classes::classes;
use super::perceptron::{bucket, Sequence, O};
use super::tokens::{tokens, Tok};
use wiretrace_parse::Article;
use xxhash_rust::xxh3::xxh3_64;

/// A document as the tagger reads it.
pub(crate) struct Doc {
    /// Its tokens.
    pub(crate) toks: Vec<Tok>,
    /// The sentence of each token (`None` outside the body's sentences, as in a headline).
    pub(crate) sentence: Vec<Option<usize>>,
    /// Whether each token is inside quotation marks.
    pub(crate) quoted: Vec<bool>,
    /// The block (paragraph) of each token's sentence.
    pub(crate) block: Vec<Option<usize>>,
}

/// Reads an article's tokens, sentences and quotations.
pub(crate) fn doc(article: &Article) -> Doc {
    let toks = tokens(&article.text);
    let starts: Vec<usize> = article.sentences.iter().map(|s| s.start).collect();
    let sentence: Vec<Option<usize>> = toks
        .iter()
        .map(|t| {
            let k = starts.partition_point(|&s| s <= t.start);
            k.checked_sub(1).filter(|&k| t.start < article.sentences[k].end)
        })
        .collect();
    let blocks: Vec<Option<usize>> = sentence.iter().map(|s| s.map(|s| article.sentences[s].block)).collect();
    let mut quoted = Vec::with_capacity(toks.len());
    let mut open = false;
    let mut block = None;
    for (t, s) in toks.iter().zip(&sentence) {
        let b = s.map(|s| article.sentences[s].block);
        if b != block {
            open = false;
            block = b;
        }
        match t.lower.as_str() {
            "“" => open = true,
            "”" => open = false,
            "\"" => open = !open,
            _ => {}
        }
        quoted.push(open);
    }
    Doc { toks, sentence, quoted, block: blocks }
}

/// The tokens a character span overlaps, if any.
pub(crate) fn token_range(toks: &[Tok], (s, e): (usize, usize)) -> Option<std::ops::Range<usize>> {
    let first = toks.partition_point(|t| t.end <= s);
    let last = toks.partition_point(|t| t.start < e);
    (first < last).then_some(first..last)
}

/// Token tags `B`/`I`/`O` of character spans: a token is in a span it overlaps; a span inside
/// one already tagged (a quotation within a quotation) is left out.
pub(crate) fn token_tags(toks: &[Tok], spans: &[(usize, usize)]) -> Vec<u8> {
    let mut tags = vec![O; toks.len()];
    let mut spans = spans.to_vec();
    spans.sort_by_key(|&(s, e)| (std::cmp::Reverse(e - s), s));
    for (s, e) in spans {
        let first = toks.partition_point(|t| t.end <= s);
        let last = toks.partition_point(|t| t.start < e);
        if first >= last || tags[first..last].iter().any(|&t| t != O) {
            continue;
        }
        tags[first] = super::perceptron::B;
        tags[first + 1..last].fill(super::perceptron::I);
    }
    tags
}

/// Distance buckets.
fn distance(d: usize) -> &'static [u8] {
    match d {
        0 => b"0",
        1 => b"1",
        2 => b"2",
        3 => b"3",
        4..=6 => b"4-6",
        7..=10 => b"7-10",
        11..=20 => b"11-20",
        _ => b"21+",
    }
}

/// For each token, the distance to the nearest tagged token before and after it in its sentence.
fn nearest(doc: &Doc, tags: &[u8]) -> Vec<(Option<usize>, Option<usize>)> {
    let n = tags.len();
    let mut out = vec![(None, None); n];
    let mut last: Option<usize> = None;
    for i in 0..n {
        if i > 0 && doc.sentence[i] != doc.sentence[i - 1] {
            last = None;
        }
        if tags[i] != O {
            last = Some(i);
        }
        out[i].0 = last.map(|l| i - l);
    }
    last = None;
    for i in (0..n).rev() {
        if i + 1 < n && doc.sentence[i] != doc.sentence[i + 1] {
            last = None;
        }
        if tags[i] != O {
            last = Some(i);
        }
        out[i].1 = last.map(|l| l - i);
    }
    out
}

/// Role names in features.
const ROLE: [&[u8]; 3] = [b"src", b"cue", b"cnt"];

/// The features of every token. `rules` holds the tags of the rules' source, cue and content
/// spans; `cues` the cue tagger's tags, when it has run.
pub(crate) fn sequence(doc: &Doc, rules: &[Vec<u8>; 3], cues: Option<&[u8]>) -> Sequence {
    let n = doc.toks.len();
    let mut buf = Vec::new();
    let word = |i: isize| -> &[u8] {
        if i < 0 {
            b"<s>"
        } else {
            doc.toks.get(i as usize).map_or(b"</s>", |t| t.lower.as_bytes())
        }
    };
    let stems: Vec<String> = doc.toks.iter().map(|t| crate::rules::STEMMER.stem(&t.lower).into_owned()).collect();
    let stem = |i: isize| -> &[u8] {
        if i < 0 {
            b"<s>"
        } else {
            stems.get(i as usize).map_or(b"</s>", |s| s.as_bytes())
        }
    };
    let rule_cue = nearest(doc, &rules[1]);
    let learned_cue = cues.map(|c| nearest(doc, c));
    let mut seq = Sequence { features: Vec::with_capacity(n), words: Vec::with_capacity(n), parts: Vec::new() };
    for i in 0..n {
        let t = &doc.toks[i];
        let k = i as isize;
        let mut f = Vec::with_capacity(48);
        let mut add = |parts: &[&[u8]]| f.push(bucket(parts, &mut buf));
        add(&[b"bias"]);
        add(&[b"w0", word(k)]);
        add(&[b"w-1", word(k - 1)]);
        add(&[b"w+1", word(k + 1)]);
        add(&[b"w-2", word(k - 2)]);
        add(&[b"w+2", word(k + 2)]);
        add(&[b"w-1w0", word(k - 1), word(k)]);
        add(&[b"w0w+1", word(k), word(k + 1)]);
        add(&[b"w-1w0w+1", word(k - 1), word(k), word(k + 1)]);
        let prefix: String = t.lower.chars().take(3).collect();
        add(&[b"pre", prefix.as_bytes()]);
        add(&[b"s0", stem(k)]);
        add(&[b"s-1", stem(k - 1)]);
        add(&[b"s+1", stem(k + 1)]);
        add(&[b"s0s+1", stem(k), stem(k + 1)]);
        add(&[b"s-1s0", stem(k - 1), stem(k)]);
        add(&[b"w0q", word(k), &[u8::from(doc.quoted[i])]]);
        for (at, name) in [(k - 1, b"c-1" as &[u8]), (k, b"c0"), (k + 1, b"c+1")] {
            let classes = usize::try_from(at).ok().and_then(|j| stems.get(j)).map_or(&[][..], |s| classes(s));
            for c in classes {
                add(&[name, c.as_bytes()]);
                if at == k {
                    add(&[b"c0q", c.as_bytes(), &[u8::from(doc.quoted[i])]]);
                    add(&[b"c0w+1", c.as_bytes(), word(k + 1)]);
                    add(&[b"w-1c0", word(k - 1), c.as_bytes()]);
                }
            }
        }
        add(&[b"shape", t.shape.as_bytes()]);
        let suffix: String = t.lower.chars().rev().take(3).collect();
        add(&[b"suf", suffix.as_bytes()]);
        add(&[b"shape-1", doc.toks.get(i.wrapping_sub(1)).map_or(b"<s>", |t| t.shape.as_bytes())]);
        add(&[b"shape+1", doc.toks.get(i + 1).map_or(b"</s>", |t| t.shape.as_bytes())]);
        add(&[b"quoted", &[u8::from(doc.quoted[i])]]);
        let first = i == 0 || doc.sentence[i - 1] != doc.sentence[i];
        if first && i > 0 {
            seq.parts.push(i);
        }
        let last = i + 1 == n || doc.sentence[i + 1] != doc.sentence[i];
        add(&[b"edge", &[u8::from(first), u8::from(last), u8::from(doc.sentence[i].is_some())]]);
        for (r, tags) in rules.iter().enumerate() {
            let at = |j: Option<usize>| j.and_then(|j| tags.get(j)).copied().unwrap_or(9);
            add(&[b"rule0", ROLE[r], &[at(Some(i))]]);
            add(&[b"rule-1", ROLE[r], &[at(i.checked_sub(1))]]);
            add(&[b"rule+1", ROLE[r], &[at(Some(i + 1))]]);
            add(&[b"rule0w0", ROLE[r], &[at(Some(i))], word(k)]);
            add(&[b"rule-1,0", ROLE[r], &[at(i.checked_sub(1)), at(Some(i))]]);
            add(&[b"rule0,+1", ROLE[r], &[at(Some(i)), at(Some(i + 1))]]);
        }
        let (left, right) = rule_cue[i];
        add(&[b"rulecue<", left.map_or(b"none", distance)]);
        add(&[b"rulecue>", right.map_or(b"none", distance)]);
        if let (Some(cues), Some(near)) = (cues, &learned_cue) {
            let at = |j: Option<usize>| j.and_then(|j| cues.get(j)).copied().unwrap_or(9);
            add(&[b"cue0", &[at(Some(i))]]);
            add(&[b"cue-1", &[at(i.checked_sub(1))]]);
            add(&[b"cue+1", &[at(Some(i + 1))]]);
            let (left, right) = near[i];
            add(&[b"cue<", left.map_or(b"none", distance)]);
            add(&[b"cue>", right.map_or(b"none", distance)]);
            add(&[b"cue<>", left.map_or(b"none", distance), right.map_or(b"none", distance)]);
        }
        seq.features.push(f);
        seq.words.push(xxh3_64(t.lower.as_bytes()));
    }
    seq
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learned::perceptron::{B, I};

    #[test]
    fn spans_become_token_tags() {
        let toks = tokens("He said “rain falls” today.");
        // "rain falls" (9..19) and the whole quotation (8..20), which holds it.
        let tags = token_tags(&toks, &[(9, 19), (8, 20), (0, 2)]);
        assert_eq!(tags, vec![B, O, B, I, I, I, O, O]);
    }

    #[test]
    fn quotation_state_resets_with_the_paragraph() {
        let a = wiretrace_parse::parse(
            "q",
            None,
            "He said \"rain.\n\nThen snow fell.".into(),
            wiretrace_parse::Format::Text,
        );
        let d = doc(&a);
        let words: Vec<(&str, bool)> = d.toks.iter().map(|t| t.lower.as_str()).zip(d.quoted.iter().copied()).collect();
        assert!(words.contains(&("rain", true)), "{words:?}");
        assert!(words.contains(&("snow", false)), "{words:?}");
    }
}
