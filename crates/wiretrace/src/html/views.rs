//! Pictures of one story drawn without scripts: the copy heatmap between its versions, the
//! derivation graph (inline SVG) and the collation grid.

use super::{escape, name, version_headers};
use crate::report::{Cluster, Report};
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write;
use wiretrace_parse::Article;

/// The link kinds the heatmap counts as copied.
pub const COPIED: &[&str] = &["verbatim", "edited"];

/// How much each version of a cluster carries of each other one: cell `[r][c]` is the share
/// of version `r`'s sentences linked to a sentence of version `c` by a link of one of `kinds`
/// (`None` on the diagonal), versions in the cluster's order. The HTML report's heatmap
/// (with [`COPIED`]) and the Python `wiretrace.plot.copy_matrix` are drawn from it.
pub fn copy_matrix(report: &Report, cluster: &Cluster, kinds: &[&str]) -> Vec<Vec<Option<f64>>> {
    let n = cluster.documents.len();
    let index: HashMap<&str, usize> = cluster.documents.iter().enumerate().map(|(i, d)| (d.as_str(), i)).collect();
    let sentences: HashMap<&str, usize> = report.documents.iter().map(|d| (d.id.as_str(), d.sentences.len())).collect();
    let mut linked: Vec<Vec<BTreeSet<usize>>> = vec![vec![BTreeSet::new(); n]; n];
    for p in &report.pairs {
        let (Some(&a), Some(&b)) = (index.get(p.a.as_str()), index.get(p.b.as_str())) else { continue };
        for l in p.links.iter().filter(|l| kinds.contains(&l.kind.as_str())) {
            linked[a][b].insert(l.a_sentence);
            linked[b][a].insert(l.b_sentence);
        }
    }
    (0..n)
        .map(|r| {
            let total = sentences.get(cluster.documents[r].as_str()).copied().unwrap_or(0);
            (0..n)
                .map(|c| (r != c).then(|| if total == 0 { 0.0 } else { linked[r][c].len() as f64 / total as f64 }))
                .collect()
        })
        .collect()
}

/// The copy heatmap: one row per version, one column per version it may copy from.
pub(super) fn heatmap(h: &mut String, report: &Report, c: &Cluster, docs: &HashMap<&str, &Article>) {
    let m = copy_matrix(report, c, COPIED);
    h.push_str("<details class=\"heatmap\" open><summary>Who copies from whom</summary><p class=\"muted\">Share of each row's sentences found verbatim or edited in the column's version.</p><div class=\"scroll\"><table class=\"heat\"><tr><th>version</th>");
    version_headers(h, c, docs);
    for (r, row) in m.iter().enumerate() {
        let _ = write!(h, "<tr><th>{}</th>", escape(name(docs, &c.documents[r])));
        for (col, cell) in row.iter().enumerate() {
            match cell {
                None => h.push_str("<td class=\"diag\"></td>"),
                Some(v) => {
                    let ink = if *v > 0.55 { "#fff" } else { "inherit" };
                    let _ = write!(
                        h,
                        "<td style=\"background:rgba(46,125,50,{v:.2});color:{ink}\" title=\"{} copies {:.0}% of its sentences from {}\">{:.0}%</td>",
                        escape(name(docs, &c.documents[r])),
                        v * 100.0,
                        escape(name(docs, &c.documents[col])),
                        v * 100.0
                    );
                }
            }
        }
        h.push_str("</tr>");
    }
    h.push_str("</table></div></details>");
}

/// Each version's depth in the derivation graph: the reference and versions with no parent
/// at 0, every other version one below its parent (cycles and missing parents cut at 0).
fn depths(c: &Cluster) -> Vec<usize> {
    let parent: HashMap<&str, &str> =
        c.derivation.iter().filter_map(|d| d.parent.as_deref().map(|p| (d.document.as_str(), p))).collect();
    c.documents
        .iter()
        .map(|d| {
            let mut depth = 0;
            let mut at = d.as_str();
            while let Some(&p) = parent.get(at) {
                depth += 1;
                at = p;
                if depth > c.documents.len() {
                    return 0;
                }
            }
            depth
        })
        .collect()
}

