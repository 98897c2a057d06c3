"""Plots of an analysis with matplotlib (the ``plot`` extra: ``pip install "wiretrace[plot]"``).

Each plotting function takes an :class:`~wiretrace.Analysis`, draws on ``ax`` (a new figure
when it is None) and returns the matplotlib ``Axes``. Versions are labelled by their outlet
when it is known and unique, else by their document identifier. :func:`copy_matrix` computes
the numbers behind :func:`copy_heatmap` and needs no matplotlib.

>>> import wiretrace
>>> from wiretrace import plot
>>> analysis = wiretrace.analyze(texts=wiretrace.demo.files())
>>> matrix = plot.copy_matrix(analysis)
>>> matrix.shape
(6, 6)
>>> float(matrix.loc["harbour-herald.txt", "meridian-wire.txt"])
1.0
>>> import matplotlib; matplotlib.use("Agg")
>>> ax = plot.copy_heatmap(analysis)
>>> [t.get_text() for t in ax.get_xticklabels()][:2]
['meridian-wire.txt', 'harbour-herald.txt']
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from wiretrace import _core
from wiretrace._display import KIND_COLOURS as _REPORT_COLOURS
from wiretrace._views import sub_report
from wiretrace.errors import UnknownClusterError

if TYPE_CHECKING:
    from types import ModuleType

    from matplotlib.axes import Axes

    from wiretrace._analysis import Analysis

__all__ = ["KIND_COLOURS", "copy_by_outlet", "copy_heatmap", "copy_matrix", "copy_over_time", "derivation_graph", "drifts_by_kind"]

#: The colours of the link kinds, as in the HTML report.
KIND_COLOURS: dict[str, str] = dict(_REPORT_COLOURS)
_LINK_KINDS = ("verbatim", "edited", "paraphrase")
_PERIODS = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}
_SHARE_WORDS = {"verbatim": "copied verbatim from", "edited": "copied with edits from",
                "paraphrase": "paraphrased from", "added": "not found in", "copied": "copied (verbatim or edited) from"}


def _pyplot() -> ModuleType:
    """matplotlib.pyplot, or an ImportError saying how to install it."""
    try:
        import matplotlib  # noqa: F401
        import matplotlib.pyplot as plt
    except ImportError as e:
        raise ImportError("wiretrace.plot needs matplotlib: pip install 'wiretrace[plot]'") from e
    return plt


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    """``ax``, or the axes of a new figure of ``size`` inches."""
    plt = _pyplot()
    if ax is None:
        _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def _cluster(analysis: Analysis, cluster: str | None) -> dict[str, Any]:
    """The report entry of a cluster; by default the largest (the first of the largest)."""
    clusters: list[dict[str, Any]] = analysis.report["clusters"]
    if cluster is None:
        if not clusters:
            raise ValueError("this analysis has no story clusters")
        return max(clusters, key=lambda c: len(c["documents"]))
    for c in clusters:
        if c["id"] == cluster:
            return c
    raise UnknownClusterError(cluster, [c["id"] for c in clusters])


def _outlets(analysis: Analysis) -> dict[str, str | None]:
    """Each document's outlet, None when unknown."""
    return {d["id"]: (d.get("outlet") or None) for d in analysis.report["documents"]}


def _labels(analysis: Analysis, ids: list[str]) -> dict[str, str]:
    """A label per version: its outlet when known and unique among ``ids``, else its id."""
    outlet = _outlets(analysis)
    counts = Counter(outlet.get(i) for i in ids if outlet.get(i))
    return {i: o if o and counts[o] == 1 else i for i in ids for o in [outlet.get(i)]}


def _kinds(kinds: str | Iterable[str]) -> set[str]:
    wanted = {kinds} if isinstance(kinds, str) else set(kinds)
    unknown = wanted - set(_LINK_KINDS)
    if unknown or not wanted:
        raise ValueError(f"kinds must be among {', '.join(_LINK_KINDS)}; got {sorted(unknown) or 'nothing'}")
    return wanted


