"""Reading documents: plain text, saved HTML pages, URLs (never the network), and bad input."""

from __future__ import annotations

import io
import urllib.error
from email.message import Message
from pathlib import Path
from typing import Any

import pytest

from japan_peru_relations.extract import ExtractInputError, read_document
from japan_peru_relations.extract import text as text_module
from japan_peru_relations.extract.text import fold, language, sentence_spans, strip_html

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Japan-Peru Summit Meeting | MOFA</title>
<style>body { color: red; } .x:before { content: "May 1, 2001"; }</style>
<script>var decoy = "On December 1, 2019, commencing at 9:00 a.m.";</script>
</head><body>
<nav><ul><li>Home</li><li>Press</li></ul></nav>
<p class="date">May 3,&nbsp;2023</p>
<p>On May 3, H.E. Mr. Javier Gonz&aacute;lez met Mr. A &amp; Mr. B<br>at the Palace.</p>
<ul><li>Point one</li><li>Point two</li></ul>
<!-- a comment -->
</body></html>
"""


def test_strip_html_keeps_visible_text_only() -> None:
    text, title = strip_html(PAGE)
    assert title == "Japan-Peru Summit Meeting | MOFA"
    assert "decoy" not in text
    assert "December 1, 2019" not in text
    assert "color: red" not in text
    assert "May 1, 2001" not in text
    assert "González" in text
    assert "Mr. A & Mr. B" in text
    lines = text.split("\n")
    assert "May 3,\u00a02023" in lines
    assert "at the Palace." in lines  # <br> ends a line
    assert "Point one" in lines
    assert "Point two" in lines


def test_read_html_file(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = read_document(str(path))
    assert doc.is_html
    assert doc.url is None
    assert doc.title == "Japan-Peru Summit Meeting | MOFA"
    assert "<p>" not in doc.text


def test_read_html_in_declared_charset(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    markup = (
        '<html><head><meta charset="shift_jis"></head><body><p>林芳正外務大臣</p></body></html>'
    )
    path.write_bytes(markup.encode("shift_jis"))
    assert "林芳正外務大臣" in read_document(str(path)).text


def test_read_text_file_is_nfc_with_unix_lines(tmp_path: Path) -> None:
    path = tmp_path / "release.txt"
    path.write_bytes("\ufeffTitle\r\nMay 3, 2023\r\nGonza\u0301lez\r\n".encode())
    doc = read_document(str(path))
    assert doc.text == "Title\nMay 3, 2023\nGonzález\n"
    assert doc.title == "Title"
    assert not doc.is_html


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "does not exist"),
        (b"\x00\x01\x02binary", "binary"),
        (b"caf\xe9 latin-1", "not UTF-8"),
    ],
)
def test_bad_files_raise_one_error(tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "doc.txt"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ExtractInputError, match=message) as info:
        read_document(str(path))
    assert "\n" not in str(info.value)


def test_directory_and_big_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ExtractInputError, match="directory"):
        read_document(str(tmp_path))
    path = tmp_path / "big.txt"
    path.write_text("x" * 100)
    monkeypatch.setattr(text_module, "MAX_BYTES", 10)
    with pytest.raises(ExtractInputError, match="larger"):
        read_document(str(path))


@pytest.mark.parametrize("url", ["ftp://example.org/a.txt", "file:///etc/passwd"])
def test_only_http_and_https(url: str) -> None:
    with pytest.raises(ExtractInputError, match="only http and https"):
        read_document(url)


class _Response(io.BytesIO):
    """A stand-in for what urlopen returns."""

    def __init__(self, body: bytes, content_type: str, url: str) -> None:
        super().__init__(body)
        self.headers = Message()
        self.headers["Content-Type"] = content_type
        self._url = url

    def geturl(self) -> str:
        return self._url


def test_url_is_fetched_with_a_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    def fake_urlopen(request: Any, timeout: float) -> _Response:
        seen["url"], seen["timeout"] = request.full_url, timeout
        body = PAGE.replace('<meta charset="utf-8">', "").encode("iso-8859-1", "replace")
        return _Response(body, "text/html; charset=iso-8859-1", request.full_url)

    monkeypatch.setattr(text_module.urllib.request, "urlopen", fake_urlopen)
    doc = read_document("https://www.mofa.go.jp/page.html", timeout=3.0)
    assert seen == {"url": "https://www.mofa.go.jp/page.html", "timeout": 3.0}
    assert doc.url == "https://www.mofa.go.jp/page.html"
    assert doc.is_html
    assert "González" in doc.text


def test_url_errors_become_one_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(_request: Any, timeout: float) -> _Response:  # noqa: ARG001
        raise urllib.error.URLError("timed out")

    monkeypatch.setattr(text_module.urllib.request, "urlopen", failing)
    with pytest.raises(ExtractInputError, match=r"cannot fetch .*timed out"):
        read_document("http://example.org/x")


def test_url_size_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_module, "MAX_BYTES", 16)
    monkeypatch.setattr(
        text_module.urllib.request,
        "urlopen",
        lambda request, timeout: _Response(b"x" * 64, "text/plain", request.full_url),  # noqa: ARG005
    )
    with pytest.raises(ExtractInputError, match="larger"):
        read_document("https://example.org/big.txt")


def test_fold_keeps_offsets() -> None:
    raw = "１０：２５\u00a0a.m.（JST）\u201cFOIP\u201d\u2013"
    folded = fold(raw)
    assert folded == '10:25 a.m.(JST)"FOIP"-'
    assert len(folded) == len(raw)


def test_language() -> None:
    assert language("On May 3, the ministers met.") == "en"
    assert language("令和5年5月3日、林芳正外務大臣は、H.E. Mr. X と会談を行いました。") == "ja"


def test_sentences_ignore_abbreviations() -> None:
    text = (
        "H.E. Ms. Dina Boluarte met Mr. Kono at 9 a.m. (local time). "
        "The outline is as follows.\n1. Point"
    )
    starts = [text[a:b].strip()[:8] for a, b in sentence_spans(text)]
    assert starts == ["H.E. Ms.", "The outl", "1. Point"]
    # "a.m." followed by a capital is not taken for the end of a sentence ("9 a.m. Mr. X").
    assert len(sentence_spans("at 9 a.m. Mr. X met Ms. Y.")) == 1
