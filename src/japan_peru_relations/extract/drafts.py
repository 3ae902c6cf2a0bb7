"""Draft record files for records/: one YAML document per meeting (and one for the source).

Values the extractor read are written as values; what a person must decide or write (summary,
evidence, missing people) is written as `# TODO(reviewer): ...` comments, never as values.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from .gazetteer import GAZETTEER
from .result import ExtractedMeeting, Extraction, Participant

if TYPE_CHECKING:
    from types import ModuleType

_SESSION_SUFFIX = {
    "small_group_meeting": "small-group",
    "plenary_meeting": "plenary",
    "working_lunch": "working-lunch",
    "courtesy_call": "courtesy-call",
    "telephone_talk": "telephone",
    "video_conference": "video",
}
_PARTICLES = frozenset({"van", "von", "de", "del", "da", "der", "den", "la", "le", "y"})
_KIND_TITLE = {
    "summit_meeting": "Summit Meeting",
    "foreign_ministers_meeting": "Foreign Ministers' Meeting",
    "courtesy_call": "Courtesy Call",
    "telephone_talk": "Telephone Talk",
    "video_conference": "Video Conference",
    "working_lunch": "Working Lunch",
    "small_group_meeting": "Foreign Ministers' Meeting (small group meeting)",
    "plenary_meeting": "Foreign Ministers' Meeting (plenary meeting)",
    "other": "Meeting",
}
_PUBLISHERS = {
    "mofa.go.jp": "Ministry of Foreign Affairs of Japan",
    "kantei.go.jp": "Prime Minister's Office of Japan",
    "mof.go.jp": "Ministry of Finance Japan",
    "mod.go.jp": "Ministry of Defense of Japan",
    "emb-japan.go.jp": "Embassy of Japan",
    "gob.pe": "Government of Peru",
}
_LEVELS = (
    ("imperial_family", re.compile(r"(?i:princess|prince|emperor|empress)|皇")),
    ("head_of_state_or_government",
     re.compile(r"(?i:\bprime minister\b|\bpresident of the|^president\b)|総理|首相|大統領")),
    ("vice_ministerial",
     re.compile(r"(?i:vice|state minister|parliamentary|undersecretary)|副|政務官")),
    ("ministerial", re.compile(r"(?i:minister|secretary of)|大臣|外相")),
    ("ambassadorial", re.compile(r"(?i:ambassador)|大使")),
)  # fmt: skip
_RANK = {
    "head_of_state_or_government": 0,
    "imperial_family": 1,
    "ministerial": 2,
    "vice_ministerial": 3,
    "ambassadorial": 4,
    "other": 5,
}


def _yaml() -> ModuleType:
    import yaml  # pyyaml is a tools dependency; only drafts need it

    return yaml


def slug(value: str) -> str:
    """A kebab-case ASCII slug ("González-Olaechea" -> "gonzalez-olaechea")."""
    decomposed = unicodedata.normalize("NFKD", value)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def _family_given(name: str) -> tuple[str, str]:
    """Family and given name of a printed name (MOFA capitals mark the family name)."""
    words = name.replace(",", " ").split()
    capitals = [w for w in words if len(w) > 1 and w.isupper() and w.replace("-", "").isalpha()]
    if capitals:
        given = [w for w in words if w not in capitals]
        return " ".join(capitals), " ".join(given[:1])
    if len(words) >= 3 and words[-2].lower() in _PARTICLES:
        return " ".join(words[-2:]), words[0]  # "Alberto van Klaveren"
    if len(words) >= 3:
        # Spanish names: given name(s), paternal surname, maternal surname.
        return words[-2], words[0]
    if len(words) == 2:
        return words[1], words[0]
    return (words[0] if words else ""), ""


def person_slug(participant: Participant) -> str | None:
    """The person's id, or the id a new person record would get (family-given)."""
    if participant.person:
        return participant.person
    family, given = _family_given(participant.name)
    proposed = slug(f"{family} {given}")
    return proposed if len(proposed) >= 3 else None


def _family_slug(participant: Participant, families: dict[str, str]) -> str:
    if participant.person:
        if participant.person in families:
            return slug(families[participant.person])
        return participant.person.split("-")[0]
    family, _ = _family_given(participant.name)
    return slug(family) or "unnamed"


def meeting_id(
    meeting: ExtractedMeeting, *, session: bool, families: dict[str, str] | None = None
) -> str:
    """`YYYY-MM-DD-<jp family>-<other family>[-<session>]`."""
    japanese = [p for p in meeting.participants if p.country == "JP"]
    others = [p for p in meeting.participants if p.country != "JP"]
    parts = [meeting.date or "undated"]
    parts += [_family_slug(p, families or {}) for p in (japanese[:1] + others[:1])]
    if session:
        parts.append(_SESSION_SUFFIX.get(meeting.kind, meeting.kind.replace("_", "-")))
    return slug("-".join(parts))


def level(meeting: ExtractedMeeting) -> str:
    """The highest rank present, read from the printed titles."""
    ranks = []
    for participant in meeting.participants:
        title = participant.title or ""
        found = next((name for name, pattern in _LEVELS if pattern.search(title)), "other")
        ranks.append(found)
    return min(ranks, key=lambda r: _RANK[r]) if ranks else "other"