fn short(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        s.chars().take(max - 1).collect::<String>() + "…"
    }
}

/// The derivation graph as inline SVG: the reference on top, each version below the version
/// it most likely comes from, arrows labelled with how much of the child its parent contains.
pub(super) fn derivation(h: &mut String, c: &Cluster, docs: &HashMap<&str, &Article>) {
    if c.derivation.is_empty() {
        return;
    }
    let depth = depths(c);
    let layers = depth.iter().max().map_or(1, |d| d + 1);
    let mut columns: Vec<Vec<usize>> = vec![Vec::new(); layers];
    for (i, &d) in depth.iter().enumerate() {
        columns[d].push(i);
    }
    const NODE_W: usize = 150;
    const NODE_H: usize = 34;
    const GAP: usize = 20;
    const ROW: usize = 96;
    let width = columns.iter().map(|l| l.len()).max().unwrap_or(1) * (NODE_W + GAP) + GAP;
    let height = layers * ROW;
    let mut at: HashMap<usize, (usize, usize)> = HashMap::new();
    for (d, layer) in columns.iter().enumerate() {
        let span = layer.len() * (NODE_W + GAP) - GAP;
        let left = (width - span) / 2;
        for (k, &i) in layer.iter().enumerate() {
            at.insert(i, (left + k * (NODE_W + GAP), 16 + d * ROW));
        }
    }
    let index: HashMap<&str, usize> = c.documents.iter().enumerate().map(|(i, d)| (d.as_str(), i)).collect();
    let _ = write!(
        h,
        "<details class=\"derivation\" open><summary>Derivation: who copied whom</summary><p class=\"muted\">Each version under its most likely source; the arrow's figure is the share of the version found in its source.</p><svg class=\"graph\" role=\"img\" aria-label=\"derivation graph\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\"><defs><marker id=\"arrow-{id}\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" fill=\"#555\"/></marker></defs>",
        id = escape(&c.id)
    );
    for rec in &c.derivation {
        let (Some(p), Some(&child)) = (rec.parent.as_deref(), index.get(rec.document.as_str())) else { continue };
        let Some(&parent) = index.get(p) else { continue };
        let ((px, py), (cx, cy)) = (at[&parent], at[&child]);
        let (x1, y1, x2, y2) = (px + NODE_W / 2, py + NODE_H, cx + NODE_W / 2, cy);
        let _ = write!(
            h,
            "<g class=\"edge\"><title>{} from {}: {:.0}% of it is in its source, {} shared deviations</title><line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\" stroke=\"#555\" stroke-width=\"1.5\" marker-end=\"url(#arrow-{})\"/><text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#555\">{:.0}%</text></g>",
            escape(name(docs, &rec.document)),
            escape(name(docs, p)),
            rec.contained_in_parent * 100.0,
            rec.shared_deviations.len(),
            escape(&c.id),
            (x1 + x2) / 2 + 4,
            (y1 + y2) / 2 + 4,
            rec.contained_in_parent * 100.0
        );
    }
    for (i, id) in c.documents.iter().enumerate() {
        let (x, y) = at[&i];
        let is_ref = c.reference.as_deref() == Some(id.as_str());
        let orphan = !is_ref && depth[i] == 0;
        let (fill, stroke) = if is_ref {
            ("#1d2b3a", "#1d2b3a")
        } else if orphan {
            ("#fafafa", "#bbb")
        } else {
            ("#e8f5e9", "#2e7d32")
        };
        let ink = if is_ref { "#fff" } else { "#1d1d1f" };
        let note = if is_ref {
            " (reference)"
        } else if orphan {
            " (no source found among the versions)"
        } else {
            ""
        };
        let _ = write!(
            h,
            "<g class=\"node\"><title>{}{}</title><rect x=\"{x}\" y=\"{y}\" width=\"{NODE_W}\" height=\"{NODE_H}\" rx=\"6\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-dasharray=\"{}\"/><text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"middle\" fill=\"{ink}\">{}</text></g>",
            escape(id),
            note,
            if orphan { "4 3" } else { "none" },
            x + NODE_W / 2,
            y + NODE_H / 2 + 4,
            escape(&short(name(docs, id), 22))
        );
    }
    h.push_str("</svg></details>");
}

