"""The grammar of time, date and duration clauses in English and Japanese releases.

A small tokenizer (one named sub-pattern per kind of token: dates, clock times, durations,
zone labels, brackets) and a parser that composes tokens into clauses by what lies between
them (fillers such as "commencing at", separators such as ";" inside brackets).

>>> [c.start.as_hhmm() for c in find_clauses(
...     "commencing at 10 a.m. (local time; 12 a.m. on August 15, Japan time)")]
['10:00']
>>> clause = find_clauses("現地時間8月14日午前10時(日本時間8月15日午前12時)から約2時間30分")[0]
>>> clause.duration.minutes
150
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

from .text import fold, sentence_spans

# --- token patterns -------------------------------------------------------------------------

_MONTH_NAMES = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "twenty-five": 25, "thirty": 30, "thirty-five": 35, "forty": 40,
    "forty-five": 45, "fifty": 50, "fifty-five": 55, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}

MONTH = (
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|"
    r"DECEMBER|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?"
)
WEEKDAY = (
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"Mon|Tues|Tue|Wed|Thurs|Thu|Fri|Sat|Sun)\b\.?"
)
YEAR = r"(?:1[89]|2[01])\d\d"
NUMBER = (
    r"(?:\d{1,3}(?:\.\d+)?|"
    + "|".join(sorted((w for w in _NUMBER_WORDS if len(w) > 2), key=len, reverse=True))
    + ")"
)
APPROX = r"(?i:\b(?:approximately|approx\.?|about|around|some|roughly|nearly|almost|circa))"
MERIDIEM = r"(?i:a\.\s?m\.?|p\.\s?m\.?|a\.m|p\.m|am|pm)(?![A-Za-z])"

_SAME_DAY = r"(?P<same_day>同日|(?i:\bthe\s+same\s+day\b))"
_DATE_JA = (
    r"(?P<date_ja>(?:(?P<era>令和|平成|昭和)\s*(?P<era_year>\d{1,2}|元)\s*年\s*"
    r"|(?P<ja_year>\d{4})\s*年\s*)?(?:(?P<ja_month>\d{1,2})\s*月\s*)?"
    r"(?P<ja_day>\d{1,2})\s*日(?!間)(?:\s*\(\s*[月火水木金土日]\s*\))?)"
)
_TIME_JA = (
    r"(?P<time_ja>(?:(?P<ja_mer>午前|午後)\s*)?(?P<ja_hour>\d{1,2})\s*時(?!間)"
    r"\s*(?:(?P<ja_min>\d{1,2})\s*分(?!間)|(?P<ja_half>半))?|(?P<ja_noon>正午))"
)
_DURATION_JA = (
    r"(?P<dur_ja>(?P<ja_approx>約|およそ|凡そ)?\s*"
    r"(?:(?P<ja_dh>\d{1,2})\s*時間\s*(?:(?P<ja_dhm>\d{1,2})\s*分|(?P<ja_dhalf>半))?"
    r"|(?P<ja_dm>\d{1,3})\s*分)(?:間)?(?P<ja_approx2>程度|ほど|余り)?)"
)
_DATE_ISO = (
    r"(?P<date_iso>(?<![\d.])(?P<iso_y>" + YEAR + r")(?P<iso_sep>[-/.])(?P<iso_m>\d{1,2})"
    r"(?P=iso_sep)(?P<iso_d>\d{1,2})(?![\d:]))"
)
_DATE_MDY = (
    r"(?P<date_mdy>(?:" + WEEKDAY + r",?\s+)?(?P<mdy_month>" + MONTH + r")\s*"
    r"(?P<mdy_day>\d{1,2})(?:st|nd|rd|th)?(?![\d:])(?:\s*\(\s*" + WEEKDAY + r"\s*\))?"
    r"(?:,?\s+(?P<mdy_year>" + YEAR + r")(?!\d))?(?:\s*\(\s*" + WEEKDAY + r"\s*\))?)"
)
_DATE_DMY = (
    r"(?P<date_dmy>(?:" + WEEKDAY + r",?\s+)?(?<![\d:.])(?P<dmy_day>\d{1,2})(?:st|nd|rd|th)?"
    r"\s+(?:of\s+)?(?P<dmy_month>" + MONTH + r")(?:,?\s+(?P<dmy_year>" + YEAR + r")(?!\d))?)"
)
_DURATION_EN = (
    r"(?P<dur_en>(?:(?P<en_approx>" + APPROX + r")\s+)?(?:"
    r"(?P<en_dh>" + NUMBER + r"|\ban?\b)(?P<en_half1>\s+and\s+a\s+half)?[\s-]*"
    r"(?:hours?|hrs?\b\.?)(?P<en_half2>\s+and\s+a\s+half)?"
    r"(?:,?\s*(?:and\s+)?(?P<en_dhm>" + NUMBER + r")[\s-]*(?:minutes?|mins?\b\.?))?"
    r"|(?P<en_halfhour>half\s+an\s+hour)"
    r"|(?P<en_dm>" + NUMBER + r")[\s-]*(?:minutes?|mins?\b\.?))(?![A-Za-z]))"
)
_TIME_EN = (
    r"(?P<time_en>(?<![\d.:])(?P<en_hour>\d{1,2})(?:[:.](?P<en_min>[0-5]\d))?\s*"
    r"(?P<en_mer>" + MERIDIEM + r"|noon\b|midnight\b)"
    r"|(?<![\d.:])(?P<en_hour24>\d{1,2}):(?P<en_min24>[0-5]\d)(?![\d:])"
    r"|(?P<en_word>\bnoon\b|\bmidnight\b))"
)
_LABEL_JAPAN = (
    r"(?P<label_japan>(?i:\bJapan(?:ese)?\s+Standard\s+Time\b|\bJapan(?:ese)?\s+time\b"
    r"|\bTokyo\s+(?:local\s+)?time\b)|\bJ\.?S\.?T\b\.?|日本時間|東京時間)"
)
_LABEL_LOCAL = r"(?P<label_local>(?i:\blocal\s+time\b)|現地時間)"
_LABEL_PLACE = (
    r"(?P<label_place>\b(?P<place_name>[A-Z][a-zé]+(?:\s[A-Z][a-zé]+)?)\s+(?:local\s+)?time\b)"
)
_BRACKETS = r"(?P<lparen>\()|(?P<rparen>\))"

_TOKEN = re.compile(
    "|".join(
        (_SAME_DAY, _DATE_JA, _TIME_JA, _DURATION_JA, _DATE_ISO, _DATE_MDY, _DATE_DMY,
         _DURATION_EN, _TIME_EN, _LABEL_JAPAN, _LABEL_LOCAL, _LABEL_PLACE, _BRACKETS)
    )
)  # fmt: skip

# Where a token can start: a run of digits, a bracket, one of a few Japanese characters, or a
# word from this list (lower-cased). Trying the token pattern only there is much faster than
# letting finditer try it at every character, and finds the same tokens.
_CANDIDATE = re.compile(r"[A-Za-zé]+|[0-9]+|[()]|[同正午令平昭約お凡現日東]")
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzé")
_OTHER_TRIGGER_WORDS = """
    monday tuesday wednesday thursday friday saturday sunday mon tues tue wed thurs thu fri sat
    sun the approximately approx about around some roughly nearly almost circa half noon
    midnight local japan japanese tokyo jst j
