"""wiretrace.plot: the copy matrix against the links, and what each plot draws."""

from __future__ import annotations

import copy
import sys
from collections.abc import Iterator

import numpy as np
import pandas as pd
import pytest

import wiretrace
from wiretrace import plot

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.container import BarContainer  # noqa: E402
from matplotlib.legend import Legend  # noqa: E402
from matplotlib.text import Annotation, Text  # noqa: E402

WIRE = "meridian-wire.txt"

# A small story with no dates in its text: the wire and versions copying part of it.
STORY = [
    "A ferry carrying 214 passengers sank off the coast of Varnholm on Tuesday, the coastguard said.",
    "Rescue boats pulled 180 people from the water within two hours of the sinking, officials said.",
    "The ferry, the Northern Star, left the port of Eskby at 07:40 local time and was due in Varnholm by noon.",
    "Survivors said the vessel began to list sharply shortly after a loud noise from the engine room.",
    "The operator, Baltica Lines, said it was cooperating fully with the investigation.",
    "Weather in the area was calm at the time, according to the national weather service.",
]
OWN = [
    "Local radio reported that families gathered at the harbour in Eskby waiting for news.",
    "The mayor of Varnholm called it a dark day for the island community.",
    "Church bells rang across the island on Tuesday evening in memory of the missing.",
    "A helpline for relatives has been set up by the regional council.",
]


def _article(headline: str, sentences: list[str]) -> str:
    return headline + "\n\n" + "\n\n".join(sentences)


# id: (outlet, date, text)
DATED = {
    "wire": ("Wire", "2025-11-03", _article("Ferry sinks off Varnholm with 214 on board", STORY)),
    "herald-1": ("Herald", "2025-11-04", _article("Ferry with 214 on board sinks off Varnholm", STORY)),
    "herald-2": ("Herald", "2025-11-06", _article("Varnholm ferry disaster", STORY[:3] + OWN[:3])),
    "herald-3": ("Herald", "2025-11-12", _article("Ferry sinking: what we know", STORY[:4] + OWN[2:])),
    "times-1": ("Times", "2025-11-13", _article("Ferry lost off Varnholm", STORY[1:3] + OWN[:3])),
    "times-2": ("Times", None, _article("Varnholm ferry: survivors speak", STORY[1:5] + OWN[3:])),
}


@pytest.fixture(scope="module")
def analysis() -> wiretrace.Analysis:
    return wiretrace.analyze(texts=wiretrace.demo.files())


@pytest.fixture(scope="module")
def dated() -> wiretrace.Analysis:
    records = [{"id": k, "outlet": o, "date": d, "text": t} for k, (o, d, t) in DATED.items()]
    return wiretrace.analyze(wiretrace.Corpus(records))


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


def _share(a: wiretrace.Analysis, row: str, col: str, kinds: set[str]) -> float:
    """Recomputed from the links table: row's sentences linked to col by one of kinds."""
    links = a.links[a.links["kind"].isin(kinds)]
    mine = set(links.loc[(links["a"] == row) & (links["b"] == col), "a_sentence"])
    mine |= set(links.loc[(links["a"] == col) & (links["b"] == row), "b_sentence"])
    return len(mine) / int(a.documents.set_index("id").loc[row, "sentences"])


