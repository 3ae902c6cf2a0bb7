"""What every export shares: the published tables, their typed columns, and the way back.

Exports are made from the same bytes `jpr build` publishes: `build.render(dataset)` gives the
descriptor (each table's name, description and Table Schema) and each table's CSV text, so a
table the build publishes, derived tables included, reaches every export without naming it.

A Table Schema field becomes one of a few logical types. Table Schema's own types map directly;
two string patterns of the models are finer: a local time of day (`HH:MM`) is a ``time`` and a
local date-time (`YYYY-MM-DDTHH:MM`) is a ``datetime`` (wall clock, no zone). Partial dates
(`2009`, `2009-04`) stay strings: no invented day is added.

>>> published = {t.name: t for t in published_tables(load_dataset())}
>>> [f.logical for f in published["meetings"].fields if f.name in ("date", "start_local")]
['date', 'time']
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from ..dataset import Dataset
from ..fieldtypes import LOCAL_DATETIME_PATTERN, LOCAL_TIME_PATTERN

PROJECT = "japan-peru-relations"


class MissingExtraError(ImportError):
    """An optional dependency is not installed; the message names the extra that brings it."""


def require(module: str, extra: str, purpose: str) -> Any:
    """Import an optional dependency, or raise MissingExtraError saying how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError(
            f"{purpose} needs {module.split('.')[0]}, which is not installed: "
            f"pip install '{PROJECT}[{extra}]'"
        ) from exc


def load_dataset(data_dir: Traversable | Path | str | None = None) -> Dataset:
    """Every record of a built data folder (default: the data shipped with the library)."""
    from ..load import Store, default_store
    from ..models import RECORD_TYPES

    store = default_store() if data_dir is None else Store(data_dir)
    return Dataset.of({kind: list(store.all(kind)) for kind in RECORD_TYPES})


LOGICAL_TYPES = ("string", "integer", "number", "boolean", "date", "time", "datetime")

_TIME_FORMATS = {LOCAL_TIME_PATTERN: "%H:%M", LOCAL_DATETIME_PATTERN: "%Y-%m-%dT%H:%M"}


@dataclass(frozen=True)
class FieldSpec:
    """One column of a published table, reduced to what the exports need."""

    name: str
    logical: str
    """One of LOGICAL_TYPES."""
    description: str
    required: bool
    constraints: Mapping[str, Any]
    text_format: str | None = None
    """For times and date-times: the strftime format of their published text."""

    @classmethod
    def of(cls, schema: Mapping[str, Any]) -> FieldSpec:
        """From a Table Schema field descriptor."""
        constraints = dict(schema.get("constraints", {}))
        kind = schema.get("type", "string")
        pattern = constraints.get("pattern")
        text_format = None
        if kind == "string" and pattern in _TIME_FORMATS:
            text_format = _TIME_FORMATS[pattern]
            kind = "time" if pattern == LOCAL_TIME_PATTERN else "datetime"
        elif kind == "year":
            kind = "integer"
        elif kind not in LOGICAL_TYPES:
            kind = "string"
        return cls(
            name=str(schema["name"]),
            logical=kind,
            description=str(schema.get("description", "")),
            required=bool(constraints.pop("required", False)),
            constraints=constraints,
            text_format=text_format,
        )

    def value(self, cell: str) -> Any:
        """The typed value of a published CSV cell ('' is missing)."""
        if cell == "":
            return None
        if self.logical == "integer":
            return int(cell)
        if self.logical == "number":
            return float(cell)
        if self.logical == "boolean":
            if cell not in ("true", "false"):
                raise ValueError(f"{self.name}: {cell!r} is not true or false")
            return cell == "true"
        if self.logical == "date":
            return dt.date.fromisoformat(cell)
        if self.logical == "time":
            if self.text_format:
                return dt.datetime.strptime(cell, self.text_format).time()
            return dt.time.fromisoformat(cell)
        if self.logical == "datetime":
            if self.text_format:
                return dt.datetime.strptime(cell, self.text_format)
            return dt.datetime.fromisoformat(cell)
        return cell

    def cell(self, value: Any) -> str:
        """The published CSV cell of a typed value (the inverse of `value`)."""
        if value is None:
            return ""
        if self.logical == "boolean":
            return "true" if value else "false"
        if self.logical == "number":
            return str(float(value))
        if self.logical in ("time", "datetime"):
            if isinstance(value, str):
                return value
            return str(value.strftime(self.text_format) if self.text_format else value.isoformat())
        if self.logical == "date" and isinstance(value, dt.date):
            return value.isoformat()
        return str(value)


@dataclass(frozen=True)
class ForeignKey:
    """Columns of one table that name the key of another (or of the same) table."""

    fields: tuple[str, ...]
    resource: str
    reference: tuple[str, ...]


