"""Corpus readers from Python: DataFrames, JSONL and CSV exports with column mappings."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import wiretrace


def test_corpus_from_pandas_with_metadata() -> None:
    files = wiretrace.demo.files()
    df = pd.DataFrame(
        {
            "body": [files["meridian-wire.txt"], files["northgate-times.txt"], files["council-budget.txt"]],
            "link": ["https://www.meridianwire.example/a", "https://northgate.example/b", None],
            "site": [None, "Northgate Times", "Eastmere Echo"],
            "published": pd.to_datetime(["2025-11-04 09:12", "2025-11-04 10:32", "2025-11-03 18:00"]),
        },
        index=["wire", "northgate", "council"],
    )
    corpus = wiretrace.Corpus.from_pandas(df, text="body", url="link", outlet="site", date="published")
    assert len(corpus) == 3
    a = wiretrace.analyze(corpus)
    docs = a.documents.set_index("id")
    assert docs.loc["wire", "outlet"] == "meridianwire.example"
    assert docs.loc["northgate", "outlet"] == "Northgate Times"
    assert docs.loc["council", "date"] == "2025-11-03"
    assert sorted(a.clusters["size"]) == [1, 2]
    with pytest.raises(KeyError, match="no column 'nope'"):
        wiretrace.Corpus.from_pandas(df, text="nope")
    with pytest.warns(UserWarning, match="no article text"):
        a = wiretrace.analyze(wiretrace.Corpus([{"id": "x", "title": "only a title"}, {"id": "y", "text": "A ferry sank on Tuesday, the coast guard said."}]))
    assert a.documents["id"].tolist() == ["y"] and a.errors["input"].tolist() == ["x"]


def test_jsonl_and_csv_with_column_mapping_and_broken_records(tmp_path: Path) -> None:
    files = wiretrace.demo.files()
    lines = [
        json.dumps({"uid": "wire", "body": files["meridian-wire.txt"], "link": "https://meridianwire.example/x"}),
        '{"uid": "broken", "body": ',
        json.dumps({"uid": "herald", "body": files["harbour-herald.txt"], "link": "https://harbourherald.example/y"}),
    ]
    (tmp_path / "export.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    pd.DataFrame({"uid": ["ledger"], "body": [files["the-daily-ledger.txt"]]}).to_csv(tmp_path / "more.csv", index=False)
    with pytest.warns(UserWarning, match="export.jsonl:2"):
        a = wiretrace.analyze(tmp_path, columns={"id": "uid", "text": "body", "url": "link"})
    assert a.documents["id"].tolist() == ["wire", "herald", "ledger"]
    assert a.documents["outlet"].tolist()[:2] == ["meridianwire.example", "harbourherald.example"]
    assert a.errors["message"].str.startswith("invalid JSON").tolist() == [True]
    with pytest.raises(wiretrace.WiretraceError, match="unknown column role"):
        wiretrace.analyze(tmp_path, columns={"body": "text"})


def test_size_limit(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("word " * 300_000, encoding="utf-8")
    (tmp_path / "ok.txt").write_text(wiretrace.demo.files()["council-budget.txt"], encoding="utf-8")
    with pytest.warns(UserWarning, match="limit for one article"):
        a = wiretrace.analyze(tmp_path, max_size_mb=1)
    assert a.documents["id"].tolist() == ["ok"]


def test_warc_gz_crawl(tmp_path: Path) -> None:
    import gzip

    page = wiretrace.demo.files()["coastline-news.html"].encode("utf-8")
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page

    def record(kind: str, uri: str, payload: bytes) -> bytes:
        head = (
            f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:12345678-1234-4234-8234-{len(payload):012d}>\r\n"
            f"WARC-Date: 2025-11-04T12:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Type: application/http; msgtype={kind}\r\nContent-Length: {len(payload)}\r\n\r\n"
        )
        return gzip.compress(head.encode() + payload + b"\r\n\r\n")

    data = record("request", "https://www.coastline.example/blast", b"GET /blast HTTP/1.1\r\n\r\n")
    data += record("response", "https://www.coastline.example/blast", http)
    (tmp_path / "crawl.warc.gz").write_bytes(data)
    a = wiretrace.analyze(tmp_path)
    assert len(a.documents) == 1
    doc = a.article(a.documents["id"][0])
    assert doc.outlet == "Coastline News" and doc.date == "2025-11-04"
    assert "Calder Polymers" in doc.body


def test_cluster_and_copy_shares_read_named_columns(tmp_path: Path) -> None:
    import json

    corpus = tmp_path / "c.jsonl"
    wiretrace.synth(corpus, stories=4, seed=6)
    renamed = tmp_path / "renamed.jsonl"
    with corpus.open() as src, renamed.open("w") as out:
        for line in src:
            r = json.loads(line)
            out.write(json.dumps({"key": r["id"], "body": r["text"], "site": r["outlet"], "published": r["date"]}) + "\n")
    columns = {"id": "key", "text": "body", "outlet": "site", "date": "published"}
    expected = wiretrace.copy_shares(corpus)
    got = wiretrace.copy_shares(renamed, columns=columns)
    assert got.equals(expected)
    assert wiretrace.cluster(renamed, columns=columns).equals(wiretrace.cluster(corpus))
    with pytest.raises(wiretrace.WiretraceError, match="unknown column role"):
        wiretrace.copy_shares(renamed, columns={"body": "text"})
