"""Rules that look across records: identity, references, time zones, anniversaries, evidence."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from .fieldtypes import SLUG_PATTERN
from .introspect import Reference, references
from .models import (
    Agreement,
    Anniversary,
    Evidence,
    Meeting,
    MeetingKind,
    Milestone,
    Mode,
    Person,
    Place,
    Position,
    Record,
    Source,
    SourceKind,
)
from .records import RecordFile, field_name, shown
from .report import Problem
from .retired import RETIRED_PATH, Retirement, previous_ids, read_retired, retirements

JAPAN = ZoneInfo("Asia/Tokyo")
EVIDENCE_ORDER = [Evidence.OFFICIAL, Evidence.MIRROR, Evidence.PRESS, Evidence.SECONDARY]
# Close-id suggestions cost a fuzzy match against every id; past this many, a tree of thousands
# of broken references is still reported in seconds, only without suggestions.
SUGGESTION_BUDGET = 500
_SLUG = re.compile(SLUG_PATTERN)
_NON_WORD = re.compile(r"[\W_]+")

Loc = tuple[str | int, ...]


def field(record: Record | None, name: str) -> Any:
    """The value of a record's field, or None when its model has no such field.

    Cheaper than getattr(record, name, None): a miss on a pydantic model goes through its
    __getattr__ and an exception, which over every record of a large project adds up.
    """
    if record is None or name not in _field_names(type(record)):
        return None
    return getattr(record, name)


@cache
def _field_names(model: type[Record]) -> frozenset[str]:
    return frozenset(model.model_fields)


class Context:
    """The records being checked, with a way to point at any field of any of them."""

    def __init__(
        self,
        files: list[RecordFile],
        today: dt.date,
        previous: dict[str, set[str]] | None = None,
        retired: RecordFile | None = None,
    ) -> None:
        self.all_files = files
        self.files = [f for f in files if f.record is not None]
        self.today = today
        self.previous = previous or {}
        self.retired = retired
        self.ids: dict[str, set[str]] = defaultdict(set)
        self.by_id: dict[str, dict[str, Record]] = defaultdict(dict)
        self._paths: dict[tuple[str, str], str] = {}
        self.suggestions = 0
        for file in files:
            self.ids[file.kind].update(file_ids(file))
        for file in self.files:
            assert file.record is not None
            self.by_id[file.kind].setdefault(str(field(file.record, "id") or ""), file.record)
        # Three rules need every foreign key of every record: they are walked once, here, and
        # only what the rules report is kept (all of them is 10^6 tuples at 10^5 meetings).
        self.unknown: list[tuple[RecordFile, Loc, str, str]] = []
        self.repeated: list[tuple[RecordFile, Loc, Loc, str]] = []
        self.cited: set[str] = set()
        for file in self.files:
            assert file.record is not None
            self._walk_references(file, references(file.record))

    def _walk_references(self, file: RecordFile, found: list[Reference]) -> None:
        seen: set[tuple[Loc, str]] = set()
        for loc, target, value in found:
            if target == "sources":
                self.cited.add(value)
            if value not in self.ids[target]:
                self.unknown.append((file, loc, target, value))
            # A list of references names each record once; a meeting each participant once.
            if isinstance(loc[-1], int):
                group: Loc = loc[:-1]
            elif len(loc) == 3 and loc[0] == "participants":
                group = (loc[0], loc[2])
            else:
                continue
            if (group, value) in seen:
                self.repeated.append((file, loc, group, value))
            seen.add((group, value))

    def path_of(self, kind: str, record_id: str) -> str:
        """The file of the valid record of that kind and id."""
        if not self._paths:
            for file in self.files:
                key = (file.kind, str(field(file.record, "id") or ""))
                self._paths.setdefault(key, file.path)
        return self._paths[(kind, record_id)]

    @property
    def sources(self) -> dict[str, Source]:
        """The valid sources by id."""
        return {k: v for k, v in self.by_id["sources"].items() if isinstance(v, Source)}

    def record(self, kind: str, record_id: str) -> Record | None:
        """The valid record of that kind and id, if there is one."""
        return self.by_id[kind].get(record_id)

    def problem(self, file: RecordFile, loc: Loc, code: str, message: str) -> Problem:
        """A problem at the YAML key of loc in file."""
        line, column = file.position(loc)
        return Problem(file.path, line, column, field_name(loc), code, message)


def file_stem(file: RecordFile) -> str:
    """The file's name without .yaml: the id it must hold (paths here are always posix)."""
    return file.path.rpartition("/")[2].removesuffix(".yaml")