"""
_TRIGGER_WORDS = frozenset([*_MONTH_NAMES, *_NUMBER_WORDS, *_OTHER_TRIGGER_WORDS.split()])

# What may lie between a date or label and the clock time it belongs to.
_FILLER_BEFORE = re.compile(
    r"(?:[\s,、:]|(?i:\b(?:on|at|from|commencing|starting|beginning|began|begun|started|"
    r"since|held|and|of|the\s+same\s+day)\b))*"
)
_FILLER_AFTER = re.compile(r"[\s,、]*(?:まで)?[\s,、]*")
_FILLER_DATE_AFTER = re.compile(r"\s*(?:(?i:on)\s+|,\s*)?")
_RANGE_GAP = re.compile(r"\s*(?:(?i:to|until|till|through|thru|and)|-|~|〜|から|より)\s*")
_UNTIL_JA = re.compile(r"\s*まで")
_SEGMENT_SEP = re.compile(r"[;:,、]")
_START_WORDS = re.compile(
    r"(?i:\b(?:commencing|starting|beginning|from)\b(?:\s+at)?\s*$)|(?i:\bat\s*$)"
)
_START_WORDS_JA = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:から|より)")

MAX_PAREN = 160
MAX_DURATION_GAP = 200


class TokenKind(StrEnum):
    """The kinds of token the clause grammar is built from."""

    DATE = "date"
    SAME_DAY = "same_day"
    TIME = "time"
    DURATION = "duration"
    LABEL = "label"
    LPAREN = "lparen"
    RPAREN = "rparen"


class ZoneKind(StrEnum):
    """Whose wall clock a time is said to be on."""

    LOCAL = "local"
    JAPAN = "japan"
    PLACE = "place"


@dataclass(frozen=True)
class DateValue:
    """A calendar date as printed: the year and month may be missing."""

    year: int | None
    month: int | None
    day: int
    start: int
    end: int

    def resolve(self, reference: dt.date | None, *, after: dt.date | None = None) -> dt.date | None:
        """The full date, filling year (and month) from a reference date near it.

        `after` is a date this one follows closely (a Japan date after the local one); without
        it, the year is the reference's, moved back a year if that puts it months after.
        """
        if after is not None:
            month = self.month or after.month
            year = self.year or after.year
            candidate = _safe_date(year, month, self.day)
            if candidate is not None and self.year is None and candidate < after - dt.timedelta(2):
                # "on January 1" in Japan for a December 31 meeting, or "14日" next month.
                bumped = (year + 1, month) if self.month else _next_month(year, month)
                candidate = _safe_date(bumped[0], bumped[1], self.day)
            return candidate
        if self.month is None:
            if reference is None:
                return None
            return _safe_date(reference.year, reference.month, self.day)
        if self.year is not None:
            return _safe_date(self.year, self.month, self.day)
        if reference is None:
            return None
        candidate = _safe_date(reference.year, self.month, self.day)
        if candidate is not None and candidate > reference + dt.timedelta(days=62):
            candidate = _safe_date(reference.year - 1, self.month, self.day)
        return candidate


@dataclass(frozen=True)
class TimeValue:
    """A clock time as printed, with its meridiem if any."""

    hour: int
    minute: int
    meridiem: str | None
    start: int
    end: int

    def with_meridiem(self, meridiem: str | None) -> TimeValue:
        """The same time read with another meridiem (for "5:00 to 5:20 p.m.")."""
        return TimeValue(self.hour, self.minute, meridiem, self.start, self.end)

    def hhmm(self) -> tuple[int, int] | None:
        """24-hour (hour, minute); None when the printed value is no time of day."""
        return to_24h(self.hour, self.minute, self.meridiem)

    def as_hhmm(self) -> str | None:
        """'HH:MM', 24-hour."""
        value = self.hhmm()
        return None if value is None else f"{value[0]:02d}:{value[1]:02d}"


@dataclass(frozen=True)
class DurationValue:
    """A printed duration in minutes, and whether it was qualified as approximate."""

    minutes: int
    approximate: bool
    start: int
    end: int


@dataclass(frozen=True)
class Label:
    """A zone label: local time, Japan time, or a named place's time."""

    kind: ZoneKind
    place: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Token:
    """One token of the clause grammar and its span in the folded text."""

    kind: TokenKind
    start: int
    end: int
    value: DateValue | TimeValue | DurationValue | Label | None = None


