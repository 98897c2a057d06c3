"""wiretrace.analyze on the example corpus: tables, drifts against the ground truth, outputs."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pandas as pd
import pytest

import wiretrace


def test_tables_are_dataframes_with_the_documented_columns(demo_analysis: wiretrace.Analysis) -> None:
    a = demo_analysis
    for table in (a.documents, a.pairs, a.claims, a.drifts, a.links, a.clusters, a.copy_shares, a.errors):
        assert isinstance(table, pd.DataFrame)
    assert len(a.documents) == 7 and a.errors.empty
    assert {"a", "b", "jaccard", "containment_a_in_b", "containment_b_in_a"} <= set(a.pairs.columns)
    assert {"document", "kind", "start", "end", "text", "explanation", "evidence"} <= set(a.drifts.columns)
    assert set(a.claims["kind"]) >= {"quantity", "quote", "attribution", "hedge", "entity", "time"}
    assert sorted(a.clusters["size"].tolist()) == [1, 6]
    assert set(a.links["kind"]) == {"verbatim", "edited", "paraphrase"}
    assert {"shape", "moved", "edits"} <= set(a.links.columns)
    assert (a.links.loc[a.links["kind"] == "edited", "edits"] > 0).all()
    # The copy of a copy is traced to the outlet it copied.
    parent = dict(zip(a.derivation["document"], a.derivation["parent"]))
    assert parent["valley-post"] == "harbour-herald" and parent["harbour-herald"] == "meridian-wire"
    assert a.units.groupby("unit")["versions"].first().max() == 6


def test_every_planted_drift_is_found(demo_analysis: wiretrace.Analysis) -> None:
    a = demo_analysis
    manifest = wiretrace.demo.manifest()
    for planted in manifest["drifts"]:
        doc = next(d for d in a.report["documents"] if d["id"] == planted["document"])
        start = doc["text"].index(planted["text"])
        end = start + len(planted["text"])
        hits = a.drifts[
            (a.drifts["document"] == planted["document"])
            & (a.drifts["kind"] == planted["kind"])
            & (a.drifts["start"] < end)
            & (a.drifts["end"] > start)
        ]
        assert len(hits) >= 1, f"not found: {planted}"
    for _, d in a.drifts.iterrows():
        text = a.article(d["document"]).text
        assert text[d["start"]:d["end"]] == d["text"]


def test_copy_shares_and_source(demo_analysis: wiretrace.Analysis) -> None:
    shares = demo_analysis.copy_shares.set_index("document")
    assert (shares["reference"] == "meridian-wire").all()
    assert shares.loc["harbour-herald", "verbatim"] > shares.loc["the-daily-ledger", "verbatim"]
    sums = shares[["verbatim", "edited", "paraphrase", "added"]].sum(axis=1)
    assert ((sums - 1).abs() < 1e-3).all()


def test_json_html_pickle_and_displays(demo_analysis: wiretrace.Analysis, tmp_path: Path) -> None:
    a = demo_analysis
    text = a.to_json(tmp_path / "r.json")
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["schema"] == "wiretrace.report/1" and json.loads(text) == report
    assert wiretrace.Analysis.from_json(text).report == a.report
    page = a.to_html(tmp_path / "r.html")
    assert page.startswith("<!DOCTYPE html>") and "number_changed" in page
    b = pickle.loads(pickle.dumps(a))
    assert b.report == a.report and b.drifts.equals(a.drifts)
    html = a._repr_html_()
    assert "meridian-wire" in html and "caption_mismatch" in html
    assert repr(a).startswith("Analysis(documents=7")


def test_analyze_texts_and_ids() -> None:
    wire = ("Blast at Havenport plant kills at least 12\n\nHAVENPORT, Norland (Meridian Wire) – An explosion "
            "killed at least 12 people on Monday, the health ministry said. The cause is not yet known.")
    copy = "Havenport blast kills 12\n\nAn explosion killed 12 people on Monday, the health ministry said."
    # The wire is recognised as the source: its dateline credits the agency its id names.
    a = wiretrace.analyze(texts=[wire, copy], ids=["meridian-wire", "copy"])
    assert a.documents["id"].tolist() == ["meridian-wire", "copy"]
    assert a.clusters["source"].tolist() == ["meridian-wire"]
    assert a.drifts[["document", "kind"]].values.tolist() == [["copy", "number_changed"]]
    with pytest.raises(ValueError, match="2 texts but 1 ids"):
        wiretrace.analyze(texts=[wire, copy], ids=["x"])
    with pytest.raises(TypeError, match="either paths or texts"):
        wiretrace.analyze()
    with pytest.raises(TypeError, match="not one string"):
        wiretrace.analyze(texts=wire)
    with pytest.raises(TypeError, match="not bytes"):
        wiretrace.analyze(b"wire.txt")  # type: ignore[arg-type]
    dup = wiretrace.analyze(texts=[wire, copy], ids=["same", "same"])
    assert dup.documents["id"].tolist() == ["same", "same-2"]


def test_seeds_form_one_story(seeds_dir: Path) -> None:
    a = wiretrace.analyze(seeds_dir)
    assert a.clusters["size"].tolist() == [5]
    assert a.clusters["source"].isna().all()


def test_claims_of_many_texts_without_analysis(demo_analysis: wiretrace.Analysis) -> None:
    texts = [
        "Flood closes Orsk bridge\n\nAbout 300 people were evacuated, the mayor told reporters on Monday.",
        "The council said twenty-one homes were damaged. £2,000 will go to each family, officials said.",
    ]
    df = wiretrace.claims(texts)
    assert list(df.columns) == list(demo_analysis.claims.columns)
    q = df[df.kind == "quantity"].set_index("document")
    assert q.loc["document-0", "value"] == 300 and q.loc["document-0", "approximator"] == "about"
    assert sorted(q.loc["document-1", "value"].tolist()) == [21.0, 2000.0]
    assert set(df[df.kind == "attribution"]["source"]) >= {"mayor", "council"}
    # Offsets point into the parsed texts.
    for row in df.itertuples():
        assert wiretrace.parse(texts[int(row.document.split("-")[1])]).text[row.start : row.end] == row.text
    assert wiretrace.claims([]).empty
    with pytest.raises(TypeError, match="item 1"):
        wiretrace.claims(["fine", 3])  # type: ignore[list-item]


def test_claim_table_readings_consensus_and_drifts(demo_analysis: wiretrace.Analysis) -> None:
    wide = demo_analysis.claim_table()
    killed = wide[wide["what"] == "people killed"].iloc[0]
    assert killed["consensus"] == "at least 12"
    # The Times's exact 12 is its own reading, marked with the drift found there.
    assert "number_changed" in killed["northgate-times"] and "12" in killed["northgate-times"]
    assert "number_changed" not in killed["meridian-wire"]
    long = demo_analysis.claim_table(wide=False)
    assert set(long.columns) >= {"claim", "document", "value", "approximator", "source", "hedges", "drifts"}
    injured = long[(long["what"] == "injured") & (long["value"] == 78)]
    assert list(injured["document"]) == ["the-daily-ledger"] and injured["drifts"].iloc[0] == ["number_changed"]
    # Spans point into the documents' texts.
    for _, r in long.head(20).iterrows():
        text = demo_analysis.article(r["document"]).text
        assert text[r["start"]:r["end"]] == r["text"]
    with pytest.raises(wiretrace.UnknownClusterError):
        demo_analysis.claim_table("c99")


def test_to_tables_matches_the_dataframes(demo_analysis: wiretrace.Analysis, tmp_path: Path) -> None:
    paths = demo_analysis.to_tables(tmp_path / "t")
    tables = {p.stem: pd.read_parquet(p) for p in paths}
    assert set(tables) == {"documents", "clusters", "links", "claims", "drifts", "copy_shares", "claim_table"}
    claims = tables["claims"]
    assert list(claims.columns) == list(demo_analysis.claims.columns) and len(claims) == len(demo_analysis.claims)
    assert claims["value"].dtype == "float64" and claims["start"].dtype == "int64"
    assert tables["links"]["moved"].dtype == "bool"
    with pytest.raises(wiretrace.WiretraceError, match="unknown format"):
        demo_analysis.to_tables(tmp_path / "u", format="xlsx")
