"""wiretrace.parse: articles with roles, metadata and offsets."""

from __future__ import annotations

import pickle

import pytest

import wiretrace


def test_plain_text_roles_metadata_and_offsets() -> None:
    text = (
        "World\n\nFerry capsizes off the coast of Lindqvist Island\n3 min read\n"
        "Rescuers searched through the night for survivors.\nBy Ana Ruiz\n"
        "Published 4 November 2025, 09:12 GMT\n\n"
        "LINDQVIST, Norland (Meridian Wire) – A ferry carrying 120 passengers capsized on Tuesday, "
        "the coast guard said. Gen. Ola Berg of the U.S. Navy led the search.\n\n"
        "Share this article: Facebook | X | Email\n"
    )
    a = wiretrace.parse(text, id="ferry")
    assert (a.id, a.section, a.headline) == ("ferry", "World", "Ferry capsizes off the coast of Lindqvist Island")
    assert (a.dek, a.byline, a.date) == ("Rescuers searched through the night for survivors.", "Ana Ruiz", "2025-11-04")
    assert (a.dateline, a.agency) == ("Lindqvist, Norland", "Meridian Wire")
    roles = [b.role for b in a.blocks]
    assert roles == ["section", "headline", "boilerplate", "dek", "byline", "date", "dateline", "body", "boilerplate"]
    assert [s.text for s in a.sentences] == [
        "A ferry carrying 120 passengers capsized on Tuesday, the coast guard said.",
        "Gen. Ola Berg of the U.S. Navy led the search.",
    ]
    for item in [*a.blocks, *a.sentences]:
        assert a.text[item.start:item.end] == item.text
    assert pickle.loads(pickle.dumps(a)) == a
    assert "boilerplate" in a._repr_html_() and "line-through" in a._repr_html_()
    assert list(a.blocks_frame().columns) == ["role", "start", "end", "text", "source"]


def test_html_page_extraction() -> None:
    page = (
        "<html><head><meta property='og:site_name' content='The Post'>"
        "<meta property='article:published_time' content='2025-11-04T10:00:00Z'></head><body>"
        "<nav><a href='/'>Home</a></nav><article><h1>Ferry capsizes off Lindqvist Island</h1>"
        "<figure><figcaption>Rescuers at the port in 2019</figcaption></figure>"
        "<p>A ferry carrying 120 passengers capsized on Tuesday, the coast guard said.</p>"
        "<div class='share-bar'><a href='#'>Share</a></div></article><footer>© The Post</footer></body></html>"
    )
    a = wiretrace.parse(page)
    assert (a.outlet, a.date, a.headline) == ("The Post", "2025-11-04", "Ferry capsizes off Lindqvist Island")
    assert [b.role for b in a.blocks] == ["headline", "caption", "body"]
    assert "Home" not in a.text and "Share" not in a.text and "©" not in a.text
    assert all(b.source for b in a.blocks)


def test_parse_rejects_bytes_and_unknown_format() -> None:
    with pytest.raises(TypeError, match="decode bytes first"):
        wiretrace.parse(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(wiretrace.WiretraceError, match="unknown format"):
        wiretrace.parse("text", format="pdf")
