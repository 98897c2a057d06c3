"""Corpora built in Python: articles with metadata, for example from a pandas DataFrame."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import pandas as pd

__all__ = ["Corpus"]

_FIELDS = ("id", "text", "html", "outlet", "url", "date", "title")


def _clean(value: Any) -> str | None:
    """A cell as text: missing values become None, timestamps ISO dates."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    text = str(value)
    return text if text.strip() else None


class Corpus:
    """Articles with their metadata, ready for :func:`wiretrace.analyze`.

    Each article has an ``id`` and its ``text`` (or ``html``), and optionally ``outlet``,
    ``url``, ``date`` and ``title``. The outlet defaults to the URL's host.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"body": ["A ferry sank on Tuesday, officials said."],
    ...                    "site": ["The Post"], "published": [pd.Timestamp("2025-11-04 10:00")]})
    >>> corpus = Corpus.from_pandas(df, text="body", outlet="site", date="published")
    >>> corpus.records[0]["outlet"], corpus.records[0]["date"], corpus.records[0]["id"]
    ('The Post', '2025-11-04', '0')
    """

    def __init__(self, records: Iterable[Mapping[str, Any]]) -> None:
        self.records: list[dict[str, str | None]] = []
        for i, r in enumerate(records):
            unknown = set(r) - set(_FIELDS)
            if unknown:
                raise ValueError(f"record {i} has unknown fields {sorted(unknown)}; use {', '.join(_FIELDS)}")
            rec = {k: _clean(r.get(k)) for k in _FIELDS}
            if rec["id"] is None:
                rec["id"] = str(i)
            # A record without text is kept: the analysis reports it as skipped, with the reason.
            self.records.append(rec)

    @classmethod
    def from_pandas(
        cls,
        df: pd.DataFrame,
        *,
        text: str | None = "text",
        html: str | None = None,
        id: str | None = None,
        outlet: str | None = None,
        url: str | None = None,
        date: str | None = None,
        title: str | None = None,
    ) -> Corpus:
        """A corpus from a DataFrame: each argument names the column holding that field (the
        index gives identifiers when ``id`` is not given). Rows whose text is missing are
        reported as skipped by the analysis, and the other rows are analysed."""
        mapping = {"text": text, "html": html, "id": id, "outlet": outlet, "url": url, "date": date, "title": title}
        missing = [c for c in mapping.values() if c is not None and c not in df.columns]
        if missing:
            raise KeyError(f"no column {missing[0]!r} in the DataFrame (columns: {', '.join(map(str, df.columns))})")
        records = []
        for index, row in df.iterrows():
            rec: dict[str, Any] = {field: row[col] for field, col in mapping.items() if col is not None}
            if id is None:
                rec["id"] = str(index)
            records.append(rec)
        return cls(records)

    def to_json(self) -> str:
        """The records as JSON (what the native core reads)."""
        return json.dumps(self.records, ensure_ascii=False)

    def __len__(self) -> int:
        return len(self.records)

    def __iter__(self) -> Iterator[dict[str, str | None]]:
        return iter(self.records)

    def __repr__(self) -> str:
        return f"Corpus({len(self.records)} articles)"
