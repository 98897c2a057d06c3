"""The package's types: the hand-written stubs of the native core agree with it
(``mypy.stubtest``), the package passes ``mypy --strict``, and so does code that uses it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import wiretrace

pytest.importorskip("mypy", reason="mypy is in the test extra")
PACKAGE = Path(wiretrace.__file__).parent

USER_CODE = '''
import pandas as pd
import wiretrace
import wiretrace.plot

analysis: wiretrace.Analysis = wiretrace.analyze(texts=wiretrace.demo.files())
drifts: pd.DataFrame = analysis.drifts
story: wiretrace.Cluster = analysis.cluster("c0")
alignment: wiretrace.Alignment = story.alignment(story.documents[1])
shares: tuple[float, float] = alignment.containment
table: pd.DataFrame = analysis.claim_table(wide=False)
article: wiretrace.Article = wiretrace.parse("Headline\\n\\nBody text.", id="x")
clusters: pd.DataFrame = wiretrace.cluster(texts={"a": "One text.", "b": "Another text."})
versions: pd.DataFrame = wiretrace.copy_shares("corpus.jsonl", progress=True)
heat: pd.DataFrame = wiretrace.plot.copy_matrix(analysis)
claims: wiretrace.ClaimTable | pd.DataFrame = analysis.claim_table()
try:
    analysis.cluster("nope")
except wiretrace.WiretraceError as e:
    message: str = str(e)
'''


def mypy(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True, timeout=600)


def test_the_stubs_match_the_native_module(tmp_path: Path) -> None:
    assert (PACKAGE / "py.typed").is_file() and (PACKAGE / "_core.pyi").is_file()
    run = mypy("mypy.stubtest", "wiretrace", "--mypy-config-file", str(tmp_path / "none.ini"), cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_package_and_code_using_it_pass_strict_mypy(tmp_path: Path) -> None:
    (tmp_path / "use.py").write_text(USER_CODE)
    run = mypy("mypy", "--strict", "--no-incremental", "-p", "wiretrace", "-m", "use", cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
