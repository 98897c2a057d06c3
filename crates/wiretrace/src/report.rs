//! The report: schema `wiretrace.report/1`, serialised with serde.

use serde::{Deserialize, Serialize};
use wiretrace_claims::{Claim, Drift};
use wiretrace_parse::Article;

use wiretrace_parse::RecordError;

/// The schema identifier written in every report.
pub const SCHEMA: &str = "wiretrace.report/1";

/// A link between a sentence of document `a` and one of document `b`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkRecord {
    /// Sentence index in `a`.
    pub a_sentence: usize,
    /// Sentence index in `b`.
    pub b_sentence: usize,
    /// `verbatim`, `edited` or `paraphrase`.
    pub kind: String,
    /// Link score in [0, 1].
    pub score: f64,
    /// `one_to_one`, `merged` (several sentences of `a` in one of `b`) or `split` (one
    /// sentence of `a` in several of `b`).
    pub shape: String,
    /// Out of order: the sentence moved relative to the other links.
    pub moved: bool,
    /// For `edited` links, the word-level edits from `a`'s sentence to `b`'s, with
    /// code-point offsets into the two documents' texts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diff: Vec<wiretrace_similarity::WordEdit>,
}

/// One version's sentences in a unit of the collation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitVariant {
    /// The version.
    pub document: String,
    /// Its sentences in the unit (several for a merge or split).
    pub sentences: Vec<usize>,
}

/// Where a version most likely came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DerivationRecord {
    /// The version.
    pub document: String,
    /// Its most likely source (`null` for the reference).
    pub parent: Option<String>,
    /// Units (indices into the cluster's `units`) where it carries the parent's wording and
    /// that wording differs from the majority's.
    pub shared_deviations: Vec<usize>,
    /// Share of its word 3-grams found in the parent.
    pub contained_in_parent: f64,
    /// Share of the parent's word 3-grams found in it.
    pub parent_contained: f64,
}

/// The comparison of two documents of one cluster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    /// First document.
    pub a: String,
    /// Second document.
    pub b: String,
    /// Jaccard similarity of their word 3-gram shingles.
    pub jaccard: f64,
    /// Share of `a`'s shingles found in `b`.
    pub containment_a_in_b: f64,
    /// Share of `b`'s shingles found in `a`.
    pub containment_b_in_a: f64,
    /// Sentence links.
    pub links: Vec<LinkRecord>,
    /// Sentences of `a` with no counterpart in `b`.
    pub a_only: Vec<usize>,
    /// Sentences of `b` with no counterpart in `a`.
    pub b_only: Vec<usize>,
}

/// How much of one document comes from the cluster's reference version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CopyShare {
    /// The document.
    pub document: String,
    /// Share of its sentences copied verbatim.
    pub verbatim: f64,
    /// Share edited.
    pub edited: f64,
    /// Share paraphrased.
    pub paraphrase: f64,
    /// Share with no counterpart in the reference (added material).
    pub added: f64,
}

/// A story cluster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cluster {
    /// Identifier (`c0`, `c1`, …).
    pub id: String,
    /// Its documents.
    pub documents: Vec<String>,
    /// The wire source when it is among the documents, else `null`.
    pub source: Option<String>,
    /// The version the others are compared with (the source, or the most shared version).
    pub reference: Option<String>,
    /// The collation: units of text shared by the versions (sentences linked across them),
    /// in story order, each with the sentences every version carries it in.
    #[serde(default)]
    pub units: Vec<Vec<UnitVariant>>,
    /// The common source the versions share, reconstructed from them alone (what stands in
    /// for the wire when it is absent): the units at least two versions carry, each in the
    /// wording most share or its medoid wording.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reconstructed_source: Option<Vec<UnitVariant>>,
    /// For each version, its most likely source: the reference, or another outlet's version
    /// it shares deviations with.
    #[serde(default)]
    pub derivation: Vec<DerivationRecord>,
    /// Copy shares of each other document against the reference.
    pub copy: Vec<CopyShare>,
    /// The claims the versions make, each with every version's reading, the consensus
    /// reading and the drifts on each reading.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claim_table: Vec<crate::claim_table::ClaimRow>,
}

