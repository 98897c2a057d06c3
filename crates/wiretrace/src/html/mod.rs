//! The self-contained HTML report: one file, inline styles, no scripts or network access.

mod cluster;
mod views;

use crate::report::Report;
use std::collections::HashMap;
use std::fmt::Write;
use wiretrace_parse::Article;

pub use views::{copy_matrix, COPIED};

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root{--verbatim:#2e7d32;--edited:#f9a825;--paraphrase:#1565c0;--added:#ef6c00;--dropped:#9e9e9e;--drift:#c62828;--ink:#1d1d1f;--muted:#666;--line:#ddd}
*{box-sizing:border-box}body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);margin:0;background:#fafafa}
header.top{background:#1d2b3a;color:#fff;padding:18px 28px}header.top h1{margin:0;font-size:22px}header.top p{margin:4px 0 0;color:#cfd8e3}
nav.toc{padding:10px 28px;background:#eef2f6;border-bottom:1px solid var(--line)}nav.toc a{margin-right:14px}
main{padding:8px 28px 40px;max-width:1400px}section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:14px 18px;margin:16px 0}
h2{margin:4px 0 10px;font-size:19px}h3{font-size:16px;margin:14px 0 6px}table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}th{font-weight:600;background:#f5f7f9}
.bar{display:flex;height:14px;width:220px;border-radius:3px;overflow:hidden;background:#eee}.bar span{display:block;height:100%}
.k-verbatim{background:var(--verbatim)}.k-edited{background:var(--edited)}.k-paraphrase{background:var(--paraphrase)}.k-added{background:var(--added)}
.legend span{display:inline-block;margin-right:12px}.legend i{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:4px;vertical-align:-1px}
.badge{display:inline-block;padding:1px 7px;border-radius:10px;background:#fdecea;color:var(--drift);font-size:12px;font-weight:600;white-space:nowrap}
.stats{display:flex;gap:18px;flex-wrap:wrap}.kinds{display:flex;gap:8px 18px;flex-wrap:wrap}td.date{white-space:nowrap}.stat{background:#f5f7f9;border-radius:6px;padding:8px 14px}.stat b{font-size:20px;display:block}
.side{display:grid;grid-template-columns:1fr 1fr;gap:14px}.side h4{margin:6px 0}.s{padding:3px 6px;margin:2px 0;border-left:4px solid transparent;border-radius:2px}
.s.verbatim{border-color:var(--verbatim);background:#e8f5e9}.s.edited{border-color:var(--edited);background:#fff8e1}.s.paraphrase{border-color:var(--paraphrase);background:#e3f2fd}
.s.added{border-color:var(--added);background:#fff3e0}.s.dropped{border-color:var(--dropped);color:var(--muted);text-decoration:line-through}
.s.has-drift{outline:2px solid var(--drift)}.idx{color:var(--muted);font-size:11px;margin-right:4px}
.doc .b{margin:4px 0;padding:2px 6px;border-radius:3px}.doc .role{font-size:11px;color:var(--muted);text-transform:uppercase;margin-right:6px}
.doc .boilerplate{text-decoration:line-through;color:#999}.doc .headline{font-weight:700;font-size:17px}.doc .caption,.doc .credit{font-style:italic;color:#555}
.doc .dek,.doc .summary{color:#333;font-style:italic}.doc .subhead{font-weight:600}
mark.drift{background:#ffcdd2;padding:0 1px}blockquote{margin:4px 0;padding:2px 8px;border-left:3px solid var(--line);color:#444}
del{background:#ffcdd2;text-decoration:line-through}ins{background:#c8e6c9;text-decoration:none}
table.heat td{text-align:center;min-width:64px;font-size:13px}table.heat td.diag{background:#f0f0f0}table.heat th{font-size:13px}
svg.graph{display:block;max-width:100%;height:auto;margin:6px 0}table.units td{font-size:13px}table.units td.carried{color:var(--verbatim);text-align:center}table.units tr.single td.carried{color:var(--added)}
details>summary{cursor:pointer;font-weight:600;margin:6px 0}.scroll{overflow-x:auto}table.claims td{font-size:13px;min-width:120px}td.drifted{background:#fdecea}.muted{color:var(--muted)}.err{color:var(--drift)}
"#;

/// A part of the report to embed in another page, such as a notebook's output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    /// The summary: counts, drifts by kind, skipped inputs.
    Summary,
    /// One story cluster: versions, drifts, claim table, copy heatmap, derivation graph,
    /// collation and the versions side by side with the reference.
    Cluster(String),
    /// The claim table of one story cluster.
    Claims(String),
}

/// Renders one view of the report as an HTML fragment: a `<div class="wiretrace">` with its
/// own style, scoped to that class so that it leaves the host page alone. Fails when the
/// view names a cluster the report does not have.
pub fn fragment(report: &Report, view: &View) -> Result<String, String> {
    let docs: HashMap<&str, &Article> = report.documents.iter().map(|d| (d.id.as_str(), d)).collect();
    let find = |id: &str| {
        report.clusters.iter().find(|c| c.id == id).ok_or_else(|| {
            let known: Vec<&str> = report.clusters.iter().map(|c| c.id.as_str()).take(10).collect();
            format!("no cluster {id:?} in this report; known clusters: {}", known.join(", "))
        })
    };
    let mut h = format!("<div class=\"wiretrace\"><style>{}</style>", scoped_style("wiretrace"));
    match view {
        View::Summary => summary(&mut h, report),
        View::Cluster(id) => cluster::section(&mut h, report, find(id)?, &docs),
        View::Claims(id) => cluster::claim_table(&mut h, report, find(id)?, &docs),
    }
    h.push_str("</div>");
    Ok(h)
}

/// The report's style with every rule limited to elements inside `.class`.
fn scoped_style(class: &str) -> String {
    let mut out = String::with_capacity(STYLE.len() * 2);
    for rule in STYLE.split('}').map(str::trim).filter(|r| !r.is_empty()) {
        let Some((selectors, body)) = rule.split_once('{') else { continue };
        let scoped: Vec<String> = selectors
            .split(',')
            .map(|s| match s.trim() {
                ":root" | "body" => format!(".{class}"),
                sel => format!(".{class} {sel}"),
            })
            .collect();
        let _ = write!(out, "{}{{{body}}}", scoped.join(","));
    }
    out
}

/// Renders the report as one self-contained HTML page.
pub fn render(report: &Report) -> String {
    let docs: HashMap<&str, &Article> = report.documents.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>wiretrace report</title><style>{STYLE}</style></head><body>"
    );
    let _ = write!(
        h,
        "<header class=\"top\"><h1>wiretrace report</h1><p>How the versions of each story differ: copied, edited, paraphrased, added and dropped text, and the claims that drifted. Schema {}</p></header>",
        escape(&report.schema)
    );
    let _ = write!(h, "<nav class=\"toc\"><a href=\"#summary\">Summary</a>");
    for c in report.clusters.iter().filter(|c| c.documents.len() > 1) {
        let _ = write!(h, "<a href=\"#{0}\">Story {0}</a>", escape(&c.id));
    }
    let _ = write!(h, "<a href=\"#documents\">Documents</a></nav><main>");
    summary(&mut h, report);
    for c in report.clusters.iter().filter(|c| c.documents.len() > 1) {
        cluster::section(&mut h, report, c, &docs);
    }
    documents(&mut h, report);
    h.push_str("</main></body></html>\n");
    h
}

fn summary(h: &mut String, report: &Report) {
    let multi = report.clusters.iter().filter(|c| c.documents.len() > 1).count();
    let _ = write!(
        h,
        "<section id=\"summary\"><h2>Summary</h2><div class=\"stats\"><div class=\"stat\"><b>{}</b>documents</div><div class=\"stat\"><b>{}</b>story clusters ({} with several versions)</div><div class=\"stat\"><b>{}</b>claims</div><div class=\"stat\"><b>{}</b>drifts</div><div class=\"stat\"><b>{}</b>inputs skipped</div></div>",
        report.documents.len(),
        report.clusters.len(),
        multi,
        report.claims.len(),
        report.drifts.len(),
        report.errors.len()
    );
    let counts = report.drift_counts();
    if !counts.is_empty() {
        h.push_str("<h3>Drifts by kind</h3><div class=\"kinds\">");
        for (k, n) in counts.into_iter().filter(|(_, n)| *n > 0) {
            let _ = write!(h, "<span><span class=\"badge\">{k}</span> <b>{n}</b></span>");
        }
        h.push_str("</div>");
    }
    if !report.errors.is_empty() {
        h.push_str("<h3>Skipped inputs</h3><ul>");
        for e in &report.errors {
            let _ = write!(h, "<li class=\"err\"><b>{}</b>: {}</li>", escape(&e.input), escape(&e.message));
        }
        h.push_str("</ul>");
    }
    h.push_str("<p class=\"legend\"><span><i class=\"k-verbatim\"></i>verbatim</span><span><i class=\"k-edited\"></i>edited</span><span><i class=\"k-paraphrase\"></i>paraphrase</span><span><i class=\"k-added\"></i>added</span><span><i style=\"background:var(--dropped)\"></i>dropped</span></p></section>");
}

/// Writes one header cell per version of the cluster, named by outlet, and closes the row.
pub(crate) fn version_headers(h: &mut String, c: &crate::report::Cluster, docs: &HashMap<&str, &Article>) {
    for id in &c.documents {
        let _ = write!(h, "<th>{}</th>", escape(name(docs, id)));
    }
    h.push_str("</tr>");
}

pub(crate) fn name<'a>(docs: &HashMap<&str, &'a Article>, id: &'a str) -> &'a str {
    docs.get(id).and_then(|d| d.outlet.as_deref()).unwrap_or(id)
}

fn documents(h: &mut String, report: &Report) {
    h.push_str("<section id=\"documents\"><h2>Documents</h2><p class=\"muted\">Every block with the role the parser gave it; boilerplate is struck through.</p>");
    for d in &report.documents {
        let _ = write!(
            h,
            "<details id=\"doc-{0}\"><summary>{0} — {1}</summary><p class=\"muted\">outlet: {2} · date: {3} · dateline: {4} · byline: {5} · section: {6} · path: {7}</p><div class=\"doc\">",
            escape(&d.id),
            escape(d.headline.as_deref().unwrap_or("(no headline)")),
            escape(d.outlet.as_deref().unwrap_or("—")),
            escape(d.date.as_deref().unwrap_or("—")),
            escape(d.dateline.as_deref().unwrap_or("—")),
            escape(d.byline.as_deref().unwrap_or("—")),
            escape(d.section.as_deref().unwrap_or("—")),
            escape(d.path.as_deref().unwrap_or("—"))
        );
        for b in &d.blocks {
            let _ = write!(
                h,
                "<div class=\"b {0}\"><span class=\"role\">{0}</span>{1}</div>",
                b.role.as_str(),
                escape(&b.text)
            );
        }
        h.push_str("</div></details>");
    }
    h.push_str("</section>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{analyze, Options};

    #[test]
    fn fragments_carry_a_scoped_style_and_name_unknown_clusters() {
        let report = analyze(crate::demo::inputs(), Vec::new(), &Options::default());
        let c = report.clusters.iter().max_by_key(|c| c.documents.len()).unwrap();
        let part = fragment(&report, &View::Cluster(c.id.clone())).unwrap();
        assert!(part.starts_with("<div class=\"wiretrace\"><style>.wiretrace{"));
        let style = &part[part.find("<style>").unwrap() + 7..part.find("</style>").unwrap()];
        for rule in style.split('}').filter(|r| !r.is_empty()) {
            let selectors = rule.split('{').next().unwrap();
            assert!(selectors.split(',').all(|s| s.starts_with(".wiretrace")), "{selectors}");
        }
        assert!(part.contains("table class=\"heat\"") && part.contains("svg class=\"graph\""));
        let claims = fragment(&report, &View::Claims(c.id.clone())).unwrap();
        assert!(claims.contains("class=\"claims\"") && !claims.contains("class=\"heat\""));
        // A drifted reading's hover gives the drift's explanation and the other versions' words.
        assert!(claims.contains("number_changed: "), "{}", &claims[..200]);
        let err = fragment(&report, &View::Claims("c99".into())).unwrap_err();
        assert!(err.contains("no cluster \"c99\"") && err.contains(&c.id), "{err}");
    }
}
