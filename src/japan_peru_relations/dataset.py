"""A whole dataset in memory: every record of every kind, in id order."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from .models import RECORD_TYPES, Record


@dataclass(frozen=True)
class Dataset:
    """Records by kind (the keys of RECORD_TYPES), each tuple sorted by id."""

    records: Mapping[str, tuple[Record, ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, records: Mapping[str, list[Record]]) -> Dataset:
        """Sort each kind's records by id; kinds with no records get an empty tuple."""
        return cls(
            {
                kind: tuple(sorted(records.get(kind, []), key=lambda r: str(getattr(r, "id", ""))))
                for kind in RECORD_TYPES
            }
        )

    def __getitem__(self, kind: str) -> tuple[Record, ...]:
        return self.records.get(kind, ())

    def __iter__(self) -> Iterator[tuple[str, Record]]:
        for kind in RECORD_TYPES:
            for record in self[kind]:
                yield kind, record

    def ids(self, kind: str) -> set[str]:
        """The ids of one kind's records."""
        return {str(getattr(r, "id", "")) for r in self[kind]}

    def counts(self) -> dict[str, int]:
        """How many records of each kind."""
        return {kind: len(self[kind]) for kind in RECORD_TYPES}
