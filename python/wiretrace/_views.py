"""Parts of an analysis with a notebook display: one story cluster, and the claim table."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pandas as pd

from wiretrace import _core
from wiretrace._align import Alignment
from wiretrace._article import Article
from wiretrace.errors import UnknownDocumentError

if TYPE_CHECKING:
    from wiretrace._analysis import Analysis

__all__ = ["ClaimTable", "Cluster"]

#: Clusters shown at most by the display of a claim table that spans many clusters.
MAX_SHOWN_CLUSTERS = 20

_OPPOSITE = {"insert": "delete", "delete": "insert", "replace": "replace"}


def sub_report(report: dict[str, Any], cluster: dict[str, Any]) -> dict[str, Any]:
    """The part of a report that concerns one cluster (a report of its own)."""
    ids = set(cluster["documents"])
    return {
        "schema": report["schema"],
        "documents": [d for d in report["documents"] if d["id"] in ids],
        "clusters": [cluster],
        "pairs": [p for p in report["pairs"] if p["a"] in ids and p["b"] in ids],
        "claims": [c for c in report["claims"] if c["document"] in ids],
        "drifts": [d for d in report["drifts"] if d["document"] in ids],
        "errors": [],
    }


def _flipped(pair: dict[str, Any]) -> dict[str, Any]:
    """A report pair seen from its other side: ``a`` and ``b`` swapped throughout."""
    links = []
    for link in pair["links"]:
        diff = [
            {"op": _OPPOSITE[e["op"]], "a_start": e["b_start"], "a_end": e["b_end"], "b_start": e["a_start"],
             "b_end": e["a_end"], "a_text": e["b_text"], "b_text": e["a_text"]}
            for e in link.get("diff", [])
        ]
        shape = {"merged": "split", "split": "merged"}.get(link.get("shape", "one_to_one"), "one_to_one")
        links.append({**link, "a_sentence": link["b_sentence"], "b_sentence": link["a_sentence"], "shape": shape,
                      "diff": diff})
    return {**pair, "a": pair["b"], "b": pair["a"], "links": links, "a_only": pair["b_only"],
            "b_only": pair["a_only"], "containment_a_in_b": pair["containment_b_in_a"],
            "containment_b_in_a": pair["containment_a_in_b"]}


class Cluster:
    """One story of an analysis: its versions, how they align and what they claim.

    Get one with :meth:`Analysis.cluster`. In a notebook it shows as in the HTML report: the
    versions with their copy shares, the drifts with their evidence, the claim table, who
    copies from whom (heatmap and derivation graph), the collation of its units of text and
    each version side by side with the reference.

    >>> import wiretrace
    >>> story = wiretrace.analyze(texts=wiretrace.demo.files()).cluster("c0")
    >>> story
    <Cluster c0: 6 versions, reference meridian-wire.txt, 13 drifts>
    >>> story.alignment("valley-post.html").links["kind"].value_counts().idxmax()
    'verbatim'
    """

    __slots__ = ("_analysis", "_data")

    def __init__(self, analysis: Analysis, data: dict[str, Any]) -> None:
        self._analysis = analysis
        self._data = data

    @property
    def id(self) -> str:
        """The cluster's identifier (``c0``, ``c1``, …)."""
        return str(self._data["id"])

    @property
    def documents(self) -> list[str]:
        """Its documents' identifiers."""
        return list(self._data["documents"])

    @property
    def source(self) -> str | None:
        """The wire source, when it is among the versions."""
        return self._data.get("source")

    @property
    def reference(self) -> str | None:
        """The version the others are compared with (the source, or the most shared version)."""
        return self._data.get("reference")

    @property
    def articles(self) -> list[Article]:
        """Its parsed articles, in the cluster's order."""
        return [self._analysis.article(d) for d in self.documents]

    @property
    def drifts(self) -> pd.DataFrame:
        """Its drifts (as :attr:`Analysis.drifts`)."""
        d = self._analysis.drifts
        return d[d["document"].isin(self.documents)].reset_index(drop=True)

    @property
    def units(self) -> pd.DataFrame:
        """Its collation (as :attr:`Analysis.units`)."""
        u = self._analysis.units
        return u[u["cluster"] == self.id].reset_index(drop=True)

    @property
    def derivation(self) -> pd.DataFrame:
        """Each version's most likely source (as :attr:`Analysis.derivation`)."""
        d = self._analysis.derivation
        return d[d["cluster"] == self.id].reset_index(drop=True)

    @property
    def copy_shares(self) -> pd.DataFrame:
        """Each version's copy shares against the reference (as :attr:`Analysis.copy_shares`)."""
        c = self._analysis.copy_shares
        return c[c["cluster"] == self.id].reset_index(drop=True)

    def claim_table(self, *, wide: bool = True) -> pd.DataFrame:
        """Its claims across the versions (as :meth:`Analysis.claim_table`)."""
        return self._analysis.claim_table(self.id, wide=wide)

    def alignment(self, document: str, against: str | None = None) -> Alignment:
        """How ``document`` carries the sentences of ``against`` (default: the reference), as
        :func:`wiretrace.align` gives it, from the analysis itself (nothing is recomputed)."""
        against = against or self.reference
        for name in (document, against):
            if name not in self._data["documents"]:
                raise UnknownDocumentError(str(name), self.documents)
        for p in self._analysis.report["pairs"]:
            if (p["a"], p["b"]) == (against, document):
                pair = p
                break
            if (p["a"], p["b"]) == (document, against):
                pair = _flipped(p)
                break
        else:
            raise ValueError(f"{document!r} and {against!r} were not aligned in this analysis")
        return Alignment(self._analysis.article(str(against)), self._analysis.article(document), pair)

    def to_html(self) -> str:
        """The cluster's part of the HTML report, as a fragment with its own scoped style."""
        report = sub_report(self._analysis.report, self._data)
        return _core.render_fragment(json.dumps(report), "cluster", self.id)

    def claims_html(self) -> str:
        """The cluster's claim table as in the HTML report, as a fragment with its own style."""
        report = sub_report(self._analysis.report, self._data)
        return _core.render_fragment(json.dumps(report), "claims", self.id)

    def __getstate__(self) -> tuple[Analysis, dict[str, Any]]:
        return self._analysis, self._data

    def __setstate__(self, state: tuple[Analysis, dict[str, Any]]) -> None:
        self._analysis, self._data = state

    def __repr__(self) -> str:
        ref = f", reference {self.reference}" if self.reference else ""
        return f"<Cluster {self.id}: {len(self.documents)} versions{ref}, {len(self.drifts)} drifts>"

    def _repr_html_(self) -> str:
        return self.to_html()


