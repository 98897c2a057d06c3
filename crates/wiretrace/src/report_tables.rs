//! The report as flat tables (`wiretrace analyze --tables DIR`), with the columns of the
//! Python `Analysis` DataFrames; lists are joined with "; " and evidence is JSON text.

use crate::report::Report;
use crate::shares::VersionRow;
use crate::tables::{Column, Table};
use serde_json::Value;
use std::collections::HashMap;

fn text(values: impl Iterator<Item = Option<String>>) -> Column {
    Column::Text(values.collect())
}

fn int(values: impl Iterator<Item = Option<i64>>) -> Column {
    Column::Int(values.collect())
}

fn float(values: impl Iterator<Item = Option<f64>>) -> Column {
    Column::Float(values.collect())
}

/// The text of a field that is a string, a number, a span (`{"text": …}`) or a named object
/// (`{"name": …}`).
fn field(v: &Value, key: &str) -> Option<String> {
    match v.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => o.get("text").or_else(|| o.get("name")).and_then(Value::as_str).map(str::to_string),
        _ => None,
    }
}

/// Builds a table from rows of JSON objects. `spec` lists the columns, separated by spaces,
/// each `name[=key][:type]`: read from `key` (default: the name), of type `t` text (the
/// default), `i` whole number, `f` real number or `b` true/false.
fn from_values(name: &str, rows: &[Value], spec: &str) -> Table {
    let mut t = Table::new(name);
    for column in spec.split_whitespace() {
        let (column, kind) = column.split_once(':').unwrap_or((column, "t"));
        let (col, key) = column.split_once('=').unwrap_or((column, column));
        let c = match kind {
            "i" => int(rows.iter().map(|r| r.get(key).and_then(Value::as_i64))),
            "f" => float(rows.iter().map(|r| r.get(key).and_then(Value::as_f64))),
            "b" => Column::Bool(rows.iter().map(|r| r.get(key).and_then(Value::as_bool)).collect()),
            _ => text(rows.iter().map(|r| field(r, key))),
        };
        t = t.with(col, c);
    }
    t
}

fn joined(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_array).map(|a| a.iter().filter_map(Value::as_str).collect::<Vec<_>>().join("; "))
}

/// The tables of a report: documents, clusters (one row per member), links, claims, drifts,
/// copy shares and the claim tables (one row per reading).
pub fn report_tables(report: &Report) -> Vec<Table> {
    let v = serde_json::to_value(report).expect("reports serialise");
    let empty = Vec::new();
    let list = |key: &str| v.get(key).and_then(Value::as_array).unwrap_or(&empty).clone();
    let (documents, clusters, pairs, claims, drifts) =
        (list("documents"), list("clusters"), list("pairs"), list("claims"), list("drifts"));
    let cluster_of: HashMap<&str, &str> =
        report.clusters.iter().flat_map(|c| c.documents.iter().map(move |d| (d.as_str(), c.id.as_str()))).collect();

    let docs: Vec<Value> = report
        .documents
        .iter()
        .zip(&documents)
        .map(|(d, raw)| {
            let words: usize = d
                .blocks
                .iter()
                .filter(|b| b.role == wiretrace_parse::Role::Body)
                .map(|b| b.text.split_whitespace().count())
                .sum();
            let mut o = raw.clone();
            o["cluster"] = cluster_of.get(d.id.as_str()).map_or(Value::Null, |c| Value::from(*c));
            o["sentences"] = Value::from(d.sentences.len());
            o["words"] = Value::from(words);
            o
        })
        .collect();
    let documents = from_values(
        "documents",
        &docs,
        "id outlet headline date dateline byline section agency cluster path sentences:i words:i",
    );

    let members: Vec<Value> = report
        .clusters
        .iter()
        .flat_map(|c| {
            c.documents.iter().map(move |d| {
                serde_json::json!({"cluster": c.id, "size": c.documents.len(), "document": d,
                    "source": c.source, "reference": c.reference})
            })
        })
        .collect();
    let clusters_t = from_values("clusters", &members, "cluster size:i document source reference");

    let by_id: HashMap<&str, &wiretrace_parse::Article> = report.documents.iter().map(|d| (d.id.as_str(), d)).collect();
    let sentence = |doc: &str, i: usize| -> Option<String> {
        by_id.get(doc).and_then(|d| d.sentences.get(i)).map(|s| s.text.clone())
    };
    let mut link_rows = Vec::new();
    for p in &pairs {
        let (a, b) = (p["a"].as_str().unwrap_or(""), p["b"].as_str().unwrap_or(""));
        for l in p["links"].as_array().unwrap_or(&empty) {
            let (x, y) =
                (l["a_sentence"].as_u64().unwrap_or(0) as usize, l["b_sentence"].as_u64().unwrap_or(0) as usize);
            link_rows.push(serde_json::json!({"a": a, "b": b, "a_sentence": x, "b_sentence": y, "kind": l["kind"],
                "shape": l["shape"], "moved": l["moved"], "score": l["score"], "a_text": sentence(a, x),
                "b_text": sentence(b, y), "edits": l["diff"].as_array().map_or(0, Vec::len)}));
        }
    }
    let links = from_values(
        "links",
        &link_rows,
        "a b a_sentence:i b_sentence:i kind shape moved:b score:f a_text b_text edits:i",
    );

    let claims_t = from_values(
        "claims",
        &claims,
        "id document sentence:i kind start:i end:i text value:f upper:f approximator counted event speaker source cue entity_type=type name",
    );

    let drift_rows: Vec<Value> = drifts
        .iter()
        .map(|d| {
            let mut o = d.clone();
            o["evidence_documents"] = Value::from(
                d["evidence"]
                    .as_array()
                    .unwrap_or(&empty)
                    .iter()
                    .filter_map(|e| e["document"].as_str())
                    .collect::<Vec<_>>()
                    .join("; "),
            );
            o["evidence"] = Value::from(d["evidence"].to_string());
            o
        })
        .collect();
    let drifts_t =
        from_values("drifts", &drift_rows, "document kind start:i end:i text explanation evidence_documents evidence");

    let mut share_rows = Vec::new();
    let mut reading_rows = Vec::new();
    for c in &clusters {
        for s in c["copy"].as_array().unwrap_or(&empty) {
            let mut o = s.clone();
            o["cluster"] = c["id"].clone();
            o["reference"] = c["reference"].clone();
            share_rows.push(o);
        }
        for k in c.get("claim_table").and_then(Value::as_array).unwrap_or(&empty) {
            for r in k["readings"].as_array().unwrap_or(&empty) {
                let mut o = r.clone();
                for key in ["kind", "what", "consensus", "agreement"] {
                    o[key] = k[key].clone();
                }
                o["cluster"] = c["id"].clone();
                o["claim"] = k["id"].clone();
                o["hedges"] = joined(r, "hedges").map_or(Value::Null, Value::from);
                o["drifts"] = joined(r, "drifts").map_or(Value::Null, Value::from);
                reading_rows.push(o);
            }
        }
    }
    let shares =
        from_values("copy_shares", &share_rows, "cluster reference document verbatim:f edited:f paraphrase:f added:f");
    let readings = from_values(
        "claim_table",
        &reading_rows,
        "cluster claim kind what consensus agreement:i document sentence:i start:i end:i text value:f upper:f approximator source hedges drifts",
    );
    vec![documents, clusters_t, links, claims_t, drifts_t, shares, readings]
}

