"""The published package: frictionless, the Data Package v2 profiles and JSON Schema accept it."""

from __future__ import annotations

import json
from importlib.resources import files

import pytest
from jsonschema import Draft7Validator, Draft202012Validator

from japan_peru_relations._version import __version__
from japan_peru_relations.models import RECORD_TYPES
from japan_peru_relations.package import json_path, schema_path
from japan_peru_relations.validate import check_frictionless

from .conftest import ROOT

DESCRIPTOR = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))


def test_frictionless_reports_the_package_valid() -> None:
    assert check_frictionless(ROOT) == []


def _profile(name: str) -> dict[str, object]:
    text = (files("dplib") / "profiles" / "2.0" / name).read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


def test_descriptor_follows_the_data_package_v2_profile() -> None:
    errors = [
        e.message for e in Draft7Validator(_profile("datapackage.json")).iter_errors(DESCRIPTOR)
    ]
    assert errors == []


@pytest.mark.parametrize("resource", DESCRIPTOR["resources"], ids=lambda r: r["name"])
def test_every_resource_follows_the_data_resource_v2_profile(resource: dict[str, object]) -> None:
    validator = Draft7Validator(_profile("dataresource.json"))
    assert [e.message for e in validator.iter_errors(resource)] == []


@pytest.mark.parametrize(
    "resource", [r for r in DESCRIPTOR["resources"] if "schema" in r], ids=lambda r: r["name"]
)
def test_every_table_schema_follows_the_table_schema_v2_profile(
    resource: dict[str, object],
) -> None:
    validator = Draft7Validator(_profile("tableschema.json"))
    assert [e.message for e in validator.iter_errors(resource["schema"])] == []


@pytest.mark.parametrize("kind", RECORD_TYPES)
def test_every_json_resource_validates_against_its_schema(kind: str) -> None:
    schema = json.loads((ROOT / schema_path(kind)).read_text(encoding="utf-8"))
    data = json.loads((ROOT / json_path(kind)).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert [e.message for e in Draft202012Validator(schema).iter_errors(data)] == []


def test_data_licence_is_declared() -> None:
    assert [licence["name"] for licence in DESCRIPTOR["licenses"]] == ["CC-BY-4.0"]


def test_package_version_is_the_library_version_and_the_changelog_head() -> None:
    assert DESCRIPTOR["version"] == __version__
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{__version__}]" in changelog


def test_every_csv_resource_has_a_description_on_every_column() -> None:
    for resource in DESCRIPTOR["resources"]:
        for field in resource.get("schema", {}).get("fields", []):
            assert field.get("description"), (resource["name"], field["name"])
