"""Boilerplate removal: wiretrace and trafilatura on the same generated pages, same machine.

    pip install ".[bench]"
    python bench/boilerplate/run.py            # 56 HTML + 14 plain-text pages
    python bench/boilerplate/run.py --html 140 --text 35 --write /tmp/pages

Quality is word-level precision, recall and F1 of the body text each tool keeps against the
known body paragraphs of each page (micro-averaged: word counts summed over pages). Speed is
pages and megabytes per second over all pages, best of ``--repeat`` runs, single-threaded
calls from Python for both tools (``wiretrace.extract`` and ``trafilatura.extract``, both
returning the main text as a string); wiretrace's batch call (``extract_many``, parallel on
every core) and its full structural parse (``wiretrace.parse``) are reported too. Plain-text pages are given to trafilatura as HTML with one ``<p>`` per line.
"""

from __future__ import annotations

import argparse
import html
import json
import platform
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import trafilatura  # noqa: E402

import wiretrace  # noqa: E402
from generate import Page, generate  # noqa: E402

WORD = re.compile(r"\w+", re.UNICODE)


HANDWRITTEN = Path(__file__).resolve().parent / "handwritten"


def handwritten() -> list[Page]:
    """Pages written by hand in the shapes of real sites (bench/boilerplate/handwritten)."""
    pages = []
    for truth in sorted(HANDWRITTEN.glob("hw-*.json")):
        t = json.loads(truth.read_text(encoding="utf-8"))
        content = (HANDWRITTEN / t["file"]).read_text(encoding="utf-8")
        pages.append(Page(t["file"], "handwritten", "html", content, t["body"], "handwritten", []))
    return pages


def words(text: str) -> Counter[str]:
    return Counter(w.lower() for w in WORD.findall(text))


def as_html(page: Page) -> str:
    """What trafilatura is given: the page, or a plain-text page as one <p> per line."""
    if page.kind == "html":
        return page.content
    paras = "".join(f"<p>{html.escape(line)}</p>" for line in page.content.splitlines() if line.strip())
    return f"<html><body>{paras}</body></html>"


def wiretrace_body(article: wiretrace.Article) -> str:
    return "\n".join(b.text for b in article.blocks if b.role == "body")


