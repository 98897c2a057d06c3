//! Drift detection against clusters with planted drifts: a folder per cluster holding its
//! documents and a `manifest.json` that lists, for each document, the drifts a careful
//! reader finds (kind and the changed text) and the faithful rewordings that must not be
//! flagged.
//!
//! Every folder is analysed as a corpus of its own. A planted drift is **found** when a
//! reported drift of the same kind in the same document overlaps its text; a reported drift
//! is **right** when it overlaps a planted drift of its kind. Precision and recall are given
//! per kind and over all kinds; reported drifts that overlap a faithful rewording are counted
//! separately (they are wrong whatever their kind).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{f1, ratio};
use crate::{analyze_paths, Options, Report};
use wiretrace_claims::DriftKind;

/// A cluster's ground truth.
#[derive(Debug, Deserialize)]
struct Manifest {
    #[serde(default)]
    drifts: Vec<Planted>,
    #[serde(default)]
    faithful: Vec<Faithful>,
}

/// A drift a careful reader finds.
#[derive(Debug, Deserialize)]
struct Planted {
    document: String,
    kind: String,
    text: String,
}

/// A rewording that keeps every number, source, hedge and meaning.
#[derive(Debug, Deserialize)]
struct Faithful {
    document: String,
    text: String,
}

/// Scores of one drift kind (or of all kinds together).
#[derive(Debug, Clone, Default, Serialize)]
pub struct KindScore {
    /// The kind (`all` for the totals).
    pub kind: String,
    /// Drifts planted.
    pub planted: usize,
    /// Planted drifts found.
    pub found: usize,
    /// Drifts reported.
    pub reported: usize,
    /// Reported drifts that are planted ones.
    pub right: usize,
    /// `right / reported`.
    pub precision: f64,
    /// `found / planted`.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
}

impl KindScore {
    fn finish(&mut self) {
        self.precision = ratio(self.right, self.reported);
        self.recall = ratio(self.found, self.planted);
        self.f1 = f1(self.precision, self.recall);
    }
}

/// The scores over every cluster.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DriftScore {
    /// Cluster folders read.
    pub clusters: usize,
    /// Documents analysed.
    pub documents: usize,
    /// Per kind, in vocabulary order, then `all`.
    pub kinds: Vec<KindScore>,
    /// Faithful rewordings in the manifests.
    pub faithful: usize,
    /// Faithful rewordings that some reported drift overlaps.
    pub faithful_flagged: usize,
    /// Planted drifts not found: `cluster/document: kind: text` (and what was reported there).
    pub missed: Vec<String>,
    /// Reported drifts that are not planted: `cluster/document: kind: text`.
    pub spurious: Vec<String>,
}

impl DriftScore {
    /// The scores as a text table, followed by the misses and the spurious drifts.
    pub fn table(&self) -> String {
        let mut out = format!("{} clusters, {} documents\n", self.clusters, self.documents);
        out += "kind                  planted  found  reported  right  precision  recall     F1\n";
        for k in &self.kinds {
            out += &format!(
                "{:<20} {:>8} {:>6} {:>9} {:>6} {:>10.3} {:>7.3} {:>6.3}\n",
                k.kind, k.planted, k.found, k.reported, k.right, k.precision, k.recall, k.f1
            );
        }
        out += &format!("faithful rewordings flagged: {} of {}\n", self.faithful_flagged, self.faithful);
        for m in &self.missed {
            out += &format!("missed: {m}\n");
        }
        for s in &self.spurious {
            out += &format!("spurious: {s}\n");
        }
        out
    }
}

/// The cluster folders under `path`: itself when it holds a manifest, else its subfolders
/// that do (sorted by name).
fn cluster_dirs(path: &Path) -> Result<Vec<PathBuf>, String> {
    if path.join("manifest.json").is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let entries = std::fs::read_dir(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut dirs: Vec<PathBuf> =
        entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.join("manifest.json").is_file()).collect();
    dirs.sort();
    if dirs.is_empty() {
        return Err(format!("{}: no manifest.json in it or in its subfolders", path.display()));
    }
    Ok(dirs)
}

