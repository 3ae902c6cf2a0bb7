"""Datasets the export tests run on: the shipped data, and a small one that fills every table."""

from __future__ import annotations

import os
import shutil

import pytest

from japan_peru_relations.dataset import Dataset
from japan_peru_relations.export.common import load_dataset
from japan_peru_relations.models import (
    Agreement,
    AgreementStep,
    Anniversary,
    Event,
    Meeting,
    Milestone,
    Participant,
    Person,
    Place,
    Position,
    Record,
    Source,
    Topic,
    Visit,
)
from japan_peru_relations.tables import TABLES, table_rows

OFFICIAL = "mofa-release-one"
PRESS = "press-report-two"


def synthetic_records() -> dict[str, list[Record]]:
    """One or two records of every kind, with every list field filled, all of them valid."""
    cite = [OFFICIAL, PRESS]
    return {
        "sources": [
            Source(
                id=OFFICIAL,
                url="https://www.mofa.go.jp/la_c/sa/pe/page1.html",
                publisher="Ministry of Foreign Affairs of Japan",
                kind="official",
                title="Japan-Peru Foreign Ministers' Meeting",
                published="2023-05-03",
                language="en",
            ),
            Source(
                id=PRESS,
                url="https://press.example.org/report?id=2",
                publisher="Example Press",
                kind="press",
                title="Informe de prensa",
                published="2023",
                language="es",
                notes="A press report.",
            ),
        ],
        "people": [
            Person(
                id="hayashi-yoshimasa",
                name="Yoshimasa Hayashi",
                family_name="Hayashi",
                given_name="Yoshimasa",
                name_native="林芳正",
                country="JP",
                aliases=["Hayashi Yoshimasa", "Y. Hayashi"],
                wikidata="Q3320357",
                positions=[
                    Position(
                        title="Minister for Foreign Affairs",
                        country="JP",
                        start="2021-11",
                        end="2023-09",
                        sources=cite,
                    )
                ],
                sources=[OFFICIAL],
            ),
            Person(
                id="gervasi-ana-cecilia",
                name="Ana Cecilia Gervasi",
                family_name="Gervasi",
                country="PE",
                sources=[OFFICIAL],
            ),
        ],
        "places": [
            Place(
                id="lima",
                name="Lima",
                kind="city",
                country="PE",
                timezone="America/Lima",
                within="peru",
                latitude=-12.0464,
                longitude=-77.0428,
                sources=[OFFICIAL],
            ),
            Place(
                id="peru",
                name="Peru",
                kind="country",
                country="PE",
                timezone="America/Lima",
                wikidata="Q419",
                sources=[OFFICIAL],
                notes="The country.",
            ),
        ],
        "topics": [Topic(id="nikkei-community", label="Nikkei community", description="Nikkei.")],
        "milestones": [
            Milestone(
                id="treaty-1873",
                title="Peru and Japan sign a treaty",
                date="1873-08-21",
                summary="A treaty of peace and friendship.",
                evidence="official",
                sources=[OFFICIAL],
            )
        ],
        "anniversaries": [
            Anniversary(
                id="relations-150th-2023",
                title="150th anniversary of relations",
                milestone="treaty-1873",
                ordinal=150,
                year=2023,
                evidence="official",
                sources=[OFFICIAL],
            )
        ],
        "agreements": [
            Agreement(
                id="tax-convention",
                title="Convention for the Elimination of Double Taxation",
                short_title="Tax Convention",
                kind="convention",
                scope="bilateral",
                status="in_force",
                steps=[
                    AgreementStep(step="signed", date="2019-11-19", place="lima", sources=cite),
                    AgreementStep(
                        step="in_force",
                        date="2021-01",
                        party="PE",
                        derived=True,
                        note="Month only.",
                        sources=[PRESS],
                    ),
                ],
                evidence="official",
                sources=[OFFICIAL],
            ),
            Agreement(
                id="joint-statement-2023",
                title="Joint Statement",
                short_title="Joint Statement",
                kind="joint_statement",
                scope="bilateral",
                status="unknown",
                evidence="press",
                sources=[PRESS],
            ),
        ],
        "visits": [
            Visit(
                id="2023-05-02-hayashi-peru",
                title="Hayashi visits Peru",
                kind="official_visit",
                visitor="hayashi-yoshimasa",
                visitor_country="JP",
                host_country="PE",
                start="2023-05-02",
                end="2023-05-04",
                places=["lima", "peru"],
                occasion="150th anniversary",
                anniversaries=["relations-150th-2023"],
                summary="The minister visited Lima.",
                evidence="official",
                derived=["end"],
                sources=cite,
            )
        ],
        "meetings": [
            Meeting(
                id="2023-05-03-hayashi-gervasi",
                title="Japan-Peru Foreign Ministers' Meeting",
                date="2023-05-03",
                kind="foreign_ministers_meeting",
                mode="in_person",
                level="ministerial",
                start_local="09:10",
                end_local="10:00",
                duration_minutes=50,
                duration_approximate=True,
                timezone="America/Lima",
                stated_japan_time="2023-05-03T23:10",
                place="lima",
                occasion="150th anniversary",
                host_country="PE",
                visit="2023-05-02-hayashi-peru",
                participants=[
                    Participant(
                        person="hayashi-yoshimasa",
                        side="JP",
                        title="Minister for Foreign Affairs",
                        role="principal",
                    ),
                    Participant(person="gervasi-ana-cecilia", side="PE", role="principal"),
                ],
                agreements=["tax-convention", "joint-statement-2023"],
                anniversaries=["relations-150th-2023"],
                topics=["nikkei-community"],
                other_events=["A working lunch followed."],
                summary="The ministers met in Lima.",
                evidence="official",
                derived=["date"],
                sources=cite,
                notes="None.",
            ),
            Meeting(
                id="2020-05-19-abe-vizcarra",
                title="Japan-Peru Summit Telephone Talk",
                date="2020-05-19",
                kind="telephone_talk",
                mode="telephone",
                level="head_of_state_or_government",
                participants=[Participant(person="hayashi-yoshimasa", side="JP", role="present")],
                summary="A call.",
                evidence="official",
                sources=[OFFICIAL],
            ),
        ],
        "events": [
            Event(
                id="2023-05-03-ceremony",
                title="Commemorative ceremony",
                kind="ceremony",
                date="2023-05",
                start_local="18:00",
                duration_minutes=60,
                timezone="America/Lima",
                stated_japan_time="2023-05-04T08:00",
                place="lima",
                visit="2023-05-02-hayashi-peru",
                participants=[Participant(person="hayashi-yoshimasa", side="JP", role="principal")],
                agreements=["tax-convention"],
                anniversaries=["relations-150th-2023"],
                topics=["nikkei-community"],
                summary="A ceremony for the anniversary.",
                evidence="official",
                derived=["start_local"],
                sources=cite,
            )
        ],
    }


@pytest.fixture(scope="session")
def shipped() -> Dataset:
    return load_dataset()


@pytest.fixture(scope="session")
def synthetic() -> Dataset:
    return Dataset.of(synthetic_records())


@pytest.fixture(scope="module", params=["shipped", "synthetic"])
def dataset(request: pytest.FixtureRequest) -> Dataset:
    """Each test that takes `dataset` runs on the shipped data and on the synthetic data."""
    found: Dataset = request.getfixturevalue(request.param)
    return found


def expected_rows(dataset: Dataset) -> dict[str, int]:
    """How many rows each record table should have: what the build publishes."""
    return {t.name: sum(1 for _ in table_rows(t, dataset[t.kind])) for t in TABLES}


def chromium_path() -> str | None:
    """Debian's chromium (or the one JPR_CHROMIUM names), if installed."""
    named = os.environ.get("JPR_CHROMIUM")
    if named:
        return named
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def require_or_skip(condition: bool, reason: str, variable: str) -> None:
    """Skip with the reason; or fail, where the environment variable says the tool must exist."""
    if condition:
        return
    if os.environ.get(variable):
        pytest.fail(f"{reason}, and {variable} is set")
    pytest.skip(reason)
