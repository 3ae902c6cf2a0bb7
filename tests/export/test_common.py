"""The shared layer: every published table reaches the exports, with the right logical types."""

from __future__ import annotations

import datetime as dt

import pytest

from japan_peru_relations.dataset import Dataset
from japan_peru_relations.export.common import (
    FieldSpec,
    MissingExtraError,
    published_tables,
    rebuild,
    require,
)
from japan_peru_relations.fieldtypes import LOCAL_DATETIME_PATTERN, LOCAL_TIME_PATTERN
from japan_peru_relations.tables import TABLES

from .conftest import expected_rows


def test_every_table_is_published_with_its_rows(dataset: Dataset) -> None:
    published = {t.name: t for t in published_tables(dataset)}
    assert set(published) >= {t.name for t in TABLES}
    for name, count in expected_rows(dataset).items():
        assert len(published[name].rows) == count, name
    for table in TABLES:
        assert published[table.name].field_names == table.field_names
        assert list(published[table.name].primary_key) == table.primary_key


def test_logical_types_follow_the_table_schema(shipped: Dataset) -> None:
    for table in published_tables(shipped):
        for spec in table.fields:
            pattern = spec.constraints.get("pattern")
            if spec.logical == "time":
                assert spec.text_format == "%H:%M"
            elif spec.logical == "datetime":
                assert spec.text_format == "%Y-%m-%dT%H:%M"
            else:
                assert pattern not in (LOCAL_TIME_PATTERN, LOCAL_DATETIME_PATTERN)
    meetings = next(t for t in published_tables(shipped) if t.name == "meetings")
    types = {f.name: f.logical for f in meetings.fields}
    assert types["date"] == "date"
    assert types["start_local"] == "time"
    assert types["stated_japan_time"] == "datetime"
    assert types["duration_minutes"] == "integer"
    assert types["duration_approximate"] == "boolean"
    assert types["host_country"] == "string"


@pytest.mark.parametrize(
    ("schema", "cell", "value"),
    [
        ({"type": "integer"}, "42", 42),
        ({"type": "number"}, "-12.0464", -12.0464),
        ({"type": "boolean"}, "true", True),
        ({"type": "boolean"}, "false", False),
        ({"type": "date"}, "2023-05-03", dt.date(2023, 5, 3)),
        (
            {"type": "string", "constraints": {"pattern": LOCAL_TIME_PATTERN}},
            "09:10",
            dt.time(9, 10),
        ),
        (
            {"type": "string", "constraints": {"pattern": LOCAL_DATETIME_PATTERN}},
            "2023-05-03T23:10",
            dt.datetime(2023, 5, 3, 23, 10),
        ),
        ({"type": "string"}, "2009-04", "2009-04"),
        ({"type": "string"}, "", None),
    ],
)
def test_a_cell_and_its_value_are_inverses(
    schema: dict[str, object], cell: str, value: object
) -> None:
    spec = FieldSpec.of({"name": "x", **schema})
    assert spec.value(cell) == value
    assert spec.cell(spec.value(cell)) == cell


def test_rebuild_refuses_tables_that_do_not_match() -> None:
    with pytest.raises(KeyError, match="missing"):
        rebuild({})


def test_a_missing_extra_names_the_install_command() -> None:
    with pytest.raises(MissingExtraError, match=r"pip install 'japan-peru-relations\[demo\]'"):
        require("no_such_module_for_jpr", "demo", "The demo")
