"""Progress displays for long calls: a tqdm bar per stage (in a notebook, its widget)."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from typing import Any, Union

__all__ = ["Progress", "ProgressArg"]

#: What a ``progress=`` argument takes: False (no display), True (a tqdm bar per stage), or
#: a callable given the stage ("clustering", "analysing") and the documents done so far.
ProgressArg = Union[bool, Callable[[str, int], None]]

_LABEL = {"clustering": "clustering", "analysing": "analysing stories"}


def _tqdm() -> Any:
    """tqdm's notebook widget where ipywidgets is installed, else its text bar."""
    if importlib.util.find_spec("ipywidgets") is None:
        from tqdm import tqdm

        return tqdm
    from tqdm.auto import tqdm as auto

    return auto


class Progress:
    """Turns the core's ``(stage, count)`` reports into tqdm bars, one per stage.

    Use as a context manager around the call; ``callback`` is what the core is given (None
    when there is nothing to show).
    """

    def __init__(self, progress: ProgressArg, total: int | None = None) -> None:
        self._bars: dict[str, Any] = {}
        self._total = total
        if callable(progress):
            self.callback: Callable[[str, int], None] | None = progress
        elif progress:
            self._tqdm = _tqdm()
            self.callback = self._update
        else:
            self.callback = None

    def _update(self, stage: str, count: int) -> None:
        bar = self._bars.get(stage)
        if bar is None:
            # A later stage goes over the documents the one before it read: that is its total.
            total = self._total
            for other in self._bars.values():
                total = other.n
                other.close()
            bar = self._bars[stage] = self._tqdm(
                desc=_LABEL.get(stage, stage), unit=" documents", total=total, leave=True
            )
        bar.update(count - bar.n)

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        for bar in self._bars.values():
            bar.close()
