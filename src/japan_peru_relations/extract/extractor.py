"""Orchestration: from a document to meetings and findings, per docs/extraction-spec.md.

>>> result = extract_document(Document(
...     "On May 3, commencing at 11:35 a.m. (local time; 1:35 a.m. on May 4 JST) for "
...     "approximately 30 minutes, Mr. HAYASHI Yoshimasa, Minister for Foreign Affairs, who is "
...     "visiting Lima, Peru, paid a courtesy call on H.E. Ms. Dina Boluarte, President of the "
...     "Republic of Peru."), people=(), places=(), source_url=None)
>>> meeting = result.meetings[0]
>>> meeting.start_local, meeting.stated_japan_time, meeting.timezone, meeting.kind
('11:35', None, 'America/Lima', 'courtesy_call')
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from ..models import MeetingKind, Mode
from .findings import FindingCode, Findings
from .gazetteer import GAZETTEER, Gazetteer
from .kinds import SESSION_KINDS, KindPhrase, find_kinds, kind_from_titles, mode_of
from .organisations import mismatches
from .people import (
    Mention,
    PeopleIndex,
    dedupe,
    find_mentions,
    same_person,
    surname_mentions,
)
from .result import DocumentInfo, ExtractedMeeting, Extraction, Participant
from .sources import is_secondary
from .text import Document, fold, language, sentence_spans
from .timeclauses import (
    Clause,
    DateValue,
    DurationValue,
    Reading,
    ZoneKind,
    date_line_index,
    find_clauses,
    find_dates,
    find_durations,
    parse_full_date,
)
from .timing import JAPAN_ZONE, Timing, resolve_timing
from .venue import Venue, find_occasion, find_venue

if TYPE_CHECKING:
    from ..models import Person, Place

_MEETING_EVIDENCE = re.compile(
    r"(?i:\bmet\b|\bmeets?\s+with\b|\bheld\s+(?:a\s+|an\s+)?(?:[\w'’-]+\s+){0,5}"
    r"(?:meeting|talks?|conversation|conference|call|lunch|luncheon|dinner)\b"
    r"|\b(?:paid|received)\s+a\s+courtesy\s+call|\btalks\s+with\b|\bmeeting\s+with\b)"
    r"|会談|会合|表敬|会議形式|面会"
)
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_ON_DATE = re.compile(r"(?i:\bon\s+)$")
_COUNTERPART_HEADER = re.compile(
    r"\bJapan\s*-\s*([A-Z][\w ]+?)\s+(?:Relations|Summit|Foreign)|日・(\S+?)(?:外相|首脳|関係)"
)


@cache
def _project_records(name: str) -> tuple[Any, ...]:
    """The project's curated records of one kind, if the library offers them yet."""
    try:
        module = importlib.import_module("japan_peru_relations")
        loader = getattr(module, name, None)
        return tuple(loader()) if callable(loader) else ()
    except Exception:
        return ()


_GAZETTEERS: dict[tuple[Any, ...], Gazetteer] = {}
_INDEXES: dict[tuple[Any, ...], PeopleIndex] = {}


_LAST: dict[str, tuple[object, Any]] = {}


def _gazetteer_for(places: Sequence[Place]) -> Gazetteer:
    """The gazetteer extended by the place records, built once per set of records."""
    if not places:
        return GAZETTEER
    last = _LAST.get("places")
    if last is not None and last[0] is places:
        cached: Gazetteer = last[1]
        return cached
    key = tuple((p.id, p.name, str(p.kind), p.country, p.timezone, p.within) for p in places)
    gazetteer = _GAZETTEERS.get(key)
    if gazetteer is None:
        if len(_GAZETTEERS) >= 8:
            _GAZETTEERS.clear()
        gazetteer = _GAZETTEERS[key] = GAZETTEER.with_places(places)
    if isinstance(places, tuple):
        # The same tuple again (the project's records): skip building the key.
        _LAST["places"] = (places, gazetteer)
    return gazetteer


