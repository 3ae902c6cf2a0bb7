"""Reading a document: file or URL, HTML stripped with html.parser, NFC text, sentences.

>>> fold("１０：２５\u00a0a.m.（JST）")
'10:25 a.m.(JST)'
"""

from __future__ import annotations

import re
import unicodedata
import urllib.error
import urllib.request
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from .errors import ExtractInputError

MAX_BYTES = 5 * 1024 * 1024
DEFAULT_TIMEOUT = 10.0


@dataclass(frozen=True)
class Document:
    """A document's text (markup stripped, NFC), where it came from, and its title."""

    text: str
    url: str | None = None
    is_html: bool = False
    title: str | None = None


def _fold_table() -> dict[int, str]:
    table = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
    spaces = [0x00A0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000, 0x09]
    table.update(dict.fromkeys(spaces, " "))
    # Zero-width characters become spaces rather than vanishing, so offsets stay put.
    table.update(dict.fromkeys((8203, 8204, 8205, 8288, 65279, 173), " "))
    table.update(dict.fromkeys((*range(8208, 8214), 8722, 65112, 65123), "-"))
    table.update(dict.fromkeys((8216, 8217, 8218, 8219, 8242, 180), "'"))
    table.update(dict.fromkeys((8220, 8221, 8222, 8223, 8243), '"'))
    table.update({0x3001: "、", 0x3002: "。", 0xFF64: "、", 0xFF61: "。", 0x2236: ":"})
    return table


_FOLD = _fold_table()


def fold(text: str) -> str:
    """Same-length matching form: full-width ASCII, odd spaces, dashes and quotes made plain.

    Offsets into the folded text are offsets into the original, which is what evidence needs.
    """
    return text.translate(_FOLD)


def normalise(text: str) -> str:
    """NFC text with Unix line ends and no byte-order mark."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return unicodedata.normalize("NFC", text)


_BLOCK_TAGS_WORDS = """
    address article aside blockquote body caption dd details dialog div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre
    section summary table tbody td tfoot th thead title tr ul
"""
_BLOCK_TAGS = frozenset(_BLOCK_TAGS_WORDS.split())
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe"})
_SPACE_RUN = re.compile(r"[ \t\r\n\f\v]+")


class _TextParser(HTMLParser):
    """Collects visible text, one line per block element, and the page title."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self._skip = 0
        self._in_title = False
        self._in_h1 = False
        self._pre = 0

    def handle_starttag(self, tag: str, _attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in _SKIP_TAGS:
            self._skip += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "pre":
            self._pre += 1
        if tag == "h1":
            self._in_h1 = True
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, _attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" or tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag == "pre":
            self._pre = max(0, self._pre - 1)
        if tag == "h1":
            self._in_h1 = False
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
            return
        if self._skip:
            return
        if self._in_h1:
            self.h1_parts.append(data)
        self.parts.append(data if self._pre else _SPACE_RUN.sub(" ", data))


def strip_html(markup: str) -> tuple[str, str | None]:
    """Visible text of an HTML page (one line per block) and its title."""
    parser = _TextParser()
    try:
        parser.feed(markup)
        parser.close()
    except (AssertionError, ValueError):
        # html.parser gives up on a few malformed constructs; keep what it read so far.
        pass
    lines = [line.strip() for line in "".join(parser.parts).split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    text = "\n".join(out).strip("\n")
    title = " ".join("".join(parser.title_parts).split()) or " ".join(
        "".join(parser.h1_parts).split()
    )
    return text, title or None


_HTML_SNIFF = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|div|p)\b",
    re.IGNORECASE | re.DOTALL,
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE
)


def _looks_like_html(data: bytes) -> bool:
    return bool(_HTML_SNIFF.match(data[:2048]))


def _decode(data: bytes, declared: str | None, *, is_html: bool, strict: bool) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    charset = declared
    if charset is None and is_html:
        match = _META_CHARSET.search(data[:8192])
        charset = match.group(1).decode("ascii") if match else None
    try:
        return data.decode(charset or "utf-8", errors="strict" if strict else "replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")


def _document(
    data: bytes, url: str | None, *, is_html: bool, declared: str | None, strict: bool, name: str
) -> Document:
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ExtractInputError(f"{name} is a binary file, not a text or HTML document")
    try:
        raw = _decode(data, declared, is_html=is_html, strict=strict)
    except UnicodeDecodeError:
        raise ExtractInputError(
            f"{name} is not UTF-8 text (declare a charset or convert it)"
        ) from None
    if is_html:
        text, title = strip_html(raw)
        return Document(normalise(text), url, True, normalise(title) if title else None)
    text = normalise(raw)
    return Document(text, url, False, plain_title(text))


