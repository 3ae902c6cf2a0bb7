"""Exports of the dataset for the tools people work in: SQLite (and Datasette), Parquet.

Every export is made from the tables `jpr build` publishes, so each carries the same rows,
keys and descriptions as the CSV, and each can be read back into the same records:

>>> from japan_peru_relations.export import load_dataset, export_sqlite, read_sqlite
>>> import tempfile, pathlib
>>> dataset = load_dataset()
>>> with tempfile.TemporaryDirectory() as folder:
...     db = export_sqlite(dataset, pathlib.Path(folder) / "jpr.db")
...     read_sqlite(db) == dataset
True

`export_parquet` and `read_parquet` need the `[parquet]` extra (pyarrow); they import it only
when called.
"""

from __future__ import annotations

from .common import MissingExtraError, load_dataset, published_tables
from .parquet import export_parquet, read_parquet
from .sqlite import export_sqlite, metadata_path, read_sqlite

__all__ = [
    "MissingExtraError",
    "export_parquet",
    "export_sqlite",
    "load_dataset",
    "metadata_path",
    "published_tables",
    "read_parquet",
    "read_sqlite",
]
