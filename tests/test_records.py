"""Every record file is valid on its own and against the others."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from japan_peru_relations.checks import run_checks
from japan_peru_relations.models import RECORD_TYPES
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
