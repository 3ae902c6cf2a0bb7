"""Every fact the five seed documents give is in the records.

Each expectation names the clause of the seed it comes from; the test checks that clause is
really in the seed (read from ../shared/seeds) and that the records carry the fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

import japan_peru_relations as jpr

from .conftest import SEEDS, needs_shared

pytestmark = needs_shared(SEEDS)


def seed_urls() -> dict[str, str]:
    """Seed file name -> URL, from the seeds' README table."""
    readme = (SEEDS / "README.md").read_text(encoding="utf-8")
    return dict(re.findall(r"^\| (\d{3}_\w+\.txt) \|.*\| (https://\S+) \|$", readme, re.MULTILINE))


@dataclass(frozen=True)
class SeedMeeting:
    seed: str
    clause: str
    meeting: str
    start: str | None
    duration: int | None
    japan_time: str | None
    people: tuple[str, ...]


MEETINGS = [
    SeedMeeting("000", "commencing at 11:35 a.m. (local time; 1:35 a.m. on May 4 JST) for approximately 30 minutes",
                "2023-05-03-hayashi-boluarte-courtesy-call", "11:35", 30, "2023-05-04T01:35",
                ("hayashi-yoshimasa", "boluarte-dina")),
    SeedMeeting("001", "commencing at 9:10 a.m. (local time; 11:10 p.m. on May 3 JST) for approximately 15 minutes",
                "2023-05-03-hayashi-gervasi-small-group", "09:10", 15, "2023-05-03T23:10",
                ("hayashi-yoshimasa", "gervasi-ana")),
    SeedMeeting("001", "commencing at 9:40 a.m. (local time; 11:40 p.m. on May 3 JST) for approximately 90 minutes",
                "2023-05-03-hayashi-gervasi-plenary", "09:40", 90, "2023-05-03T23:40",
                ("hayashi-yoshimasa", "gervasi-ana")),
    SeedMeeting("002", "commencing at 12:10 p.m. local time (5:10 a.m. on November 16 JST), for approximately 40 minutes",
                "2023-11-15-kamikawa-gonzalez-olaechea", "12:10", 40, "2023-11-16T05:10",
                ("kamikawa-yoko", "gonzalez-olaechea-javier")),
    SeedMeeting("003", "commencing at 10 a.m. (local time; 12 a.m. on August 15, Japan time) for approximately 2 hours and 30 minutes",
                "2018-08-14-kono-popolizio", "10:00", 150, "2018-08-15T00:00",
                ("kono-taro", "popolizio-nestor")),
    SeedMeeting("004", "met with his Peruvian counterpart Ana Cecilia Gervasi on September 1, 2023",
                "2023-09-01-hayashi-gervasi", "16:35", 40, None,
                ("hayashi-yoshimasa", "gervasi-ana")),
]  # fmt: skip


def seed_text(number: str) -> str:
    (path,) = SEEDS.glob(f"{number}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", MEETINGS, ids=lambda c: c.meeting)
def test_each_seed_meeting_is_recorded_with_its_times(case: SeedMeeting) -> None:
    assert case.clause in seed_text(case.seed), "the expectation quotes the seed"
    meeting = jpr.meeting(case.meeting)
    start = meeting.start_local.strftime("%H:%M") if meeting.start_local else None
    assert (start, meeting.duration_minutes, meeting.stated_japan_time) == (
        case.start,
        case.duration,
        case.japan_time,
    )
    assert meeting.duration_approximate
    assert tuple(p.person for p in meeting.participants) == case.people


@pytest.mark.parametrize("case", MEETINGS, ids=lambda c: c.meeting)
def test_each_seed_meeting_cites_its_seed(case: SeedMeeting) -> None:
    (name,) = [n for n in seed_urls() if n.startswith(case.seed)]
    url = seed_urls()[name]
    cited = {jpr.source(s).url for s in jpr.meeting(case.meeting).sources}
    assert url in cited


def test_the_news_report_is_a_press_source_and_not_the_official_record() -> None:
    url = next(u for n, u in seed_urls().items() if n.startswith("004"))
    (source,) = [s for s in jpr.sources() if s.url == url]
    assert source.kind == "press"
    meeting = jpr.meeting("2023-09-01-hayashi-gervasi")
    assert meeting.evidence != "press", "an official text (mirrored) outranks the news report"
    assert "Grevasi" in seed_text("004")
    assert "Grevasi" in (meeting.notes or ""), "the disagreement is recorded"
    assert "Grevasi" not in jpr.person("gervasi-ana").aliases


@pytest.mark.parametrize(
    ("meeting", "occasion_word", "place"),
    [
        ("2023-11-15-kamikawa-gonzalez-olaechea", "APEC Ministerial Meeting", "san-francisco"),
        ("2018-08-14-kono-popolizio", None, "lima"),
        ("2023-05-03-hayashi-boluarte-courtesy-call", None, "lima"),
    ],
)
def test_venues_and_occasions(meeting: str, occasion_word: str | None, place: str) -> None:
    record = jpr.meeting(meeting)
    assert record.place == place
    assert jpr.place(place).timezone == record.timezone
    if occasion_word:
        assert occasion_word in (record.occasion or "")
        assert occasion_word in seed_text("002")


@pytest.mark.parametrize(
    ("seed", "phrase", "meeting", "agreement"),
    [
        ("001", "tax treaties", "2023-05-03-hayashi-gervasi-plenary", "tax-convention-2019"),
        ("001", "CPTPP", "2023-05-03-hayashi-gervasi-plenary", "cptpp"),
        ("003", "Trans-Pacific Partnership (TPP)", "2018-08-14-kono-popolizio", "tpp"),
        ("004", "Memorandum of Cooperation on Antarctic Research", "2023-09-01-hayashi-gervasi",
         "moc-antarctic-2023"),
        ("004", "Memorandum of Cooperation on Diplomatic Training", "2023-09-01-hayashi-gervasi",
         "moc-diplomatic-training-institutes-2023"),
    ],
)  # fmt: skip
def test_agreements_named_by_the_seeds(
    seed: str, phrase: str, meeting: str, agreement: str
) -> None:
    assert phrase in seed_text(seed)
    assert agreement in jpr.meeting(meeting).agreements
    assert jpr.agreement(agreement).sources


@pytest.mark.parametrize(
    ("seed", "phrase", "anniversary", "ordinal", "year", "milestone_year"),
    [
        ("000", "150th anniversary of the establishment of diplomatic relations",
         "diplomatic-relations-150th", 150, 2023, "1873"),
        ("003", "120th anniversary of the systematic immigration",
         "japanese-immigration-120th", 120, 2019, "1899"),
        ("003", "10th anniversary of Peru's adoption of the Japanese digital terrestrial",
         "japanese-dtt-adoption-10th", 10, 2019, "2009"),
    ],
)  # fmt: skip
def test_anniversaries_named_by_the_seeds(
    seed: str, phrase: str, anniversary: str, ordinal: int, year: int, milestone_year: str
) -> None:
    assert phrase in seed_text(seed)
    record = jpr.anniversary(anniversary)
    assert (record.ordinal, record.year) == (ordinal, year)
    assert jpr.milestone(record.milestone).date.startswith(milestone_year)


def test_other_events_of_the_2018_meeting() -> None:
    text = seed_text("003")
    assert "Order of the Sun of Peru" in text
    assert "lunch meeting hosted by Foreign Minister Popolizio" in text
    events = " ".join(jpr.meeting("2018-08-14-kono-popolizio").other_events)
    assert "Order of the Sun of Peru" in events
    assert "lunch" in events
