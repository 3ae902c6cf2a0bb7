"""`to_pandas` / `to_polars`: typed, nullable columns, one row per published row."""

from __future__ import annotations

import datetime as dt
import importlib
from typing import Any

import pytest

from japan_peru_relations import frames
from japan_peru_relations.dataset import Dataset
from japan_peru_relations.export.common import MissingExtraError

from .conftest import expected_rows


def test_to_pandas_gives_typed_columns(synthetic: Dataset) -> None:
    pytest.importorskip("pandas", reason="the [pandas] extra is not installed")
    pytest.importorskip("pyarrow", reason="the [pandas] extra is not installed")
    frame = frames.to_pandas("meetings", dataset=synthetic)
    dtypes = {name: str(dtype) for name, dtype in frame.dtypes.items()}
    assert dtypes["id"] == "string"
    assert dtypes["date"] == "date32[day][pyarrow]"
    assert dtypes["start_local"] == "time64[us][pyarrow]"
    assert dtypes["stated_japan_time"] == "datetime64[us]"
    assert dtypes["duration_minutes"] == "Int64"
    assert dtypes["duration_approximate"] == "boolean"
    row = frame.set_index("id").loc["2023-05-03-hayashi-gervasi"]
    assert row["date"] == dt.date(2023, 5, 3)
    assert row["start_local"] == dt.time(9, 10)
    places = frames.to_pandas("places", dataset=synthetic)
    assert str(places["latitude"].dtype) == "Float64"


def test_to_pandas_reads_the_shipped_data_by_default(shipped: Dataset) -> None:
    pytest.importorskip("pandas", reason="the [pandas] extra is not installed")
    pytest.importorskip("pyarrow", reason="the [pandas] extra is not installed")
    for name in ("meetings", "meeting_participants", "agreement_steps"):
        assert len(frames.to_pandas(name)) == expected_rows(shipped)[name]


def test_to_polars_gives_typed_columns(synthetic: Dataset) -> None:
    pl = pytest.importorskip("polars", reason="the [polars] extra is not installed")
    frame = frames.to_polars("meetings", dataset=synthetic)
    assert frame.schema["date"] == pl.Date
    assert frame.schema["start_local"] == pl.Time
    assert frame.schema["stated_japan_time"] == pl.Datetime("us")
    assert frame.schema["duration_minutes"] == pl.Int64
    assert frame.schema["duration_approximate"] == pl.Boolean
    assert frame.schema["id"] == pl.String
    assert frame.height == len(synthetic["meetings"])
    steps = frames.to_polars("agreement_steps", dataset=synthetic)
    assert steps["date"].to_list() == ["2019-11-19", "2021-01"]


def test_an_unknown_table_names_the_closest(synthetic: Dataset) -> None:
    with pytest.raises(frames.TableNotFoundError, match="did you mean 'meetings'"):
        frames.to_polars("meeting", dataset=synthetic)


@pytest.mark.parametrize(
    ("call", "extra"), [(frames.to_pandas, "pandas"), (frames.to_polars, "polars")]
)
def test_a_missing_library_names_its_extra(
    monkeypatch: pytest.MonkeyPatch, synthetic: Dataset, call: Any, extra: str
) -> None:
    real = importlib.import_module

    def refuse(name: str, package: str | None = None) -> Any:
        if name.split(".")[0] in ("pandas", "polars", "pyarrow"):
            raise ImportError(f"No module named {name!r}")
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", refuse)
    with pytest.raises(MissingExtraError, match=rf"pip install 'japan-peru-relations\[{extra}\]'"):
        call("meetings", dataset=synthetic)
