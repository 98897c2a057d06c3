"""The installed `wiretrace` command."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

_BESIDE = Path(sys.executable).parent / "wiretrace"
EXE = str(_BESIDE) if _BESIDE.exists() else shutil.which("wiretrace")
pytestmark = pytest.mark.skipif(EXE is None, reason="the wiretrace command is not installed")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([EXE, *args], cwd=cwd, capture_output=True, text=True, timeout=300)  # type: ignore[list-item]


def test_demo_writes_both_reports_and_a_summary(tmp_path: Path) -> None:
    r = run("demo", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "2 story clusters" in r.stdout and "drifts by kind" in r.stdout
    report = json.loads((tmp_path / "wiretrace-demo.json").read_text(encoding="utf-8"))
    assert report["schema"] == "wiretrace.report/1" and len(report["documents"]) == 7
    assert (tmp_path / "wiretrace-demo.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_analyze_help_and_exit_codes(demo_dir: Path, tmp_path: Path) -> None:
    help_text = run("analyze", "--help").stdout
    for option in ("--json", "--html", "--quiet", "--strict"):
        assert option in help_text
    assert run("analyze").returncode == 2
    assert run("analyze", str(tmp_path / "missing")).returncode == 1
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "r.json"
    r = run("analyze", str(demo_dir), str(tmp_path / "empty.txt"), "--json", str(out), "--strict")
    assert r.returncode == 3 and "empty.txt" in r.stderr
    assert len(json.loads(out.read_text(encoding="utf-8"))["documents"]) == 7


def test_closed_pipe_is_not_a_crash(demo_dir: Path) -> None:
    r = subprocess.run(f"'{EXE}' analyze '{demo_dir}' -q | head -c 10", shell=True, capture_output=True, text=True)
    assert r.stdout == '{\n  "schema'[:10]
    assert "panicked" not in r.stderr and "Error" not in r.stderr


@pytest.mark.parametrize("fmt", ["json", "csv", "parquet"])
def test_analyze_writes_the_tables_in_each_format(fmt: str, demo_dir: Path, tmp_path: Path,
                                                  demo_analysis: "wiretrace.Analysis") -> None:
    import pandas as pd

    r = run("analyze", str(demo_dir), "--tables", str(tmp_path / "t"), "--format", fmt, "-q")
    assert r.returncode == 0 and r.stderr == "" and r.stdout == ""
    ext = {"json": "jsonl", "csv": "csv", "parquet": "parquet"}[fmt]
    read = {"json": lambda p: pd.read_json(p, lines=True), "csv": pd.read_csv, "parquet": pd.read_parquet}[fmt]
    tables = {p.stem: read(p) for p in (tmp_path / "t").glob(f"*.{ext}")}
    assert set(tables) == {"documents", "clusters", "links", "claims", "drifts", "copy_shares", "claim_table"}
    a = demo_analysis
    assert len(tables["documents"]) == len(a.documents) and len(tables["links"]) == len(a.links)
    assert len(tables["claims"]) == len(a.claims) and len(tables["claim_table"]) == len(a.claim_table(wide=False))
    assert sorted(tables["drifts"]["kind"]) == sorted(a.drifts["kind"])
    merged = tables["copy_shares"].merge(a.copy_shares, on="document")
    assert (merged["verbatim_x"] - merged["verbatim_y"]).abs().max() < 1e-9
    assert list(tables["claims"].columns) == list(a.claims.columns)


def test_cluster_and_shares_formats_progress_and_exit_codes(tmp_path: Path) -> None:
    import pandas as pd

    import wiretrace

    corpus = tmp_path / "corpus.jsonl"
    n = wiretrace.synth(corpus, stories=6, seed=2)
    r = run("cluster", str(corpus), "--format", "csv")
    assert r.returncode == 0 and "6 clusters" in r.stderr
    rows = pd.read_csv(__import__("io").StringIO(r.stdout))
    assert list(rows.columns) == ["document", "cluster", "size"] and len(rows) == n and rows["cluster"].nunique() == 6
    assert run("cluster", str(corpus), "--format", "parquet").returncode == 2  # binary needs --out
    out = tmp_path / "v.parquet"
    r = run("shares", str(corpus), "--format", "parquet", "--out", str(out))
    assert r.returncode == 0 and "documents in 6 stories" in r.stderr and "outlet" in r.stderr
    table = pd.read_parquet(out)
    assert len(table) == n and table["is_source"].sum() == 6 and table["date"].notna().all()
    assert table.equals(wiretrace.copy_shares(corpus).astype(table.dtypes.to_dict()))
    (tmp_path / "bad.jsonl").write_text('{"id": "x", "text": "A lone article.\\n\\nIt says little."}\n{broken\n')
    r = run("shares", str(corpus), str(tmp_path / "bad.jsonl"), "--strict", "-q", "--out", str(tmp_path / "v.csv"),
            "--format", "csv")
    assert r.returncode == 3 and "bad.jsonl" in r.stderr and "documents in" not in r.stderr
    assert run("shares", str(tmp_path / "missing")).returncode == 1
    assert "Exit codes: 0 done" in run("--help").stdout


def test_cluster_and_shares_take_the_column_options(tmp_path: Path) -> None:
    import pandas as pd

    import wiretrace

    corpus = tmp_path / "c.jsonl"
    n = wiretrace.synth(corpus, stories=3, seed=8)
    rows = [json.loads(line) for line in corpus.read_text().splitlines()]
    renamed = tmp_path / "r.jsonl"
    renamed.write_text("".join(json.dumps({"key": r["id"], "body": r["text"]}) + "\n" for r in rows))
    opts = ["--id-column", "key", "--text-column", "body", "--format", "csv", "-q"]
    shares = run("shares", str(renamed), *opts)
    assert shares.returncode == 0, shares.stderr
    table = pd.read_csv(__import__("io").StringIO(shares.stdout))
    assert sorted(table["document"]) == sorted(r["id"] for r in rows) and len(table) == n
    clusters = run("cluster", str(renamed), *opts)
    assert clusters.returncode == 0 and len(clusters.stdout.splitlines()) == n + 1


def _brat_compartment(root: Path) -> Path:
    """Thirty short articles whose attributions are annotated in BRAT standoff, each with a cue
    wiretrace's rules do not know ("lamented")."""
    people = ["The harbour master", "A council spokeswoman", "The ferry operator", "Ms Varga", "Mr Okafor"]
    contents = ["that the pier needed repairs", "that fares would rise", "that two boats were idle"]
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    for i in range(30):
        source, content = people[i % 5], contents[i % 3]
        headline = f"Harbour news, day {i}\n\n"
        text = f"{headline}{source} lamented {content}. The port opened in 1890.\n"
        s0 = len(headline)
        c0 = s0 + len(source) + 1
        k0 = c0 + len("lamented") + 1
        ann = (f"T1\tSource {s0} {c0 - 1}\t{source}\n"
               f"T2\tCue {c0} {c0 + 8}\tlamented\n"
               f"T3\tContent {k0} {k0 + len(content)}\t{content}\n"
               "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n")
        (root / "text" / f"a{i:02}.txt").write_text(text, encoding="utf-8")
        (root / "attributions" / f"a{i:02}_1.ann").write_text(ann, encoding="utf-8")
    return root