def _index_for(people: Sequence[Person]) -> PeopleIndex:
    """The name index of the people records, built once per set of records."""
    last = _LAST.get("people")
    if last is not None and last[0] is people:
        cached: PeopleIndex = last[1]
        return cached
    key = tuple(
        (p.id, p.name, p.family_name, p.given_name, p.name_native, p.country, tuple(p.aliases))
        for p in people
    )
    index = _INDEXES.get(key)
    if index is None:
        if len(_INDEXES) >= 8:
            _INDEXES.clear()
        index = _INDEXES[key] = PeopleIndex(people)
    if isinstance(people, tuple):
        _LAST["people"] = (people, index)
    return index


@dataclass
class _Doc:
    """What the extractor knows about one document while it works through it."""

    text: str
    folded: str
    language: str
    title: str | None
    body_start: int
    date_line: dt.date | None
    reference: dt.date | None
    sentences: list[tuple[int, int]]
    gazetteer: Gazetteer
    index: PeopleIndex
    findings: Findings
    mentions: list[Mention]
    all_mentions: list[Mention] = field(default_factory=list)
    surnames: list[tuple[str, int, int]] = field(default_factory=list)
    sentence_kinds: dict[tuple[int, int], list[KindPhrase]] = field(default_factory=dict)
    counterpart: str | None = None
    settings: dict[tuple[int, int], tuple[Venue | None, tuple[str, int, int] | None]] = field(
        default_factory=dict
    )

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """People named in text[start:end] (found once for the whole text)."""
        return [m for m in self.all_mentions if start <= m.start < end]

    def surnames_in(self, start: int, end: int) -> list[tuple[str, int, int]]:
        """Family-name mentions in text[start:end]."""
        return [s for s in self.surnames if start <= s[1] < end]

    def kinds_in(self, start: int, end: int) -> list[KindPhrase]:
        """Kind phrases in text[start:end], read sentence by sentence as they are needed."""
        found: list[KindPhrase] = []
        for sentence in self.sentences:
            if sentence[1] <= start:
                continue
            if sentence[0] >= end:
                break
            kinds = self.sentence_kinds.get(sentence)
            if kinds is None:
                kinds = self.sentence_kinds[sentence] = find_kinds(self.folded, *sentence)
            found.extend(k for k in kinds if start <= k.start and k.end <= end)
        return found

    def setting_in(self, start: int, end: int) -> tuple[Venue | None, tuple[str, int, int] | None]:
        """Venue and occasion named in text[start:end]."""
        key = (start, end)
        if key not in self.settings:
            self.settings[key] = (
                find_venue(self.folded, start, end, self.gazetteer),
                find_occasion(self.folded, start, end, gazetteer=self.gazetteer),
            )
        return self.settings[key]

    def sentence_of(self, position: int) -> tuple[int, int]:
        for start, end in self.sentences:
            if start <= position < end:
                return start, end
        return position, position

    def resolve(self, value: DateValue, after: dt.date | None) -> dt.date | None:
        return value.resolve(self.reference, after=after)

    def place_zone(self, reading: Reading) -> str | None:
        label = reading.label
        if label is None or label.kind is not ZoneKind.PLACE or not label.place:
            return None
        city = self.gazetteer.city(label.place)
        if city is not None:
            return city.zone
        country = self.gazetteer.country(label.place)
        return country.zone if country is not None else None


# --- document-level reading -------------------------------------------------------------------


def _is_session(clause: Clause) -> bool:
    return bool(clause.explicit_start or clause.alternates or clause.label or clause.duration)


def _main_sentence(doc: _Doc, clauses: list[Clause]) -> tuple[int, int] | None:
    """The sentence that names the principals: two people, or one and a meeting."""
    for start, end in doc.sentences:
        if end <= doc.body_start:
            continue
        if len(dedupe(doc.mentions_in(start, end))) >= 2:
            return start, end
    if clauses:
        return doc.sentence_of(clauses[0].start.start)
    for start, end in doc.sentences:
        if (
            end > doc.body_start
            and doc.mentions_in(start, end)
            and _MEETING_EVIDENCE.search(doc.folded, start, end)
        ):
            return start, end
    return None


