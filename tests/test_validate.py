"""`jpr validate` names each problem with its rule code and position: one corruption at a time.

The fixture is tests/fixtures/mini, a small valid project written for these tests.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from japan_peru_relations import package, retired
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


# --- ids of the previous release: records/retired.yaml ------------------------------------------

RETIRED = "records/retired.yaml"


def publish(root: Path, kind: str, *ids: str) -> None:
    """A previous release whose data/<kind>.csv holds these ids."""
    (root / "data").mkdir(exist_ok=True)
    (root / "data" / f"{kind}.csv").write_text("id,label\n" + "".join(f"{i},x\n" for i in ids))


def test_the_previous_release_is_read_where_the_build_writes() -> None:
    assert retired.PUBLISHED_DIR == package.DATA_DIR


def test_a_published_id_that_disappears_is_reported(mini: Path) -> None:
    publish(mini, "topics", "test-topic", "old-topic")
    assert ("id-disappeared", "records/topics/old-topic.yaml", 0, "id") in found(mini)


def test_a_retired_id_may_disappear(mini: Path) -> None:
    publish(mini, "topics", "test-topic", "old-topic")
    (mini / RETIRED).write_text(
        "topics:\n  - id: old-topic\n    replaced_by: test-topic\n    reason: Merged.\n"
    )
    assert found(mini) == set()


def test_a_withdrawn_id_needs_only_a_reason(mini: Path) -> None:
    publish(mini, "topics", "test-topic", "old-topic")
    (mini / RETIRED).write_text("topics:\n  - id: old-topic\n    reason: Never discussed.\n")
    assert found(mini) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "topics:\n  - id: old-topic\n    replaced_by: no-topic\n    reason: Merged.\n",
            ("unknown-reference", RETIRED, 3, "topics[0].replaced_by"),
        ),
        (
            "topics:\n  - id: test-topic\n    reason: Merged.\n",
            ("id-reused", "records/topics/test-topic.yaml", 1, "id"),
        ),
        (
            "topics:\n  - id: old-topic\n    reason: A.\n  - id: old-topic\n    reason: B.\n",
            ("duplicate-id", RETIRED, 4, "topics[1].id"),
        ),
        ("topics:\n  - id: old-topic\n", ("missing-field", RETIRED, 2, "topics[0].reason")),
        ("visitors:\n  - id: x-y\n    reason: A.\n", ("unknown-field", RETIRED, 1, "visitors")),
        ("topics: [old-topic\n", ("not-yaml", RETIRED, 2, "")),
    ],
    ids=["replacement-unknown", "reused", "listed-twice", "no-reason", "no-such-kind", "yaml"],
)
def test_the_retired_list_is_checked(
    mini: Path, text: str, expected: tuple[str, str, int, str]
) -> None:
    (mini / RETIRED).write_text(text)
    assert expected in found(mini)


# --- terms of office -------------------------------------------------------------------------

POSITION = "aliases:\n  - HAYASHI Yoshimasa\n"


def add_positions(root: Path, *positions: str) -> None:
    items = "".join(
        f"  - title: {p.split('|')[0]}\n    country: JP\n{p.split('|')[1]}" for p in positions
    )
    corrupt(root, PERSON, POSITION, POSITION + "positions:\n" + items)


def test_a_meeting_outside_the_term_of_the_matching_title_is_reported(mini: Path) -> None:
    add_positions(
        mini,
        "Minister for Foreign Affairs|    start: 2021-11-10\n    end: 2023-05-02\n",
        "Minister of Defense|    start: 2023\n",
    )
    assert ("outside-term", MEETING, 15, "participants[0].person") in found(mini)


def test_a_term_known_to_the_month_includes_every_day_of_it(mini: Path) -> None:
    add_positions(mini, "Minister for Foreign Affairs|    start: 2021-11\n    end: 2023-05\n")
    assert found(mini) == set()


def test_without_a_matching_title_any_position_s_term_will_do(mini: Path) -> None:
    add_positions(
        mini,
        "Minister of Defense|    end: 2019\n",
        "Chief Cabinet Secretary|    start: 2023-01\n",
    )
    assert found(mini) == set()  # the second position's term holds the meeting


def test_a_position_without_a_term_never_reports(mini: Path) -> None:
    add_positions(mini, "Minister for Foreign Affairs|    sources: [mofa-en-x]\n")
    assert found(mini) == set()


# --- consistency rules ---------------------------------------------------------------------------


def test_a_telephone_talk_names_no_venue(mini: Path) -> None:
    corrupt(mini, MEETING, "kind: courtesy_call", "kind: telephone_talk")
    corrupt(mini, MEETING, "mode: in_person", "mode: telephone")
    assert found(mini) == {("remote-meeting-with-place", MEETING, 13, "place")}


def test_an_in_person_meeting_is_timed_in_its_venue_s_zone(mini: Path) -> None:
    corrupt(mini, MEETING, "timezone: America/Lima", "timezone: America/Bogota")
    assert ("timezone-mismatch", MEETING, 11, "timezone") in found(mini)


def test_the_same_source_twice_in_a_list_is_reported(mini: Path) -> None:
    corrupt(mini, MEETING, "  - mofa-en-x", "  - mofa-en-x\n  - mofa-en-x")
    assert found(mini) == {("duplicate-reference", MEETING, 27, "sources[1]")}


def test_a_source_nobody_cites_is_reported(mini: Path) -> None:
    text = (mini / SOURCE).read_text().replace("mofa-en-x", "mofa-en-y").replace("x.html", "y.html")
    (mini / "records/sources/mofa-en-y.yaml").write_text(text)
    assert found(mini) == {("unused-source", "records/sources/mofa-en-y.yaml", 1, "id")}


def test_a_name_shared_by_two_people_is_reported(mini: Path) -> None:
    text = (mini / PERSON).read_text().replace("hayashi-yoshimasa", "other-hayashi")
    text = text.replace("name: Yoshimasa Hayashi", "name: Other Hayashi")
    text = text.replace("given_name: Yoshimasa", "given_name: Other")
    (mini / "records/people/other-hayashi.yaml").write_text(text)
    # The alias matches the first person's name, case and word order apart.
    assert found(mini) == {
        ("ambiguous-alias", "records/people/other-hayashi.yaml", 7, "aliases[0]")
    }


def test_a_meeting_date_is_written_in_full(mini: Path) -> None:
    corrupt(mini, MEETING, "date: 2023-05-03", "date: 0")
    assert ("invalid-date", MEETING, 3, "date") in found(mini)


# --- hostile input: never a traceback, never a hang, never a write ------------------------------


def test_deep_nesting_is_refused_quickly(mini: Path) -> None:
    (mini / PERSON).write_bytes(b"id: " + b"[" * 300_000)
    assert ("file-too-large", PERSON, 0, "") in found(mini)
    (mini / PERSON).write_bytes(b"id: " + b"[" * 10_000 + b"]" * 10_000)
    assert ("nesting-too-deep", PERSON, 1, "") in found(mini)


def test_many_keys_are_each_reported(mini: Path) -> None:
    keys = "".join(f"k{i}: v\n" for i in range(20_000))
    (mini / PERSON).write_text((mini / PERSON).read_text() + keys)
    problems = found(mini)
    assert ("unknown-field", PERSON, 10 + 19_999, "k19999") in problems
    assert len(problems) == 20_000


def test_a_very_long_line_is_a_value_too_long(mini: Path) -> None:
    corrupt(mini, PERSON, "name: Yoshimasa Hayashi", "name: " + "x" * 200_000)
    assert ("too-long", PERSON, 2, "name") in found(mini)


def test_binary_junk_is_not_utf8(mini: Path) -> None:
    (mini / PERSON).write_bytes(bytes(range(256)) * 4)
    assert {p[0] for p in found(mini) if p[1] == PERSON} == {"not-utf8"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("id: x\x00y\n", ("not-yaml", 1, "")),
        ('name: "\\ud800"\n', ("not-yaml", 1, "")),
        ("1: x\n", ("unknown-field", 1, "['1']")),
        ("null: x\n", ("unknown-field", 1, "['']")),
        ("? [a]\n: x\n", ("not-a-mapping", 1, "")),
        ("{[a]: x}\n", ("not-a-mapping", 1, "")),
        ("name: {first: Yoshimasa}\n", ("wrong-type", 1, "name")),
        ("aliases: {a: b}\n", ("wrong-type", 1, "aliases")),
        ("just a string\n", ("not-a-mapping", 1, "")),
        ("- a\n- b\n", ("not-a-mapping", 1, "")),
    ],
    ids=["nul", "surrogate", "int-key", "null-key", "list-key", "flow-list-key", "map", "map-list",
         "scalar", "list"],
)  # fmt: skip
def test_odd_yaml_is_reported_at_its_line(
    mini: Path, text: str, expected: tuple[str, int, str]
) -> None:
    (mini / PERSON).write_text(text, encoding="utf-8", errors="surrogatepass")
    code, line, field = expected
    assert (code, PERSON, line, field) in found(mini)


def test_a_lone_surrogate_is_refused_by_the_python_parser_too(
    mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import yaml

    from japan_peru_relations import yamlread

    monkeypatch.setattr(yamlread, "_loader", lambda: yaml.SafeLoader)
    (mini / PERSON).write_text('id: hayashi-yoshimasa\nname: "\\ud800"\n')
    assert ("not-yaml", PERSON, 2, "") in found(mini)


def test_links_folders_and_pipes_are_not_read(mini: Path) -> None:
    zero = mini / "records" / "topics" / "zero.yaml"
    zero.symlink_to("/dev/zero")
    (mini / "records" / "topics" / "folder.yaml").mkdir()
    os.mkfifo(mini / "records" / "topics" / "pipe.yaml")
    (mini / "records" / "linked").symlink_to(mini / "records" / "topics")
    problems = found(mini)
    for name in ("topics/zero.yaml", "topics/folder.yaml", "topics/pipe.yaml", "linked"):
        assert ("unreadable-file", f"records/{name}", 0, "") in problems


def test_a_file_that_cannot_be_opened_is_reported(
    mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def refuse(path: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(path).name == "hayashi-yoshimasa.yaml":
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)  # as root, chmod would not stop the reader
    problems = found(mini)
    assert ("unreadable-file", PERSON, 0, "") in problems
    # The person still stands for its id: records naming them are not reported too.
    assert {p[0] for p in problems} == {"unreadable-file"}


def test_a_folder_that_cannot_be_listed_is_reported(
    mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_scandir = os.scandir

    def refuse(path: Any) -> Any:
        if str(path).endswith("places"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    assert ("unreadable-file", "records/places", 0, "") in found(mini)


def test_hostile_file_names_print_safely(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = os.fsencode(mini / "records" / "topics")
    with open(os.path.join(folder, b"bad\xff\n\x1b[31m.yaml"), "wb") as handle:
        handle.write(b"id: x\n")
    assert main(["validate", "--records-only", str(mini)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "bad\\udcff\\n\\x1b[31m.yaml" in out
    assert main(["validate", "--json", "--records-only", str(mini)]) == 1
    json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(
    ("date", "zone"), [("9999-12-31", "America/Lima"), ("0001-01-01", "Pacific/Kiritimati")]
)
def test_dates_at_the_edge_of_the_calendar_do_not_overflow(
    mini: Path, date: str, zone: str
) -> None:
    corrupt(mini, MEETING, "date: 2023-05-03", f"date: {date}")
    corrupt(mini, MEETING, "timezone: America/Lima", f"timezone: {zone}")
    corrupt(mini, MEETING, "place: lima\n", "")
    assert validate_project(mini, RECORDS_ONLY).problems


def test_thousands_of_files_are_validated(mini: Path) -> None:
    topics = mini / "records" / "topics"
    for n in range(3000):
        (topics / f"topic-{n}.yaml").write_text(f"id: topic-{n}\nlabel: Topic {n}\n")
    for n in range(300):
        (topics / f"broken-{n}.yaml").write_text(f"id: broken-{n}\nlabel: [x\n")
    report = validate_project(mini, RECORDS_ONLY)
    assert report.checked["record files"] == 3307
    assert {p.code for p in report.problems} == {"not-yaml"}


def _tree(root: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def test_validation_never_writes_to_the_tree(project: Path) -> None:
    real_meeting = MEETING.replace("hayashi-x", "hayashi-boluarte-courtesy-call")
    corrupt(project, real_meeting, "mode: in_person", "mode: by_pigeon")
    (project / "data" / "topics.csv").write_text("id,label\n=1+1,x\n")
    (project / "records" / "topics" / "junk.yaml").write_bytes(b"\xff\x00[[[")
    (project / "datapackage.json").write_text('{"resources": 5}')
    before = _tree(project)
    validate_project(project, Options(package=True, today=TODAY))
    assert _tree(project) == before
    assert sorted(p.name for p in project.iterdir()) == sorted(
        ["records", "data", "schema", "datapackage.json"]
    )
