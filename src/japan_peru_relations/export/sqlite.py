"""The package as one SQLite database, with Datasette metadata beside it.

Written with the standard library's sqlite3: no dependency, a library every Python has, and the
file it writes is a plain SQLite 3 database any client opens. Each published table becomes a
table (STRICT where the SQLite library is 3.37 or newer) with:

- columns typed TEXT, INTEGER or REAL; booleans as INTEGER 0/1; dates, local times and local
  date-times as the ISO text the CSV carries, each with a CHECK that it is one;
- NOT NULL, enum, range, length and the models' patterns (where SQLite's GLOB can say them)
  as CHECK constraints; the field's description as an SQL comment on its line;
- its primary key, its foreign keys (checked with `PRAGMA foreign_key_check` before the file
  is kept), and an index on every foreign key that the primary key's index does not cover.

`_package`, `_tables` and `_fields` carry the package's credits and every table's and column's
description; the views `meeting_details`, `meeting_participant_details` and
`agreement_timeline` answer the common questions. The Datasette metadata is written beside the
database as `<stem>.metadata.json` (for `out.db`: `out.metadata.json`), so exports of several
databases into one folder do not overwrite each other's.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections.abc import Mapping
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..dataset import Dataset
from ..fieldtypes import (
    COUNTRY_PATTERN,
    HTTPS_URL_PATTERN,
    LANGUAGE_PATTERN,
    PARTIAL_DATE_PATTERN,
    SLUG_PATTERN,
    WIKIDATA_PATTERN,
)
from .common import (
    FieldSpec,
    PackageInfo,
    PublishedTable,
    atomic_write_bytes,
    package_info,
    published_tables,
)

STRICT_SINCE = (3, 37, 0)

SQL_TYPES = {
    "string": "TEXT",
    "integer": "INTEGER",
    "number": "REAL",
    "boolean": "INTEGER",
    "date": "TEXT",
    "time": "TEXT",
    "datetime": "TEXT",
}
"""The SQLite type of each logical type."""

_PATTERN_CHECKS = {
    SLUG_PATTERN: "{c} <> '' AND {c} NOT GLOB '*[^a-z0-9-]*' AND {c} NOT GLOB '-*'"
    " AND {c} NOT GLOB '*-' AND {c} NOT GLOB '*--*'",
    PARTIAL_DATE_PATTERN: "({c} GLOB '[0-9][0-9][0-9][0-9]'"
    " OR date({c} || '-01', '+0 days') IS {c} || '-01' OR date({c}, '+0 days') IS {c})",
    COUNTRY_PATTERN: "{c} GLOB '[A-Z][A-Z]'",
    WIKIDATA_PATTERN: "{c} GLOB 'Q[1-9]*' AND substr({c}, 2) NOT GLOB '*[^0-9]*'",
    LANGUAGE_PATTERN: "({c} GLOB '[a-z][a-z]' OR {c} GLOB '[a-z][a-z][a-z]')",
    HTTPS_URL_PATTERN: "{c} GLOB 'https://?*'"
    " AND {c} NOT GLOB ('*[' || char(9, 10, 13, 32) || ']*')",
}
"""The models' string patterns that SQLite's GLOB can state exactly (or, for URLs, nearly)."""


class ForeignKeyError(ValueError):
    """A row names a key that its referenced table does not have."""


def quote(name: str) -> str:
    """An SQL identifier, double-quoted."""
    return '"' + name.replace('"', '""') + '"'


def _literal(value: Any) -> str:
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int | float):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def _checks(spec: FieldSpec) -> list[str]:
    """The CHECK expressions a column's values must satisfy (NULL passes, as in SQL)."""
    c = quote(spec.name)
    checks: list[str] = []
    if spec.logical == "boolean":
        checks.append(f"{c} IN (0, 1)")
    elif spec.logical == "date":
        checks.append(f"date({c}, '+0 days') IS {c}")
    elif spec.logical == "time":
        fmt = spec.text_format or "%H:%M:%S"
        checks.append(f"strftime('{fmt}', {c}) IS {c}")
    elif spec.logical == "datetime":
        fmt = spec.text_format or "%Y-%m-%dT%H:%M:%S"
        checks.append(f"strftime('{fmt}', {c}) IS {c}")
    constraints = spec.constraints
    if "enum" in constraints:
        checks.append(f"{c} IN ({', '.join(_literal(v) for v in constraints['enum'])})")
    if "minimum" in constraints:
        checks.append(f"{c} >= {_literal(constraints['minimum'])}")
    if "maximum" in constraints:
        checks.append(f"{c} <= {_literal(constraints['maximum'])}")
    if "minLength" in constraints:
        checks.append(f"length({c}) >= {int(constraints['minLength'])}")
    if "maxLength" in constraints:
        checks.append(f"length({c}) <= {int(constraints['maxLength'])}")
    pattern = constraints.get("pattern")
    if spec.logical == "string" and pattern in _PATTERN_CHECKS:
        checks.append(_PATTERN_CHECKS[pattern].format(c=c))
    return checks