/// The code-point span of the first occurrence of `needle` in a document's text.
fn span_of(report: &Report, doc: &str, needle: &str) -> Result<(usize, usize), String> {
    let text = &report.document(doc).ok_or_else(|| format!("no document {doc:?} was read"))?.text;
    let byte = text.find(needle).ok_or_else(|| format!("{doc:?} (as parsed) does not contain {needle:?}"))?;
    let start = text[..byte].chars().count();
    Ok((start, start + needle.chars().count()))
}

/// Scores drift detection on the cluster folders under each of `paths`, analysed with `opts`.
pub fn evaluate(paths: &[PathBuf], opts: &Options) -> Result<DriftScore, String> {
    let mut score = DriftScore {
        kinds: DriftKind::ALL
            .iter()
            .map(|k| KindScore { kind: k.as_str().to_string(), ..Default::default() })
            .collect(),
        ..Default::default()
    };
    let index = |kind: &str| DriftKind::ALL.iter().position(|k| k.as_str() == kind);
    for path in paths {
        for dir in cluster_dirs(path)? {
            let name = dir.file_name().map_or_else(|| dir.display().to_string(), |n| n.to_string_lossy().into_owned());
            let manifest_path = dir.join("manifest.json");
            let manifest: Manifest = std::fs::read_to_string(&manifest_path)
                .map_err(|e| e.to_string())
                .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
                .map_err(|e| format!("{}: {e}", manifest_path.display()))?;
            let documents: Vec<PathBuf> = std::fs::read_dir(&dir)
                .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.file_name().is_some_and(|n| n != "manifest.json") && p.is_file())
                .collect();
            let report = analyze_paths(&documents, opts);
            if let Some(e) = report.errors.first() {
                return Err(format!("{}: {}: {}", dir.display(), e.input, e.message));
            }
            score.clusters += 1;
            score.documents += report.documents.len();
            // Planted drifts: found or missed.
            let mut planted_spans = Vec::new();
            for p in &manifest.drifts {
                let k = index(&p.kind)
                    .ok_or_else(|| format!("{}: unknown drift kind {:?}", manifest_path.display(), p.kind))?;
                let (start, end) = span_of(&report, &p.document, &p.text).map_err(|e| format!("{name}: {e}"))?;
                planted_spans.push((p.document.as_str(), k, start, end));
                score.kinds[k].planted += 1;
                let overlapping: Vec<_> = report
                    .drifts
                    .iter()
                    .filter(|d| d.document == p.document && d.start < end && start < d.end)
                    .collect();
                if overlapping.iter().any(|d| d.kind.as_str() == p.kind) {
                    score.kinds[k].found += 1;
                } else {
                    let there: Vec<&str> = overlapping.iter().map(|d| d.kind.as_str()).collect();
                    let there =
                        if there.is_empty() { String::new() } else { format!(" (reported: {})", there.join(", ")) };
                    score.missed.push(format!("{name}/{}: {}: {:?}{there}", p.document, p.kind, p.text));
                }
            }
            // Reported drifts: right or spurious.
            for d in &report.drifts {
                let k = index(d.kind.as_str()).expect("a reported kind is in the vocabulary");
                score.kinds[k].reported += 1;
                let right = planted_spans
                    .iter()
                    .any(|&(doc, pk, s, e)| doc == d.document && pk == k && s < d.end && d.start < e);
                if right {
                    score.kinds[k].right += 1;
                } else {
                    score.spurious.push(format!("{name}/{}: {}: {:?}", d.document, d.kind.as_str(), d.text));
                }
            }
            for f in &manifest.faithful {
                let (start, end) = span_of(&report, &f.document, &f.text).map_err(|e| format!("{name}: {e}"))?;
                score.faithful += 1;
                if report.drifts.iter().any(|d| d.document == f.document && d.start < end && start < d.end) {
                    score.faithful_flagged += 1;
                }
            }
        }
    }
    let mut all = KindScore { kind: "all".to_string(), ..Default::default() };
    for k in &mut score.kinds {
        k.finish();
        all.planted += k.planted;
        all.found += k.found;
        all.reported += k.reported;
        all.right += k.right;
    }
    all.finish();
    score.kinds.push(all);
    Ok(score)
}
