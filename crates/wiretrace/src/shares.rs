//! Copy shares and drifts of every version of every story, for corpora too large for one
//! report.
//!
//! Two passes over the files, neither holding the corpus in memory: the first clusters it (as
//! [`crate::clustering::cluster_paths`]); the second reads it again and, as soon as every
//! version of a story has been read, analyses that story on its own (as
//! [`crate::pipeline::analyze`]: reference, alignment, claims, drifts) while reading goes on.
//! Memory holds the sketches, the stories still being read and one row per version.

use crate::clustering::{cluster_paths, ClusterOptions};
use crate::pipeline::{analyze, Options};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;
use std::path::PathBuf;
use wiretrace_parse::{Record, RecordError};

/// Stories handed to the workers at a time.
const BATCH_STORIES: usize = 512;

/// One version of a story, with how much of it comes from the story's reference version.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VersionRow {
    /// The document.
    pub document: String,
    /// Its outlet, when known.
    pub outlet: Option<String>,
    /// Its publication date (ISO 8601), when known.
    pub date: Option<String>,
    /// The story it belongs to (`c0`, `c1`, … in order of first document, as by
    /// `wiretrace cluster`).
    pub story: String,
    /// Number of versions of the story.
    pub versions: usize,
    /// The version its shares are measured against (the wire source when the story has one);
    /// `None` for a story of one version.
    pub reference: Option<String>,
    /// Whether this version is the story's wire source.
    pub is_source: bool,
    /// Share of its sentences copied verbatim from the reference (`None` for the reference).
    pub verbatim: Option<f64>,
    /// Share edited.
    pub edited: Option<f64>,
    /// Share paraphrased.
    pub paraphrase: Option<f64>,
    /// Share with no counterpart in the reference.
    pub added: Option<f64>,
    /// Drifts flagged in it.
    pub drifts: usize,
}

/// What the run is doing, for progress reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading and clustering; the count is documents read.
    Clustering,
    /// Analysing stories; the count is documents analysed.
    Analysing,
}

/// The rows of one story, analysed on its own.
fn story_rows(story: &str, records: Vec<Record>, opts: &Options) -> Vec<VersionRow> {
    let n = records.len();
    let report = analyze(records, Vec::new(), opts);
    let mut drifts: HashMap<&str, usize> = HashMap::new();
    for d in &report.drifts {
        *drifts.entry(d.document.as_str()).or_default() += 1;
    }
    let docs: HashMap<&str, &wiretrace_parse::Article> = report.documents.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut rows = Vec::with_capacity(n);
    for c in &report.clusters {
        for id in &c.documents {
            let a = docs[id.as_str()];
            let share = c.copy.iter().find(|s| &s.document == id);
            rows.push(VersionRow {
                document: id.clone(),
                outlet: a.outlet.clone(),
                date: a.date.clone(),
                story: story.to_string(),
                versions: n,
                reference: c.reference.clone(),
                is_source: c.source.as_deref() == Some(id.as_str()),
                verbatim: share.map(|s| s.verbatim),
                edited: share.map(|s| s.edited),
                paraphrase: share.map(|s| s.paraphrase),
                added: share.map(|s| s.added),
                drifts: drifts.get(id.as_str()).copied().unwrap_or(0),
            });
        }
    }
    rows
}