/// Writes the report's tables into `dir` (created if needed), one file per table named after
/// it (`claims.parquet`, …); returns the files written.
pub fn write_tables(
    report: &Report,
    dir: &std::path::Path,
    format: crate::tables::Format,
) -> Result<Vec<std::path::PathBuf>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut written = Vec::new();
    for t in report_tables(report) {
        let path = dir.join(format!("{}.{}", t.name, format.extension()));
        crate::tables::write_file(&t, format, &path)?;
        written.push(path);
    }
    Ok(written)
}

/// The version rows of [`crate::shares::version_rows`] as a table named `versions`.
pub fn versions_table(rows: &[VersionRow]) -> Table {
    let values: Vec<Value> = rows.iter().map(|r| serde_json::to_value(r).expect("rows serialise")).collect();
    from_values(
        "versions",
        &values,
        "document outlet date story versions:i reference is_source:b verbatim:f edited:f paraphrase:f added:f drifts:i",
    )
}

/// Clusters of document identifiers as a table named `clusters`: one row per document with
/// its cluster (`c0`, `c1`, …) and the cluster's size.
pub fn clusters_table(clusters: &[Vec<String>]) -> Table {
    let rows: Vec<(String, String, i64)> = clusters
        .iter()
        .enumerate()
        .flat_map(|(i, docs)| docs.iter().map(move |d| (d.clone(), format!("c{i}"), docs.len() as i64)))
        .collect();
    Table::new("clusters")
        .with("document", text(rows.iter().map(|r| Some(r.0.clone()))))
        .with("cluster", text(rows.iter().map(|r| Some(r.1.clone()))))
        .with("size", int(rows.iter().map(|r| Some(r.2))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{analyze, Options};

    #[test]
    fn the_report_tables_have_a_row_per_item() {
        let report = analyze(crate::demo::inputs(), Vec::new(), &Options::default());
        let tables = report_tables(&report);
        let rows: HashMap<&str, usize> = tables.iter().map(|t| (t.name.as_str(), t.rows())).collect();
        assert_eq!(rows["documents"], report.documents.len());
        assert_eq!(rows["clusters"], report.documents.len());
        assert_eq!(rows["links"], report.pairs.iter().map(|p| p.links.len()).sum::<usize>());
        assert_eq!(rows["claims"], report.claims.len());
        assert_eq!(rows["drifts"], report.drifts.len());
        assert_eq!(rows["copy_shares"], report.clusters.iter().map(|c| c.copy.len()).sum::<usize>());
        let readings: usize = report.clusters.iter().flat_map(|c| &c.claim_table).map(|k| k.readings.len()).sum();
        assert_eq!(rows["claim_table"], readings);
        // Values land in their columns.
        let drifts = tables.iter().find(|t| t.name == "drifts").unwrap();
        let Column::Text(kinds) = &drifts.columns[1].1 else { panic!("kind is text") };
        assert_eq!(kinds[0].as_deref(), Some(report.drifts[0].kind.as_str()));
        let claims = tables.iter().find(|t| t.name == "claims").unwrap();
        let Column::Float(values) = &claims.columns[7].1 else { panic!("value is a number") };
        assert!(values.iter().flatten().any(|v| *v == 12.0));
    }
}
