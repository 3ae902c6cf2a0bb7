"""Read records/: every YAML file into its model, with each problem at its file, line and field."""

from __future__ import annotations

import os
import re
import stat
import zlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .dataset import Dataset
from .fieldtypes import PATTERN_CODES
from .introspect import shapes
from .models import RECORD_TYPES, Record
from .report import Problem
from .rules import RULES
from .yamlread import MAX_BYTES, YamlDocument, read_yaml

RECORDS_DIR = "records"
SUFFIX = ".yaml"
RETIRED_FILE = "retired.yaml"
"""records/retired.yaml: ids once published and since removed (read by retired.py)."""
_IGNORED = frozenset({"README.md", ".gitkeep"})
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# Values echoed in messages are cut here: a 200 KiB value helps nobody on a terminal.
_SHOWN = 80

# pydantic's error types, by the rule they break.
_PYDANTIC_CODES = {
    "missing": "missing-field",
    "extra_forbidden": "unknown-field",
    "enum": "invalid-choice",
    "literal_error": "invalid-choice",
    "greater_than_equal": "out-of-range",
    "less_than_equal": "out-of-range",
    "greater_than": "out-of-range",
    "less_than": "out-of-range",
    "string_too_long": "too-long",
    "date_parsing": "invalid-date",
    "date_from_datetime_parsing": "invalid-date",
    "date_from_datetime_inexact": "invalid-date",
    "date_type": "invalid-date",
}


@dataclass(slots=True)  # no __dict__: 10^5 of them are held through a whole run
class RecordFile:
    """One file under records/: where it is, what it parsed to, and its record if valid.

    A file whose record is valid keeps neither its data nor the position of every key (at
    10^5 records that was most of the validator's memory): the first problem that needs a
    line reads the file again, and that once.
    """

    path: str
    kind: str
    document: YamlDocument
    record: Record | None = None
    origin: str | None = None
    checksum: int = 0

    def position(self, loc: tuple[str | int, ...]) -> tuple[int, int]:
        """Line and column of the field at loc in this file (0, 0 if it changed since)."""
        if self.origin is not None:
            self.document = _reread(self.origin, self.checksum)
            self.origin = None
        if not self.document.positions and not self.document.errors and self.record:
            return (0, 0)
        return self.document.position(loc)

    def stated_value(self) -> Any:
        """The plain data of a file whose record is not valid (None for a valid one)."""
        return None if self.record is not None else self.document.value


# What a valid record keeps instead of its document: one shared empty one, never mutated (a
# document is replaced, not edited), since each of 10^5 empty ones would cost a dict and a list.
_DROPPED = YamlDocument()


def _reread(origin: str, checksum: int) -> YamlDocument:
    try:
        data = read_bounded(origin)
    except OSError:
        return YamlDocument()
    if zlib.crc32(data) != checksum:
        # Edited while being validated: no position is better than a wrong one.
        return YamlDocument()
    return read_yaml(data)


def field_name(loc: tuple[str | int, ...]) -> str:
    """A pydantic location as a readable field path: participants[0].person.

    A key that is not a plain name (a number, an empty key, odd characters) is shown quoted,
    so that what a contributor wrote is visible and nothing invisible reaches the terminal.
    """
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif not _PLAIN_KEY.fullmatch(part):
            out += f"[{shown(part)}]"
        else:
            out += f".{part}" if out else part
    return out


def shown(value: object) -> str:
    """A value as a message quotes it: its repr, cut short when long."""
    text = repr(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 4] + "...'"


def problem_code(error: ErrorDetails) -> str:
    """The rule a pydantic error breaks."""
    kind = error["type"]
    if kind in RULES:
        return kind
    if kind == "string_pattern_mismatch":
        pattern = str((error.get("ctx") or {}).get("pattern", ""))
        return PATTERN_CODES.get(pattern, "wrong-type")
    if kind == "too_short" and error["loc"] and error["loc"][-1] == "sources":
        return "no-source"
    return _PYDANTIC_CODES.get(kind, "wrong-type")


