//! Synthetic wire stories and their rewrites, with known ground truth, for evaluation at any
//! scale (`wiretrace synth`).
//!
//! Stories are written in an invented language ([`language`]): made-up content words with a
//! Zipf distribution of use and topic vocabularies, English function words, and each story's
//! own names, numbers and salient words. So different stories share what real ones do (common
//! words, a topic's words) and not their sentences, and a corpus of a million articles has a
//! million articles' worth of distinct text.
//!
//! An outlet's version of a story applies, with recorded provenance, what outlets do to wire
//! copy: keep a sentence verbatim, edit a few words, rewrite it (synonyms, moved attribution
//! and phrases), merge two sentences, split one, drop sentences, move one out of order, add
//! material of its own (about the same story), change a number, and wrap the story in the
//! outlet's boilerplate. How heavily each version rewrites varies around `rewrite`.

mod language;
mod rewrite;

use serde::Serialize;
use wiretrace_similarity::minhash::mix64;

use language::{language, proper_name, render, StoryModel, Token};

/// A small deterministic random generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix64(self.0)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// How a version's sentence came from the wire.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Provenance {
    /// Index of the sentence in the version's body.
    pub sentence: usize,
    /// Wire sentences it comes from (empty for added material).
    pub wire: Vec<usize>,
    /// `verbatim`, `edited`, `paraphrase`, `merged`, `split` or `added`.
    pub kind: &'static str,
    /// The version moved it out of the wire's order.
    pub moved: bool,
    /// The version changed a number in it.
    pub number_changed: bool,
}