def file_ids(file: RecordFile) -> set[str]:
    """The ids a file stands for: its record's id, or, for a file that fails its model, the id
    it states and its file name, so that one broken file is one problem, not one per reference.
    """
    if file.record is not None:
        return {str(field(file.record, "id") or "")}
    ids = {file_stem(file)}
    value = file.stated_value()
    if isinstance(value, dict) and isinstance(value.get("id"), str):
        ids.add(value["id"])
    return ids


Check = Callable[[Context], Iterator[Problem]]


# --- identity ----------------------------------------------------------------------------------


def _stated_id(file: RecordFile) -> str | None:
    """The id a file states, when it is a well-formed slug (invalid ids are reported already)."""
    if file.record is not None:
        return str(field(file.record, "id"))
    value = file.stated_value()
    record_id = value.get("id") if isinstance(value, dict) else None
    if isinstance(record_id, str) and _SLUG.fullmatch(record_id):
        return record_id
    return None


def check_identity(ctx: Context) -> Iterator[Problem]:
    """Ids are unique within a kind and match their file names, whether or not the rest is valid."""
    seen: dict[tuple[str, str], RecordFile] = {}
    for file in ctx.all_files:
        record_id = _stated_id(file)
        if record_id is None:
            continue
        stem = file_stem(file)
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


def _retired_entries(ctx: Context) -> Iterator[tuple[str, int, Retirement]]:
    for kind, entries in retirements(ctx.retired).items():
        for index, entry in enumerate(entries):
            yield kind, index, entry


def check_retired(ctx: Context) -> Iterator[Problem]:
    """Retired ids are listed once, never reused, and name an existing replacement."""
    retired = ctx.retired
    if retired is None:
        return
    listed: set[tuple[str, str]] = set()
    for kind, index, entry in _retired_entries(ctx):
        if (kind, entry.id) in listed:
            yield ctx.problem(
                retired, (kind, index, "id"), "duplicate-id", f"{entry.id!r} is listed twice"
            )
        listed.add((kind, entry.id))
        if entry.replaced_by and entry.replaced_by not in ctx.ids[kind]:
            yield ctx.problem(
                retired,
                (kind, index, "replaced_by"),
                "unknown-reference",
                f"{entry.replaced_by!r} is not an id in {kind}",
            )
    for file in ctx.all_files:
        record_id = _stated_id(file)
        if record_id is not None and (file.kind, record_id) in listed:
            yield ctx.problem(
                file,
                ("id",),
                "id-reused",
                f"id {record_id!r} was retired (see {RETIRED_PATH}); a retired id is never reused",
            )


def check_disappeared_ids(ctx: Context) -> Iterator[Problem]:
    """Every id of the previous release still names a record, or is listed as retired."""
    retired: dict[str, set[str]] = defaultdict(set)
    for kind, _, entry in _retired_entries(ctx):
        retired[kind].add(entry.id)
    if ctx.retired is not None and ctx.retired.record is None:
        return  # a broken retired list would make every retired id look lost
    for kind, ids in sorted(ctx.previous.items()):
        for record_id in sorted(ids - ctx.ids[kind] - retired[kind]):
            yield Problem(
                f"records/{kind}/{record_id}.yaml",
                0,
                0,
                "id",
                "id-disappeared",
                f"id {record_id!r} is in the published data/{kind}.csv but no record has it, "
                f"and {RETIRED_PATH} does not list it",
            )


