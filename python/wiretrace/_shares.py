"""Corpus-scale tables: copy shares of every version of every story, and generated corpora."""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Iterable, Mapping
from typing import Any, Literal, Union, overload

import pandas as pd

from wiretrace import _core
from wiretrace._progress import Progress, ProgressArg

__all__ = ["VERSION_COLUMNS", "copy_shares", "synth"]

PathLike = Union[str, "os.PathLike[str]"]

#: The columns of :func:`copy_shares`.
VERSION_COLUMNS = ["document", "outlet", "date", "story", "versions", "reference", "is_source", "verbatim",
                   "edited", "paraphrase", "added", "drifts"]


def _paths(paths: PathLike | Iterable[PathLike]) -> list[str]:
    if isinstance(paths, (str, os.PathLike)):
        return [os.fspath(paths)]
    if isinstance(paths, (bytes, bytearray)):
        raise TypeError("paths are str or os.PathLike, not bytes")
    return [os.fspath(p) for p in paths]


@overload
def copy_shares(
    paths: PathLike | Iterable[PathLike], *, content_threshold: float = ..., containment_threshold: float = ...,
    columns: Mapping[str, str] | None = ..., progress: ProgressArg = ..., attribution_model: PathLike | None = ..., arrow: Literal[False] = ...,
) -> pd.DataFrame: ...


@overload
def copy_shares(
    paths: PathLike | Iterable[PathLike], *, content_threshold: float = ..., containment_threshold: float = ...,
    columns: Mapping[str, str] | None = ..., progress: ProgressArg = ..., attribution_model: PathLike | None = ..., arrow: Literal[True],
) -> Any: ...


def copy_shares(
    paths: PathLike | Iterable[PathLike],
    *,
    content_threshold: float = 0.3,
    containment_threshold: float = 0.15,
    columns: Mapping[str, str] | None = None,
    progress: ProgressArg = False,
    attribution_model: PathLike | None = None,
    arrow: bool = False,
) -> Any:
    """How much of every version of every story comes from its reference, for a corpus of
    any size: one row per version (columns :data:`VERSION_COLUMNS`).

    The corpus is clustered into stories (as by :func:`wiretrace.cluster`), then each story
    is analysed on its own as soon as all its versions have been read (as by
    :func:`wiretrace.analyze`: reference, sentence alignment, claims, drifts), with the GIL
    released; memory holds the stories being read, not the corpus. ``verbatim``, ``edited``,
    ``paraphrase`` and ``added`` are shares of the version's sentences against the story's
    reference (empty for the reference itself and for stories of one version); ``drifts``
    counts the drifts flagged in the version. ``columns`` names the JSONL/CSV columns by role,
    as for :func:`wiretrace.analyze`, and so does ``attribution_model``. ``progress=True`` shows a bar per stage (tqdm;
    a widget in a notebook). With ``arrow=True`` the rows come as a ``pyarrow.Table`` built in
    the core (needs the ``arrow`` extra), which suits tables of millions of rows.

    >>> import tempfile, pathlib
    >>> corpus = pathlib.Path(tempfile.mkdtemp()) / "corpus.jsonl"
    >>> synth(corpus, stories=5, seed=3)
    30
    >>> rows = copy_shares(corpus)
    >>> rows.groupby("story").size().tolist()
    [8, 4, 5, 5, 8]
    >>> bool(rows["is_source"].sum() == 5 and rows["verbatim"].notna().sum() == 25)
    True
    """
    with Progress(progress) as bar:
        data, errors = _core.version_rows(
            _paths(paths), content_threshold=content_threshold, containment_threshold=containment_threshold,
            columns=dict(columns) if columns is not None else None, parquet=arrow, progress=bar.callback,
            attribution_model=os.fspath(attribution_model) if attribution_model is not None else None,
        )
    for e in json.loads(errors):
        warnings.warn(f"wiretrace skipped {e['input']}: {e['message']}", stacklevel=2)
    if arrow:
        try:
            import pyarrow as pa  # type: ignore[import-untyped]
            import pyarrow.parquet as pq  # type: ignore[import-untyped]
        except ImportError as err:
            raise ImportError("arrow=True needs pyarrow: pip install 'wiretrace[arrow]'") from err
        return pq.read_table(pa.BufferReader(data))
    rows: list[dict[str, Any]] = json.loads(data)
    return pd.DataFrame(rows, columns=VERSION_COLUMNS)


def synth(
    path: PathLike,
    *,
    stories: int = 100,
    versions: int = 4,
    rewrite: float = 0.5,
    words: int = 600,
    outlets: int = 200,
    derived: float = 0.0,
    truth: bool = False,
    wire: bool = True,
    dates: bool = True,
    outlet_styles: bool = True,
    seed: int = 1,
) -> int:
    """Write a generated corpus of wire stories and outlet rewrites with known ground truth
    (JSON lines, as ``wiretrace synth``) to ``path``; returns the number of articles.

    Stories are in an invented language, so that any size can be made without copying real
    text. Each story has its wire version (unless ``wire=False``) and on average ``versions``
    outlet versions drawn from ``outlets`` outlets, rewritten with strength ``rewrite`` (0
    copies, 1 rewrites nearly everything); ``derived`` is the chance that a version copies
    another outlet's version instead of the wire. ``truth`` adds each version's sentences and
    their provenance; ``dates`` gives each article a date in 2025; ``outlet_styles`` makes how
    heavily an outlet rewrites a property of the outlet. The same arguments give the same
    corpus.

    >>> import json, tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "corpus.jsonl"
    >>> synth(path, stories=2, versions=2, seed=1)
    5
    >>> first = json.loads(path.read_text().splitlines()[0])
    >>> first["id"], first["story"], first["outlet"], first["is_wire"], len(first["date"])
    ('s0-wire', 's0', 'wire', True, 10)
    """
    for name, value in (("stories", stories), ("versions", versions), ("words", words), ("outlets", outlets)):
        if value < 0:
            raise ValueError(f"{name} must not be negative (got {value})")
    return int(_core.synth(
        os.fspath(path), stories=stories, versions=versions, rewrite=rewrite, words=words, outlets=outlets,
        derived=derived, truth=truth, wire=wire, dates=dates, outlet_styles=outlet_styles, seed=seed,
    ))
