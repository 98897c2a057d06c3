//! Sentence alignment against known provenance: every outlet version of a generated corpus
//! (`wiretrace synth`) aligned with its wire story, and the links compared with the truth,
//! per kind of rewrite.
//!
//! wiretrace parses and segments both texts itself; a parsed sentence is matched to a
//! generated one by its text. A predicted link is correct when the version's sentence truly
//! comes from that wire sentence; its kind is judged against the generator's kind (a merged
//! or split sentence counts as `merged`/`split` when the link has that shape). Unlinked
//! version sentences are predicted `added`, unlinked wire sentences `dropped`; moved links are
//! compared with the generator's moves.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::Serialize;

use super::generated::{read_rows, Row, TruthRow};
use wiretrace_parse::{parse, Article, Format};
use wiretrace_similarity::AlignOptions;

use crate::pairwise::align_many;

/// Precision and recall of one category.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Counts {
    /// Items of the category in the truth.
    pub truth: usize,
    /// Items predicted in the category.
    pub predicted: usize,
    /// Predicted items that are right.
    pub correct: usize,
    /// `correct / predicted`.
    pub precision: f64,
    /// `correct / truth`.
    pub recall: f64,
}

impl Counts {
    fn finish(&mut self) {
        self.precision = if self.predicted == 0 { 1.0 } else { self.correct as f64 / self.predicted as f64 };
        self.recall = if self.truth == 0 { 1.0 } else { self.correct as f64 / self.truth as f64 };
    }
}

/// The scores of an alignment run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct AlignmentScore {
    /// Versions aligned with their wire story.
    pub pairs: usize,
    /// Version sentences whose segmentation matched a generated sentence.
    pub sentences_matched: usize,
    /// Version sentences in the truth.
    pub sentences: usize,
    /// Links whatever their kind (a link is right when the provenance is).
    pub links: Counts,
    /// Per kind of rewrite: recall of the provenance link, precision of links of that kind.
    pub kinds: BTreeMap<String, Counts>,
    /// Version sentences of its own (added), found as unlinked.
    pub added: Counts,
    /// Wire sentences left out (dropped), found as unlinked.
    pub dropped: Counts,
    /// Moved sentences, found as moved links.
    pub moved: Counts,
    /// Seconds spent parsing and aligning.
    pub seconds: f64,
    /// Version–wire pairs aligned per second (parsing included), on all cores.
    pub pairs_per_second: f64,
}

fn index_sentences(article: &Article, truth: &[String]) -> Vec<Option<usize>> {
    let mut by_text: HashMap<&str, usize> = HashMap::new();
    for (k, s) in truth.iter().enumerate() {
        by_text.entry(s.trim()).or_insert(k);
    }
    article.sentences.iter().map(|s| by_text.get(s.text.trim()).copied()).collect()
}

/// Reads a generated corpus with provenance and scores wiretrace's alignments on it.
pub fn evaluate(path: &Path, opts: &AlignOptions) -> Result<AlignmentScore, String> {
    use rayon::prelude::*;
    let rows = read_rows(path)?;
    let wires: HashMap<&str, &Row> = rows.iter().filter(|r| r.is_wire).map(|r| (r.story.as_str(), r)).collect();
    let versions: Vec<(&Row, &Row)> = rows
        .iter()
        .filter(|r| !r.is_wire && !r.truth.is_empty())
        .filter_map(|v| Some((*wires.get(v.story.as_str())?, v)))
        .collect();
    if versions.is_empty() {
        return Err(format!(
            "{}: no outlet version with provenance and its wire story (write the corpus with `wiretrace synth` without --no-wire or --no-truth)",
            path.display()
        ));
    }
    // Timed like a user aligning every version with its wire: parse, then align (each wire is
    // parsed and featured once for all its versions).
    let start = std::time::Instant::now();
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut rows_of: Vec<&Row> = Vec::new();
    let mut pairs: Vec<(usize, usize)> = Vec::with_capacity(versions.len());
    for (w, v) in &versions {
        let wi = *index.entry(w.id.as_str()).or_insert_with(|| {
            rows_of.push(w);
            rows_of.len() - 1
        });
        rows_of.push(v);
        pairs.push((wi, rows_of.len() - 1));
    }
    let articles: Vec<Article> = rows_of.par_iter().map(|r| parse(&r.id, None, r.text.clone(), Format::Text)).collect();
    let aligned = align_many(&articles, &pairs, opts);
    let seconds = start.elapsed().as_secs_f64();
    let results: Vec<AlignmentScore> = pairs
        .par_iter()
        .zip(&aligned)
        .map(|(&(wi, vi), al)| score_pair(&articles[wi], &articles[vi], rows_of[wi], rows_of[vi], al))
        .collect();
    let mut total = AlignmentScore { pairs: results.len(), seconds, ..Default::default() };
    let add = |t: &mut Counts, x: &Counts| {
        t.truth += x.truth;
        t.predicted += x.predicted;
        t.correct += x.correct;
    };
    for r in &results {
        total.sentences += r.sentences;
        total.sentences_matched += r.sentences_matched;
        add(&mut total.links, &r.links);
        add(&mut total.added, &r.added);
        add(&mut total.dropped, &r.dropped);
        add(&mut total.moved, &r.moved);
        for (k, c) in &r.kinds {
            add(total.kinds.entry(k.clone()).or_default(), c);
        }
    }
    total.links.finish();
    total.added.finish();
    total.dropped.finish();
    total.moved.finish();
    total.kinds.values_mut().for_each(Counts::finish);
    total.pairs_per_second = total.pairs as f64 / seconds.max(1e-9);
    Ok(total)
}

