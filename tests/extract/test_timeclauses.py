"""The grammar of time, date and duration clauses: each phrasing and what it parses to."""

from __future__ import annotations

import datetime as dt

import pytest

from japan_peru_relations.extract.text import fold
from japan_peru_relations.extract.timeclauses import (
    Clause,
    ZoneKind,
    find_clauses,
    parse_full_date,
    to_24h,
    tokenize,
    tokenize_slowly,
)


def _one(text: str) -> Clause:
    clauses = find_clauses(fold(text))
    assert len(clauses) == 1, clauses
    return clauses[0]


def _summary(clause: Clause) -> dict[str, object]:
    """A compact, comparable reading of a clause."""
    alternate = clause.alternates[0] if clause.alternates else None
    return {
        "start": clause.start.as_hhmm(),
        "end": clause.end.as_hhmm() if clause.end else None,
        "label": clause.label.kind.value if clause.label else None,
        "date": (clause.date.month, clause.date.day) if clause.date else None,
        "alt": alternate.time.as_hhmm() if alternate else None,
        "alt_label": alternate.label.kind.value if alternate and alternate.label else None,
        "alt_date": (alternate.date.month, alternate.date.day)
        if alternate and alternate.date
        else None,
        "minutes": clause.duration.minutes if clause.duration else None,
        "approx": clause.duration.approximate if clause.duration else None,
    }


def _expect(**values: object) -> dict[str, object]:
    base: dict[str, object] = {
        "start": None,
        "end": None,
        "label": None,
        "date": None,
        "alt": None,
        "alt_label": None,
        "alt_date": None,
        "minutes": None,
        "approx": None,
    }
    base.update(values)
    return base