@dataclass(frozen=True)
class PublishedTable:
    """One table as `jpr build` publishes it: its description, its schema and its rows."""

    name: str
    description: str
    fields: tuple[FieldSpec, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...]
    rows: tuple[tuple[str, ...], ...] = field(repr=False)
    """The CSV cells of each row, in published order."""

    @property
    def field_names(self) -> list[str]:
        """Every column name, in order."""
        return [f.name for f in self.fields]

    def typed_rows(self) -> list[tuple[Any, ...]]:
        """Every row as typed values."""
        return [
            tuple(f.value(c) for f, c in zip(self.fields, row, strict=True)) for row in self.rows
        ]

    def columns(self) -> dict[str, list[Any]]:
        """Every column as a list of typed values."""
        rows = self.typed_rows()
        return {f.name: [row[i] for row in rows] for i, f in enumerate(self.fields)}


@dataclass(frozen=True)
class PackageInfo:
    """What the descriptor says about the whole package: for titles, licences and credits."""

    name: str
    title: str
    description: str
    version: str
    homepage: str
    license_name: str
    license_title: str
    license_url: str
    source_title: str
    source_url: str


def _csv_rows(text: str) -> tuple[tuple[str, ...], ...]:
    import csv
    import io

    reader = csv.reader(io.StringIO(text))
    next(reader)
    return tuple(tuple(row) for row in reader)


def _table(resource: Mapping[str, Any], text: str) -> PublishedTable:
    schema = resource["schema"]
    name = str(resource["name"])
    foreign_keys = tuple(
        ForeignKey(
            tuple(fk["fields"]),
            str(fk["reference"].get("resource") or name),
            tuple(fk["reference"]["fields"]),
        )
        for fk in schema.get("foreignKeys", [])
    )
    fields = tuple(FieldSpec.of(f) for f in schema["fields"])
    header = next(iter(text.splitlines()), "")
    if header != ",".join(f.name for f in fields):
        raise ValueError(f"{name}: CSV header {header!r} does not match its Table Schema")
    return PublishedTable(
        name=name,
        description=str(resource.get("description", "")),
        fields=fields,
        primary_key=tuple(schema.get("primaryKey", [])),
        foreign_keys=foreign_keys,
        rows=_csv_rows(text),
    )


def _rendered(dataset: Dataset) -> tuple[dict[str, Any], dict[str, bytes]]:
    from ..build import render
    from ..package import DESCRIPTOR

    outputs = render(dataset)
    return json.loads(outputs[DESCRIPTOR]), outputs


def published_tables(dataset: Dataset) -> list[PublishedTable]:
    """Every table resource of the package built from the dataset, in publication order."""
    descriptor, outputs = _rendered(dataset)
    return [
        _table(resource, outputs[resource["path"]].decode("utf-8"))
        for resource in descriptor["resources"]
        if resource.get("type") == "table"
    ]


def package_info() -> PackageInfo:
    """The package's name, title, version, licence and source, from its descriptor."""
    from ..package import descriptor

    package = descriptor()
    licence = (package.get("licenses") or [{}])[0]
    source = (package.get("sources") or [{}])[0]
    return PackageInfo(
        name=str(package["name"]),
        title=str(package.get("title", package["name"])),
        description=str(package.get("description", "")),
        version=str(package.get("version", "")),
        homepage=str(package.get("homepage", "")),
        license_name=str(licence.get("name", "")),
        license_title=str(licence.get("title", licence.get("name", ""))),
        license_url=str(licence.get("path", "")),
        source_title=str(source.get("title", "")),
        source_url=str(source.get("path", "")),
    )


def rebuild(
    columns_by_table: Mapping[str, tuple[Sequence[str], Iterable[Sequence[Any]]]],
) -> Dataset:
    """The records back from typed rows of the record tables: {name: (column names, rows)}.

    Each value is turned back into its published cell by the table's schema, then the tables'
    CSV goes through `tables.from_csv`, the inverse of the build; derived tables are ignored.
    """
    import csv
    import io

    from ..tables import TABLES, from_csv

    schemas = {
        t.name: {c.name: FieldSpec.of({"name": c.name, **c.schema}) for c in t.columns}
        for t in TABLES
    }
    texts: dict[str, str] = {}
    for table in TABLES:
        if table.name not in columns_by_table:
            raise KeyError(f"table {table.name!r} is missing: cannot rebuild the records")
        names, rows = columns_by_table[table.name]
        if list(names) != table.field_names:
            raise ValueError(f"{table.name}: columns {list(names)} differ from {table.field_names}")
        specs = [schemas[table.name][n] for n in names]
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(names)
        writer.writerows([s.cell(v) for s, v in zip(specs, row, strict=True)] for row in rows)
        texts[table.name] = out.getvalue()
    return from_csv(texts)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write a file through a temporary sibling and os.replace, so readers never see half."""
    import os
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
