"""Read one record file: safe YAML to plain data, with the line and column of every key.

Every scalar is read as a string (or None for an empty value, ``~`` or ``null``) and the model
decides its type, as StrictYAML does: ``09:10`` stays a time instead of YAML 1.1's sexagesimal
550, and ``2009`` stays a partial date. Anchors, aliases, tags and duplicate keys are refused.

>>> read_yaml(b"id: abc\\nstart_local: 09:10\\n").value
{'id': 'abc', 'start_local': '09:10'}
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
import yaml.reader

from .yamlfast import DECLINED, parse_block_yaml

MAX_BYTES = 256 * 1024
# Records nest four levels at most (people > positions > item > sources); the bound is generous,
# and stopping the parser there keeps a file of 100,000 `[` from costing quadratic time.
MAX_DEPTH = 16
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
# YAML's own tags for plain data; anything else is an explicit tag a contributor wrote.
_PLAIN_TAGS = frozenset(
    {None, "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
)

_SURROGATE = re.compile("[\ud800-\udfff]")

Path = tuple[str | int, ...]
"""Where a value sits in the record: keys and list indexes from the top."""


@dataclass(frozen=True)
class YamlError:
    """A file-level problem: its rule code, message and 1-based position."""

    code: str
    message: str
    line: int = 0
    column: int = 0


@dataclass
class YamlDocument:
    """The record's data, the position of every key and item, and any file-level errors."""

    value: Any = None
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    errors: list[YamlError] = field(default_factory=list)

    def position(self, path: Path) -> tuple[int, int]:
        """The position of the value at path, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            found = self.positions.get(path[:end])
            if found:
                return found
        return (1, 1)


def _loader() -> type[yaml.SafeLoader]:
    loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return loader


def _mark(event: yaml.Event) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def read_yaml(data: bytes, positions: bool = True) -> YamlDocument:
    """Parse one record file's bytes; problems are reported in the result, never raised.

    Without `positions`, the document may come without the position of each key: plain block
    YAML is then read by a faster reader, and only anything else by the full parser.
    """
    doc = YamlDocument()
    if len(data) > MAX_BYTES:
        doc.errors.append(
            YamlError("file-too-large", f"the file has {len(data)} bytes; the bound is {MAX_BYTES}")
        )
        return doc
    if data.startswith(b"\xef\xbb\xbf"):
        doc.errors.append(YamlError("not-utf8", "the file starts with a byte-order mark", 1, 1))
        return doc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        doc.errors.append(YamlError("not-utf8", f"byte {exc.start} is not valid UTF-8", line, 1))
        return doc
    if not text.strip():
        doc.errors.append(YamlError("empty-file", "the file holds no record"))
        return doc
    if not positions:
        # Plain block YAML, what records are, is read three times faster line by line; the
        # parser below reads the rest and finds every error (yamlfast declines where it would).
        value = parse_block_yaml(text)
        if value is not DECLINED:
            doc.value = value
            return doc
    try:
        _compose(text, doc, positions)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = (exc.problem or "malformed YAML").strip()
        doc.errors.append(YamlError("not-yaml", f"not well-formed YAML: {problem}", line, column))
    except yaml.reader.ReaderError as exc:
        doc.errors.append(_reader_error(text, exc))
    except yaml.YAMLError as exc:
        doc.errors.append(YamlError("not-yaml", f"not well-formed YAML: {exc}".strip()))
    if doc.errors:
        doc.value = None
    return doc


def _reader_error(text: str, exc: yaml.reader.ReaderError) -> YamlError:
    """A character YAML refuses (NUL, other control characters), at its line and column."""
    # The reader stops at the first character it refuses, so that character's first occurrence
    # is the position (libyaml counts the offset in bytes, the Python reader in characters).
    char = chr(exc.character) if isinstance(exc.character, int) else str(exc.character or "")
    position = text.find(char) if char else -1
    if position < 0:
        return YamlError("not-yaml", f"not well-formed YAML: {exc.reason}")
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    name = f"U+{ord(char):04X}"
    return YamlError("not-yaml", f"{name} is not allowed in YAML: {exc.reason}", line, column)


def _compose(text: str, doc: YamlDocument, positions: bool = True) -> None:
    """Build plain data from the parser's events with an explicit stack (no recursion)."""
    # Each frame: [container, path, pending key, keys seen].
    stack: list[list[Any]] = []
    documents = 0
    for event in yaml.parse(text, Loader=_loader()):
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                line, column = _mark(event)
                doc.errors.append(
                    YamlError(
                        "multiple-documents", "the file holds more than one record", line, column
                    )
                )
                return
            continue
        if isinstance(event, yaml.AliasEvent):
            line, column = _mark(event)
            doc.errors.append(
                YamlError("yaml-alias", f"alias *{event.anchor} is not allowed", line, column)
            )
            return
        if isinstance(event, yaml.NodeEvent) and event.anchor is not None:
            line, column = _mark(event)
            doc.errors.append(
                YamlError("yaml-alias", f"anchor &{event.anchor} is not allowed", line, column)
            )
            return
        if isinstance(event, yaml.ScalarEvent | yaml.CollectionStartEvent) and (
            event.tag not in _PLAIN_TAGS
        ):
            line, column = _mark(event)
            doc.errors.append(
                YamlError("yaml-tag", f"tag {event.tag!r} is not allowed", line, column)
            )
            return
        if isinstance(event, yaml.ScalarEvent):
            if _SURROGATE.search(event.value):
                # libyaml refuses such escapes; the pure-Python parser lets them through.
                line, column = _mark(event)
                doc.errors.append(
                    YamlError(
                        "not-yaml",
                        "an escape names a lone surrogate, which is not a character",
                        line,
                        column,
                    )
                )
                return
            plain = event.implicit[0] and not event.style
            value: Any = None if plain and event.value in _NULLS else event.value
            if not _place(stack, value, event, doc, positions):
                return
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
            path = _child_path(stack)
            if path is None:
                line, column = _mark(event)
                doc.errors.append(
                    YamlError(
                        "not-a-mapping",
                        "a key must be plain text, not a list or mapping",
                        line,
                        column,
                    )
                )
                return
            if len(stack) >= MAX_DEPTH:
                line, column = _mark(event)
                doc.errors.append(
                    YamlError(
                        "nesting-too-deep",
                        f"lists and mappings nest more than {MAX_DEPTH} levels deep",
                        line,
                        column,
                    )
                )
                return
            if not _place(stack, container, event, doc, positions):
                return
            stack.append([container, path, None, set()])
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            finished = stack.pop()
            if not stack:
                doc.value = finished[0]
    if doc.value is None and not doc.errors:
        doc.errors.append(YamlError("empty-file", "the file holds no record"))


