"""The published tables as data frames, with typed columns: pandas, polars, or a pyarrow Table.

Each name is a published table: a record kind (`meetings`, `agreements`, ...) or one of its
list tables (`meeting_participants`, `agreement_steps`, ...). The data is the one shipped with
the library unless `data_dir` names a built data folder (or `dataset` is given).

Column types follow the Table Schema (see `jpr export parquet` for the mapping):

| Table Schema | pandas (`[pandas]` extra) | polars (`[polars]` extra) |
|---|---|---|
| string | string | String |
| integer | Int64 | Int64 |
| number | Float64 | Float64 |
| boolean | boolean | Boolean |
| date | date32[day][pyarrow] | Date |
| local time (HH:MM) | time64[us][pyarrow] | Time |
| local date-time | datetime64[us] | Datetime("us") |

Every column is nullable; a missing value is `pd.NA` / `None`. Partial dates (`2009-04`) are
strings. The pandas and polars libraries are imported only when a function is called.

>>> to_pandas("meetings").dtypes["date"]  # doctest: +SKIP
date32[day][pyarrow]
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from .dataset import Dataset
    from .export.common import PublishedTable


class TableNotFoundError(LookupError):
    """No published table has that name; the message names the closest ones."""


def _table(
    name: str, data_dir: Traversable | Path | str | None, dataset: Dataset | None
) -> PublishedTable:
    from .export.common import load_dataset, published_tables

    tables = {t.name: t for t in published_tables(dataset or load_dataset(data_dir))}
    if name not in tables:
        import difflib  # only for the error message; kept off the import path

        close = difflib.get_close_matches(name, tables, n=3, cutoff=0.5)
        hint = f"did you mean {', '.join(map(repr, close))}? " if close else ""
        raise TableNotFoundError(f"no table {name!r}; {hint}the tables are {', '.join(tables)}")
    return tables[name]


def to_arrow(
    name: str, data_dir: Traversable | Path | str | None = None, *, dataset: Dataset | None = None
) -> Any:
    """One published table as a typed pyarrow.Table (needs the `[parquet]` extra)."""
    from .export.parquet import arrow_table

    return arrow_table(_table(name, data_dir, dataset))


def to_pandas(
    name: str, data_dir: Traversable | Path | str | None = None, *, dataset: Dataset | None = None
) -> Any:
    """One published table as a pandas.DataFrame with typed, nullable columns.

    Needs the `[pandas]` extra (pandas and pyarrow): `pip install 'japan-peru-relations[pandas]'`.
    """
    from .export.common import require

    pd = require("pandas", "pandas", "to_pandas")
    pa = require("pyarrow", "pandas", "to_pandas")
    table = to_arrow(name, data_dir, dataset=dataset)
    plain = {
        pa.string(): pd.StringDtype(),
        pa.int64(): pd.Int64Dtype(),
        pa.float64(): pd.Float64Dtype(),
        pa.bool_(): pd.BooleanDtype(),
    }

    def mapper(kind: Any) -> Any:
        if kind in plain:
            return plain[kind]
        if pa.types.is_date(kind) or pa.types.is_time(kind):
            return pd.ArrowDtype(kind)
        return None

    return table.to_pandas(types_mapper=mapper, coerce_temporal_nanoseconds=False)


def to_polars(
    name: str, data_dir: Traversable | Path | str | None = None, *, dataset: Dataset | None = None
) -> Any:
    """One published table as a polars.DataFrame with typed columns.

    Needs the `[polars]` extra: `pip install 'japan-peru-relations[polars]'` (no pyarrow).
    """
    from .export.common import require

    pl = require("polars", "polars", "to_polars")
    table = _table(name, data_dir, dataset)
    types = {
        "string": pl.String,
        "integer": pl.Int64,
        "number": pl.Float64,
        "boolean": pl.Boolean,
        "date": pl.Date,
        "time": pl.Time,
        "datetime": pl.Datetime("us"),
    }
    schema = {spec.name: types[spec.logical] for spec in table.fields}
    return pl.DataFrame(table.columns(), schema=schema)
