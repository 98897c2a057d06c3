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
