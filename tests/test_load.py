"""The library: typed, frozen records from the built JSON, helpful lookups, no YAML needed."""

from __future__ import annotations

import subprocess
import sys

import pytest
from pydantic import ValidationError

import japan_peru_relations as jpr
from japan_peru_relations.load import Store

from .conftest import ROOT

KINDS = {
    "meetings": (jpr.meetings, jpr.meeting, jpr.get_meeting, jpr.Meeting),
    "agreements": (jpr.agreements, jpr.agreement, jpr.get_agreement, jpr.Agreement),
    "anniversaries": (jpr.anniversaries, jpr.anniversary, jpr.get_anniversary, jpr.Anniversary),
    "milestones": (jpr.milestones, jpr.milestone, jpr.get_milestone, jpr.Milestone),
    "people": (jpr.people, jpr.person, jpr.get_person, jpr.Person),
    "places": (jpr.places, jpr.place, jpr.get_place, jpr.Place),
    "sources": (jpr.sources, jpr.source, jpr.get_source, jpr.Source),
    "topics": (jpr.topics, jpr.topic, jpr.get_topic, jpr.Topic),
}


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_loads_as_frozen_typed_records(kind: str) -> None:
    all_of, one, get, model = KINDS[kind]
    records = all_of()
    assert records
    assert all(type(r) is model for r in records)
    first = records[0]
    assert one(first.id) is first
    assert get(first.id) is first
    with pytest.raises(ValidationError):
        first.id = "changed"  # type: ignore[misc]


@pytest.mark.parametrize("kind", KINDS)
def test_unknown_id_raises_a_lookup_error_suggesting_close_ids(kind: str) -> None:
    all_of, one, get, _ = KINDS[kind]
    real = all_of()[0].id
    with pytest.raises(LookupError, match=f"did you mean '{real}'"):
        one(real + "x")
    assert get(real + "x") is None


def test_lookup_ignores_case_accents_and_spacing() -> None:
    person = jpr.people()[0]
    assert jpr.person(person.id.upper().replace("-", " ")) is person


def test_lookup_error_is_the_library_s_own_lookup_error() -> None:
    with pytest.raises(jpr.RecordNotFoundError, match=r"list them with jpr\.meetings\(\)"):
        jpr.meeting("no-such-meeting-at-all")


def test_a_store_loads_any_built_folder() -> None:
    store = Store(ROOT / "data")
    assert store.all("meetings") == jpr.meetings()


def test_a_store_on_an_unbuilt_folder_says_what_to_do(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(jpr.DataNotFoundError, match="jpr build"):
        Store(tmp_path).all("meetings")


def test_loading_imports_neither_yaml_nor_frictionless() -> None:
    code = (
        "import sys, japan_peru_relations as jpr\n"
        "for load in (jpr.meetings, jpr.agreements, jpr.anniversaries, jpr.people, jpr.sources):\n"
        "    load()\n"
        "bad = [m for m in ('yaml', 'frictionless', 'jsonschema') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT.parent)
