"""Same-story clustering: wiretrace, datasketch and gaoya on one generated corpus, same machine.

    python3 -m venv /tmp/benchenv && /tmp/benchenv/bin/pip install ".[bench]"
    cargo build --release -p wiretrace
    PY=/tmp/benchenv/bin/python; WT=target/release/wiretrace; B=bench/clustering/run.py
    $PY $B --wiretrace $WT --stories 2000                                   # ~10,000 articles, a check
    $PY $B --wiretrace $WT --rewrite 0.5 --workdir /tmp/c05 --json /tmp/cluster-r0.5.json   # ~100,000
    $PY $B --wiretrace $WT --rewrite 0.9 --workdir /tmp/c09 --json /tmp/cluster-r0.9.json
    $PY $B --corpus /tmp/c09/synth-s20000-v4-r0.9-seed1.jsonl --thresholds 0.1,0.2 \
        --tools datasketch,datasketch-verify,gaoya-dsbands                  # low thresholds, same corpus

The corpus is written by ``wiretrace synth --stories N --versions 4 --rewrite R --no-truth``
(one article a line: id, story, outlet, text, is_wire); ``story`` is the truth. Each tool runs
in a child process of its own, one per tool and Jaccard threshold, so that its peak RSS (read
with ``os.wait4``) is its own:

- wiretrace: ``wiretrace cluster CORPUS --out FILE -q`` (its own thresholds; ``--wiretrace-args``
  passes more options); time is the whole process, parse of the corpus and writing included.
- datasketch: lowercase ``\\w+`` words, word k-gram shingles (``--shingle``, default 3),
  ``MinHash.bulk`` with ``num_perm`` 128, ``MinHashLSH`` at the threshold (its own band and row
  choice), an insertion session, one query per article, union-find over the pairs returned.
  ``datasketch-verify`` also drops returned pairs whose estimated Jaccard is under the
  threshold, as gaoya's index does by itself.
- gaoya: ``MinHashStringIndex`` with its own word analyzer (lowercase, ``ngram_range=(k, k)``),
  32-bit hashes like datasketch, ``num_hashes`` 128 (its own bands and rows),
  ``par_bulk_insert_docs`` and ``par_bulk_query`` (multi-threaded), union-find over the results.
  ``gaoya-dsbands`` gives it the bands and rows datasketch picks for the same threshold instead
  (its signature is then bands × rows values long).

For the Python tools time runs from opening the JSONL to having a cluster label for every
article (reading, tokenising, hashing, indexing, querying, union-find); imports and interpreter
start are outside it, the child's whole wall time is reported too. Quality is pairwise: a pair
of articles is predicted same-story when both are in one output cluster and is truly so when
both have the same ``story``; precision, recall and F1 are counted from the (cluster, story)
contingency table, never pair by pair. Articles a tool leaves out of every cluster count as
singletons. "exact" is the share of stories whose articles form exactly one output cluster.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from importlib import metadata, util
from pathlib import Path

TOOLS = ("wiretrace", "datasketch", "datasketch-verify", "gaoya", "gaoya-dsbands")
# the Python packages each Python tool needs
PYTHON_TOOLS = {
    "datasketch": ("datasketch",),
    "datasketch-verify": ("datasketch",),
    "gaoya": ("gaoya",),
    "gaoya-dsbands": ("gaoya", "datasketch"),
}
WORD = re.compile(r"\w+")


# ---------------------------------------------------------------------------------------------
# Child side: one tool, one threshold; prints one JSON object on standard output.


def iter_texts(path: Path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line).get("text") or ""


class UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def labels(self) -> list[int]:
        return [self.find(i) for i in range(len(self.parent))]


def shingles(text: str, k: int) -> set[bytes]:
    """Lowercase word k-grams; a text shorter than k words is one shingle of all its words."""
    words = WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + k]).encode() for i in range(len(words) - k + 1)}


def child_datasketch(corpus: Path, threshold: float, k: int, num_perm: int, verify: bool) -> dict:
    from datasketch import MinHash, MinHashLSH

    t0 = time.perf_counter()
    n, keep = 0, []  # articles with at least one word; empty ones stay singletons

    def shingle_sets():
        nonlocal n
        for i, text in enumerate(iter_texts(corpus)):
            n += 1
            s = shingles(text, k)
            if s:
                keep.append(i)
                yield s

    # MinHash.bulk, the documented batch path, fed by a generator: no shingle set is kept
    sketches = MinHash.bulk(shingle_sets(), num_perm=num_perm)
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    with lsh.insertion_session() as session:
        for key, m in zip(keep, sketches):
            session.insert(key, m)
    uf = UnionFind(n)
    by_key = dict(zip(keep, sketches)) if verify else None
    pairs = 0
    for key, m in zip(keep, sketches):
        for other in lsh.query(m):
            if other == key or (verify and m.jaccard(by_key[other]) < threshold):
                continue
            pairs += 1
            uf.union(key, other)
    labels = uf.labels()
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "labels": labels, "threads": 1, "pairs_returned": pairs,
            "params": {"bands": lsh.b, "rows": lsh.r, "num_perm": num_perm, "shingle": k,
                       "scheme": getattr(sketches[0], "scheme", None) if sketches else None,
                       "verify": verify}}


def child_gaoya(corpus: Path, threshold: float, k: int, num_perm: int, datasketch_bands: bool) -> dict:
    from gaoya.minhash import MinHashStringIndex

    shape: dict = {"num_bands": None, "band_size": None}  # None: gaoya picks them for num_hashes
    if datasketch_bands:
        from datasketch import MinHashLSH

        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        shape = {"num_bands": lsh.b, "band_size": lsh.r}
    t0 = time.perf_counter()
    texts = list(iter_texts(corpus))
    keep = [i for i, t in enumerate(texts) if WORD.search(t)]  # empty articles stay singletons
    docs = [texts[i] for i in keep]
    index = MinHashStringIndex(hash_size=32, jaccard_threshold=threshold, num_hashes=num_perm, **shape,
                               analyzer="word", lowercase=True, ngram_range=(k, k), id_container="vec")
    index.par_bulk_insert_docs(keep, docs)
    results = index.par_bulk_query(docs)
    uf = UnionFind(len(texts))
    pairs = 0
    for key, found in zip(keep, results):
        for other in found:
            if other != key:
                pairs += 1
                uf.union(key, other)
    labels = uf.labels()
    seconds = time.perf_counter() - t0
    shape = re.search(r"bands = (\d+), rows_per_band = (\d+)", str(index))
    bands, rows = (int(shape[1]), int(shape[2])) if shape else (None, None)
    return {"seconds": seconds, "labels": labels, "pairs_returned": pairs,
            "threads": int(os.environ.get("RAYON_NUM_THREADS") or os.cpu_count() or 1),
            "params": {"bands": bands, "rows": rows, "num_perm": bands * rows if bands else None, "shingle": k,
                       "hash_size": 32, "id_container": "vec"}}


def child_main(args: argparse.Namespace) -> None:
    if args.child.startswith("gaoya"):
        out = child_gaoya(args.corpus, args.threshold, args.shingle, args.num_perm,
                          datasketch_bands=args.child == "gaoya-dsbands")
    else:
        out = child_datasketch(args.corpus, args.threshold, args.shingle, args.num_perm,
                               verify=args.child == "datasketch-verify")
    sys.stdout.write(json.dumps(out))
    sys.stdout.flush()


# ---------------------------------------------------------------------------------------------
# Parent side: corpus, children, scores, report.


def rss_kib(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def run_measured(cmd: list[str], env: dict, timeout: float, max_rss_kib: int) -> dict:
    """Run cmd; return its stdout, status, wall time and peak RSS (from os.wait4).

    A watchdog kills it (SIGKILL, this pid only) past ``timeout`` seconds or ``max_rss_kib``.
    """
    load = os.getloadavg()[0]
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, env=env)
        done, killed = threading.Event(), []

        def watchdog() -> None:
            while not done.wait(0.2):
                rss = rss_kib(proc.pid)
                if time.perf_counter() - t0 > timeout:
                    killed.append(f"killed after {timeout:.0f} s (time limit)")
                elif rss is not None and rss > max_rss_kib:
                    killed.append(f"killed at {rss / 2**20:.1f} GiB RSS (memory limit)")
                else:
                    continue
                proc.kill()
                return

        watch = threading.Thread(target=watchdog, daemon=True)
        watch.start()
        stdout = proc.stdout.read()
        proc.stdout.close()
        done.set()
        watch.join()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return {"stdout": stdout, "stderr": stderr, "returncode": proc.returncode,
            "killed": killed[0] if killed else None, "wall": wall,
            "peak_rss_mib": usage.ru_maxrss / 1024, "load_before": load}


def pair_scores(labels: list, stories: list[str]) -> dict:
    """Pairwise precision/recall/F1 from the contingency table of (cluster, story) counts."""
    def pairs(counts) -> int:
        return sum(n * (n - 1) // 2 for n in counts)

    cells = Counter(zip(labels, stories))
    by_cluster, by_story = Counter(labels), Counter(stories)
    tp, predicted, true = pairs(cells.values()), pairs(by_cluster.values()), pairs(by_story.values())
    precision = tp / predicted if predicted else 1.0
    recall = tp / true if true else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    exact = sum(1 for (c, s), n in cells.items() if n == by_cluster[c] == by_story[s])
    return {"precision": precision, "recall": recall, "f1": f1, "clusters": len(by_cluster),
            "multi_clusters": sum(1 for n in by_cluster.values() if n > 1),
            "largest": max(by_cluster.values(), default=0), "exact_stories": exact / len(by_story),
            "pairs_true": true, "pairs_predicted": predicted, "pairs_correct": tp}


def wiretrace_labels(path: Path, ids: list[str]) -> list:
    """Cluster label per article from `wiretrace cluster` output; articles left out are singletons."""
    where = {doc: i for i, doc in enumerate(ids)}
    labels: list = [("single", i) for i in range(len(ids))]
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                c = json.loads(line)
                for doc in c["documents"]:
                    if doc in where:
                        labels[where[doc]] = c["cluster"]
    return labels


def machine_info(wiretrace_bin: str | None) -> dict:
    def proc_field(path: str, key: str) -> str | None:
        try:
            with open(path) as f:
                return next((line.split(":", 1)[1].strip() for line in f if line.startswith(key)), None)
        except OSError:
            return None

    cpu = proc_field("/proc/cpuinfo", "model name") or platform.processor()
    mem_kib = proc_field("/proc/meminfo", "MemTotal:")
    mem = round(int(mem_kib.split()[0]) / 2**20, 1) if mem_kib else None
    versions = {}
    for pkg in ("datasketch", "gaoya", "numpy", "scipy"):
        try:
            versions[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            versions[pkg] = None
    binary = None
    if wiretrace_bin:
        out = subprocess.run([wiretrace_bin, "--version"], check=False, capture_output=True, text=True)
        versions["wiretrace"] = (out.stdout.strip() or out.stderr.strip()).removeprefix("wiretrace ")
        st = os.stat(wiretrace_bin)
        binary = {"path": wiretrace_bin, "sha256": hashlib.sha256(Path(wiretrace_bin).read_bytes()).hexdigest(),
                  "modified": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(st.st_mtime))}
    return {"cpu": cpu, "cores": os.cpu_count(), "usable_cores": len(os.sched_getaffinity(0)),
            "memory_gib": mem, "load_average_at_end": os.getloadavg(), "platform": platform.platform(),
            "python": platform.python_version(), "versions": versions, "wiretrace_binary": binary}


def resolve_wiretrace(arg: str) -> str | None:
    path = shutil.which(arg) if os.sep not in arg else (arg if os.access(arg, os.X_OK) else None)
    return os.path.abspath(path) if path else None


def fmt_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wiretrace", default="wiretrace", help="wiretrace binary (default: on PATH)")
    ap.add_argument("--corpus", type=Path, help="use this JSONL corpus instead of generating one")
    ap.add_argument("--stories", type=int, default=20000, help="stories to generate (default 20000, ~100k articles)")
    ap.add_argument("--versions", type=int, default=4, help="mean outlet versions per story (default 4)")
    ap.add_argument("--rewrite", type=float, default=0.5, help="rewrite level for synth (default 0.5)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-wire", action="store_true", help="leave the wire copies out (rewrites only)")
    ap.add_argument("--workdir", type=Path, help="keep the corpus and wiretrace's output here (default: a temporary folder)")
    ap.add_argument("--tools", default="wiretrace,datasketch,gaoya", help=f"comma-separated, from {','.join(TOOLS)}")
    ap.add_argument("--thresholds", default="0.3,0.5,0.7", help="Jaccard thresholds for datasketch and gaoya")
    ap.add_argument("--shingle", type=int, default=3, help="word k-gram size for datasketch and gaoya (default 3)")
    ap.add_argument("--num-perm", type=int, default=128)
    ap.add_argument("--repeat", type=int, default=1, help="runs per tool and threshold; the fastest is kept")
    ap.add_argument("--threads", type=int, help="RAYON_NUM_THREADS for wiretrace and gaoya (default: all cores)")
    ap.add_argument("--wiretrace-args", default="", help="extra options for `wiretrace cluster`, one string")
    ap.add_argument("--timeout", type=float, default=900, help="kill a run after this many seconds (default 900)")
    ap.add_argument("--max-rss-gib", type=float, default=16, help="kill a run above this RSS (default 16)")
    ap.add_argument("--json", type=Path, help="write everything as JSON here")
    ap.add_argument("--child", choices=list(PYTHON_TOOLS), help=argparse.SUPPRESS)
    ap.add_argument("--threshold", type=float, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child_main(args)
        return

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    unknown = [t for t in tools if t not in TOOLS]
    if unknown:
        ap.error(f"unknown tool(s) {', '.join(unknown)}; choose from {', '.join(TOOLS)}")
    thresholds = [float(t) for t in args.thresholds.split(",") if t.strip()]
    wt = resolve_wiretrace(args.wiretrace)
    if "wiretrace" in tools and not wt:
        log(f"skipping wiretrace: no executable '{args.wiretrace}' (build it with "
            "`cargo build --release -p wiretrace` and pass --wiretrace target/release/wiretrace)")
        tools.remove("wiretrace")
    for tool in [t for t in tools if t in PYTHON_TOOLS]:
        missing = [pkg for pkg in PYTHON_TOOLS[tool] if util.find_spec(pkg) is None]
        if missing:
            log(f"skipping {tool}: {sys.executable} lacks the Python package(s) {', '.join(missing)} "
                f"(pip install \".[bench]\")")
            tools.remove(tool)
    if not tools:
        sys.exit("no tool to run")

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="wiretrace-cluster-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    corpus = args.corpus
    synth = None
    if corpus is None:
        if not wt:
            sys.exit(f"cannot generate a corpus: no wiretrace executable '{args.wiretrace}'; pass --wiretrace or --corpus")
        corpus = workdir / (f"synth-s{args.stories}-v{args.versions}-r{args.rewrite}-seed{args.seed}"
                            f"{'-nowire' if args.no_wire else ''}.jsonl")
        synth = [wt, "synth", "--stories", str(args.stories), "--versions", str(args.versions),
                 "--rewrite", str(args.rewrite), "--seed", str(args.seed), "--no-truth", "--out", str(corpus)]
        if args.no_wire:
            synth.append("--no-wire")
        log("generating: " + shlex.join(synth))
        subprocess.run(synth, check=True)

    ids, stories, words = [], [], 0
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                doc = json.loads(line)
                ids.append(str(doc["id"]))
                stories.append(str(doc["story"]))
                words += len(WORD.findall(doc.get("text") or ""))
    if len(set(ids)) != len(ids):
        sys.exit("the corpus has duplicate ids; wiretrace's output could not be matched to articles")
    n = len(ids)
    corpus_info = {"path": str(corpus), "articles": n, "stories": len(set(stories)),
                   "megabytes": corpus.stat().st_size / 1e6, "mean_words": words / max(n, 1),
                   "synth_command": shlex.join(synth) if synth else None}
    log(f"corpus: {n} articles, {corpus_info['stories']} stories, {corpus_info['megabytes']:.1f} MB")

    env = dict(os.environ)
    if args.threads:
        env["RAYON_NUM_THREADS"] = str(args.threads)
    max_rss_kib = int(args.max_rss_gib * 2**20)
    me = str(Path(__file__).resolve())

    configs = []
    for tool in tools:
        if tool == "wiretrace":
            configs.append((tool, None))
        else:
            configs.extend((tool, t) for t in thresholds)

    runs = []
    for tool, threshold in configs:
        name = tool if threshold is None else f"{tool} @ {threshold}"
        best = None
        for rep in range(args.repeat):
            if tool == "wiretrace":
                out_path = workdir / "wiretrace-clusters.jsonl"
                cmd = [wt, "cluster", str(corpus), "--out", str(out_path), "-q", *shlex.split(args.wiretrace_args)]
            else:
                cmd = [sys.executable, me, "--child", tool, "--corpus", str(corpus), "--threshold", str(threshold),
                       "--shingle", str(args.shingle), "--num-perm", str(args.num_perm)]
            log(f"running {name} ({rep + 1}/{args.repeat}): {shlex.join(cmd)}")
            r = run_measured(cmd, env, args.timeout, max_rss_kib)
            failed = r["killed"] or (f"exit code {r['returncode']}" if r["returncode"] else None)
            if failed:
                log(f"  {name} failed: {failed}\n{r['stderr'][-2000:]}")
                best = {"tool": tool, "threshold": threshold, "status": failed, "wall": r["wall"],
                        "peak_rss_mib": r["peak_rss_mib"], "load_before": r["load_before"], "command": shlex.join(cmd)}
                break
            if tool == "wiretrace":
                labels = wiretrace_labels(out_path, ids)
                res = {"seconds": r["wall"], "threads": int(env.get("RAYON_NUM_THREADS") or os.cpu_count() or 1),
                       "params": {"args": args.wiretrace_args}}
            else:
                res = json.loads(r["stdout"])
                labels = res.pop("labels")
                if len(labels) != n:
                    sys.exit(f"{name} returned {len(labels)} labels for {n} articles")
            run = {"tool": tool, "threshold": threshold, "status": "ok", **res, "process_wall": r["wall"],
                   "peak_rss_mib": r["peak_rss_mib"], "load_before": r["load_before"], "docs_per_s": n / res["seconds"],
                   **pair_scores(labels, stories), "command": shlex.join(cmd)}
            log(f"  {res['seconds']:.2f} s, {r['peak_rss_mib']:.0f} MiB, P {run['precision']:.4f} "
                f"R {run['recall']:.4f} F1 {run['f1']:.4f}, {run['clusters']} clusters")
            if best is None:
                best = {**run, "all_seconds": [run["seconds"]]}
            else:
                times = best["all_seconds"] + [run["seconds"]]
                rss = max(best["peak_rss_mib"], run["peak_rss_mib"])
                if run["seconds"] < best["seconds"]:
                    best = run
                best = {**best, "all_seconds": times, "peak_rss_mib": rss}
        runs.append(best)

    base = next((r for r in runs if r["tool"] == "wiretrace" and r["status"] == "ok"), None)
    for r in runs:
        if r["status"] == "ok" and base:
            r["wiretrace_speedup"] = base["docs_per_s"] / r["docs_per_s"]

    info = machine_info(wt)
    header = ["tool", "Jaccard thr.", "bands×rows", "threads", "clusters", "largest", "precision", "recall",
              "F1", "exact stories", "time s", "articles/s", "wiretrace ×", "peak RSS MiB", "note"]
    lines = [fmt_row(header), fmt_row(["---"] * len(header))]
    for r in runs:
        thr = "" if r["threshold"] is None else f"{r['threshold']:g}"
        if r["status"] != "ok":
            lines.append(fmt_row([r["tool"], thr, *[""] * 8, f"{r['wall']:.1f}", "", "",
                                  f"{r['peak_rss_mib']:.0f}", r["status"]]))
            continue
        p = r.get("params", {})
        shape = f"{p['bands']}×{p['rows']}" if p.get("bands") else ""
        lines.append(fmt_row([
            r["tool"], thr, shape, str(r["threads"]), str(r["clusters"]), str(r["largest"]),
            f"{r['precision']:.4f}", f"{r['recall']:.4f}", f"{r['f1']:.4f}", f"{r['exact_stories']:.3f}",
            f"{r['seconds']:.2f}", f"{r['docs_per_s']:,.0f}",
            f"{r['wiretrace_speedup']:.1f}" if "wiretrace_speedup" in r else "", f"{r['peak_rss_mib']:.0f}", ""]))
    v = info["versions"]
    print(f"{n:,} articles, {corpus_info['stories']:,} stories ({corpus_info['megabytes']:.0f} MB, "
          f"{corpus_info['mean_words']:.0f} words each); "
          + (f"synth --rewrite {args.rewrite} --seed {args.seed}{' --no-wire' if args.no_wire else ''}; "
             if synth else f"{corpus}; ")
          + f"word {args.shingle}-grams, {args.num_perm} permutations")
    print(f"{info['cpu']}, {info['cores']} cores, {info['memory_gib']} GiB; Python {info['python']}, "
          + ", ".join(f"{k} {val}" for k, val in v.items() if val))
    print()
    print("\n".join(lines))
    print()
    print("wiretrace × = wiretrace articles/s ÷ the tool's articles/s. Time: whole process for wiretrace; "
          "reading the JSONL to cluster labels for the Python tools (child wall time in the JSON).")
    loads = [r["load_before"] for r in runs]
    print(f"1-minute load average before the runs: {min(loads):.1f} to {max(loads):.1f} "
          f"({info['cores']} cores; above ~1 means other work shared the machine).")
    if args.json:
        args.json.write_text(json.dumps({"corpus": corpus_info, "machine": info, "options": {
            k: (str(val) if isinstance(val, Path) else val) for k, val in vars(args).items()
            if k not in ("child", "threshold")}, "runs": runs, "table": "\n".join(lines)}, indent=1))
    if not args.workdir:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
