"""The Data Package descriptor and the JSON Schemas of the JSON resources, from the models."""

from __future__ import annotations

import json
from typing import Any

from pydantic import TypeAdapter

from ._version import __version__
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


def _table_resource(table_name: str) -> dict[str, Any]:
    table = next(t for t in TABLES if t.name == table_name)
    schema = table.table_schema()
    model = RECORD_TYPES[table.kind]
    if table.path:
        description = f"The {' > '.join(table.path)} of each {model.singular}, one row per item."
    else:
        description = (model.__doc__ or "").strip()
    return {
        "name": table.name,
        "type": "table",
        "path": csv_path(table.name),
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
            *(_json_resource(kind) for kind in RECORD_TYPES),
        ],
    }


def dumps(value: Any) -> str:
    """The canonical JSON text of generated files: stable, UTF-8, indented, newline-terminated."""
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"
