"""Shared fixtures: the example corpus on disk and its analysis."""

from __future__ import annotations

from pathlib import Path

import pytest

import wiretrace

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("demo")
    wiretrace.demo.write(d)
    return d


@pytest.fixture(scope="session")
def demo_analysis(demo_dir: Path) -> wiretrace.Analysis:
    return wiretrace.analyze(demo_dir)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not beside the repository")
    return seeds
