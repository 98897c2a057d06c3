"""Two versions compared on their own: sentence alignment (:func:`align`) and passage
alignment (:func:`align_passages`)."""

from __future__ import annotations

import gc
import json
from collections.abc import Iterable
from html import escape
from typing import Any

import pandas as pd

from wiretrace import _core
from wiretrace._article import Article
from wiretrace._display import KIND_COLOURS as _KIND_COLOUR

__all__ = ["Alignment", "align", "align_many", "align_passages"]



class Alignment:
    """How version ``b`` carries the sentences of version ``a``.

    ``links`` has one row per link: the two sentences, ``kind`` (verbatim, edited,
    paraphrase), ``shape`` (one_to_one, merged: several sentences of ``a`` in one of ``b``,
    split: one of ``a`` cut into several of ``b``), ``moved`` (out of order) and ``score``.
    ``diffs`` has the word-level edits of every edited link, with code-point offsets into
    ``a.text`` and ``b.text``. ``dropped`` and ``added`` are the sentence indices with no
    counterpart. In a notebook the alignment shows side by side.

    Get one from :func:`align`, :func:`align_many` or :meth:`Cluster.alignment`; ``data`` is an
    alignment as :meth:`to_dict` gives it (a report pair), or as the core sends it (links and
    word edits in columns).

    >>> al = align("A fire broke out at the docks on Tuesday. No one was hurt.",
    ...            "A large fire broke out at the docks on Tuesday. The mayor visited.")
    >>> al.links[["a_sentence", "b_sentence", "kind"]].values.tolist()
    [[0, 0, 'edited']]
    >>> al.diffs[["op", "a_text", "b_text"]].values.tolist()
    [['insert', '', 'large']]
    >>> al.dropped, al.added
    ([1], [1])
    """

    __slots__ = ("a", "b", "_data")

    def __init__(self, a: Article, b: Article, data: dict[str, Any]) -> None:
        self.a = a
        self.b = b
        # Links and edits are kept in columns (as the core sends them); a report pair, with
        # one object per link, is turned into columns here.
        self._data = data if isinstance(data["links"], dict) else _columns(data)

    @property
    def links(self) -> pd.DataFrame:
        """Sentence links with their texts."""
        links = self._data["links"]
        sa, sb = self.a.sentences, self.b.sentences
        return pd.DataFrame(
            {
                **{k: links[k] for k in _LINK_FIELDS},
                "a_text": [sa[i].text for i in links["a_sentence"]],
                "b_text": [sb[j].text for j in links["b_sentence"]],
            },
            columns=[*_LINK_FIELDS, "a_text", "b_text"],
        )

    @property
    def diffs(self) -> pd.DataFrame:
        """Word-level edits of the edited links (offsets in code points into the two texts)."""
        return pd.DataFrame(self._data["diffs"], columns=_DIFF_FIELDS)

    @property
    def dropped(self) -> list[int]:
        """Sentences of ``a`` with no counterpart in ``b``."""
        return list(self._data["a_only"])

    @property
    def added(self) -> list[int]:
        """Sentences of ``b`` with no counterpart in ``a``."""
        return list(self._data["b_only"])

    @property
    def jaccard(self) -> float:
        """Jaccard similarity of the two bodies' word 3-grams."""
        return float(self._data["jaccard"])

    @property
    def containment(self) -> tuple[float, float]:
        """Share of ``a``'s word 3-grams found in ``b``, and of ``b``'s found in ``a``."""
        return float(self._data["containment_a_in_b"]), float(self._data["containment_b_in_a"])

    def to_dict(self) -> dict[str, Any]:
        """The alignment as plain data (the ``links``, ``a_only`` and ``b_only`` of a report pair)."""
        data: dict[str, Any] = json.loads(json.dumps(self._data))
        data["links"] = _link_rows(self._data)
        del data["diffs"]
        return data

    def __getstate__(self) -> tuple[Article, Article, dict[str, Any]]:
        return self.a, self.b, self._data

    def __setstate__(self, state: tuple[Article, Article, dict[str, Any]]) -> None:
        self.a, self.b, self._data = state

    def __repr__(self) -> str:
        kinds: dict[str, int] = {}
        for kind in self._data["links"]["kind"]:
            kinds[kind] = kinds.get(kind, 0) + 1
        parts = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
        return (
            f"<Alignment {self.a.id} → {self.b.id}: {parts or 'no links'}; "
            f"{len(self.dropped)} dropped, {len(self.added)} added>"
        )

    def _repr_html_(self) -> str:
        return side_by_side(self)


_LINK_FIELDS = ["a_sentence", "b_sentence", "kind", "shape", "moved", "score"]
_DIFF_FIELDS = ["a_sentence", "b_sentence", "op", "a_start", "a_end", "b_start", "b_end", "a_text", "b_text"]
_EDIT_FIELDS = _DIFF_FIELDS[2:]


