"""The Data Package descriptor and the JSON Schemas of the JSON resources, from the models."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Any

from pydantic import TypeAdapter

from ._version import __version__
from .derived import DERIVED_TABLES, DerivedTable
from .models import RECORD_TYPES
from .tables import TABLES

NAME = "japan-peru-relations"
DATA_DIR = "data"
SCHEMA_DIR = "schema"
DESCRIPTOR = "datapackage.json"
SCHEMA_BASE = "https://github.com/japan-peru-relations/japan-peru-relations/raw/main/schema/"

TITLE = "Japan–Peru diplomatic relations"
DESCRIPTION = (
    "The validated record of Japan–Peru diplomatic relations: meetings, agreements, "
    "anniversaries and the milestones they count from, with the people, places and sources "
    "behind them. Every record cites its sources; times are local wall-clock times with the "
    "venue's IANA zone, and dates known only to the year or month stay partial."
)


def csv_path(table: str) -> str:
    """Where a table's CSV is published."""
    return f"{DATA_DIR}/{table}.csv"


def json_path(kind: str) -> str:
    """Where a record kind's nested JSON is published."""
    return f"{DATA_DIR}/{kind}.json"


def schema_path(kind: str) -> str:
    """Where a record kind's JSON Schema is published."""
    return f"{SCHEMA_DIR}/{kind}.schema.json"


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of data/<kind>.json: an array of records."""
    model = RECORD_TYPES[kind]
    schema = TypeAdapter(list[model]).json_schema(mode="serialization")  # type: ignore[valid-type]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{SCHEMA_BASE}{kind}.schema.json",
        "title": f"{kind} of the {NAME} data package",
        "description": model.__doc__ or "",
        **schema,
    }


def _csv_resource(name: str, description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": name,
        "type": "table",
        "path": csv_path(name),
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "description": description,
        "dialect": {
            "$schema": "https://datapackage.org/profiles/2.0/tabledialect.json",
            "header": True,
        },
        "schema": schema,
    }


def _table_resource(table_name: str) -> dict[str, Any]:
    table = next(t for t in TABLES if t.name == table_name)
    model = RECORD_TYPES[table.kind]
    if table.path:
        description = f"The {' > '.join(table.path)} of each {model.singular}, one row per item."
    else:
        description = (model.__doc__ or "").strip()
    return _csv_resource(table.name, description, table.table_schema())


def _json_resource(kind: str) -> dict[str, Any]:
    return {
        "name": f"{kind}-json",
        "path": json_path(kind),
        "format": "json",
        "mediatype": "application/json",
        "encoding": "utf-8",
        "description": f"All {kind}, nested: {(RECORD_TYPES[kind].__doc__ or '').strip()}",
        "jsonSchema": schema_path(kind),
    }


def _derived_resource(table: DerivedTable) -> dict[str, Any]:
    return _csv_resource(table.name, table.description, table.table_schema())


def descriptor() -> dict[str, Any]:
    """The datapackage.json of the published package (no timestamps: builds are reproducible)."""
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": NAME,
        "id": "https://github.com/japan-peru-relations/japan-peru-relations",
        "title": TITLE,
        "description": DESCRIPTION,
        "version": __version__,
        "homepage": "https://github.com/japan-peru-relations/japan-peru-relations",
        "keywords": [
            "Japan",
            "Peru",
            "diplomacy",
            "bilateral relations",
            "treaties",
            "anniversaries",
        ],
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
                "title": "Creative Commons Attribution 4.0",
            }
        ],
        "contributors": [{"title": "japan-peru-relations contributors", "roles": ["creator"]}],
        "sources": [
            {
                "title": "Press releases of the Ministry of Foreign Affairs of Japan and other "
                "official, press and secondary sources, each cited per record in the sources table",
                "path": "https://www.mofa.go.jp/la_c/sa/pe/",
            }
        ],
        "resources": [
            *(_table_resource(table.name) for table in TABLES),
            *(_derived_resource(table) for table in DERIVED_TABLES),
            *(_json_resource(kind) for kind in RECORD_TYPES),
        ],
    }


def dumps(value: Any) -> str:
    """The canonical JSON text of generated files: stable, UTF-8, indented, newline-terminated.

    Byte for byte ``json.dumps(value, ensure_ascii=False, indent=2) + "\\n"``, written by a
    specialised encoder: the standard library's C encoder does not indent, and its pure-Python
    fallback spent more time in generators than in encoding. Anything beyond plain JSON data
    goes to json.dumps.
    """
    try:
        return dump_bytes(value).decode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: text json.dumps writes but UTF-8 cannot
        return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def dump_bytes(value: Any) -> bytes:
    """dumps(value) encoded as UTF-8, made without holding the whole text twice.

    A list (a resource's records) is encoded one item at a time and each item is encoded to
    bytes at once, so the largest file (meetings.json) is in memory as its items plus the joined
    result, not as pieces, text and bytes together.
    """
    try:
        if isinstance(value, list) and value:
            items: list[bytes] = []
            for item in value:
                parts: list[str] = []
                _encode(item, parts, "\n  ")
                items.append("".join(parts).encode("utf-8"))
            items[0] = b"[\n  " + items[0]
            items[-1] += b"\n]\n"
            return b",\n  ".join(items)
        parts = []
        _encode(value, parts, "\n")
    except _NotPlainError:
        return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    parts.append("\n")
    return "".join(parts).encode("utf-8")


class _NotPlainError(Exception):
    """A value json.dumps would handle differently (non-text keys, unknown types)."""


_quote: Callable[[str], str] = getattr(json.encoder, "c_encode_basestring", None) or (
    json.encoder.py_encode_basestring
)


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value in (math.inf, -math.inf):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _null(_: None) -> str:
    return "null"


# The JSON text of each plain scalar type, looked up by exact type (subclasses take the general
# path in _encode, as json.dumps treats them).
_SCALAR: dict[type, Callable[[Any], str]] = {
    str: _quote,
    int: int.__repr__,
    float: _float,
    bool: _bool,
    type(None): _null,
}


def _encode(value: Any, parts: list[str], newline: str) -> None:
    """Append value's indented JSON text; newline is the line break plus the current indent."""
    if isinstance(value, str):
        parts.append(_quote(value))
    elif value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif isinstance(value, int):
        parts.append(int.__repr__(value))
    elif isinstance(value, float):
        parts.append(_float(value))
    elif isinstance(value, dict):
        if not value:
            parts.append("{}")
            return
        inner = newline + "  "
        separator = "{" + inner
        between = "," + inner
        append = parts.append
        scalar = _SCALAR.get
        for key, item in value.items():
            if type(key) is not str:
                raise _NotPlainError
            text = scalar(type(item))
            if text is not None:
                append(f"{separator}{_quote(key)}: {text(item)}")
            else:
                append(f"{separator}{_quote(key)}: ")
                _encode(item, parts, inner)
            separator = between
        append(newline + "}")
    elif isinstance(value, list | tuple):
        if not value:
            parts.append("[]")
            return
        inner = newline + "  "
        between = "," + inner
        if all(type(item) is str for item in value):  # lists of ids and names
            parts.append(f"[{inner}{between.join(map(_quote, value))}{newline}]")
            return
        separator = "[" + inner
        append = parts.append
        scalar = _SCALAR.get
        for item in value:
            text = scalar(type(item))
            if text is not None:
                append(separator + text(item))
            else:
                append(separator)
                _encode(item, parts, inner)
            separator = between
        append(newline + "]")
    else:
        raise _NotPlainError