def _comment(text: str) -> str:
    return " ".join(text.split())


def _with_comments(items: list[tuple[str, str]]) -> str:
    """Definition lines joined by commas, each followed by its -- comment."""
    lines = []
    for index, (text, comment) in enumerate(items):
        comma = "," if index < len(items) - 1 else ""
        lines.append(f"  {text}{comma}" + (f" -- {_comment(comment)}" if comment else ""))
    return "\n".join(lines)


def create_table_sql(table: PublishedTable, *, strict: bool) -> str:
    """The CREATE TABLE statement of one published table."""
    items: list[tuple[str, str]] = []
    for spec in table.fields:
        parts = [quote(spec.name), SQL_TYPES[spec.logical]]
        if spec.required:
            parts.append("NOT NULL")
        checks = _checks(spec)
        if checks:
            parts.append(f"CHECK ({' AND '.join(checks)})")
        items.append((" ".join(parts), spec.description))
    if table.primary_key:
        items.append((f"PRIMARY KEY ({', '.join(map(quote, table.primary_key))})", ""))
    for fk in table.foreign_keys:
        items.append(
            (
                f"FOREIGN KEY ({', '.join(map(quote, fk.fields))}) "
                f"REFERENCES {quote(fk.resource)} ({', '.join(map(quote, fk.reference))})",
                "",
            )
        )
    header = f" -- {_comment(table.description)}" if table.description else ""
    return f"CREATE TABLE {quote(table.name)} ({header}\n{_with_comments(items)}\n)" + (
        " STRICT" if strict else ""
    )


def index_sql(table: PublishedTable) -> list[str]:
    """An index on each foreign key that is not a leading part of the primary key."""
    statements = []
    seen: set[tuple[str, ...]] = set()
    for fk in table.foreign_keys:
        if fk.fields == table.primary_key[: len(fk.fields)] or fk.fields in seen:
            continue
        seen.add(fk.fields)
        name = quote(f"{table.name}__{'__'.join(fk.fields)}")
        columns = ", ".join(map(quote, fk.fields))
        statements.append(f"CREATE INDEX {name} ON {quote(table.name)} ({columns})")
    return statements


@dataclass(frozen=True)
class View:
    """A view answering a common question, with the meaning of each of its columns."""

    name: str
    description: str
    sql: str
    tables: tuple[str, ...]
    """The tables whose column descriptions its columns take, first match first."""
    columns: Mapping[str, str]
    """Descriptions of the columns it computes or renames."""


_PARTICIPANT_LABEL = "coalesce(pe.name, mp.person) || ' (' || mp.side || ', ' || mp.role || ')'"

