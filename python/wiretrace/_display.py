"""Notebook displays, written in Python so they can change without rebuilding the core."""

from __future__ import annotations

from html import escape
from typing import Any
from uuid import uuid4

__all__ = ["article_html", "analysis_html"]

_ROLE_STYLE = {
    "headline": "font-weight:700;font-size:1.1em",
    "dek": "font-style:italic",
    "summary": "font-style:italic;color:#555",
    "section": "color:#555;text-transform:uppercase;font-size:.85em",
    "date": "color:#555",
    "dateline": "color:#555;font-variant:small-caps",
    "byline": "color:#555",
    "subhead": "font-weight:600",
    "caption": "font-style:italic;color:#6a1b9a",
    "credit": "font-style:italic;color:#777",
    "boilerplate": "text-decoration:line-through;color:#aaa",
    "body": "",
}
#: The colours of the link kinds, as in the HTML report (its `--verbatim` … variables).
KIND_COLOURS = {"verbatim": "#2e7d32", "edited": "#f9a825", "paraphrase": "#1565c0", "added": "#ef6c00"}


def article_html(data: dict[str, Any]) -> str:
    """An article with its blocks, each labelled and styled by role; boilerplate struck through."""
    rows = []
    for b in data["blocks"]:
        style = _ROLE_STYLE.get(b["role"], "")
        rows.append(
            f"<tr><td style='color:#888;font-size:.8em;white-space:nowrap'>{escape(b['role'])}</td>"
            f"<td style='{style}'>{escape(b['text'])}</td></tr>"
        )
    meta = " · ".join(
        f"{k}: {escape(str(data.get(k)))}" for k in ("outlet", "date", "dateline", "byline", "section") if data.get(k)
    )
    return (
        f"<div><b>{escape(str(data['id']))}</b> <span style='color:#666'>{meta}</span>"
        f"<table style='border-collapse:collapse'>{''.join(rows)}</table></div>"
    )


def _bar(share: dict[str, float]) -> str:
    parts = "".join(
        f"<span title='{k} {share[k] * 100:.0f}%' style='display:inline-block;height:12px;"
        f"width:{share[k] * 200:.1f}px;background:{c}'></span>"
        for k, c in KIND_COLOURS.items()
    )
    return f"<span style='display:inline-block;background:#eee;width:200px'>{parts}</span>"


#: Story clusters and drifts listed at most by an analysis's notebook display.
MAX_SHOWN = 20


def analysis_html(report: dict[str, Any]) -> str:
    """A summary of an analysis: a contents line linking to its parts, the largest story
    clusters with copy shares, the drifts, skipped inputs, and the calls that show more."""
    docs = {d["id"]: d for d in report["documents"]}
    uid = f"wt{uuid4().hex[:8]}"
    stories = sorted((c for c in report["clusters"] if len(c["documents"]) > 1), key=lambda c: -len(c["documents"]))
    errors = report.get("errors", [])
    links = [f"<a href='#{uid}-{escape(c['id'])}'>story {escape(c['id'])}</a>" for c in stories[:MAX_SHOWN]]
    if report["drifts"]:
        links.append(f"<a href='#{uid}-drifts'>drifts</a>")
    if errors:
        links.append(f"<a href='#{uid}-errors'>skipped inputs</a>")
    out = [
        f"<div><b>wiretrace analysis</b>: {len(report['documents'])} documents, "
        f"{len(report['clusters'])} story clusters ({len(stories)} with several versions), "
        f"{len(report['claims'])} claims, {len(report['drifts'])} drifts, {len(errors)} inputs skipped"
        f"<div style='margin:.3em 0'>{' · '.join(links)}</div>"
    ]
    for c in stories[:MAX_SHOWN]:
        ref = c.get("source") or c.get("reference")
        label = "source" if c.get("source") else "reference"
        out.append(f"<h4 id='{uid}-{escape(c['id'])}' style='margin:.6em 0 .2em'>Story {escape(c['id'])} "
                   f"({label}: {escape(str(ref))}) <code style='font-weight:400'>analysis.cluster({c['id']!r})</code>"
                   "</h4><table>")
        out.append("<tr><th style='text-align:left'>document</th><th style='text-align:left'>outlet</th>"
                   "<th style='text-align:left'>copied from the " + label + "</th><th>drifts</th></tr>")
        for d in c["documents"]:
            share = next((s for s in c.get("copy", []) if s["document"] == d), None)
            n = sum(1 for x in report["drifts"] if x["document"] == d)
            bar = _bar(share) if share else f"<i>{label}</i>"
            out.append(
                f"<tr><td>{escape(d)}</td><td>{escape(str(docs[d].get('outlet') or ''))}</td><td>{bar}</td>"
                f"<td style='text-align:center'>{n}</td></tr>"
            )
        out.append("</table>")
    if len(stories) > MAX_SHOWN:
        out.append(f"<p>… and {len(stories) - MAX_SHOWN} more stories: <code>analysis.clusters</code> lists them all.</p>")
    if report["drifts"]:
        out.append(f"<h4 id='{uid}-drifts' style='margin:.6em 0 .2em'>Drifts "
                   "<code style='font-weight:400'>analysis.drifts</code></h4><table>")
        for d in report["drifts"][:MAX_SHOWN]:
            ev = " | ".join(f"{e['document']}: {e['text']}" for e in d["evidence"])
            out.append(
                f"<tr title='{escape(ev)}'><td><code>{escape(d['kind'])}</code></td><td>{escape(d['document'])}</td>"
                f"<td style='text-align:left'><mark>{escape(d['text'][:160])}</mark><br>"
                f"<span style='color:#555'>{escape(d['explanation'])}</span></td></tr>"
            )
        out.append("</table>")
        if len(report["drifts"]) > MAX_SHOWN:
            out.append(f"<p>… and {len(report['drifts']) - MAX_SHOWN} more drifts.</p>")
    if errors:
        out.append(f"<h4 id='{uid}-errors' style='margin:.6em 0 .2em'>Skipped inputs "
                   "<code style='font-weight:400'>analysis.errors</code></h4>")
    for e in errors[:MAX_SHOWN]:
        out.append(f"<div style='color:#c62828'>skipped {escape(e['input'])}: {escape(e['message'])}</div>")
    out.append(
        "<div style='color:#777;font-size:.85em'>"
        + " ".join(f"<span style='color:{c}'>■</span> {k}" for k, c in KIND_COLOURS.items())
        + " · tables: <code>.documents .clusters .links .claims .drifts .claim_table()</code>; "
        + "the whole report: <code>.to_html(path)</code></div></div>"
    )
    return "".join(out)
