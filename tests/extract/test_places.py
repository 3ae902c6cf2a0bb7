"""The gazetteer, venues, occasions, kinds of meeting, acronyms and kinds of source."""

from __future__ import annotations

import zoneinfo

import pytest

from japan_peru_relations.extract.gazetteer import (
    _CITIES,
    _COUNTRIES,
    GAZETTEER,
    fold_name,
)
from japan_peru_relations.extract.kinds import find_kinds, kind_from_titles
from japan_peru_relations.extract.organisations import mismatches
from japan_peru_relations.extract.sources import is_secondary
from japan_peru_relations.extract.text import fold
from japan_peru_relations.extract.venue import find_occasion, find_venue
from japan_peru_relations.models import MeetingKind, Place

ZONES = zoneinfo.available_timezones()


def test_every_zone_in_the_table_is_an_iana_zone() -> None:
    zones = {line.split("|")[2] for line in _CITIES.strip().splitlines()}
    zones |= {
        line.split("|")[2]
        for line in _COUNTRIES.strip().splitlines()
        if not line.startswith("+") and line.split("|")[2]
    }
    assert zones <= ZONES, zones - ZONES


@pytest.mark.parametrize(
    ("name", "city", "country", "zone"),
    [
        ("Lima", "Lima", "PE", "America/Lima"),
        ("リマ", "Lima", "PE", "America/Lima"),
        ("Arequipa", "Arequipa", "PE", "America/Lima"),
        ("Cuzco", "Cusco", "PE", "America/Lima"),
        ("San Francisco", "San Francisco", "US", "America/Los_Angeles"),
        ("Honolulu", "Honolulu", "US", "Pacific/Honolulu"),
        ("New York", "New York", "US", "America/New_York"),
        ("Da Nang", "Da Nang", "VN", "Asia/Ho_Chi_Minh"),
        ("Vientiane", "Vientiane", "LA", "Asia/Vientiane"),
        ("Bogotá", "Bogota", "CO", "America/Bogota"),
        ("Asunción", "Asuncion", "PY", "America/Asuncion"),
        ("Quito", "Quito", "EC", "America/Guayaquil"),
        ("Brasilia", "Brasilia", "BR", "America/Sao_Paulo"),
        ("Beijing", "Beijing", "CN", "Asia/Shanghai"),
        ("Port Moresby", "Port Moresby", "PG", "Pacific/Port_Moresby"),
        ("Bali", "Bali", "ID", "Asia/Makassar"),
        ("東京", "Tokyo", "JP", "Asia/Tokyo"),
        ("サンティアゴ", "Santiago", "CL", "America/Santiago"),
    ],
)
def test_cities(name: str, city: str, country: str, zone: str) -> None:
    found = GAZETTEER.city(name)
    assert found is not None
    assert (found.name, found.country, found.zone) == (city, country, zone)


@pytest.mark.parametrize(
    ("name", "code", "zone"),
    [
        ("Peru", "PE", "America/Lima"),
        ("the Republic of Peru", "PE", "America/Lima"),
        ("ペルー", "PE", "America/Lima"),
        ("Oriental Republic of Uruguay", "UY", "America/Montevideo"),
        ("the United States", "US", None),  # several zones: only a city places the venue
        ("Brazil", "BR", None),
        ("Viet Nam", "VN", "Asia/Ho_Chi_Minh"),
    ],
)
def test_countries(name: str, code: str, zone: str | None) -> None:
    country = GAZETTEER.country(name)
    assert country is not None
    assert (country.code, country.zone) == (code, zone)


def test_fold_name_keeps_kana_voicing() -> None:
    assert fold_name("ラパス") == "ラパス"
    assert fold_name("Bogotá") == "bogota"


def test_project_places_extend_the_gazetteer() -> None:
    def place(ident: str, name: str, kind: str, within: str | None = None) -> Place:
        return Place.model_validate(
            {"id": ident, "name": name, "kind": kind, "country": "PE",
             "timezone": "America/Lima", "within": within, "sources": ["s"]}
        )  # fmt: skip

    extended = GAZETTEER.with_places(
        [
            place("huaraz", "Huaraz", "city"),
            place("lima", "Lima", "city"),
            place("palace", "Government Palace", "building", "lima"),
        ]
    )
    huaraz = extended.city("Huaraz")
    assert huaraz is not None
    assert (huaraz.zone, huaraz.place_id) == ("America/Lima", "huaraz")
    palace = extended.city("Government Palace")
    assert palace is not None
    assert (palace.name, palace.place_id) == ("Lima", "palace")
    assert GAZETTEER.city("Huaraz") is None  # the built-in table is not changed


@pytest.mark.parametrize(
    ("text", "city", "country"),
    [
        ("Mr. X, who is visiting Lima, Peru, paid a courtesy call", "Lima", "PE"),
        ("who is visiting San Francisco, the United States to attend", "San Francisco", "US"),
        ("who is visiting the Republic of Peru, held", None, "PE"),
        ("held a meeting in Tokyo with", "Tokyo", "JP"),
        ("who is visiting Japan as a Guest of the Ministry", None, "JP"),
        ("ボリビアを訪問中の林芳正外務大臣は、ラパスにおいて", "La Paz", "BO"),
        ("東京の飯倉公館において", "Tokyo", "JP"),
        ("外務省賓客として訪日中の", None, "JP"),
    ],
)
def test_venue(text: str, city: str | None, country: str) -> None:
    venue = find_venue(fold(text))
    assert venue is not None
    assert (venue.city.name if venue.city else None, venue.country_code) == (city, country)