@dataclass
class Reading:
    """One printed reading of a start time: the time, its zone label and its date."""

    time: TimeValue
    label: Label | None = None
    date: DateValue | None = None
    same_day: bool = False


@dataclass
class Clause:
    """A start time with what the text attaches to it: end, date, zones, duration."""

    start: TimeValue
    span: tuple[int, int]
    end: TimeValue | None = None
    label: Label | None = None
    date: DateValue | None = None
    same_day: bool = False
    alternates: list[Reading] = field(default_factory=list)
    duration: DurationValue | None = None
    explicit_start: bool = False

    def main(self) -> Reading:
        """The first-printed reading of the start time."""
        return Reading(self.start, self.label, self.date, self.same_day)

    def readings(self) -> list[Reading]:
        """Every reading of the start time, first-printed first."""
        return [self.main(), *self.alternates]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _next_month(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def to_24h(hour: int, minute: int, meridiem: str | None) -> tuple[int, int] | None:
    """Read a printed clock time on the 24-hour clock.

    >>> to_24h(12, 0, "am"), to_24h(12, 10, "pm"), to_24h(0, 55, "pm"), to_24h(0, 50, "am")
    ((0, 0), (12, 10), (12, 55), (0, 50))
    """
    if minute > 59:
        return None
    if meridiem == "noon":
        return (12, minute) if hour in (0, 12) else None
    if meridiem == "midnight":
        return (0, minute) if hour in (0, 12) else None
    if meridiem == "am":
        if hour == 12:
            return 0, minute
        return (hour, minute) if hour <= 12 else None
    if meridiem == "pm":
        if hour in (0, 12):
            return 12, minute
        return (hour + 12, minute) if hour < 12 else ((hour, minute) if hour < 24 else None)
    return (hour, minute) if hour < 24 else None


def _number(word: str) -> float | None:
    word = word.strip().lower()
    if word in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[word])
    try:
        return float(word)
    except ValueError:
        return None


