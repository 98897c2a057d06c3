"""Claim extraction speed: wiretrace and quantulum3 on the same news texts, same machine.

    pip install ".[bench]"
    python bench/claims/run.py                                  # PolNeAR texts beside the repo
    python bench/claims/run.py --texts DIR_OR_FILE.jsonl --limit 300 --threads 1 --json out.json

The texts are the ``.txt`` files of a folder (by default the PolNeAR train texts in
``../shared/data/polnear/train/text``) or the ``text`` fields of a JSON-lines file, the first
``--limit`` of them. Both tools read the same texts:

- **quantulum3**: ``quantulum3.parser.parse(text)`` per document (quantities with units), one
  thread, as the library offers no batch call.
- **wiretrace**: ``wiretrace.claims(texts)``, the batch call: every document parsed (headline,
  boilerplate, sentences) and read for quantities, quotes, attributions, hedges, entities and
  time expressions, on ``--threads`` threads (every core by default), the GIL released.

Reported: documents per second and claims (quantities for quantulum3) per second, the best of
``--repeat`` runs each; wiretrace's time includes parsing and building its DataFrame. The two
do not extract the same things: the point is what a researcher waits for to get the claims of
a corpus.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any

DEFAULT_TEXTS = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "polnear" / "train" / "text"


def load(source: Path, limit: int) -> list[str]:
    if source.is_dir():
        files = sorted(source.glob("*.txt"))[:limit]
        return [f.read_text(encoding="utf-8") for f in files]
    texts = []
    with source.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                texts.append(json.loads(line)["text"])
            if len(texts) >= limit:
                break
    return texts


def run_quantulum3(texts: list[str]) -> dict[str, Any]:
    from quantulum3 import parser

    start = time.perf_counter()
    found = sum(len(parser.parse(t)) for t in texts)
    seconds = time.perf_counter() - start
    return {"tool": "quantulum3", "documents": len(texts), "claims": found, "seconds": seconds}


def run_wiretrace(texts: list[str]) -> dict[str, Any]:
    import wiretrace

    start = time.perf_counter()
    df = wiretrace.claims(texts, format="text")
    seconds = time.perf_counter() - start
    quantities = int((df["kind"] == "quantity").sum())
    return {"tool": "wiretrace", "documents": len(texts), "claims": len(df), "quantities": quantities,
            "seconds": seconds}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", type=Path, default=DEFAULT_TEXTS, help="a folder of .txt files or a JSONL file")
    ap.add_argument("--limit", type=int, default=300, help="documents read (default 300)")
    ap.add_argument("--repeat", type=int, default=3, help="timing runs per tool (best kept)")
    ap.add_argument("--threads", type=int, help="threads for wiretrace (default: every core)")
    ap.add_argument("--json", type=Path, help="write the results here")
    args = ap.parse_args()
    if args.threads:
        os.environ["RAYON_NUM_THREADS"] = str(args.threads)
    if not args.texts.exists():
        sys.exit(f"{args.texts}: not found; give a folder of .txt files or a JSONL file with --texts")
    texts = load(args.texts, args.limit)
    if not texts:
        sys.exit(f"{args.texts}: no texts")
    results = [min((run(texts) for _ in range(args.repeat)), key=lambda r: r["seconds"])
               for run in (run_wiretrace, run_quantulum3)]
    import quantulum3  # noqa: F401  (version below)
    from importlib.metadata import version

    import wiretrace

    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"{len(texts)} documents ({mb:.1f} MB) from {args.texts}; wiretrace {wiretrace.__version__} "
          f"({os.environ.get('RAYON_NUM_THREADS', os.cpu_count())} threads), quantulum3 {version('quantulum3')}, "
          f"Python {platform.python_version()}")
    print("| tool | documents/s | claims/s | claims | seconds |")
    print("|---|---:|---:|---:|---:|")
    for r in results:
        r["documents_per_second"] = r["documents"] / r["seconds"]
        r["claims_per_second"] = r["claims"] / r["seconds"]
        print(f"| {r['tool']} | {r['documents_per_second']:,.0f} | {r['claims_per_second']:,.0f} | "
              f"{r['claims']:,} | {r['seconds']:.3f} |")
    ratio = results[0]["documents_per_second"] / results[1]["documents_per_second"]
    print(f"wiretrace / quantulum3 documents per second: x{ratio:,.0f} "
          f"(wiretrace found {results[0]['quantities']:,} quantities among its claims)")
    if args.json:
        args.json.write_text(json.dumps({"results": results, "machine": platform.platform(), "python": sys.version},
                                        indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
