//! The claim table of a cluster: each claim the versions make, with every version's reading
//! of it (value, source, hedges), the consensus reading and the drifts on each reading.
//!
//! Claims are gathered unit by unit of the collation (sentences linked across the versions).
//! Within a unit, the quantities of the versions are matched by what they count (content
//! stems of the counted noun), else by their event, else by value; each group is a row. A unit
//! without quantities but with an attribution in some version gives one row whose readings are
//! the versions' sources. The consensus is the reading most versions give (the reference's on
//! a tie); versions that carry no reading of a row are listed as missing.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use wiretrace_claims::lexicon::is_pronoun_source;
use wiretrace_claims::{content_stems, Approximator, Claim, ClaimDetail, Drift};
use wiretrace_parse::Article;

use crate::report::UnitVariant;

/// One version's reading of a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reading {
    /// The version.
    pub document: String,
    /// The sentence it is read from (index into the document's sentences).
    pub sentence: usize,
    /// Start offset of the reading (the quantity, or the sentence) in the document text.
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// The text there.
    pub text: String,
    /// The value, for a quantity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// The upper bound, for a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper: Option<f64>,
    /// The approximator (`exactly`, `at_least`, …), for a quantity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approximator: Option<String>,
    /// Who the version credits the claim to (normalised), if anyone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The hedges on the sentence (normalised: `reportedly`, `unverified`, …).
    #[serde(default)]
    pub hedges: Vec<String>,
    /// Kinds of the drifts reported on this sentence of the version.
    #[serde(default)]
    pub drifts: Vec<String>,
}

/// A claim across the versions of a cluster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimRow {
    /// Identifier within the report (`c0-k3`).
    pub id: String,
    /// `quantity`, or `statement` (a claim without figures that some version credits to
    /// someone or hedges).
    pub kind: String,
    /// What the claim is about: what is counted (or the event), or the opening words of the
    /// statement.
    pub what: String,
    /// Each version's reading, the reference's first.
    pub readings: Vec<Reading>,
    /// The reading most versions give: "at least 12"; or a source with its hedges
    /// ("regional health ministry", "unattributed · unverified, appeared").
    pub consensus: String,
    /// Versions giving the consensus reading.
    pub agreement: usize,
    /// Versions of the cluster that carry no reading of this claim.
    pub missing: Vec<String>,
}

/// The key a reading is compared by for the consensus.
fn reading_key(kind: &str, r: &Reading) -> String {
    if kind == "quantity" {
        let value = match (r.value, r.upper) {
            (Some(v), Some(u)) => format!("{v}–{u}"),
            (Some(v), None) => format!("{v}"),
            _ => r.text.clone(),
        };
        match r.approximator.as_deref() {
            None | Some("exactly") => value,
            Some(a) => format!("{} {value}", a.replace('_', " ")),
        }
    } else {
        let source = r.source.clone().unwrap_or_else(|| "unattributed".to_string());
        if r.hedges.is_empty() {
            source
        } else {
            format!("{source} · {}", r.hedges.join(", "))
        }
    }
}

/// A quantity of one version in a unit, with what it is matched by.
struct Found<'a> {
    document: &'a str,
    sentence: usize,
    claim: &'a Claim,
    counted: HashSet<String>,
    event: Option<String>,
    value: Option<f64>,
}