def _meridiem(raw: str | None) -> str | None:
    if not raw:
        return None
    first = raw.strip().lower()
    if first.startswith("noon"):
        return "noon"
    if first.startswith("midnight"):
        return "midnight"
    return "am" if first.startswith("a") else "pm"


def _month(raw: str) -> int:
    return _MONTH_NAMES[raw.rstrip(".").lower()]


def _token(match: re.Match[str]) -> Token | None:
    kind = match.lastgroup
    start, end = match.span()
    g = match.group
    if kind == "same_day":
        return Token(TokenKind.SAME_DAY, start, end)
    if kind == "date_ja":
        year = None
        if g("era"):
            era_year = 1 if g("era_year") == "元" else int(g("era_year"))
            year = _ERAS[g("era")] + era_year
        elif g("ja_year"):
            year = int(g("ja_year"))
        month = int(g("ja_month")) if g("ja_month") else None
        return _date_token(year, month, int(g("ja_day")), start, end)
    if kind == "date_iso":
        return _date_token(int(g("iso_y")), int(g("iso_m")), int(g("iso_d")), start, end)
    if kind == "date_mdy":
        year = int(g("mdy_year")) if g("mdy_year") else None
        return _date_token(year, _month(g("mdy_month")), int(g("mdy_day")), start, end)
    if kind == "date_dmy":
        year = int(g("dmy_year")) if g("dmy_year") else None
        return _date_token(year, _month(g("dmy_month")), int(g("dmy_day")), start, end)
    if kind == "time_ja":
        if g("ja_noon"):
            return Token(TokenKind.TIME, start, end, TimeValue(12, 0, "noon", start, end))
        minute = 30 if g("ja_half") else int(g("ja_min") or 0)
        mer = {"午前": "am", "午後": "pm"}.get(g("ja_mer") or "")
        return _time_token(int(g("ja_hour")), minute, mer, start, end)
    if kind == "time_en":
        if g("en_word"):
            mer = g("en_word").lower()
            return Token(TokenKind.TIME, start, end, TimeValue(12, 0, mer, start, end))
        if g("en_hour24"):
            return _time_token(int(g("en_hour24")), int(g("en_min24")), None, start, end)
        return _time_token(
            int(g("en_hour")), int(g("en_min") or 0), _meridiem(g("en_mer")), start, end
        )
    if kind == "dur_ja":
        if g("ja_dm"):
            minutes = int(g("ja_dm"))
        else:
            minutes = int(g("ja_dh")) * 60 + (30 if g("ja_dhalf") else int(g("ja_dhm") or 0))
        approximate = bool(g("ja_approx") or g("ja_approx2"))
        return _duration_token(minutes, approximate, start, end)
    if kind == "dur_en":
        return _duration_en(match)
    if kind == "label_japan":
        return Token(TokenKind.LABEL, start, end, Label(ZoneKind.JAPAN, None, start, end))
    if kind == "label_local":
        return Token(TokenKind.LABEL, start, end, Label(ZoneKind.LOCAL, None, start, end))
    if kind == "label_place":
        name = g("place_name")
        return Token(TokenKind.LABEL, start, end, Label(ZoneKind.PLACE, name, start, end))
    if kind == "lparen":
        return Token(TokenKind.LPAREN, start, end)
    if kind == "rparen":
        return Token(TokenKind.RPAREN, start, end)
    return None