def name_key(name: str) -> str:
    """A name folded for matching: case, accents, punctuation and word order ignored."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(sorted(_NON_WORD.sub(" ", stripped).split()))


def _names(person: Person) -> Iterator[tuple[Loc, str]]:
    """Every name a person goes by, where it is written in the record."""
    yield ("name",), person.name
    for index, alias in enumerate(person.aliases):
        yield ("aliases", index), alias
    if person.name_native:
        yield ("name_native",), person.name_native
    if person.given_name:
        yield ("given_name",), f"{person.given_name} {person.family_name}"


def check_aliases(ctx: Context) -> Iterator[Problem]:
    """Every name and alias resolves to one person."""
    owners: dict[str, Person] = {}
    for file in ctx.files:
        person = file.record
        if not isinstance(person, Person):
            continue
        reported: set[str] = set()
        for loc, name in _names(person):
            key = name_key(name)
            owner = owners.setdefault(key, person) if key else person
            if owner.id != person.id and key not in reported:
                reported.add(key)  # a name and its reordered alias are one problem
                yield ctx.problem(
                    file,
                    loc,
                    "ambiguous-alias",
                    f"{name!r} also names {owner.id!r} ({ctx.path_of('people', owner.id)})",
                )


# --- references --------------------------------------------------------------------------------


def _suggest(ctx: Context, value: str, target: str) -> str:
    if ctx.suggestions >= SUGGESTION_BUDGET:
        return ""
    ctx.suggestions += 1
    close = difflib.get_close_matches(value, sorted(ctx.ids[target]), n=3, cutoff=0.6)
    return f"; did you mean {', '.join(map(repr, close))}?" if close else ""


def check_references(ctx: Context) -> Iterator[Problem]:
    """Every foreign key names an existing record of the right kind."""
    for file, loc, target, value in ctx.unknown:
        yield ctx.problem(
            file,
            loc,
            "unknown-reference",
            f"{value!r} is not an id in {target}{_suggest(ctx, value, target)}",
        )


def check_duplicate_references(ctx: Context) -> Iterator[Problem]:
    """A list of references names each record once; a meeting lists each participant once."""
    for file, loc, group, value in ctx.repeated:
        yield ctx.problem(
            file, loc, "duplicate-reference", f"{value!r} is listed twice in {field_name(group)}"
        )


# --- evidence and sources ----------------------------------------------------------------------


def best_evidence(kinds: list[SourceKind]) -> Evidence | None:
    """The best kind among sources, official first."""
    ranked = [Evidence(k.value) for k in kinds]
    return min(ranked, key=EVIDENCE_ORDER.index) if ranked else None


def check_evidence(ctx: Context) -> Iterator[Problem]:
    """`evidence` names the best kind of source a record cites."""
    sources = ctx.sources
    for file in ctx.files:
        record = file.record
        evidence = field(record, "evidence")
        cited = list(field(record, "sources") or [])
        if evidence is None or any(s in ctx.ids["sources"] and s not in sources for s in cited):
            continue  # a cited source that fails its own model is reported there
        best = best_evidence([sources[s].kind for s in cited if s in sources])
        if best is not None and best != evidence:
            yield ctx.problem(
                file,
                ("evidence",),
                "evidence-mismatch",
                f"is {evidence.value!r} but the best source cited is {best.value!r}",
            )


def _raw_citations(value: Any, depth: int = 0) -> Iterator[str]:
    """Source ids cited anywhere in a file that fails its model (a `sources` list at any level)."""
    if depth > 20:
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "sources" and isinstance(item, list):
                yield from (s for s in item if isinstance(s, str))
            else:
                yield from _raw_citations(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            yield from _raw_citations(item, depth + 1)


def check_unused_sources(ctx: Context) -> Iterator[Problem]:
    """Every source is cited by some record."""
    if any(f.record is None and not isinstance(f.stated_value(), dict) for f in ctx.all_files):
        return  # a file that cannot be read may cite any source: that file is the problem
    cited = set(ctx.cited)
    for file in ctx.all_files:
        if file.record is None:
            cited.update(_raw_citations(file.stated_value()))
    for file in ctx.files:
        source = file.record
        if isinstance(source, Source) and source.id not in cited:
            yield ctx.problem(
                file, ("id",), "unused-source", f"source {source.id!r} is cited by no record"
            )


def check_duplicate_sources(ctx: Context) -> Iterator[Problem]:
    """No two source records share a URL."""
    seen: dict[str, RecordFile] = {}
    for file in ctx.files:
        source = file.record
        if not isinstance(source, Source):
            continue
        first = seen.setdefault(source.url, file)
        if first is not file:
            yield ctx.problem(file, ("url",), "duplicate-source", f"the same URL as {first.path}")


# --- meetings: times, zones, modes ------------------------------------------------------------


def _full_date(value: object) -> dt.date | None:
    """A record's date as a calendar day, when it is known to the day."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def japan_time(meeting: Record) -> str | None:
    """The start in Japan time, YYYY-MM-DDTHH:MM, computed from the record's date and zone."""
    start: dt.time | None = field(meeting, "start_local")
    zone: str | None = field(meeting, "timezone")
    day = _full_date(field(meeting, "date"))
    if start is None or zone is None or day is None:
        return None
    try:
        local = dt.datetime.combine(day, start, ZoneInfo(zone))
        return local.astimezone(JAPAN).strftime("%Y-%m-%dT%H:%M")
    except (OverflowError, ValueError, OSError):
        return None  # a date at the edge of the calendar (year 1 or 9999): reported elsewhere


def _minutes(value: dt.time) -> int:
    return value.hour * 60 + value.minute


def _timed(ctx: Context) -> Iterator[tuple[RecordFile, Record]]:
    """Records that carry local times (meetings, and events where the model has them)."""
    for file in ctx.files:
        record = file.record
        if record is not None and "start_local" in type(record).model_fields:
            yield file, record