def test_copy_matrix_equals_shares_recomputed_from_links(analysis: wiretrace.Analysis) -> None:
    m = plot.copy_matrix(analysis)
    docs = analysis.clusters.set_index("id").loc["c0", "documents"]
    assert list(m.index) == list(m.columns) == docs
    for kinds in ({"verbatim", "edited"}, {"paraphrase"}):
        m = plot.copy_matrix(analysis, "c0", kinds=sorted(kinds))
        for r in docs:
            for c in docs:
                if r != c:
                    assert m.loc[r, c] == pytest.approx(_share(analysis, r, c, kinds)), (r, c, kinds)
    m = plot.copy_matrix(analysis)
    assert np.isnan(np.diag(m.to_numpy())).all()
    off = m.to_numpy()[~np.eye(len(m), dtype=bool)]
    assert ((off >= 0) & (off <= 1)).all()
    # The herald reprints the wire: all its sentences are found there, and it holds most of the wire.
    assert m.loc["harbour-herald.txt", WIRE] == 1.0
    assert m.loc[WIRE, "harbour-herald.txt"] == pytest.approx(18 / 19)
    assert m.loc["the-daily-ledger.txt", WIRE] < 0.6 < m.loc["coastline-news.html", WIRE]
    # A single string is one kind; verbatim alone is a part of verbatim-or-edited.
    verbatim = plot.copy_matrix(analysis, kinds="verbatim")
    assert (verbatim.fillna(0) <= m.fillna(0)).all().all()
    assert verbatim.loc["northgate-times.txt", WIRE] < m.loc["northgate-times.txt", WIRE]


def test_copy_matrix_of_a_single_version_and_bad_arguments(analysis: wiretrace.Analysis) -> None:
    single = plot.copy_matrix(analysis, "c1")
    assert single.shape == (1, 1) and np.isnan(single.iloc[0, 0])
    with pytest.raises(wiretrace.UnknownClusterError, match="c0"):
        plot.copy_matrix(analysis, "c9")
    with pytest.raises(ValueError, match="kinds must be among"):
        plot.copy_matrix(analysis, kinds=("verbatim", "copied"))


def test_copy_heatmap_draws_the_matrix(analysis: wiretrace.Analysis) -> None:
    ax = plot.copy_heatmap(analysis)
    m = plot.copy_matrix(analysis)
    shown = np.ma.filled(np.ma.asarray(ax.images[0].get_array()).astype(float), np.nan)
    np.testing.assert_array_equal(shown, m.to_numpy())
    names = ["meridian-wire.txt", "harbour-herald.txt", "northgate-times.txt", "the-daily-ledger.txt",
             "Coastline News", "Valley Post"]  # outlets where the article names one
    assert [t.get_text() for t in ax.get_xticklabels()] == names
    assert [t.get_text() for t in ax.get_yticklabels()] == names
    cells = {(round(t.get_position()[0]), round(t.get_position()[1])): t.get_text() for t in ax.texts}
    assert cells[(0, 1)] == "100%" and cells[(1, 0)] == f"{18 / 19:.0%}" and cells[(2, 2)] == "–"
    assert "c0" in ax.get_title() and "verbatim or edited" in ax.get_title()
    assert len(ax.figure.axes) == 2  # the colour bar
    fig, given = plt.subplots()
    assert plot.copy_heatmap(analysis, "c0", kinds=["paraphrase"], ax=given) is given
    assert "paraphrase" in given.get_title()
    with pytest.raises(wiretrace.UnknownClusterError):
        plot.copy_heatmap(analysis, "nope")


def _graph(ax: Axes) -> tuple[list[Annotation], dict[str, Text]]:
    arrows = [t for t in ax.texts if isinstance(t, Annotation) and t.arrow_patch is not None]
    nodes = {t.get_text().split("\n")[0]: t for t in ax.texts
             if not isinstance(t, Annotation) and t.get_bbox_patch() is not None and t.get_fontsize() == 9}
    return arrows, nodes


def test_derivation_graph_draws_an_arrow_from_each_parent(analysis: wiretrace.Analysis) -> None:
    ax = plot.derivation_graph(analysis)
    arrows, nodes = _graph(ax)
    derivation = analysis.derivation[analysis.derivation["cluster"] == "c0"]
    assert len(arrows) == derivation["parent"].notna().sum() == 5
    label = {"coastline-news.html": "Coastline News", "valley-post.html": "Valley Post"}
    assert set(nodes) == {label.get(d, d) for d in derivation["document"]}
    by_box = {id(t): name for name, t in nodes.items()}
    drawn = {(by_box[id(a.anncoords)], by_box[id(a.xycoords)]) for a in arrows}
    expected = {(label.get(p, p), label.get(d, d)) for d, p in zip(derivation["document"], derivation["parent"])
                if isinstance(p, str)}
    assert drawn == expected
    y = {name: t.get_position()[1] for name, t in nodes.items()}
    assert y[WIRE] == max(y.values()) and "(reference)" in nodes[WIRE].get_text()
    assert y["Valley Post"] < y["harbour-herald.txt"] < y[WIRE]  # a copy of a copy is two layers down
    assert any("shared deviations" in t.get_text() for t in ax.texts)
    assert not any("in source" in t.get_text() for t in plot.derivation_graph(analysis, edge_labels=False).texts)


