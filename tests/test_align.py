"""wiretrace.align and wiretrace.align_passages from Python."""

from __future__ import annotations

import pickle

import pytest

import wiretrace

WIRE = (
    "Harbour fire closes Velmont docks\n\n"
    "A fire broke out at the Velmont container docks on Tuesday night, the port authority said. "
    "Firefighters fought the blaze for six hours before bringing it under control. "
    "No one was injured, according to a spokeswoman for the fire brigade. "
    "Shipping companies were told to divert vessels to the northern terminal. "
    "The docks handle about a third of the region's freight."
)
REWRITE = (
    "Velmont docks shut by fire\n\n"
    "A fire broke out at the Velmont container docks late on Tuesday, the port authority said. "
    "The docks handle about a third of the region's freight. "
    "Firefighters fought the blaze for six hours before bringing it under control, and no one was injured, "
    "according to a spokeswoman for the fire brigade. "
    "Mayor Ilse Damerow called the fire a warning for the whole harbour district."
)


def test_align_texts_links_merges_moves_and_diffs() -> None:
    al = wiretrace.align(WIRE, REWRITE)
    links = {(r.a_sentence, r.b_sentence): r for r in al.links.itertuples()}
    assert links[(0, 0)].kind == "edited"
    assert links[(1, 2)].shape == "merged" and links[(2, 2)].shape == "merged"
    assert links[(4, 1)].moved and links[(4, 1)].kind == "verbatim"
    assert al.dropped == [3] and al.added == [3]
    # Word edits point at their words in both texts.
    assert len(al.diffs) > 0
    for r in al.diffs.itertuples():
        assert al.a.text[r.a_start : r.a_end] == r.a_text
        assert al.b.text[r.b_start : r.b_end] == r.b_text
    html = al._repr_html_()
    assert "dropped" in html and "added" in html and "<del" in html and "<ins" in html
    assert pickle.loads(pickle.dumps(al)).links.equals(al.links)
    # As plain data, each link carries its own word edits (as in a report's pairs), and an
    # alignment made from that data reads the same.
    data = al.to_dict()
    edited = [link for link in data["links"] if link["kind"] == "edited"]
    assert edited and all(link["diff"] for link in edited)
    assert sum(len(link.get("diff", [])) for link in data["links"]) == len(al.diffs)
    again = wiretrace.Alignment(al.a, al.b, data)
    assert again.links.equals(al.links) and again.diffs.equals(al.diffs) and again.to_dict() == data


def test_align_parsed_articles_and_bad_input() -> None:
    a, b = wiretrace.parse(WIRE, id="wire"), wiretrace.parse(REWRITE, id="rewrite")
    al = wiretrace.align(a, b)
    assert (al.a.id, al.b.id) == ("wire", "rewrite")
    assert al.links.equals(wiretrace.align(WIRE, REWRITE).links)
    with pytest.raises(TypeError, match="align"):
        wiretrace.align(WIRE, 3)  # type: ignore[arg-type]
    with pytest.raises(wiretrace.WiretraceError, match="unknown format"):
        wiretrace.align(WIRE, REWRITE, format="pdf")


def test_align_many_matches_align_pair_by_pair() -> None:
    other = REWRITE.replace("Mayor Ilse Damerow", "Councillor Piet Ras").replace("late on Tuesday", "on Tuesday night")
    article = wiretrace.parse(WIRE, id="wire")
    pairs = [(WIRE, REWRITE), (article, other), (REWRITE, other)]
    many = wiretrace.align_many(iter(pairs))
    assert len(many) == 3
    for (a, b), got in zip(pairs, many):
        alone = wiretrace.align(a, b)
        assert got.to_dict() == alone.to_dict()
        assert got.links.equals(alone.links)
    assert many[1].a.id == "wire"
    assert wiretrace.align_many([]) == []
    with pytest.raises(TypeError, match="item 0"):
        wiretrace.align_many([("only one",)])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="item 1's b is int"):
        wiretrace.align_many([(WIRE, REWRITE), (WIRE, 3)])  # type: ignore[list-item]


def test_align_passages_offsets_and_seeds() -> None:
    filler = "The river rose overnight and the meadows flooded again. " * 4
    reused = (
        "Engineers inspected the old stone bridge at dawn and found deep cracks in two of its arches. "
        "Traffic was diverted to the ring road until further notice, the council said."
    )
    source = filler + reused
    target = "Council news in brief. " + reused + " Other items followed at the end of the meeting."
    p = wiretrace.align_passages(source, target)
    assert len(p) == 1
    row = p.iloc[0]
    assert source[row.source_start : row.source_end] == row.source_text
    assert "stone bridge" in row.target_text and "ring road" in row.target_text
    assert row.seeds and 0 < row.score <= 1
    assert wiretrace.align_passages("", "").empty
