"""Analyses: the report of a corpus as Python objects and pandas DataFrames."""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Iterable, Mapping
from functools import cached_property
from pathlib import Path
from typing import Any, Union

import pandas as pd

from wiretrace import _core
from wiretrace._article import Article
from wiretrace._corpus import Corpus
from wiretrace._display import analysis_html
from wiretrace._views import ClaimTable, Cluster, claim_table
from wiretrace.errors import NoDocumentsError, UnknownClusterError, UnknownDocumentError

__all__ = ["Analysis", "analyze", "claims"]

PathLike = Union[str, "os.PathLike[str]"]

_CLAIM_COLUMNS = [
    "id", "document", "sentence", "kind", "start", "end", "text",
    "value", "upper", "approximator", "counted", "event", "speaker", "source", "cue", "entity_type", "name",
]


def _span_text(x: Any) -> Any:
    return x.get("text") if isinstance(x, dict) else x


def _claims_frame(claims: list[dict[str, Any]]) -> pd.DataFrame:
    """One row per claim; kind-specific fields flattened (spans as their text)."""
    rows = []
    for c in claims:
        src = c.get("source")
        rows.append({
            "id": c["id"], "document": c["document"], "sentence": c["sentence"], "kind": c["kind"],
            "start": c["start"], "end": c["end"], "text": c["text"],
            "value": c.get("value"), "upper": c.get("upper"), "approximator": c.get("approximator"),
            "counted": _span_text(c.get("counted")),
            "event": c["event"].get("name") if isinstance(c.get("event"), dict) else None,
            "speaker": _span_text(c.get("speaker")),
            "source": src.get("name") if isinstance(src, dict) else None,
            "cue": _span_text(c.get("cue")), "entity_type": c.get("type"), "name": c.get("name"),
        })
    return pd.DataFrame(rows, columns=_CLAIM_COLUMNS)


def _reading_text(kind: str, r: dict[str, Any]) -> str:
    """One version's reading of a claim, in a few words."""
    if kind == "quantity":
        approx = r.get("approximator") or "exactly"
        head = r["text"] if approx == "exactly" else f"{approx.replace('_', ' ')}: {r['text']}"
    else:
        head = r["text"] if len(r["text"]) <= 60 else r["text"][:57] + "…"
    parts = [head, r.get("source") or "unattributed"] + list(r.get("hedges", []))
    drifts = "".join(f" ⚠ {d}" for d in r.get("drifts", []))
    return " · ".join(parts) + drifts


def claims(texts: Iterable[str], *, format: str | None = None) -> pd.DataFrame:
    """The claims of many articles, without clustering or comparing them.

    Each text is parsed (plain text or HTML, ``format`` as for :func:`wiretrace.parse`) and its
    body sentences read for quantities, quotes, attributions, hedges, entities and time
    expressions, in parallel with the GIL released. One row per claim, as in
    :attr:`Analysis.claims`; ``document`` is ``document-0``, ``document-1``, … in input order
    and ``start``/``end`` are code-point offsets into the parsed text.

    >>> df = claims(["At least 12 soldiers were killed, the army said on Sunday."])
    >>> df[df.kind == "quantity"][["value", "approximator", "counted", "event"]].values.tolist()
    [[12.0, 'at_least', 'soldiers', 'killed']]
    >>> df[df.kind == "attribution"]["source"].tolist()
    ['army']
    """
    items = list(texts)
    for i, t in enumerate(items):
        if not isinstance(t, str):
            raise TypeError(f"claims() takes texts; item {i} is {type(t).__name__}")
    if not items:
        return pd.DataFrame(columns=_CLAIM_COLUMNS)
    return _claims_frame(json.loads(_core.claims_many(items, format=format)))


