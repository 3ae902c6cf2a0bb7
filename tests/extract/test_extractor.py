"""End to end: findings, the JSON object, the YAML drafts, and the public API's promises."""

from __future__ import annotations

import doctest
import importlib
import json
import re
from typing import Any

import pytest
import yaml

import japan_peru_relations.extract as extract_package
from japan_peru_relations.extract import Document, Extraction, extract
from japan_peru_relations.models import Meeting, Person, Source

PEOPLE = (
    Person(id="hayashi-yoshimasa", name="Yoshimasa Hayashi", family_name="Hayashi",
           country="JP", sources=["s"]),
)  # fmt: skip

SANTIAGO_SUMMER = (
    "Japan-Chile Relations\nJanuary 10, 2019\n\n"
    "On January 9, commencing at 10:00 a.m. (local time; 11:00 p.m. on January 9, JST) for "
    "approximately 40 minutes, Mr. HAYASHI Yoshimasa, Minister for Foreign Affairs, who is "
    "visiting Santiago, Chile, held a foreign ministers' meeting with H.E. Mr. Roberto Ampuero, "
    "Minister of Foreign Affairs of the Republic of Chile. The overview is as follows."
)


def _codes(result: Extraction) -> set[str]:
    return set(result.finding_codes())


def test_japan_time_mismatch() -> None:
    result = extract(SANTIAGO_SUMMER, people=PEOPLE)
    meeting = result.meetings[0]
    assert (meeting.timezone, meeting.stated_japan_time) == ("America/Santiago", "2019-01-09T23:00")
    assert "japan-time-mismatch" in _codes(result)
    message = next(f.message for f in result.findings if f.code == "japan-time-mismatch")
    assert "2019-01-09T22:00" in message  # Santiago is on summer time (UTC-3) in January


def test_consistent_japan_time_gives_no_mismatch() -> None:
    text = SANTIAGO_SUMMER.replace("11:00 p.m. on January 9", "10:00 p.m. on January 9")
    assert "japan-time-mismatch" not in _codes(extract(text, people=PEOPLE))


def test_japan_time_first() -> None:
    text = (
        "May 4, 2021\nOn May 3, from 11:00 p.m. (Japan time; 9 a.m. local time) for "
        "approximately 60 minutes, Mr. MOTEGI Toshimitsu, Minister for Foreign Affairs, who is "
        "visiting Lima, Peru, held a meeting with H.E. Mr. Allan Wagner, Minister of Foreign "
        "Affairs of the Republic of Peru."
    )
    meeting = extract(text, people=PEOPLE).meetings[0]
    assert (meeting.date, meeting.start_local, meeting.stated_japan_time) == (
        "2021-05-03",
        "09:00",
        "2021-05-03T23:00",
    )


def test_unknown_place_is_a_finding_not_a_guess() -> None:
    text = SANTIAGO_SUMMER.replace("Santiago, Chile", "Huancayo, Peru")
    result = extract(text, people=PEOPLE)
    meeting = result.meetings[0]
    assert (meeting.city, meeting.country, meeting.timezone) == (None, "PE", "America/Lima")
    assert "unknown-place" in _codes(result)


def test_unknown_person_and_not_found() -> None:
    result = extract(SANTIAGO_SUMMER, people=PEOPLE)
    messages = [f.message for f in result.findings]
    assert any("Roberto Ampuero" in m for m in messages if "person record" in m)
    assert "unknown-person" in _codes(result)
    not_found = [f.message for f in result.findings if f.code == "not-found"]
    assert any("end_local" in m for m in not_found)
    assert any("occasion" in m for m in not_found)


def test_every_field_present_means_no_not_found() -> None:
    text = (
        "November 16, 2024\nOn November 15, from 10:00 a.m. to 10:40 a.m. (local time; 12:00 a.m. "
        "on November 16, JST), Mr. ISHIBA Shigeru, Prime Minister of Japan, who is visiting "
        "Lima, Peru to attend the APEC Economic Leaders' Meeting, held a summit meeting with "
        "H.E. Mr. Gabriel Boric Font, President of the Republic of Chile."
    )
    result = extract(text, people=PEOPLE)
    meeting = result.meetings[0]
    assert (meeting.duration_minutes, meeting.duration_approximate) == (40, False)
    assert meeting.occasion == "APEC Economic Leaders' Meeting"
    assert "not-found" not in _codes(result)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Japan extends its congratulations to Mr. Gustavo Petro Urrego on his election.",
        "The weather in Lima was fine on May 3, 2023.",
    ],
)
def test_no_meeting(text: str) -> None:
    result = extract(text, people=PEOPLE)
    assert result.meetings == ()
    assert result.finding_codes() == ["no-meeting"]


def test_telephone_talk_is_japan_time_without_a_venue() -> None:
    text = (
        "May 19, 2020\nOn May 19, commencing at 10:15 a.m. for approximately 20 minutes, "
        "Mr. ABE Shinzo, Prime Minister of Japan, held a Japan-Peru Summit Telephone Talk with "
        "H.E. Mr. Martín Alberto VIZCARRA Cornejo, President of the Republic of Peru."
    )
    meeting = extract(text, people=PEOPLE).meetings[0]
    assert (meeting.kind, meeting.mode, meeting.timezone) == (
        "telephone_talk",
        "telephone",
        "Asia/Tokyo",
    )
    assert (meeting.city, meeting.country, meeting.stated_japan_time) == (None, None, None)


