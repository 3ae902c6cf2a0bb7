"""A fast reader for the block-style YAML subset records are written in; DECLINED for the rest.

>>> parse_block_yaml("id: abc\\nstart_local: 09:10\\ntopics:\\n  - apec\\n")
{'id': 'abc', 'start_local': '09:10', 'topics': ['apec']}
>>> parse_block_yaml("id: &a abc\\n") is DECLINED
True

When it returns data, that data is exactly what ``yamlread.read_yaml`` gives for the same text
(every scalar a string, plain empty/``~``/``null`` as None, the same key order); whenever the text
is outside the subset, or read_yaml would report any error, it returns DECLINED and the caller
falls back to read_yaml, which gives the value or the error. It never raises.

The subset: a top-level block mapping of plain keys (``[A-Za-z0-9_][A-Za-z0-9_.-]*``);
block sequences, indented or at their key's indentation, with compact ``- key: value`` and
``- - item`` items; single-line plain, single-quoted and double-quoted scalars (with all of
libyaml's escapes); literal and folded block scalars with clip or strip chomping; blank lines,
full-line comments, LF or CR LF line breaks. Declined: flow collections, anchors, aliases,
tags, directives, document markers, comments after content, multi-line plain or quoted
scalars, complex, quoted or null keys, duplicate keys, tabs, a lone CR, BOM, NEL, U+2028,
U+2029 and every character YAML refuses, keep chomping, indentation indicators, leading blank,
empty or (when folded) more-indented lines in block scalars, nesting beyond 16, top-level
sequences or scalars, and files over read_yaml's size bound.
"""

from __future__ import annotations

import enum
import re
from typing import Any, Final

# The same bounds as yamlread's (a test keeps them equal); not imported from there so that
# yamlread can import this module without a cycle.
MAX_BYTES: Final = 256 * 1024
MAX_DEPTH: Final = 16


class Declined(enum.Enum):
    """The type of DECLINED: an enum member, so ``result is DECLINED`` narrows for mypy."""

    DECLINED = "DECLINED"

    def __repr__(self) -> str:
        return "DECLINED"


DECLINED: Final = Declined.DECLINED
"""The text is outside the fast subset: read it with yamlread.read_yaml instead."""


class _DeclineError(Exception):
    """Raised anywhere inside the parser to give up; parse_block_yaml turns it into DECLINED."""


