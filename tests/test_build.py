"""`jpr build`: reproducible, lossless, atomic, and in step with the committed outputs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from japan_peru_relations import build
from japan_peru_relations.build import render, stale_files, write_outputs
from japan_peru_relations.dataset import Dataset
from japan_peru_relations.models import RECORD_TYPES
from japan_peru_relations.records import read_records
from japan_peru_relations.tables import TABLES, from_csv, to_csv

from .conftest import ROOT


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    dataset, _, problems = read_records(ROOT)
    assert problems == []
    return dataset


def test_committed_outputs_match_the_records(dataset: Dataset) -> None:
    assert stale_files(ROOT, render(dataset)) == [], "run `jpr build` and commit the result"


def test_build_is_byte_identical_on_rerun(dataset: Dataset) -> None:
    assert render(dataset) == render(dataset)


def test_round_trip_through_json_is_lossless(dataset: Dataset) -> None:
    from japan_peru_relations.load import Store

    store = Store(ROOT / "data")
    for kind in RECORD_TYPES:
        assert store.all(kind) == dataset[kind], kind


def test_round_trip_through_csv_is_lossless(dataset: Dataset) -> None:
    texts = {table.name: to_csv(table, dataset) for table in TABLES}
    assert from_csv(texts) == dataset


def test_unchanged_build_writes_nothing(project: Path, dataset: Dataset) -> None:
    assert write_outputs(project, render(dataset)) == []


def _snapshot(root: Path) -> dict[str, bytes]:
    paths = [root / "datapackage.json", *(root / "data").rglob("*"), *(root / "schema").rglob("*")]
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in paths if p.is_file()}


def _changed_outputs(dataset: Dataset) -> dict[str, bytes]:
    outputs = render(dataset)
    # Change every file, drop one and add one, so each kind of step is exercised.
    changed = {path: data + b"\n" for path, data in outputs.items()}
    dropped = sorted(changed)[0]
    del changed[dropped]
    changed["data/new_table.csv"] = b"id\n"
    return changed


@pytest.mark.parametrize("fail_at", [1, 2, 5, 20, 40, 60])
def test_interrupted_build_leaves_outputs_byte_identical(
    project: Path, dataset: Dataset, fail_at: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _snapshot(project)
    outputs = _changed_outputs(dataset)
    real_replace = os.replace
    calls = {"n": 0}

    def failing_replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        calls["n"] += 1
        if calls["n"] == fail_at:
            raise OSError("disk full (simulated)")
        real_replace(src, dst)

    monkeypatch.setattr(build.os, "replace", failing_replace)
    with pytest.raises(OSError, match="simulated"):
        write_outputs(project, outputs)
    monkeypatch.setattr(build.os, "replace", real_replace)
    assert _snapshot(project) == before
    assert not list(project.glob(".jpr-build-*")), "the staging folder is removed"


def test_interrupted_staging_leaves_outputs_byte_identical(
    project: Path, dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _snapshot(project)

    def failing_fsync(_fd: int) -> None:
        raise OSError("interrupted (simulated)")

    monkeypatch.setattr(build.os, "fsync", failing_fsync)
    with pytest.raises(OSError, match="simulated"):
        write_outputs(project, _changed_outputs(dataset))
    assert _snapshot(project) == before


def test_build_removes_left_over_generated_files(project: Path, dataset: Dataset) -> None:
    (project / "data" / "old_table.csv").write_text("id\n")
    assert stale_files(project, render(dataset)) == ["data/old_table.csv"]
    write_outputs(project, render(dataset))
    assert not (project / "data" / "old_table.csv").exists()
    assert stale_files(project, render(dataset)) == []