def _counterpart(doc: _Doc, venue: Venue | None) -> str | None:
    """The country of the non-Japanese side, for participants whose titles do not say."""
    counts: dict[str, int] = {}
    for mention in doc.mentions:
        if mention.country and mention.country != "JP":
            counts[mention.country] = counts.get(mention.country, 0) + 1
    if counts:
        return max(counts, key=lambda c: counts[c])
    if venue is not None and venue.country_code not in (None, "JP"):
        return venue.country_code
    header = doc.folded[: doc.body_start] + " " + (doc.title or "")
    for match in _COUNTERPART_HEADER.finditer(header):
        name = (match.group(1) or match.group(2) or "").strip()
        country = doc.gazetteer.country(name)
        if country is not None and country.code != "JP":
            return country.code
    return None


def _document_kind(
    doc: _Doc, main: tuple[int, int] | None, excluded: list[tuple[int, int]]
) -> KindPhrase | None:
    def first(start: int, end: int, text: str | None = None) -> KindPhrase | None:
        found = find_kinds(text, start, end) if text is not None else doc.kinds_in(start, end)
        kinds = [
            k for k in found if text is not None or not any(s <= k.start < e for s, e in excluded)
        ]
        doc_level = [k for k in kinds if k.kind not in SESSION_KINDS]
        chosen = doc_level or kinds
        return chosen[0] if chosen else None

    if main is not None:
        found = first(*main)
        if found is not None:
            return found
    if doc.title:
        title = fold(doc.title)
        position = doc.folded.find(title)
        found = first(0, len(title), title)
        if found is not None:
            if position >= 0:
                return KindPhrase(found.kind, position + found.start, position + found.end)
            return KindPhrase(found.kind, 0, 0)
    return first(0, main[0] if main is not None else len(doc.folded))


def _mode_in(doc: _Doc, spans: list[tuple[int, int]]) -> KindPhrase | None:
    """A telephone or video phrase in any of the spans or the title."""
    remote = (MeetingKind.TELEPHONE_TALK, MeetingKind.VIDEO_CONFERENCE)
    for start, end in spans:
        for phrase in doc.kinds_in(start, end):
            if phrase.kind in remote:
                return phrase
    if doc.title:
        for phrase in find_kinds(fold(doc.title)):
            if phrase.kind in remote:
                return KindPhrase(phrase.kind, 0, 0)
    return None


def _session_kind(
    doc: _Doc,
    before: tuple[int, int],
    after: tuple[int, int],
    excluded: list[tuple[int, int]],
) -> KindPhrase | None:
    def allowed(phrase: KindPhrase) -> bool:
        return not any(s <= phrase.start < e for s, e in excluded)

    before_kinds = [k for k in doc.kinds_in(*before) if allowed(k)]
    after_kinds = [k for k in doc.kinds_in(*after) if allowed(k)]
    sessions_before = [k for k in before_kinds if k.kind in SESSION_KINDS]
    candidates_before = (sessions_before or before_kinds)[-1:]
    candidates_after = after_kinds[:1]
    # English names the session before its time ("held a plenary meeting ... commencing at"),
    # Japanese after it ("午前9時45分から約80分間、全体会合を行いました").
    ordered = (
        candidates_after + candidates_before
        if doc.language == "ja"
        else candidates_before + candidates_after
    )
    return ordered[0] if ordered else None


# --- participants -----------------------------------------------------------------------------


def _canonical(doc: _Doc, mention: Mention) -> Mention:
    """The first full mention of the same person in the document."""
    for known in doc.mentions:
        if same_person(mention.name, known.name) or same_person(known.name, mention.name):
            return known
    return mention


def _named_in(doc: _Doc, start: int, end: int) -> list[Mention]:
    """The people a span names, fully or by family name, as first named in the document."""
    found: list[Mention] = []
    for mention in doc.mentions_in(start, end):
        canonical = _canonical(doc, mention)
        if canonical not in found:
            found.append(canonical)
    for short, _, _ in doc.surnames_in(start, end):
        if any(same_person(short, m.name) for m in found):
            continue
        known = next((m for m in doc.mentions if same_person(short, m.name)), None)
        if known is not None and known not in found:
            found.append(known)
    order = {id(m): i for i, m in enumerate(doc.mentions)}
    return sorted(found, key=lambda m: order.get(id(m), len(order) + m.start))