def test_derivation_graph_draws_versions_without_a_source_apart(analysis: wiretrace.Analysis) -> None:
    report = copy.deepcopy(analysis.report)
    for d in report["clusters"][0]["derivation"]:
        if d["document"] == "coastline-news.html":
            d["parent"] = None
        if d["document"] == "valley-post.html":
            d["parent"] = "coastline-news.html"
    ax = plot.derivation_graph(wiretrace.Analysis(report))
    arrows, nodes = _graph(ax)
    assert len(arrows) == 4
    x = {name: t.get_position()[0] for name, t in nodes.items()}
    main = max(x[n] for n in (WIRE, "harbour-herald.txt", "northgate-times.txt", "the-daily-ledger.txt"))
    assert x["Coastline News"] > main and x["Valley Post"] > main
    assert any(t.get_text() == "no identified source" for t in ax.texts)
    single = plot.derivation_graph(analysis, "c1")
    assert _graph(single)[0] == [] and set(_graph(single)[1]) == {"council-budget.txt"}


def _bar_totals(ax: Axes) -> dict[str, float]:
    names = [t.get_text() for t in ax.get_yticklabels()]
    totals = dict.fromkeys(names, 0.0)
    for container in ax.containers:
        assert isinstance(container, BarContainer)
        for name, bar in zip(names, container.patches):
            totals[name] += bar.get_width()
    return totals


def _legend(ax: Axes) -> list[str]:
    legend = ax.get_legend()
    assert isinstance(legend, Legend)
    return [t.get_text() for t in legend.get_texts()]


def test_drifts_by_kind_bars_add_up_to_the_drift_counts(analysis: wiretrace.Analysis) -> None:
    ax = plot.drifts_by_kind(analysis)
    counts = analysis.drifts["kind"].value_counts()
    assert _bar_totals(ax) == {k.replace("_", " "): float(n) for k, n in counts.items()}
    names = [t.get_text() for t in ax.get_yticklabels()]
    assert _bar_totals(ax)[names[-1]] == counts.max()  # the most frequent kind on top
    legend = _legend(ax)
    outlets = {"coastline-news.html": "Coastline News", "valley-post.html": "Valley Post"}
    assert set(legend) == {outlets.get(d, d) for d in analysis.drifts["document"]}


def test_drifts_by_kind_groups_small_segments_as_other(analysis: wiretrace.Analysis) -> None:
    report = copy.deepcopy(analysis.report)
    extra = [dict(report["drifts"][0], document=f"site-{i}", kind="number_changed") for i in range(10)]
    report["drifts"] += extra
    a = wiretrace.Analysis(report)
    ax = plot.drifts_by_kind(a)
    legend = _legend(ax)
    assert len(legend) == 9 and legend[-1] == "other"
    assert _bar_totals(ax)["number changed"] == 12.0
    assert sum(_bar_totals(ax).values()) == len(a.drifts)