/// The claim table of one cluster. `docs` are the cluster's articles, `claims` every
/// document's claims by identifier, `drifts` the cluster's drifts, `reference` the version the
/// others are compared with; `prefix` names the rows (`c0`).
pub fn claim_table(
    prefix: &str,
    units: &[Vec<UnitVariant>],
    docs: &HashMap<&str, &Article>,
    claims: &HashMap<&str, &[Claim]>,
    drifts: &[Drift],
    reference: Option<&str>,
) -> Vec<ClaimRow> {
    let members: Vec<&str> = {
        let mut m: Vec<&str> = docs.keys().copied().collect();
        m.sort_unstable();
        m
    };
    let mut rows = Vec::new();
    for unit in units {
        // The reference's variant first, so that its readings open each row.
        let mut variants: Vec<&UnitVariant> = unit.iter().collect();
        variants.sort_by_key(|v| (Some(v.document.as_str()) != reference, v.document.clone()));
        let in_sentences = |v: &UnitVariant| -> Vec<(usize, &Claim)> {
            let cs = claims.get(v.document.as_str()).copied().unwrap_or(&[]);
            cs.iter().filter(|c| v.sentences.contains(&c.sentence)).map(|c| (c.sentence, c)).collect()
        };
        let sentence_info = |v: &UnitVariant, sentence: usize| -> (Option<String>, Vec<String>, Vec<String>) {
            let cs = in_sentences(v);
            let sources: Vec<&str> = cs
                .iter()
                .filter(|(s, _)| *s == sentence)
                .filter_map(|(_, c)| match &c.detail {
                    ClaimDetail::Attribution { source, .. } => Some(source.name.as_str()),
                    _ => None,
                })
                .collect();
            // A pronoun ("he said") stands for the source named in the sentence before.
            let before = || {
                let all = claims.get(v.document.as_str()).copied().unwrap_or(&[]);
                all.iter().rev().find_map(|c| match &c.detail {
                    ClaimDetail::Attribution { source, .. }
                        if c.sentence + 1 == sentence && !is_pronoun_source(&source.name) =>
                    {
                        Some(source.name.clone())
                    }
                    _ => None,
                })
            };
            let source = match sources.iter().find(|s| !is_pronoun_source(s)) {
                Some(s) => Some(s.to_string()),
                None if !sources.is_empty() => before().or_else(|| sources.first().map(|s| s.to_string())),
                None => None,
            };
            let mut hedges: Vec<String> = cs
                .iter()
                .filter(|(s, _)| *s == sentence)
                .filter_map(|(_, c)| match &c.detail {
                    ClaimDetail::Hedge { norm, .. } => Some(norm.clone()),
                    _ => None,
                })
                .collect();
            hedges.dedup();
            let kinds = docs
                .get(v.document.as_str())
                .and_then(|a| a.sentences.get(sentence))
                .map(|s| {
                    let mut k: Vec<String> = drifts
                        .iter()
                        .filter(|d| d.document == v.document && d.start < s.end && s.start < d.end)
                        .map(|d| d.kind.as_str().to_string())
                        .collect();
                    k.sort();
                    k.dedup();
                    k
                })
                .unwrap_or_default();
            (source, hedges, kinds)
        };

        // Quantities, grouped by what they count.
        let mut groups: Vec<Vec<Found<'_>>> = Vec::new();
        for v in &variants {
            for (sentence, c) in in_sentences(v) {
                let ClaimDetail::Quantity { value, counted, event, .. } = &c.detail else { continue };
                let f = Found {
                    document: v.document.as_str(),
                    sentence,
                    claim: c,
                    counted: counted.as_ref().map(|x| content_stems(&x.text).into_iter().collect()).unwrap_or_default(),
                    event: event.as_ref().map(|e| e.name.clone()),
                    value: *value,
                };
                let fits = |g: &Vec<Found<'_>>| {
                    !g.iter().any(|x| x.document == f.document)
                        && g.iter().any(|x| {
                            if !x.counted.is_empty() && !f.counted.is_empty() {
                                !x.counted.is_disjoint(&f.counted)
                            } else if x.event.is_some() && f.event.is_some() {
                                x.event == f.event
                            } else {
                                x.value == f.value
                            }
                        })
                };
                match groups.iter_mut().find(|g| fits(g)) {
                    Some(g) => g.push(f),
                    None => groups.push(vec![f]),
                }
            }
        }
        for g in &groups {
            let first = &g[0].claim.detail;
            let what = match first {
                ClaimDetail::Quantity { counted: Some(c), event, .. } => {
                    event.as_ref().map_or_else(|| c.text.clone(), |e| format!("{} {}", c.text, e.name))
                }
                ClaimDetail::Quantity { event: Some(e), .. } => e.name.clone(),
                _ => g[0].claim.text.clone(),
            };
            let readings = g
                .iter()
                .map(|f| {
                    let v = unit.iter().find(|v| v.document == f.document).expect("a variant of the unit");
                    let (source, hedges, mut kinds) = sentence_info(v, f.sentence);
                    // A changed or added figure is marked on its own reading only.
                    let on_figure = |k: &str| {
                        drifts.iter().any(|d| {
                            d.document == f.document
                                && d.kind.as_str() == k
                                && d.start < f.claim.end
                                && f.claim.start < d.end
                        })
                    };
                    kinds.retain(|k| !matches!(k.as_str(), "number_changed" | "detail_added") || on_figure(k));
                    let approximator = match &f.claim.detail {
                        ClaimDetail::Quantity { approximator, .. } => Some(approximator.as_str().to_string()),
                        _ => Some(Approximator::Exactly.as_str().to_string()),
                    };
                    Reading {
                        document: f.document.to_string(),
                        sentence: f.sentence,
                        start: f.claim.start,
                        end: f.claim.end,
                        text: f.claim.text.clone(),
                        value: f.value,
                        upper: match &f.claim.detail {
                            ClaimDetail::Quantity { upper, .. } => *upper,
                            _ => None,
                        },
                        approximator,
                        source,
                        hedges,
                        drifts: kinds,
                    }
                })
                .collect();
            rows.push(finish(prefix, rows.len(), "quantity", what, readings, &members));
        }

        // A statement credited to someone or hedged, without figures: who says so in each
        // version, and how sure.
        let attributed = variants.iter().any(|v| {
            in_sentences(v)
                .iter()
                .any(|(_, c)| matches!(c.detail, ClaimDetail::Attribution { .. } | ClaimDetail::Hedge { .. }))
        });
        if groups.is_empty() && attributed {
            let readings: Vec<Reading> = variants
                .iter()
                .filter_map(|v| {
                    let article = docs.get(v.document.as_str())?;
                    let sentence = *v.sentences.first()?;
                    let s = article.sentences.get(sentence)?;
                    let (source, hedges, kinds) = sentence_info(v, sentence);
                    Some(Reading {
                        document: v.document.clone(),
                        sentence,
                        start: s.start,
                        end: s.end,
                        text: s.text.clone(),
                        value: None,
                        upper: None,
                        approximator: None,
                        source,
                        hedges,
                        drifts: kinds,
                    })
                })
                .collect();
            let what = readings
                .first()
                .map(|r| r.text.split_whitespace().take(8).collect::<Vec<_>>().join(" "))
                .unwrap_or_default();
            if !readings.is_empty() {
                rows.push(finish(prefix, rows.len(), "statement", what, readings, &members));
            }
        }
    }
    rows
}

fn finish(prefix: &str, k: usize, kind: &str, what: String, readings: Vec<Reading>, members: &[&str]) -> ClaimRow {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for r in &readings {
        let key = reading_key(kind, r);
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some(c) => c.1 += 1,
            None => counts.push((key, 1)),
        }
    }
    // The most given reading; on a tie the first (the reference's, which opens the row).
    let (consensus, agreement) =
        counts.iter().fold((String::new(), 0), |best, (k, n)| if *n > best.1 { (k.clone(), *n) } else { best });
    let carried: HashSet<&str> = readings.iter().map(|r| r.document.as_str()).collect();
    let missing = members.iter().filter(|m| !carried.contains(**m)).map(|m| m.to_string()).collect();
    ClaimRow { id: format!("{prefix}-k{k}"), kind: kind.to_string(), what, readings, consensus, agreement, missing }
}