class Analysis:
    """The result of :func:`analyze`: documents, story clusters, pairs, claims and drifts.

    Tables are pandas DataFrames built on first use; ``report`` is the ``wiretrace.report/1``
    data itself. An analysis pickles as its report.

    >>> import wiretrace
    >>> analysis = wiretrace.analyze(texts=wiretrace.demo.files())
    >>> analysis
    Analysis(documents=7, clusters=2, claims=293, drifts=13, skipped=0)
    >>> analysis.drifts.groupby("kind").size()["number_changed"]
    np.int64(2)
    >>> Analysis.from_json(analysis.to_json()).report == analysis.report
    True
    """

    def __init__(self, report: dict[str, Any]) -> None:
        self.report = report

    @classmethod
    def from_json(cls, text: str) -> Analysis:
        """An analysis from a JSON report (for example one written by ``wiretrace analyze``)."""
        report = json.loads(text)
        if report.get("schema") != "wiretrace.report/1":
            raise ValueError(f"not a wiretrace.report/1 report (schema {report.get('schema')!r})")
        return cls(report)

    def __getstate__(self) -> dict[str, Any]:
        return {"report": self.report}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.report = state["report"]

    # -- tables ---------------------------------------------------------------------------
    @cached_property
    def documents(self) -> pd.DataFrame:
        """One row per document: metadata, cluster, sentence and word counts."""
        cluster_of = {d: c["id"] for c in self.report["clusters"] for d in c["documents"]}
        rows = []
        for d in self.report["documents"]:
            rows.append({
                "id": d["id"], "outlet": d.get("outlet"), "headline": d.get("headline"), "date": d.get("date"),
                "dateline": d.get("dateline"), "byline": d.get("byline"), "section": d.get("section"),
                "agency": d.get("agency"), "cluster": cluster_of.get(d["id"]), "path": d.get("path"),
                "sentences": len(d["sentences"]),
                "words": sum(len(b["text"].split()) for b in d["blocks"] if b["role"] == "body"),
            })
        return pd.DataFrame(rows, columns=["id", "outlet", "headline", "date", "dateline", "byline", "section",
                                           "agency", "cluster", "path", "sentences", "words"])

    @cached_property
    def clusters(self) -> pd.DataFrame:
        """One row per story cluster: its documents, source and reference."""
        rows = [{"id": c["id"], "size": len(c["documents"]), "documents": list(c["documents"]),
                 "source": c.get("source"), "reference": c.get("reference")} for c in self.report["clusters"]]
        return pd.DataFrame(rows, columns=["id", "size", "documents", "source", "reference"])

    @cached_property
    def pairs(self) -> pd.DataFrame:
        """One row per document pair of a cluster: Jaccard, containment both ways, link counts."""
        rows = []
        for p in self.report["pairs"]:
            kinds = [l["kind"] for l in p["links"]]
            rows.append({
                "a": p["a"], "b": p["b"], "jaccard": p["jaccard"],
                "containment_a_in_b": p["containment_a_in_b"], "containment_b_in_a": p["containment_b_in_a"],
                "links": len(kinds), "verbatim": kinds.count("verbatim"), "edited": kinds.count("edited"),
                "paraphrase": kinds.count("paraphrase"), "a_only": len(p.get("a_only", [])),
                "b_only": len(p.get("b_only", [])),
            })
        return pd.DataFrame(rows, columns=["a", "b", "jaccard", "containment_a_in_b", "containment_b_in_a", "links",
                                           "verbatim", "edited", "paraphrase", "a_only", "b_only"])

    @cached_property
    def links(self) -> pd.DataFrame:
        """One row per sentence link, with both sentences' text."""
        docs = {d["id"]: d for d in self.report["documents"]}
        rows = []
        for p in self.report["pairs"]:
            for l in p["links"]:
                rows.append({
                    "a": p["a"], "b": p["b"], "a_sentence": l["a_sentence"], "b_sentence": l["b_sentence"],
                    "kind": l["kind"], "shape": l.get("shape", "one_to_one"), "moved": l.get("moved", False),
                    "score": l["score"],
                    "a_text": docs[p["a"]]["sentences"][l["a_sentence"]]["text"],
                    "b_text": docs[p["b"]]["sentences"][l["b_sentence"]]["text"],
                    "edits": len(l.get("diff", [])),
                })
        return pd.DataFrame(rows, columns=["a", "b", "a_sentence", "b_sentence", "kind", "shape", "moved", "score",
                                           "a_text", "b_text", "edits"])

    @cached_property
    def derivation(self) -> pd.DataFrame:
        """One row per version: its most likely source (the reference, or another outlet's
        version it shares deviations with), with the evidence."""
        rows = [
            {"cluster": c["id"], "document": d["document"], "parent": d.get("parent"),
             "shared_deviations": len(d.get("shared_deviations", [])),
             "contained_in_parent": d["contained_in_parent"], "parent_contained": d["parent_contained"]}
            for c in self.report["clusters"] for d in c.get("derivation", [])
        ]
        return pd.DataFrame(rows, columns=["cluster", "document", "parent", "shared_deviations",
                                           "contained_in_parent", "parent_contained"])

    @cached_property
    def units(self) -> pd.DataFrame:
        """The collation: one row per (unit, version carrying it), units in story order."""
        rows = [
            {"cluster": c["id"], "unit": k, "versions": len(u), "document": v["document"],
             "sentences": list(v["sentences"])}
            for c in self.report["clusters"] for k, u in enumerate(c.get("units", [])) for v in u
        ]
        return pd.DataFrame(rows, columns=["cluster", "unit", "versions", "document", "sentences"])

    @cached_property
    def copy_shares(self) -> pd.DataFrame:
        """Share of each version's sentences copied verbatim, edited, paraphrased or added,
        against its cluster's reference version."""
        rows = []
        for c in self.report["clusters"]:
            for s in c.get("copy", []):
                rows.append({"cluster": c["id"], "reference": c.get("reference"), **s})
        return pd.DataFrame(rows, columns=["cluster", "reference", "document", "verbatim", "edited", "paraphrase", "added"])

    @cached_property
    def claims(self) -> pd.DataFrame:
        """One row per claim; kind-specific fields flattened (spans as their text)."""
        return _claims_frame(self.report["claims"])

    @cached_property
    def drifts(self) -> pd.DataFrame:
        """One row per drift: document, kind, span, explanation and the evidence."""
        rows = []
        for d in self.report["drifts"]:
            rows.append({
                "document": d["document"], "kind": d["kind"], "start": d["start"], "end": d["end"],
                "text": d["text"], "explanation": d["explanation"],
                "evidence_documents": [e["document"] for e in d["evidence"]],
                "evidence": [e["text"] for e in d["evidence"]],
            })
        return pd.DataFrame(rows, columns=["document", "kind", "start", "end", "text", "explanation",
                                           "evidence_documents", "evidence"])

    def claim_table(self, cluster: str | None = None, *, wide: bool = True) -> ClaimTable | pd.DataFrame:
        """The claims of each cluster across its versions, with the consensus reading.

        Each row is a claim the versions make: a figure (matched across versions by what it
        counts) or a statement some version credits to someone or hedges. With ``wide`` (the
        default), one column per document holds that version's reading ("at least 12 · regional
        health ministry · reportedly", and ``⚠ kind`` for a drift there; empty where the version
        does not carry the claim). With ``wide=False``, one row per reading, with its value,
        approximator, source, hedges, drifts and code-point span. ``cluster`` keeps one cluster.

        >>> import wiretrace
        >>> table = wiretrace.analyze(texts=wiretrace.demo.files()).claim_table()
        >>> table.loc[table["what"] == "people killed", "consensus"].iloc[0]
        'at least 12'
        """
        clusters = [c for c in self.report["clusters"] if cluster is None or c["id"] == cluster]
        if cluster is not None and not clusters:
            raise UnknownClusterError(cluster, [c["id"] for c in self.report["clusters"]])
        base = ["cluster", "claim", "kind", "what", "consensus", "agreement", "missing"]
        if not wide:
            rows = [
                {"cluster": c["id"], "claim": k["id"], "kind": k["kind"], "what": k["what"],
                 "consensus": k["consensus"], "document": r["document"], "sentence": r["sentence"],
                 "start": r["start"], "end": r["end"], "text": r["text"], "value": r.get("value"),
                 "upper": r.get("upper"), "approximator": r.get("approximator"), "source": r.get("source"),
                 "hedges": list(r.get("hedges", [])), "drifts": list(r.get("drifts", []))}
                for c in clusters for k in c.get("claim_table", []) for r in k["readings"]
            ]
            return pd.DataFrame(rows, columns=["cluster", "claim", "kind", "what", "consensus", "document",
                                               "sentence", "start", "end", "text", "value", "upper", "approximator",
                                               "source", "hedges", "drifts"])
        documents = [d for c in clusters for d in c["documents"] if c.get("claim_table")]
        rows = []
        for c in clusters:
            for k in c.get("claim_table", []):
                row: dict[str, Any] = {"cluster": c["id"], "claim": k["id"], "kind": k["kind"], "what": k["what"],
                                       "consensus": k["consensus"], "agreement": k["agreement"],
                                       "missing": len(k["missing"])}
                for r in k["readings"]:
                    row[r["document"]] = _reading_text(k["kind"], r)
                rows.append(row)
        return claim_table(pd.DataFrame(rows, columns=base + documents).fillna(""), self, clusters)

    @cached_property
    def errors(self) -> pd.DataFrame:
        """Inputs that could not be analysed, with the reason."""
        return pd.DataFrame(self.report.get("errors", []), columns=["input", "message"])

    # -- objects and outputs -------------------------------------------------------------
    def cluster(self, cluster_id: str) -> Cluster:
        """One story cluster, with its own tables and a notebook display of its whole story."""
        for c in self.report["clusters"]:
            if c["id"] == cluster_id:
                return Cluster(self, c)
        raise UnknownClusterError(cluster_id, [c["id"] for c in self.report["clusters"]])

    def article(self, doc_id: str) -> Article:
        """The parsed article with this identifier."""
        for d in self.report["documents"]:
            if d["id"] == doc_id:
                return Article(d)
        raise UnknownDocumentError(doc_id, [d["id"] for d in self.report["documents"]])

    @property
    def articles(self) -> list[Article]:
        """All parsed articles, in input order."""
        return [Article(d) for d in self.report["documents"]]

    def to_json(self, path: PathLike | None = None, *, indent: int | None = 2) -> str:
        """The report as JSON (schema ``wiretrace.report/1``); also written to ``path`` if given."""
        text = json.dumps(self.report, ensure_ascii=False, indent=indent)
        if path is not None:
            Path(path).write_text(text, encoding="utf-8")
        return text

    def to_tables(self, directory: PathLike, *, format: str = "parquet") -> list[Path]:
        """Write the report's tables into ``directory``, one file each, as ``wiretrace analyze
        --tables`` does: documents, clusters, links, claims, drifts, copy_shares and claim_table,
        in ``format`` "parquet" (typed columns, for pandas, Polars, Arrow, DuckDB or Spark),
        "csv" or "json" (JSON lines). The files are written by the core, without building the
        DataFrames first, which suits large analyses. Returns the paths written.

        >>> import tempfile, pandas as pd, wiretrace
        >>> analysis = wiretrace.analyze(texts=wiretrace.demo.files())
        >>> paths = analysis.to_tables(tempfile.mkdtemp(), format="csv")
        >>> sorted(p.stem for p in paths)[:3]
        ['claim_table', 'claims', 'clusters']
        >>> len(pd.read_csv(next(p for p in paths if p.stem == "drifts"))) == len(analysis.drifts)
        True
        """
        written = _core.write_tables(json.dumps(self.report), os.fspath(directory), format)
        return [Path(p) for p in written]

    def to_html(self, path: PathLike | None = None) -> str:
        """The self-contained HTML report; also written to ``path`` if given."""
        page = _core.render_html(json.dumps(self.report))
        if path is not None:
            Path(path).write_text(page, encoding="utf-8")
        return page

    def __repr__(self) -> str:
        r = self.report
        return (f"Analysis(documents={len(r['documents'])}, clusters={len(r['clusters'])}, "
                f"claims={len(r['claims'])}, drifts={len(r['drifts'])}, skipped={len(r.get('errors', []))})")

    def _repr_html_(self) -> str:
        return analysis_html(self.report)


