"""The four MOFA seed releases give their curated values; the news report gives findings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from japan_peru_relations.extract import extract, read_document
from japan_peru_relations.models import Person

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
needs_seeds = pytest.mark.skipif(
    not SEEDS.is_dir(),
    reason=f"{SEEDS} is absent: the seed documents live in ../shared/seeds beside the checkout",
)


def _person(ident: str, name: str, family: str, country: str, *aliases: str) -> Person:
    return Person(
        id=ident,
        name=name,
        family_name=family,
        country=country,
        aliases=list(aliases),
        sources=["seed"],
    )


# Deliberately without Gervasi's full-name aliases: "Ana Cecilia Gervasi" must then be reported
# as an approximate match, never silently taken for her.
PEOPLE = (
    _person("hayashi-yoshimasa", "Yoshimasa Hayashi", "Hayashi", "JP"),
    _person("boluarte-dina", "Dina Boluarte", "Boluarte", "PE"),
    _person("gervasi-ana", "Ana Gervasi", "Gervasi", "PE"),
    _person("kamikawa-yoko", "Yoko Kamikawa", "Kamikawa", "JP"),
    _person("gonzalez-olaechea-javier", "Javier González-Olaechea", "González-Olaechea", "PE",
            "Javier González-Olaechea Franco"),
    _person("kono-taro", "Taro Kono", "Kono", "JP"),
    _person("popolizio-nestor", "Nestor Popolizio", "Popolizio", "PE"),
)  # fmt: skip

HAYASHI = {
    "name": "HAYASHI Yoshimasa",
    "title": "Minister for Foreign Affairs",
    "country": "JP",
    "person": "hayashi-yoshimasa",
}
GERVASI = {
    "name": "Ana Gervasi",
    "title": "Minister of Foreign Affairs of the Republic of Peru",
    "country": "PE",
    "person": "gervasi-ana",
}
LIMA = {"timezone": "America/Lima", "city": "Lima", "country": "PE", "mode": "in_person"}

EXPECTED: dict[str, list[dict[str, Any]]] = {
    "000": [
        {
            "date": "2023-05-03",
            "start_local": "11:35",
            "end_local": None,
            "duration_minutes": 30,
            "duration_approximate": True,
            "stated_japan_time": "2023-05-04T01:35",
            "kind": "courtesy_call",
            "occasion": None,
            **LIMA,
            "participants": [
                HAYASHI,
                {
                    "name": "Dina Boluarte",
                    "title": "President of the Republic of Peru",
                    "country": "PE",
                    "person": "boluarte-dina",
                },
            ],
        }
    ],
    "001": [
        {
            "date": "2023-05-03",
            "start_local": "09:10",
            "end_local": None,
            "duration_minutes": 15,
            "duration_approximate": True,
            "stated_japan_time": "2023-05-03T23:10",
            "kind": "small_group_meeting",
            "occasion": None,
            **LIMA,
            "participants": [HAYASHI, GERVASI],
        },
        {
            "date": "2023-05-03",
            "start_local": "09:40",
            "end_local": None,
            "duration_minutes": 90,
            "duration_approximate": True,
            "stated_japan_time": "2023-05-03T23:40",
            "kind": "plenary_meeting",
            "occasion": None,
            **LIMA,
            "participants": [HAYASHI, GERVASI],
        },
    ],
    "002": [
        {
            "date": "2023-11-15",
            "start_local": "12:10",
            "end_local": None,
            "duration_minutes": 40,
            "duration_approximate": True,
            "timezone": "America/Los_Angeles",
            "stated_japan_time": "2023-11-16T05:10",
            "kind": "foreign_ministers_meeting",
            "mode": "in_person",
            "city": "San Francisco",
            "country": "US",
            "occasion": "APEC Ministerial Meeting",
            "participants": [
                {
                    "name": "KAMIKAWA Yoko",
                    "title": "Minister for Foreign Affairs of Japan",
                    "country": "JP",
                    "person": "kamikawa-yoko",
                },
                {
                    "name": "Javier González-Olaechea Franco",
                    "title": "Foreign Minister of the Republic of Peru",
                    "country": "PE",
                    "person": "gonzalez-olaechea-javier",
                },
            ],
        }
    ],
    "003": [
        {
            "date": "2018-08-14",
            "start_local": "10:00",
            "end_local": None,
            "duration_minutes": 150,
            "duration_approximate": True,
            "timezone": "America/Lima",
            "stated_japan_time": "2018-08-15T00:00",
            "kind": "foreign_ministers_meeting",
            "mode": "in_person",
            # "who is visiting the Republic of Peru": the country, not the city, is printed.
            "city": None,
            "country": "PE",
            "occasion": None,
            "participants": [
                {
                    "name": "Taro Kono",
                    "title": "Minister for Foreign Affairs",
                    "country": "JP",
                    "person": "kono-taro",
                },
                {
                    "name": "Nestor Popolizio",
                    "title": "Minister for Foreign Affairs of Peru",
                    "country": "PE",
                    "person": "popolizio-nestor",
                },
            ],
        }
    ],
}


def _seed(number: str) -> Path:
    return next(SEEDS.glob(f"{number}_*.txt"))


def _meetings(number: str) -> list[dict[str, Any]]:
    result = extract(read_document(str(_seed(number))), people=PEOPLE)
    meetings: list[dict[str, Any]] = result.to_json_dict()["meetings"]
    return meetings


@needs_seeds
@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_mofa_seed_gives_the_curated_values(number: str) -> None:
    meetings = _meetings(number)
    assert len(meetings) == len(EXPECTED[number])
    for got, want in zip(meetings, EXPECTED[number], strict=True):
        got.pop("evidence")
        assert got == want


@needs_seeds
@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_mofa_seed_is_official_and_consistent(number: str) -> None:
    result = extract(read_document(str(_seed(number))), people=PEOPLE)
    codes = set(result.finding_codes())
    assert not codes & {"secondary-source", "japan-time-mismatch", "organisation-mismatch"}
    assert "unknown-person" not in codes


@needs_seeds
def test_seed_evidence_points_at_the_printed_clauses() -> None:
    doc = read_document(str(_seed("000")))
    meeting = extract(doc, people=PEOPLE).to_json_dict()["meetings"][0]
    quoted = {field: doc.text[a:b] for field, (a, b) in meeting["evidence"].items()}
    assert quoted["start_local"] == "11:35 a.m."
    assert quoted["stated_japan_time"] == "1:35 a.m."
    assert quoted["duration_minutes"] == "approximately 30 minutes"
    assert quoted["kind"] == "courtesy call"
    assert "Lima, Peru" in quoted["city"]
    assert set(meeting["evidence"]) == {
        k for k, v in meeting.items() if v is not None and k not in ("evidence",)
    }


@needs_seeds
def test_news_report_is_reported_not_merged() -> None:
    doc = read_document(str(_seed("004")))
    result = extract(doc, people=PEOPLE)
    codes = result.finding_codes()
    assert {"secondary-source", "approximate-name", "organisation-mismatch"} <= set(codes)
    messages = " | ".join(f.message for f in result.findings)
    assert "Grevasi" in messages
    assert "Gervasi" in messages
    assert "Applied Power Electronic Conference" in messages
    assert "Asia-Pacific Economic Cooperation" in messages
    # The misspelt or fuller name is not silently taken for the official record's person.
    participants = result.to_json_dict()["meetings"][0]["participants"]
    assert [p["person"] for p in participants] == ["hayashi-yoshimasa", None]
    assert participants[1]["name"] == "Ana Cecilia Gervasi"
    assert result.secondary
    drafts = result.to_yaml_drafts()
    assert "secondary source" in drafts


@needs_seeds
def test_news_report_values_are_its_own() -> None:
    meeting = _meetings("004")[0]
    assert meeting["date"] == "2023-09-01"
    assert meeting["start_local"] is None
    assert meeting["country"] == "JP"
    assert meeting["timezone"] == "Asia/Tokyo"