def problem_message(error: ErrorDetails, code: str) -> str:
    """A one-line message naming the offending value."""
    value = error.get("input")
    if code == "missing-field":
        return "required field is missing"
    if code == "unknown-field":
        return "is not a field of this record"
    if code == "no-source":
        return "cites no source"
    message = error["msg"]
    if code == "invalid-choice":
        expected = (error.get("ctx") or {}).get("expected", "")
        return f"{shown(value)} is not one of {expected}"
    if isinstance(value, str | int | float) and repr(value) not in message:
        if message.startswith(("is ", "starts ")):
            return f"{shown(value)} {message}"
        return f"{shown(value)}: {message[:1].lower()}{message[1:]}"
    if isinstance(value, dict | list) and code == "wrong-type":
        return f"a {'mapping' if isinstance(value, dict) else 'list'} here: {message}"
    return message


def validation_problems(path: str, file: RecordFile, exc: ValidationError) -> list[Problem]:
    """Every error of one model validation, at the line of its YAML key."""
    problems = []
    for error in exc.errors():
        loc = tuple(error["loc"])
        code = problem_code(error)
        line, column = file.position(loc)
        problems.append(
            Problem(path, line, column, field_name(loc), code, problem_message(error, code))
        )
    return problems


def _walk(root: Path) -> Iterator[tuple[str, tuple[str, ...], OSError | None]]:
    """Every entry under records/, in a stable order: its path, its parts below records/, and
    the error met listing a folder.

    Links are never followed, and a link to a folder or a folder named like a record file is
    yielded instead of entered, so that it is reported rather than silently skipped. Paths
    stay strings: a Path per file was a sixth of reading a record.
    """
    base = os.path.join(root, RECORDS_DIR)
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(base, onerror=errors.append, followlinks=False):
        while errors:
            error = errors.pop(0)
            failed = str(error.filename or dirpath)
            yield failed, _parts_below(base, failed), error
        here = _parts_below(base, dirpath)
        odd = [
            n for n in dirnames if n.endswith(SUFFIX) or os.path.islink(os.path.join(dirpath, n))
        ]
        dirnames[:] = sorted(n for n in dirnames if n not in odd and not n.startswith("."))
        for name in sorted([*filenames, *odd]):
            yield os.path.join(dirpath, name), (*here, name), None
    for error in errors:
        failed = str(error.filename or base)
        yield failed, _parts_below(base, failed), error


def _parts_below(base: str, path: str) -> tuple[str, ...]:
    relative = os.path.relpath(path, base)
    return () if relative == os.curdir else tuple(Path(relative).parts)


def read_bounded(path: Path | str) -> bytes:
    """At most MAX_BYTES + 1 bytes: enough to tell that a file is too large, never more."""
    # os.read on a descriptor: 40 % less per file than open()'s buffered reader, which counts
    # when a project has 10^5 files.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        chunks: list[bytes] = []
        left = MAX_BYTES + 1
        while left > 0:
            chunk = os.read(fd, left)
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _unreadable(rel: str, reason: str) -> Problem:
    return Problem(rel, 0, 0, "", "unreadable-file", f"cannot be read: {reason}")


def _misplaced(inner: tuple[str, ...], rel: str) -> Problem | None:
    """The problem with where a file sits, if it is not records/<kind>/<name>.yaml."""
    if len(inner) == 2 and inner[0] in RECORD_TYPES and inner[1].endswith(SUFFIX):
        return None
    kinds = ", ".join(RECORD_TYPES)
    return Problem(
        rel,
        0,
        0,
        "",
        "unexpected-file",
        f"not a record file: records hold <kind>/<id>.yaml for kind in {kinds}",
    )


def read_file(root: Path, path: Path) -> tuple[RecordFile | None, list[Problem]]:
    """Read and validate one file; None when it is not a record file at all."""
    return _read_entry(str(path), path.relative_to(root / RECORDS_DIR).parts)


