"""`jpr export sqlite`: the same rows, keys that hold, typed columns, a lossless way back."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from japan_peru_relations.dataset import Dataset
from japan_peru_relations.export.common import published_tables
from japan_peru_relations.export.sqlite import (
    VIEWS,
    ForeignKeyError,
    export_sqlite,
    metadata_path,
    read_sqlite,
    strict_supported,
)
from japan_peru_relations.models import Agreement, Meeting
from japan_peru_relations.tables import TABLES

from .conftest import expected_rows

SQLITE_TYPEOF = {
    "string": "text",
    "date": "text",
    "time": "text",
    "datetime": "text",
    "integer": "integer",
    "boolean": "integer",
    "number": "real",
}


@pytest.fixture(scope="module")
def db(dataset: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_sqlite(dataset, tmp_path_factory.mktemp("sqlite") / "jpr.db")


@pytest.fixture
def con(db: Path) -> Iterator[sqlite3.Connection]:
    with closing(sqlite3.connect(db)) as connection:
        yield connection


def test_row_counts_equal_the_records(dataset: Dataset, con: sqlite3.Connection) -> None:
    for name, count in expected_rows(dataset).items():
        assert con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] == count, name
    for kind in dataset.records:
        assert con.execute(f'SELECT count(*) FROM "{kind}"').fetchone()[0] == len(dataset[kind])


def test_foreign_keys_are_declared_and_hold(dataset: Dataset, con: sqlite3.Connection) -> None:
    con.execute("PRAGMA foreign_keys = ON")
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    for table in published_tables(dataset):
        declared: dict[int, tuple[str, list[str], list[str]]] = {}
        for row in con.execute(f'PRAGMA foreign_key_list("{table.name}")'):
            fk_id, _, parent, column, target = row[:5]
            entry = declared.setdefault(fk_id, (parent, [], []))
            entry[1].append(column)
            entry[2].append(target)
        found = {(parent, tuple(cols), tuple(refs)) for parent, cols, refs in declared.values()}
        expected = {(fk.resource, fk.fields, fk.reference) for fk in table.foreign_keys}
        assert found == expected, table.name


def test_primary_keys_and_indexes_cover_the_keys(dataset: Dataset, con: sqlite3.Connection) -> None:
    for table in published_tables(dataset):
        info = con.execute(f'PRAGMA table_info("{table.name}")').fetchall()
        primary = [row[1] for row in sorted((r for r in info if r[5]), key=lambda r: r[5])]
        assert primary == list(table.primary_key), table.name
        indexed = set()
        for index in con.execute(f'PRAGMA index_list("{table.name}")').fetchall():
            columns = [r[2] for r in con.execute(f'PRAGMA index_info("{index[1]}")')]
            indexed.update(tuple(columns[:n]) for n in range(1, len(columns) + 1))
        for fk in table.foreign_keys:
            assert tuple(fk.fields) in indexed, (table.name, fk.fields)


def test_columns_are_typed(dataset: Dataset, con: sqlite3.Connection) -> None:
    for table in published_tables(dataset):
        for spec in table.fields:
            found = {
                row[0]
                for row in con.execute(f'SELECT DISTINCT typeof("{spec.name}") FROM "{table.name}"')
            }
            assert found <= {SQLITE_TYPEOF[spec.logical], "null"}, (table.name, spec.name, found)
            if spec.required:
                assert "null" not in found, (table.name, spec.name)


@pytest.mark.skipif(not strict_supported(), reason="SQLite before 3.37 has no STRICT tables")
def test_tables_are_strict(con: sqlite3.Connection) -> None:
    strict = {row[1]: row[5] for row in con.execute("PRAGMA table_list") if row[2] == "table"}
    assert all(strict[t.name] for t in TABLES)


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("date", "2023-02-30"),
        ("date", "3 May 2023"),
        ("start_local", "25:10"),
        ("duration_approximate", 2),
        ("kind", "dinner"),
        ("duration_minutes", 0),
        ("host_country", "jp"),
        ("id", "Not A Slug"),
        ("stated_japan_time", "2023-05-03 23:10"),
    ],
)
def test_checks_refuse_values_the_models_refuse(
    synthetic: Dataset, tmp_path: Path, column: str, value: object
) -> None:
    db = export_sqlite(synthetic, tmp_path / "jpr.db")
    with closing(sqlite3.connect(db)) as con:
        row = dict(
            zip(
                [r[1] for r in con.execute('PRAGMA table_info("meetings")')],
                con.execute('SELECT * FROM "meetings" LIMIT 1').fetchone(),
                strict=True,
            )
        )
        row["id"] = "a-new-meeting-id"
        row[column] = value
        columns = ", ".join(f'"{c}"' for c in row)
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            con.execute(
                f'INSERT INTO "meetings" ({columns}) VALUES ({", ".join("?" for _ in row)})',
                list(row.values()),
            )


def test_partial_dates_stay_partial_and_are_checked(synthetic: Dataset, tmp_path: Path) -> None:
    db = export_sqlite(synthetic, tmp_path / "jpr.db")
    with closing(sqlite3.connect(db)) as con:
        assert con.execute('SELECT date FROM "events"').fetchone() == ("2023-05",)
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            con.execute('UPDATE "events" SET date = ?', ("2023-13",))


def test_round_trip_back_into_models_is_lossless(dataset: Dataset, db: Path) -> None:
    assert read_sqlite(db) == dataset


def test_descriptions_are_in_the_metadata_tables(dataset: Dataset, con: sqlite3.Connection) -> None:
    for table in published_tables(dataset):
        (description,) = con.execute(
            'SELECT description FROM "_tables" WHERE name = ?', (table.name,)
        ).fetchone()
        assert description == table.description
        fields = con.execute(
            'SELECT column_name, type, description FROM "_fields" WHERE table_name = ? '
            "ORDER BY position",
            (table.name,),
        ).fetchall()
        assert fields == [(f.name, f.logical, f.description) for f in table.fields]
    sql = con.execute("SELECT sql FROM sqlite_master WHERE name = 'meetings'").fetchone()[0]
    assert "-- Local date at the venue" in sql
    package = dict(con.execute('SELECT key, value FROM "_package"').fetchall())
    assert package["license"] == "CC-BY-4.0"
    views = {row[0] for row in con.execute("SELECT name FROM _tables WHERE type = 'view'")}
    assert views == {v.name for v in VIEWS}
    for view in VIEWS:
        columns = [row[1] for row in con.execute(f'PRAGMA table_info("{view.name}")')]
        described = con.execute(
            'SELECT column_name FROM "_fields" WHERE table_name = ? ORDER BY position',
            (view.name,),
        ).fetchall()
        assert [c for (c,) in described] == columns
    undescribed = con.execute("SELECT table_name, column_name FROM _fields WHERE description = ''")
    assert undescribed.fetchall() == []


def test_views_answer_the_common_questions(dataset: Dataset, con: sqlite3.Connection) -> None:
    meetings = [m for m in dataset["meetings"] if isinstance(m, Meeting)]
    rows = con.execute("SELECT meeting, participant_count, participants FROM meeting_details")
    found = {meeting: (count, names) for meeting, count, names in rows}
    assert set(found) == {m.id for m in meetings}
    for meeting in meetings:
        count, names = found[meeting.id]
        assert count == len(meeting.participants)
        assert names.count("(") == len(meeting.participants)
    per_person = con.execute("SELECT count(*) FROM meeting_participant_details").fetchone()[0]
    assert per_person == sum(len(m.participants) for m in meetings)
    agreements = [a for a in dataset["agreements"] if isinstance(a, Agreement)]
    timeline = con.execute("SELECT agreement, step_seq, date FROM agreement_timeline").fetchall()
    assert len(timeline) == sum(max(1, len(a.steps)) for a in agreements)
    dates = [d for _, _, d in timeline if d is not None]
    assert dates == sorted(dates)


def test_export_is_deterministic(shipped: Dataset, tmp_path: Path) -> None:
    first = export_sqlite(shipped, tmp_path / "a.db")
    second = export_sqlite(shipped, tmp_path / "b.db")
    assert first.read_bytes() == second.read_bytes()


def test_broken_keys_leave_the_previous_file_alone(synthetic: Dataset, tmp_path: Path) -> None:
    out = export_sqlite(synthetic, tmp_path / "jpr.db")
    before = out.read_bytes()
    broken = Dataset.of(
        {kind: list(synthetic[kind]) for kind in synthetic.records if kind != "people"}
    )
    with pytest.raises(ForeignKeyError, match="people"):
        export_sqlite(broken, out)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["jpr.db", "jpr.metadata.json"]


def test_datasette_metadata_documents_every_table(dataset: Dataset, db: Path) -> None:
    assert metadata_path(db) == db.with_name("jpr.metadata.json")
    metadata = json.loads(metadata_path(db).read_text(encoding="utf-8"))
    assert metadata["license"] == "CC-BY-4.0"
    assert metadata["license_url"].startswith("https://")
    assert metadata["source_url"].startswith("https://")
    assert metadata["title"]
    tables = metadata["databases"]["jpr"]["tables"]
    for table in published_tables(dataset):
        assert tables[table.name]["description"] == table.description
        for spec in table.fields:
            assert tables[table.name]["columns"][spec.name] == spec.description
    assert tables["people"]["label_column"] == "name"
    for view in VIEWS:
        assert tables[view.name]["description"] == view.description
        assert tables[view.name]["columns"]["date"].startswith(("Local date", "When"))
