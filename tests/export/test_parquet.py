"""`jpr export parquet`: one typed file per table, readable by pyarrow, DuckDB and pandas."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from japan_peru_relations.dataset import Dataset
from japan_peru_relations.export.common import published_tables
from japan_peru_relations.export.parquet import export_parquet, read_parquet

from .conftest import expected_rows

pa = pytest.importorskip("pyarrow", reason="the [parquet] extra (pyarrow) is not installed")
pq = pytest.importorskip("pyarrow.parquet")


def _arrow_types() -> dict[str, object]:
    return {
        "string": pa.string(),
        "integer": pa.int64(),
        "number": pa.float64(),
        "boolean": pa.bool_(),
        "date": pa.date32(),
        "time": pa.time64("us"),
        "datetime": pa.timestamp("us"),
    }


@pytest.fixture(scope="module")
def out(dataset: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("parquet")
    export_parquet(dataset, folder)
    return folder


def test_one_file_per_table_with_every_row(dataset: Dataset, out: Path) -> None:
    tables = published_tables(dataset)
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t.name}.parquet" for t in tables)
    for name, count in expected_rows(dataset).items():
        assert pq.read_metadata(out / f"{name}.parquet").num_rows == count, name


def test_columns_have_proper_types_and_descriptions(dataset: Dataset, out: Path) -> None:
    types = _arrow_types()
    for table in published_tables(dataset):
        schema = pq.read_schema(out / f"{table.name}.parquet")
        assert schema.names == table.field_names
        for spec in table.fields:
            field = schema.field(spec.name)
            assert field.type == types[spec.logical], (table.name, spec.name)
            assert field.nullable == (not spec.required), (table.name, spec.name)
            assert field.metadata[b"description"].decode() == spec.description
        metadata = {k.decode(): v.decode() for k, v in schema.metadata.items()}
        assert metadata["description"] == table.description
        assert json.loads(metadata["primary_key"]) == list(table.primary_key)
        assert metadata["license"] == "CC-BY-4.0"


def test_local_times_are_parquet_times_not_adjusted_to_utc(out: Path) -> None:
    text = str(pq.read_metadata(out / "meetings.parquet").schema)
    assert "Time(isAdjustedToUTC=false, timeUnit=microseconds)" in text
    assert "(Date)" in text


def test_round_trip_back_into_models_is_lossless(dataset: Dataset, out: Path) -> None:
    assert read_parquet(out) == dataset


def test_times_as_text_for_older_spark(synthetic: Dataset, tmp_path: Path) -> None:
    export_parquet(synthetic, tmp_path, times_as_text=True)
    schema = pq.read_schema(tmp_path / "meetings.parquet")
    assert schema.field("start_local").type == pa.string()
    assert schema.field("date").type == pa.date32()
    assert pq.read_table(tmp_path / "meetings.parquet").column("start_local").to_pylist()[-1] == (
        "09:10"
    )
    assert read_parquet(tmp_path) == synthetic


def test_duckdb_reads_the_files_with_their_types(synthetic: Dataset, tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb", reason="duckdb is not installed")
    export_parquet(synthetic, tmp_path)
    meetings = (tmp_path / "meetings.parquet").as_posix()
    participants = (tmp_path / "meeting_participants.parquet").as_posix()
    con = duckdb.connect()
    described = {
        row[0]: row[1] for row in con.execute(f"DESCRIBE SELECT * FROM '{meetings}'").fetchall()
    }
    assert described["date"] == "DATE"
    assert described["start_local"] == "TIME"
    assert described["stated_japan_time"] == "TIMESTAMP"
    assert described["duration_minutes"] == "BIGINT"
    assert described["duration_approximate"] == "BOOLEAN"
    joined = (
        f"SELECT count(*) FROM '{meetings}' AS m JOIN '{participants}' AS p ON p.meeting = m.id"
    )
    assert con.execute(joined).fetchall() == [(3,)]


def test_pandas_reads_the_files(synthetic: Dataset, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas", reason="pandas is not installed")
    export_parquet(synthetic, tmp_path)
    frame = pd.read_parquet(tmp_path / "meetings.parquet")
    assert len(frame) == len(synthetic["meetings"])
    assert str(frame["duration_minutes"].dtype) in ("int64", "Int64", "float64")


def test_a_failed_export_keeps_the_previous_files(
    synthetic: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export_parquet(synthetic, tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    real = pq.write_table
    calls = []

    def fail_on_the_fifth(*args: object, **kwargs: object) -> None:
        calls.append(1)
        if len(calls) == 5:
            raise OSError("disk full")
        real(*args, **kwargs)

    monkeypatch.setattr(pq, "write_table", fail_on_the_fifth)
    changed = Dataset.of({kind: list(synthetic[kind][:1]) for kind in synthetic.records})
    with pytest.raises(OSError, match="disk full"):
        export_parquet(changed, tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
