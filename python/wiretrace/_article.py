"""Parsed articles: metadata, blocks with roles, sentences, offsets in code points."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pandas as pd

from wiretrace import _core
from wiretrace._display import article_html

__all__ = ["Article", "Block", "Sentence", "extract", "extract_many", "parse", "parse_many"]


@dataclass(frozen=True)
class Block:
    """A part of the article text with one role (``headline``, ``body``, ``boilerplate`` …);
    ``source`` is where an HTML block came from (its element), when known.

    >>> parse("Dam holds after storm\\n\\nHAVENPORT (Meridian Wire) – The dam held overnight.").blocks[0]
    Block(role='headline', start=0, end=21, text='Dam holds after storm', source=None)
    """

    role: str
    start: int
    end: int
    text: str
    source: str | None = None


@dataclass(frozen=True)
class Sentence:
    """A body sentence; ``block`` is the index of its block.

    >>> a = parse("Dam holds after storm\\n\\nHAVENPORT (Meridian Wire) – The dam held overnight. "
    ...           "Engineers inspected it.")
    >>> s = a.sentences[1]
    >>> s, a.text[s.start:s.end] == s.text
    (Sentence(start=75, end=98, text='Engineers inspected it.', block=1), True)
    """

    start: int
    end: int
    text: str
    block: int


class Article:
    """A parsed news article.

    ``text`` is the document as read (for HTML, the extracted text); every ``start``/``end`` is
    an offset in code points into it, so ``article.text[s.start:s.end] == s.text``.

    >>> a = parse("Ferry capsizes off Lindqvist Island\\n\\nLINDQVIST, Norland (Meridian Wire) – "
    ...           "A ferry sank on Tuesday, the coast guard said. Divers searched the hull.")
    >>> a.headline, a.dateline, a.agency
    ('Ferry capsizes off Lindqvist Island', 'Lindqvist, Norland', 'Meridian Wire')
    >>> [s.text for s in a.sentences]
    ['A ferry sank on Tuesday, the coast guard said.', 'Divers searched the hull.']
    """

    __slots__ = ("_data",)

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    @classmethod
    def from_json(cls, text: str) -> Article:
        """An article from its JSON form (as in a report's ``documents``)."""
        return cls(json.loads(text))

    def __getstate__(self) -> dict[str, Any]:
        return self._data

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._data = state

    @property
    def id(self) -> str:
        """Identifier."""
        return str(self._data["id"])

    @property
    def path(self) -> str | None:
        """Where it was read from."""
        return self._data.get("path")

    @property
    def outlet(self) -> str | None:
        """Publishing outlet, when known."""
        return self._data.get("outlet")

    @property
    def headline(self) -> str | None:
        """Headline."""
        return self._data.get("headline")

    @property
    def dek(self) -> str | None:
        """Standfirst."""
        return self._data.get("dek")

    @property
    def date(self) -> str | None:
        """Publication date, ``YYYY-MM-DD``."""
        return self._data.get("date")

    @property
    def dateline(self) -> str | None:
        """Dateline place."""
        return self._data.get("dateline")

    @property
    def byline(self) -> str | None:
        """Byline."""
        return self._data.get("byline")

    @property
    def section(self) -> str | None:
        """Section label."""
        return self._data.get("section")

    @property
    def agency(self) -> str | None:
        """Wire agency credited in the dateline."""
        return self._data.get("agency")

    @property
    def text(self) -> str:
        """The document as read."""
        return str(self._data["text"])

    @property
    def blocks(self) -> list[Block]:
        """Blocks in text order."""
        return [Block(b["role"], b["start"], b["end"], b["text"], b.get("source")) for b in self._data["blocks"]]

    @property
    def sentences(self) -> list[Sentence]:
        """Body sentences."""
        return [Sentence(s["start"], s["end"], s["text"], s["block"]) for s in self._data["sentences"]]

    @property
    def body(self) -> str:
        """The body text: body blocks joined by blank lines."""
        return "\n\n".join(b.text for b in self.blocks if b.role == "body")

    def blocks_frame(self) -> pd.DataFrame:
        """Blocks as a DataFrame (role, start, end, text, source)."""
        return pd.DataFrame(self._data["blocks"], columns=["role", "start", "end", "text", "source"])

    def to_dict(self) -> dict[str, Any]:
        """The article as plain data (the report's document form)."""
        data: dict[str, Any] = json.loads(json.dumps(self._data))
        return data

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Article) and self._data == other._data

    def __hash__(self) -> int:
        return hash((self.id, self.text))

    def __repr__(self) -> str:
        return (
            f"Article(id={self.id!r}, headline={self.headline!r}, blocks={len(self._data['blocks'])}, "
            f"sentences={len(self._data['sentences'])})"
        )

    def _repr_html_(self) -> str:
        return article_html(self._data)


def parse(text: str, *, id: str = "document", format: str | None = None) -> Article:
    """Parse one article from plain text or HTML.

    ``format`` is ``"text"``, ``"html"`` or ``None`` to detect it from the content.

    >>> page = ("<html><head><meta property='og:site_name' content='Harbour Herald'></head><body>"
    ...         "<h1>Dam holds after storm</h1><p>The dam held overnight, engineers said.</p></body></html>")
    >>> a = parse(page, id="herald")
    >>> a.id, a.outlet, a.headline, a.body
    ('herald', 'Harbour Herald', 'Dam holds after storm', 'The dam held overnight, engineers said.')
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes the article as str, not {type(text).__name__}; decode bytes first")
    return Article(json.loads(_core.parse_text(text, id=id, format=format)))


def parse_many(texts: list[str], *, format: str | None = None) -> list[Article]:
    """Parse many articles at once, in parallel and without holding the GIL.

    Identifiers are ``document-0``, ``document-1``, … in input order.

    >>> texts = ["Dam holds after storm\\n\\nThe dam held through the night, the engineers said.",
    ...          "Bridge shut for repairs\\n\\nThe old river bridge closed on Monday for three weeks."]
    >>> [(a.id, a.headline) for a in parse_many(texts)]
    [('document-0', 'Dam holds after storm'), ('document-1', 'Bridge shut for repairs')]
    """
    texts = list(texts)
    for i, t in enumerate(texts):
        if not isinstance(t, str):
            raise TypeError(f"text {i} is {type(t).__name__}, not str; decode bytes first")
    return [Article(json.loads(j)) for j in _core.parse_many(texts, format=format)]


def extract(text: str, *, format: str | None = None) -> str:
    """The main text of an article: its body paragraphs joined by blank lines, without
    navigation, promotion, headline, captions or footers.

    >>> extract("<html><body><nav>Home | World</nav><article><h1>Ferry sinks off the coast</h1>"
    ...         "<p>A ferry sank on Tuesday, the coast guard said.</p><div class='share'>Share</div>"
    ...         "</article></body></html>")
    'A ferry sank on Tuesday, the coast guard said.'
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() takes the article as str, not {type(text).__name__}; decode bytes first")
    return _core.extract(text, format=format)


def extract_many(texts: list[str], *, format: str | None = None) -> list[str]:
    """:func:`extract` for many articles, in parallel and without holding the GIL.

    >>> extract_many(["<article><p>One.</p></article>", "<article><p>Two.</p></article>"], format="html")
    ['One.', 'Two.']
    """
    texts = list(texts)
    for i, t in enumerate(texts):
        if not isinstance(t, str):
            raise TypeError(f"text {i} is {type(t).__name__}, not str; decode bytes first")
    return _core.extract_many(texts, format=format)
