"""The tidy tables the records flatten into, and their Table Schemas, derived from the models.

Each record kind is a table keyed by `id`. Each list field becomes its own table keyed by the
owner's key plus `seq` (the item's 1-based position, so order survives a round trip): a list
of nested records (meeting participants, agreement steps) becomes a child table with their
columns; a list of plain values or ids becomes a two-column link table.

>>> [t.name for t in TABLES if t.kind == "anniversaries"]
['anniversaries', 'anniversary_sources']
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pydantic import BaseModel, TypeAdapter

from .dataset import Dataset
from .introspect import FieldShape, shapes
from .models import RECORD_TYPES, Record


@dataclass(frozen=True)
class Column:
    """One column: the field it holds and its Table Schema."""

    name: str
    schema: dict[str, Any]


@dataclass(frozen=True)
class Table:
    """One published table: where its rows come from and how it is keyed."""

    name: str
    kind: str
    path: tuple[str, ...]
    """Field names from the record down to the list this table holds (empty for the record)."""
    keys: tuple[str, ...]
    """Columns naming the owning row: the record's id column, then each enclosing list's seq."""
    model: type[BaseModel] | None
    """The nested model of each row, or None for a link table of plain values."""
    item: Column | None
    """For a link table: the value column."""
    columns: tuple[Column, ...] = field(default=())
    foreign_keys: tuple[dict[str, Any], ...] = field(default=())

    @property
    def primary_key(self) -> list[str]:
        """The columns that identify a row."""
        return ["id"] if not self.path else [*self.keys, "seq"]

    @property
    def field_names(self) -> list[str]:
        """Every column name, in order."""
        return [c.name for c in self.columns]

    def table_schema(self) -> dict[str, Any]:
        """The Frictionless Table Schema of this table."""
        schema: dict[str, Any] = {
            "$schema": "https://datapackage.org/profiles/2.0/tableschema.json",
            "fields": [{"name": c.name, **c.schema} for c in self.columns],
            "missingValues": [""],
            "primaryKey": self.primary_key,
        }
        if self.foreign_keys:
            schema["foreignKeys"] = [self._foreign_key(fk) for fk in self.foreign_keys]
        return schema

    def _foreign_key(self, foreign_key: dict[str, Any]) -> dict[str, Any]:
        reference = dict(foreign_key["reference"])
        if reference["resource"] == self.name:
            # Table Schema v2: a reference within the same table names no resource.
            del reference["resource"]
        return {"fields": list(foreign_key["fields"]), "reference": reference}


@cache
def _json_schema(model: type[BaseModel]) -> dict[str, Any]:
    return model.model_json_schema(mode="serialization")


def _property_schema(model: type[BaseModel], name: str) -> dict[str, Any]:
    """A property's JSON Schema with $ref and nullable anyOf resolved."""
    schema = _json_schema(model)
    prop = dict(schema["properties"][name])
    options = prop.pop("anyOf", None)
    if options:
        prop.update(next(o for o in options if o.get("type") != "null"))
    if "items" in prop:
        prop = {**prop, **prop.pop("items")}
    ref = prop.pop("$ref", None)
    if ref:
        prop = {**schema["$defs"][ref.rsplit("/", 1)[-1]], **prop}
    return prop