def test_copy_over_time_plots_weekly_means_per_outlet(dated: wiretrace.Analysis) -> None:
    shares = dated.copy_shares.set_index("document")["verbatim"]
    assert set(shares.index) == {"herald-1", "herald-2", "herald-3", "times-1", "times-2"}
    ax = plot.copy_over_time(dated)
    lines = {line.get_label(): line for line in ax.get_lines()}
    assert list(lines) == ["Herald", "Times"]  # most versions first
    herald = lines["Herald"]
    assert list(pd.to_datetime(herald.get_xdata())) == [pd.Timestamp("2025-11-03"), pd.Timestamp("2025-11-10")]
    np.testing.assert_allclose(np.asarray(herald.get_ydata(), dtype=float), [(shares["herald-1"] + shares["herald-2"]) / 2, shares["herald-3"]])
    times = lines["Times"]  # times-2 has no date and is left out
    assert list(pd.to_datetime(times.get_xdata())) == [pd.Timestamp("2025-11-10")]
    np.testing.assert_allclose(np.asarray(times.get_ydata(), dtype=float), [shares["times-1"]])
    assert "1 version without a date left out" in ax.get_title()
    assert [t.get_text() for t in ax.get_xticklabels()] == ["03 Nov 2025", "10 Nov 2025"]

    copied = dated.copy_shares.set_index("document")
    monthly = plot.copy_over_time(dated, freq="M", kind="copied")
    (line,) = [ln for ln in monthly.get_lines() if ln.get_label() == "Herald"]
    mean = (copied.loc[["herald-1", "herald-2", "herald-3"], ["verbatim", "edited"]].sum(axis=1)).mean()
    assert list(pd.to_datetime(line.get_xdata())) == [pd.Timestamp("2025-11-01")]
    np.testing.assert_allclose(np.asarray(line.get_ydata(), dtype=float), [mean])


def test_copy_over_time_needs_dates(dated: wiretrace.Analysis) -> None:
    undated = wiretrace.analyze(texts={k: t for k, (_, _, t) in DATED.items()})
    assert undated.documents["date"].isna().all()
    with pytest.raises(ValueError, match="needs dates, but none of the 5 versions has one"):
        plot.copy_over_time(undated)
    with pytest.raises(ValueError, match="kind must be one of"):
        plot.copy_over_time(dated, kind="quoted")
    with pytest.raises(ValueError, match="by must be a column"):
        plot.copy_over_time(dated, by="country")
    with pytest.raises(ValueError, match="freq must be a pandas period alias"):
        plot.copy_over_time(dated, freq="fortnight")


def test_without_matplotlib_the_plots_say_how_to_install_it(
    analysis: wiretrace.Analysis, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    message = "wiretrace.plot needs matplotlib: pip install 'wiretrace[plot]'"
    for draw in (plot.copy_heatmap, plot.derivation_graph, plot.drifts_by_kind, plot.copy_over_time):
        with pytest.raises(ImportError) as caught:
            draw(analysis)
        assert str(caught.value) == message
    assert plot.copy_matrix(analysis).shape == (6, 6)  # the numbers need no matplotlib


@pytest.fixture(scope="module")
def corpus_shares(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    wiretrace.synth(path, stories=60, outlets=4, seed=4)
    return wiretrace.copy_shares(path)


def test_copy_by_outlet_boxes_each_outlets_shares(corpus_shares: pd.DataFrame) -> None:
    ax = plot.copy_by_outlet(corpus_shares, top=3)
    measured = corpus_shares[corpus_shares["verbatim"].notna()]
    copied = (measured["verbatim"] + measured["edited"]).groupby(measured["outlet"])
    counts = measured["outlet"].value_counts().head(3)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == 3 and {l.split(" (")[0] for l in labels} == set(counts.index)
    # Most copying first: medians fall from the top box down.
    medians = [copied.median()[l.split(" (")[0]] for l in labels]
    assert medians == sorted(medians, reverse=True)
    assert all(f"({counts[l.split(' (')[0]]})" in l for l in labels)
    with pytest.raises(ValueError, match="lacks"):
        plot.copy_by_outlet(corpus_shares.drop(columns=["date"]))


def test_copy_over_time_takes_a_corpus_table(corpus_shares: pd.DataFrame) -> None:
    ax = plot.copy_over_time(corpus_shares, freq="M", kind="copied")
    measured = corpus_shares[corpus_shares["verbatim"].notna()]
    months = pd.to_datetime(measured["date"]).dt.to_period("M").nunique()
    assert max(len(l.get_xdata()) for l in ax.get_lines()) == months
    assert "without a date" not in ax.get_title()
