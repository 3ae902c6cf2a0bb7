"""Every record file is valid on its own and against the others."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from japan_peru_relations.checks import run_checks
from japan_peru_relations.models import RECORD_TYPES, Meeting
from japan_peru_relations.records import read_file, read_records

from .conftest import ROOT

RECORD_FILES = sorted((ROOT / "records").glob("*/*.yaml"))


def test_every_kind_has_records() -> None:
    counts = read_records(ROOT)[0].counts()
    assert all(counts[kind] > 0 for kind in RECORD_TYPES), counts


@pytest.mark.parametrize("path", RECORD_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_record_file_is_valid(path: Path) -> None:
    file, problems = read_file(ROOT, path)
    assert problems == []
    assert file is not None
    assert file.record is not None


def test_no_problem_across_records() -> None:
    _, files, _ = read_records(ROOT)
    assert run_checks(files, dt.date.today()) == []


@pytest.mark.parametrize("path", RECORD_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_record_cites_sources_unless_vocabulary(path: Path) -> None:
    file, _ = read_file(ROOT, path)
    assert file is not None
    assert file.record is not None
    if file.kind not in ("sources", "topics"):
        assert getattr(file.record, "sources", None), "every record cites at least one source"


def test_records_share_one_set_of_given_fields_per_combination() -> None:
    _, files, _ = read_records(ROOT)
    participants = [
        p for f in files if isinstance(f.record, Meeting) for p in f.record.participants
    ]
    by_fields: dict[frozenset[str], set[int]] = {}
    for participant in participants:
        given = participant.model_fields_set
        by_fields.setdefault(frozenset(given), set()).add(id(given))
    assert all(len(ids) == 1 for ids in by_fields.values())
    assert len(participants) > len(by_fields)


def test_a_copy_with_changes_leaves_the_shared_set_alone() -> None:
    _, files, _ = read_records(ROOT)
    first, second = [
        p for f in files if isinstance(f.record, Meeting) for p in f.record.participants
    ][:2]
    if first.model_fields_set is not second.model_fields_set:
        pytest.skip("the first two participants were given different fields")
    before = set(second.model_fields_set)
    changed = first.model_copy(update={"title": "Changed"})
    assert "title" in changed.model_fields_set
    assert first.model_fields_set == second.model_fields_set == before


def test_a_valid_record_finds_its_lines_again_only_in_an_unchanged_file(project: Path) -> None:
    path = sorted((project / "records" / "meetings").glob("*.yaml"))[0]
    lines = path.read_text(encoding="utf-8").splitlines()
    id_line = next(n for n, line in enumerate(lines, start=1) if line.startswith("id:"))
    file, problems = read_file(project, path)
    assert problems == []
    assert file is not None
    assert file.position(("id",)) == (id_line, 1)  # read again from the unchanged file
    edited, _ = read_file(project, path)
    assert edited is not None
    path.write_text("# edited after it was read\n" + "\n".join(lines) + "\n", encoding="utf-8")
    assert edited.position(("id",)) == (0, 0)  # no position rather than a wrong one