def _side(doc: _Doc, mention: Mention, person: Person | None, taken: set[str | None]) -> str | None:
    if mention.country:
        return mention.country
    if person is not None:
        return person.country
    if re.match(r"^[A-Z]{2,}(?:-[A-Z]{2,})?\s+[A-Z][a-z]", mention.name):
        return "JP"  # MOFA prints Japanese names family name first, in capitals
    if mention.excellency:
        return doc.counterpart  # MOFA gives H.E. to the foreign side only
    return "JP" if "JP" not in taken else doc.counterpart


def _participants(doc: _Doc, mentions: list[Mention]) -> list[Participant]:
    out: list[Participant] = []
    for mention in mentions:
        resolution = doc.index.resolve(mention.name) if doc.index else None
        person = resolution.person if resolution else None
        taken = {m.country for m in mentions if m is not mention}
        country = _side(doc, mention, person, taken)
        out.append(Participant(mention.name, mention.title, country, person.id if person else None))
    return out


def _kind_from_people(mentions: list[Mention]) -> MeetingKind | None:
    return kind_from_titles([m.title or m.descriptor for m in mentions])


# --- sessions ---------------------------------------------------------------------------------


@dataclass
class _Setting:
    """Where, and on what occasion, a session took place."""

    venue: Venue | None
    occasion: tuple[str, int, int] | None


def _setting(doc: _Doc, spans: list[tuple[int, int]]) -> _Setting:
    venue = None
    occasion = None
    for start, end in spans:
        found_venue, found_occasion = doc.setting_in(start, end)
        venue = venue or found_venue
        occasion = occasion or found_occasion
    if venue is None:
        venue = _strong_venue(doc)
    if occasion is None:
        occasion = find_occasion(
            doc.folded, doc.body_start, len(doc.folded), strong_only=True, gazetteer=doc.gazetteer
        )
    return _Setting(venue, occasion)


def _strong_venue(doc: _Doc) -> Venue | None:
    """A venue named anywhere by an unambiguous trigger ("visiting Lima", "リマを訪問中")."""
    venue = find_venue(doc.folded, doc.body_start, len(doc.folded), doc.gazetteer)
    if venue is None:
        return None
    trigger = doc.folded[venue.start : venue.start + 12].lower()
    if trigger.startswith(("visiting", "visit to", "trip to")) or not trigger.isascii():
        return venue
    return None


def _fallback_date(doc: _Doc, clause: Clause) -> DateValue | None:
    """The nearest date printed before a clause, outside the date line."""
    dates = [
        d for d in find_dates(doc.folded)
        if doc.body_start <= d.start and d.end <= clause.start.start and d.month is not None
    ]  # fmt: skip
    return dates[-1] if dates else None


def _remote_zone(doc: _Doc, clause: Clause | None, setting: _Setting) -> tuple[str, Venue | None]:
    """Zone of a telephone or video talk: Japan's, unless timed in the caller's local time."""
    if clause is not None:
        labelled_local = any(
            r.label is not None and r.label.kind is ZoneKind.LOCAL for r in clause.readings()
        )
        for reading in clause.readings():
            zone = doc.place_zone(reading)
            if zone is not None:
                return zone, None
        if labelled_local and setting.venue is not None and setting.venue.zone is not None:
            return setting.venue.zone, setting.venue
    return JAPAN_ZONE, None


@dataclass
class _Session:
    """One session being assembled."""

    clause: Clause | None
    kind: MeetingKind
    mode: Mode
    phrase: KindPhrase | None
    mentions: list[Mention]
    setting: _Setting