/// One row per version of every story of the corpus in `paths`, stories in the order of their
/// first document and versions in reading order, with the inputs that could not be read.
/// Versions the analysis of their story set aside (no body text) are left out and reported as
/// errors. `progress` is told the stage and its count from time to time.
pub fn version_rows(
    paths: &[PathBuf],
    cluster_opts: &ClusterOptions,
    opts: &Options,
    progress: &(dyn Fn(Stage, usize) + Sync),
) -> (Vec<VersionRow>, Vec<RecordError>) {
    let (clustering, errors) = cluster_paths(paths, &opts.read, cluster_opts, &|n| progress(Stage::Clustering, n));
    let sizes: Vec<usize> = clustering.clusters.iter().map(Vec::len).collect();
    let story_of: HashMap<String, u32> = clustering
        .clusters
        .into_iter()
        .enumerate()
        .flat_map(|(i, docs)| docs.into_iter().map(move |d| (d, i as u32)))
        .collect();

    let (send, receive) = std::sync::mpsc::sync_channel::<Vec<(u32, Vec<Record>)>>(2);
    let mut rows: Vec<(u32, usize, VersionRow)> = Vec::with_capacity(story_of.len());
    let mut late_errors = Vec::new();
    std::thread::scope(|scope| {
        let story_of = &story_of;
        let sizes = &sizes;
        let reader = scope.spawn(move || {
            let mut open: HashMap<u32, Vec<Record>> = HashMap::new();
            let mut ready: Vec<(u32, Vec<Record>)> = Vec::new();
            // The second pass reads the same files; its errors were reported by the first.
            let _ = wiretrace_parse::corpus::for_each_record(paths, &opts.read, |r| {
                let Some(&story) = story_of.get(&r.id) else { return };
                let members = open.entry(story).or_default();
                members.push(r);
                if members.len() == sizes[story as usize] {
                    let done = open.remove(&story).unwrap_or_default();
                    ready.push((story, done));
                    if ready.len() == BATCH_STORIES {
                        let _ = send.send(std::mem::take(&mut ready));
                    }
                }
            });
            // Stories some of whose versions could not be read the second time.
            ready.extend(open.drain());
            let _ = send.send(ready);
        });
        let mut analysed = 0usize;
        for batch in receive {
            let n: usize = batch.iter().map(|(_, r)| r.len()).sum();
            let done: Vec<Vec<(u32, usize, VersionRow)>> = batch
                .into_par_iter()
                .map(|(story, records)| {
                    let ids: HashMap<String, usize> =
                        records.iter().enumerate().map(|(k, r)| (r.id.clone(), k)).collect();
                    let label = format!("c{story}");
                    let mut out: Vec<(u32, usize, VersionRow)> = story_rows(&label, records, opts)
                        .into_iter()
                        .map(|row| (story, ids.get(&row.document).copied().unwrap_or(usize::MAX), row))
                        .collect();
                    out.sort_by_key(|(_, k, _)| *k);
                    out
                })
                .collect();
            for story in done {
                rows.extend(story);
            }
            analysed += n;
            progress(Stage::Analysing, analysed);
        }
        if reader.join().is_err() {
            late_errors.push(RecordError::new("corpus", "the reader stopped unexpectedly"));
        }
    });
    rows.sort_by_key(|(story, k, _)| (*story, *k));
    let mut errors = errors;
    errors.extend(late_errors);
    let found: std::collections::HashSet<&str> = rows.iter().map(|(_, _, r)| r.document.as_str()).collect();
    let mut missing: Vec<&String> = story_of.keys().filter(|d| !found.contains(d.as_str())).collect();
    missing.sort();
    for d in missing {
        errors
            .push(RecordError::new(d.clone(), "no article text found (no body sentences after removing boilerplate)"));
    }
    (rows.into_iter().map(|(_, _, r)| r).collect(), errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_version_gets_its_story_and_shares_against_the_wire() {
        let dir = std::env::temp_dir().join(format!("wiretrace-shares-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("corpus.jsonl");
        let mut lines = String::new();
        let opts = crate::synth::SynthOptions { truth: false, ..Default::default() };
        let mut truth: HashMap<String, (String, bool)> = HashMap::new();
        for s in 0..12 {
            for a in crate::synth::story(7, s, &opts) {
                truth.insert(a.id.clone(), (a.story.clone(), a.is_wire));
                lines += &serde_json::to_string(&a).unwrap();
                lines.push('\n');
            }
        }
        std::fs::write(&path, lines).unwrap();
        let seen = std::sync::Mutex::new(Vec::new());
        let (rows, errors) = version_rows(&[path], &ClusterOptions::default(), &Options::default(), &|s, n| {
            seen.lock().unwrap().push((s, n))
        });
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(rows.len(), truth.len());
        // One story per true story, each with its wire as the source and reference.
        let mut story_of_truth: HashMap<&str, &str> = HashMap::new();
        for r in &rows {
            let (story, wire) = &truth[&r.document];
            assert_eq!(*story_of_truth.entry(story.as_str()).or_insert(r.story.as_str()), r.story.as_str());
            assert_eq!(r.is_source, *wire, "{}", r.document);
            if *wire {
                assert_eq!(r.reference.as_deref(), Some(r.document.as_str()));
                assert!(r.verbatim.is_none());
            } else {
                let sum = r.verbatim.unwrap() + r.edited.unwrap() + r.paraphrase.unwrap() + r.added.unwrap();
                assert!((sum - 1.0).abs() < 1e-3, "{sum}");
                assert!(truth[r.reference.as_ref().unwrap()].1, "reference of {} is the wire", r.document);
            }
        }
        assert_eq!(story_of_truth.len(), 12);
        let seen = seen.into_inner().unwrap();
        assert_eq!(seen.last(), Some(&(Stage::Analysing, rows.len())));
        assert!(seen.iter().any(|(s, _)| *s == Stage::Clustering));
    }
}
