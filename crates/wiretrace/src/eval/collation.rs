//! Collation against known provenance: on a generated corpus (`wiretrace synth --derived P`),
//! each story is analysed twice.
//!
//! - **With the wire**: each version's predicted source (the derivation graph) is compared
//!   with the generator's `parent` (the wire, or the outlet version it was rewritten from).
//! - **Without the wire**: the reconstructed source is compared with the wire story. A
//!   reconstructed sentence is right when the generator says it comes from a wire sentence;
//!   recall counts the wire sentences at least two versions carry (the most any
//!   reconstruction can recover); exact counts sentences identical to the wire's.

use std::collections::HashMap;
use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;

use super::generated::{read_rows, Row};

use crate::pipeline::{analyze_texts, Options};

/// The scores of a collation run.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct CollationScore {
    /// Stories analysed.
    pub stories: usize,
    /// Versions whose source was predicted.
    pub versions: usize,
    /// Versions whose predicted source is the true one.
    pub parent_correct: usize,
    /// Share of versions with the right source.
    pub parent_accuracy: f64,
    /// Versions truly rewritten from another outlet.
    pub derived_truth: usize,
    /// Versions predicted to come from another outlet.
    pub derived_predicted: usize,
    /// Of those, with the right outlet.
    pub derived_correct: usize,
    /// Sentences in the reconstructed sources.
    pub reconstructed: usize,
    /// Reconstructed sentences that come from a wire sentence.
    pub reconstructed_from_wire: usize,
    /// Reconstructed sentences identical to their wire sentence.
    pub reconstructed_exact: usize,
    /// Wire sentences carried by at least two versions.
    pub recoverable: usize,
    /// Of those, found in the reconstruction.
    pub recovered: usize,
    /// `reconstructed_from_wire / reconstructed`.
    pub reconstruction_precision: f64,
    /// `recovered / recoverable`.
    pub reconstruction_recall: f64,
}

fn sentence_truth(row: &Row, parsed: &wiretrace_parse::Article) -> Vec<Option<Vec<usize>>> {
    let by_text: HashMap<&str, usize> = row.sentences.iter().enumerate().map(|(k, s)| (s.trim(), k)).collect();
    parsed
        .sentences
        .iter()
        .map(|s| by_text.get(s.text.trim()).map(|&k| row.truth.get(k).map(|t| t.wire.clone()).unwrap_or_default()))
        .collect()
}

fn story_score(rows: &[&Row]) -> CollationScore {
    let mut s = CollationScore { stories: 1, ..Default::default() };
    let Some(wire) = rows.iter().find(|r| r.is_wire) else { return s };
    let versions: Vec<&&Row> = rows.iter().filter(|r| !r.is_wire).collect();
    if versions.len() < 2 {
        return s;
    }
    let opts = Options::default();
    // With the wire: derivation.
    let with: Vec<(String, String)> = rows.iter().map(|r| (r.id.clone(), r.text.clone())).collect();
    let report = analyze_texts(with, &opts);
    let cluster = report.clusters.iter().find(|c| c.documents.contains(&wire.id));
    for v in &versions {
        let predicted = cluster
            .and_then(|c| c.derivation.iter().find(|d| d.document == v.id))
            .and_then(|d| d.parent.clone())
            .filter(|p| p != &wire.id);
        s.versions += 1;
        s.derived_truth += usize::from(v.parent.is_some());
        s.derived_predicted += usize::from(predicted.is_some());
        s.derived_correct += usize::from(predicted.is_some() && predicted == v.parent);
        s.parent_correct += usize::from(predicted == v.parent);
    }
    // Without the wire: reconstruction.
    let without: Vec<(String, String)> = versions.iter().map(|r| (r.id.clone(), r.text.clone())).collect();
    let report = analyze_texts(without, &opts);
    let docs: HashMap<&str, &wiretrace_parse::Article> = report.documents.iter().map(|d| (d.id.as_str(), d)).collect();
    let truth: HashMap<&str, Vec<Option<Vec<usize>>>> = versions
        .iter()
        .filter_map(|v| docs.get(v.id.as_str()).map(|a| (v.id.as_str(), sentence_truth(v, a))))
        .collect();
    let mut carriers: HashMap<usize, usize> = HashMap::new();
    for v in &versions {
        let mut seen: Vec<usize> = v.truth.iter().flat_map(|t| t.wire.iter().copied()).collect();
        seen.sort_unstable();
        seen.dedup();
        for w in seen {
            *carriers.entry(w).or_insert(0) += 1;
        }
    }
    s.recoverable = carriers.values().filter(|&&n| n >= 2).count();
    let mut found = std::collections::HashSet::new();
    for c in &report.clusters {
        for u in c.reconstructed_source.iter().flatten() {
            s.reconstructed += 1;
            let wires: Vec<usize> = u
                .sentences
                .iter()
                .filter_map(|&k| truth.get(u.document.as_str()).and_then(|t| t.get(k)).cloned().flatten())
                .flatten()
                .collect();
            if !wires.is_empty() {
                s.reconstructed_from_wire += 1;
                let text: Vec<&str> = u
                    .sentences
                    .iter()
                    .filter_map(|&k| {
                        docs.get(u.document.as_str()).and_then(|d| d.sentences.get(k)).map(|x| x.text.trim())
                    })
                    .collect();
                if wires.len() == 1
                    && text.len() == 1
                    && wire.sentences.get(wires[0]).map(|w| w.trim()) == Some(text[0])
                {
                    s.reconstructed_exact += 1;
                }
                found.extend(wires.into_iter().filter(|w| carriers.get(w).copied().unwrap_or(0) >= 2));
            }
        }
    }
    s.recovered = found.len();
    s
}

