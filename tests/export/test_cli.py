"""`jpr export sqlite|parquet` and `jpr site`: the commands over the export functions."""

from __future__ import annotations

import argparse
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from japan_peru_relations import cli
from japan_peru_relations.dataset import Dataset
from japan_peru_relations.export.cli import add_commands


def run(argv: list[str]) -> int:
    """Run the commands as `jpr` will once cli.parser() adds them (and through jpr if it does)."""
    top = argparse.ArgumentParser(prog="jpr")
    add_commands(top.add_subparsers(dest="command", required=True))
    args = top.parse_args(argv)
    code: int = args.func(args)
    return code


def test_export_sqlite_writes_the_database_and_its_metadata(
    tmp_path: Path, shipped: Dataset, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["export", "sqlite", str(tmp_path / "out.db")]) == 0
    assert "datasette" in capsys.readouterr().out
    with closing(sqlite3.connect(tmp_path / "out.db")) as con:
        count = con.execute("SELECT count(*) FROM meetings").fetchone()[0]
    assert count == len(shipped["meetings"])
    assert (tmp_path / "out.metadata.json").is_file()


def test_export_reads_a_given_data_folder(tmp_path: Path) -> None:
    from .conftest import synthetic_records

    data = tmp_path / "data"
    data.mkdir()
    for kind, records in synthetic_records().items():
        text = "[" + ",".join(r.model_dump_json() for r in records) + "]"
        (data / f"{kind}.json").write_text(text, encoding="utf-8")
    assert run(["export", "sqlite", str(tmp_path / "out.db"), "--data", str(data)]) == 0
    with closing(sqlite3.connect(tmp_path / "out.db")) as con:
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 1


def test_a_missing_data_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(cli.UsageError, match="not a folder"):
        run(["export", "sqlite", str(tmp_path / "out.db"), "--data", str(tmp_path / "nope")])
    (tmp_path / "empty").mkdir()
    with pytest.raises(cli.UsageError, match="jpr build"):
        run(["export", "sqlite", str(tmp_path / "out.db"), "--data", str(tmp_path / "empty")])


def test_export_parquet(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow", reason="the [parquet] extra is not installed")
    assert run(["export", "parquet", str(tmp_path / "pq"), "--times-as-text"]) == 0
    assert (tmp_path / "pq" / "meetings.parquet").is_file()


def test_site_writes_the_page_and_data(tmp_path: Path) -> None:
    assert run(["site", str(tmp_path / "public")]) == 0
    assert (tmp_path / "public" / "index.html").is_file()
    assert (tmp_path / "public" / "datapackage.json").is_file()
    assert run(["site", str(tmp_path / "page"), "--download-base", "https://x.test/data/"]) == 0
    assert [p.name for p in (tmp_path / "page").iterdir()] == ["index.html"]


def test_jpr_has_the_commands_once_the_cli_adds_them(tmp_path: Path) -> None:
    choices = next(
        a.choices for a in cli.parser()._actions if isinstance(a, argparse._SubParsersAction)
    )
    if "export" not in choices:
        pytest.skip("cli.parser() does not add the export commands yet (see docs/exports.md)")
    assert cli.main(["export", "sqlite", str(tmp_path / "jpr.db")]) == 0
    assert cli.main(["site", str(tmp_path / "site")]) == 0
