"""Constrained value types shared by every model: ids, partial dates, local times, zones, codes."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import zoneinfo
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, NoReturn

from pydantic import AfterValidator, BeforeValidator, Field, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
PARTIAL_DATE_PATTERN = r"^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?$"
LOCAL_TIME_PATTERN = r"^(?:[01][0-9]|2[0-3]):[0-5][0-9]$"
LOCAL_DATETIME_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T(?:[01][0-9]|2[0-3]):[0-5][0-9]$"
COUNTRY_PATTERN = r"^[A-Z]{2}$"
WIKIDATA_PATTERN = r"^Q[1-9][0-9]*$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}$"
HTTPS_URL_PATTERN = r"^https://[^\s/$.?#][^\s]*$"
TIMEZONE_PATTERN = r"^[A-Za-z_]+(?:/[A-Za-z0-9_+\-]+)+$|^UTC$"

# Characters a spreadsheet reads as the start of a formula (OWASP CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}
# Control, format (zero-width, bidirectional overrides), surrogate and line/paragraph separators.
_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
# The ASCII characters of those categories: C0 controls but the line feed, and DEL.
_ASCII_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")
_FULL_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_LOCAL_TIME = re.compile(LOCAL_TIME_PATTERN)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|&(?:[a-z]+|#[0-9]+);")


@dataclass(frozen=True)
class Ref:
    """Marks an id field as a foreign key into the named resource."""

    resource: str


def check_text(value: str) -> str:
    """Refuse text that would be unsafe or ambiguous in a published cell."""
    if not value.strip():
        raise PydanticCustomError("empty-text", "text is empty")
    if value != value.strip():
        raise PydanticCustomError("untrimmed-text", "text has leading or trailing white space")
    # Almost all text is ASCII, which is always NFC and whose only invisible characters are
    # the C0 controls and DEL: one regex search instead of a category lookup per character.
    if value.isascii():
        control = _ASCII_CONTROL.search(value)
        if control:
            _refuse_character(control.group())
    else:
        if not unicodedata.is_normalized("NFC", value):
            raise PydanticCustomError("not-nfc", "text is not in Unicode NFC form")
        for char in value:
            if char in _ZERO_WIDTH or (unicodedata.category(char) in _INVISIBLE and char != "\n"):
                _refuse_character(char)
    if value.startswith(FORMULA_PREFIXES):
        raise PydanticCustomError(
            "formula-injection",
            "starts with {char}, which a spreadsheet would run as a formula",
            {"char": repr(value[0])},
        )
    if ("<" in value or "&" in value) and _HTML_TAG.search(value):
        raise PydanticCustomError("html-in-text", "text contains HTML markup or an HTML entity")
    return value


def _refuse_character(char: str) -> NoReturn:
    raise PydanticCustomError(
        "control-character",
        "text contains the invisible or control character {char}",
        {"char": f"U+{ord(char):04X}"},
    )


def check_partial_date(value: str) -> str:
    """Accept YYYY, YYYY-MM or YYYY-MM-DD naming a real calendar date."""
    parts = [int(p) for p in value.split("-")]
    year, month, day = (
        parts[0],
        parts[1] if len(parts) > 1 else 1,
        parts[2] if len(parts) > 2 else 1,
    )
    try:
        dt.date(year, month, day)
    except ValueError:
        raise PydanticCustomError("invalid-date", "is not a real calendar date") from None
    return value


def parse_iso_date(value: Any) -> Any:
    """Read a full date only as YYYY-MM-DD: never a timestamp ('0') or a date-time."""
    if isinstance(value, str):
        if not _FULL_DATE.fullmatch(value):
            raise PydanticCustomError("invalid-date", "is not a date written YYYY-MM-DD")
        check_partial_date(value)
        return dt.date.fromisoformat(value)
    return value


def check_local_datetime(value: str) -> str:
    """Accept YYYY-MM-DDTHH:MM naming a real calendar date."""
    try:
        check_partial_date(value[:10])
    except PydanticCustomError:
        raise PydanticCustomError("invalid-datetime", "is not a real calendar date") from None
    return value


@cache
def _is_zone(name: str) -> bool:
    # Loading the one zone asked for costs a file read; zoneinfo.available_timezones() walks
    # the whole tz database (20 ms, most of a cold start). The same names pass: it also skips
    # the system's posix/ and right/ copies of every zone.
    if name.split("/", 1)[0] in {"posix", "right"}:
        return False
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def check_timezone(value: str) -> str:
    """Accept only IANA zone names the tz database knows."""
    if not _is_zone(value):
        raise PydanticCustomError("invalid-timezone", "is not an IANA time zone")
    return value


def parse_local_time(value: Any) -> Any:
    """Read 'HH:MM' (what records and the published files carry) into a time of day."""
    if isinstance(value, str):
        if not _LOCAL_TIME.fullmatch(value):
            raise PydanticCustomError("invalid-time", "is not a time of day")
        hours, minutes = value.split(":")
        return dt.time(int(hours), int(minutes))
    if isinstance(value, dt.time) and (value.second or value.microsecond or value.tzinfo):
        raise PydanticCustomError(
            "invalid-time", "a local time carries hours and minutes only, with no zone"
        )
    return value


def format_local_time(value: dt.time) -> str:
    """Write a time of day as 'HH:MM'."""
    return value.strftime("%H:%M")


Text = Annotated[str, AfterValidator(check_text)]
ShortText = Annotated[str, Field(max_length=300), AfterValidator(check_text)]
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, min_length=3, max_length=100)]
PartialDate = Annotated[
    str,
    Field(pattern=PARTIAL_DATE_PATTERN, description="A date known to the year, month or day."),
    AfterValidator(check_partial_date),
]
IsoDate = Annotated[dt.date, BeforeValidator(parse_iso_date)]
LocalDateTime = Annotated[
    str, Field(pattern=LOCAL_DATETIME_PATTERN), AfterValidator(check_local_datetime)
]
LocalTime = Annotated[
    dt.time,
    BeforeValidator(parse_local_time),
    PlainSerializer(format_local_time, return_type=str),
    WithJsonSchema({"type": "string", "pattern": LOCAL_TIME_PATTERN}),
]
CountryCode = Annotated[str, Field(pattern=COUNTRY_PATTERN)]
Timezone = Annotated[str, Field(pattern=TIMEZONE_PATTERN), AfterValidator(check_timezone)]
HttpsUrl = Annotated[str, Field(pattern=HTTPS_URL_PATTERN, max_length=2000)]
WikidataId = Annotated[str, Field(pattern=WIKIDATA_PATTERN)]
LanguageCode = Annotated[str, Field(pattern=LANGUAGE_PATTERN)]

SourceRef = Annotated[str, Field(pattern=SLUG_PATTERN), Ref("sources")]
PersonRef = Annotated[str, Field(pattern=SLUG_PATTERN), Ref("people")]
PlaceRef = Annotated[str, Field(pattern=SLUG_PATTERN), Ref("places")]
TopicRef = Annotated[str, Field(pattern=SLUG_PATTERN), Ref("topics")]
AgreementRef = Annotated[str, Field(pattern=SLUG_PATTERN), Ref("agreements")]
MilestoneRef = Annotated[str, Field(pattern=SLUG_PATTERN), Ref("milestones")]
AnniversaryRef = Annotated[str, Field(pattern=SLUG_PATTERN), Ref("anniversaries")]
MeetingRef = Annotated[str, Field(pattern=SLUG_PATTERN), Ref("meetings")]
VisitRef = Annotated[str, Field(pattern=SLUG_PATTERN), Ref("visits")]

PATTERN_CODES: dict[str, str] = {
    SLUG_PATTERN: "invalid-id",
    PARTIAL_DATE_PATTERN: "invalid-date",
    LOCAL_TIME_PATTERN: "invalid-time",
    LOCAL_DATETIME_PATTERN: "invalid-datetime",
    COUNTRY_PATTERN: "invalid-country",
    WIKIDATA_PATTERN: "invalid-wikidata-id",
    LANGUAGE_PATTERN: "invalid-language",
    HTTPS_URL_PATTERN: "not-https",
    TIMEZONE_PATTERN: "invalid-timezone",
}
"""The rule each pattern enforces, so a mismatch is reported under the rule's own code."""
