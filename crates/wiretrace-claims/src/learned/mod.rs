//! Attribution read by a model trained on annotated articles, for those who have such
//! articles: source, cue and content spans in BRAT standoff, as in PolNeAR.
//!
//! Three taggers (averaged structured perceptrons, one per role, labelling a sequence's
//! tokens together) read each token with its neighbours and with what wiretrace's rules read
//! around it, so they learn the cues, sources and contents the rules miss ("called for", "in
//! a statement", beliefs the annotators mark) and where the rules' spans end too early or
//! too late. The cue tagger runs first, sentence by sentence; the source tagger also sees its
//! cues; the content tagger reads each cue's paragraph once per cue, and tags that cue's
//! content. Each cue is then given the nearest source of its sentence and its content (see
//! [`extract_article_learned`]).
//!
//! wiretrace ships no trained model: PolNeAR, the annotated corpus it is evaluated on, carries
//! no licence to redistribute what is learned from it. `wiretrace train attribution` trains one from
//! the annotated articles at hand, and `wiretrace eval polnear --folds K` measures the
//! approach by cross-validation.

mod assemble;
mod classes;
mod features;
mod linked;
mod perceptron;
mod store;
mod tokens;

pub use assemble::extract_article_learned;

use crate::model::{Claim, ClaimDetail};
use features::{doc, sequence, token_range, token_tags};
use perceptron::{Trainer, Weights};
use serde::{Deserialize, Serialize};
use wiretrace_parse::Article;

/// Character spans of the three roles of attribution, as code-point ranges into an article's
/// text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoleSpans {
    /// Who is credited.
    pub sources: Vec<(usize, usize)>,
    /// The words that credit them ("said", "according to").
    pub cues: Vec<(usize, usize)>,
    /// What is credited to them.
    pub contents: Vec<(usize, usize)>,
    /// Which content each cue credits: (index in `cues`, index in `contents`). A cue with no
    /// content has none.
    pub links: Vec<(usize, usize)>,
}

/// An article with its annotated attribution spans.
#[derive(Debug, Clone)]
pub struct Annotated {
    /// The parsed article.
    pub article: Article,
    /// Its annotated spans.
    pub spans: RoleSpans,
}

/// A trained attribution model: one tagger per role.
#[derive(Clone, PartialEq)]
pub struct AttributionModel {
    source: Weights,
    cue: Weights,
    content: Weights,
    info: ModelInfo,
}

/// How a model was made, as recorded in its file and in the reports it is used for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModelInfo {
    /// The version of `wiretrace-claims` that trained it. Its rules' spans are among the
    /// model's features, so another version's rules read with it give other results.
    pub claims_version: String,
    /// Passes over the training articles.
    pub epochs: usize,
    /// Seed of the order of the articles.
    pub seed: u64,
    /// Annotated articles it was trained on.
    pub articles: usize,
    /// A hash of the model (XXH3, 64 bits, hexadecimal) that tells models apart.
    pub fingerprint: String,
}

impl std::fmt::Debug for AttributionModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let used = |w: &Weights| w.w.iter().filter(|&&x| x != 0.0).count();
        f.debug_struct("AttributionModel")
            .field("info", &self.info)
            .field("source_weights", &used(&self.source))
            .field("cue_weights", &used(&self.cue))
            .field("content_weights", &used(&self.content))
            .finish()
    }
}

/// How a model is trained.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrainOptions {
    /// Passes over the training articles.
    pub epochs: usize,
    /// Seed of the order in which the articles are read in each pass.
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        Self { epochs: 10, seed: 1 }
    }
}

/// The rules' spans of an article, by role, from its claims.
fn rule_spans(claims: &[Claim]) -> RoleSpans {
    let mut out = RoleSpans::default();
    for claim in claims {
        if let ClaimDetail::Attribution { source, cue, content } = &claim.detail {
            out.sources.push((source.span.start, source.span.end));
            out.cues.push((cue.start, cue.end));
            if let Some(c) = content {
                out.contents.push((c.start, c.end));
            }
        }
    }
    out
}

/// An article read for tagging: its tokens and the rules' tags.
struct Prepared {
    doc: features::Doc,
    rules: [Vec<u8>; 3],
}

fn prepare(article: &Article, claims: &[Claim]) -> Prepared {
    let d = doc(article);
    let r = rule_spans(claims);
    let rules = [token_tags(&d.toks, &r.sources), token_tags(&d.toks, &r.cues), token_tags(&d.toks, &r.contents)];
    Prepared { doc: d, rules }
}

/// A permutation of `0..n` from a seed (xorshift, Fisher–Yates), the same on every machine.
fn shuffled(n: usize, seed: &mut u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        order.swap(i, (*seed % (i as u64 + 1)) as usize);
    }
    order
}

fn train_tagger(seqs: &[perceptron::Sequence], gold: &[Vec<u8>], options: TrainOptions) -> Weights {
    let mut trainer = Trainer::new();
    let mut seed = options.seed.max(1);
    for _ in 0..options.epochs {
        for i in shuffled(seqs.len(), &mut seed) {
            trainer.learn(&seqs[i], &gold[i]);
        }
    }
    trainer.finish()
}

