"""Rules that look across records: identity, references, time zones, anniversaries, evidence."""

from __future__ import annotations

import datetime as dt
import difflib
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import PurePosixPath
from zoneinfo import ZoneInfo

from .introspect import references
from .models import (
    Agreement,
    Anniversary,
    Evidence,
    Meeting,
    Milestone,
    Record,
    Source,
    SourceKind,
)
from .records import RecordFile, field_name
from .report import Problem

JAPAN = ZoneInfo("Asia/Tokyo")
EVIDENCE_ORDER = [Evidence.OFFICIAL, Evidence.MIRROR, Evidence.PRESS, Evidence.SECONDARY]

Loc = tuple[str | int, ...]


class Context:
    """The records being checked, with a way to point at any field of any of them."""

    def __init__(self, files: list[RecordFile], today: dt.date) -> None:
        self.files = [f for f in files if f.record is not None]
        self.today = today
        self.ids: dict[str, set[str]] = defaultdict(set)
        self.sources: dict[str, Source] = {}
        self.milestones: dict[str, Milestone] = {}
        for file in files:
            # Ids of files that fail their model still count, so one bad file is one problem.
            value = file.document.value
            if isinstance(value, dict) and isinstance(value.get("id"), str):
                self.ids[file.kind].add(value["id"])
        for file in self.files:
            record = file.record
            if isinstance(record, Source):
                self.sources[record.id] = record
            if isinstance(record, Milestone):
                self.milestones[record.id] = record

    def problem(self, file: RecordFile, loc: Loc, code: str, message: str) -> Problem:
        """A problem at the YAML key of loc in file."""
        line, column = file.position(loc)
        return Problem(file.path, line, column, field_name(loc), code, message)


Check = Callable[[Context], Iterator[Problem]]


def check_identity(ctx: Context) -> Iterator[Problem]:
    """Ids are unique within a kind and match their file names."""
    seen: dict[tuple[str, str], RecordFile] = {}
    for file in ctx.files:
        record_id = str(getattr(file.record, "id", ""))
        stem = PurePosixPath(file.path).name.removesuffix(".yaml")
        if stem != record_id:
            yield ctx.problem(
                file,
                ("id",),
                "id-filename-mismatch",
                f"id {record_id!r} does not match the file name {stem + '.yaml'!r}",
            )
        first = seen.setdefault((file.kind, record_id), file)
        if first is not file:
            yield ctx.problem(
                file, ("id",), "duplicate-id", f"id {record_id!r} is also used by {first.path}"
            )


def check_references(ctx: Context) -> Iterator[Problem]:
    """Every foreign key names an existing record of the right kind."""
    for file in ctx.files:
        assert file.record is not None
        for loc, target, value in references(file.record):
            if value not in ctx.ids[target]:
                close = difflib.get_close_matches(value, sorted(ctx.ids[target]), n=3, cutoff=0.6)
                suggestion = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
                yield ctx.problem(
                    file,
                    loc,
                    "unknown-reference",
                    f"{value!r} is not an id in {target}{suggestion}",
                )


def best_evidence(kinds: list[SourceKind]) -> Evidence | None:
    """The best kind among sources, official first."""
    ranked = [Evidence(k.value) for k in kinds]
    return min(ranked, key=EVIDENCE_ORDER.index) if ranked else None


def check_evidence(ctx: Context) -> Iterator[Problem]:
    """`evidence` names the best kind of source a record cites."""
    for file in ctx.files:
        record = file.record
        evidence = getattr(record, "evidence", None)
        if evidence is None:
            continue
        kinds = [ctx.sources[s].kind for s in getattr(record, "sources", []) if s in ctx.sources]
        best = best_evidence(kinds)
        if best is not None and best != evidence:
            yield ctx.problem(
                file,
                ("evidence",),
                "evidence-mismatch",
                f"is {evidence.value!r} but the best source cited is {best.value!r}",
            )


def japan_time(meeting: Meeting) -> str | None:
    """The meeting's start in Japan time, YYYY-MM-DDTHH:MM, computed from its zone."""
    if meeting.start_local is None or meeting.timezone is None:
        return None
    local = dt.datetime.combine(meeting.date, meeting.start_local, ZoneInfo(meeting.timezone))
    return local.astimezone(JAPAN).strftime("%Y-%m-%dT%H:%M")


def _minutes(value: dt.time) -> int:
    return value.hour * 60 + value.minute


