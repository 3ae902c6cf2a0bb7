"""What sort of meeting a phrase names ("courtesy call", "電話会談") and how people met.

>>> [k.kind.value for k in find_kinds("held a small group meeting and a plenary meeting")]
['small_group_meeting', 'plenary_meeting']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import MeetingKind, Mode

_PHRASES: tuple[tuple[MeetingKind, str], ...] = (
    (MeetingKind.SMALL_GROUP_MEETING, r"small[\s-]group\s+(?:meeting|session|talks?)"),
    (MeetingKind.SMALL_GROUP_MEETING, r"(?:meeting|talks?)\s+in\s+a\s+small\s+group"),
    (MeetingKind.SMALL_GROUP_MEETING, r"restricted\s+(?:meeting|session)|tête-à-tête"),
    (MeetingKind.SMALL_GROUP_MEETING, r"少人数(?:会合|会談|会議)"),
    (MeetingKind.PLENARY_MEETING, r"plenary\s+(?:meeting|session)|expanded\s+meeting"),
    (MeetingKind.PLENARY_MEETING, r"全体会合|全体会談|拡大会合|拡大会談"),
    (MeetingKind.WORKING_LUNCH, r"working\s+lunch(?:eon)?|lunch(?:eon)?\s+meeting|\bluncheon\b"),
    (MeetingKind.WORKING_LUNCH, r"ワーキング・?ランチ|昼食会"),
    # The spec's kinds have no dinner or breakfast: such a session is "other".
    (MeetingKind.OTHER, r"working\s+(?:dinner|breakfast)|dinner\s+meeting"),
    (MeetingKind.OTHER, r"ワーキング・?(?:ディナー|ブレックファスト)|夕食会"),
    (MeetingKind.TELEPHONE_TALK, r"(?:tele)?phone\s+(?:talks?|conversation|call|meeting)"),
    (MeetingKind.TELEPHONE_TALK, r"\bby\s+telephone|teleconference|電話会談|電話会議"),
    (MeetingKind.VIDEO_CONFERENCE, r"video\s*-?\s*(?:tele)?conference|video\s+(?:call|meeting)"),
    (MeetingKind.VIDEO_CONFERENCE, r"video\s+talks?|online\s+(?:meeting|talks?|summit)"),
    (MeetingKind.VIDEO_CONFERENCE, r"テレビ会議|ビデオ会議|テレビ会談|オンライン会談"),
    (MeetingKind.COURTESY_CALL, r"courtesy\s+call|表敬"),
    (MeetingKind.SUMMIT_MEETING, r"summit\s+(?:meeting|talks?|telephone\s+talk)|首脳会談"),
    (MeetingKind.FOREIGN_MINISTERS_MEETING,
     r"foreign\s+ministers?(?:'|’)?s?(?:'|’)?\s+(?:meeting|talks?)|foreign\s+ministerial\s+meeting"
     r"|外相会談|外務大臣会談"),
)  # fmt: skip

_KIND_RE = re.compile(
    "|".join(f"(?P<k{i}>{pattern})" for i, (_, pattern) in enumerate(_PHRASES)), re.IGNORECASE
)
# Every phrase above contains one of these (lower-cased) words.
_KEYWORDS = (
    "group", "restricted", "tête", "plenary", "expanded", "lunch", "dinner", "breakfast",
    "phone", "teleconference", "video", "online", "courtesy", "summit", "ministers",
    "ministerial", "minister's", "minister meeting", "minister talk",
    "少人数", "全体", "拡大", "ワーキング", "昼食", "夕食", "電話", "テレビ", "ビデオ",
    "オンライン", "表敬", "首脳", "外相", "外務大臣",
)  # fmt: skip
SESSION_KINDS = frozenset(
    {
        MeetingKind.SMALL_GROUP_MEETING,
        MeetingKind.PLENARY_MEETING,
        MeetingKind.WORKING_LUNCH,
        MeetingKind.OTHER,
    }
)
"""Kinds that name one session of a visit (and so override the document's kind)."""


@dataclass(frozen=True)
class KindPhrase:
    """A phrase naming a kind of meeting, and where it is."""

    kind: MeetingKind
    start: int
    end: int


_CANDIDATE = re.compile(r"[A-Za-zê]+|[少全拡ワ昼夕電テビオ表首外]")
# The first word (lower-cased) or character of every phrase in _PHRASES.
_FIRST_WORD_LIST = """
    small meeting talks talk restricted tête plenary expanded working lunch luncheon dinner
    telephone phone by teleconference video online courtesy summit foreign
    少 全 拡 ワ 昼 夕 電 テ ビ オ 表 首 外
"""
_FIRST_WORDS = frozenset(_FIRST_WORD_LIST.split())


def _kind_matches(text: str, start: int, stop: int) -> list[re.Match[str]]:
    """What _KIND_RE.finditer gives, tried only where a phrase can begin (faster)."""
    matches = []
    position = start
    for word in _CANDIDATE.finditer(text, start, stop):
        if word.start() < position or word.group().lower() not in _FIRST_WORDS:
            continue
        match = _KIND_RE.match(text, word.start(), stop)
        if match is not None:
            matches.append(match)
            position = match.end()
    return matches


def find_kinds(text: str, start: int = 0, end: int | None = None) -> list[KindPhrase]:
    """Every kind phrase in text[start:end], in order."""
    stop = len(text) if end is None else end
    found: list[KindPhrase] = []
    lowered = text[start:stop].lower()
    if not any(word in lowered for word in _KEYWORDS):
        return found  # most sentences name no kind of meeting: skip the costly pattern
    for match in _kind_matches(text, start, stop):
        index = int((match.lastgroup or "k0")[1:])
        kind = _PHRASES[index][0]
        # "summit telephone talk" names a telephone talk between leaders.
        if kind is MeetingKind.SUMMIT_MEETING and "telephone" in match.group().lower():
            kind = MeetingKind.TELEPHONE_TALK
        found.append(KindPhrase(kind, match.start(), match.end()))
    return found


def mode_of(kind: MeetingKind) -> Mode:
    """How people met in a meeting of this kind."""
    if kind is MeetingKind.TELEPHONE_TALK:
        return Mode.TELEPHONE
    if kind is MeetingKind.VIDEO_CONFERENCE:
        return Mode.VIDEO
    return Mode.IN_PERSON


_HEAD_TITLES = re.compile(
    r"(?i:\bprime\s+minister\b|\bpresident\b(?!\s+of\s+the\s+(?:japan|peruvian|congress|"
    r"association|foundation))|\bemperor\b|\bking\b)|総理|首相|大統領"
)
_FM_TITLES = re.compile(
    r"(?i:foreign\s+minister|minister\s+(?:for|of)\s+foreign\s+(?:affairs|relations))|外務大臣|外相"
)


def kind_from_titles(titles: list[str | None]) -> MeetingKind | None:
    """Summit or foreign ministers' meeting when every principal's title says so.

    A "counterpart" has the rank of the other principal.
    """
    ranked = [t for t in titles if t and t != "counterpart"]
    filled = [t if t != "counterpart" else (ranked[0] if ranked else None) for t in titles]
    present = [t for t in filled if t]
    if len(present) < 2 or len(present) != len(titles):
        return None
    if all(
        _FM_TITLES.search(t) and not re.search(r"(?i:vice|state|parliamentary)|副|政務官", t)
        for t in present
    ):
        return MeetingKind.FOREIGN_MINISTERS_MEETING
    if all(_HEAD_TITLES.search(t) and not re.search(r"(?i:vice)|副", t) for t in present):
        return MeetingKind.SUMMIT_MEETING
    return None
