"""scripts/synth.py: the benchmark data is valid under every rule and the same for a seed."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from japan_peru_relations.validate import Options, validate_project

from .conftest import ROOT

N = 50


def _synth() -> ModuleType:
    name = "jpr_synth"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / "synth.py")
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def synth_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth")
    assert _synth().main(["--meetings", str(N), "--out", str(out), "--seed", "7"]) == 0
    return out


@pytest.mark.slow
def test_synthetic_project_validates_clean(synth_project: Path) -> None:
    report = validate_project(synth_project, Options(package=True, frictionless=True))
    assert report.sorted_problems() == []
    assert report.checked["package checks"] == 4


def test_synthetic_project_has_every_kind(synth_project: Path) -> None:
    counts = {p.name: len(list(p.iterdir())) for p in (synth_project / "records").iterdir()}
    assert counts["meetings"] == N
    assert all(counts.get(kind, 0) > 0 for kind in ("sources", "people", "places", "agreements"))
    assert (synth_project / "datapackage.json").is_file()


def test_same_seed_gives_the_same_bytes(synth_project: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert _synth().main(["--meetings", str(N), "--out", str(again), "--seed", "7"]) == 0
    assert _tree(again) == _tree(synth_project)


def test_another_seed_gives_other_records(synth_project: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    assert (
        _synth().main(["--meetings", str(N), "--out", str(other), "--seed", "8", "--no-build"]) == 0
    )
    assert _tree(other / "records") != _tree(synth_project / "records")


def test_emitted_yaml_reads_back_to_the_same_values() -> None:
    from japan_peru_relations.yamlread import read_yaml

    synth = _synth()
    record = {
        "id": "x-1",
        "title": "Colon: inside, # hash, 'quotes' and \"double\" ones",
        "summary": "A long text " * 20 + "ending here.",
        "notes": "null",
        "aliases": ["- dash first", "Plain one", "~"],
        "steps": [{"step": "signed", "note": "09:10 at the palace", "sources": ["a-b"]}],
    }
    document = read_yaml(synth.emit(record).encode("utf-8"))
    assert document.errors == []
    assert document.value == {**record, "summary": record["summary"].strip()}
