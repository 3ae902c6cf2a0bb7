"""Validate, build and load at N meetings, beside the references the issue sets targets against.

References measured in the same run: `frictionless validate` (Package(...).validate(), the
anchor of the validate target) and `import pydantic` (the anchor of the cold-start target).
Commands that a contributor or a user runs are measured in fresh processes, with their peak
memory; build and load are also measured in-process, where the library's own time shows.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from jprbench import ROOT, jpr, measured, python, timed
from pytest_benchmark.fixture import BenchmarkFixture

from japan_peru_relations.build import render, write_outputs
from japan_peru_relations.dataset import Dataset
from japan_peru_relations.load import Store
from japan_peru_relations.models import RECORD_TYPES

TODAY = "2026-11-23"


# --- validate ----------------------------------------------------------------------------------


def test_validate_own_checks(benchmark: BenchmarkFixture, project: Path, n: int) -> None:
    """`jpr validate DIR` (the default): every record rule, the build check, the CSV tables
    against their Table Schemas, JSON Schema where the build check has not proved the JSON, and
    the Data Package profile."""
    measured(benchmark, "validate-own-checks", n, jpr("validate", "--today", TODAY, str(project)))


def test_frictionless_reference(benchmark: BenchmarkFixture, project: Path, n: int) -> None:
    """The anchor: frictionless alone on the same folder (what `frictionless validate` runs)."""
    code = (
        "import sys\n"
        "from frictionless import Package, system\n"
        "with system.use_context(trusted=False):\n"
        f"    report = Package({str(project / 'datapackage.json')!r}, "
        f"basepath={str(project)!r}).validate()\n"
        "sys.exit(0 if report.valid else 1)\n"
    )
    measured(benchmark, "frictionless-reference", n, python(code))


def test_validate_with_frictionless(benchmark: BenchmarkFixture, project: Path, n: int) -> None:
    """`jpr validate --frictionless DIR`, as CI runs it: our checks and the second opinion."""
    argv = jpr("validate", "--frictionless", "--today", TODAY, str(project))
    measured(benchmark, "validate-with-frictionless", n, argv)


# --- build -------------------------------------------------------------------------------------


def test_build_cli(benchmark: BenchmarkFixture, project: Path, n: int) -> None:
    """`jpr build DIR` on an up-to-date project: read, check, render, compare (no writes)."""
    measured(benchmark, "build-cli", n, jpr("build", str(project)))


@pytest.fixture(scope="session")
def dataset(project: Path) -> Dataset:
    from japan_peru_relations.records import read_records

    dataset, _, problems = read_records(project)
    assert problems == []
    return dataset


def test_render_write(
    benchmark: BenchmarkFixture, dataset: Dataset, project: Path, n: int, tmp_path: Path
) -> None:
    """The library's build proper: every output's bytes, then the atomic write to a new folder."""
    targets: list[Path] = []

    def setup() -> None:
        target = tmp_path / f"out{len(targets)}"
        target.mkdir()
        targets.append(target)

    def build() -> int:
        return len(write_outputs(targets[-1], render(dataset)))

    written = timed(benchmark, "render-write", n, build, setup=setup)
    assert written == len(render(dataset))
    assert (targets[-1] / "data" / "meetings.json").read_bytes() == (
        project / "data" / "meetings.json"
    ).read_bytes()
    for target in targets:
        shutil.rmtree(target)


# --- load --------------------------------------------------------------------------------------

LOAD_ALL = (
    "import sys\n"
    "from japan_peru_relations.load import Store\n"
    "from japan_peru_relations.models import RECORD_TYPES\n"
    "store = Store(sys.argv[1])\n"
    "sys.exit(0 if all(store.all(kind) is not None for kind in RECORD_TYPES) else 1)\n"
)


def test_load_all_cold(benchmark: BenchmarkFixture, project: Path, n: int) -> None:
    """A fresh process loads every record of every kind from the built JSON."""
    measured(benchmark, "load-all-cold", n, [*python(LOAD_ALL), str(project / "data")])


def test_load_meetings_warm(benchmark: BenchmarkFixture, project: Path, n: int) -> None:
    """In-process: Store(DIR/data).all('meetings') with the adapters already built."""
    Store(project / "data").all("meetings")  # builds the adapter outside the timing
    records = timed(
        benchmark, "load-meetings-warm", n, lambda: Store(project / "data").all("meetings")
    )
    assert len(records) == n


def test_load_all_warm(benchmark: BenchmarkFixture, project: Path, n: int) -> None:
    """In-process: every kind, each through its one TypeAdapter."""

    def load_all() -> int:
        store = Store(project / "data")
        return sum(len(store.all(kind)) for kind in RECORD_TYPES)

    assert timed(benchmark, "load-all-warm", n, load_all) > n


# --- cold start on the shipped data -------------------------------------------------------------


def test_cold_start_import_pydantic(benchmark: BenchmarkFixture) -> None:
    """The anchor: a fresh interpreter that imports pydantic."""
    measured(benchmark, "cold-start-import-pydantic", 0, python("import pydantic"), cwd=ROOT)


def test_cold_start_meetings(benchmark: BenchmarkFixture) -> None:
    """A fresh interpreter that imports the library and loads the shipped meetings."""
    code = "import japan_peru_relations as j; j.meetings()"
    measured(benchmark, "cold-start-meetings", 0, python(code), cwd=ROOT)
