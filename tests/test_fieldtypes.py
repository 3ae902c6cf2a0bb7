"""Field rules with fast paths give the verdicts of their definitions: text and time zones."""

from __future__ import annotations

import re
import unicodedata
import zoneinfo

import pytest
from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from japan_peru_relations.fieldtypes import TIMEZONE_PATTERN, check_text
from japan_peru_relations.models import Place

INVISIBLE = {"Cc", "Cf", "Cs", "Zl", "Zp"}
ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}


def verdict(text: str) -> str | None:
    try:
        check_text(text)
    except PydanticCustomError as exc:
        return exc.type
    return None


def defined_verdict(char: str) -> str | None:
    """The rule as written down: invisible categories (but the line feed) and zero widths."""
    if char in ZERO_WIDTH or (unicodedata.category(char) in INVISIBLE and char != "\n"):
        return "control-character"
    return None


# Every ASCII character, and the non-ASCII ones the slow path must still refuse or accept.
CHARACTERS = [chr(c) for c in range(128)] + list(ZERO_WIDTH) + ["\u202e", "\u2028", "é", "林"]


@pytest.mark.parametrize("char", CHARACTERS, ids=lambda c: f"U+{ord(c):04X}")
def test_inner_character_verdict_matches_its_definition(char: str) -> None:
    assert verdict(f"a{char}b") == defined_verdict(char)


def test_ascii_and_unicode_paths_agree_on_the_reported_character() -> None:
    with pytest.raises(PydanticCustomError) as ascii_error:
        check_text("bell\u0007ringing")
    with pytest.raises(PydanticCustomError) as unicode_error:
        check_text("bell\u0007ringing é")
    assert ascii_error.value.context == unicode_error.value.context == {"char": "U+0007"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Cafe\u0301", "not-nfc"),
        ("Café", None),
        ("<b>bold</b> é", "html-in-text"),
        ("AT&amp;T", "html-in-text"),
        ("R&D <3", None),
    ],
)
def test_other_text_rules_hold_on_both_paths(text: str, code: str | None) -> None:
    assert verdict(text) == code


def zone_verdict(name: str) -> str | None:
    try:
        Place.model_validate(
            {
                "id": "somewhere",
                "name": "Somewhere",
                "kind": "city",
                "country": "PE",
                "timezone": name,
                "sources": ["a-source"],
            }
        )
    except ValidationError as exc:
        return str(exc.errors()[0]["type"])
    return None


# Legacy names without an area (Japan, GMT0) fail the pattern first; the rest must load.
AREA_ZONES = sorted(z for z in zoneinfo.available_timezones() if re.match(TIMEZONE_PATTERN, z))


@pytest.mark.parametrize("name", AREA_ZONES)
def test_every_zone_of_the_tz_database_is_accepted(name: str) -> None:
    assert zone_verdict(name) is None


@pytest.mark.parametrize(
    "name",
    ["America/Argentina", "Asia/Tokio", "posix/Asia/Tokyo", "right/UTC", "Etc/Unknown"],
)
def test_names_that_are_not_zones_are_refused(name: str) -> None:
    assert zone_verdict(name) == "invalid-timezone"