def check_meeting_times(ctx: Context) -> Iterator[Problem]:
    """Zone present, Japan time agrees, start before end, duration consistent."""
    for file in ctx.files:
        meeting = file.record
        if not isinstance(meeting, Meeting):
            continue
        if meeting.timezone is None and (meeting.start_local or meeting.end_local):
            yield ctx.problem(
                file,
                ("start_local",),
                "time-without-zone",
                "a local time is given without `timezone`",
            )
        computed = japan_time(meeting)
        stated = meeting.stated_japan_time
        if stated and computed and stated != computed:
            yield ctx.problem(
                file,
                ("stated_japan_time",),
                "japan-time-mismatch",
                f"{stated!r} is stated, but {meeting.start_local:%H:%M} on {meeting.date} in "
                f"{meeting.timezone} is {computed!r} in Japan",
            )
        start, end = meeting.start_local, meeting.end_local
        if start and end:
            if _minutes(end) <= _minutes(start):
                yield ctx.problem(
                    file,
                    ("end_local",),
                    "start-after-end",
                    f"ends at {end:%H:%M}, not after its start at {start:%H:%M}",
                )
            elif meeting.duration_minutes is not None:
                span = _minutes(end) - _minutes(start)
                tolerance = 10 if meeting.duration_approximate else 0
                if abs(span - meeting.duration_minutes) > tolerance:
                    yield ctx.problem(
                        file,
                        ("duration_minutes",),
                        "duration-mismatch",
                        f"{meeting.duration_minutes} minutes, but {start:%H:%M} to {end:%H:%M} "
                        f"is {span} minutes",
                    )


def _year(date: str) -> int:
    return int(date[:4])


def check_anniversaries(ctx: Context) -> Iterator[Problem]:
    """An anniversary's year is its milestone's year plus its ordinal."""
    for file in ctx.files:
        anniversary = file.record
        if not isinstance(anniversary, Anniversary):
            continue
        milestone = ctx.milestones.get(anniversary.milestone)
        if milestone is None:
            continue
        expected = _year(milestone.date) + anniversary.ordinal
        if anniversary.year != expected:
            yield ctx.problem(
                file,
                ("year",),
                "anniversary-arithmetic",
                f"{anniversary.year} is not {_year(milestone.date)} + {anniversary.ordinal} "
                f"= {expected} (milestone {milestone.id!r})",
            )


def _dates(record: Record) -> Iterator[tuple[Loc, str]]:
    """Every date a record claims for something that happened."""
    if isinstance(record, Meeting):
        yield ("date",), record.date.isoformat()
    elif isinstance(record, Milestone):
        yield ("date",), record.date
    elif isinstance(record, Agreement):
        for index, step in enumerate(record.steps):
            if step.date:
                yield ("steps", index, "date"), step.date
    elif isinstance(record, Source) and record.published:
        yield ("published",), record.published


def check_future_dates(ctx: Context) -> Iterator[Problem]:
    """Nothing is recorded as having happened after today."""
    today = ctx.today.isoformat()
    for file in ctx.files:
        assert file.record is not None
        for loc, date in _dates(file.record):
            # A partial date is in the future only when its earliest day is.
            if date > today[: len(date)]:
                yield ctx.problem(file, loc, "future-date", f"{date} is after today ({today})")


def check_duplicate_events(ctx: Context) -> Iterator[Problem]:
    """No two meetings share date, start time and participants."""
    seen: dict[tuple[object, ...], RecordFile] = {}
    for file in ctx.files:
        meeting = file.record
        if not isinstance(meeting, Meeting):
            continue
        key = (
            meeting.date,
            meeting.start_local,
            meeting.kind,
            frozenset(p.person for p in meeting.participants),
        )
        first = seen.setdefault(key, file)
        if first is not file:
            yield ctx.problem(
                file,
                ("date",),
                "duplicate-event",
                f"same date, start, kind and participants as {first.path}",
            )


CHECKS: tuple[Check, ...] = (
    check_identity,
    check_references,
    check_evidence,
    check_meeting_times,
    check_anniversaries,
    check_future_dates,
    check_duplicate_events,
)


def run_checks(files: list[RecordFile], today: dt.date) -> list[Problem]:
    """Every cross-record problem among the valid records."""
    ctx = Context(files, today)
    return [problem for check in CHECKS for problem in check(ctx)]