def _child_path(stack: list[list[Any]]) -> Path | None:
    """The path the next value will take; None when it would be a mapping's key."""
    if not stack:
        return ()
    container, path, key = stack[-1][0], stack[-1][1], stack[-1][2]
    if isinstance(container, list):
        return (*path, len(container))
    if key is None:
        return None
    return (*path, key)


def _place(
    stack: list[list[Any]], value: Any, event: yaml.Event, doc: YamlDocument, positions: bool
) -> bool:
    """Put a value into the open container; False when that breaks a rule."""
    if not stack:
        if not isinstance(value, dict | list):
            doc.value = value
        if positions:
            doc.positions[()] = _mark(event)
        return True
    frame = stack[-1]
    container, path = frame[0], frame[1]
    if isinstance(container, list):
        if positions:
            doc.positions[(*path, len(container))] = _mark(event)
        container.append(value)
        return True
    if frame[2] is None:
        key = "" if value is None else value
        if key in frame[3]:
            doc.errors.append(
                YamlError(
                    "duplicate-key", f"key {key!r} appears twice in one mapping", *_mark(event)
                )
            )
            return False
        frame[3].add(key)
        frame[2] = key
        if positions:
            doc.positions[(*path, key)] = _mark(event)
        return True
    container[frame[2]] = value
    frame[2] = None
    return True
