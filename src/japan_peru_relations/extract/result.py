"""The extractor's output as the spec prints it: meetings, participants, the document."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .findings import Finding


@dataclass(frozen=True)
class Participant:
    """One person in a meeting as the spec prints it."""

    name: str
    title: str | None
    country: str | None
    person: str | None

    def to_dict(self) -> dict[str, Any]:
        """The spec's participant object."""
        return {
            "name": self.name,
            "title": self.title,
            "country": self.country,
            "person": self.person,
        }


@dataclass(frozen=True)
class ExtractedMeeting:
    """One session, with the spec's fields and the evidence of each."""

    date: str | None
    start_local: str | None
    end_local: str | None
    duration_minutes: int | None
    duration_approximate: bool
    timezone: str | None
    stated_japan_time: str | None
    kind: str
    mode: str
    city: str | None
    country: str | None
    occasion: str | None
    participants: tuple[Participant, ...]
    evidence: dict[str, tuple[int, int]] = field(default_factory=dict)
    place_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The spec's MEETING object."""
        return {
            "date": self.date,
            "start_local": self.start_local,
            "end_local": self.end_local,
            "duration_minutes": self.duration_minutes,
            "duration_approximate": self.duration_approximate,
            "timezone": self.timezone,
            "stated_japan_time": self.stated_japan_time,
            "kind": self.kind,
            "mode": self.mode,
            "city": self.city,
            "country": self.country,
            "occasion": self.occasion,
            "participants": [p.to_dict() for p in self.participants],
            "evidence": {k: [v[0], v[1]] for k, v in self.evidence.items()},
        }


@dataclass(frozen=True)
class DocumentInfo:
    """What the spec's "document" object says about the input."""

    sha256: str
    title: str | None
    date_line: str | None
    language: str

    def to_dict(self) -> dict[str, Any]:
        """The spec's document object."""
        return {
            "sha256": self.sha256,
            "title": self.title,
            "date_line": self.date_line,
            "language": self.language,
        }


@dataclass(frozen=True)
class Extraction:
    """The result of extracting one document: meetings, findings, and the document."""

    meetings: tuple[ExtractedMeeting, ...]
    findings: tuple[Finding, ...]
    document: DocumentInfo
    source_url: str | None = None
    secondary: bool = False
    #: Family names of the people records participants resolved to, for draft ids.
    families: dict[str, str] = field(default_factory=dict)

    def to_json_dict(self) -> dict[str, Any]:
        """The one JSON object `jpr extract --json` prints."""
        return {
            "meetings": [m.to_dict() for m in self.meetings],
            "findings": [f.to_dict() for f in self.findings],
            "document": self.document.to_dict(),
        }

    def finding_codes(self) -> list[str]:
        """The codes of the findings, in order, each once."""
        return list(dict.fromkeys(f.code.value for f in self.findings))

    def to_yaml_drafts(self) -> str:
        """Draft record files for records/ (see drafts.py)."""
        from .drafts import render_drafts

        return render_drafts(self)