impl AttributionModel {
    /// Trains a model on annotated articles.
    ///
    /// # Errors
    /// When there is no article to learn from, a role has no annotated span in any of them,
    /// or `options.epochs` is 0.
    pub fn train(docs: &[Annotated], options: TrainOptions) -> Result<Self, String> {
        if docs.is_empty() {
            return Err("no annotated article to train on".into());
        }
        if options.epochs == 0 {
            return Err("a model needs at least one pass over the articles (epochs 0)".into());
        }
        for (role, spans) in [
            ("source", docs.iter().map(|d| d.spans.sources.len()).sum::<usize>()),
            ("cue", docs.iter().map(|d| d.spans.cues.len()).sum()),
            ("content", docs.iter().map(|d| d.spans.contents.len()).sum()),
        ] {
            if spans == 0 {
                return Err(format!(
                    "no {role} span in the {} annotated articles: a model learns all three roles",
                    docs.len()
                ));
            }
        }
        if docs.iter().all(|d| d.spans.links.is_empty()) {
            return Err(format!(
                "no cue is linked to its content in the {} annotated articles: a model learns each cue's content \
                 from the relations",
                docs.len()
            ));
        }
        let prepared: Vec<Prepared> =
            docs.iter().map(|d| prepare(&d.article, &crate::extract::extract_article(&d.article))).collect();
        let gold = |f: fn(&RoleSpans) -> &Vec<(usize, usize)>| -> Vec<Vec<u8>> {
            docs.iter().zip(&prepared).map(|(d, p)| token_tags(&p.doc.toks, f(&d.spans))).collect()
        };
        let first: Vec<_> = prepared.iter().map(|p| sequence(&p.doc, &p.rules, None)).collect();
        let cue = train_tagger(&first, &gold(|s| &s.cues), options);
        let cues: Vec<Vec<u8>> = first.iter().map(|s| cue.tag(s)).collect();
        drop(first);
        let second: Vec<_> = prepared.iter().zip(&cues).map(|(p, c)| sequence(&p.doc, &p.rules, Some(c))).collect();
        let source = train_tagger(&second, &gold(|s| &s.sources), options);
        // One sequence per annotated cue, with its content.
        let (mut per_cue, mut per_cue_gold) = (Vec::new(), Vec::new());
        for ((d, p), (base, c)) in docs.iter().zip(&prepared).zip(second.iter().zip(&cues)) {
            for (k, &cue) in d.spans.cues.iter().enumerate() {
                let Some(cue) = token_range(&p.doc.toks, cue) else { continue };
                let content = d
                    .spans
                    .links
                    .iter()
                    .find(|&&(c, _)| c == k)
                    .and_then(|&(_, t)| d.spans.contents.get(t).and_then(|&span| token_range(&p.doc.toks, span)));
                let (win, seq) = linked::sequence(&p.doc, base, c, &cue);
                per_cue_gold.push(linked::gold_tags(&win, content.as_ref()));
                per_cue.push(seq);
            }
        }
        drop(second);
        let content = train_tagger(&per_cue, &per_cue_gold, options);
        let info = ModelInfo {
            claims_version: env!("CARGO_PKG_VERSION").to_string(),
            epochs: options.epochs,
            seed: options.seed,
            articles: docs.len(),
            fingerprint: String::new(),
        };
        let mut model = Self { source, cue, content, info };
        model.info.fingerprint = store::fingerprint(&model);
        Ok(model)
    }

    /// How the model was made.
    pub fn info(&self) -> &ModelInfo {
        &self.info
    }

    /// A warning when the model was trained with another version of `wiretrace-claims`,
    /// whose rules may read other spans than this version's.
    pub fn version_warning(&self) -> Option<String> {
        let here = env!("CARGO_PKG_VERSION");
        (self.info.claims_version != here).then(|| {
            format!(
                "the attribution model was trained with wiretrace-claims {}; this is {here}: train it again for \
                 the results it was measured with",
                self.info.claims_version
            )
        })
    }

    /// The spans the model tags in an article, by role.
    pub fn spans(&self, article: &Article) -> RoleSpans {
        self.tag(&prepare(article, &crate::extract::extract_article(article)))
    }

    fn tag(&self, p: &Prepared) -> RoleSpans {
        let cues = self.cue.tag(&sequence(&p.doc, &p.rules, None));
        let seq = sequence(&p.doc, &p.rules, Some(&cues));
        let chars = |r: std::ops::Range<usize>| (p.doc.toks[r.start].start, p.doc.toks[r.end - 1].end);
        let sources = perceptron::spans(&self.source.tag(&seq)).into_iter().map(|(a, b)| chars(a..b)).collect();
        let mut out = RoleSpans { sources, ..RoleSpans::default() };
        for (cue, content) in linked::tag(&self.content, &p.doc, &seq, &cues) {
            out.cues.push(chars(cue));
            if let Some(content) = content {
                let span = chars(content);
                let t = out.contents.iter().position(|&c| c == span).unwrap_or_else(|| {
                    out.contents.push(span);
                    out.contents.len() - 1
                });
                out.links.push((out.cues.len() - 1, t));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