def score(pred: list[str], pages: list[Page], with_extra: bool = False) -> dict[str, float]:
    """Word-level scores; ``with_extra`` counts the standfirst and caption as body too."""
    tp = fp = fn = 0
    for text, page in zip(pred, pages):
        truth = page.body + (page.extra or [] if with_extra else [])
        p, t = words(text), words("\n".join(truth))
        inter = sum((p & t).values())
        tp += inter
        fp += sum(p.values()) - inter
        fn += sum(t.values()) - inter
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def timed(fn, repeat: int) -> tuple[float, list[str]]:
    best, out = float("inf"), []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--html", type=int, default=56, help="HTML pages (default 56)")
    ap.add_argument("--text", type=int, default=14, help="plain-text pages (default 14)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=3, help="timing runs; the best is kept")
    ap.add_argument("--write", type=Path, help="also write the pages and their truth to this folder")
    ap.add_argument("--json", type=Path, help="write the results as JSON")
    args = ap.parse_args()

    pages = generate(args.html, args.text, args.seed) + handwritten()
    if args.write:
        args.write.mkdir(parents=True, exist_ok=True)
        for p in pages:
            (args.write / p.name).write_text(p.content, encoding="utf-8")
        truth = [{"file": p.name, "layout": p.layout, "body": p.body} for p in pages]
        (args.write / "truth.json").write_text(json.dumps(truth, indent=1), encoding="utf-8")
    inputs = [p.content for p in pages]
    traf_inputs = [as_html(p) for p in pages]
    megabytes = sum(len(t.encode()) for t in inputs) / 1e6

    kinds = [p.kind for p in pages]

    def run_wiretrace() -> list[str]:
        return [wiretrace.extract(t, format=k) for t, k in zip(inputs, kinds)]

    def run_wiretrace_parse() -> list[str]:
        return [wiretrace_body(wiretrace.parse(t, format=k)) for t, k in zip(inputs, kinds)]

    def run_wiretrace_batch() -> list[str]:
        out = [""] * len(pages)
        for fmt in ("html", "text"):
            idx = [i for i, k in enumerate(kinds) if k == fmt]
            for i, text in zip(idx, wiretrace.extract_many([inputs[i] for i in idx], format=fmt)):
                out[i] = text
        return out

    def run_trafilatura() -> list[str]:
        return [trafilatura.extract(t, include_comments=False) or "" for t in traf_inputs]

    results = {}
    tools = (
        ("wiretrace.extract", run_wiretrace),
        ("wiretrace.extract_many", run_wiretrace_batch),
        ("wiretrace.parse", run_wiretrace_parse),
        ("trafilatura.extract", run_trafilatura),
    )
    for name, fn in tools:
        seconds, pred = timed(fn, args.repeat)
        results[name] = {**score(pred, pages), "seconds": seconds, "pages_per_s": len(pages) / seconds,
                         "mb_per_s": megabytes / seconds}
        by_layout = {}
        for layout in sorted({p.layout for p in pages}):
            sel = [i for i, p in enumerate(pages) if p.layout == layout]
            by_layout[layout] = score([pred[i] for i in sel], [pages[i] for i in sel])["f1"]
        results[name]["f1_by_layout"] = by_layout
        groups = {
            "HTML generated, semantic class names": [i for i, p in enumerate(pages) if p.kind == "html" and p.scheme == "semantic"],
            "HTML generated, neutral class names": [i for i, p in enumerate(pages) if p.kind == "html" and p.scheme == "neutral"],
            "HTML, hand-written in the shapes of real sites": [i for i, p in enumerate(pages) if p.scheme == "handwritten"],
            "HTML, all": [i for i, p in enumerate(pages) if p.kind == "html"],
            "HTML generated, standfirst and caption as body": [i for i, p in enumerate(pages) if p.kind == "html" and p.scheme != "handwritten"],
            "plain text": [i for i, p in enumerate(pages) if p.kind == "text"],
        }
        results[name]["f1_by_group"] = {
            g: score([pred[i] for i in sel], [pages[i] for i in sel], with_extra="standfirst" in g)["f1"]
            for g, sel in groups.items() if sel
        }

    print(f"{len(pages)} pages ({args.html} generated HTML, {len(pages) - args.html - args.text} hand-written HTML, "
          f"{args.text} text), {megabytes:.2f} MB; "
          f"Python {platform.python_version()}, trafilatura {trafilatura.__version__}, wiretrace {wiretrace.__version__}")
    print(f"{'tool':<24}{'precision':>10}{'recall':>8}{'F1':>8}{'pages/s':>10}{'MB/s':>8}")
    for name, r in results.items():
        print(f"{name:<24}{r['precision']:>10.4f}{r['recall']:>8.4f}{r['f1']:>8.4f}{r['pages_per_s']:>10.1f}{r['mb_per_s']:>8.2f}")
    base = results["trafilatura.extract"]["pages_per_s"]
    print("throughput against trafilatura.extract: " + ", ".join(
        f"{name} {r['pages_per_s'] / base:.1f}x" for name, r in results.items() if name != "trafilatura.extract"))
    print("F1 by page group:")
    groups = list(results["trafilatura.extract"]["f1_by_group"])
    print(f"  {'group':<46}" + "".join(f"{n.replace('wiretrace', 'wt')[:22]:>24}" for n in results))
    for g in groups:
        print(f"  {g:<46}" + "".join(f"{results[n]['f1_by_group'][g]:>24.4f}" for n in results))
    print("F1 by layout:")
    layouts = sorted(results["trafilatura.extract"]["f1_by_layout"])
    print(f"  {'layout':<22}" + "".join(f"{n.replace('wiretrace', 'wt')[:22]:>24}" for n in results))
    for layout in layouts:
        print(f"  {layout:<22}" + "".join(f"{results[n]['f1_by_layout'][layout]:>24.4f}" for n in results))
    if args.json:
        args.json.write_text(json.dumps({"pages": len(pages), "megabytes": megabytes, "results": results}, indent=1))


if __name__ == "__main__":
    main()