def _read_entry(path: str, inner: tuple[str, ...]) -> tuple[RecordFile | None, list[Problem]]:
    """Read and validate the file at path, which sits at inner below records/."""
    rel = "/".join((RECORDS_DIR, *inner))
    name = inner[-1] if inner else RECORDS_DIR
    if name in _IGNORED or name.startswith("."):
        return None, []
    if inner == (RETIRED_FILE,):
        return None, []  # not a record: retired.py reads it
    misplaced = _misplaced(inner, rel)

    def unparsed(problem: Problem) -> tuple[RecordFile | None, list[Problem]]:
        # A file that cannot be parsed still stands for its id (its file name), so that records
        # referring to it are not reported too: one bad file, one problem.
        file = None if misplaced else RecordFile(rel, inner[0], YamlDocument())
        return file, [problem]

    try:
        status = os.lstat(path)
    except OSError as exc:
        return unparsed(_unreadable(rel, exc.strerror or str(exc)))
    if stat.S_ISLNK(status.st_mode):
        # A link may lead anywhere (/dev/zero, a file outside the project): never followed.
        return unparsed(_unreadable(rel, "it is a symbolic link, not a regular file"))
    if misplaced is not None:
        return None, [misplaced]
    try:
        if not stat.S_ISREG(status.st_mode):
            raise OSError("it is not a regular file")
        data = read_bounded(path)
    except OSError as exc:
        return unparsed(_unreadable(rel, exc.strerror or str(exc)))
    size = max(len(data), status.st_size)
    if size > MAX_BYTES:
        message = f"the file has {size} bytes; the bound is {MAX_BYTES}"
        return unparsed(Problem(rel, 0, 0, "", "file-too-large", message))
    return parse_record(rel, inner[0], data, origin=path)


def parse_record(
    rel: str,
    kind: str,
    data: bytes,
    model: type[Record] | None = None,
    origin: str | None = None,
) -> tuple[RecordFile, list[Problem]]:
    """One record file's bytes into its model (the kind's, unless given), problems by line.

    With the file's origin, a valid record keeps only the way back to its positions.
    """
    document = read_yaml(data, positions=origin is None)
    file = RecordFile(rel, kind, document)
    problems = [Problem(rel, e.line, e.column, "", e.code, e.message) for e in document.errors]
    if problems:
        return file, problems
    if not isinstance(document.value, dict):
        return file, [
            Problem(rel, 1, 1, "", "not-a-mapping", "the file is not a mapping of fields")
        ]
    try:
        file.record = (model or RECORD_TYPES[kind]).model_validate(document.value)
        share_fields_sets(file.record)
    except ValidationError as exc:
        if not document.positions:
            file.document = read_yaml(data)  # the fast reader keeps no positions: read again
        return file, validation_problems(rel, file, exc)
    if origin is not None:
        file.document, file.origin, file.checksum = _DROPPED, origin, zlib.crc32(data)
    return file, []


_FIELDS_SETS: dict[frozenset[str], set[str]] = {}


def share_fields_sets(model: BaseModel) -> None:
    """Give a model, and every model nested in it, one shared set of the fields it was given.

    pydantic gives each instance a set of its own (200 bytes or more: a sixth of the memory of
    10^5 records). The records are frozen, so none changes its set, and model_copy copies the
    set before changing it; one set per combination of fields is then all that is needed.
    """
    given = model.__pydantic_fields_set__
    shared = _FIELDS_SETS.setdefault(frozenset(given), given)
    if shared is not given:
        object.__setattr__(model, "__pydantic_fields_set__", shared)
    for shape in shapes(type(model)):
        if shape.model is None:
            continue
        value = getattr(model, shape.name)
        for item in value if shape.is_list else () if value is None else (value,):
            share_fields_sets(item)


def read_records(root: Path) -> tuple[Dataset, list[RecordFile], list[Problem]]:
    """Read every record under root/records; invalid files are reported, not raised."""
    files: list[RecordFile] = []
    problems: list[Problem] = []
    for path, inner, error in _walk(root):
        if error is not None:
            rel = "/".join((RECORDS_DIR, *inner))
            problems.append(_unreadable(rel, error.strerror or str(error)))
            continue
        file, found = _read_entry(path, inner)
        problems.extend(found)
        if file is not None:
            files.append(file)
    by_kind: dict[str, list[Record]] = defaultdict(list)
    for file in files:
        if file.record is not None:
            by_kind[file.kind].append(file.record)
    return Dataset.of(by_kind), files, problems
