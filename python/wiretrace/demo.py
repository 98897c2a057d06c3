"""The example corpus shipped with wiretrace: a fictional wire story, five outlet rewrites
with planted drifts of every kind, and one unrelated article."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from wiretrace import _core

__all__ = ["files", "manifest", "write"]


def files() -> dict[str, str]:
    """The corpus files: file name to content."""
    return dict(_core.demo_files())


def manifest() -> dict[str, Any]:
    """The ground truth: clusters, source, planted drifts and faithful paraphrases."""
    manifest: dict[str, Any] = json.loads(_core.demo_manifest())
    return manifest


def write(directory: str | os.PathLike[str]) -> list[Path]:
    """Write the corpus files into ``directory`` (created if needed); returns their paths."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in files().items():
        p = out / name
        p.write_text(text, encoding="utf-8")
        written.append(p)
    return written