def _columns(pair: dict[str, Any]) -> dict[str, Any]:
    """A report pair (one object per link, each with its ``diff``) with its links and their
    word edits in columns, as :class:`Alignment` keeps them."""
    rows = pair["links"]
    links = {k: [link.get(k, "one_to_one" if k == "shape" else False) for link in rows] for k in _LINK_FIELDS}
    edits = [(link, e) for link in rows for e in link.get("diff", [])]
    diffs = {k: [link[k] for link, _ in edits] for k in _DIFF_FIELDS[:2]}
    diffs.update({k: [e[k] for _, e in edits] for k in _EDIT_FIELDS})
    return {**{k: v for k, v in pair.items() if k != "links"}, "links": links, "diffs": diffs}


def _link_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The links of columnar alignment data as report objects, each with its ``diff`` (the
    word edits of an edited link; absent when it has none)."""
    links, diffs = data["links"], data["diffs"]
    rows = [dict(zip(_LINK_FIELDS, values)) for values in zip(*(links[k] for k in _LINK_FIELDS))]
    at = {(r["a_sentence"], r["b_sentence"]): r for r in rows}
    for values in zip(*(diffs[k] for k in _DIFF_FIELDS)):
        edit = dict(zip(_DIFF_FIELDS, values))
        row = at[(edit.pop("a_sentence"), edit.pop("b_sentence"))]
        row.setdefault("diff", []).append(edit)
    return rows


def _marked(text: str, offset: int, spans: list[tuple[int, int]], tag: str) -> str:
    """``text`` (starting at ``offset`` in its document) with ``spans`` wrapped in ``tag``."""
    out, at = [], 0
    for start, end in sorted(spans):
        s, e = max(start - offset, at), max(end - offset, at)
        out.append(escape(text[at:s]))
        style = "background:#ffcdd2" if tag == "del" else "background:#c8e6c9;text-decoration:none"
        out.append(f"<{tag} style='{style}'>{escape(text[s:e])}</{tag}>")
        at = e
    out.append(escape(text[at:]))
    return "".join(out)


def side_by_side(al: Alignment) -> str:
    """The two versions side by side: linked sentences on one row with their kind, word edits
    marked (deleted in red on the left, inserted in green on the right), dropped sentences
    alone on the left, added ones alone on the right."""
    links = sorted(_link_rows(al._data), key=lambda x: (x["a_sentence"], x["b_sentence"]))
    rows: list[tuple[float, str]] = []
    for link in links:
        sa, sb = al.a.sentences[link["a_sentence"]], al.b.sentences[link["b_sentence"]]
        diff = link.get("diff", [])
        left = _marked(sa.text, sa.start, [(d["a_start"], d["a_end"]) for d in diff if d["op"] != "insert"], "del")
        right = _marked(sb.text, sb.start, [(d["b_start"], d["b_end"]) for d in diff if d["op"] != "delete"], "ins")
        colour = _KIND_COLOUR.get(link["kind"], "#777")
        label = link["kind"] + ("" if link["shape"] == "one_to_one" else f" · {link['shape']}")
        label += " · moved" if link["moved"] else ""
        rows.append(
            (
                link["a_sentence"],
                f"<tr><td>{left}</td><td style='color:{colour};font-size:.8em;white-space:nowrap'>"
                f"{escape(label)}<br>{link['score']:.2f}</td><td>{right}</td></tr>",
            )
        )
    for i in al.dropped:
        rows.append((i, f"<tr><td style='color:#c62828'>{escape(al.a.sentences[i].text)}</td>"
                        "<td style='color:#c62828;font-size:.8em'>dropped</td><td></td></tr>"))
    # An added sentence goes after the row of the link just before it in b.
    b_to_a = {link["b_sentence"]: link["a_sentence"] for link in links}
    for j in al.added:
        before = [b_to_a[k] for k in range(j) if k in b_to_a]
        key = (before[-1] if before else -1) + 0.5
        rows.append((key, f"<tr><td></td><td style='color:#ef6c00;font-size:.8em'>added</td>"
                          f"<td style='color:#ef6c00'>{escape(al.b.sentences[j].text)}</td></tr>"))
    rows.sort(key=lambda r: r[0])
    head = (
        f"<tr><th style='text-align:left'>{escape(al.a.id)}</th><th></th>"
        f"<th style='text-align:left'>{escape(al.b.id)}</th></tr>"
    )
    return (
        f"<div><b>{escape(al.a.id)} → {escape(al.b.id)}</b>: Jaccard {al.jaccard:.2f}, "
        f"containment {al.containment[0]:.2f} / {al.containment[1]:.2f}"
        f"<table style='border-collapse:collapse;table-layout:fixed;width:100%'>"
        f"<colgroup><col style='width:46%'><col style='width:8%'><col style='width:46%'></colgroup>"
        f"{head}{''.join(r for _, r in rows)}</table></div>"
    )


def align(a: str | Article, b: str | Article, *, format: str | None = None) -> Alignment:
    """Align two versions of a story sentence by sentence.

    ``a`` and ``b`` are texts (plain or HTML, ``format`` as for :func:`wiretrace.parse`) or
    parsed :class:`Article` objects. Word rarity is taken from the two versions.

    >>> al = align("Flood waters rose overnight. The mayor ordered an evacuation. Schools closed.",
    ...            "The mayor ordered an evacuation. Flood waters rose fast overnight.")
    >>> al.links[["a_sentence", "b_sentence", "kind", "moved"]].values.tolist()
    [[0, 1, 'edited', True], [1, 0, 'verbatim', False]]
    >>> al.dropped
    [2]
    """
    if isinstance(a, Article) and isinstance(b, Article):
        data = json.loads(_core.align_articles(json.dumps(a.to_dict()), json.dumps(b.to_dict())))
        return Alignment(a, b, data)
    for name, x in (("a", a), ("b", b)):
        if not isinstance(x, (str, Article)):
            raise TypeError(f"align() takes texts or Articles; {name} is {type(x).__name__}")
    ta = a.text if isinstance(a, Article) else a
    tb = b.text if isinstance(b, Article) else b
    ida = a.id if isinstance(a, Article) else "a"
    idb = b.id if isinstance(b, Article) else "b"
    out = json.loads(_core.align_texts(ta, tb, a_id=ida, b_id=idb, format=format))
    return Alignment(Article(out["a"]), Article(out["b"]), out["alignment"])


def align_many(
    pairs: Iterable[tuple[str | Article, str | Article]], *, format: str | None = None
) -> list[Alignment]:
    """Align many pairs of versions at once, as :func:`align` would align each pair.

    Each distinct text is parsed once however many pairs it is in (a wire story aligned with
    all its rewrites is read once), and the pairs are aligned in parallel on every core, with
    the GIL released. Articles are given by their text (their ``id`` is kept for
    :class:`Article` objects). The alignments follow the order of ``pairs``.

    >>> wire = "The bridge was closed on Monday after engineers found cracks. Buses will replace trams."
    >>> rewrites = ["The bridge was closed on Monday after engineers found cracks.",
    ...             "Buses will replace trams, the city said. The bridge was closed on Monday."]
    >>> [len(al.links) for al in align_many((wire, r) for r in rewrites)]
    [1, 2]
    """
    texts: list[str] = []
    ids: list[str] = []
    index: dict[tuple[str, str], int] = {}
    idx: list[tuple[int, int]] = []

    def slot(x: str | Article, default_id: str, where: str) -> int:
        if isinstance(x, Article):
            key = (x.text, x.id)
        elif isinstance(x, str):
            key = (x, default_id)
        else:
            raise TypeError(f"align_many() takes pairs of texts or Articles; {where} is {type(x).__name__}")
        if key not in index:
            index[key] = len(texts)
            texts.append(key[0])
            ids.append(key[1])
        return index[key]

    for n, pair in enumerate(pairs):
        try:
            a, b = pair
        except (TypeError, ValueError):
            raise TypeError(f"align_many() takes pairs (a, b); item {n} is {type(pair).__name__}") from None
        idx.append((slot(a, "a", f"item {n}'s a"), slot(b, "b", f"item {n}'s b")))
    if not idx:
        return []
    out = _loads_large(_core.align_many(texts, ids, idx, format=format))
    articles = [Article(d) for d in out["articles"]]
    return [Alignment(articles[i], articles[j], al) for (i, j), al in zip(idx, out["alignments"])]


def _loads_large(text: str) -> Any:
    """``json.loads`` of a large result, with the cycle collector paused: decoding creates
    hundreds of thousands of containers, none of them in a cycle, and each collection the
    allocations would set off walks all of them again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return json.loads(text)
    finally:
        if enabled:
            gc.enable()


