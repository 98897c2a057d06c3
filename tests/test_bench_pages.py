"""The boilerplate benchmark's generated pages: their truth is on the page, and wiretrace keeps
it (a quality guard; the timing comparison with trafilatura is `bench/boilerplate/run.py`)."""

from __future__ import annotations

import html
import re
import sys
from collections import Counter
from pathlib import Path

import wiretrace

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench" / "boilerplate"))
from generate import generate  # noqa: E402

WORD = re.compile(r"\w+")


def test_generated_pages_and_wiretrace_quality() -> None:
    pages = generate(n_html=21, n_text=7, seed=3)
    assert len({p.layout for p in pages}) == 8
    tp = fp = fn = 0
    for p in pages:
        for para in p.body:
            assert (html.escape(para) if p.kind == "html" else para) in p.content
        got = Counter(w.lower() for w in WORD.findall(wiretrace.extract(p.content, format=p.kind)))
        want = Counter(w.lower() for w in WORD.findall(" ".join(p.body)))
        inter = sum((got & want).values())
        tp, fp, fn = tp + inter, fp + sum(got.values()) - inter, fn + sum(want.values()) - inter
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    # Measured on these pages: precision and recall above 0.99 (docs/parsing.md has the full run).
    assert precision > 0.97 and recall > 0.97, (precision, recall)
