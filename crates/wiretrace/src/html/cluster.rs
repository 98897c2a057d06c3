//! One story's section of the report: its versions, drifts, claim table, copy heatmap,
//! derivation graph, collation and each version side by side with the reference.

use super::{escape, name, version_headers, views};
use crate::report::{Cluster, Report};
use std::collections::HashMap;
use std::fmt::Write;
use wiretrace_claims::Drift;
use wiretrace_parse::Article;

/// Writes the section of one cluster.
pub(super) fn section(h: &mut String, report: &Report, c: &Cluster, docs: &HashMap<&str, &Article>) {
    let _ =
        write!(h, "<section id=\"{}\"><h2>Story {}: {} versions</h2>", escape(&c.id), escape(&c.id), c.documents.len());
    match (&c.source, &c.reference) {
        (Some(s), _) => {
            let _ = write!(
                h,
                "<p>Wire source: <b>{}</b>. Every other version is compared with it.</p>",
                escape(name(docs, s))
            );
        }
        (None, Some(r)) => {
            let _ = write!(h, "<p>No wire source among the versions; they are compared with <b>{}</b>, the version most shared with the others.</p>", escape(name(docs, r)));
        }
        _ => {}
    }
    h.push_str("<table><tr><th>document</th><th>outlet</th><th>headline</th><th>date</th><th>copied from the reference</th></tr>");
    for id in &c.documents {
        let d = docs[id.as_str()];
        let share = c.copy.iter().find(|s| &s.document == id);
        let bar = match share {
            Some(s) => format!(
                "<div class=\"bar\" title=\"verbatim {:.0}%, edited {:.0}%, paraphrase {:.0}%, added {:.0}%\"><span class=\"k-verbatim\" style=\"width:{:.1}%\"></span><span class=\"k-edited\" style=\"width:{:.1}%\"></span><span class=\"k-paraphrase\" style=\"width:{:.1}%\"></span><span class=\"k-added\" style=\"width:{:.1}%\"></span></div>",
                s.verbatim * 100.0, s.edited * 100.0, s.paraphrase * 100.0, s.added * 100.0,
                s.verbatim * 100.0, s.edited * 100.0, s.paraphrase * 100.0, s.added * 100.0
            ),
            None => "<span class=\"muted\">reference</span>".to_string(),
        };
        let _ = write!(
            h,
            "<tr><td><a href=\"#doc-{0}\">{0}</a></td><td>{1}</td><td>{2}</td><td class=\"date\">{3}</td><td>{4}</td></tr>",
            escape(id),
            escape(d.outlet.as_deref().unwrap_or("")),
            escape(d.headline.as_deref().unwrap_or("")),
            escape(d.date.as_deref().unwrap_or("")),
            bar
        );
    }
    h.push_str("</table>");
    let drifts: Vec<&Drift> = report.drifts.iter().filter(|d| c.documents.contains(&d.document)).collect();
    let _ = write!(h, "<h3>Drifts ({})</h3>", drifts.len());
    if !drifts.is_empty() {
        h.push_str("<table><tr><th>kind</th><th>version</th><th>text</th><th>what the other versions say</th></tr>");
        for d in &drifts {
            let mut ev = String::new();
            for e in &d.evidence {
                let _ = write!(
                    ev,
                    "<blockquote><b>{}</b>: {}</blockquote>",
                    escape(name(docs, &e.document)),
                    escape(&e.text)
                );
            }
            let _ = write!(
                h,
                "<tr><td><span class=\"badge\">{}</span></td><td>{}</td><td><mark class=\"drift\">{}</mark><div class=\"muted\">{}</div></td><td>{}</td></tr>",
                d.kind.as_str(),
                escape(name(docs, &d.document)),
                escape(&d.text),
                escape(&d.explanation),
                ev
            );
        }
        h.push_str("</table>");
    }
    claim_table(h, report, c, docs);
    views::heatmap(h, report, c, docs);
    views::derivation(h, c, docs);
    views::collation(h, c, docs);
    if let Some(rf) = &c.reference {
        h.push_str("<h3>Side by side with the reference</h3>");
        for id in c.documents.iter().filter(|id| *id != rf) {
            side_by_side(h, report, rf, id, docs);
        }
    }
    h.push_str("</section>");
}

/// The claims × versions table: each version's reading, the consensus, drifts highlighted
/// (their kinds on hover).
pub(super) fn claim_table(h: &mut String, report: &Report, c: &Cluster, docs: &HashMap<&str, &Article>) {
    if c.claim_table.is_empty() {
        return;
    }
    let _ = write!(
        h,
        "<details class=\"claims\" open><summary>Claims across the versions ({})</summary><div class=\"scroll\"><table class=\"claims\"><tr><th>claim</th><th>consensus</th>",
        c.claim_table.len()
    );
    version_headers(h, c, docs);
    for row in &c.claim_table {
        let _ = write!(
            h,
            "<tr><td>{}<div class=\"muted\">{}</div></td><td>{} <span class=\"muted\">({} of {})</span></td>",
            escape(&row.what),
            escape(&row.kind),
            escape(&row.consensus),
            row.agreement,
            row.readings.len() + row.missing.len()
        );
        for id in &c.documents {
            match row.readings.iter().find(|r| &r.document == id) {
                None => h.push_str("<td class=\"muted\">—</td>"),
                Some(r) => {
                    let mut cell = escape(&r.text);
                    if let Some(s) = &r.source {
                        let _ = write!(cell, "<div class=\"muted\">{}</div>", escape(s));
                    }
                    if !r.hedges.is_empty() {
                        let _ = write!(cell, "<div class=\"muted\"><i>{}</i></div>", escape(&r.hedges.join(", ")));
                    }
                    if r.drifts.is_empty() {
                        let _ = write!(h, "<td>{cell}</td>");
                    } else {
                        let kinds = r.drifts.join(", ");
                        let _ = write!(
                            h,
                            "<td class=\"drifted\" title=\"{}\">{cell}<div><span class=\"badge\">{}</span></div></td>",
                            escape(&drift_evidence(report, r, docs)),
                            escape(&kinds)
                        );
                    }
                }
            }
        }
        h.push_str("</tr>");
    }
    h.push_str("</table></div></details>");
}

