"""Validate a project: the records, the rules across them, and the built package on disk."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .build import Rendered, gc_paused, stale_files
from .checks import run_checks
from .dataset import Dataset
from .models import RECORD_TYPES
from .package import DESCRIPTOR, json_path, schema_path
from .records import read_records
from .report import Problem, Report
from .tablecheck import check_tables


@dataclass(frozen=True)
class Options:
    """What to check beyond the records themselves."""

    package: bool = True
    frictionless: bool = False
    today: dt.date | None = None


def validate_project(root: Path, options: Options = Options()) -> Report:
    """Every problem in the project at root, in one report; never raises on bad input."""
    report = Report()
    # Reading 10^5 records makes millions of acyclic objects; the collector would walk the
    # growing heap again and again for nothing (a third of the run at that size).
    with gc_paused():
        if options.package:
            # The published files' own checks need no records: done first, before the records
            # fill memory, so that the two never add up.
            report.extend(check_descriptor(root))
        dataset, files, problems = read_records(root)
        problems += run_checks(files, options.today or dt.date.today(), root)
        report.extend(problems)
        report.checked["record files"] = len(files)
        if options.package:
            current: set[str] = set()
            if not problems:  # invalid records build to nothing to compare with
                current, build_problems = check_build(root, dataset)
                report.extend(build_problems)
            report.extend(check_json_resources(root, proven=current))
            report.checked["package checks"] = 4
            if options.frictionless:
                report.extend(check_frictionless(root))
                report.checked["package checks"] += 1
    return report


def check_build(root: Path, dataset: Dataset) -> tuple[set[str], list[Problem]]:
    """The committed outputs are what `jpr build` makes of the records.

    Returns the generated files found current (byte for byte what the build makes), and a
    problem for each one that is not.
    """
    rendered = Rendered(dataset)
    try:
        stale = stale_files(root, rendered)
    except OSError as exc:
        problem = Problem("data", 0, 0, "", "stale-build", f"cannot be compared: {exc.strerror}")
        return set(), [problem]
    return set(rendered.paths) - set(stale), [
        Problem(path, 0, 0, "", "stale-build", "differs from what the records build to")
        for path in stale
    ]


def _load_json(path: Path, root: Path) -> tuple[Any, Problem | None]:
    rel = path.relative_to(root).as_posix()
    try:
        return json.loads(path.read_bytes()), None
    except (OSError, ValueError, RecursionError) as exc:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        return None, Problem(
            rel, 0, 0, "", "json-schema-error", f"cannot be read as JSON: {reason}"
        )


def check_json_resources(root: Path, proven: Collection[str] = ()) -> list[Problem]:
    """Each data/<kind>.json validates against schema/<kind>.schema.json.

    Files in `proven` are skipped: the build check found them byte for byte what validated
    records dump to, under the schema made from the same models (tests hold every build to
    its schemas), so checking them again would only repeat that, at most of the run's cost.
    """
    problems: list[Problem] = []
    for kind in RECORD_TYPES:
        data_file, schema_file = root / json_path(kind), root / schema_path(kind)
        if json_path(kind) in proven and schema_path(kind) in proven:
            continue
        if not data_file.is_file() or not schema_file.is_file():
            continue
        data, error = _load_json(data_file, root)
        schema, schema_error = _load_json(schema_file, root)
        if error or schema_error:
            problems.extend(p for p in (error, schema_error) if p)
            continue
        problems.extend(_schema_failures(json_path(kind), schema, data))
    return problems


def _schema_failures(rel: str, schema: Any, data: Any) -> list[Problem]:
    """Each place where data fails schema; an unusable schema is one problem, never a raise."""
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    try:
        Draft202012Validator.check_schema(schema)
        failures = list(Draft202012Validator(schema).iter_errors(data))
    except SchemaError as exc:
        return [
            Problem(rel, 0, 0, "", "json-schema-error", f"its schema is invalid: {exc.message}")
        ]
    except (RecursionError, ValueError, TypeError) as exc:
        return [Problem(rel, 0, 0, "", "json-schema-error", f"cannot be checked: {exc!r}"[:300])]
    return [
        Problem(
            rel,
            0,
            0,
            "/".join(str(p) for p in failure.absolute_path),
            "json-schema-error",
            failure.message[:300],
        )
        for failure in failures
    ]


def check_descriptor(root: Path) -> list[Problem]:
    """datapackage.json meets the Data Package v2 profile, and every CSV resource it describes
    meets its Table Schema (types, constraints, header, keys).

    The table check runs whatever the build check finds: it is what lets frictionless be a
    second opinion rather than the default path (tests/test_tablecheck.py holds each rule to
    frictionless's).
    """
    path = root / DESCRIPTOR
    if not path.is_file():
        return []  # a missing descriptor is the build check's to report
    descriptor, error = _load_json(path, root)
    if error:
        return [Problem(DESCRIPTOR, 0, 0, "", "descriptor-error", error.message)]
    return _profile_failures(descriptor) + check_tables(root, descriptor)


def _profile_failures(descriptor: Any) -> list[Problem]:
    import importlib.resources

    from jsonschema import Draft7Validator

    profile_text = (
        importlib.resources.files("dplib") / "profiles" / "2.0" / "datapackage.json"
    ).read_text(encoding="utf-8")
    validator = Draft7Validator(json.loads(profile_text))
    try:
        failures = list(validator.iter_errors(descriptor))
    except (RecursionError, ValueError, TypeError) as exc:
        return [Problem(DESCRIPTOR, 0, 0, "", "descriptor-error", f"cannot be checked: {exc!r}")]
    return [
        Problem(
            DESCRIPTOR,
            0,
            0,
            "/".join(map(str, e.absolute_path)),
            "descriptor-error",
            e.message[:300],
        )
        for e in failures
    ]


def check_frictionless(root: Path) -> list[Problem]:
    """`frictionless validate datapackage.json` reports the package valid."""
    path = root / DESCRIPTOR
    if not path.is_file():
        return [Problem(DESCRIPTOR, 0, 0, "", "stale-build", "is missing; run `jpr build`")]
    from frictionless import Package, system

    problems = []
    with system.use_context(trusted=False):
        try:
            report = Package(str(path), basepath=str(root)).validate()
        except Exception as exc:  # frictionless raises its own types for unusable descriptors
            return [Problem(DESCRIPTOR, 0, 0, "", "table-schema-error", f"frictionless: {exc}")]
    for task in report.tasks:
        for error in task.errors:
            row = getattr(error, "row_number", None) or 0
            field = getattr(error, "field_name", None) or ""
            problems.append(
                Problem(
                    str(task.place),
                    int(row),
                    0,
                    field,
                    "table-schema-error",
                    f"frictionless {error.type}: {error.message}",
                )
            )
    for error in report.errors:
        problems.append(
            Problem(
                DESCRIPTOR,
                0,
                0,
                "",
                "table-schema-error",
                f"frictionless {error.type}: {error.message}",
            )
        )
    return problems
