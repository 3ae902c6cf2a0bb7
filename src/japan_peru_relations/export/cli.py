"""The `jpr export sqlite|parquet` and `jpr site` commands: `cli.parser()` adds them with
`add_commands(commands)`."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..dataset import Dataset

DATA_HELP = "a built data folder (default: the data the library ships; in a checkout, data/)"


def _dataset(args: argparse.Namespace) -> Dataset:
    from ..cli import UsageError
    from ..load import DataNotFoundError
    from .common import load_dataset

    if args.data is not None and not Path(args.data).is_dir():
        raise UsageError(f"{args.data!r} is not a folder; give a built data folder")
    try:
        return load_dataset(args.data)
    except DataNotFoundError as exc:
        raise UsageError(str(exc)) from None


def cmd_export_sqlite(args: argparse.Namespace) -> int:
    """Write the package as one SQLite database, with Datasette metadata beside it."""
    from .sqlite import export_sqlite, metadata_path

    out = export_sqlite(_dataset(args), args.out, datasette=args.datasette)
    print(f"wrote {out}")
    if args.datasette:
        meta = metadata_path(out)
        print(f"wrote {meta}; browse with: datasette {out} -m {meta}")
    return 0


def cmd_export_parquet(args: argparse.Namespace) -> int:
    """Write one Parquet file per published table."""
    from ..cli import UsageError
    from .common import MissingExtraError
    from .parquet import export_parquet

    try:
        paths = export_parquet(_dataset(args), args.out, times_as_text=args.times_as_text)
    except MissingExtraError as exc:
        raise UsageError(str(exc)) from None
    print(f"wrote {len(paths)} Parquet files to {args.out}")
    return 0


def cmd_site(args: argparse.Namespace) -> int:
    """Write the static timeline page (and the files its download links name)."""
    from ..site import write_site

    with_data = None if args.with_data is None else args.with_data
    page = write_site(
        _dataset(args), args.out, download_base=args.download_base, with_data=with_data
    )
    print(f"wrote {page}; open it in a browser (it makes no network request)")
    return 0


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `export` (with `sqlite` and `parquet`) and `site` to the `jpr` subcommands."""
    export = commands.add_parser(
        "export",
        help="write the package as SQLite or Parquet",
        description="Write the package in a format for SQL, Datasette, pandas, R or Spark.",
        epilog="Example: jpr export sqlite jpr.db",
    )
    formats = export.add_subparsers(
        dest="format", required=True, metavar="FORMAT", help="sqlite or parquet"
    )

    sqlite = formats.add_parser(
        "sqlite",
        help="one SQLite database with keys, descriptions, views and Datasette metadata",
        description=cmd_export_sqlite.__doc__,
        epilog="Example: jpr export sqlite jpr.db && datasette jpr.db -m jpr.metadata.json",
    )
    sqlite.add_argument("out", metavar="OUT.db", type=Path, help="the database file to write")
    sqlite.add_argument("--data", metavar="DIR", help=DATA_HELP)
    sqlite.add_argument(
        "--no-datasette-metadata",
        dest="datasette",
        action="store_false",
        help="do not write OUT.metadata.json",
    )
    sqlite.set_defaults(func=cmd_export_sqlite)

    parquet = formats.add_parser(
        "parquet",
        help="one Parquet file per table (needs the [parquet] extra)",
        description=cmd_export_parquet.__doc__,
        epilog="Example: jpr export parquet parquet/",
    )
    parquet.add_argument("out", metavar="DIR", type=Path, help="the folder to write into")
    parquet.add_argument("--data", metavar="DIR", help=DATA_HELP)
    parquet.add_argument(
        "--times-as-text",
        action="store_true",
        help="store local times as HH:MM text (for Spark before 4.1, which has no TIME)",
    )
    parquet.set_defaults(func=cmd_export_parquet)

    site = commands.add_parser(
        "site",
        help="write the static timeline page",
        description=cmd_site.__doc__,
        epilog="Example: jpr site public/ && open public/index.html",
    )
    site.add_argument("out", metavar="OUT_DIR", type=Path, help="the folder to write into")
    site.add_argument("--data", metavar="DIR", help=DATA_HELP)
    site.add_argument(
        "--download-base",
        default="data/",
        metavar="URL",
        help="where the download links find the CSV and JSON files (default: data/)",
    )
    site.add_argument(
        "--with-data",
        dest="with_data",
        action="store_true",
        default=None,
        help="also write the published files beside the page (the default with data/)",
    )
    site.add_argument(
        "--no-data", dest="with_data", action="store_false", help="write the page only"
    )
    site.set_defaults(func=cmd_site)