def _meeting(doc: _Doc, session: _Session, timing: Timing) -> ExtractedMeeting:
    clause = session.clause
    evidence: dict[str, tuple[int, int]] = {}
    start_local = timing.start.as_hhmm() if timing.start is not None else None
    end_local = timing.end.as_hhmm() if timing.end is not None else None
    duration_value = clause.duration if clause is not None else None
    if clause is None:
        duration_value = _untimed_duration(doc, session)
    duration = duration_value.minutes if duration_value is not None else None
    approximate = bool(duration_value and duration_value.approximate)
    if duration_value is not None:
        evidence["duration_minutes"] = (duration_value.start, duration_value.end)
        evidence["duration_approximate"] = (duration_value.start, duration_value.end)
    elif timing.start is not None and timing.end is not None and start_local and end_local:
        minutes = _minutes(end_local) - _minutes(start_local)
        duration = minutes + 1440 if minutes <= 0 else minutes
        evidence["duration_minutes"] = (timing.start.start, timing.end.end)
        evidence["duration_approximate"] = (timing.start.start, timing.end.end)
    fallback_span = clause.span if clause is not None else (0, 0)
    if timing.date is not None:
        evidence["date"] = timing.date_span or fallback_span
    if timing.start is not None:
        evidence["start_local"] = (timing.start.start, timing.start.end)
    if timing.end is not None:
        evidence["end_local"] = (timing.end.start, timing.end.end)
    if timing.japan is not None and timing.japan_span is not None:
        evidence["stated_japan_time"] = timing.japan_span
    phrase = session.phrase
    kind_span = (phrase.start, phrase.end) if phrase is not None and phrase.end else fallback_span
    evidence["kind"] = evidence["mode"] = kind_span
    venue = session.setting.venue
    if session.mode is not Mode.IN_PERSON and not (venue and timing.zone == venue.zone):
        venue = None
    if venue is not None and venue.unknown:
        doc.findings.add(
            FindingCode.UNKNOWN_PLACE,
            f"the venue '{venue.unknown}' is not in the gazetteer of places (a place record "
            "would add it)",
        )
    if timing.zone is not None:
        evidence["timezone"] = (venue.start, venue.end) if venue is not None else kind_span
    city = venue.city.name if venue is not None and venue.city is not None else None
    country = venue.country_code if venue is not None else None
    if venue is not None:
        if city is not None:
            evidence["city"] = (venue.start, venue.end)
        if country is not None:
            evidence["country"] = (venue.start, venue.end)
    occasion = session.setting.occasion
    if occasion is not None:
        evidence["occasion"] = (occasion[1], occasion[2])
    if session.mentions:
        evidence["participants"] = (
            min(m.start for m in session.mentions),
            max(m.end for m in session.mentions),
        )
    return ExtractedMeeting(
        date=timing.date.isoformat() if timing.date is not None else None,
        start_local=start_local,
        end_local=end_local,
        duration_minutes=duration,
        duration_approximate=approximate,
        timezone=timing.zone,
        stated_japan_time=timing.japan,
        kind=session.kind.value,
        mode=session.mode.value,
        city=city,
        country=country,
        occasion=_LEADING_THE.sub("", occasion[0]) if occasion else None,
        participants=tuple(_participants(doc, session.mentions)),
        evidence=evidence,
        place_id=venue.city.place_id if venue is not None and venue.city is not None else None,
    )


