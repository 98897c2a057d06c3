"""Heavy calls release the GIL: Python code keeps running while the core works."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import wiretrace


def test_python_runs_while_the_core_works(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    wiretrace.synth(corpus, stories=300, seed=9)
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(wiretrace.copy_shares(corpus)))
    ticks = 0
    started = time.perf_counter()
    worker.start()
    while worker.is_alive():
        ticks += 1
        time.sleep(0.001)
    elapsed = time.perf_counter() - started
    worker.join()
    assert result and len(result[0]) > 1000  # type: ignore[arg-type]
    # With the GIL held for the call, the loop would not get a turn until it returned.
    assert ticks > 0.05 * elapsed / 0.001, (ticks, elapsed)