fn score_pair(wa: &Article, va: &Article, w: &Row, v: &Row, al: &crate::pairwise::PairAlignment) -> AlignmentScore {
    let mut s = AlignmentScore { pairs: 1, sentences: v.truth.len(), ..Default::default() };
    let wmap = index_sentences(wa, &w.sentences);
    let vmap = index_sentences(va, &v.sentences);
    s.sentences_matched = vmap.iter().filter(|m| m.is_some()).count();
    // The truth as (wire sentence, version sentence) → generated kind.
    let mut truth: HashMap<(usize, usize), &TruthRow> = HashMap::new();
    for (k, t) in v.truth.iter().enumerate() {
        for &wi in &t.wire {
            truth.insert((wi, k), t);
        }
    }
    for t in truth.values() {
        s.kinds.entry(t.kind.clone()).or_default().truth += 1;
    }
    s.links.truth = truth.len();
    s.moved.truth = v.truth.iter().filter(|t| t.moved).count();
    let mut version_linked = vec![false; v.truth.len()];
    let mut wire_linked = vec![false; w.sentences.len()];
    for l in &al.links {
        let (Some(Some(wi)), Some(Some(vk))) = (wmap.get(l.a_sentence), vmap.get(l.b_sentence)) else {
            s.links.predicted += 1;
            continue;
        };
        let (wi, vk) = (*wi, *vk);
        version_linked[vk] = true;
        wire_linked[wi] = true;
        let predicted_kind = match l.shape.as_str() {
            "merged" => "merged",
            "split" => "split",
            _ => l.kind.as_str(),
        };
        s.links.predicted += 1;
        s.kinds.entry(predicted_kind.to_string()).or_default().predicted += 1;
        if l.moved {
            s.moved.predicted += 1;
        }
        if let Some(t) = truth.get(&(wi, vk)) {
            s.links.correct += 1;
            if t.kind == predicted_kind {
                s.kinds.entry(predicted_kind.to_string()).or_default().correct += 1;
            }
            if l.moved && t.moved {
                s.moved.correct += 1;
            }
        }
    }
    // Added: version sentences of its own; predicted added = unlinked.
    for (k, t) in v.truth.iter().enumerate() {
        let own = t.wire.is_empty();
        s.added.truth += usize::from(own);
        let predicted = vmap.contains(&Some(k)) && !version_linked[k];
        s.added.predicted += usize::from(predicted);
        s.added.correct += usize::from(predicted && own);
    }
    // Dropped: wire sentences no version sentence comes from.
    let carried: std::collections::HashSet<usize> = v.truth.iter().flat_map(|t| t.wire.iter().copied()).collect();
    for (wi, &linked) in wire_linked.iter().enumerate() {
        let dropped = !carried.contains(&wi);
        s.dropped.truth += usize::from(dropped);
        let predicted = wmap.contains(&Some(wi)) && !linked;
        s.dropped.predicted += usize::from(predicted);
        s.dropped.correct += usize::from(predicted && dropped);
    }
    s
}

impl AlignmentScore {
    /// The scores as a text table.
    pub fn table(&self) -> String {
        let mut t = format!(
            "{} version–wire pairs, {} of {} version sentences segmented as generated; {:.1} pairs/s ({:.2} s)\n",
            self.pairs, self.sentences_matched, self.sentences, self.pairs_per_second, self.seconds
        );
        t += "category        truth  predicted  correct  precision  recall\n";
        let mut row = |name: &str, c: &Counts| {
            t += &format!(
                "{:<14} {:>6} {:>10} {:>8} {:>10.4} {:>7.4}\n",
                name, c.truth, c.predicted, c.correct, c.precision, c.recall
            );
        };
        row("links (any)", &self.links);
        for (k, c) in &self.kinds {
            row(k, c);
        }
        row("added", &self.added);
        row("dropped", &self.dropped);
        row("moved", &self.moved);
        t
    }
}