def _minutes(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def _untimed_duration(doc: _Doc, session: _Session) -> DurationValue | None:
    """For a meeting with no start time: a duration in its sentence or the next two."""
    if not session.mentions:
        return None
    start = doc.sentence_of(session.mentions[0].start)[0]
    following = [s for s in doc.sentences if s[0] >= start][:3]
    if not following:
        return None
    end = following[-1][1]
    durations = [d for d in find_durations(doc.folded) if start <= d.start < end]
    return durations[0] if durations else None


def _untimed_date(
    doc: _Doc, main: tuple[int, int]
) -> tuple[dt.date | None, tuple[int, int] | None]:
    """The date of a meeting with no start time: "on <date>" in its sentence, else the first."""
    start, end = main
    first = max(start, doc.body_start)
    dates = [d for d in find_dates(doc.folded) if d.start >= first and d.end <= end]
    if not dates:
        return None, None
    chosen = next(
        (d for d in dates if _ON_DATE.search(doc.folded[max(0, d.start - 4) : d.start])), dates[0]
    )
    return chosen.resolve(doc.reference), (chosen.start, chosen.end)


def _not_found(doc: _Doc, meetings: list[ExtractedMeeting]) -> None:
    for number, meeting in enumerate(meetings):
        label = f"meeting {number + 1}" if len(meetings) > 1 else "the meeting"
        values = meeting.to_dict()
        for name, value in values.items():
            if value is None:
                doc.findings.add(FindingCode.NOT_FOUND, f"{label}: {name} is not given by the text")
        if not meeting.participants:
            doc.findings.add(FindingCode.NOT_FOUND, f"{label}: no participant is named")
        for participant in meeting.participants:
            for name in ("title", "country"):
                if getattr(participant, name) is None:
                    doc.findings.add(
                        FindingCode.NOT_FOUND,
                        f"{label}: the {name} of {participant.name} is not given by the text",
                    )


def _people_findings(doc: _Doc, meetings: list[ExtractedMeeting]) -> None:
    participants = {p.name: p for m in meetings for p in m.participants}
    for participant in participants.values():
        if participant.person is not None:
            continue
        approximate = doc.index.resolve(participant.name).approximate if doc.index else None
        if approximate is not None:
            doc.findings.add(
                FindingCode.APPROXIMATE_NAME,
                f"'{participant.name}' resolves only approximately to '{approximate.name}' "
                f"({approximate.id})",
            )
            continue
        doc.findings.add(
            FindingCode.UNKNOWN_PERSON,
            f"'{participant.name}' matches no person record (a person record is needed)",
        )
    if not doc.index:
        return
    for word, _, _ in doc.surnames_in(doc.body_start, len(doc.folded)):
        exact, person = doc.index.family_match(word)
        if person is not None and not exact:
            doc.findings.add(
                FindingCode.APPROXIMATE_NAME,
                f"'{word}' resolves only approximately to '{person.name}' ({person.id}): "
                f"a misspelling of {person.family_name}?",
            )


def _body_start(lines: list[str], line_index: int | None) -> int:
    if line_index is None:
        return 0
    return sum(len(line) + 1 for line in lines[: line_index + 1])


def extract_document(
    document: Document,
    *,
    people: Sequence[Person],
    places: Sequence[Place],
    source_url: str | None,
) -> Extraction:
    """Extract meetings and findings from one document (the spec's contract)."""
    text = document.text
    folded = fold(text)
    lines = text.split("\n")
    line_index = date_line_index(lines)
    date_line = parse_full_date(fold(lines[line_index])) if line_index is not None else None
    body_start = _body_start(lines, line_index)
    gazetteer = _gazetteer_for(places)
    doc = _Doc(
        text=text,
        folded=folded,
        language=language(text),
        title=document.title,
        body_start=body_start,
        date_line=date_line,
        reference=date_line,
        sentences=sentence_spans(folded),
        gazetteer=gazetteer,
        index=_index_for(people),
        findings=Findings(),
        mentions=[],
    )
    doc.all_mentions = find_mentions(folded)
    doc.mentions = dedupe(doc.mentions_in(body_start, len(folded)))
    doc.surnames = surname_mentions(folded)
    if doc.reference is None:
        full = [d for d in find_dates(folded) if d.year is not None and d.month is not None]
        doc.reference = (
            dt.date(full[0].year or 1, full[0].month or 1, full[0].day) if full else None
        )
    url = source_url or document.url
    info = DocumentInfo(
        hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        document.title,
        date_line.isoformat() if date_line else None,
        doc.language,
    )
    secondary = is_secondary(folded, url)
    if secondary:
        doc.findings.add(
            FindingCode.SECONDARY_SOURCE,
            "the text is not an official release (a news report): its values are reported, "
            "not confirmed, and are not merged into any record",
        )
    for mismatch in mismatches(folded):
        doc.findings.add(
            FindingCode.ORGANISATION_MISMATCH,
            f"{mismatch.acronym} is expanded as '{mismatch.printed}', "
            f"but it stands for '{mismatch.canonical}'",
        )
    meetings = _meetings(doc)
    if not meetings:
        doc.findings.add(
            FindingCode.NO_MEETING, "the text describes no meeting the grammar recognises"
        )
    _not_found(doc, meetings)
    _people_findings(doc, meetings)
    families = {
        person.id: person.family_name
        for person in doc.index.people
        if any(p.person == person.id for m in meetings for p in m.participants)
    }
    return Extraction(tuple(meetings), doc.findings.items(), info, url, secondary, families)


def failed_extraction(document: Document, source_url: str | None, error: Exception) -> Extraction:
    """What extract() returns if the extractor itself fails: no meeting, and why."""
    findings = Findings()
    findings.add(
        FindingCode.NO_MEETING,
        f"the extractor failed on this text ({type(error).__name__}: {error}); "
        "please report it with the document",
    )
    info = DocumentInfo(
        hashlib.sha256(document.text.encode("utf-8", "surrogatepass")).hexdigest(),
        document.title,
        None,
        language(document.text),
    )
    return Extraction((), findings.items(), info, source_url or document.url)


def _meetings(doc: _Doc) -> list[ExtractedMeeting]:
    clauses = [
        c for c in find_clauses(doc.folded) if _is_session(c) and c.start.start >= doc.body_start
    ]
    main = _main_sentence(doc, clauses)
    if main is None:
        return []
    if not clauses and not (_MEETING_EVIDENCE.search(doc.folded, *main) or doc.kinds_in(*main)):
        return []
    main_setting = _setting(doc, [main])
    doc.counterpart = _counterpart(doc, main_setting.venue)
    main_mentions = _named_in(doc, *main)
    if not clauses:
        return [_untimed(doc, main, main_setting, main_mentions)]
    meetings = []
    previous_date: dt.date | None = None
    previous_mentions = main_mentions
    for number, clause in enumerate(clauses):
        sentence = doc.sentence_of(clause.start.start)
        setting = _setting(doc, [sentence, main])
        excluded = [(setting.occasion[1], setting.occasion[2])] if setting.occasion else []
        previous_end = clauses[number - 1].span[1] if number else 0
        next_start = clauses[number + 1].span[0] if number + 1 < len(clauses) else len(doc.folded)
        before = (max(sentence[0], previous_end), clause.span[0])
        after = (clause.span[1], min(sentence[1], next_start))
        mentions = _named_in(doc, *sentence) or previous_mentions
        remote = _mode_in(doc, [sentence, main])
        phrase: KindPhrase | None
        kind: MeetingKind | None
        if remote is not None:
            kind, phrase = remote.kind, remote
        else:
            phrase = _session_kind(doc, before, after, excluded)
            if phrase is None:
                phrase = _document_kind(doc, main, excluded)
            kind = phrase.kind if phrase is not None else None
        if kind is None:
            kind = _kind_from_people(mentions) or MeetingKind.OTHER
        mode = mode_of(kind)
        if mode is Mode.IN_PERSON:
            venue = setting.venue
            zone = venue.zone if venue is not None else None
        else:
            zone, venue = _remote_zone(doc, clause, setting)
            setting = _Setting(venue, setting.occasion)
        fallback = None if clause.date is not None else _fallback_date(doc, clause)
        timing = resolve_timing(
            clause,
            zone,
            fallback_date=fallback if number == 0 or previous_date is None else None,
            previous_date=previous_date,
            resolve=doc.resolve,
            place_zone=doc.place_zone,
        )
        if timing.mismatch:
            label = f"meeting {number + 1}" if len(clauses) > 1 else "the meeting"
            doc.findings.add(FindingCode.JAPAN_TIME_MISMATCH, f"{label}: {timing.mismatch}")
        session = _Session(clause, kind, mode, phrase, mentions, setting)
        meetings.append(_meeting(doc, session, timing))
        previous_date = timing.date or previous_date
        previous_mentions = mentions
    return meetings


def _untimed(
    doc: _Doc, main: tuple[int, int], setting: _Setting, mentions: list[Mention]
) -> ExtractedMeeting:
    excluded = [(setting.occasion[1], setting.occasion[2])] if setting.occasion else []
    remote = _mode_in(doc, [main])
    phrase = remote or _document_kind(doc, main, excluded)
    kind = phrase.kind if phrase is not None else None
    if kind is None:
        kind = _kind_from_people(mentions) or MeetingKind.OTHER
    mode = mode_of(kind)
    if mode is Mode.IN_PERSON:
        zone = setting.venue.zone if setting.venue is not None else None
    else:
        zone, venue = _remote_zone(doc, None, setting)
        setting = _Setting(venue, setting.occasion)
    day, day_span = _untimed_date(doc, main)
    timing = Timing(date=day, date_span=day_span, zone=zone)
    return _meeting(doc, _Session(None, kind, mode, phrase, mentions, setting), timing)