VIEWS = (
    View(
        "meeting_details",
        "One row per meeting, with its venue and its participants aggregated in order "
        "(principals first), sorted by date. For one row per participant, see "
        "meeting_participant_details.",
        f"""SELECT
  m.id AS meeting, m.date, m.title, m.kind, m.mode, m.level,
  m.start_local, m.end_local, m.timezone, m.duration_minutes, m.duration_approximate,
  m.place, pl.name AS place_name, pl.country AS place_country,
  m.occasion, m.host_country,
  (SELECT count(*) FROM meeting_participants AS mp WHERE mp.meeting = m.id)
    AS participant_count,
  (SELECT group_concat(label, '; ') FROM (
     SELECT {_PARTICIPANT_LABEL} AS label
     FROM meeting_participants AS mp LEFT JOIN people AS pe ON pe.id = mp.person
     WHERE mp.meeting = m.id ORDER BY mp.seq)) AS participants,
  m.summary, m.evidence
FROM meetings AS m LEFT JOIN places AS pl ON pl.id = m.place
ORDER BY m.date, m.id""",
        ("meetings",),
        {
            "meeting": "Id of the meeting (in meetings).",
            "place_name": "Name of the venue (from places).",
            "place_country": "Country of the venue (from places).",
            "participant_count": "How many participants the meeting records.",
            "participants": "Each participant as 'Name (side, role)', in the recorded order.",
        },
    ),
    View(
        "meeting_participant_details",
        "One row per participant of each meeting: the meeting's date, title and venue with "
        "the person's name, side, title as held and role, sorted by date then position.",
        """SELECT
  m.id AS meeting, m.date, m.title AS meeting_title, m.kind, m.mode,
  pl.name AS place_name, mp.seq, mp.person, pe.name AS person_name,
  pe.name_native AS person_name_native, mp.side, mp.title AS person_title, mp.role
FROM meeting_participants AS mp
  JOIN meetings AS m ON m.id = mp.meeting
  LEFT JOIN people AS pe ON pe.id = mp.person
  LEFT JOIN places AS pl ON pl.id = m.place
ORDER BY m.date, m.id, mp.seq""",
        ("meeting_participants", "meetings"),
        {
            "meeting": "Id of the meeting (in meetings).",
            "meeting_title": "Title of the meeting.",
            "place_name": "Name of the venue (from places).",
            "seq": "Position of the participant in the meeting's list, from 1.",
            "person_name": "Display name of the person (from people).",
            "person_name_native": "The person's name in its own script (from people).",
            "person_title": "Title as printed in the source for this meeting.",
        },
    ),
    View(
        "agreement_timeline",
        "One row per dated step of each agreement (an agreement with no steps appears once), "
        "with the agreement's titles, kind and status and the step's place and source URLs, "
        "sorted by date.",
        """SELECT
  a.id AS agreement, a.short_title, a.title, a.kind, a.scope, a.status,
  s.seq AS step_seq, s.step, s.date, s.party, s.place, pl.name AS place_name,
  s.derived, s.note,
  (SELECT group_concat(url, ' ') FROM (
     SELECT src.url FROM agreement_step_sources AS ss JOIN sources AS src ON src.id = ss.source
     WHERE ss.agreement = s.agreement AND ss.step_seq = s.seq ORDER BY ss.seq))
    AS source_urls
FROM agreements AS a
  LEFT JOIN agreement_steps AS s ON s.agreement = a.id
  LEFT JOIN places AS pl ON pl.id = s.place
ORDER BY s.date IS NULL, s.date, a.id, s.seq""",
        ("agreements", "agreement_steps"),
        {
            "agreement": "Id of the agreement (in agreements).",
            "step_seq": "Position of the step in the agreement's list, from 1.",
            "place_name": "Name of the place of the step (from places).",
            "source_urls": "URLs of the sources that state the step, space-separated.",
        },
    ),
)
"""The views of the common questions, in creation order."""


def _view_columns(
    con: sqlite3.Connection, view: View, tables: list[PublishedTable]
) -> list[tuple[str, str]]:
    """Each column of a view and its description (its own, or its source table column's)."""
    by_name = {t.name: {f.name: f.description for f in t.fields} for t in tables}
    names = [row[1] for row in con.execute(f"PRAGMA table_info({quote(view.name)})")]
    described = []
    for name in names:
        found = view.columns.get(name) or next(
            (by_name[t][name] for t in view.tables if name in by_name.get(t, {})), ""
        )
        described.append((name, found))
    return described


def _sql_value(spec: FieldSpec, cell: str) -> Any:
    """A CSV cell as the value stored in SQLite: text stays the published text."""
    if cell == "":
        return None
    if spec.logical in ("integer", "number", "boolean"):
        value = spec.value(cell)
        return int(value) if spec.logical == "boolean" else value
    return cell


