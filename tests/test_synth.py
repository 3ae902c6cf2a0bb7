"""scripts/synth.py: the benchmark data is valid under every rule and the same for a seed."""

from __future__ import annotations

from pathlib import Path

import pytest

from japan_peru_relations.validate import Options, check_json_resources, validate_project

from .conftest import synth_module

N = 50


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def synth_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth")
    assert synth_module().main(["--meetings", str(N), "--out", str(out), "--seed", "7"]) == 0
    return out


@pytest.mark.slow
def test_synthetic_project_validates_clean(synth_project: Path) -> None:
    report = validate_project(synth_project, Options(package=True, frictionless=True))
    assert report.sorted_problems() == []
    assert report.checked["package checks"] == 5  # with the frictionless second opinion


def test_every_json_resource_the_build_makes_meets_its_schema(synth_project: Path) -> None:
    # jpr validate skips JSON Schema on files the build check proves current; this is the
    # property that makes that sound, on a project with every kind and shape of record.
    assert check_json_resources(synth_project) == []


def test_synthetic_project_has_every_kind(synth_project: Path) -> None:
    counts = {p.name: len(list(p.iterdir())) for p in (synth_project / "records").iterdir()}
    assert counts["meetings"] == N
    assert all(counts.get(kind, 0) > 0 for kind in ("sources", "people", "places", "agreements"))
    assert (synth_project / "datapackage.json").is_file()


def test_same_seed_gives_the_same_bytes(synth_project: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert synth_module().main(["--meetings", str(N), "--out", str(again), "--seed", "7"]) == 0
    assert _tree(again) == _tree(synth_project)


def test_another_seed_gives_other_records(synth_project: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    argv = ["--meetings", str(N), "--out", str(other), "--seed", "8", "--no-build"]
    assert synth_module().main(argv) == 0
    assert _tree(other / "records") != _tree(synth_project / "records")


def test_emitted_yaml_reads_back_to_the_same_values() -> None:
    from japan_peru_relations.yamlread import read_yaml

    synth = synth_module()
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


def test_render_writes_what_the_reference_encoders_write(synth_project: Path) -> None:
    """The build's fast paths (one dump per record, the specialised and pydantic JSON writers,
    csv cells from plain data) give the bytes of json.dumps and of table_rows, byte for byte."""
    import csv
    import io
    import json

    from japan_peru_relations.build import render
    from japan_peru_relations.models import RECORD_TYPES
    from japan_peru_relations.package import csv_path, json_path
    from japan_peru_relations.records import read_records
    from japan_peru_relations.tables import TABLES, table_rows

    dataset, _, problems = read_records(synth_project)
    assert problems == []
    outputs = render(dataset)
    for kind in RECORD_TYPES:
        plain = [r.model_dump(mode="json") for r in dataset[kind]]
        expected = json.dumps(plain, ensure_ascii=False, indent=2) + "\n"
        assert outputs[json_path(kind)] == expected.encode("utf-8"), kind
    for table in TABLES:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(table.field_names)
        writer.writerows(table_rows(table, dataset[table.kind]))
        assert outputs[csv_path(table.name)] == out.getvalue().encode("utf-8"), table.name


@pytest.mark.parametrize(
    "value",
    [
        [],
        {},
        [{"a": None, "b": True, "c": False, "d": 0, "e": -1.5, "f": 1e-05, "g": 1e16}],
        [{"nested": [{"x": []}, {"y": {}}], "text": 'é 日本 \x00 " \\ \u2028'}],
        {"k": [1, "two", 3.0, None, [[]]], "n": float("nan"), "i": float("-inf")},
        "plain",
        [["a", "b"], ["c"]],
    ],
)
def test_dumps_is_json_dumps(value: object) -> None:
    import json

    from japan_peru_relations.package import dump_bytes, dumps

    expected = json.dumps(value, ensure_ascii=False, indent=2) + "\n"
    assert dumps(value) == expected
    assert dump_bytes(value) == expected.encode("utf-8")