def _date_token(
    year: int | None, month: int | None, day: int, start: int, end: int
) -> Token | None:
    if not 1 <= day <= 31 or (month is not None and not 1 <= month <= 12):
        return None
    if year is not None and month is not None and _safe_date(year, month, day) is None:
        return None
    return Token(TokenKind.DATE, start, end, DateValue(year, month, day, start, end))


def _time_token(hour: int, minute: int, meridiem: str | None, start: int, end: int) -> Token | None:
    if to_24h(hour, minute, meridiem) is None:
        return None
    return Token(TokenKind.TIME, start, end, TimeValue(hour, minute, meridiem, start, end))


def _duration_token(minutes: int, approximate: bool, start: int, end: int) -> Token | None:
    if not 1 <= minutes <= 1440:
        return None
    return Token(TokenKind.DURATION, start, end, DurationValue(minutes, approximate, start, end))


def _duration_en(match: re.Match[str]) -> Token | None:
    g = match.group
    start, end = match.span()
    if g("en_halfhour"):
        minutes = 30.0
    elif g("en_dh"):
        hours = _number(g("en_dh"))
        if hours is None:
            return None
        if g("en_half1") or g("en_half2"):
            hours += 0.5
        extra = _number(g("en_dhm")) if g("en_dhm") else 0.0
        minutes = hours * 60 + (extra or 0.0)
    else:
        value = _number(g("en_dm"))
        if value is None:
            return None
        minutes = value
    return _duration_token(round(minutes), bool(g("en_approx")), start, end)


def tokenize(folded: str) -> list[Token]:
    """Every token of the clause grammar in a folded text, in order."""
    return list(_tokens(folded))


@lru_cache(maxsize=32)
def _tokens(folded: str) -> tuple[Token, ...]:
    tokens = []
    position = 0
    previous: list[int] = []  # starts of the last two words, for "<Place> time" labels
    match_token = _TOKEN.match
    for candidate in _CANDIDATE.finditer(folded):
        start = candidate.start()
        word = candidate.group()
        starts = [start]
        if word[0] in _LETTERS:
            lowered = word.lower()
            if lowered == "time":
                starts = [*previous, start]
            elif lowered not in _TRIGGER_WORDS:
                starts = []
            previous = [*previous[-1:], start]
        for begin in starts:
            if begin < position:
                continue
            match = match_token(folded, begin)
            if match is None:
                continue
            token = _token(match)
            if token is not None:
                tokens.append(token)
            position = max(match.end(), begin + 1)
            break
    return tuple(tokens)


