"""Fast story clustering of a corpus (MinHash and LSH, no alignment)."""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Iterable, Mapping
from typing import Union

import pandas as pd

from wiretrace import _core
from wiretrace._progress import Progress, ProgressArg

__all__ = ["cluster"]

PathLike = Union[str, "os.PathLike[str]"]


def cluster(
    paths: PathLike | Iterable[PathLike] | None = None,
    *,
    texts: Mapping[str, str] | None = None,
    content_threshold: float = 0.3,
    containment_threshold: float = 0.15,
    num_perm: int = 128,
    columns: Mapping[str, str] | None = None,
    progress: ProgressArg = False,
) -> pd.DataFrame:
    """Group articles into stories, fast: one row per document with its ``cluster`` and the
    cluster's ``size``, clusters in order of their first document.

    Two documents are one story when the estimated containment of their word 3-grams (either
    way) reaches ``containment_threshold``, or when the estimated Jaccard of their content-word
    stems reaches ``content_threshold`` and the containment half its threshold. Words
    and phrases found in more than 1% of a large corpus's documents are left out first. Files
    are read one batch at a time, as by :func:`wiretrace.analyze` (``columns`` names the
    JSONL/CSV columns by role, as there); ``progress=True`` shows
    the documents read so far (tqdm; a widget in a notebook), or pass a callable given
    ``("clustering", documents)``.

    >>> import wiretrace
    >>> df = wiretrace.cluster(texts={n: t for n, t in wiretrace.demo.files().items()})
    >>> df.groupby("cluster").size().sort_values().tolist()
    [1, 6]
    """
    if (paths is None) == (texts is None):
        raise TypeError("cluster() takes either paths or texts=..., not both or neither")
    if texts is not None:
        if not isinstance(texts, Mapping):
            raise TypeError("texts= takes a {id: text} mapping")
        out = json.loads(_core.cluster_texts(
            [(str(k), v) for k, v in texts.items()], content_threshold=content_threshold,
            containment_threshold=containment_threshold, num_perm=num_perm))
    else:
        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        assert paths is not None
        with Progress(progress) as bar:
            out = json.loads(_core.cluster_paths(
                [os.fspath(p) for p in paths], content_threshold=content_threshold,
                containment_threshold=containment_threshold, num_perm=num_perm,
                columns=dict(columns) if columns is not None else None, progress=bar.callback))
    for e in out["errors"]:
        warnings.warn(f"wiretrace skipped {e['input']}: {e['message']}", stacklevel=2)
    rows = [
        {"document": d, "cluster": f"c{i}", "size": len(docs)}
        for i, docs in enumerate(out["clusters"])
        for d in docs
    ]
    return pd.DataFrame(rows, columns=["document", "cluster", "size"])