PHRASINGS = [
    (
        "commencing at 10 a.m. (local time; 12 a.m. on August 15, Japan time) "
        "for approximately 2 hours and 30 minutes",
        _expect(start="10:00", label="local", alt="00:00", alt_label="japan", alt_date=(8, 15),
                minutes=150, approx=True),
    ),
    (
        "commencing at 12:10 p.m. local time (5:10 a.m. on November 16 JST), "
        "for approximately 40 minutes",
        _expect(start="12:10", label="local", alt="05:10", alt_label="japan", alt_date=(11, 16),
                minutes=40, approx=True),
    ),
    (
        "On November 10 (local time), commencing at 9:19 a.m. for approximately 20 minutes",
        _expect(start="09:19", label="local", date=(11, 10), minutes=20, approx=True),
    ),
    (
        "from 3:30 p.m. to 3:55 p.m. (local time)",
        _expect(start="15:30", end="15:55", label="local"),
    ),
    (
        "on November 14 (Sun) from 5:00 to 5:20 p.m.",
        _expect(start="17:00", end="17:20", date=(11, 14)),
    ),
    (
        "On Monday, November 10, commencing at 10:25 a.m. until 10:45 a.m. (local time)",
        _expect(start="10:25", end="10:45", label="local", date=(11, 10)),
    ),
    (
        "commencing at 10:50 a.m. (local time; 00:50 a.m. on November 18, Japan Standard Time)",
        _expect(start="10:50", label="local", alt="00:50", alt_label="japan", alt_date=(11, 18)),
    ),
    (
        "On May 3, commencing at 11:35 a.m. (local time; 1:35 a.m. on May 4 JST) "
        "for approximately 30 minutes",
        _expect(start="11:35", label="local", date=(5, 3), alt="01:35", alt_label="japan",
                alt_date=(5, 4), minutes=30, approx=True),
    ),
    (  # Japan time first
        "from 11:00 p.m. on May 3 (Japan time; 9 a.m. local time) for about an hour",
        _expect(start="23:00", label="japan", date=(5, 3), alt="09:00", alt_label="local",
                minutes=60, approx=True),
    ),
    (
        "現地時間8月14日午前10時(日本時間8月15日午前12時)から約2時間30分",
        _expect(start="10:00", label="local", date=(8, 14), alt="00:00", alt_label="japan",
                alt_date=(8, 15), minutes=150, approx=True),
    ),
    ("2月24日、午後7時より約35分間", _expect(start="19:00", date=(2, 24), minutes=35, approx=True)),
    ("現地時間午後5時51分から約40分間", _expect(start="17:51", label="local", minutes=40,
                                                 approx=True)),
    (
        "5月22日,午後3時40分(現地時間:日本時間午後10時40分)から約30分間",
        _expect(start="15:40", label="local", date=(5, 22), alt="22:40", alt_label="japan",
                minutes=30, approx=True),
    ),
    ("10月19日午前10時30分から30分間", _expect(start="10:30", date=(10, 19), minutes=30,
                                             approx=False)),
    (
        "現地時間11月13日10時30分(日本時間14日0時30分)から約15分間",
        _expect(start="10:30", label="local", date=(11, 13), alt="00:30", alt_label="japan",
                alt_date=(None, 14), minutes=15, approx=True),
    ),
    (  # "14日時" is a misprint in the release; the day still reads as 14
        "現地時間11月13日、午後3時(日本時間14日時午前5時)から約50分間",
        _expect(start="15:00", label="local", date=(11, 13), alt="05:00", alt_label="japan",
                alt_date=(None, 14), minutes=50, approx=True),
    ),
    ("午後0時55分から約50分間", _expect(start="12:55", minutes=50, approx=True)),
    ("正午から約1時間10分", _expect(start="12:00", minutes=70, approx=True)),
    (
        "午前11時から午前11時40分まで（日本時間25日午前0時から午前0時40分まで）",
        _expect(start="11:00", end="11:40", alt="00:00", alt_label="japan", alt_date=(None, 25)),
    ),
    # adversarial: noon and midnight, full-width digits and brackets, odd spaces
    ("commencing at 12 p.m. (local time; 12 a.m. on May 6, JST)",
     _expect(start="12:00", label="local", alt="00:00", alt_label="japan", alt_date=(5, 6))),
    ("commencing at 12 noon for 90 minutes", _expect(start="12:00", minutes=90, approx=False)),
    ("from 11:30 to 12:15 p.m.", _expect(start="11:30", end="12:15")),
    ("from 11:30 p.m. to 12:30 a.m.", _expect(start="23:30", end="00:30")),
    ("現地時間８月１４日午前１０時（日本時間８月１５日午前１２時）から約２時間３０分",
     _expect(start="10:00", label="local", date=(8, 14), alt="00:00", alt_label="japan",
             alt_date=(8, 15), minutes=150, approx=True)),
    ("commencing\u00a0at\u00a011:35\u00a0a.m.\u00a0(local\u00a0time)\u2009for some 20 minutes",
     _expect(start="11:35", label="local", minutes=20, approx=True)),
    ("commencing at 9.30 a.m. for one and a half hours", _expect(start="09:30", minutes=90,
                                                              approx=False)),
    ("commencing at 4:35 p.m. for half an hour", _expect(start="16:35", minutes=30, approx=False)),
    ("The 30-minute meeting began at 4 p.m. local time",
     _expect(start="16:00", label="local", minutes=30, approx=False)),
    ("commencing at 24:10 or at 9:00 a.m.", _expect(start="09:00")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), PHRASINGS, ids=[p[0][:40] for p in PHRASINGS])
def test_phrasing_parses(text: str, expected: dict[str, object]) -> None:
    assert _summary(_one(text)) == expected


def test_two_sessions_in_one_sentence() -> None:
    text = (
        "On May 3, Mr. A held a small group meeting with H.E. Ms. B commencing at 9:10 a.m. "
        "(local time; 11:10 p.m. on May 3 JST) for approximately 15 minutes, and a plenary "
        "meeting with her commencing at 9:40 a.m. (local time; 11:40 p.m. on May 3 JST) for "
        "approximately 90 minutes."
    )
    first, second = find_clauses(text)
    assert (first.start.as_hhmm(), first.duration and first.duration.minutes) == ("09:10", 15)
    assert (second.start.as_hhmm(), second.duration and second.duration.minutes) == ("09:40", 90)
    assert first.date is not None
    assert (first.date.month, first.date.day) == (5, 3)
    assert second.date is not None
    assert (second.date.month, second.date.day) == (5, 3)


