"""Ids that were published and then removed: the previous release's ids, and the retired list.

Ids never disappear silently and are never reused. The previous release's ids are those in the
committed built data (the id column of `data/<kind>.csv`); an id there that no record carries
any more must be listed in `records/retired.yaml`, under its kind, with the record that
replaced it (if one did) and the reason:

    people:
      - id: kono-taro-2
        replaced_by: kono-taro
        reason: A duplicate of kono-taro, merged into it.

The file is the validator's, not a record kind: it is not published as a table.

>>> RetiredIds.model_validate({"people": [{"id": "ab-c", "reason": "Merged."}]}).people[0].id
'ab-c'
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

from pydantic import Field, create_model

from .fieldtypes import SLUG_PATTERN, Slug, Text
from .models import RECORD_TYPES, Record
from .records import RECORDS_DIR, RETIRED_FILE, RecordFile, parse_record, read_bounded
from .report import Problem
from .yamlread import MAX_BYTES, YamlDocument

RETIRED_PATH = f"{RECORDS_DIR}/{RETIRED_FILE}"
# package.DATA_DIR, not imported: the checks sit above the package in the data flow (a test
# keeps the two equal).
PUBLISHED_DIR = "data"
_SLUG = re.compile(SLUG_PATTERN)


class Retirement(Record):
    """One retired id: what replaced it, and why it was removed."""

    id: Slug = Field(description="The id as it was published.")
    replaced_by: Slug | None = Field(
        default=None, description="The id of the record of the same kind that took its place."
    )
    reason: Text = Field(description="Why the record was removed or merged.")


RetiredIds: type[Record] = create_model(  # type: ignore[call-overload]
    "RetiredIds",
    __base__=Record,
    __doc__="records/retired.yaml: retired ids by record kind.",
    **{kind: (list[Retirement], Field(default_factory=list)) for kind in RECORD_TYPES},
)
"""The model of records/retired.yaml: one optional list of retirements per record kind."""


def retirements(file: RecordFile | None) -> dict[str, list[Retirement]]:
    """The valid retired list's entries by kind (nothing when the file is absent or invalid)."""
    if file is None or file.record is None:
        return {}
    return {kind: list(getattr(file.record, kind)) for kind in RECORD_TYPES}


def read_retired(root: Path) -> tuple[RecordFile | None, list[Problem]]:
    """Read records/retired.yaml, if there is one; problems are reported, not raised."""
    path = root / RETIRED_PATH
    if not path.exists() and not path.is_symlink():
        return None, []
    unparsed = RecordFile(RETIRED_PATH, "retired", YamlDocument())
    reason = ""
    if path.is_symlink() or not path.is_file():
        reason = "it is not a regular file"
    else:
        try:
            data = read_bounded(path)
        except OSError as exc:
            reason = exc.strerror or str(exc)
    if reason:
        return unparsed, [
            Problem(RETIRED_PATH, 0, 0, "", "unreadable-file", f"cannot be read: {reason}")
        ]
    if len(data) > MAX_BYTES:
        message = f"the file has more than {MAX_BYTES} bytes"
        return unparsed, [Problem(RETIRED_PATH, 0, 0, "", "file-too-large", message)]
    return parse_record(RETIRED_PATH, "retired", data, RetiredIds, origin=str(path))


def _published_ids(path: Path) -> Iterator[str]:
    """The id column of a published CSV table, read row by row (never the whole file at once)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        header = next(rows, [])
        if "id" not in header:
            return
        column = header.index("id")
        for row in rows:
            if len(row) > column:
                yield row[column]


def previous_ids(root: Path) -> dict[str, set[str]]:
    """The ids of the previous release: the id column of the committed data/<kind>.csv.

    A missing or unreadable file gives no ids (the package checks report it); only the ids
    are read, so a release built from older models still counts. The CSV table, not the JSON
    resource, is read because it can be read a row at a time: the JSON of 10^5 meetings would
    be 170 MB in memory at once.
    """
    found: dict[str, set[str]] = {}
    for kind in RECORD_TYPES:
        try:
            ids = _published_ids(root / PUBLISHED_DIR / f"{kind}.csv")
            found[kind] = {value for value in ids if _is_id(value)}
        except (OSError, ValueError, csv.Error):
            continue
    return found


def _is_id(value: object) -> bool:
    # Anything else in a hand-edited data file is the JSON Schema check's to report.
    return isinstance(value, str) and len(value) <= 100 and _SLUG.fullmatch(value) is not None
