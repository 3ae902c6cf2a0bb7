"""Read records/: every YAML file into its model, with each problem at its file, line and field."""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from .dataset import Dataset
from .fieldtypes import PATTERN_CODES
from .models import RECORD_TYPES, Record
from .report import Problem
from .rules import RULES
from .yamlread import MAX_BYTES, YamlDocument, read_yaml

RECORDS_DIR = "records"
SUFFIX = ".yaml"
_IGNORED = frozenset({"README.md", ".gitkeep"})

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


@dataclass
class RecordFile:
    """One file under records/: where it is, what it parsed to, and its record if valid."""

    path: str
    kind: str
    document: YamlDocument
    record: Record | None = None

    def position(self, loc: tuple[str | int, ...]) -> tuple[int, int]:
        """Line and column of the field at loc in this file."""
        return self.document.position(loc)


def field_name(loc: tuple[str | int, ...]) -> str:
    """A pydantic location as a readable field path: participants[0].person."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


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
        return f"{value!r} is not one of {expected}"
    if isinstance(value, str | int | float) and repr(value) not in message:
        if message.startswith(("is ", "starts ")):
            return f"{value!r} {message}"
        return f"{value!r}: {message[:1].lower()}{message[1:]}"
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


def _walk(root: Path) -> Iterator[Path]:
    """Every entry under records/, in a stable order, without following links."""
    for dirpath, dirnames, filenames in os.walk(root / RECORDS_DIR, followlinks=False):
        dirnames.sort()
        for name in sorted(filenames):
            yield Path(dirpath) / name


def read_file(root: Path, path: Path) -> tuple[RecordFile | None, list[Problem]]:
    """Read and validate one file; None when it is not a record file at all."""
    rel = path.relative_to(root).as_posix()
    parts = path.relative_to(root / RECORDS_DIR).parts
    if path.name in _IGNORED or path.name.startswith("."):
        return None, []
    if len(parts) != 2 or parts[0] not in RECORD_TYPES or not path.name.endswith(SUFFIX):
        kinds = ", ".join(RECORD_TYPES)
        return None, [
            Problem(
                rel,
                0,
                0,
                "",
                "unexpected-file",
                f"not a record file: records hold <kind>/<id>.yaml for kind in {kinds}",
            )
        ]
    kind = parts[0]
    try:
        if path.is_symlink() or not path.is_file():
            raise OSError("not a regular file")
        size = path.stat().st_size
        data = b"x" * (MAX_BYTES + 1) if size > MAX_BYTES else path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return None, [Problem(rel, 0, 0, "", "unreadable-file", f"cannot be read: {reason}")]
    document = read_yaml(data)
    file = RecordFile(rel, kind, document)
    problems = [Problem(rel, e.line, e.column, "", e.code, e.message) for e in document.errors]
    if problems:
        return file, problems
    if not isinstance(document.value, dict):
        return file, [
            Problem(rel, 1, 1, "", "not-a-mapping", "the file is not a mapping of fields")
        ]
    try:
        file.record = RECORD_TYPES[kind].model_validate(document.value)
    except ValidationError as exc:
        return file, validation_problems(rel, file, exc)
    return file, []


def read_records(root: Path) -> tuple[Dataset, list[RecordFile], list[Problem]]:
    """Read every record under root/records; invalid files are reported, not raised."""
    files: list[RecordFile] = []
    problems: list[Problem] = []
    for path in _walk(root):
        file, found = read_file(root, path)
        problems.extend(found)
        if file is not None:
            files.append(file)
    by_kind: dict[str, list[Record]] = defaultdict(list)
    for file in files:
        if file.record is not None:
            by_kind[file.kind].append(file.record)
    return Dataset.of(by_kind), files, problems
