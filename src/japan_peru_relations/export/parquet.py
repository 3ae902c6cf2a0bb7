"""The package as Parquet: one file per published table, typed from its Table Schema.

Needs pyarrow (`pip install 'japan-peru-relations[parquet]'`). Types:

| Table Schema | Arrow / Parquet |
|---|---|
| string (ids, codes, partial dates such as `2009-04`) | string (UTF-8) |
| integer | int64 |
| number | float64 |
| boolean | bool |
| date | date32 (DATE) |
| local time `HH:MM` | time64[us] (TIME, not adjusted to UTC: a wall-clock time) |
| local date-time `YYYY-MM-DDTHH:MM` | timestamp[us] with no zone (TIMESTAMP, not adjusted to UTC) |

A column is nullable unless its field is required. Each field carries its description in the
field metadata (`description`); each file's schema metadata carries the table's description,
primary key, foreign keys and the package's name, version and licence. Spark reads TIME
columns only from 4.1 on; for older Spark, `times_as_text=True` writes times and date-times
as the text the CSV carries.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from ..dataset import Dataset
from .common import FieldSpec, PackageInfo, PublishedTable, package_info, published_tables, require

EXTRA = "parquet"


def _pyarrow() -> Any:
    return require("pyarrow", EXTRA, "Parquet export")


def arrow_type(spec: FieldSpec, *, times_as_text: bool = False) -> Any:
    """The Arrow type of one field."""
    pa = _pyarrow()
    if times_as_text and spec.logical in ("time", "datetime"):
        return pa.string()
    return {
        "string": pa.string(),
        "integer": pa.int64(),
        "number": pa.float64(),
        "boolean": pa.bool_(),
        "date": pa.date32(),
        "time": pa.time64("us"),
        "datetime": pa.timestamp("us"),
    }[spec.logical]


def _field_metadata(spec: FieldSpec) -> dict[str, str]:
    metadata = {"description": spec.description}
    if spec.constraints:
        metadata["constraints"] = json.dumps(dict(spec.constraints), ensure_ascii=False)
    return metadata


def arrow_schema(
    table: PublishedTable, *, times_as_text: bool = False, info: PackageInfo | None = None
) -> Any:
    """The Arrow schema of one table, with its descriptions and keys as metadata."""
    pa = _pyarrow()
    info = info or package_info()
    fields = [
        pa.field(
            spec.name,
            arrow_type(spec, times_as_text=times_as_text),
            nullable=not spec.required,
            metadata=_field_metadata(spec),
        )
        for spec in table.fields
    ]
    foreign_keys = [
        {"fields": list(fk.fields), "resource": fk.resource, "reference": list(fk.reference)}
        for fk in table.foreign_keys
    ]
    metadata = {
        "name": table.name,
        "description": table.description,
        "primary_key": json.dumps(list(table.primary_key)),
        "foreign_keys": json.dumps(foreign_keys, ensure_ascii=False),
        "package": info.name,
        "version": info.version,
        "license": info.license_name,
        "license_url": info.license_url,
    }
    return pa.schema(fields, metadata=metadata)


def arrow_table(
    table: PublishedTable, *, times_as_text: bool = False, info: PackageInfo | None = None
) -> Any:
    """One published table as a typed pyarrow.Table."""
    pa = _pyarrow()
    schema = arrow_schema(table, times_as_text=times_as_text, info=info)
    columns: dict[str, list[Any]] = {}
    for index, spec in enumerate(table.fields):
        if times_as_text and spec.logical in ("time", "datetime"):
            columns[spec.name] = [row[index] or None for row in table.rows]
        else:
            columns[spec.name] = [spec.value(row[index]) for row in table.rows]
    return pa.Table.from_pydict(columns, schema=schema)


def export_parquet(
    dataset: Dataset, out_dir: Path | str, *, times_as_text: bool = False
) -> list[Path]:
    """Write `<table>.parquet` for every published table into out_dir; return their paths.

    Every file is written to a staging folder first and then moved into place, so a failure
    leaves the previous files as they were. Other files in out_dir are left alone.
    """
    pq = require("pyarrow.parquet", EXTRA, "Parquet export")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    info = package_info()
    tables = published_tables(dataset)
    stage = Path(tempfile.mkdtemp(prefix=".jpr-parquet-", dir=out))
    try:
        staged = []
        for table in tables:
            path = stage / f"{table.name}.parquet"
            pq.write_table(
                arrow_table(table, times_as_text=times_as_text, info=info),
                path,
                compression="snappy",
            )
            os.chmod(path, 0o644)
            staged.append(path)
        written = []
        for path in staged:
            os.replace(path, out / path.name)
            written.append(out / path.name)
        return written
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def read_parquet(out_dir: Path | str) -> Dataset:
    """The records back from the files `export_parquet` wrote (the inverse of the export)."""
    from ..tables import TABLES
    from .common import rebuild

    pq = require("pyarrow.parquet", EXTRA, "Reading the Parquet export")
    columns: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = {}
    for table in TABLES:
        data = pq.read_table(Path(out_dir) / f"{table.name}.parquet")
        names = list(data.column_names)
        values = [data.column(name).to_pylist() for name in names]
        columns[table.name] = (names, list(zip(*values, strict=True)))
    return rebuild(columns)
