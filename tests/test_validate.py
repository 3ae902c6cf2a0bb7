"""`jpr validate` names each problem with its rule code and position: one corruption at a time.

The fixture is tests/fixtures/mini, a small valid project written for these tests.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from japan_peru_relations.cli import main
from japan_peru_relations.validate import Options, validate_project

MINI = Path(__file__).parent / "fixtures" / "mini"
MEETING = "records/meetings/2023-05-03-hayashi-x.yaml"
PERSON = "records/people/hayashi-yoshimasa.yaml"
SOURCE = "records/sources/mofa-en-x.yaml"
ANNIVERSARY = "records/anniversaries/diplomatic-relations-150th.yaml"
TODAY = dt.date(2026, 1, 1)
RECORDS_ONLY = Options(package=False, today=TODAY)


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    shutil.copytree(MINI / "records", tmp_path / "records")
    return tmp_path


def corrupt(root: Path, path: str, old: str, new: str) -> None:
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert old in text, f"fixture drifted: {old!r} not in {path}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def found(root: Path) -> set[tuple[str, str, int, str]]:
    report = validate_project(root, RECORDS_ONLY)
    return {(p.code, p.path, p.line, p.field) for p in report.problems}


def test_the_fixture_is_valid(mini: Path) -> None:
    assert found(mini) == set()


CASES = [
    # (rule code, file, text to replace, replacement, line, field)
    ("invalid-time", MEETING, "start_local: 11:35", "start_local: 25:10", 7, "start_local"),
    ("invalid-date", MEETING, "date: 2023-05-03", "date: 2023-02-30", 3, "date"),
    (
        "invalid-timezone",
        MEETING,
        "timezone: America/Lima",
        "timezone: America/Lmia",
        11,
        "timezone",
    ),
    ("invalid-choice", MEETING, "kind: courtesy_call", "kind: coffee", 4, "kind"),
    (
        "invalid-choice",
        MEETING,
        "    role: principal",
        "    role: boss",
        18,
        "participants[0].role",
    ),
    (
        "unknown-field",
        MEETING,
        "level: ministerial",
        "level: ministerial\nmood: cordial",
        7,
        "mood",
    ),
    (
        "missing-field",
        MEETING,
        "summary: A meeting written for the validator's tests.\n",
        "",
        1,
        "summary",
    ),
    ("out-of-range", MEETING, "duration_minutes: 30", "duration_minutes: 0", 9, "duration_minutes"),
    (
        "wrong-type",
        MEETING,
        "duration_minutes: 30",
        "duration_minutes: half an hour",
        9,
        "duration_minutes",
    ),
    ("invalid-datetime", MEETING, "2023-05-04T01:35", "2023-05-04 01:35", 12, "stated_japan_time"),
    (
        "japan-time-mismatch",
        MEETING,
        "2023-05-04T01:35",
        "2023-05-04T02:35",
        12,
        "stated_japan_time",
    ),
    ("start-after-end", MEETING, "end_local: 12:05", "end_local: 11:05", 8, "end_local"),
    (
        "duration-mismatch",
        MEETING,
        "duration_minutes: 30",
        "duration_minutes: 90",
        9,
        "duration_minutes",
    ),
    ("unknown-reference", MEETING, "place: lima", "place: lim", 13, "place"),
    (
        "unknown-reference",
        MEETING,
        "  - person: hayashi-yoshimasa",
        "  - person: hayashi",
        15,
        "participants[0].person",
    ),
    ("unknown-reference", MEETING, "  - test-topic", "  - test-topics", 22, "topics[0]"),
    ("future-date", MEETING, "date: 2023-05-03", "date: 2027-05-03", 3, "date"),
    ("invalid-id", MEETING, "id: 2023-05-03-hayashi-x", "id: 2023_05_03", 1, "id"),
    (
        "id-filename-mismatch",
        MEETING,
        "id: 2023-05-03-hayashi-x",
        "id: 2023-05-03-hayashi-y",
        1,
        "id",
    ),
    ("evidence-mismatch", MEETING, "evidence: official", "evidence: press", 24, "evidence"),
    ("no-source", MEETING, "sources:\n  - mofa-en-x", "sources: []", 25, "sources"),
    ("formula-injection", MEETING, "title: Test courtesy call", "title: =HYPERLINK(1)", 2, "title"),
    ("html-in-text", MEETING, "title: Test courtesy call", "title: Test <b>call</b>", 2, "title"),
    ("not-nfc", PERSON, "name: Yoshimasa Hayashi", "name: Yoshimasa Hayashi\u0301", 2, "name"),
    (
        "control-character",
        PERSON,
        "name: Yoshimasa Hayashi",
        "name: Yoshimasa\u200bHayashi",
        2,
        "name",
    ),
    ("untrimmed-text", PERSON, "name: Yoshimasa Hayashi", "name: ' Yoshimasa Hayashi'", 2, "name"),
    ("invalid-country", PERSON, "country: JP", "country: Japan", 5, "country"),
    ("not-https", SOURCE, "url: https://", "url: http://", 2, "url"),
    ("anniversary-arithmetic", ANNIVERSARY, "year: 2023", "year: 2024", 5, "year"),
    ("duplicate-key", MEETING, "mode: in_person", "mode: in_person\nmode: telephone", 6, ""),
    ("yaml-alias", MEETING, "place: lima", "place: &p lima", 13, ""),
    ("yaml-tag", MEETING, "place: lima", "place: !!python/name:os.system lima", 13, ""),
    ("not-yaml", MEETING, "mode: in_person", "mode: [in_person", 6, ""),
]


@pytest.mark.parametrize(
    ("code", "path", "old", "new", "line", "field"),
    CASES,
    ids=[f"{c[0]}-{c[5] or c[1]}" for c in CASES],
)
def test_corruption_is_reported_with_code_and_position(
    mini: Path, code: str, path: str, old: str, new: str, line: int, field: str
) -> None:
    corrupt(mini, path, old, new)
    assert (code, path, line, field) in found(mini)


def test_a_file_outside_the_record_folders_is_reported(mini: Path) -> None:
    (mini / "records" / "notes.yaml").write_text("id: x\n")
    assert ("unexpected-file", "records/notes.yaml", 0, "") in found(mini)


def test_not_utf8_is_reported(mini: Path) -> None:
    (mini / PERSON).write_bytes("name: Nestor\nfamily: Popolizio\xe9\n".encode("latin-1"))
    assert ("not-utf8", PERSON, 2, "") in found(mini)


def test_empty_file_is_reported(mini: Path) -> None:
    (mini / PERSON).write_text("\n")
    assert {p[0] for p in found(mini) if p[1] == PERSON} == {"empty-file"}


def test_every_problem_is_reported_in_one_run(mini: Path) -> None:
    corrupt(mini, MEETING, "start_local: 11:35", "start_local: 25:10")
    corrupt(mini, PERSON, "country: JP", "country: Japan")
    corrupt(mini, ANNIVERSARY, "year: 2023", "year: 2024")
    assert {p[0] for p in found(mini)} == {
        "invalid-time",
        "invalid-country",
        "anniversary-arithmetic",
    }


def test_cli_prints_sorted_lines_a_summary_and_exits_1(
    mini: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corrupt(mini, MEETING, "start_local: 11:35", "start_local: 25:10")
    assert main(["validate", "--records-only", "--today", "2026-01-01", str(mini)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"{MEETING}:7:1: start_local: '25:10' is not a time of day [invalid-time] "
        "hint: use HH:MM, 24-hour",
        "invalid: 1 problem in 1 file(s); checked 7 record files",
    ]


def test_cli_json_report(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corrupt(mini, MEETING, "place: lima", "place: lim")
    assert main(["validate", "--json", "--records-only", str(mini)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["valid"] is False
    assert report["problems"][0] | {"message": ""} == {
        "path": MEETING,
        "line": 13,
        "column": 1,
        "field": "place",
        "code": "unknown-reference",
        "message": "",
        "hint": "add the record, or correct the id (the message suggests close ids)",
    }
    assert "did you mean 'lima'?" in report["problems"][0]["message"]


def test_cli_github_annotations(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corrupt(mini, MEETING, "place: lima", "place: lim")
    assert main(["validate", "--format", "github", "--records-only", str(mini)]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(f"::error file={MEETING},line=13,col=1,title=unknown-reference")


def test_cli_usage_error_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "missing")]) == 2
    assert "has no records/ folder" in capsys.readouterr().err


def test_clean_project_exits_0(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--records-only", str(mini)]) == 0
    assert capsys.readouterr().out.startswith("valid:")