def analyze(
    paths: PathLike | Iterable[PathLike] | Corpus | None = None,
    *,
    texts: Iterable[str] | Mapping[str, str] | None = None,
    ids: Iterable[str] | None = None,
    columns: Mapping[str, str] | None = None,
    max_size_mb: float | None = None,
    agencies: Iterable[str] | None = None,
    attribution_model: PathLike | None = None,
) -> Analysis:
    """Analyse a corpus: files and directories, a :class:`~wiretrace.Corpus`, or texts.

    Files may be plain text, HTML, JSONL, CSV/TSV or WARC (optionally gzipped). ``columns``
    names the JSONL/CSV columns by role (``{"text": "body", "outlet": "site"}``; roles: id,
    text, html, outlet, url, date, title); ``max_size_mb`` is the size limit of one article;
    ``agencies`` adds wire agencies to recognise in datelines, bylines and credit lines;
    ``attribution_model`` is a model trained by ``wiretrace train attribution`` on annotated
    articles, to read attributions with instead of the rules.

    Inputs that cannot be read are skipped with a warning and listed in ``Analysis.errors``;
    when none can be analysed, :class:`~wiretrace.NoDocumentsError` is raised.

    >>> wire = ("Blast at Havenport plant kills at least 12\\n\\nHAVENPORT, Norland (Meridian Wire) – "
    ...         "An explosion killed at least 12 people on Monday, the health ministry said.")
    >>> copy = "Havenport blast kills 12\\n\\nAn explosion killed 12 people on Monday, the health ministry said."
    >>> a = analyze(texts={"wire": wire, "copy": copy})
    >>> a.drifts[["document", "kind", "text"]].values.tolist()
    [['copy', 'number_changed', '12 people']]
    """
    extra = list(agencies) if agencies is not None else None
    model = os.fspath(attribution_model) if attribution_model is not None else None
    if (paths is None) == (texts is None):
        raise TypeError("analyze() takes either paths or texts=..., not both or neither")
    if isinstance(texts, (str, bytes)):
        raise TypeError("texts= takes a list of texts or a {id: text} mapping, not one string; wrap it: texts=[text]")
    if isinstance(paths, (bytes, bytearray)):
        raise TypeError("paths are str or os.PathLike, not bytes; decode the path, or pass article text as texts=[...]")
    if texts is not None:
        if isinstance(texts, Mapping):
            items = [(str(k), v) for k, v in texts.items()]
        else:
            texts = list(texts)
            names = list(ids) if ids is not None else [f"doc{i}" for i in range(len(texts))]
            if len(names) != len(texts):
                raise ValueError(f"{len(texts)} texts but {len(names)} ids")
            items = list(zip(names, texts))
        for name, t in items:
            if not isinstance(t, str):
                raise TypeError(f"text {name!r} is {type(t).__name__}, not str")
        report = json.loads(_core.analyze_texts(items, agencies=extra, attribution_model=model))
    elif isinstance(paths, Corpus):
        report = json.loads(_core.analyze_records(paths.to_json(), agencies=extra, attribution_model=model))
    else:
        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        max_bytes = None if max_size_mb is None else int(max_size_mb * 1024 * 1024)
        report = json.loads(
            _core.analyze_paths(
                [os.fspath(p) for p in paths],  # type: ignore[union-attr]
                columns=dict(columns) if columns is not None else None,
                max_bytes=max_bytes,
                agencies=extra,
                attribution_model=model,
            )
        )
    if not report["documents"]:
        raise NoDocumentsError(report.get("errors", []))
    for e in report.get("errors", []):
        warnings.warn(f"wiretrace skipped {e['input']}: {e['message']}", stacklevel=2)
    return Analysis(report)