def plain_title(text: str) -> str | None:
    """The title of a plain-text capture: the line just above the date line, else the first."""
    from .timeclauses import date_line_index

    lines = [line.strip() for line in text.split("\n")]
    index = date_line_index(lines)
    if index is not None:
        for line in reversed(lines[:index]):
            if line:
                return line
    return next((line for line in lines if line), None)


def _fetch(url: str, timeout: float) -> Document:
    request = urllib.request.Request(url, headers={"User-Agent": "jpr-extract/0.1"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(MAX_BYTES + 1)
            content_type = response.headers.get_content_type()
            declared = response.headers.get_content_charset()
            final_url = response.geturl() or url
    except urllib.error.HTTPError as exc:
        raise ExtractInputError(f"cannot fetch {url}: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise ExtractInputError(f"cannot fetch {url}: {exc.reason}") from None
    except (TimeoutError, OSError, ValueError) as exc:
        raise ExtractInputError(f"cannot fetch {url}: {exc}") from None
    if len(data) > MAX_BYTES:
        raise ExtractInputError(f"{url} is larger than {MAX_BYTES // (1024 * 1024)} MB")
    is_html = content_type in ("text/html", "application/xhtml+xml") or _looks_like_html(data)
    return _document(data, final_url, is_html=is_html, declared=declared, strict=False, name=url)


def read_document(path_or_url: str, *, timeout: float = DEFAULT_TIMEOUT) -> Document:
    """Read a plain-text file, a saved HTML page or an http(s) URL into a Document."""
    scheme = path_or_url.split(":", 1)[0].lower() if "://" in path_or_url else ""
    if scheme in ("http", "https"):
        return _fetch(path_or_url, timeout)
    if scheme:
        raise ExtractInputError(f"unsupported URL scheme {scheme!r}: only http and https")
    path = Path(path_or_url)
    try:
        if not path.is_file():
            what = "is a directory" if path.is_dir() else "does not exist"
            raise ExtractInputError(f"{path_or_url} {what}")
        if path.stat().st_size > MAX_BYTES:
            raise ExtractInputError(f"{path_or_url} is larger than {MAX_BYTES // (1024 * 1024)} MB")
        data = path.read_bytes()
    except OSError as exc:
        raise ExtractInputError(f"cannot read {path_or_url}: {exc.strerror or exc}") from None
    is_html = path.suffix.lower() in (".html", ".htm", ".xhtml") or _looks_like_html(data)
    return _document(
        data, None, is_html=is_html, declared=None, strict=not is_html, name=path_or_url
    )


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


def language(text: str) -> str:
    """ "ja" when Japanese script dominates the letters of the text, else "en"."""
    cjk = len(_CJK.findall(text))
    return "ja" if cjk and cjk * 3 >= len(_LATIN.findall(text)) else "en"


_STOP = re.compile(r"[.。！？!?\n]")
_AFTER_STOP = re.compile(r"\s+[\"'(A-Z0-9]")
_NOT_A_STOP = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Ms|Dr|St|Jr|Sr|No|vs|Mt|Co|Mrs|Prof)|[ap]\.m|(?:^|\n)[ \t]*\d{1,3})$"
)


def _ends_sentence(folded: str, position: int) -> bool:
    char = folded[position]
    if char in "\n。！？":
        return True
    following = folded[position + 1 : position + 2]
    if char in "!?":
        return following.isspace()
    if not _AFTER_STOP.match(folded, position + 1):
        return False
    return not _NOT_A_STOP.search(folded[max(0, position - 6) : position])


def sentence_spans(folded: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a folded text, in order."""
    return list(_sentence_spans(folded))


@lru_cache(maxsize=32)
def _sentence_spans(folded: str) -> tuple[tuple[int, int], ...]:
    spans = []
    start = 0
    # A full stop ends a sentence unless it closes an initial, an abbreviation, "a.m." or the
    # number of a numbered paragraph ("1. The two ministers ...").
    for match in _STOP.finditer(folded):
        if not _ends_sentence(folded, match.start()):
            continue
        end = match.end()
        if folded[start:end].strip():
            spans.append((start, end))
        start = end
    if folded[start:].strip():
        spans.append((start, len(folded)))
    return tuple(spans)