def source_id(url: str, language: str) -> str:
    """A source id as curators write them: publisher's short name, language, page name.

    >>> source_id("https://www.mofa.go.jp/la_c/sa/pe/page4e_001391.html", "en")
    'mofa-en-page4e-001391'
    """
    parts = urlsplit(url)
    host = (parts.hostname or "source").removeprefix("www.")
    page = parts.path.rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0] or "index"
    return slug(f"{host.split('.')[0]}-{language}-{page}")[:100]


def _dump(key: str, value: Any) -> str:
    text: str = _yaml().safe_dump(
        {key: value}, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100
    )
    return text


def _title(meeting: ExtractedMeeting) -> str:
    others = {p.country for p in meeting.participants if p.country not in (None, "JP")}
    code = sorted(others)[0] if others else None
    country = GAZETTEER.country_by_code(code) if code else None
    pair = f"Japan-{country.name}" if country else "Japan"
    where = f" in {meeting.city}" if meeting.city else ""
    return f"{pair} {_KIND_TITLE.get(meeting.kind, 'Meeting')}{where}"


def _meeting_draft(
    extraction: Extraction, meeting: ExtractedMeeting, ident: str, source: str | None
) -> list[str]:
    """One meeting's draft: the header comment, values, and TODO comments."""
    lines = [f"# records/meetings/{ident}.yaml\n"]
    if extraction.secondary:
        lines.append(
            "# NOTE(reviewer): extracted from a secondary source: its values are reported, "
            "not confirmed.\n"
        )
    lines.append(_dump("id", ident))
    lines.append(_dump("title", _title(meeting)))
    if meeting.date:
        lines.append(_dump("date", dt.date.fromisoformat(meeting.date)))
    else:
        lines.append("# TODO(reviewer): date (required) was not found in the text\n")
    lines.append(_dump("kind", meeting.kind))
    lines.append(_dump("mode", meeting.mode))
    if any(p.title for p in meeting.participants):
        lines.append(_dump("level", level(meeting)))
    else:
        lines.append("# TODO(reviewer): level (required): no title is printed to read it from\n")
    for key in ("start_local", "end_local", "duration_minutes"):
        value = getattr(meeting, key)
        if value is not None:
            lines.append(_dump(key, value))
    if meeting.duration_minutes is not None:
        lines.append(_dump("duration_approximate", meeting.duration_approximate))
    for key in ("timezone", "stated_japan_time"):
        value = getattr(meeting, key)
        if value is not None:
            lines.append(_dump(key, value))
    if meeting.place_id:
        lines.append(_dump("place", meeting.place_id))
    elif meeting.city:
        lines.append(f"# TODO(reviewer): place: no place record for {meeting.city} yet\n")
    if meeting.occasion:
        lines.append(_dump("occasion", meeting.occasion))
    lines.append("participants:\n")
    for index, participant in enumerate(meeting.participants):
        person = person_slug(participant) or f"unnamed-person-{index + 1}"
        if not participant.person:
            lines.append(
                f"  # TODO(reviewer): no person record matches {participant.name!r}: "
                f"a person record records/people/{person}.yaml is needed\n"
            )
        entry: dict[str, Any] = {"person": person, "side": participant.country or "XX"}
        if participant.title:
            entry["title"] = participant.title
        entry["role"] = "principal"
        dumped = _yaml().safe_dump(
            [entry], allow_unicode=True, sort_keys=False, default_flow_style=False, width=100
        )
        lines.append("".join(f"  {line}\n" for line in dumped.splitlines()))
    lines.append(
        "# TODO(reviewer): write summary (a few sentences in our own words) and evidence "
        "(official, mirror, press or secondary)\n"
    )
    lines.append(_dump("provenance", "extracted"))
    if source:
        lines.append(_dump("sources", [source]))
    else:
        lines.append("# TODO(reviewer): sources: the id of the source record of this text\n")
    return lines


def _source_draft(extraction: Extraction, ident: str) -> list[str]:
    url = extraction.source_url or ""
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    publisher = next((name for suffix, name in _PUBLISHERS.items() if host.endswith(suffix)), None)
    lines = [f"# records/sources/{ident}.yaml\n", _dump("id", ident), _dump("url", url)]
    if publisher:
        lines.append(_dump("publisher", publisher))
    else:
        lines.append(f"# TODO(reviewer): publisher of {host or 'the page'}\n")
    lines.append(_dump("kind", "press" if extraction.secondary else "official"))
    lines.append(_dump("title", extraction.document.title or host or "Untitled"))
    if extraction.document.date_line:
        lines.append(_dump("published", extraction.document.date_line))
    lines.append(_dump("language", extraction.document.language))
    return lines


def render_drafts(extraction: Extraction) -> str:
    """Every draft, each YAML document preceded by the comment naming its file."""
    documents: list[list[str]] = []
    url, language = extraction.source_url, extraction.document.language
    source = source_id(url, language) if url else None
    if source:
        documents.append(_source_draft(extraction, source))
    seen: dict[str, int] = {}
    several = len(extraction.meetings) > 1
    for meeting in extraction.meetings:
        ident = meeting_id(meeting, session=several, families=extraction.families)
        seen[ident] = seen.get(ident, 0) + 1
        if seen[ident] > 1:
            ident = f"{ident}-{seen[ident]}"
        documents.append(_meeting_draft(extraction, meeting, ident, source))
    if not documents:
        return "# No meeting was found: no draft records.\n"
    return "---\n".join("".join(lines) for lines in documents)
