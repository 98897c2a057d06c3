"""Notebook displays: a story cluster, the claim table and the analysis summary."""

from __future__ import annotations

import pickle
from pathlib import Path
import re

import pandas as pd
import pytest

import wiretrace
from wiretrace._views import ClaimTable


@pytest.fixture(scope="module")
def story(demo_analysis: wiretrace.Analysis) -> wiretrace.Cluster:
    cid = demo_analysis.clusters.sort_values("size").iloc[-1]["id"]
    return demo_analysis.cluster(cid)


def test_a_cluster_has_its_own_tables(story: wiretrace.Cluster, demo_analysis: wiretrace.Analysis) -> None:
    assert len(story.documents) == 6 and story.reference == story.source
    assert set(story.drifts["document"]) <= set(story.documents)
    assert len(story.drifts) == len(demo_analysis.drifts)  # the unrelated article drifts nowhere
    assert set(story.units["cluster"]) == {story.id} and set(story.derivation["cluster"]) == {story.id}
    assert [a.id for a in story.articles] == story.documents
    assert story.claim_table().shape[0] == demo_analysis.claim_table(story.id).shape[0]
    with pytest.raises(wiretrace.UnknownClusterError, match="known clusters: c0"):
        demo_analysis.cluster("nope")


def test_a_clusters_alignment_is_the_reports_pair_either_way_round(story: wiretrace.Cluster) -> None:
    other = next(d for d in story.documents if d != story.reference)
    forward = story.alignment(other)
    backward = story.alignment(story.reference, against=other)  # type: ignore[arg-type]
    assert forward.a.id == story.reference and forward.b.id == other
    assert backward.a.id == other and backward.b.id == story.reference
    assert forward.dropped == backward.added and forward.added == backward.dropped
    pairs_f = sorted(zip(forward.links["a_sentence"], forward.links["b_sentence"]))
    pairs_b = sorted(zip(backward.links["b_sentence"], backward.links["a_sentence"]))
    assert pairs_f == pairs_b
    # Word edits keep pointing at the right words once flipped.
    for al in (forward, backward):
        for e in al.diffs.itertuples():
            assert al.a.text[e.a_start:e.a_end] == e.a_text and al.b.text[e.b_start:e.b_end] == e.b_text
    assert forward.containment == backward.containment[::-1]
    with pytest.raises(wiretrace.UnknownDocumentError):
        story.alignment("not-there")


def test_the_cluster_display_shows_every_view_with_a_scoped_style(story: wiretrace.Cluster) -> None:
    html = story._repr_html_()
    assert html.startswith('<div class="wiretrace"><style>')
    style = html[html.index("<style>") + 7:html.index("</style>")]
    assert all(rule.startswith(".wiretrace") for rule in style.split("}") if rule)
    for view in ('class="claims"', 'class="heat"', 'class="graph"', 'class="units"', 'class="side"'):
        assert view in html, view
    assert html.count('class="badge"') >= len(story.drifts)
    assert len(re.findall(r'<g class="node">', html)) == len(story.documents)


def test_the_claim_table_shows_drifts_with_their_evidence(demo_analysis: wiretrace.Analysis) -> None:
    table = demo_analysis.claim_table()
    assert isinstance(table, ClaimTable) and isinstance(table, pd.DataFrame)
    html = table._repr_html_()
    assert html is not None and html.count("<tr>") == len(table) + 1
    drifted = re.findall(r'<td class="drifted" title="([^"]*)"', html)
    marked = sum(1 for row in table.itertuples() for v in row if isinstance(v, str) and "⚠" in v)
    assert len(drifted) == marked > 0
    # The hover names the drift, explains it and quotes the other versions.
    number = next(t for t in drifted if t.startswith("number_changed"))
    explanation, *evidence = number.split("\n")
    assert "says" in explanation and evidence and evidence[0].strip().startswith(demo_analysis.clusters.iloc[0]["source"])
    # Anything derived from it is a plain DataFrame with pandas' display.
    part = table[table["kind"] == "quantity"]
    assert type(part) is pd.DataFrame and "<table" in part._repr_html_()
    assert type(demo_analysis.claim_table(wide=False)) is pd.DataFrame
    again = pickle.loads(pickle.dumps(table))
    assert again.equals(table) and again._repr_html_() == html


def test_the_analysis_display_links_to_its_parts(demo_analysis: wiretrace.Analysis) -> None:
    html = demo_analysis._repr_html_()
    targets = re.findall(r"href='#([^']+)'", html)
    assert len(targets) >= 2
    for t in targets:
        assert f"id='{t}'" in html, t
    assert f"analysis.cluster({demo_analysis.clusters.iloc[0]['id']!r})" in html and "analysis.drifts" in html


def test_a_cluster_pickles(story: wiretrace.Cluster) -> None:
    again = pickle.loads(pickle.dumps(story))
    assert repr(again) == repr(story) and again.documents == story.documents


def test_progress_reports_each_stage(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    n = wiretrace.synth(corpus, stories=30, seed=5)
    seen: list[tuple[str, int]] = []
    rows = wiretrace.copy_shares(corpus, progress=lambda stage, count: seen.append((stage, count)))
    assert len(rows) == n
    stages = [s for s, _ in seen]
    assert stages[0] == "clustering" and stages[-1] == "analysing" and seen[-1][1] == n
    assert stages == sorted(stages, key=["clustering", "analysing"].index), "stages come in order"
    counts = [c for s, c in seen if s == "analysing"]
    assert counts == sorted(counts)
    clusters = wiretrace.cluster(corpus, progress=lambda stage, count: seen.append((stage, count)))
    assert seen[-1] == ("clustering", n) and len(clusters) == n
    # A progress callable that raises does not stop the work.
    def broken(stage: str, count: int) -> None:
        raise RuntimeError("display gone")
    assert len(wiretrace.cluster(corpus, progress=broken)) == n


def test_a_later_progress_bar_counts_against_what_the_stage_before_read(monkeypatch: pytest.MonkeyPatch) -> None:
    from wiretrace import _progress

    bars: list[dict[str, object]] = []

    class Bar:
        def __init__(self, **kwargs: object) -> None:
            self.n = 0
            self.kwargs = kwargs
            bars.append(kwargs)

        def update(self, k: int) -> None:
            self.n += k

        def close(self) -> None:
            self.kwargs["closed_at"] = self.n

    monkeypatch.setattr(_progress, "_tqdm", lambda: Bar)
    with _progress.Progress(True) as p:
        assert p.callback is not None
        for n in (100, 250):
            p.callback("clustering", n)
        for n in (50, 250):
            p.callback("analysing", n)
    assert [b["desc"] for b in bars] == ["clustering", "analysing stories"]
    assert bars[0]["total"] is None and bars[1]["total"] == 250
    assert bars[0]["closed_at"] == 250 and bars[1]["closed_at"] == 250
