"""The labelled set of tests/extract/labelled/: its documents, and field-level scoring."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from japan_peru_relations.extract import Extraction, extract, read_document

LABELLED = Path(__file__).resolve().parent / "labelled"
MEETING_FIELDS = (
    "date",
    "start_local",
    "end_local",
    "duration_minutes",
    "duration_approximate",
    "timezone",
    "stated_japan_time",
    "kind",
    "mode",
    "city",
    "country",
    "occasion",
    "participants",
)
PARTICIPANT_FIELDS = ("name", "title", "country")


@dataclass(frozen=True)
class Labelled:
    """One labelled document and what `jpr extract` must give for it."""

    path: Path
    expected: dict[str, Any]

    @property
    def name(self) -> str:
        return self.path.stem


def documents() -> list[Labelled]:
    """Every labelled document that has its expected.json, in file-name order."""
    if not LABELLED.is_dir():
        return []
    out = []
    for path in sorted(LABELLED.iterdir()):
        if path.suffix not in (".txt", ".html") or not path.name[:3].isdigit():
            continue
        expected = path.with_name(path.stem + ".expected.json")
        if expected.is_file():
            out.append(Labelled(path, json.loads(expected.read_text(encoding="utf-8"))))
    return out


def run(doc: Labelled) -> Extraction:
    """Extract the document the way `jpr extract PATH --source-url URL` does."""
    return extract(read_document(str(doc.path)), source_url=doc.expected.get("source_url"))


@dataclass
class Score:
    """Field-level comparison of one or more documents: what matched and what did not."""

    total: int = 0
    correct: int = 0
    errors: list[str] = field(default_factory=list)

    def check(self, where: str, expected: object, actual: object) -> None:
        self.total += 1
        if expected == actual:
            self.correct += 1
        else:
            self.errors.append(f"{where}: expected {expected!r}, got {actual!r}")

    def add(self, other: Score) -> None:
        self.total += other.total
        self.correct += other.correct
        self.errors.extend(other.errors)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0


def _participants(meeting: dict[str, Any]) -> list[dict[str, Any]]:
    return [{k: p.get(k) for k in PARTICIPANT_FIELDS} for p in meeting.get("participants", [])]


def _all_present(meetings: list[dict[str, Any]]) -> bool:
    for meeting in meetings:
        if any(meeting.get(name) is None for name in MEETING_FIELDS if name != "participants"):
            return False
        if any(p.get(k) is None for p in meeting["participants"] for k in PARTICIPANT_FIELDS):
            return False
    return bool(meetings)


def score(doc: Labelled, result: Extraction) -> Score:
    """Compare every labelled field of one document with the extraction."""
    out = Score()
    expected = doc.expected
    actual = result.to_json_dict()
    got_meetings = actual["meetings"]
    want_meetings = expected["meetings"]
    out.check(f"{doc.name} meeting count", len(want_meetings), len(got_meetings))
    for index, want in enumerate(want_meetings):
        got = got_meetings[index] if index < len(got_meetings) else {}
        for name in MEETING_FIELDS:
            if name not in want:
                continue
            where = f"{doc.name} meetings[{index}].{name}"
            if name == "participants":
                out.check(where, _participants(want), _participants(got))
            else:
                out.check(where, want[name], got.get(name))
    codes = set(result.finding_codes())
    for code in expected.get("finding_codes", []):
        out.check(f"{doc.name} finding {code}", True, code in codes)
    if _all_present(want_meetings):
        out.check(f"{doc.name} no not-found", False, "not-found" in codes)
    return out