def test_unknown_venue_is_named() -> None:
    venue = find_venue("Mr. X, who is visiting Huancayo, Peru, held a meeting")
    assert venue is not None
    assert (venue.unknown, venue.country_code, venue.zone) == ("Huancayo", "PE", "America/Lima")


@pytest.mark.parametrize(
    ("text", "occasion"),
    [
        ("visiting San Francisco to attend the APEC Ministerial Meeting, held",
         "APEC Ministerial Meeting"),
        ("on the sidelines of the APEC Economic Leaders' Meeting.",
         "APEC Economic Leaders' Meeting"),
        ("to attend the OECD Ministerial Council Meeting, held",
         "OECD Ministerial Council Meeting"),
        ("to attend the 78th session of the United Nations General Assembly, held",
         "78th session of the United Nations General Assembly"),
        ("on the margins of the APEC ministerial meeting in Lima, officials said",
         "APEC ministerial meeting"),
        ("to attend the G20 Rio de Janeiro Summit, held", "G20 Rio de Janeiro Summit"),
        ("第78回国連総会に出席するためニューヨークを訪問中の", "第78回国連総会"),
        ("APEC閣僚会議出席のためリマを訪問中の", "APEC閣僚会議"),
        ("held a Japan-Peru Foreign Ministers' Meeting with", None),
        ("for the 150th anniversary of diplomatic relations", None),
    ],
)  # fmt: skip
def test_occasion(text: str, occasion: str | None) -> None:
    found = find_occasion(fold(text))
    assert (found[0] if found else None) == occasion


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("paid a courtesy call on", [MeetingKind.COURTESY_CALL]),
        ("held a Japan-Peru Summit Telephone Talk with", [MeetingKind.TELEPHONE_TALK]),
        ("held a foreign ministers' meeting", [MeetingKind.FOREIGN_MINISTERS_MEETING]),
        ("Foreign Ministers’ Meeting", [MeetingKind.FOREIGN_MINISTERS_MEETING]),
        ("the two leaders held a working dinner", [MeetingKind.OTHER]),
        ("a small group meeting and a plenary meeting",
         [MeetingKind.SMALL_GROUP_MEETING, MeetingKind.PLENARY_MEETING]),
        ("テレビ会議形式で外相会談を行いました",
         [MeetingKind.VIDEO_CONFERENCE, MeetingKind.FOREIGN_MINISTERS_MEETING]),
        ("少人数会合を、続いて全体会合を行いました",
         [MeetingKind.SMALL_GROUP_MEETING, MeetingKind.PLENARY_MEETING]),
        ("the ministers discussed trade", []),
    ],
)  # fmt: skip
def test_kinds(text: str, kinds: list[MeetingKind]) -> None:
    assert [k.kind for k in find_kinds(fold(text))] == kinds


def test_kind_from_titles() -> None:
    assert kind_from_titles(["Prime Minister of Japan", "President of Peru"]) == (
        MeetingKind.SUMMIT_MEETING
    )
    assert kind_from_titles(["Foreign Minister", "counterpart"]) == (
        MeetingKind.FOREIGN_MINISTERS_MEETING
    )
    assert kind_from_titles(["State Minister for Foreign Affairs", "Undersecretary"]) is None


@pytest.mark.parametrize(
    ("text", "acronyms"),
    [
        ("collaborating on the Applied Power Electronic Conference (APEC) 2024", ["APEC"]),
        ("APEC (Asia-Pacific Economic Conference), which groups 21 economies", ["APEC"]),
        ("the Asia-Pacific Economic Cooperation (APEC) forum", []),
        ("Comprehensive and Progressive Agreement for Trans-Pacific Partnership (CPTPP)", []),
        ("a “Free and Open Indo-Pacific (FOIP)”", []),
        ("the Organisation for Economic Co-operation and Development (OECD)", []),
        ("CEPEJA (PeruvianJapanese Business Council)", []),  # not an acronym we know
        ("the United Nations Security Council (UNSC)", []),
    ],
)
def test_organisation_mismatches(text: str, acronyms: list[str]) -> None:
    assert [m.acronym for m in mismatches(fold(text))] == acronyms


@pytest.mark.parametrize(
    ("text", "url", "secondary"),
    [
        ("Tokyo, 2 September 2023 (TDI): The minister met ...", None, True),
        ("LIMA (Pacific Wire) - The minister met ..., officials said.", None, True),
        ("On May 3, ... The outline is as follows.", None, False),
        ("On May 3, ... The outline is as follows.", "https://www.mofa.go.jp/a.html", False),
        ("The leaders talked.", "https://news.example/story", True),
        ("The leaders talked.", "https://japan.kantei.go.jp/x.html", False),
        ("The leaders talked.", None, False),
    ],
)
def test_secondary_source(text: str, url: str | None, secondary: bool) -> None:
    assert is_secondary(text, url) is secondary