def copy_matrix(
    analysis: Analysis, cluster: str | None = None, *, kinds: str | Iterable[str] = ("verbatim", "edited"),
) -> pd.DataFrame:
    """The share of each version's sentences that another version of the story carries.

    Cell (row ``r``, column ``c``) is the number of distinct sentences of version ``r`` linked
    to a sentence of version ``c`` by a link of one of ``kinds`` (verbatim, edited,
    paraphrase), divided by the number of sentences of ``r``. The diagonal is NaN.

    Parameters
    ----------
    analysis : Analysis
        The result of :func:`wiretrace.analyze`.
    cluster : str, optional
        A story cluster identifier; by default the largest cluster.
    kinds : str or iterable of str
        The link kinds that count as carried.

    Returns
    -------
    pandas.DataFrame
        Index and columns are the cluster's document identifiers, in cluster order.

    Raises
    ------
    UnknownClusterError
        When ``cluster`` is not a cluster of the analysis.
    """
    wanted = _kinds(kinds)
    c = _cluster(analysis, cluster)
    docs: list[str] = list(c["documents"])
    # The same computation as the HTML report's heatmap, on this cluster's part of the report.
    part = json.dumps(sub_report(analysis.report, c))
    rows = _core.copy_matrix(part, c["id"], sorted(wanted))
    values = np.array([[np.nan if v is None else v for v in row] for row in rows], dtype=float).reshape(len(docs), -1)
    return pd.DataFrame(values, index=pd.Index(docs, name="version"), columns=pd.Index(docs, name="found in"))


def copy_heatmap(
    analysis: Analysis, cluster: str | None = None, *, kinds: str | Iterable[str] = ("verbatim", "edited"),
    ax: Axes | None = None,
) -> Axes:
    """A heatmap of :func:`copy_matrix`: how much of each version (row) another (column) carries.

    Each cell is annotated with its percentage; the diagonal is left blank. ``cluster`` and
    ``kinds`` are as for :func:`copy_matrix`; a colour bar is added beside ``ax``.
    """
    _pyplot()
    from matplotlib.ticker import PercentFormatter

    c, wanted = _cluster(analysis, cluster), _kinds(kinds)
    matrix = copy_matrix(analysis, c["id"], kinds=wanted)
    n = len(matrix)
    ax = _axes(ax, (max(5.0, 0.8 * n + 3.5), max(4.0, 0.7 * n + 2.5)))
    values = matrix.to_numpy(dtype=float)
    image = ax.imshow(values, cmap="Greens", vmin=0.0, vmax=1.0)
    for i in range(n):
        for j in range(n):
            v = values[i, j]
            text, colour = ("–", "#9e9e9e") if np.isnan(v) else (f"{v:.0%}", "white" if v > 0.6 else "black")
            ax.text(j, i, text, ha="center", va="center", color=colour, fontsize=9)
    labels = _labels(analysis, list(matrix.index))
    names = [labels[d] for d in matrix.index]
    ax.set_xticks(range(n), names, rotation=35, ha="right", rotation_mode="anchor")
    ax.set_yticks(range(n), names)
    ax.set_xlabel("found in version (column)")
    ax.set_ylabel("share of this version's sentences (row)")
    ax.set_title(f"Story {c['id']}: sentences shared ({' or '.join(k for k in _LINK_KINDS if k in wanted)})")
    bar = ax.figure.colorbar(image, ax=ax, shrink=0.8)
    bar.ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    bar.set_label("share of the row version's sentences")
    return ax


def _place(layers: dict[int, list[str]], parent: dict[str, str | None], order: dict[str, int],
           width: int, x0: float) -> dict[str, tuple[float, float]]:
    """Positions for a layered tree: each layer under its parents, spaced one unit apart."""
    pos: dict[str, tuple[float, float]] = {}
    for depth in sorted(layers):
        def want(n: str) -> float:
            p = parent[n]
            return pos[p][0] if p is not None and p in pos else x0 + (width - 1) / 2

        layer = sorted(layers[depth], key=lambda n: (want(n), order[n]))
        siblings = Counter(parent[n] for n in layer)
        seen: Counter[str | None] = Counter()
        xs: list[float] = []
        for n in layer:  # centre siblings under their parent, then keep them one unit apart
            x = want(n) + seen[parent[n]] - (siblings[parent[n]] - 1) / 2
            seen[parent[n]] += 1
            xs.append(max(x, xs[-1] + 1) if xs else x)
        for i in reversed(range(len(xs))):  # and inside [x0, x0 + width - 1]
            xs[i] = min(xs[i], x0 + width - 1 if i == len(xs) - 1 else xs[i + 1] - 1)
        pos.update({n: (x, -float(depth)) for n, x in zip(layer, xs)})
    return pos