# Everything but LF, printable ASCII and the printable Unicode YAML allows, less the characters
# libyaml treats specially: NEL, LS and PS are line breaks in YAML 1.1, and a BOM is skipped at
# the start of any line. Tabs and lone CRs are left out too: they change indentation and
# line ends.
_REFUSED = re.compile(
    "[^\n -~\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_ASCII_ALLOWED = b"\n" + bytes(range(0x20, 0x7F))
# A plain key: letters, digits, `_`, `.` and `-`, not starting with an indicator; the value
# separator must follow it directly (`key :` is valid YAML but not in the subset).
_KEY = re.compile(r"([A-Za-z0-9_][A-Za-z0-9_.-]{0,199}):(?: +|$)(.*)").match
# Keys YAML would read as null; read_yaml turns those into '' (declined, never seen in records).
_NULL_KEYS = frozenset({"null", "Null", "NULL"})
_NULLS = frozenset({"~", "null", "Null", "NULL"})
# Characters that cannot start a plain scalar in block context (`-` can, before a non-space).
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_ENTRY_AFTER_DASH = frozenset({"", " "})
_NOT_PLAIN_FIRST = _INDICATORS | {" "}
_NOT_PLAIN_LAST = frozenset(": ")
_BLOCK_HEADERS = frozenset({"|", "|-", ">", ">-"})
# libyaml's single-character escapes in double-quoted scalars (it has no `\'`).
_ESCAPES: Final = {
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "t": "\t",
    "n": "\n",
    "v": "\v",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}
_HEX_ESCAPES: Final = {"x": 2, "u": 4, "U": 8}
_HEX = re.compile("[0-9A-Fa-f]+").fullmatch
_QUOTE_OR_ESCAPE = re.compile(r'["\\]').search


def parse_block_yaml(text: str) -> dict[str, Any] | Declined:
    """The record's plain data, exactly as read_yaml gives it, or DECLINED; never raises."""
    if len(text) > MAX_BYTES:
        return DECLINED  # more characters than the bound has bytes: too large in any encoding
    # libyaml reads CR LF as one line break and gives it as LF in block scalars; a lone CR
    # (a line break to YAML, not to str.split) is refused below.
    lf_text = text.replace("\r\n", "\n") if "\r" in text else text
    if lf_text.isascii():
        # Deleting the allowed bytes is three times faster than the regex's search.
        if lf_text.encode("ascii").translate(None, _ASCII_ALLOWED):
            return DECLINED
    elif _REFUSED.search(lf_text):
        return DECLINED
    # Four UTF-8 bytes a character at most: only long texts need the exact count.
    if len(text) > MAX_BYTES // 4 and len(text.encode("utf-8")) > MAX_BYTES:
        return DECLINED
    try:
        return _parse(lf_text.split("\n"))
    except _DeclineError:
        return DECLINED


def _parse(lines: list[str]) -> dict[str, Any]:
    """Build the data line by line, keeping the open collections on an explicit stack."""
    # The innermost open collection: its indentation, itself, whether it is a mapping, and
    # whether it is a sequence written at its parent key's indentation (`key:\n- a`). A holder
    # list at indentation -1 receives the root mapping as its pending item.
    holder: list[Any] = [None]
    top: Any = holder
    top_ind, top_is_map, top_indentless = -1, False, False
    stack: list[tuple[int, Any, bool, bool]] = []
    # The last entry had no value on its line: the next line may open a nested collection.
    pending, pending_key = True, ""
    count, i = len(lines), 0
    while i < count:
        line = lines[i]
        i += 1
        content = line.lstrip(" ")
        ind = len(line) - len(content)
        if ind == top_ind and not pending:
            # The commonest lines, the open collection's next `key: value` or `- value` with a
            # value that is plain, the short way: string methods for the regex and _plain's
            # checks inlined. A line that fails a check goes the long way below.
            if top_is_map:
                key, colon, value = content.partition(": ")
                simple = (
                    colon
                    and key.isidentifier()
                    and key.isascii()
                    and len(key) <= 200
                    and key not in top
                    and key not in _NULL_KEYS
                )
            else:
                key, value = "", content[2:]
                simple = content[:2] == "- "
            if (
                simple
                and value
                and value[0] not in _NOT_PLAIN_FIRST
                and value[-1] not in _NOT_PLAIN_LAST
                and ": " not in value
                and " #" not in value
            ):
                if top_is_map:
                    top[key] = None if value in _NULLS else value
                else:
                    top.append(None if value in _NULLS else value)
                continue
        if not content or content[0] == "#":
            continue  # blank lines and full-line comments mean nothing outside block scalars
        # a block sequence entry: `-` then a space or the line's end
        entry = content[0] == "-" and content[1:2] in _ENTRY_AFTER_DASH
        if pending:
            pending = False
            if ind > top_ind or (ind == top_ind and top_is_map and entry):
                if len(stack) >= MAX_DEPTH:
                    raise _DeclineError
                child: Any = [] if entry else {}
                if top_is_map:
                    top[pending_key] = child
                else:
                    top[-1] = child
                stack.append((top_ind, top, top_is_map, top_indentless))
                top_indentless = ind == top_ind
                top, top_ind, top_is_map = child, ind, not entry
            # otherwise the empty value stays None
        while ind < top_ind:
            top_ind, top, top_is_map, top_indentless = stack.pop()
        if ind != top_ind:
            raise _DeclineError  # deeper than the open collection: a continuation or an error
        if not top_is_map and not entry:
            if not top_indentless:
                raise _DeclineError
            # a key line ends the sequence written at its key's indentation
            top_ind, top, top_is_map, top_indentless = stack.pop()
        col = ind
        while True:  # once for the line, again for each compact `- ` collection it opens
            if entry:
                if top_is_map:
                    raise _DeclineError  # `- ` after a complete value at the key's indentation
                rest = content[1:].lstrip(" ")
                if not rest:
                    top.append(None)
                    pending = True
                    break
                col += len(content) - len(rest)
                entry = rest[0] == "-" and rest[1:2] in _ENTRY_AFTER_DASH
                if entry or _KEY(rest):
                    # `- - a` or `- key: value`: the item is a collection at the rest's column
                    if len(stack) >= MAX_DEPTH:
                        raise _DeclineError
                    child = [] if entry else {}
                    top.append(child)
                    stack.append((top_ind, top, top_is_map, top_indentless))
                    top, top_ind, top_is_map, top_indentless = child, col, not entry, False
                    content = rest
                    continue
                item, i = _value(rest, lines, i, top_ind)
                top.append(item)
                break
            match = _KEY(content)
            if match is None:
                raise _DeclineError  # a plain scalar, quoted or complex key, or anything else
            key, rest = match.groups()
            if key in top or key in _NULL_KEYS:
                raise _DeclineError
            if not rest:
                top[key] = None
                pending, pending_key = True, key
            elif rest[0] not in _INDICATORS:
                top[key] = _plain(rest)  # the common case, without _value's dispatch
            else:
                top[key], i = _value(rest, lines, i, top_ind)
            break
    root = holder[0]
    if not isinstance(root, dict):
        raise _DeclineError  # no content, or a top-level sequence: leave those to read_yaml
    return root


def _value(rest: str, lines: list[str], i: int, parent_ind: int) -> tuple[str | None, int]:
    """The scalar that starts at rest (the line's text after `key: ` or `- `), and the next line.

    Only block scalars read further lines; parent_ind is the indentation of the collection the
    entry belongs to, which the block's content must exceed.
    """
    first = rest[0]
    if first == "'":
        return _single_quoted(rest), i
    if first == '"':
        return _double_quoted(rest), i
    if first == "|" or first == ">":
        return _block_scalar(rest, lines, i, parent_ind)
    return _plain(rest), i


def _plain(rest: str) -> str | None:
    """A single-line plain scalar, or None for the null words."""
    value = rest.rstrip(" ")
    first = value[0]
    if first in _INDICATORS and (first != "-" or len(value) == 1 or value[1] == " "):
        raise _DeclineError
    # `: ` or a trailing `:` would make a key, ` #` starts a comment.
    if ": " in value or value[-1] == ":" or " #" in value:
        raise _DeclineError
    return None if value in _NULLS else value


def _single_quoted(rest: str) -> str:
    """A single-quoted scalar closed on its line, `''` standing for one quote."""
    start = 1
    while True:
        end = rest.find("'", start)
        if end < 0:
            raise _DeclineError  # continues on the next line
        if rest.startswith("'", end + 1):
            start = end + 2
            continue
        break
    if rest[end + 1 :].strip(" "):
        raise _DeclineError  # a comment, or `: ` making it a key
    return rest[1:end].replace("''", "'")


def _double_quoted(rest: str) -> str:
    """A double-quoted scalar closed on its line, with libyaml's escapes decoded."""
    parts: list[str] = []
    start = 1
    while True:
        found = _QUOTE_OR_ESCAPE(rest, start)
        if found is None:
            raise _DeclineError  # continues on the next line
        end = found.start()
        parts.append(rest[start:end])
        if rest[end] == '"':
            break
        start = end + 2
        code = rest[end + 1 : start]
        if code in _ESCAPES:
            parts.append(_ESCAPES[code])
            continue
        width = _HEX_ESCAPES.get(code)
        if width is None:
            raise _DeclineError  # unknown escape, or `\` at the line's end (an escaped line break)
        digits = rest[start : start + width]
        if len(digits) != width or not _HEX(digits):
            raise _DeclineError
        number = int(digits, 16)
        if 0xD800 <= number <= 0xDFFF or number > 0x10FFFF:
            raise _DeclineError  # libyaml refuses surrogates and code points beyond Unicode
        parts.append(chr(number))
        start += width
    if rest[end + 1 :].strip(" "):
        raise _DeclineError
    return "".join(parts)


def _block_scalar(rest: str, lines: list[str], i: int, parent_ind: int) -> tuple[str, int]:
    """A literal or folded block scalar whose header is rest and content starts at line i."""
    header = rest.rstrip(" ")
    if header not in _BLOCK_HEADERS:
        raise _DeclineError  # keep chomping, an indentation indicator or a comment after the header
    literal = header[0] == "|"
    count = len(lines)
    if i >= count:
        raise _DeclineError
    first = lines[i]
    indent = len(first) - len(first.lstrip(" "))
    # libyaml would take a leading blank line's spaces into the indentation; an empty block
    # scalar is legal but never written: leave both to read_yaml.
    if indent == len(first) or indent <= parent_ind:
        raise _DeclineError
    last = j = i
    blanks = False
    while j < count:
        line = lines[j]
        body = line.lstrip(" ")
        lead = len(line) - len(body)
        if not body:
            if lead > indent:
                raise _DeclineError  # spaces beyond the indentation are content, not a blank line
            blanks = True
        elif lead < indent:
            break
        elif lead > indent and not literal:
            raise _DeclineError  # a more-indented line keeps its line breaks when folded
        else:
            last = j
        j += 1
    texts = [line[indent:] for line in lines[i : last + 1]]
    if literal:
        value = "\n".join(texts)
    elif not blanks:
        value = " ".join(texts)
    else:
        value = _fold(texts)
    if header[-1] != "-" and last + 1 < count:
        value += "\n"  # clip: keep the line break after the last line, if there is one
    return value, j


def _fold(texts: list[str]) -> str:
    """Folded content: a single break between lines becomes a space, n empty lines n breaks."""
    parts = [texts[0]]
    empty = 0
    for text in texts[1:]:
        if not text:
            empty += 1
            continue
        parts.append("\n" * empty if empty else " ")
        parts.append(text)
        empty = 0
    return "".join(parts)