def check_meeting_times(ctx: Context) -> Iterator[Problem]:
    """Zone present, Japan time agrees, start before end, duration consistent."""
    for file, record in _timed(ctx):
        start: dt.time | None = field(record, "start_local")
        end: dt.time | None = field(record, "end_local")
        zone = field(record, "timezone")
        if zone is None and (start or end):
            loc: Loc = ("start_local",) if start else ("end_local",)
            yield ctx.problem(
                file, loc, "time-without-zone", "a local time is given without `timezone`"
            )
        computed, stated = japan_time(record), field(record, "stated_japan_time")
        if stated and computed and stated != computed and start is not None:
            yield ctx.problem(
                file,
                ("stated_japan_time",),
                "japan-time-mismatch",
                f"{stated!r} is stated, but {start:%H:%M} on {field(record, 'date')} in "
                f"{zone} is {computed!r} in Japan",
            )
        yield from _start_end_duration(ctx, file, record, start, end)


def _start_end_duration(
    ctx: Context, file: RecordFile, record: Record, start: dt.time | None, end: dt.time | None
) -> Iterator[Problem]:
    if not (start and end):
        return
    if _minutes(end) <= _minutes(start):
        yield ctx.problem(
            file,
            ("end_local",),
            "start-after-end",
            f"ends at {end:%H:%M}, not after its start at {start:%H:%M}",
        )
        return
    duration: int | None = field(record, "duration_minutes")
    if duration is None:
        return
    span = _minutes(end) - _minutes(start)
    tolerance = 10 if field(record, "duration_approximate") else 0
    if abs(span - duration) > tolerance:
        yield ctx.problem(
            file,
            ("duration_minutes",),
            "duration-mismatch",
            f"{duration} minutes, but {start:%H:%M} to {end:%H:%M} is {span} minutes",
        )


def check_meeting_venue(ctx: Context) -> Iterator[Problem]:
    """An in-person meeting is timed in its venue's zone; a telephone talk has no venue."""
    for file in ctx.files:
        meeting = file.record
        if not isinstance(meeting, Meeting) or meeting.place is None:
            continue
        if meeting.mode == Mode.TELEPHONE:
            yield ctx.problem(
                file,
                ("place",),
                "remote-meeting-with-place",
                f"a telephone talk names the venue {meeting.place!r}",
            )
        place = ctx.record("places", meeting.place)
        if (
            meeting.mode == Mode.IN_PERSON
            and isinstance(place, Place)
            and meeting.timezone is not None
            and meeting.timezone != place.timezone
        ):
            yield ctx.problem(
                file,
                ("timezone",),
                "timezone-mismatch",
                f"{meeting.timezone!r}, but the venue {place.id!r} is in {place.timezone!r}",
            )


_KIND_MODES = {MeetingKind.TELEPHONE_TALK: Mode.TELEPHONE, MeetingKind.VIDEO_CONFERENCE: Mode.VIDEO}


def check_meeting_mode(ctx: Context) -> Iterator[Problem]:
    """A telephone talk is held by telephone, a video conference by video."""
    for file in ctx.files:
        meeting = file.record
        if not isinstance(meeting, Meeting):
            continue
        expected = _KIND_MODES.get(meeting.kind)
        if expected is not None and meeting.mode != expected:
            yield ctx.problem(
                file,
                ("mode",),
                "kind-mode-mismatch",
                f"{meeting.mode.value!r}, but a {meeting.kind.value} has mode {expected.value!r}",
            )


def check_derived(ctx: Context) -> Iterator[Problem]:
    """`derived` names fields of the record that have a value."""
    for file in ctx.files:
        record = file.record
        derived = field(record, "derived")
        if record is None or not isinstance(derived, list):
            continue
        fields = type(record).model_fields
        for index, name in enumerate(derived):
            if name not in fields or name == "derived":
                message = f"{shown(name)} is not a field of this record"
            elif getattr(record, name) in (None, [], ""):
                message = f"{shown(name)} has no value in this record"
            else:
                continue
            yield ctx.problem(file, ("derived", index), "unknown-derived-field", message)


# --- dates: order, terms, anniversaries, the future -------------------------------------------


def _before(a: str, b: str) -> bool:
    """a is before b at the precision both are known to (2023 is not before 2023-05-01)."""
    n = min(len(a), len(b))
    return a[:n] < b[:n]


def _iso(value: object) -> str | None:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value if isinstance(value, str) else None