/// The collation grid: one row per unit of text, one column per version, a filled cell where
/// the version carries the unit (its wording on hover).
pub(super) fn collation(h: &mut String, c: &Cluster, docs: &HashMap<&str, &Article>) {
    if c.units.is_empty() {
        return;
    }
    let text = |doc: &str, sentences: &[usize]| -> String {
        docs.get(doc)
            .map(|d| {
                sentences
                    .iter()
                    .filter_map(|&s| d.sentences.get(s))
                    .map(|s| s.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default()
    };
    let _ = write!(
        h,
        "<details class=\"collation\"><summary>Collation: {} units of text across the versions</summary><p class=\"muted\">Units in story order; a filled cell where the version carries the unit (its wording on hover), faded where only one version does.</p><div class=\"scroll\"><table class=\"units\"><tr><th>#</th><th>unit</th>",
        c.units.len()
    );
    version_headers(h, c, docs);
    for (k, unit) in c.units.iter().enumerate() {
        let lead = unit
            .iter()
            .find(|v| c.reference.as_deref() == Some(v.document.as_str()))
            .or_else(|| unit.first())
            .map(|v| text(&v.document, &v.sentences))
            .unwrap_or_default();
        let _ = write!(
            h,
            "<tr class=\"{}\"><td class=\"muted\">{k}</td><td>{}</td>",
            if unit.len() == 1 { "single" } else { "shared" },
            escape(&short(&lead, 110))
        );
        for id in &c.documents {
            match unit.iter().find(|v| &v.document == id) {
                Some(v) => {
                    let _ = write!(h, "<td class=\"carried\" title=\"{}\">■</td>", escape(&text(id, &v.sentences)));
                }
                None => h.push_str("<td></td>"),
            }
        }
        h.push_str("</tr>");
    }
    h.push_str("</table></div></details>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{analyze, Options};

    fn demo_report() -> Report {
        analyze(crate::demo::inputs(), Vec::new(), &Options::default())
    }

    #[test]
    fn the_copy_matrix_counts_each_rows_linked_sentences_against_its_sentence_count() {
        let report = demo_report();
        let c = report.clusters.iter().max_by_key(|c| c.documents.len()).unwrap();
        let m = copy_matrix(&report, c, COPIED);
        assert_eq!(m.len(), c.documents.len());
        for (r, row) in m.iter().enumerate() {
            assert!(row[r].is_none());
            for v in row.iter().flatten() {
                assert!((0.0..=1.0).contains(v), "{v}");
            }
        }
        // Recount one cell by hand: the first rewrite against the reference.
        let rf = c.reference.clone().unwrap();
        let (ri, other) = c.documents.iter().enumerate().find(|(_, d)| **d != rf).map(|(i, d)| (i, d.clone())).unwrap();
        let ci = c.documents.iter().position(|d| *d == rf).unwrap();
        let pair = report.pairs.iter().find(|p| (p.a == rf && p.b == other) || (p.b == rf && p.a == other)).unwrap();
        let mut mine = BTreeSet::new();
        for l in pair.links.iter().filter(|l| l.kind == "verbatim" || l.kind == "edited") {
            mine.insert(if pair.a == other { l.a_sentence } else { l.b_sentence });
        }
        let n = report.documents.iter().find(|d| d.id == other).unwrap().sentences.len();
        assert!(!mine.is_empty());
        assert!((m[ri][ci].unwrap() - mine.len() as f64 / n as f64).abs() < 1e-12);
    }

    #[test]
    fn depths_put_each_version_below_its_parent() {
        let report = demo_report();
        let c = report.clusters.iter().max_by_key(|c| c.documents.len()).unwrap();
        let d = depths(c);
        let at = |id: &str| d[c.documents.iter().position(|x| x == id).unwrap()];
        assert_eq!(at(c.reference.as_deref().unwrap()), 0);
        for rec in &c.derivation {
            if let Some(p) = &rec.parent {
                assert_eq!(at(&rec.document), at(p) + 1, "{} under {}", rec.document, p);
            }
        }
        assert!(d.iter().any(|&x| x >= 2), "the demo has a copy of a copy: {d:?}");
    }
}