def align_passages(source: str, target: str) -> pd.DataFrame:
    """Passages of ``target`` reused from ``source``, for texts of any kind and length.

    One row per passage: ``source_start``, ``source_end``, ``target_start``, ``target_end``
    (code points, end exclusive), ``score``, the two passages' texts, and ``seeds``: the
    sentence pairs (with their spans and similarities) the passage was grown from.

    Very short sentences are joined to a neighbour before matching, so a passage can take in a
    short sentence beside it ("Council news. Engineers inspected …").

    >>> reused = ("Engineers inspected the old stone bridge at dawn and found deep cracks in two of its "
    ...           "arches. Traffic was diverted to the ring road until further notice.")
    >>> src = "The river rose overnight and flooded the low meadows again. " * 3 + reused
    >>> tgt = "The council met on Thursday evening to discuss its budget for next year. " + reused + " Other items followed."
    >>> p = align_passages(src, tgt)
    >>> len(p), p.loc[0, "target_text"] == reused
    (1, True)
    """
    for name, x in (("source", source), ("target", target)):
        if not isinstance(x, str):
            raise TypeError(f"align_passages() takes texts; {name} is {type(x).__name__}")
    rows = json.loads(_core.align_passages(source, target))
    cols = ["source_start", "source_end", "target_start", "target_end", "score", "source_text", "target_text", "seeds"]
    for r in rows:
        r["source_text"] = source[r["source_start"] : r["source_end"]]
        r["target_text"] = target[r["target_start"] : r["target_end"]]
    return pd.DataFrame(rows, columns=cols)
