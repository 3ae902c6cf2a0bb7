"""Tables computed from the records by documented rules (event codes), published beside them."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from .codes import EventCode, meeting_codes, step_codes
from .dataset import Dataset
from .models import Agreement, Meeting, Place

_CODE_COLUMNS: list[dict[str, Any]] = [
    {"name": "actor", "type": "string", "description": "The acting side (ISO 3166-1 alpha-2).",
     "constraints": {"required": True, "pattern": "^[A-Z]{2}$"}},
    {"name": "target", "type": "string", "description": "The side acted upon (ISO 3166-1 alpha-2).",
     "constraints": {"required": True, "pattern": "^[A-Z]{2}$"}},
    {"name": "cameo", "type": "string", "description": "CAMEO event code, as a string (e.g. 042).",
     "constraints": {"required": True, "pattern": "^[0-9]{3,4}$"}},
    {"name": "plover_event", "type": "string", "description": "PLOVER event type.",
     "constraints": {"required": True}},
    {"name": "plover_mode", "type": "string", "description": "PLOVER mode, where one applies."},
]  # fmt: skip


@dataclass(frozen=True)
class DerivedTable:
    """A published table whose rows the build computes from the records."""

    name: str
    description: str
    key_fields: list[dict[str, Any]]
    foreign_key: dict[str, Any]
    rows: Callable[[Dataset], Iterator[list[str]]]

    def table_schema(self) -> dict[str, Any]:
        """The Table Schema of this table."""
        fields = [*self.key_fields, *_CODE_COLUMNS]
        return {
            "$schema": "https://datapackage.org/profiles/2.0/tableschema.json",
            "fields": fields,
            "missingValues": [""],
            "primaryKey": [f["name"] for f in self.key_fields] + ["actor"],
            "foreignKeys": [self.foreign_key],
        }

    @property
    def field_names(self) -> list[str]:
        """Every column name, in order."""
        return [f["name"] for f in self.table_schema()["fields"]]


def derived_csv(table: DerivedTable, dataset: Dataset) -> str:
    """One derived table as CSV text, in the same dialect as the record tables."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.field_names)
    writer.writerows(table.rows(dataset))
    return out.getvalue()


def _cells(code: EventCode) -> list[str]:
    return [code.actor, code.target, code.cameo, code.plover_event, code.plover_mode or ""]


def _meeting_rows(dataset: Dataset) -> Iterator[list[str]]:
    countries = {p.id: p.country for p in dataset["places"] if isinstance(p, Place)}
    for meeting in dataset["meetings"]:
        assert isinstance(meeting, Meeting)
        venue = countries.get(meeting.place) if meeting.place else None
        for code in meeting_codes(meeting, venue):
            yield [meeting.id, *_cells(code)]


def _step_rows(dataset: Dataset) -> Iterator[list[str]]:
    for agreement in dataset["agreements"]:
        assert isinstance(agreement, Agreement)
        for seq, code in step_codes(agreement):
            yield [agreement.id, str(seq), *_cells(code)]


DERIVED_TABLES = (
    DerivedTable(
        "meeting_codes",
        "CAMEO and PLOVER codes of each meeting, one row per direction, by the rules in codes.py.",
        [{"name": "meeting", "type": "string", "description": "Id of the meeting (in meetings).",
          "constraints": {"required": True}}],
        {"fields": ["meeting"], "reference": {"resource": "meetings", "fields": ["id"]}},
        _meeting_rows,
    ),
    DerivedTable(
        "agreement_step_codes",
        "CAMEO and PLOVER codes of each signing or exchange of notes, one row per direction.",
        [{"name": "agreement", "type": "string", "description": "Id of the agreement.",
          "constraints": {"required": True}},
         {"name": "step_seq", "type": "integer", "description": "Position of the step.",
          "constraints": {"required": True, "minimum": 1}}],
        {"fields": ["agreement", "step_seq"],
         "reference": {"resource": "agreement_steps", "fields": ["agreement", "seq"]}},
        _step_rows,
    ),
)  # fmt: skip
"""Every derived table, in publication order."""