/// One generated article.
#[derive(Debug, Clone, Serialize)]
pub struct SynthArticle {
    /// Identifier.
    pub id: String,
    /// The story it tells (the cluster it belongs to).
    pub story: String,
    /// `wire` or an outlet's identifier.
    pub outlet: String,
    /// The version this one was rewritten from, when not the wire's (another outlet's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// The article text (headline, blank line, body paragraphs; boilerplate for outlets).
    pub text: String,
    /// The body sentences, as written (the wire's, or the version's).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sentences: Vec<String>,
    /// Provenance of each body sentence (for outlets).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub truth: Vec<Provenance>,
    /// Whether the wire's version (the source) is this article.
    pub is_wire: bool,
    /// Publication date (ISO 8601), with [`SynthOptions::dates`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// Settings of the generator.
#[derive(Debug, Clone, Copy)]
pub struct SynthOptions {
    /// Mean number of outlet versions per story (besides the wire); each story has from 1 to
    /// `2 * versions - 1`.
    pub versions: usize,
    /// Whether the wire itself is in the output.
    pub include_wire: bool,
    /// How heavily outlets rewrite, on average: 0 copies, 1 rewrites nearly everything.
    pub rewrite: f64,
    /// Length of the wire story in words (about).
    pub words: usize,
    /// Number of outlets versions are drawn from.
    pub outlets: usize,
    /// Whether articles carry their sentences and provenance (off for large clustering runs).
    pub truth: bool,
    /// Chance that a version is rewritten from an earlier outlet's version of the story
    /// instead of the wire (a copy of a copy).
    pub derived: f64,
    /// Whether articles carry a publication date: each story falls on a day of 2025, its
    /// versions up to three days later (a copy of a copy no earlier than its parent).
    pub dates: bool,
    /// Whether each outlet keeps a house style: how heavily it rewrites is a property of the
    /// outlet (from a tenth to twice `rewrite`), not drawn afresh for each version.
    pub outlet_styles: bool,
}

impl Default for SynthOptions {
    fn default() -> Self {
        Self {
            versions: 4,
            include_wire: true,
            rewrite: 0.5,
            words: 600,
            outlets: 200,
            truth: true,
            derived: 0.0,
            dates: false,
            outlet_styles: false,
        }
    }
}

/// An outlet's lines printed around every story it runs.
fn outlet_boilerplate(outlet: usize) -> Vec<String> {
    let mut rng = Rng::new(mix64(0xB0_11E7 ^ outlet as u64));
    let name = format!("{} {}", proper_name(&mut rng, 2), rng.pick(&["Times", "Post", "Herald", "Daily", "News"]));
    vec![
        format!("Sign up for the {name} newsletter"),
        "Share this article: Facebook | X | Email".to_string(),
        "Advertisement".to_string(),
        format!("© 2025 {name}. All rights reserved."),
        format!("Read more: {} {} {}", proper_name(&mut rng, 2), proper_name(&mut rng, 3), proper_name(&mut rng, 2)),
        "Most read".to_string(),
    ]
}

/// Generates story number `story` (the same number and seed always give the same articles).
pub fn story(seed: u64, story: usize, opts: &SynthOptions) -> Vec<SynthArticle> {
    let lang = language();
    let mut rng = Rng::new(mix64(seed ^ (story as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)));
    let model = StoryModel::new(&mut rng, lang);
    let count = (opts.words / 20).max(3);
    let wire: Vec<Vec<Token>> = (0..count).map(|_| model.sentence(&mut rng, lang)).collect();
    let head_tokens = model.headline(&mut rng, lang);
    let headline = render(&head_tokens, lang).trim_end_matches('.').to_string();
    let sid = format!("s{story}");
    let mut out = Vec::new();
    let place = model.places[0].clone();
    // Dates come from a stream of their own, so that turning them on changes nothing else.
    let mut date_rng = Rng::new(mix64(seed ^ (story as u64).wrapping_mul(0xD1B5_4A32_D192_ED03) ^ 0xDA7E));
    let day = date_rng.below(365) as u64;
    let date_of = |lag: u64| opts.dates.then(|| synth_date(day + lag));
    let mut lags: Vec<u64> = Vec::new();
    if opts.include_wire {
        let body: Vec<String> = wire.iter().map(|s| render(s, lang)).collect();
        let mut text = format!("{headline}\n\n{} (Example Wire) – ", place.to_uppercase());
        text += &paragraphs(&body, &mut rng);
        out.push(SynthArticle {
            id: format!("{sid}-wire"),
            story: sid.clone(),
            outlet: "wire".into(),
            parent: None,
            text,
            sentences: if opts.truth { body } else { Vec::new() },
            truth: Vec::new(),
            is_wire: true,
            date: date_of(0),
        });
    }
    let versions = if opts.versions == 0 { 0 } else { 1 + rng.below(2 * opts.versions - 1) };
    let mut bodies: Vec<Vec<(Vec<Token>, Provenance)>> = Vec::new();
    for v in 0..versions {
        let outlet = rng.below(opts.outlets.max(1));
        let spread = rng.unit();
        let rewrite = if opts.outlet_styles {
            (opts.rewrite * outlet_style(outlet) * (0.75 + 0.5 * spread)).clamp(0.0, 1.0)
        } else {
            (opts.rewrite * (0.5 + spread)).clamp(0.0, 1.0)
        };
        let parent = (v > 0 && rng.chance(opts.derived)).then(|| rng.below(v));
        let lag = match parent {
            None => date_rng.below(4) as u64,
            Some(p) => lags[p] + date_rng.below(2) as u64,
        };
        lags.push(lag);
        let sentences = match parent {
            None => version(&wire, &model, rewrite, &mut rng),
            Some(p) => {
                // A light rewrite of another outlet's version.
                let tokens: Vec<Vec<Token>> = bodies[p].iter().map(|(t, _)| t.clone()).collect();
                let provenance: Vec<Provenance> = bodies[p].iter().map(|(_, pr)| pr.clone()).collect();
                version(&tokens, &model, rewrite * 0.3, &mut rng)
                    .into_iter()
                    .map(|(t, own)| (t, through(&provenance, &own)))
                    .collect()
            }
        };
        let body: Vec<String> = sentences.iter().map(|(t, _)| render(t, lang)).collect();
        let truth: Vec<Provenance> = sentences.iter().map(|(_, p)| p.clone()).collect();
        bodies.push(sentences);
        let mut lines: Vec<String> = Vec::new();
        let boiler = outlet_boilerplate(outlet);
        if rng.chance(0.5) {
            lines.push(boiler[0].clone());
        }
        lines.push(if rng.chance(0.5) {
            headline.clone()
        } else {
            render(&rewrite::edit(&head_tokens, &mut rng, lang), lang).trim_end_matches('.').to_string()
        });
        let mut text = lines.join("\n\n") + "\n\n";
        let mut paras = Vec::new();
        let mut k = 0;
        while k < body.len() {
            let take = 1 + rng.below(2);
            paras.push(body[k..(k + take).min(body.len())].join(" "));
            if rng.chance(0.12) {
                paras.push(rng.pick(&boiler[1..]).clone());
            }
            k += take;
        }
        paras.push(boiler[3].clone());
        text += &paras.join("\n\n");
        text.push('\n');
        out.push(SynthArticle {
            id: format!("{sid}-v{v}"),
            story: sid.clone(),
            outlet: format!("outlet{outlet}"),
            parent: parent.map(|p| format!("{sid}-v{p}")),
            text,
            sentences: if opts.truth { body } else { Vec::new() },
            truth: if opts.truth { truth } else { Vec::new() },
            is_wire: false,
            date: date_of(lag),
        });
    }
    out
}

/// How heavily an outlet with a house style rewrites, as a multiple of the corpus's `rewrite`
/// (from 0.1 to 2).
fn outlet_style(outlet: usize) -> f64 {
    let mut rng = Rng::new(mix64(0x57_11E ^ outlet as u64));
    0.1 + 1.9 * rng.unit()
}

/// The date `day` days after 1 January 2025, as YYYY-MM-DD.
fn synth_date(day: u64) -> String {
    // Days in each month of 2025 and 2026 (neither is a leap year).
    const MONTHS: [u64; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let (mut year, mut rest) = (2025, day);
    while rest >= 365 {
        rest -= 365;
        year += 1;
    }
    let mut month = 0;
    while rest >= MONTHS[month] {
        rest -= MONTHS[month];
        month += 1;
    }
    format!("{year}-{:02}-{:02}", month + 1, rest + 1)
}

fn paragraphs(sentences: &[String], rng: &mut Rng) -> String {
    let mut paras = Vec::new();
    let mut k = 0;
    while k < sentences.len() {
        let take = 1 + rng.below(2);
        paras.push(sentences[k..(k + take).min(sentences.len())].join(" "));
        k += take;
    }
    paras.join("\n\n") + "\n"
}

/// One outlet's body: its sentences and their provenance.
fn version(wire: &[Vec<Token>], model: &StoryModel, rewrite: f64, rng: &mut Rng) -> Vec<(Vec<Token>, Provenance)> {
    let lang = language();
    let mut keep: Vec<usize> = (0..wire.len()).filter(|&i| i == 0 || !rng.chance(0.05 + 0.4 * rewrite)).collect();
    let mut moved = vec![false; wire.len()];
    if rng.chance(0.6 * rewrite) && keep.len() > 4 {
        let from = 1 + rng.below(keep.len() - 1);
        let to = 1 + rng.below(keep.len() - 1);
        if from.abs_diff(to) > 1 {
            let s = keep.remove(from);
            moved[s] = true;
            keep.insert(to, s);
        }
    }
    let mut sentences: Vec<Vec<Token>> = keep.iter().map(|&i| wire[i].clone()).collect();
    let mut number_changed = vec![false; keep.len()];
    if rng.chance(0.3) {
        let from = *rng.pick(&model.numbers);
        let to = from + 1 + rng.below(from as usize / 5 + 9) as u32;
        for (k, s) in sentences.iter_mut().enumerate() {
            number_changed[k] = rewrite::change_number(s, from, to);
        }
    }
    let mut out: Vec<(Vec<Token>, Provenance)> = Vec::new();
    let mut push = |tokens: &[Token], wire: Vec<usize>, kind: &'static str, moved: bool, nc: bool| {
        let p = Provenance { sentence: out.len(), wire, kind, moved, number_changed: nc };
        out.push((tokens.to_vec(), p));
    };
    let p_para = 0.6 * rewrite;
    let p_edit = (0.15 + 0.5 * rewrite).min(0.95 - p_para);
    let mut i = 0;
    while i < keep.len() {
        let (w, s) = (keep[i], &sentences[i]);
        let roll = rng.unit();
        if roll < 0.08 * rewrite && i + 1 < keep.len() && !moved[w] && !moved[keep[i + 1]] {
            let merged = rewrite::merge(s, &sentences[i + 1]);
            push(&merged, vec![w, keep[i + 1]], "merged", false, number_changed[i] || number_changed[i + 1]);
            i += 2;
            continue;
        }
        let (tokens, kind) = if roll < 0.08 * rewrite + p_para {
            (rewrite::paraphrase(s, rng, lang), "paraphrase")
        } else if roll < 0.08 * rewrite + p_para + p_edit {
            (rewrite::edit(s, rng, lang), "edited")
        } else {
            (s.clone(), "verbatim")
        };
        let kind = if kind == "verbatim" && number_changed[i] { "edited" } else { kind };
        match rewrite::split(&tokens).filter(|_| kind != "verbatim" && rng.chance(0.15 * rewrite)) {
            Some((a, b)) => {
                push(&a, vec![w], "split", moved[w], number_changed[i]);
                push(&b, vec![w], "split", moved[w], number_changed[i]);
            }
            None => push(&tokens, vec![w], kind, moved[w], number_changed[i]),
        }
        if rng.chance(0.04 + 0.12 * rewrite) {
            push(&model.sentence(rng, lang), Vec::new(), "added", false, false);
        }
        i += 1;
    }
    out
}

/// The provenance of a sentence of a version derived from another outlet's version: through
/// the parent's sentences back to the wire.
fn through(parents: &[Provenance], own: &Provenance) -> Provenance {
    let Some(parent) = own.wire.first().map(|&k| &parents[k]) else {
        return own.clone();
    };
    let strength = |k: &str| match k {
        "verbatim" => 0,
        "edited" => 1,
        "paraphrase" => 2,
        _ => 3,
    };
    let kind = match (parent.kind, own.kind) {
        (_, "added") | ("added", _) => "added",
        (p, _) if strength(p) == 3 => p,
        (_, o) if strength(o) == 3 => o,
        (p, o) => {
            if strength(p) >= strength(o) {
                p
            } else {
                o
            }
        }
    };
    Provenance {
        sentence: own.sentence,
        wire: if kind == "added" {
            Vec::new()
        } else {
            let mut w: Vec<usize> = own.wire.iter().flat_map(|&k| parents[k].wire.iter().copied()).collect();
            w.sort_unstable();
            w.dedup();
            w
        },
        kind,
        moved: own.moved || parent.moved,
        number_changed: own.number_changed || parent.number_changed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stories_are_deterministic_and_distinct() {
        let opts = SynthOptions::default();
        let a = story(1, 0, &opts);
        let b = story(1, 0, &opts);
        assert_eq!(a.iter().map(|x| &x.text).collect::<Vec<_>>(), b.iter().map(|x| &x.text).collect::<Vec<_>>());
        assert!(a.len() >= 2);
        assert_ne!(story(1, 1, &opts)[0].text, a[0].text);
        for v in &a[1..] {
            assert_eq!(v.truth.len(), v.sentences.len());
            assert!(v.truth.iter().all(|p| (p.kind == "added") == p.wire.is_empty()));
        }
    }

    #[test]
    fn wire_length_follows_the_option() {
        let opts = SynthOptions { words: 600, ..Default::default() };
        let words = story(3, 7, &opts)[0].text.split_whitespace().count();
        assert!((450..=800).contains(&words), "{words} words");
    }

    #[test]
    fn verbatim_sentences_are_the_wires() {
        let opts = SynthOptions { rewrite: 0.3, ..Default::default() };
        for s in 0..20 {
            let arts = story(5, s, &opts);
            let wire = &arts[0].sentences;
            for v in &arts[1..] {
                for (p, text) in v.truth.iter().zip(&v.sentences) {
                    if p.kind == "verbatim" {
                        assert_eq!(text, &wire[p.wire[0]]);
                    } else if p.kind == "edited" || p.kind == "paraphrase" {
                        assert_ne!(text, &wire[p.wire[0]]);
                    }
                }
            }
        }
    }
}