_META_SQL = """CREATE TABLE "_package" (
  "key" TEXT NOT NULL PRIMARY KEY, -- What the value says (title, version, licence, ...).
  "value" TEXT NOT NULL -- The value.
){strict};
CREATE TABLE "_tables" (
  "name" TEXT NOT NULL PRIMARY KEY, -- Name of a table or view of this database.
  "type" TEXT NOT NULL CHECK ("type" IN ('table', 'view')), -- table or view.
  "description" TEXT NOT NULL, -- What one row is and what the table holds.
  "primary_key" TEXT, -- Columns that identify a row, comma-separated (tables only).
  "foreign_keys" TEXT, -- Its foreign keys as JSON: fields, resource, reference.
  "row_count" INTEGER -- Rows in the table (tables only).
){strict};
CREATE TABLE "_fields" (
  "table_name" TEXT NOT NULL REFERENCES "_tables" ("name"), -- The table or view.
  "position" INTEGER NOT NULL, -- Position of the column in the table, from 1.
  "column_name" TEXT NOT NULL, -- Name of the column.
  "type" TEXT, -- Its type: string, integer, number, boolean, date, time or datetime.
  "sql_type" TEXT, -- Its SQLite type.
  "required" INTEGER CHECK ("required" IN (0, 1)), -- 1 where every row has a value.
  "description" TEXT NOT NULL, -- What the column holds.
  "constraints" TEXT, -- Its Table Schema constraints as JSON (enum, pattern, range, ...).
  PRIMARY KEY ("table_name", "column_name")
){strict};"""


def _package_rows(info: PackageInfo) -> list[tuple[str, str]]:
    return [
        ("name", info.name),
        ("title", info.title),
        ("description", info.description),
        ("version", info.version),
        ("homepage", info.homepage),
        ("license", info.license_name),
        ("license_title", info.license_title),
        ("license_url", info.license_url),
        ("source", info.source_title),
        ("source_url", info.source_url),
        ("sqlite_version", sqlite3.sqlite_version),
    ]


def strict_supported() -> bool:
    """Whether the linked SQLite library has STRICT tables (3.37+)."""
    return sqlite3.sqlite_version_info >= STRICT_SINCE


ViewColumns = dict[str, list[tuple[str, str]]]
"""Each view's columns with their descriptions."""


def _fill(con: sqlite3.Connection, tables: list[PublishedTable], info: PackageInfo) -> ViewColumns:
    """Create and fill every table, index and view; return the views' columns."""
    strict = strict_supported()
    con.execute("PRAGMA foreign_keys = OFF")
    con.execute("BEGIN")
    for table in tables:
        con.execute(create_table_sql(table, strict=strict))
        placeholders = ", ".join("?" for _ in table.fields)
        con.executemany(
            f"INSERT INTO {quote(table.name)} VALUES ({placeholders})",
            (
                [_sql_value(s, c) for s, c in zip(table.fields, row, strict=True)]
                for row in table.rows
            ),
        )
        for statement in index_sql(table):
            con.execute(statement)
    for view in VIEWS:
        con.execute(f"CREATE VIEW {quote(view.name)} AS\n{view.sql}")
        con.execute(f"SELECT * FROM {quote(view.name)} LIMIT 0")
    con.execute("COMMIT")
    con.executescript(_META_SQL.format(strict=" STRICT" if strict else ""))
    view_columns = {view.name: _view_columns(con, view, tables) for view in VIEWS}
    _fill_metadata(con, tables, info, view_columns)
    problems = con.execute("PRAGMA foreign_key_check").fetchall()
    if problems:
        shown = "; ".join(
            f"{table} row {rowid} names no row of {parent}"
            for table, rowid, parent, _ in problems[:10]
        )
        raise ForeignKeyError(f"{len(problems)} broken foreign key(s): {shown}")
    return view_columns


