"""The `jpr` command: a thin skin over the library that turns results into lines and exit codes."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from ._version import __version__

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A command was called in a way it cannot act on."""


def _root(value: str) -> Path:
    root = Path(value)
    if not (root / "records").is_dir():
        raise UsageError(f"{value!r} has no records/ folder; give the project's root folder")
    return root


def cmd_validate(args: argparse.Namespace) -> int:
    """Check every record and the built package; print each problem, then a summary."""
    from .validate import Options, validate_project

    today = dt.date.fromisoformat(args.today) if args.today else None
    options = Options(package=not args.records_only, frictionless=args.frictionless, today=today)
    report = validate_project(_root(args.root), options)
    problems = report.sorted_problems()
    if args.format == "json":
        print(report.as_json())
    else:
        for problem in problems:
            print(problem.as_github() if args.format == "github" else problem)
        print(report.summary())
    return EXIT_OK if report.valid else EXIT_PROBLEMS


def cmd_build(args: argparse.Namespace) -> int:
    """Write data/, schema/ and datapackage.json from the records (or, with --check, compare)."""
    from .build import Rendered, gc_paused, stale_files, write_outputs
    from .checks import run_checks
    from .records import read_records

    root = _root(args.root)
    with gc_paused():  # as in validate: 10^5 acyclic records, nothing for the collector to find
        dataset, files, problems = read_records(root)
        problems += run_checks(files, dt.date.today(), root)
    if problems:
        for problem in sorted(set(problems)):
            print(problem)
        print(f"build refused: {len(problems)} problem(s) in the records; nothing was written")
        return EXIT_PROBLEMS
    outputs = Rendered(dataset)  # made file by file as compared: never all held at once
    if args.check:
        stale = stale_files(root, outputs)
        for path in stale:
            print(f"{path}: out of date [stale-build] hint: run `jpr build` and commit the result")
        print(
            f"{len(stale)} of {len(outputs.paths)} generated files out of date"
            if stale
            else f"up to date: {len(outputs.paths)} generated files match the records"
        )
        return EXIT_PROBLEMS if stale else EXIT_OK
    changed = write_outputs(root, outputs)
    print(f"built {len(outputs.paths)} files from {len(files)} records; {len(changed)} changed")
    return EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    """Draft records from a press release: YAML files to review, or the extraction as JSON."""
    from .extract import ExtractInputError, extract, read_document

    try:
        document = read_document(args.source)
    except ExtractInputError as exc:
        raise UsageError(str(exc)) from None
    result = extract(document, source_url=args.source_url or document.url)
    if args.json:
        print(json.dumps(result.to_json_dict(), ensure_ascii=False, indent=2))
    else:
        print(result.to_yaml_drafts(), end="")
    return EXIT_OK


def parser() -> argparse.ArgumentParser:
    """The argument parser of every command, with an example in each help."""
    top = argparse.ArgumentParser(
        prog="jpr",
        description="Build, validate and extend the Japan–Peru relations data package.",
        epilog="Example: jpr validate && jpr build --check",
    )
    top.add_argument("--version", action="version", version=f"jpr {__version__}")
    top.add_argument("--debug", action="store_true", help="show a traceback on internal errors")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help="check records and the built package",
        description=cmd_validate.__doc__,
        epilog="Example: jpr validate --format github .",
    )
    validate.add_argument("root", nargs="?", default=".", help="project root (default: .)")
    validate.add_argument(
        "--json", dest="format", action="store_const", const="json", help="print one JSON report"
    )
    validate.add_argument(
        "--format",
        choices=["text", "json", "github"],
        default="text",
        help="text lines, a JSON report, or GitHub workflow annotations",
    )
    validate.add_argument(
        "--frictionless",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="also run `frictionless validate` on the package, as a second opinion (CI does)",
    )
    validate.add_argument(
        "--records-only",
        action="store_true",
        help="check the records and their rules, not the built package",
    )
    validate.add_argument(
        "--today", metavar="YYYY-MM-DD", help="the date future-date checks against"
    )
    validate.set_defaults(func=cmd_validate)

    build = commands.add_parser(
        "build",
        help="write data/, schema/ and datapackage.json",
        description=cmd_build.__doc__,
        epilog="Example: jpr build --check",
    )
    build.add_argument("root", nargs="?", default=".", help="project root (default: .)")
    build.add_argument(
        "--check", action="store_true", help="compare only; exit 1 naming stale files"
    )
    build.set_defaults(func=cmd_build)

    extract = commands.add_parser(
        "extract",
        help="draft records from a MOFA press release",
        description=cmd_extract.__doc__,
        epilog="Example: jpr extract release.html --source-url https://www.mofa.go.jp/...",
    )
    extract.add_argument("source", metavar="PATH_OR_URL", help="a .txt or .html file, or a URL")
    form = extract.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print the extraction as one JSON object")
    form.add_argument("--yaml", action="store_true", help="print draft YAML records (the default)")
    extract.add_argument("--source-url", metavar="URL", help="the page's address, for the drafts")
    extract.set_defaults(func=cmd_extract)

    from .export.cli import add_commands

    add_commands(commands)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; usage errors exit 2 with one line, never a traceback (unless --debug)."""
    args = parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except UsageError as exc:
        print(f"jpr {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if args.debug:
            traceback.print_exc()
        print(f"jpr {args.command}: internal error: {exc!r} (rerun with --debug)", file=sys.stderr)
        return 3
    return code


if __name__ == "__main__":
    sys.exit(main())