fn side_by_side(h: &mut String, report: &Report, rf: &str, id: &str, docs: &HashMap<&str, &Article>) {
    let Some(pair) = report.pairs.iter().find(|p| (p.a == rf && p.b == id) || (p.a == id && p.b == rf)) else { return };
    let flipped = pair.a != rf;
    let (a, b) = (docs[rf], docs[id]);
    let mut kind_a: Vec<&str> = vec!["dropped"; a.sentences.len()];
    let mut kind_b: Vec<&str> = vec!["added"; b.sentences.len()];
    for l in &pair.links {
        let (x, y) = if flipped { (l.b_sentence, l.a_sentence) } else { (l.a_sentence, l.b_sentence) };
        if let Some(k) = kind_a.get_mut(x) {
            *k = &l.kind;
        }
        if let Some(k) = kind_b.get_mut(y) {
            *k = &l.kind;
        }
    }
    let drift_at = |d: &Article, s: usize| -> Vec<&Drift> {
        let sent = &d.sentences[s];
        report.drifts.iter().filter(|x| x.document == d.id && x.start < sent.end && sent.start < x.end).collect()
    };
    let _ = write!(
        h,
        "<details><summary>{} against {}</summary><div class=\"side\"><div><h4>{}</h4>",
        escape(name(docs, id)),
        escape(name(docs, rf)),
        escape(name(docs, rf))
    );
    // Word edits of the edited links, as code-point spans of each side.
    let mut del: Vec<(usize, usize)> = Vec::new();
    let mut ins: Vec<(usize, usize)> = Vec::new();
    for l in pair.links.iter().filter(|l| l.kind == "edited") {
        for e in &l.diff {
            let ((ra, rb), (va, vb)) = if flipped {
                ((e.b_start, e.b_end), (e.a_start, e.a_end))
            } else {
                ((e.a_start, e.a_end), (e.b_start, e.b_end))
            };
            if ra < rb {
                del.push((ra, rb));
            }
            if va < vb {
                ins.push((va, vb));
            }
        }
    }
    for (i, s) in a.sentences.iter().enumerate() {
        let text = marked(&s.text, s.start, &del, "del");
        let _ = write!(h, "<div class=\"s {}\"><span class=\"idx\">{}</span>{}</div>", kind_a[i], i, text);
    }
    let _ = write!(h, "</div><div><h4>{}</h4>", escape(name(docs, id)));
    for (i, s) in b.sentences.iter().enumerate() {
        let ds = drift_at(b, i);
        let title: Vec<String> = ds.iter().map(|d| format!("{}: {}", d.kind.as_str(), d.explanation)).collect();
        let _ = write!(
            h,
            "<div class=\"s {}{}\" title=\"{}\"><span class=\"idx\">{}</span>{}{}</div>",
            kind_b[i],
            if ds.is_empty() { "" } else { " has-drift" },
            escape(&title.join("\n")),
            i,
            marked(&s.text, s.start, &ins, "ins"),
            ds.iter().map(|d| format!(" <span class=\"badge\">{}</span>", d.kind.as_str())).collect::<String>()
        );
    }
    h.push_str("</div></div></details>");
}

/// `text`, which starts at code point `offset` of its document, escaped, with the parts that
/// fall in `spans` (document code-point offsets) wrapped in `tag`.
fn marked(text: &str, offset: usize, spans: &[(usize, usize)], tag: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let end = offset + chars.len();
    let mut inside: Vec<(usize, usize)> = spans
        .iter()
        .filter(|(s, e)| *s < end && offset < *e)
        .map(|(s, e)| (s.max(&offset) - offset, e.min(&end) - offset))
        .collect();
    inside.sort_unstable();
    let mut out = String::new();
    let mut at = 0;
    for (s, e) in inside {
        let s = s.max(at);
        if s >= e {
            continue;
        }
        out += &escape(&chars[at..s].iter().collect::<String>());
        let _ = write!(out, "<{tag}>{}</{tag}>", escape(&chars[s..e].iter().collect::<String>()));
        at = e;
    }
    out += &escape(&chars[at..].iter().collect::<String>());
    out
}

/// What a drifted reading's hover says: each drift on it, its explanation and what the other
/// versions say there.
fn drift_evidence(report: &Report, r: &crate::claim_table::Reading, docs: &HashMap<&str, &Article>) -> String {
    let mut lines = Vec::new();
    for d in report.drifts.iter().filter(|d| d.document == r.document && d.start < r.end && r.start < d.end) {
        lines.push(format!("{}: {}", d.kind.as_str(), d.explanation));
        for e in &d.evidence {
            lines.push(format!("  {}: {}", name(docs, &e.document), e.text));
        }
    }
    if lines.is_empty() {
        r.drifts.join(", ")
    } else {
        lines.join("\n")
    }
}