def check_spans(ctx: Context) -> Iterator[Problem]:
    """Terms of office and visits do not end before they start."""
    for file in ctx.files:
        record = file.record
        spans: list[tuple[Loc, object, object]] = []
        if isinstance(record, Person):
            spans = [(("positions", i), p.start, p.end) for i, p in enumerate(record.positions)]
        elif record is not None and {"start", "end"} <= set(type(record).model_fields):
            spans = [((), *(getattr(record, name) for name in ("start", "end")))]
        for loc, start, end in spans:
            first, last = _iso(start), _iso(end)
            if first and last and _before(last, first):
                yield ctx.problem(
                    file,
                    (*loc, "end"),
                    "start-after-end",
                    f"ends {last}, before its start {first}",
                )


def check_steps_order(ctx: Context) -> Iterator[Problem]:
    """An agreement's dated steps are listed in the order they happened."""
    for file in ctx.files:
        agreement = file.record
        if not isinstance(agreement, Agreement):
            continue
        latest: tuple[int, str] | None = None
        for index, step in enumerate(agreement.steps):
            if not step.date:
                continue
            if latest is not None and _before(step.date, latest[1]):
                yield ctx.problem(
                    file,
                    ("steps", index, "date"),
                    "steps-out-of-order",
                    f"{step.step.value} on {step.date} is listed after "
                    f"{agreement.steps[latest[0]].step.value} on {latest[1]}",
                )
                continue
            latest = (index, step.date)


def _in_term(date: str, position: Position) -> bool:
    if position.start and _before(date, position.start):
        return False
    return not (position.end and _before(position.end, date))


def _term(position: Position) -> str:
    return f"{position.title} {position.start or '?'} to {position.end or '?'}"


def check_terms_of_office(ctx: Context) -> Iterator[Problem]:
    """A meeting's date lies in a participant's term, where the person's record gives one.

    The positions compared are those whose title equals the title the participant held at the
    meeting (ignoring case); when none does, all of the person's positions, since titles are
    printed in many forms. A position without start or end is open on that side.
    """
    for file in ctx.files:
        record = file.record
        date = _iso(field(record, "date"))
        if record is None or date is None:
            continue
        for index, participant in enumerate(field(record, "participants") or []):
            person = ctx.record("people", participant.person)
            if not isinstance(person, Person) or not person.positions:
                continue
            title = (participant.title or "").casefold()
            matching = [p for p in person.positions if p.title.casefold() == title]
            candidates = matching or list(person.positions)
            if not any(_in_term(date, p) for p in candidates):
                terms = "; ".join(_term(p) for p in candidates)
                yield ctx.problem(
                    file,
                    ("participants", index, "person"),
                    "outside-term",
                    f"{date} is outside the terms recorded for {person.id!r} ({terms})",
                )


def _year(date: str) -> int:
    return int(date[:4])


def check_anniversaries(ctx: Context) -> Iterator[Problem]:
    """An anniversary's year is its milestone's year plus its ordinal."""
    for file in ctx.files:
        anniversary = file.record
        if not isinstance(anniversary, Anniversary):
            continue
        milestone = ctx.record("milestones", anniversary.milestone)
        if not isinstance(milestone, Milestone):
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
    for name in ("date", "published", "start"):
        value = _iso(field(record, name))
        if value:
            yield (name,), value
    if isinstance(record, Anniversary):
        yield ("year",), f"{record.year:04d}"
    for name, key in (("steps", "date"), ("positions", "start")):
        for index, item in enumerate(field(record, name) or []):
            value = _iso(field(item, key))
            if value:
                yield (name, index, key), value


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
    """No two meetings share date, start time, kind and participants."""
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
    check_retired,
    check_disappeared_ids,
    check_aliases,
    check_references,
    check_duplicate_references,
    check_evidence,
    check_unused_sources,
    check_duplicate_sources,
    check_meeting_times,
    check_meeting_venue,
    check_meeting_mode,
    check_derived,
    check_spans,
    check_steps_order,
    check_terms_of_office,
    check_anniversaries,
    check_future_dates,
    check_duplicate_events,
)


def run_checks(files: list[RecordFile], today: dt.date, root: Path | None = None) -> list[Problem]:
    """Every cross-record problem among the records.

    With the project's root, ids are also checked against the previous release (the committed
    data/) and records/retired.yaml, whose own problems are reported too.
    """
    previous: dict[str, set[str]] = {}
    retired: RecordFile | None = None
    problems: list[Problem] = []
    if root is not None:
        previous = previous_ids(root)
        retired, problems = read_retired(root)
    ctx = Context(files, today, previous, retired)
    return problems + [problem for check in CHECKS for problem in check(ctx)]
