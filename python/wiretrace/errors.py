"""The exceptions wiretrace raises, all under :class:`WiretraceError`.

>>> import wiretrace
>>> try:
...     wiretrace.analyze(texts={"empty": "   "})
... except wiretrace.WiretraceError as e:
...     print(type(e).__name__, "-", e)
NoDocumentsError - no article could be analysed: empty: the input is empty (no text to analyse); pass .txt or .html articles, or texts=[...]
"""

from __future__ import annotations

from wiretrace._core import WiretraceError

__all__ = ["WiretraceError", "NoDocumentsError", "UnknownClusterError", "UnknownDocumentError"]


class NoDocumentsError(WiretraceError, ValueError):
    """None of the inputs could be analysed.

    ``errors`` lists each input with the reason it was skipped.
    """

    def __init__(self, errors: list[dict[str, str]]) -> None:
        self.errors = errors
        lines = "; ".join(f"{e['input']}: {e['message']}" for e in errors[:5])
        more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
        hint = "pass .txt or .html articles, or texts=[...]"
        super().__init__(f"no article could be analysed: {lines or 'no inputs given'}{more}; {hint}")


class _UnknownIdentifierError(WiretraceError, KeyError):
    """An identifier the analysis does not have; the message names the ones it has."""

    def __init__(self, what: str, name: str, known: list[str]) -> None:
        shown = ", ".join(known[:10])
        super().__init__(f"no {what} {name!r} in this analysis; known {what}s: {shown}")

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0])


class UnknownDocumentError(_UnknownIdentifierError):
    """A document identifier that is not in the analysis."""

    def __init__(self, doc_id: str, known: list[str]) -> None:
        self.doc_id = doc_id
        super().__init__("document", doc_id, known)


class UnknownClusterError(_UnknownIdentifierError):
    """A cluster identifier that is not in the analysis."""

    def __init__(self, cluster_id: str, known: list[str]) -> None:
        self.cluster_id = cluster_id
        super().__init__("cluster", cluster_id, known)