_TYPES = {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean"}
_CONSTRAINTS = ("pattern", "enum", "minLength", "maxLength", "minimum", "maximum")


def column_schema(model: type[BaseModel], shape: FieldShape, *, required: bool) -> dict[str, Any]:
    """The Table Schema of one field, from the model's JSON Schema."""
    prop = _property_schema(model, shape.name)
    kind = "date" if prop.get("format") == "date" else _TYPES[prop.get("type", "string")]
    out: dict[str, Any] = {"type": kind}
    description = model.model_fields[shape.name].description
    if description:
        out["description"] = description
    constraints: dict[str, Any] = {"required": True} if required else {}
    if kind != "date":
        constraints.update({k: prop[k] for k in _CONSTRAINTS if k in prop})
    if constraints:
        out["constraints"] = constraints
    return out


def _singular(kind: str) -> str:
    return RECORD_TYPES[kind].singular


def _key_column(name: str, description: str) -> Column:
    return Column(
        name, {"type": "string", "description": description, "constraints": {"required": True}}
    )


def _seq_column(description: str) -> Column:
    return Column(
        "seq",
        {
            "type": "integer",
            "description": description,
            "constraints": {"required": True, "minimum": 1},
        },
    )


def _tables_of(
    kind: str, model: type[BaseModel], path: tuple[str, ...], keys: tuple[Column, ...], parent: str
) -> Iterator[Table]:
    """The table of one model's rows, then the tables of its list fields."""
    columns = list(keys)
    foreign_keys: list[dict[str, Any]] = []
    if path:
        columns.append(_seq_column(f"Position of the item in the {path[-1]} list, from 1."))
        owner = [c.name for c in keys]
        parent_key = ["id"] if len(path) == 1 else [*owner[:-1], "seq"]
        foreign_keys.append(
            {"fields": owner, "reference": {"resource": parent, "fields": parent_key}}
        )
    for shape in shapes(model):
        if shape.is_list:
            continue
        columns.append(Column(shape.name, column_schema(model, shape, required=not shape.optional)))
        if shape.ref:
            foreign_keys.append(_reference([shape.name], shape.ref))
    name = kind if not path else f"{parent_singular(kind, path)}_{path[-1]}"
    yield Table(
        name,
        kind,
        path,
        tuple(c.name for c in keys),
        model,
        None,
        tuple(columns),
        tuple(foreign_keys),
    )

    singular = getattr(model, "singular", "")
    own_keys = (
        (_key_column(_singular(kind), f"Id of the {_singular(kind)} (in {kind})."),)
        if not path
        else (*keys, _key_column_int(f"{singular}_seq", f"Position of the {singular}."))
    )
    for shape in shapes(model):
        if not shape.is_list:
            continue
        child_path = (*path, shape.name)
        if shape.model is not None:
            yield from _tables_of(kind, shape.model, child_path, own_keys, name)
        else:
            yield _link_table(kind, model, shape, child_path, own_keys, name)


def _key_column_int(name: str, description: str) -> Column:
    return Column(
        name,
        {
            "type": "integer",
            "description": description,
            "constraints": {"required": True, "minimum": 1},
        },
    )


def parent_singular(kind: str, path: tuple[str, ...]) -> str:
    """The prefix of a list table's name: the record's singular, then each nested model's."""
    names = [_singular(kind)]
    model: type[BaseModel] = RECORD_TYPES[kind]
    for step in path[:-1]:
        nested = next(s.model for s in shapes(model) if s.name == step)
        assert nested is not None
        model = nested
        names.append(getattr(model, "singular", step))
    return "_".join(names)


def _reference(fields: list[str], target: str) -> dict[str, Any]:
    return {"fields": fields, "reference": {"resource": target, "fields": ["id"]}}


def _link_table(
    kind: str,
    model: type[BaseModel],
    shape: FieldShape,
    path: tuple[str, ...],
    keys: tuple[Column, ...],
    parent: str,
) -> Table:
    """A table of one list of plain values or ids."""
    item_names: dict[str, str] = getattr(model, "item_names", {})
    item_name = _singular(shape.ref) if shape.ref else item_names[shape.name]
    item = Column(item_name, column_schema(model, shape, required=True))
    owner = [c.name for c in keys]
    parent_key = ["id"] if len(path) == 1 else [*owner[:-1], "seq"]
    foreign_keys = [{"fields": owner, "reference": {"resource": parent, "fields": parent_key}}]
    if shape.ref:
        foreign_keys.append(_reference([item_name], shape.ref))
    columns = (*keys, _seq_column(f"Position of the item in the {shape.name} list, from 1."), item)
    name = f"{parent_singular(kind, path)}_{shape.name}"
    return Table(name, kind, path, tuple(owner), None, item, columns, tuple(foreign_keys))


def _all_tables() -> tuple[Table, ...]:
    return tuple(
        table
        for kind, model in RECORD_TYPES.items()
        for table in _tables_of(kind, model, (), (), kind)
    )


TABLES: tuple[Table, ...] = _all_tables()
"""Every published table, record tables before the tables of their lists."""


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _list_rows(
    table: Table, data: Mapping[str, Any], depth: int, keys: tuple[Any, ...]
) -> Iterator[list[str]]:
    """Rows of a list table under one record's (or nested item's) plain data."""
    for seq, item in enumerate(data.get(table.path[depth]) or [], start=1):
        if depth < len(table.path) - 1:
            yield from _list_rows(table, item, depth + 1, (*keys, seq))
        elif table.item is not None:
            yield [*map(_cell, keys), str(seq), _cell(item)]
        else:
            own = table.field_names[len(keys) + 1 :]
            yield [*map(_cell, keys), str(seq), *(_cell(item.get(name)) for name in own)]


def table_rows(table: Table, records: Iterable[Record]) -> Iterator[list[str]]:
    """Every row of a table, as CSV cells, in record then list order."""
    for record in records:
        data = record.model_dump(mode="json")
        if not table.path:
            yield [_cell(data.get(name)) for name in table.field_names]
        else:
            yield from _list_rows(table, data, 0, (data["id"],))


def plain_records(kind: str, records: Iterable[Record]) -> list[dict[str, Any]]:
    """Each record's JSON-mode plain data, as model_dump(mode="json") gives it.

    One serializer call for the whole kind: the build dumps every record once and reuses the
    result for each of its tables and for its JSON resource.
    """
    return list_adapter(kind).dump_python(list(records), mode="json")  # type: ignore[no-any-return]


@cache
def list_adapter(kind: str) -> TypeAdapter[list[Any]]:
    """The TypeAdapter of a list of one kind's records (made once per kind)."""
    return TypeAdapter(list[RECORD_TYPES[kind]])  # type: ignore[valid-type]


@cache
def has_floats(model: type[BaseModel]) -> bool:
    """Whether a model or any model nested in it has a float field."""
    return any(
        shape.base is float or (shape.model is not None and has_floats(shape.model))
        for shape in shapes(model)
    )


def _boolean_columns(table: Table) -> tuple[int, ...]:
    """Positions of a table's boolean columns: the only cells the csv module would misspell."""
    return tuple(i for i, c in enumerate(table.columns) if c.schema.get("type") == "boolean")


def _fix_booleans(row: list[Any], positions: tuple[int, ...]) -> list[Any]:
    for i in positions:
        value = row[i]
        if value is not None:
            row[i] = "true" if value else "false"
    return row


def _plain_rows(table: Table, plain: list[dict[str, Any]]) -> Iterator[list[Any]]:
    """The rows of table_rows, from plain data, as cells the csv module writes identically.

    The csv module writes None as an empty cell and numbers as str() does, so only booleans
    need converting; the JSON-mode types of each column (text, integer, number, boolean, the
    date as text) are fixed by the Table Schema derived from the model.
    """
    booleans = _boolean_columns(table)
    if not table.path:
        names = table.field_names
        if booleans:
            for data in plain:
                yield _fix_booleans([data.get(name) for name in names], booleans)
        else:
            for data in plain:
                yield [data.get(name) for name in names]
        return
    for data in plain:
        for row in _plain_list_rows(table, data, 0, (data["id"],)):
            yield _fix_booleans(row, booleans) if booleans else row


def _plain_list_rows(
    table: Table, data: Mapping[str, Any], depth: int, keys: tuple[Any, ...]
) -> Iterator[list[Any]]:
    items = data.get(table.path[depth])
    if not items:
        return
    if depth < len(table.path) - 1:
        for seq, item in enumerate(items, start=1):
            yield from _plain_list_rows(table, item, depth + 1, (*keys, seq))
    elif table.item is not None:
        for seq, item in enumerate(items, start=1):
            yield [*keys, seq, item]
    else:
        own = table.field_names[len(keys) + 1 :]
        for seq, item in enumerate(items, start=1):
            yield [*keys, seq, *(item.get(name) for name in own)]


class CsvTable:
    """One table's CSV text, written from its kind's plain data a batch of records at a time."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self._out = io.StringIO()
        self._writer = csv.writer(self._out, lineterminator="\n")
        self._writer.writerow(table.field_names)

    def add(self, plain: list[dict[str, Any]]) -> CsvTable:
        """Write the rows of these records (plain data, see plain_records)."""
        self._writer.writerows(_plain_rows(self.table, plain))
        return self

    def text(self) -> str:
        """The CSV text written so far: a header, then rows; LF line ends, minimal quoting."""
        return self._out.getvalue()


def csv_text(table: Table, plain: list[dict[str, Any]]) -> str:
    """One table as CSV text from its kind's plain data (see plain_records)."""
    return CsvTable(table).add(plain).text()


def to_csv(table: Table, dataset: Dataset) -> str:
    """One table as CSV text: a header, then rows; LF line ends, minimal quoting."""
    return csv_text(table, plain_records(table.kind, dataset[table.kind]))


def _nested(owner: dict[str, Any], path: tuple[str, ...], keys: tuple[int, ...]) -> dict[str, Any]:
    """The nested item that owns a row, following seq numbers down the path."""
    node = owner
    for step, seq in zip(path[:-1], keys, strict=True):
        node = node[step][seq - 1]
    return node


def from_csv(texts: Mapping[str, str]) -> Dataset:
    """Rebuild the records from their tables' CSV text (the inverse of to_csv)."""
    plain: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for table in TABLES:
        reader = csv.DictReader(io.StringIO(texts[table.name]))
        for row in reader:
            cells = {k: (v if v != "" else None) for k, v in row.items()}
            if not table.path:
                plain[table.kind][str(cells["id"])] = {
                    **cells,
                    **{s.name: [] for s in shapes(RECORD_TYPES[table.kind]) if s.is_list},
                }
                continue
            record = plain[table.kind][str(cells[table.keys[0]])]
            seqs = tuple(int(str(cells[k])) for k in table.keys[1:])
            owner = _nested(record, table.path, seqs)
            if table.item is not None:
                owner[table.path[-1]].append(cells[table.item.name])
            else:
                assert table.model is not None
                item = {c: cells[c] for c in table.field_names[len(table.keys) + 1 :]}
                item.update({s.name: [] for s in shapes(table.model) if s.is_list})
                owner[table.path[-1]].append(item)
    return Dataset.of(
        {
            kind: [RECORD_TYPES[kind].model_validate(data) for data in by_id.values()]
            for kind, by_id in plain.items()
        }
    )