def test_same_day_in_japanese() -> None:
    clauses = find_clauses(
        "9月1日、午後12時30分から約70分間、昼食会。同日午後4時35分から約40分、会談。"
    )
    assert [c.start.as_hhmm() for c in clauses] == ["12:30", "16:35"]
    assert clauses[1].same_day


def test_place_label() -> None:
    clause = _one("commencing at 8:30 a.m. (London time; 4:30 p.m. JST)")
    assert clause.label is not None
    assert (clause.label.kind, clause.label.place) == (ZoneKind.PLACE, "London")


@pytest.mark.parametrize(
    ("hour", "minute", "meridiem", "expected"),
    [
        (12, 0, "am", (0, 0)),
        (12, 0, "pm", (12, 0)),
        (12, 5, "noon", (12, 5)),
        (0, 50, "am", (0, 50)),
        (0, 55, "pm", (12, 55)),
        (11, 59, "pm", (23, 59)),
        (23, 0, None, (23, 0)),
        (24, 0, None, None),
        (13, 0, "am", None),
        (7, 60, None, None),
    ],
)
def test_to_24h(hour: int, minute: int, meridiem: str | None, expected: object) -> None:
    assert to_24h(hour, minute, meridiem) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("May 3, 2023", dt.date(2023, 5, 3)),
        ("  November 15, 2023 ", dt.date(2023, 11, 15)),
        ("2 September 2023", dt.date(2023, 9, 2)),
        ("Tuesday, August 14, 2018", dt.date(2018, 8, 14)),
        ("2023年5月3日", dt.date(2023, 5, 3)),
        ("令和5年5月3日", dt.date(2023, 5, 3)),
        ("令和元年5月22日", dt.date(2019, 5, 22)),
        ("平成31年2月24日", dt.date(2019, 2, 24)),
        ("平成21年2月24日", dt.date(2009, 2, 24)),
        ("令和６年１１月１３日", dt.date(2024, 11, 13)),
        ("2024-11-17", dt.date(2024, 11, 17)),
        ("May 3", None),  # no year: not a date line
        ("February 30, 2023", None),
        ("Japan-Peru Relations", None),
        ("On May 3, 2023, the ministers met", None),
    ],
)
def test_date_line(line: str, expected: dt.date | None) -> None:
    assert parse_full_date(fold(line)) == expected


@pytest.mark.parametrize(
    ("printed", "reference", "after", "expected"),
    [
        ("On May 3", dt.date(2023, 5, 3), None, dt.date(2023, 5, 3)),
        # A release dated in early January about a late-December meeting.
        ("On December 30", dt.date(2024, 1, 2), None, dt.date(2023, 12, 30)),
        # A Japan date printed with the day only, in the next month.
        ("日本時間1日", None, dt.date(2023, 5, 31), dt.date(2023, 6, 1)),
        ("on January 1 JST", None, dt.date(2023, 12, 31), dt.date(2024, 1, 1)),
    ],
)
def test_missing_year_and_month(
    printed: str, reference: dt.date | None, after: dt.date | None, expected: dt.date
) -> None:
    from japan_peru_relations.extract.timeclauses import find_dates

    (value,) = find_dates(fold(printed))
    assert value.resolve(reference, after=after) == expected


def test_no_time_means_no_clause() -> None:
    for text in ("approximately 100,000 members", "the 14th Plenary", "2 hours", "Article 9:"):
        assert find_clauses(fold(text)) == []


def test_fast_tokenizer_agrees_with_the_reference() -> None:
    texts = [text for text, _ in PHRASINGS] + [
        "H.E. Mr. Luis Lacalle Pou, President, met on 13 November 2024 at 4 p.m. Lima time.",
        "One and a half hours; an hour and a half; (approx. 20 min.)",
    ]
    for text in texts:
        folded = fold(text)
        assert tokenize(folded) == tokenize_slowly(folded)
