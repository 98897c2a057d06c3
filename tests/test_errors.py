"""Bad inputs: reported by name, skipped, the rest analysed; errors under WiretraceError."""

from __future__ import annotations

from pathlib import Path

import pytest

import wiretrace


def test_bad_files_are_skipped_with_a_warning(demo_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "wire.txt").write_text((demo_dir / "meridian-wire.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00")
    (tmp_path / "bad.txt").write_bytes(b"\xef\xbb\xbf" + "Café owner says prices rise".encode("latin-1"))
    # Legacy single-byte text without a byte-order mark is detected and decoded.
    (tmp_path / "latin1.txt").write_bytes("Café owner says prices rise\n\nThe café raised prices, its owner said.".encode("latin-1"))
    with pytest.warns(UserWarning) as caught:
        a = wiretrace.analyze([tmp_path, tmp_path / "missing.txt"])
    assert a.documents["id"].tolist() == ["latin1", "wire"]
    assert "The café raised prices" in a.article("latin1").text
    messages = dict(zip(a.errors["input"].map(lambda p: Path(p).name), a.errors["message"]))
    assert set(messages) == {"empty.txt", "photo.txt", "bad.txt", "missing.txt"}
    assert "empty" in messages["empty.txt"] and "binary" in messages["photo.txt"]
    assert "not valid UTF-8" in messages["bad.txt"] and "no such file" in messages["missing.txt"]
    assert len(caught) == 4 and all("wiretrace skipped" in str(w.message) for w in caught)


def test_nothing_analysable_raises_a_wiretrace_error(tmp_path: Path) -> None:
    with pytest.raises(wiretrace.NoDocumentsError, match="no such file") as info:
        wiretrace.analyze(tmp_path / "nowhere")
    assert isinstance(info.value, wiretrace.WiretraceError) and isinstance(info.value, ValueError)
    assert info.value.errors[0]["input"].endswith("nowhere")


def test_unknown_document(demo_analysis: wiretrace.Analysis) -> None:
    with pytest.raises(wiretrace.UnknownDocumentError, match="no document 'nope'"):
        demo_analysis.article("nope")
    with pytest.raises(KeyError):
        demo_analysis.article("nope")