def test_train_an_attribution_model_and_analyse_with_it(tmp_path: Path) -> None:
    model = tmp_path / "attribution.model"
    r = run("train", "attribution", str(_brat_compartment(tmp_path / "train")), "-o", str(model))
    assert r.returncode == 0, r.stderr
    assert "trained on 30 articles" in r.stderr and model.stat().st_size > 0
    story = tmp_path / "story.txt"
    story.write_text("Bridge news\n\nThe mayor lamented that the bridge was closed. It opened in 1931.\n",
                     encoding="utf-8")

    def attributions(*extra: str) -> list[tuple[str, str]]:
        r = run("analyze", str(story), "-q", *extra)
        assert r.returncode == 0, r.stderr
        claims = json.loads(r.stdout)["claims"]
        return [(c["source"]["text"], c["cue"]["text"]) for c in claims if c["kind"] == "attribution"]

    assert attributions() == []
    assert attributions("--attribution-model", str(model)) == [("The mayor", "lamented")]
    r = run("analyze", str(story), "-q", "--attribution-model", str(model))
    info = json.loads(r.stdout)["attribution_model"]
    assert (info["articles"], info["epochs"]) == (30, 10) and len(info["fingerprint"]) == 16
    assert "attribution_model" not in json.loads(run("analyze", str(story), "-q").stdout)
    # The same from Python.
    import wiretrace

    a = wiretrace.analyze(texts={"story": story.read_text(encoding="utf-8")}, attribution_model=model)
    found = [(c["source"]["text"], c["cue"]["text"]) for c in a.report["claims"] if c["kind"] == "attribution"]
    assert found == [("The mayor", "lamented")]
    assert len(wiretrace.copy_shares([story], attribution_model=model)) == 1
    model.write_bytes(b"not a model")
    r = run("analyze", str(story), "-q", "--attribution-model", str(model))
    assert r.returncode == 1 and str(model) in r.stderr and "not a wiretrace attribution model" in r.stderr
    with pytest.raises(wiretrace.WiretraceError, match="not a wiretrace attribution model"):
        wiretrace.analyze(paths=[story], attribution_model=model)
    with pytest.raises(wiretrace.WiretraceError, match="not a wiretrace attribution model"):
        wiretrace.copy_shares([story], attribution_model=model)
    drift = Path(__file__).resolve().parents[1] / "crates" / "wiretrace" / "corpus" / "drift"
    r = run("eval", "drift", str(drift), "--attribution-model", str(model))
    assert r.returncode == 1 and str(model) in r.stderr
    r = run("train", "attribution", str(tmp_path / "missing"), "-o", str(model))
    assert r.returncode == 1 and "missing" in r.stderr and "text/ and attributions/" in r.stderr