SHAPE = {
    "date": (str, r"^\d{4}-\d{2}-\d{2}$"),
    "start_local": (str, r"^(?:[01]\d|2[0-3]):[0-5]\d$"),
    "end_local": (str, r"^(?:[01]\d|2[0-3]):[0-5]\d$"),
    "stated_japan_time": (str, r"^\d{4}-\d{2}-\d{2}T(?:[01]\d|2[0-3]):[0-5]\d$"),
    "timezone": (str, r"^[A-Za-z_]+(?:/[A-Za-z0-9_+\-]+)+$"),
    "city": (str, r"."),
    "country": (str, r"^[A-Z]{2}$"),
    "occasion": (str, r"."),
}
KINDS = {
    "summit_meeting", "foreign_ministers_meeting", "courtesy_call", "telephone_talk",
    "video_conference", "working_lunch", "small_group_meeting", "plenary_meeting", "other",
}  # fmt: skip


def assert_spec_shape(result: Extraction, text: str) -> None:
    """The spec's JSON object: keys, types and formats; evidence offsets inside the text."""
    data = json.loads(json.dumps(result.to_json_dict()))
    assert set(data) == {"meetings", "findings", "document"}
    assert set(data["document"]) == {"sha256", "title", "date_line", "language"}
    assert re.fullmatch(r"[0-9a-f]{64}", data["document"]["sha256"])
    assert data["document"]["language"] in ("en", "ja")
    for finding in data["findings"]:
        assert set(finding) == {"code", "message"}
        assert finding["code"] in {
            "japan-time-mismatch", "not-found", "no-meeting", "unknown-person",
            "approximate-name", "organisation-mismatch", "unknown-place", "secondary-source",
        }  # fmt: skip
        assert "\n" not in finding["message"]
    assert data["meetings"] or "no-meeting" in {f["code"] for f in data["findings"]}
    for meeting in data["meetings"]:
        assert set(meeting) == {*SHAPE, "duration_minutes", "duration_approximate", "kind",
                                "mode", "participants", "evidence"}  # fmt: skip
        for key, (kind, pattern) in SHAPE.items():
            value = meeting[key]
            assert value is None or (isinstance(value, kind) and re.search(pattern, value)), key
        minutes = meeting["duration_minutes"]
        assert minutes is None or (isinstance(minutes, int) and 1 <= minutes <= 1440)
        assert isinstance(meeting["duration_approximate"], bool)
        assert meeting["kind"] in KINDS
        assert meeting["mode"] in ("in_person", "telephone", "video")
        for participant in meeting["participants"]:
            assert set(participant) == {"name", "title", "country", "person"}
            assert isinstance(participant["name"], str)
            assert participant["name"]
        for field, (start, end) in meeting["evidence"].items():
            assert field in meeting
            assert meeting[field] is not None
            assert 0 <= start <= end <= len(text)


def test_json_shape_of_a_real_release() -> None:
    result = extract(SANTIAGO_SUMMER, people=PEOPLE)
    assert_spec_shape(result, SANTIAGO_SUMMER)


def test_yaml_drafts_validate_as_records() -> None:
    result = extract(
        Document(SANTIAGO_SUMMER),
        people=PEOPLE,
        source_url="https://www.mofa.go.jp/la_c/sa/cl/page9e_000001.html",
    )
    drafts = result.to_yaml_drafts()
    headers = re.findall(r"^# (records/\w+/[\w-]+\.yaml)$", drafts, re.MULTILINE)
    assert headers == [
        "records/sources/mofa-en-page9e-000001.yaml",
        "records/meetings/2019-01-09-hayashi-ampuero.yaml",
    ]
    assert "# TODO(reviewer): write summary" in drafts
    assert "records/people/ampuero-roberto.yaml is needed" in drafts
    source, meeting = yaml.safe_load_all(drafts)
    Source.model_validate(source)
    assert meeting["provenance"] == "extracted"
    assert meeting["participants"][0] == {
        "person": "hayashi-yoshimasa",
        "side": "JP",
        "title": "Minister for Foreign Affairs",
        "role": "principal",
    }
    assert "summary" not in meeting
    assert "evidence" not in meeting
    Meeting.model_validate({**meeting, "summary": "Written by a person.", "evidence": "official"})


def test_drafts_name_each_session() -> None:
    text = SANTIAGO_SUMMER.replace(
        "The overview is as follows.",
        "The two ministers then held a working lunch commencing at 12:00 p.m. (local time; "
        "12:00 a.m. on January 10, JST) for approximately 60 minutes.",
    )
    drafts = extract(text, people=PEOPLE).to_yaml_drafts()
    assert "# records/meetings/2019-01-09-hayashi-ampuero-working-lunch.yaml" in drafts
    assert "# records/meetings/2019-01-09-hayashi-ampuero-foreign-ministers-meeting.yaml" in drafts


def test_extract_never_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: Any, **_kwargs: Any) -> Extraction:
        raise RuntimeError("boom")

    monkeypatch.setattr(extract_package, "extract_document", broken)
    result = extract("On May 3, commencing at 10 a.m.")
    assert result.finding_codes() == ["no-meeting"]
    assert "boom" in result.findings[0].message


MODULES = [
    "__init__", "drafts", "extractor", "findings", "gazetteer", "kinds", "organisations",
    "people", "sources", "text", "timeclauses", "timing", "venue",
]  # fmt: skip


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module_name = "japan_peru_relations.extract" + ("" if name == "__init__" else f".{name}")
    module = importlib.import_module(module_name)
    failures, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert failures == 0