def _fill_metadata(
    con: sqlite3.Connection,
    tables: list[PublishedTable],
    info: PackageInfo,
    view_columns: ViewColumns,
) -> None:
    con.execute("BEGIN")
    con.executemany('INSERT INTO "_package" VALUES (?, ?)', _package_rows(info))
    for table in tables:
        foreign_keys = [
            {"fields": list(fk.fields), "resource": fk.resource, "reference": list(fk.reference)}
            for fk in table.foreign_keys
        ]
        con.execute(
            'INSERT INTO "_tables" VALUES (?, ?, ?, ?, ?, ?)',
            (
                table.name,
                "table",
                table.description,
                ",".join(table.primary_key),
                json.dumps(foreign_keys, ensure_ascii=False),
                len(table.rows),
            ),
        )
        for position, spec in enumerate(table.fields, start=1):
            con.execute(
                'INSERT INTO "_fields" VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
                (
                    table.name,
                    position,
                    spec.name,
                    spec.logical,
                    SQL_TYPES[spec.logical],
                    int(spec.required),
                    spec.description,
                    json.dumps(dict(spec.constraints), ensure_ascii=False, sort_keys=True),
                ),
            )
    for view in VIEWS:
        con.execute(
            'INSERT INTO "_tables" VALUES (?, ?, ?, NULL, NULL, NULL)',
            (view.name, "view", view.description),
        )
        for position, (name, description) in enumerate(view_columns[view.name], 1):
            con.execute(
                'INSERT INTO "_fields" VALUES (?, ?, ?, NULL, NULL, NULL, ?, NULL)',
                (view.name, position, name, description),
            )
    con.execute("COMMIT")


def metadata_path(out: Path | str) -> Path:
    """Where the Datasette metadata of a database goes: `<stem>.metadata.json` beside it."""
    out = Path(out)
    return out.with_name(f"{out.stem}.metadata.json")


def _label_column(table: PublishedTable) -> str | None:
    names = table.field_names
    return next((n for n in ("name", "short_title", "title", "label") if n in names), None)


def datasette_metadata(
    tables: list[PublishedTable],
    database: str,
    view_columns: ViewColumns,
    info: PackageInfo | None = None,
) -> dict[str, Any]:
    """Datasette metadata: the package's title, licence and source, each table's and column's
    description, and the label column Datasette shows for foreign keys."""
    info = info or package_info()
    table_meta: dict[str, Any] = {}
    for table in tables:
        entry: dict[str, Any] = {
            "description": table.description,
            "columns": {f.name: f.description for f in table.fields if f.description},
        }
        label = _label_column(table)
        if label:
            entry["label_column"] = label
        table_meta[table.name] = entry
    for view in VIEWS:
        columns = dict(view_columns.get(view.name, []))
        table_meta[view.name] = {
            "description": view.description,
            "columns": {name: text for name, text in columns.items() if text},
        }
    table_meta["_package"] = {"description": "The package's title, version, licence and source."}
    table_meta["_tables"] = {"description": "Every table and view, with its description."}
    table_meta["_fields"] = {"description": "Every column, with its type and description."}
    return {
        "title": info.title,
        "description": info.description,
        "license": info.license_name,
        "license_url": info.license_url,
        "source": info.source_title,
        "source_url": info.source_url,
        "about": f"{info.name} {info.version}",
        "about_url": info.homepage,
        "databases": {
            database: {
                "title": f"{info.title} (version {info.version})",
                "description": info.description,
                "tables": table_meta,
            }
        },
    }


def export_sqlite(dataset: Dataset, out: Path | str, *, datasette: bool = True) -> Path:
    """Write the dataset as one SQLite database at `out`, replacing it atomically.

    With `datasette` (the default), also write the Datasette metadata to `metadata_path(out)`,
    so `datasette OUT.db -m OUT.metadata.json` serves a documented site. Return the database's
    path. Raise ForeignKeyError, and keep no file, if a foreign key does not hold.
    """
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tables = published_tables(dataset)
    info = package_info()
    handle, name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        temporary.unlink()
        with closing(sqlite3.connect(temporary, isolation_level=None)) as con:
            view_columns = _fill(con, tables, info)
        os.replace(temporary, out)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    if datasette:
        metadata = datasette_metadata(tables, out.stem, view_columns, info)
        text = json.dumps(metadata, ensure_ascii=False, indent=2) + "\n"
        atomic_write_bytes(metadata_path(out), text.encode("utf-8"))
    return out


def read_sqlite(path: Path | str) -> Dataset:
    """The records back from a database `export_sqlite` wrote (the inverse of the export)."""
    from ..tables import TABLES
    from .common import rebuild

    uri = Path(path).resolve().as_uri() + "?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as con:
        columns: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = {}
        for table in TABLES:
            order = ", ".join(map(quote, table.primary_key))
            cursor = con.execute(f"SELECT * FROM {quote(table.name)} ORDER BY {order}")
            names = [d[0] for d in cursor.description]
            columns[table.name] = (names, cursor.fetchall())
    return rebuild(columns)