/// Scores collation, reconstruction and derivation on a generated corpus.
pub fn evaluate(path: &Path, limit: Option<usize>) -> Result<CollationScore, String> {
    let rows = read_rows(path)?;
    let mut stories: Vec<&str> = rows.iter().map(|r| r.story.as_str()).collect();
    stories.dedup();
    stories.truncate(limit.unwrap_or(usize::MAX));
    let by_story: HashMap<&str, Vec<&Row>> = rows.iter().fold(HashMap::new(), |mut m, r| {
        m.entry(r.story.as_str()).or_default().push(r);
        m
    });
    if !rows.iter().any(|r| r.is_wire && !r.sentences.is_empty()) {
        return Err(format!(
            "{}: no wire story with its sentences (write the corpus with `wiretrace synth`)",
            path.display()
        ));
    }
    let scores: Vec<CollationScore> = stories.par_iter().map(|s| story_score(&by_story[s])).collect();
    let mut t = CollationScore::default();
    for x in scores {
        t.stories += x.stories;
        t.versions += x.versions;
        t.parent_correct += x.parent_correct;
        t.derived_truth += x.derived_truth;
        t.derived_predicted += x.derived_predicted;
        t.derived_correct += x.derived_correct;
        t.reconstructed += x.reconstructed;
        t.reconstructed_from_wire += x.reconstructed_from_wire;
        t.reconstructed_exact += x.reconstructed_exact;
        t.recoverable += x.recoverable;
        t.recovered += x.recovered;
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    t.parent_accuracy = ratio(t.parent_correct, t.versions);
    t.reconstruction_precision = ratio(t.reconstructed_from_wire, t.reconstructed);
    t.reconstruction_recall = ratio(t.recovered, t.recoverable);
    Ok(t)
}

impl CollationScore {
    /// The scores as text.
    pub fn table(&self) -> String {
        let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
        format!(
            "{} stories, {} versions\n\
             derivation: right source for {} ({:.4}); derived from another outlet: {} true, {} predicted, {} right \
             (precision {:.4}, recall {:.4})\n\
             reconstruction without the wire: {} sentences, {} from the wire (precision {:.4}), {} identical to it; \
             {} of {} wire sentences carried by two or more versions recovered (recall {:.4})\n",
            self.stories,
            self.versions,
            self.parent_correct,
            self.parent_accuracy,
            self.derived_truth,
            self.derived_predicted,
            self.derived_correct,
            ratio(self.derived_correct, self.derived_predicted),
            ratio(self.derived_correct, self.derived_truth),
            self.reconstructed,
            self.reconstructed_from_wire,
            self.reconstruction_precision,
            self.reconstructed_exact,
            self.recovered,
            self.recoverable,
            self.reconstruction_recall
        )
    }
}
