"""What the extractor reports instead of guessing: stable finding codes and their messages."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class FindingCode(StrEnum):
    """The stable codes of docs/extraction-spec.md."""

    JAPAN_TIME_MISMATCH = "japan-time-mismatch"
    NOT_FOUND = "not-found"
    NO_MEETING = "no-meeting"
    UNKNOWN_PERSON = "unknown-person"
    APPROXIMATE_NAME = "approximate-name"
    ORGANISATION_MISMATCH = "organisation-mismatch"
    UNKNOWN_PLACE = "unknown-place"
    SECONDARY_SOURCE = "secondary-source"


@dataclass(frozen=True)
class Finding:
    """One thing a reviewer should know about the extraction.

    >>> Finding(FindingCode.NO_MEETING, "no meeting found").to_dict()["code"]
    'no-meeting'
    """

    code: FindingCode
    message: str

    def to_dict(self) -> dict[str, str]:
        """The spec's {"code", "message"} object."""
        return {"code": self.code.value, "message": self.message}


class Findings:
    """An ordered collection of findings that drops exact repeats."""

    def __init__(self) -> None:
        self._items: list[Finding] = []
        self._seen: set[Finding] = set()

    def add(self, code: FindingCode, message: str) -> None:
        """Record a finding once."""
        finding = Finding(code, " ".join(message.split()))
        if finding not in self._seen:
            self._seen.add(finding)
            self._items.append(finding)

    def items(self) -> tuple[Finding, ...]:
        """The findings in the order they were made."""
        return tuple(self._items)