/// Clusters the plain-text summary lists in full; beyond this it gives mean shares and the
/// largest half as many.
pub const SUMMARY_CLUSTERS: usize = 20;

/// A complete analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Parsed documents.
    pub documents: Vec<Article>,
    /// Story clusters.
    pub clusters: Vec<Cluster>,
    /// Document pairs within clusters.
    pub pairs: Vec<Pair>,
    /// Claims of every document.
    pub claims: Vec<Claim>,
    /// Drifts between versions.
    pub drifts: Vec<Drift>,
    /// Inputs that could not be analysed, with the reason.
    pub errors: Vec<RecordError>,
    /// The trained model attributions were read with, when not the rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution_model: Option<wiretrace_claims::learned::ModelInfo>,
}

impl Report {
    /// The report as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a report always serialises")
    }

    /// Reads a report back from JSON.
    pub fn from_json(json: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// A document by identifier.
    pub fn document(&self, id: &str) -> Option<&Article> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// Number of drifts of each kind, in vocabulary order (kinds with none omitted).
    pub fn drift_counts(&self) -> Vec<(&'static str, usize)> {
        wiretrace_claims::DriftKind::ALL
            .iter()
            .map(|k| (k.as_str(), self.drifts.iter().filter(|d| d.kind == *k).count()))
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    /// A short plain-text summary: documents, clusters with the copy shares of their versions
    /// (for more than [`SUMMARY_CLUSTERS`] clusters, the mean shares and the largest clusters),
    /// drifts by kind, skipped inputs.
    pub fn summary(&self) -> String {
        use std::fmt::Write;
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{} documents analysed, {} skipped; {} story clusters",
            self.documents.len(),
            self.errors.len(),
            self.clusters.len()
        );
        // A large corpus: mean shares, and the largest clusters on one line each.
        let large = self.clusters.len() > SUMMARY_CLUSTERS;
        let mut shown: Vec<&Cluster> = self.clusters.iter().collect();
        if large {
            let shares: Vec<&CopyShare> = self.clusters.iter().flat_map(|c| &c.copy).collect();
            let mean = |f: fn(&CopyShare) -> f64| shares.iter().map(|x| f(x)).sum::<f64>() / shares.len().max(1) as f64;
            let _ = writeln!(
                s,
                "  {} versions against their story's reference: verbatim {:.0}%, edited {:.0}%, paraphrase {:.0}%, added {:.0}% on average",
                shares.len(),
                mean(|x| x.verbatim) * 100.0,
                mean(|x| x.edited) * 100.0,
                mean(|x| x.paraphrase) * 100.0,
                mean(|x| x.added) * 100.0
            );
            shown.sort_by_key(|c| std::cmp::Reverse(c.documents.len()));
            shown.truncate(SUMMARY_CLUSTERS / 2);
            let _ = writeln!(s, "  the largest clusters:");
        }
        for c in &shown {
            let _ = write!(s, "  {}: {} document(s)", c.id, c.documents.len());
            match (&c.source, &c.reference) {
                (Some(src), _) => {
                    let _ = writeln!(s, ", source {src}");
                }
                (None, Some(r)) if c.documents.len() > 1 => {
                    let _ = writeln!(s, ", no wire source found; compared with {r}");
                }
                _ => {
                    let _ = writeln!(s, " ({})", c.documents.join(", "));
                }
            }
            for share in c.copy.iter().filter(|_| !large) {
                let _ = writeln!(
                    s,
                    "    {:<24} verbatim {:>3.0}%  edited {:>3.0}%  paraphrase {:>3.0}%  added {:>3.0}%",
                    share.document,
                    share.verbatim * 100.0,
                    share.edited * 100.0,
                    share.paraphrase * 100.0,
                    share.added * 100.0
                );
            }
        }
        if shown.len() < self.clusters.len() {
            let _ =
                writeln!(s, "  … and {} more clusters (the report lists them all)", self.clusters.len() - shown.len());
        }
        let counts = self.drift_counts();
        let _ = writeln!(s, "{} drifts{}", self.drifts.len(), if counts.is_empty() { "" } else { " by kind:" });
        for (k, n) in counts {
            let _ = writeln!(s, "  {k:<20} {n}");
        }
        if !self.errors.is_empty() {
            let reasons: Vec<String> =
                self.skip_reasons().into_iter().map(|(reason, n)| format!("{n} {reason}")).collect();
            let _ = writeln!(s, "{} input(s) skipped: {}", self.errors.len(), reasons.join(", "));
        }
        s
    }

    /// Why inputs were skipped, as (reason, count), most frequent first.
    pub fn skip_reasons(&self) -> Vec<(&'static str, usize)> {
        let mut counts: Vec<(&'static str, usize)> = Vec::new();
        for e in &self.errors {
            let reason = skip_reason(&e.message);
            match counts.iter_mut().find(|(r, _)| *r == reason) {
                Some((_, n)) => *n += 1,
                None => counts.push((reason, 1)),
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        counts
    }
}

/// A short name for the reason an input was skipped.
fn skip_reason(message: &str) -> &'static str {
    let m = message.to_lowercase();
    let table: [(&str, &'static str); 14] = [
        ("no such file", "missing"),
        ("is empty", "empty"),
        ("looks binary", "binary"),
        ("not valid", "undecodable"),
        ("byte limit", "too large"),
        ("invalid json", "invalid JSON"),
        ("not a json object", "not a JSON object"),
        ("fields where the header", "broken CSV row"),
        ("no article text found", "no article text"),
        ("no article text", "no text field"),
        ("malformed warc", "malformed WARC"),
        ("unknown kind of file", "unknown file kind"),
        ("column", "missing column"),
        ("cannot read", "unreadable"),
    ];
    table.iter().find(|(k, _)| m.contains(k)).map_or("other", |(_, r)| r)
}

#[cfg(test)]
mod summary_tests {
    use super::*;

    fn cluster(i: usize, size: usize) -> Cluster {
        let documents: Vec<String> = (0..size).map(|k| format!("d{i}-{k}")).collect();
        Cluster {
            id: format!("c{i}"),
            source: Some(documents[0].clone()),
            reference: Some(documents[0].clone()),
            copy: documents[1..]
                .iter()
                .map(|d| CopyShare { document: d.clone(), verbatim: 0.5, edited: 0.25, paraphrase: 0.25, added: 0.0 })
                .collect(),
            documents,
            units: Vec::new(),
            reconstructed_source: None,
            derivation: Vec::new(),
            claim_table: Vec::new(),
        }
    }

    fn report(clusters: Vec<Cluster>) -> Report {
        Report {
            schema: SCHEMA.into(),
            documents: Vec::new(),
            clusters,
            pairs: Vec::new(),
            claims: Vec::new(),
            drifts: Vec::new(),
            errors: Vec::new(),
            attribution_model: None,
        }
    }

    #[test]
    fn a_small_corpus_lists_every_version_and_a_large_one_the_means_and_largest_clusters() {
        let small = report((0..3).map(|i| cluster(i, 3)).collect()).summary();
        assert_eq!(small.matches("verbatim  50%").count(), 6, "{small}");
        let large = report((0..40).map(|i| cluster(i, 2 + i % 5)).collect()).summary();
        assert!(large.contains("versions against their story's reference: verbatim 50%, edited 25%"), "{large}");
        assert!(large.contains("… and 30 more clusters"), "{large}");
        assert!(!large.contains("verbatim  50%"), "{large}");
        // The ten largest are listed: all of size 6.
        assert_eq!(large.matches(": 6 document(s)").count(), 8, "{large}");
        assert_eq!(large.lines().filter(|l| l.contains("document(s)")).count(), 10);
    }
}