def tokenize_slowly(folded: str) -> list[Token]:
    """The same tokens as tokenize(), by trying every position (the reference for tests)."""
    return [t for t in (_token(m) for m in _TOKEN.finditer(folded)) if t is not None]


# --- parser ---------------------------------------------------------------------------------


class _Parser:
    """Composes clauses from the token stream of one folded text."""

    def __init__(self, folded: str) -> None:
        self.text = folded
        self.tokens = tokenize(folded)
        self.used: set[int] = set()
        self.breaks = [end - 1 for _, end in sentence_spans(folded)[:-1]]

    def gap(self, left: int, right: int) -> str:
        return self.text[self.tokens[left].end : self.tokens[right].start]

    def same_sentence(self, a: int, b: int) -> bool:
        lo, hi = min(a, b), max(a, b)
        return not any(lo <= pos < hi for pos in self.breaks)

    def closing(self, index: int) -> int | None:
        """Index of the ")" matching the "(" at index, within MAX_PAREN characters."""
        depth = 0
        for k in range(index, len(self.tokens)):
            token = self.tokens[k]
            if token.start - self.tokens[index].start > MAX_PAREN:
                return None
            if token.kind is TokenKind.LPAREN:
                depth += 1
            elif token.kind is TokenKind.RPAREN:
                depth -= 1
                if depth == 0:
                    return k
        return None

    def opening(self, index: int) -> int | None:
        """Index of the "(" matching the ")" at index, within MAX_PAREN characters."""
        depth = 0
        for k in range(index, -1, -1):
            token = self.tokens[k]
            if self.tokens[index].end - token.end > MAX_PAREN:
                return None
            if token.kind is TokenKind.RPAREN:
                depth += 1
            elif token.kind is TokenKind.LPAREN:
                depth -= 1
                if depth == 0:
                    return k
        return None

    def parse(self) -> list[Clause]:
        clauses: list[Clause] = []
        for index, token in enumerate(self.tokens):
            if token.kind is TokenKind.TIME and index not in self.used:
                clause = self.clause(index)
                if clause is not None:
                    clauses.append(clause)
        return clauses

    def clause(self, index: int) -> Clause | None:
        start = self.tokens[index].value
        assert isinstance(start, TimeValue)
        self.used.add(index)
        clause = Clause(start, (start.start, start.end))
        last = index
        last = self.range_end(clause, last)
        last = self.after(clause, last)
        self.before(clause, index)
        if clause.date is None and not clause.same_day:
            clause.date = self.sentence_date(index)
        self.attach_duration(clause, last)
        prefix = self.text[max(0, start.start - 30) : start.start]
        suffix = self.text[self.tokens[last].end : self.tokens[last].end + 12]
        clause.explicit_start = bool(_START_WORDS.search(prefix) or _START_WORDS_JA.match(suffix))
        if clause.end is not None or clause.duration is not None:
            clause.explicit_start = True
        ends = [clause.span[1], self.tokens[last].end]
        if clause.duration is not None:
            ends.append(clause.duration.end)
        clause.span = (clause.span[0], max(ends))
        return clause

    def range_end(self, clause: Clause, last: int) -> int:
        nxt = last + 1
        if nxt >= len(self.tokens) or self.tokens[nxt].kind is not TokenKind.TIME:
            return last
        if not _RANGE_GAP.fullmatch(self.gap(last, nxt)):
            return last
        end = self.tokens[nxt].value
        assert isinstance(end, TimeValue)
        start = clause.start
        if start.meridiem is None and end.meridiem in ("am", "pm"):
            shared = start.with_meridiem(end.meridiem)
            a, b = shared.hhmm(), end.hhmm()
            if a is not None and b is not None and a > b and end.meridiem == "pm":
                shared = start.with_meridiem("am")
            start = shared if shared.hhmm() is not None else start
        elif end.meridiem is None and start.meridiem in ("am", "pm"):
            candidate = end.with_meridiem(start.meridiem)
            if candidate.hhmm() is not None:
                end = candidate
        clause.start = start
        clause.end = end
        self.used.add(nxt)
        until = _UNTIL_JA.match(self.text, end.end)
        span_end = until.end() if until else end.end
        clause.span = (clause.span[0], span_end)
        return nxt

    def after(self, clause: Clause, last: int) -> int:
        """Labels, bracketed alternates and a trailing date after the start time."""
        k = last + 1
        while k < len(self.tokens):
            token = self.tokens[k]
            gap = self.gap(k - 1, k)
            if token.kind is TokenKind.LABEL and _FILLER_AFTER.fullmatch(gap):
                assert isinstance(token.value, Label)
                if clause.label is None:
                    clause.label = token.value
                elif clause.alternates and clause.alternates[-1].label is None:
                    clause.alternates[-1].label = token.value
                else:
                    break
                self.used.add(k)
                last = k
                k += 1
            elif token.kind is TokenKind.LPAREN and _FILLER_AFTER.fullmatch(gap):
                close = self.closing(k)
                if close is None or not self.bracket(clause, k, close):
                    break
                last = close
                k = close + 1
            elif (
                token.kind is TokenKind.DATE
                and clause.date is None
                and _FILLER_DATE_AFTER.fullmatch(gap)
                and not self.starts_other_clause(k)
            ):
                assert isinstance(token.value, DateValue)
                clause.date = token.value
                self.used.add(k)
                last = k
                k += 1
            else:
                break
        return last

    def starts_other_clause(self, k: int) -> bool:
        """A date directly followed by a clock time belongs to that time, not the one before."""
        nxt = k + 1
        return (
            nxt < len(self.tokens)
            and self.tokens[nxt].kind is TokenKind.TIME
            and bool(_FILLER_BEFORE.fullmatch(self.gap(k, nxt)))
        )

    def bracket(self, clause: Clause, open_: int, close: int) -> bool:
        """Read "(local time; 1:35 a.m. on May 4 JST)": labels for the start, alternates."""
        inner = list(range(open_ + 1, close))
        if any(
            self.tokens[k].kind
            not in (TokenKind.LABEL, TokenKind.TIME, TokenKind.DATE, TokenKind.SAME_DAY)
            for k in inner
        ):
            return False
        if not inner:
            return False
        segments: list[list[int]] = [[]]
        previous = open_
        for k in inner:
            if _SEGMENT_SEP.search(self.gap(previous, k)) and segments[-1]:
                segments.append([])
            segments[-1].append(k)
            previous = k
        current: Reading | None = None
        for segment in segments:
            kinds = [self.tokens[k].kind for k in segment]
            if TokenKind.TIME not in kinds:
                for k in segment:
                    value = self.tokens[k].value
                    if isinstance(value, Label):
                        target_label = current.label if current else clause.label
                        if target_label is None:
                            if current is not None:
                                current.label = value
                            else:
                                clause.label = value
                    elif isinstance(value, DateValue):
                        if current is not None and current.date is None:
                            current.date = value
                        elif current is None and clause.date is None:
                            clause.date = value
                continue
            times = [k for k in segment if self.tokens[k].kind is TokenKind.TIME]
            time = self.tokens[times[0]].value
            assert isinstance(time, TimeValue)
            current = Reading(time)
            for k in segment:
                value = self.tokens[k].value
                if isinstance(value, Label) and current.label is None:
                    current.label = value
                elif isinstance(value, DateValue) and current.date is None:
                    current.date = value
                elif self.tokens[k].kind is TokenKind.SAME_DAY:
                    current.same_day = True
            clause.alternates.append(current)
        self.used.update(range(open_, close + 1))
        return True

    def before(self, clause: Clause, index: int) -> None:
        """Date and label printed before the start time ("現地時間8月14日午前10時")."""
        k = index - 1
        while k >= 0:
            token = self.tokens[k]
            if k in self.used or not _FILLER_BEFORE.fullmatch(self.gap(k, k + 1)):
                return
            if token.kind is TokenKind.LABEL:
                assert isinstance(token.value, Label)
                if clause.label is None:
                    clause.label = token.value
            elif token.kind is TokenKind.DATE and clause.date is None and not clause.same_day:
                assert isinstance(token.value, DateValue)
                clause.date = token.value
            elif token.kind is TokenKind.SAME_DAY and clause.date is None:
                clause.same_day = True
            elif token.kind is TokenKind.RPAREN:
                open_ = self.opening(k)
                if open_ is None:
                    return
                inner = [self.tokens[j] for j in range(open_ + 1, k)]
                if not inner or any(t.kind is not TokenKind.LABEL for t in inner):
                    return
                if clause.label is None and isinstance(inner[0].value, Label):
                    clause.label = inner[0].value
                self.used.update(range(open_, k + 1))
                k = open_
            else:
                return
            self.used.add(k)
            clause.span = (min(clause.span[0], token.start), clause.span[1])
            k -= 1

    def sentence_date(self, index: int) -> DateValue | None:
        """The nearest date earlier in the same sentence that no other time has claimed."""
        for k in range(index - 1, -1, -1):
            token = self.tokens[k]
            if not self.same_sentence(token.start, self.tokens[index].start):
                return None
            if token.kind is TokenKind.DATE and k not in self.used:
                assert isinstance(token.value, DateValue)
                return token.value
        return None

    def attach_duration(self, clause: Clause, last: int) -> None:
        """The first duration after the clause, before any other time, in the same sentence."""
        origin = self.tokens[last].end
        for k in range(last + 1, len(self.tokens)):
            token = self.tokens[k]
            if token.kind is TokenKind.TIME or token.start - origin > MAX_DURATION_GAP:
                break
            if not self.same_sentence(origin, token.start):
                break
            if token.kind is TokenKind.DURATION and k not in self.used:
                assert isinstance(token.value, DurationValue)
                clause.duration = token.value
                self.used.add(k)
                return
        # "The 30-minute meeting began at 4 p.m.": a duration printed before the start time.
        first = next(i for i, t in enumerate(self.tokens) if t.start == clause.start.start)
        for k in range(first - 1, -1, -1):
            token = self.tokens[k]
            if token.kind is TokenKind.TIME or not self.same_sentence(token.start, origin):
                return
            if token.kind is TokenKind.DURATION and k not in self.used:
                assert isinstance(token.value, DurationValue)
                clause.duration = token.value
                self.used.add(k)
                return