def derivation_graph(
    analysis: Analysis, cluster: str | None = None, *, edge_labels: bool = True, ax: Axes | None = None,
) -> Axes:
    """The derivation graph of a story: an arrow from each version's source to it.

    The reference version is at the top and each version one layer below the version it was
    derived from (the ``parent`` of :attr:`Analysis.derivation`). Versions without an
    identified source, other than the reference, are drawn apart on the right with what
    derives from them. With ``edge_labels``, each arrow says how much of the version its
    source contains, and how many deviations they share when there are any.
    """
    _pyplot()
    c = _cluster(analysis, cluster)
    docs: list[str] = list(c["documents"])
    info = {d["document"]: d for d in c.get("derivation", [])}
    raw = {d: info.get(d, {}).get("parent") for d in docs}
    parent: dict[str, str | None] = {d: p if p in docs and p != d else None for d, p in raw.items()}
    reference = c.get("reference") or c.get("source")
    roots = [reference] if reference in docs else [d for d in docs if parent[d] is None]
    depth: dict[str, int] = {}
    top: dict[str, str] = {}
    for d in docs:  # walk up to the root, stopping at a cycle
        chain = [d]
        while (p := parent[chain[-1]]) is not None and p not in chain:
            chain.append(p)
        depth[d], top[d] = len(chain) - 1, chain[-1]
    order = {d: i for i, d in enumerate(docs)}
    groups: list[list[str]] = [[d for d in docs if top[d] in roots], [d for d in docs if top[d] not in roots]]
    pos: dict[str, tuple[float, float]] = {}
    x0, split = 0.0, None
    for g, nodes in enumerate(groups):
        if not nodes:
            continue
        layers: dict[int, list[str]] = defaultdict(list)
        for d in nodes:
            layers[depth[d]].append(d)
        width = max(len(v) for v in layers.values())
        if g == 1 and pos:
            split, x0 = x0 - 0.25, x0 + 0.5
        pos.update(_place(layers, parent, order, width, x0))
        x0 += width
    levels = max(depth.values()) + 1
    ax = _axes(ax, (max(5.0, 2.1 * x0 + 1.0), max(2.5, 1.1 * levels + 0.8)))
    labels = _labels(analysis, docs)
    boxes = {}
    for d in docs:
        if d == reference:
            face, edge, label = "#c8e6c9", KIND_COLOURS["verbatim"], f"{labels[d]}\n(reference)"
        elif top[d] in roots:
            face, edge, label = "#eceff1", "#607d8b", labels[d]
        else:
            face, edge, label = "#ffe0b2", KIND_COLOURS["added"], labels[d]
        boxes[d] = ax.text(*pos[d], label, ha="center", va="center", fontsize=9, zorder=3,
                           bbox={"boxstyle": "round,pad=0.4", "facecolor": face, "edgecolor": edge})
    for d, p in parent.items():
        if p is None:
            continue
        ax.annotate("", xy=(0.5, 1.0), xycoords=boxes[d], xytext=(0.5, 0.0), textcoords=boxes[p],
                    arrowprops={"arrowstyle": "-|>", "color": "#546e7a", "shrinkA": 6, "shrinkB": 6,
                                "mutation_scale": 14}, zorder=2)
        if edge_labels:
            row = info[d]
            note = f"{row['contained_in_parent']:.0%} in source"
            shared = len(row.get("shared_deviations", []))
            if shared:
                note += f"\n{shared} shared deviation{'s' if shared != 1 else ''}"
            (xa, ya), (xb, yb) = pos[p], pos[d]
            ax.text((xa + xb) / 2, (ya + yb) / 2, note, ha="center", va="center", fontsize=7, color="#37474f",
                    zorder=4, bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none"})
    if split is not None:
        ax.axvline(split, color="#bdbdbd", linestyle="--", linewidth=1)
        ax.text(split + 0.1, 0.3, "no identified source", ha="left", va="bottom", fontsize=8, color="#757575")
    ax.set_xlim(-0.8, x0 - 0.2)
    ax.set_ylim(-(levels - 1) - 0.35, 0.35 if split is None else 0.5)
    ax.set_axis_off()
    ax.set_title(f"Story {c['id']}: where each version comes from")
    return ax


def _top_groups(keys: pd.Series, top: int = 8) -> pd.Series:
    """``keys`` with all but the ``top`` most frequent values replaced by "other"."""
    counts = keys.value_counts()
    ranked = sorted(counts.index, key=lambda k: (-counts[k], str(k)))
    kept = set(ranked[:top]) if len(ranked) > top + 1 else set(ranked)
    return keys.where(keys.isin(kept), "other")


def drifts_by_kind(analysis: Analysis, *, ax: Axes | None = None) -> Axes:
    """The drifts of each kind, as horizontal bars stacked by outlet.

    One bar per drift kind (the most frequent at the top), one segment per outlet, so that
    the bar length is the number of drifts of that kind. A version whose outlet is unknown is
    its own segment, under its document identifier; beyond the eight largest, segments are
    grouped as "other".
    """
    _pyplot()
    from matplotlib.ticker import MaxNLocator

    drifts = analysis.drifts
    outlet = _outlets(analysis)
    kinds = drifts["kind"].astype(str).value_counts().sort_index(ascending=False).sort_values(kind="stable")
    ax = _axes(ax, (8.0, max(2.5, 0.35 * len(kinds) + 1.2)))
    if drifts.empty:
        ax.text(0.5, 0.5, "no drifts", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return ax
    source = drifts["document"].map(lambda d: outlet.get(d) or d).astype(str)
    table = pd.crosstab(drifts["kind"].astype(str), _top_groups(source)).reindex(kinds.index, fill_value=0)
    columns = sorted(table.columns, key=lambda k: (k == "other", -int(table[k].to_numpy().sum()), k))
    left, y = np.zeros(len(table)), np.arange(len(table))
    for i, col in enumerate(columns):
        widths = table[col].to_numpy(dtype=float)
        ax.barh(y, widths, left=left, label=col, color="#9e9e9e" if col == "other" else f"C{i % 10}")
        left += widths
    for yi, total in zip(y, left):
        ax.text(total + 0.1, float(yi), f"{int(total)}", va="center", fontsize=8)
    ax.set_yticks(y, [k.replace("_", " ") for k in table.index])
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlim(0, left.max() * 1.08 + 0.5)
    ax.set_xlabel("drifts")
    ax.set_title(f"Drifts by kind ({len(drifts)} in all)")
    ax.legend(title="outlet or document", loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8,
              title_fontsize=8, frameon=False)
    return ax


def _version_shares(data: Analysis | pd.DataFrame, by: str, kind: str) -> tuple[pd.Series, pd.Series, pd.Series]:
    """The measured versions' share of ``kind``, date and ``by`` value, from an analysis or a
    :func:`wiretrace.copy_shares` table."""
    if kind not in _SHARE_WORDS:
        raise ValueError(f"kind must be one of {', '.join(_SHARE_WORDS)}; got {kind!r}")
    if isinstance(data, pd.DataFrame):
        needed = {"date", by, "verbatim", "edited", "paraphrase", "added"}
        if not needed <= set(data.columns):
            raise ValueError(f"the table needs the columns {', '.join(sorted(needed))} (as wiretrace.copy_shares "
                             f"gives them); it lacks {', '.join(sorted(needed - set(data.columns)))}")
        shares = data[data["verbatim"].notna()]
        dates, groups = shares["date"], shares[by]
    else:
        shares = data.copy_shares
        documents = data.documents.set_index("id")
        if by not in documents.columns:
            raise ValueError(f"by must be a column of analysis.documents ({', '.join(documents.columns)}); got {by!r}")
        dates, groups = shares["document"].map(documents["date"]), shares["document"].map(documents[by])
    if shares.empty:
        raise ValueError("no story has several versions, so no version has copy shares")
    value = shares["verbatim"] + shares["edited"] if kind == "copied" else shares[kind]
    return value.astype(float), dates, groups


def copy_by_outlet(
    data: Analysis | pd.DataFrame, *, kind: str = "copied", by: str = "outlet", top: int = 15, ax: Axes | None = None,
) -> Axes:
    """How the share of each version's sentences copied from its story's reference is
    distributed, outlet by outlet: one box per outlet (the ``top`` with most versions, most
    copying first), with its number of versions.

    ``data`` is an :class:`~wiretrace.Analysis` or a :func:`wiretrace.copy_shares` table (for
    a corpus of any size); ``kind`` and ``by`` are as for :func:`copy_over_time`.
    """
    _pyplot()
    from matplotlib.ticker import PercentFormatter

    value, _, groups = _version_shares(data, by, kind)
    frame = pd.DataFrame({"value": value.to_numpy(), "group": groups.fillna("(unknown)").astype(str).to_numpy()})
    counts = frame["group"].value_counts().head(top)
    frame = frame[frame["group"].isin(counts.index)]
    order = frame.groupby("group")["value"].median().sort_values(ascending=False).index.tolist()
    ax = _axes(ax, (8.0, max(3.0, 0.32 * len(order) + 1.4)))
    ax.boxplot([frame.loc[frame["group"] == g, "value"].to_numpy() for g in order], orientation="horizontal",
               tick_labels=[f"{g} ({counts[g]})" for g in order], showfliers=False, patch_artist=True,
               boxprops={"facecolor": "#c8e6c9", "edgecolor": "#2e7d32"}, medianprops={"color": "#1b5e20"})
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_xlim(0.0, 1.0)
    ax.set_xlabel(f"share of the version's sentences {_SHARE_WORDS[kind]} the story's reference")
    ax.set_title(f"Copy shares by {by} ({len(order)} with most versions; versions in brackets)")
    return ax


def copy_over_time(
    analysis: Analysis | pd.DataFrame, *, by: str = "outlet", freq: str = "W", kind: str = "verbatim",
    ax: Axes | None = None,
) -> Axes:
    """The mean share of each version's sentences copied from its story's reference, over time.

    Versions are the rows of :attr:`Analysis.copy_shares` (every version but the reference,
    in stories with several versions). Each is placed in the period (a pandas period alias:
    "D", "W", "M", "Q", "Y") of its document ``date``, and one line per value of ``by`` (a
    column of :attr:`Analysis.documents`: outlet, agency, section…) gives the mean share per
    period. The eight values with most versions are drawn, the rest as "other"; a missing
    value is "(unknown)". Versions without a date are left out, and the title says how many.

    ``kind`` is a column of :attr:`Analysis.copy_shares` (verbatim, edited, paraphrase,
    added) or "copied" for verbatim and edited together. Instead of an analysis, a
    :func:`wiretrace.copy_shares` table serves for a corpus of any size (``by`` is then one of
    its columns). A ValueError is raised when no
    version has a date (or there are no versions), and for an unknown ``by``, ``kind`` or ``freq``.
    """
    _pyplot()
    from matplotlib.ticker import PercentFormatter

    value, raw_dates, groups = _version_shares(analysis, by, kind)
    dates = pd.to_datetime(raw_dates, errors="coerce", format="ISO8601")
    frame = pd.DataFrame({"value": value.to_numpy(), "date": dates.to_numpy(), "group": groups.to_numpy()})
    undated = int(frame["date"].isna().sum())
    frame = frame[frame["date"].notna()]
    if frame.empty:
        raise ValueError(f"copy_over_time needs dates, but none of the {undated} versions has one "
                         "(give dates in the articles, a date column, or Corpus records with a date)")
    try:
        frame = frame.assign(period=frame["date"].dt.to_period(freq).dt.start_time)
    except ValueError as e:
        raise ValueError(f"freq must be a pandas period alias such as D, W, M, Q or Y; got {freq!r}") from e
    groups = frame["group"].map(lambda g: "(unknown)" if pd.isna(g) or not str(g) else str(g))
    frame = frame.assign(group=_top_groups(groups))
    means = frame.groupby(["group", "period"])["value"].mean()
    counts = frame["group"].value_counts()
    ax = _axes(ax, (8.0, 4.5))
    for g in sorted(counts.index, key=lambda k: (k == "other", -int(counts[k]), k)):
        line = means.loc[g].sort_index()
        ax.plot(line.index.to_numpy(), line.to_numpy(), marker="o", label=g,
                color="#9e9e9e" if g == "other" else None)
    periods = sorted(frame["period"].unique())
    ticks = periods[:: -(-len(periods) // 12)]  # at most 12 ticks, each at a period start
    pattern = {"M": "%b %Y", "Q": "%b %Y", "Y": "%Y"}.get(freq, "%d %b %Y")
    ax.set_xticks(ticks, [pd.Timestamp(t).strftime(pattern) for t in ticks])
    ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_ylim(0.0, 1.05)
    ax.set_ylabel(f"mean share of sentences ({kind})")
    ax.set_xlabel(f"{_PERIODS.get(freq, freq)} of the document date (start)")
    note = f"\n{undated} version{'s' if undated != 1 else ''} without a date left out" if undated else ""
    ax.set_title(f"Share of sentences {_SHARE_WORDS[kind]} the story's reference, per {_PERIODS.get(freq, freq)}{note}")
    ax.legend(title=by, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, title_fontsize=8, frameon=False)
    return ax