class ClaimTable(pd.DataFrame):
    """The wide claim table of :meth:`Analysis.claim_table`: a DataFrame that shows in a
    notebook as the report's claim table, drifted readings highlighted with the drift's
    explanation and the other versions' words on hover. Any operation on it gives a plain
    DataFrame, with pandas' own display.

    >>> import wiretrace
    >>> table = wiretrace.analyze(texts=wiretrace.demo.files()).claim_table()
    >>> type(table).__name__, type(table.head()).__name__
    ('ClaimTable', 'DataFrame')
    >>> 'class="drifted"' in table._repr_html_()
    True
    """

    _metadata = ["_wt_analysis", "_wt_clusters"]
    _wt_analysis: Analysis | None
    _wt_clusters: list[str]

    @property
    def _constructor(self) -> type[pd.DataFrame]:
        return pd.DataFrame

    def _repr_html_(self) -> str | None:
        analysis: Analysis | None = getattr(self, "_wt_analysis", None)
        ids: list[str] = getattr(self, "_wt_clusters", None) or []
        if analysis is None or not ids:
            plain: str | None = pd.DataFrame(self)._repr_html_()  # type: ignore[operator]
            return plain
        shown = [analysis.cluster(cid).claims_html() for cid in ids[:MAX_SHOWN_CLUSTERS]]
        if len(ids) > MAX_SHOWN_CLUSTERS:
            shown.append(f"<p>… and {len(ids) - MAX_SHOWN_CLUSTERS} more clusters: pass cluster=… to see one.</p>")
        return "".join(shown)


def claim_table(frame: pd.DataFrame, analysis: Analysis, clusters: list[dict[str, Any]]) -> ClaimTable:
    """``frame`` as a :class:`ClaimTable` that displays the claim tables of ``clusters``."""
    table = ClaimTable(frame)
    table._wt_analysis = analysis
    table._wt_clusters = [c["id"] for c in clusters if c.get("claim_table")]
    return table