def find_clauses(folded: str) -> list[Clause]:
    """Every start-time clause of a folded text, in text order."""
    return _Parser(folded).parse()


def find_durations(folded: str) -> list[DurationValue]:
    """Every printed duration in a folded text (for meetings timed by duration only)."""
    return [t.value for t in _tokens(folded) if isinstance(t.value, DurationValue)]


def find_dates(folded: str) -> list[DateValue]:
    """Every printed date in a folded text, in order."""
    return [t.value for t in _tokens(folded) if isinstance(t.value, DateValue)]


def parse_full_date(line: str) -> dt.date | None:
    """A line that is nothing but a full date ("May 3, 2023", "令和5年5月3日"), else None.

    >>> parse_full_date("令和元年5月22日")
    datetime.date(2019, 5, 22)
    """
    stripped = line.strip().strip("()[]").strip()
    if not stripped or len(stripped) > 40:
        return None
    match = _TOKEN.fullmatch(stripped)
    if match is None:
        return None
    token = _token(match)
    if token is None or not isinstance(token.value, DateValue):
        return None
    value = token.value
    if value.year is None or value.month is None:
        return None
    return _safe_date(value.year, value.month, value.day)


def date_line_index(lines: Sequence[str]) -> int | None:
    """Index of the first line that is a date (the page's date line), if any."""
    for index, line in enumerate(lines):
        # A date line is short and has a digit; most lines are neither.
        if (
            len(line) < 48
            and any(c.isdigit() for c in line)
            and parse_full_date(fold(line)) is not None
        ):
            return index
    return None
