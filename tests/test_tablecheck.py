"""The Table Schema checker: the real package checks clean; each corruption of it is reported
exactly (code, file, row, field, nothing else) and frictionless rejects it too, which shows the
checker enforces every rule frictionless does; no input makes it raise."""

from __future__ import annotations

import ast
import copy
import csv
import io
import json
import random
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from japan_peru_relations.report import Problem
from japan_peru_relations.rules import RULES
from japan_peru_relations.tablecheck import _BAD, _TYPES, CODES, LIMIT, check_tables, is_csv_table

from .conftest import ROOT

DESCRIPTOR: dict[str, Any] = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
TABLES: dict[str, dict[str, Any]] = {
    r["name"]: r for r in DESCRIPTOR["resources"] if is_csv_table(r)
}
# Codes whose line is a CSV row number, as frictionless numbers rows.
ROW_CODES = frozenset(
    {
        "csv-type-error",
        "csv-constraint-error",
        "csv-unique-error",
        "csv-primary-key-error",
        "csv-foreign-key-error",
        "csv-blank-row",
        "csv-extra-cell",
        "csv-missing-cell",
    }
)

Expected = tuple[str, int, str]
"""A problem the checker must report: its code, line (row number) and field."""


# ---------------------------------------------------------------------------------------------
# A scratch copy of the package, and edits of it.


def copy_package(tmp_path: Path) -> Path:
    """The CSV files and descriptor of the real package, copied (never linked: edits rewrite)."""
    (tmp_path / "data").mkdir()
    for resource in TABLES.values():
        shutil.copyfile(ROOT / resource["path"], tmp_path / resource["path"])
    shutil.copyfile(ROOT / "datapackage.json", tmp_path / "datapackage.json")
    return tmp_path


def read_rows(root: Path, name: str) -> list[list[str]]:
    text = (root / TABLES[name]["path"]).read_text(encoding="utf-8")
    return list(csv.reader(io.StringIO(text, newline="")))


def write_rows(root: Path, name: str, rows: list[list[str]]) -> None:
    # The build's own CSV dialect: rewriting unchanged rows reproduces the file byte for byte.
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    (root / TABLES[name]["path"]).write_text(out.getvalue(), encoding="utf-8")


def edit_descriptor(root: Path, name: str, edit: Callable[[dict[str, Any]], None]) -> None:
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    edit(next(r for r in descriptor["resources"] if r["name"] == name))
    (root / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")


def schema_field(name: str, field: str) -> dict[str, Any]:
    fields: list[dict[str, Any]] = TABLES[name]["schema"]["fields"]
    return next(f for f in fields if f["name"] == field)


def foreign_keys(name: str) -> list[tuple[list[str], str, list[str]]]:
    """(fields, referenced table, referenced fields) of each foreign key of a table."""
    return [
        (fk["fields"], fk["reference"].get("resource") or name, fk["reference"]["fields"])
        for fk in TABLES[name]["schema"].get("foreignKeys", [])
    ]


def self_referenced(name: str) -> set[str]:
    """The fields of a table that its own foreign keys point at (editing one breaks other rows;
    the keys of other tables that point at it are not checked with only=[name])."""
    return {field for _, target, fields in foreign_keys(name) if target == name for field in fields}


# ---------------------------------------------------------------------------------------------
# The corpus.


@dataclass(frozen=True)
class Case:
    """One targeted edit of the package and the problems it must cause."""

    id: str
    code: str
    """The rule the case exercises ("" for a case that must check clean)."""
    resource: str
    corrupt: Callable[[Path], list[Expected]]
    rejected: bool = True
    """Whether frictionless rejects the edited package too (a clean case: it accepts it)."""


def _fk_consequences(name: str, row: list[str], changed: str, usable: bool) -> list[Expected]:
    """The foreign keys an edited cell breaks: those through it, unless its value is unusable
    (not of its type) or every field of the key is missing."""
    header = read_rows(ROOT, name)[0]
    broken = []
    for fields, _, _ in foreign_keys(name):
        values = [row[header.index(f)] for f in fields]
        if changed in fields and usable and any(values):
            broken.append(("csv-foreign-key-error", 2, ", ".join(fields)))
    return broken


def cell_case(
    kind: str,
    name: str,
    field: str,
    value: str | Callable[[str], str],
    codes: list[str],
    usable: bool = True,
) -> Case:
    """Write value (or value of the old text) into field of the first data row (row 2), and
    expect codes there."""

    def corrupt(root: Path) -> list[Expected]:
        rows = read_rows(root, name)
        column = rows[0].index(field)
        rows[1][column] = value(rows[1][column]) if callable(value) else value
        write_rows(root, name, rows)
        expected = [(code, 2, field) for code in codes]
        return expected + _fk_consequences(name, rows[1], field, usable)

    shown = "f(old)" if callable(value) else repr(value[:12])
    return Case(f"{kind}:{name}.{field}={shown}", codes[0] if codes else "", name, corrupt)


def _fits(constraints: dict[str, Any], value: str, but: str) -> bool:
    """Whether a string value meets every constraint of a field except `but`."""
    tests = {
        "pattern": lambda p: re.fullmatch(p, value) is not None,
        "minLength": lambda n: len(value) >= n,
        "maxLength": lambda n: len(value) <= n,
        "enum": lambda members: value in members,
    }
    return all(
        tests[name](limit) for name, limit in constraints.items() if name in tests and name != but
    )


def _breaking_value(field: dict[str, Any], kind: str) -> str | None:
    """A value that breaks exactly the constraint kind of a field, or None if none is found."""
    constraints = field.get("constraints", {})
    limit = constraints.get(kind)
    candidates = {
        "required": [""],
        "pattern": ["Not Valid!", "not valid", "NOT-VALID"],
        "minLength": ["a" * (limit - 1)] if kind == "minLength" and limit > 1 else [],
        "maxLength": ["a" * (limit + 1), "https://" + "a" * limit] if kind == "maxLength" else [],
        "enum": ["not-an-allowed-value"],
        "minimum": [str(limit - 1)] if kind == "minimum" else [],
        "maximum": [str(limit + 1)] if kind == "maximum" else [],
    }[kind]
    if field["type"] != "string" and kind not in ("required", "minimum", "maximum"):
        return None
    for value in candidates:
        if kind == "pattern" and re.fullmatch(limit, value):
            continue
        if kind in ("required", "minimum", "maximum") or _fits(constraints, value, kind):
            return value
    return None


CONSTRAINT_KINDS = ("required", "pattern", "minLength", "maxLength", "enum", "minimum", "maximum")
BAD_TEXT = {"integer": "abc", "number": "abc", "boolean": "yes", "date": "2023-02-30"}


def constraint_cases() -> Iterator[Case]:
    """For each table and constraint kind, the first field with it (not one its own foreign
    keys point at), given a value that breaks that constraint alone."""
    for name, resource in TABLES.items():
        fields = [f for f in resource["schema"]["fields"] if f["name"] not in self_referenced(name)]
        for kind in CONSTRAINT_KINDS:
            field = next((f for f in fields if kind in f.get("constraints", {})), None)
            value = _breaking_value(field, kind) if field else None
            if field and value is not None:
                yield cell_case(kind, name, field["name"], value, ["csv-constraint-error"])


def type_cases() -> Iterator[Case]:
    """For each table and non-string type, the first such field, given a value not of it."""
    for name, resource in TABLES.items():
        fields = [f for f in resource["schema"]["fields"] if f["name"] not in self_referenced(name)]
        for kind, text in BAD_TEXT.items():
            field = next((f for f in fields if f["type"] == kind), None)
            if field:
                yield cell_case(kind, name, field["name"], text, ["csv-type-error"], usable=False)


def primary_key_cases() -> Iterator[Case]:
    """Each table's first data row, repeated at its end: its primary key repeats."""
    for name, resource in TABLES.items():
        key = ", ".join(resource["schema"]["primaryKey"])

        def corrupt(root: Path, name: str = name, key: str = key) -> list[Expected]:
            rows = read_rows(root, name)
            write_rows(root, name, [*rows, rows[1]])
            return [("csv-primary-key-error", len(rows) + 1, key)]

        yield Case(f"duplicate-primary-key:{name}", "csv-primary-key-error", name, corrupt)


def foreign_key_cases() -> Iterator[Case]:
    """Each foreign key of each table, made to name a row that does not exist (its last field
    changed in the first data row)."""
    for name in TABLES:
        for fields, target, _ in foreign_keys(name):
            field = fields[-1]
            dangling = "9999" if schema_field(name, field)["type"] == "integer" else "no-such-key"

            def corrupt(
                root: Path, name: str = name, field: str = field, value: str = dangling
            ) -> list[Expected]:
                rows = read_rows(root, name)
                rows[1][rows[0].index(field)] = value
                write_rows(root, name, rows)
                return _fk_consequences(name, rows[1], field, usable=True)

            id = f"dangling-foreign-key:{name}.{field}->{target}"
            yield Case(id, "csv-foreign-key-error", name, corrupt)


def file_edit(name: str, edit: Callable[[str], str | bytes]) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = root / TABLES[name]["path"]
        new = edit(path.read_text(encoding="utf-8"))
        path.write_bytes(new.encode("utf-8") if isinstance(new, str) else new)

    return apply


def simple(
    id: str,
    name: str,
    edit: Callable[[Path], None],
    expected: list[Expected],
    rejected: bool = True,
    code: str | None = None,
) -> Case:
    """A case whose problems are known in advance; it exercises the code of the first."""

    def corrupt(root: Path) -> list[Expected]:
        edit(root)
        return expected

    code = (expected[0][0] if expected else "") if code is None else code
    return Case(id, code, name, corrupt, rejected)


def rows_edit(name: str, edit: Callable[[list[list[str]]], Any]) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        rows = read_rows(root, name)
        edit(rows)
        write_rows(root, name, rows)

    return apply


def header_cases() -> Iterator[Case]:
    """The header of sources (id, url, publisher, kind, ...) edited each way it can go wrong."""
    name = "sources"
    names = [f["name"] for f in TABLES[name]["schema"]["fields"]]

    def header(labels: list[str]) -> Callable[[Path], None]:
        return rows_edit(name, lambda rows: rows.__setitem__(0, labels))

    error = "csv-header-error"
    yield simple(
        "header:swap",
        name,
        header([names[1], names[0], *names[2:]]),
        [(error, 1, names[0]), (error, 1, names[1])],
    )
    yield simple("header:drop-last", name, header(names[:-1]), [(error, 1, names[-1])])
    yield simple(
        "header:drop-middle",
        name,
        header([names[0], *names[2:]]),
        [(error, 1, n) for n in names[1:]],
    )
    yield simple("header:extra", name, header([*names, "extra"]), [(error, 1, "")])
    yield simple(
        "header:duplicate", name, header([names[0], names[0], *names[2:]]), [(error, 1, names[1])]
    )
    yield simple("header:blank", name, header(["", *names[1:]]), [(error, 1, names[0])])
    yield simple(
        "header:case", name, header([names[0].upper(), *names[1:]]), [(error, 1, names[0])]
    )
    # frictionless strips labels, and so does the checker.
    yield simple("header:padded", name, header([f" {names[0]} ", *names[1:]]), [], False)


def row_cases() -> Iterator[Case]:
    """Rows of person_aliases (person, seq, alias: all required) made blank, long or short."""
    name = "person_aliases"
    yield simple(
        "row:blank-line",
        name,
        rows_edit(name, lambda r: r.insert(2, [])),
        [("csv-blank-row", 3, "")],
    )
    yield simple(
        "row:empty-cells",
        name,
        rows_edit(name, lambda r: r.insert(2, ["", "", ""])),
        [("csv-blank-row", 3, "")],
    )
    yield simple(
        "row:extra-cell",
        name,
        rows_edit(name, lambda r: r[1].append("x")),
        [("csv-extra-cell", 2, "")],
    )
    yield simple(
        "row:missing-cell",
        name,
        rows_edit(name, lambda r: r[1].pop()),
        [("csv-missing-cell", 2, "alias")],
    )
    yield simple(
        "row:two-missing-cells",
        name,
        rows_edit(name, lambda r: r[1].__delitem__(slice(1, None))),
        [("csv-missing-cell", 2, "seq"), ("csv-missing-cell", 2, "alias")],
    )
    many = [[] for _ in range(LIMIT + 50)]
    yield simple(
        "row:too-many-problems",
        name,
        rows_edit(name, lambda r: r.__setitem__(slice(2, 2), many)),
        [("csv-blank-row", 3 + i, "") for i in range(LIMIT)]
        + [("csv-problem-limit", 3 + LIMIT, "")],
        code="csv-problem-limit",
    )


def file_cases() -> Iterator[Case]:
    name = "topics"
    path = TABLES[name]["path"]

    def bad_bytes(text: str) -> bytes:
        lines = text.encode("utf-8").split(b"\n")
        lines[2] = b"bad-\xff" + lines[2]
        return b"\n".join(lines)

    def remove(root: Path) -> None:
        (root / path).unlink()

    yield simple(
        "file:invalid-utf8", name, file_edit(name, bad_bytes), [("csv-encoding-error", 3, "")]
    )
    yield simple("file:missing", name, remove, [("csv-missing-file", 0, "")])
    yield simple("file:empty", name, file_edit(name, lambda _: ""), [("csv-header-error", 1, "")])
    # frictionless reads a UTF-8 byte-order mark as utf-8-sig, and so does the checker.
    yield simple("file:bom", name, file_edit(name, lambda t: "\ufeff" + t), [], False)


def value_cases() -> Iterator[Case]:
    """Values at the edges of types and constraints, each read as frictionless reads it."""
    yield cell_case("nan", "places", "latitude", "NaN", ["csv-constraint-error"] * 2)
    yield cell_case("date", "meetings", "date", "2023-02-29", ["csv-type-error"], usable=False)
    yield cell_case("date", "meetings", "date", "20230101", ["csv-type-error"], usable=False)
    yield cell_case("boolean", "meetings", "duration_approximate", " true", ["csv-type-error"])
    yield cell_case("integer", "anniversaries", "year", "2023.0", ["csv-type-error"])
    yield cell_case("number", "places", "longitude", "1,5", ["csv-type-error"])
    for case in (
        cell_case("integer-sign", "person_aliases", "seq", lambda old: "+" + old, []),
        cell_case("integer-zeros", "anniversaries", "year", lambda old: "00" + old, []),
        cell_case("number-exponent", "places", "latitude", "-1.2e1", []),
        cell_case("date-one-digit-month", "meetings", "date", "2023-1-5", []),
        cell_case("boolean-digit", "meetings", "duration_approximate", "0", []),
        cell_case("missing-foreign-key", "places", "within", "", []),
    ):
        yield Case(case.id, "", case.resource, case.corrupt, rejected=False)


def _set(path: list[str], value: Any) -> Callable[[dict[str, Any]], None]:
    def edit(resource: dict[str, Any]) -> None:
        target = resource
        for key in path[:-1]:
            target = target[key] if not key.isdigit() else target[int(key)]  # type: ignore[index]
        target[path[-1]] = value

    return edit


def descriptor_case(id: str, name: str, path: list[str], value: Any, field: str) -> Case:
    def corrupt(root: Path) -> list[Expected]:
        edit_descriptor(root, name, _set(path, value))
        return [("csv-schema-error", 0, field)]

    return Case(f"descriptor:{id}", "csv-schema-error", name, corrupt)


def descriptor_cases() -> Iterator[Case]:
    """A hand-edited descriptor: the checker says what it cannot apply (frictionless refuses it)."""
    name = "topics"  # id (pattern, minLength, maxLength), label, description
    label = ["schema", "fields", "1"]
    yield descriptor_case("unknown-type", name, [*label, "type"], "nonsense", "label")
    yield descriptor_case(
        "bad-pattern", name, [*label, "constraints", "pattern"], "(", "label.constraints.pattern"
    )
    yield descriptor_case(
        "misplaced-constraint",
        name,
        [*label, "constraints", "minimum"],
        3,
        "label.constraints.minimum",
    )
    yield descriptor_case(
        "length-not-integer",
        name,
        [*label, "constraints", "maxLength"],
        "x",
        "label.constraints.maxLength",
    )
    yield descriptor_case(
        "unknown-key-field", name, ["schema", "primaryKey"], ["nope"], "primaryKey"
    )
    yield descriptor_case("unsafe-path", name, ["path"], "../data/topics.csv", "path")

    def dangling_resource(root: Path) -> list[Expected]:
        fk = {"fields": ["label"], "reference": {"resource": "nope", "fields": ["id"]}}
        edit_descriptor(root, name, _set(["schema", "foreignKeys"], [fk]))
        return [("csv-foreign-key-error", 0, "label")]

    yield Case(
        "descriptor:foreign-key-to-nothing", "csv-foreign-key-error", name, dangling_resource
    )

    def unique(root: Path) -> list[Expected]:
        # publisher repeats in sources: each repeat after the first is an error.
        edit_descriptor(
            root, "sources", _set(["schema", "fields", "2", "constraints", "unique"], True)
        )
        rows = read_rows(root, "sources")
        seen: set[str] = set()
        repeats = []
        for line, row in enumerate(rows[1:], start=2):
            if row[2] in seen:
                repeats.append(("csv-unique-error", line, "publisher"))
            seen.add(row[2])
        assert repeats
        return repeats

    yield Case("descriptor:unique-publisher", "csv-unique-error", "sources", unique)

    def integer_enum(root: Path) -> list[Expected]:
        # enum members and cells compare as integers: "0150" is 150, and "150" is not listed.
        edit_descriptor(
            root,
            "anniversaries",
            _set(["schema", "fields", "3", "constraints", "enum"], ["150", 100]),
        )
        rows = read_rows(root, "anniversaries")
        return [
            ("csv-constraint-error", line, "ordinal")
            for line, row in enumerate(rows[1:], start=2)
            if int(row[3]) not in (150, 100)
        ]

    yield Case("descriptor:integer-enum", "csv-constraint-error", "anniversaries", integer_enum)


CASES = [
    *constraint_cases(),
    *type_cases(),
    *primary_key_cases(),
    *foreign_key_cases(),
    *header_cases(),
    *row_cases(),
    *file_cases(),
    *value_cases(),
    *descriptor_cases(),
]


# ---------------------------------------------------------------------------------------------
# frictionless, on the one edited table (and the tables its foreign keys read).


def frictionless_rows(root: Path, descriptor: dict[str, Any], name: str) -> list[int | None]:
    """The row number (or None) of each error frictionless reports on one table; an error of
    the descriptor itself (frictionless raises) is one error without a row."""
    from frictionless import Package, system

    resources = {r.get("name"): r for r in descriptor["resources"]}
    resource = resources[name]
    keys = resource.get("schema", {}).get("foreignKeys", [])
    targets = {fk["reference"].get("resource") for fk in keys if isinstance(fk, dict)}
    subset = [
        resource,
        *(resources[t] for t in sorted(targets - {name, "", None}) if t in resources),
    ]
    with system.use_context(trusted=False):
        try:
            report = (
                Package({"resources": subset}, basepath=str(root)).get_resource(name).validate()
            )
        except Exception:
            return [None]
    errors = [error for task in report.tasks for error in task.errors] + report.errors
    return [getattr(error, "row_number", None) for error in errors]


def test_every_code_the_checker_reports_is_a_registered_rule() -> None:
    source = (ROOT / "src" / "japan_peru_relations" / "tablecheck.py").read_text(encoding="utf-8")
    literals = {
        node.value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and re.fullmatch(r"csv(?:-[a-z]+)+", node.value)
    }
    assert literals == set(CODES)
    assert set(CODES) <= set(RULES)


def test_the_corpus_exercises_every_code_type_and_constraint() -> None:
    assert {case.code for case in CASES} - {""} == set(CODES)
    ids = " ".join(case.id for case in CASES)
    used = {
        kind
        for resource in TABLES.values()
        for field in resource["schema"]["fields"]
        for kind in [field["type"], *field.get("constraints", {})]
    }
    for kind in used - {"string"}:
        assert kind in ids, f"no case exercises {kind}"


def test_the_case_ids_are_unique() -> None:
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("name", sorted(TABLES))
def test_the_real_package_checks_clean(name: str) -> None:
    assert check_tables(ROOT, DESCRIPTOR, only=[name]) == []


def test_the_whole_package_checks_clean() -> None:
    assert check_tables(ROOT, DESCRIPTOR) == []


def _summary(problems: list[Problem]) -> str:
    return "\n".join(map(str, problems)) or "no problems"


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_a_corruption_is_reported_exactly_and_frictionless_agrees(
    case: Case, tmp_path: Path
) -> None:
    root = copy_package(tmp_path)
    expected = case.corrupt(root)
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    path = next(r["path"] for r in descriptor["resources"] if r["name"] == case.resource)
    problems = check_tables(root, descriptor, only=[case.resource])
    got = sorted((p.code, p.line, p.field) for p in problems)
    assert got == sorted(expected), _summary(problems)
    assert case.code in {code for code, _, _ in expected} | ({""} if not case.rejected else set())
    assert {p.path for p in problems} <= {path}
    rows = frictionless_rows(root, descriptor, case.resource)
    if not case.rejected:
        assert rows == [], "frictionless rejects what the checker accepts"
        return
    assert rows, "frictionless accepts the corruption"
    flagged = {line for code, line, _ in expected if code in ROW_CODES and line}
    assert flagged <= set(rows), f"frictionless reports rows {rows}"


# ---------------------------------------------------------------------------------------------
# Where the checker is deliberately stricter than frictionless.


def test_a_pattern_matches_the_whole_value_even_before_a_final_newline(tmp_path: Path) -> None:
    # frictionless anchors a pattern as ^...$, and $ matches before a final newline: it accepts
    # "JP\n" as a country code. Table Schema patterns match whole values; the checker refuses it.
    root = copy_package(tmp_path)
    rows_edit("people", lambda r: r[1].__setitem__(r[0].index("country"), "JP\n"))(root)
    problems = check_tables(root, DESCRIPTOR, only=["people"])
    assert [(p.code, p.line, p.field) for p in problems] == [("csv-constraint-error", 2, "country")]


def test_a_blank_header_row_is_reported(tmp_path: Path) -> None:
    # frictionless reads a blank first line as "no labels" and says nothing.
    root = copy_package(tmp_path)
    file_edit("topics", lambda t: "\n" + t.split("\n", 1)[1])(root)
    problems = check_tables(root, DESCRIPTOR, only=["topics"])
    assert [(p.code, p.line) for p in problems] == [("csv-header-error", 1)]


def test_a_missing_primary_key_value_is_reported_when_the_field_is_not_required(
    tmp_path: Path,
) -> None:
    # frictionless only refuses a primary key whose every field is missing.
    root = copy_package(tmp_path)
    edit_descriptor(root, "person_aliases", _set(["schema", "fields", "1", "constraints"], {}))
    rows_edit("person_aliases", lambda r: r[1].__setitem__(1, ""))(root)
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    problems = check_tables(root, descriptor, only=["person_aliases"])
    assert [(p.code, p.line, p.field) for p in problems] == [("csv-primary-key-error", 2, "seq")]


# ---------------------------------------------------------------------------------------------
# Types read exactly as frictionless reads them.


SAMPLES = {
    "integer": [
        "1",
        "+1",
        " 1 ",
        "1_000",
        "١",
        "0x1",
        "1.0",
        "-0",
        "--1",
        "1e3",
        "00012",
        "9" * 5000,
    ],
    "number": [
        "1.5",
        "NaN",
        "nan",
        "-inf",
        "Infinity",
        "1_0",
        "1e3",
        " 1.5 ",
        ".5",
        "5.",
        "1,5",
        "sNaN",
        "0x1",
        "+.5",
        "١.٥",
        "-nan",
        "1e999999",
    ],
    "boolean": ["true", "True", "TRUE", "1", "false", "0", "yes", " true", "tRue"],
    "date": [
        "2023-01-01",
        "2023-1-5",
        "2023-01- 1",
        "2023-02-30",
        "20230101",
        "2023-W01-1",
        "٢٠٢٣-01-01",
        "0000-01-01",
        "9999-12-31",
        "2023-01-01 ",
        "2023/01/01",
    ],
    "time": [
        "12:00:00",
        "12:00",
        "24:00:00",
        "24:00:00.5",
        "12:00:00Z",
        "12:00:00z",
        "12:00:00 Z",
        "12:00:00.123456789",
        "12:00:00+05:30",
        "12:00:00+0530",
        "12:00:00+05",
        "12:00:00+05:30:15",
        "12:00:60",
        "12:00:00+24:00",
    ],
    "datetime": [
        "2023-01-01T12:00:00",
        "2023-01-01 12:00:00",
        "2023-01-01x12:00:00",
        "2023-01-01T24:00:00",
        "2023-01-01T12:00",
        "2023-W01-1T12:00:00",
        "2023-001T1200+01:00",
        "20230101T1200+01:00",
        "2023-02-30T12:00:00",
    ],
    "year": ["2023", "+123", " 123", "99999", "-123", "12_3", "0000", "abcd"],
    "yearmonth": ["2023-01", "2023-13", "2023-1", "2023-01-01", "2023- 1", "2023"],
}


def _same(mine: Any, theirs: Any) -> bool:
    # A NaN equals nothing; frictionless keeps a signalling NaN, which the checker makes quiet.
    if isinstance(theirs, Decimal) and theirs.is_nan():
        return isinstance(mine, Decimal) and mine.is_nan()
    return bool(mine == theirs)


def _agrees(kind: str, texts: list[str]) -> list[str]:
    from frictionless import Field

    reader = Field.from_descriptor({"name": "a", "type": kind}).create_cell_reader()
    ours = _TYPES[kind].make({"name": "a", "type": kind})
    assert not isinstance(ours, str)
    disagreements = []
    for text in texts:
        value, notes = reader(text)
        theirs = _BAD if notes and "type" in notes else value
        mine = ours(text)
        if (mine is _BAD) != (theirs is _BAD) or (mine is not _BAD and not _same(mine, theirs)):
            disagreements.append(f"{text!r}: frictionless {theirs!r}, ours {mine!r}")
    return disagreements


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_values_at_the_edges_of_a_type_read_as_frictionless_reads_them(kind: str) -> None:
    assert _agrees(kind, SAMPLES[kind]) == []


@pytest.mark.parametrize("kind", ["time", "datetime", "date", "integer", "number"])
def test_random_near_misses_read_as_frictionless_reads_them(kind: str) -> None:
    rng = random.Random(kind)
    alphabet = "0123456789:+-.,Z zTWe_"
    texts = []
    for _ in range(3000):
        chars = list(rng.choice(SAMPLES[kind]))
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(chars) + 1)
            action = rng.random()
            if action < 0.4 and at < len(chars):
                chars[at] = rng.choice(alphabet)
            elif action < 0.7:
                chars.insert(at, rng.choice(alphabet))
            elif at < len(chars):
                del chars[at]
        texts.append("".join(chars))
    assert _agrees(kind, [t for t in texts if t]) == []


# ---------------------------------------------------------------------------------------------
# No input makes the checker raise.


def tiny(root: Path, text: str | bytes, schema: Any, **resource: Any) -> list[Problem]:
    """Check one small table, t.csv, described by schema."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    (root / "t.csv").write_bytes(data)
    described = {"name": "t", "type": "table", "path": "t.csv", "schema": schema, **resource}
    return check_tables(root, {"resources": [described]})


def codes(problems: list[Problem]) -> list[tuple[str, int, str]]:
    return [(p.code, p.line, p.field) for p in problems]


STRING = {"fields": [{"name": "a", "type": "string"}]}


@pytest.mark.parametrize(
    "descriptor",
    [
        None,
        [],
        {},
        {"resources": None},
        {"resources": [1, "x", None, []]},
        {"resources": [{"type": "table"}]},
        {"resources": [{"path": 5, "format": "csv"}]},
    ],
    ids=repr,
)
def test_a_descriptor_of_any_shape_gives_problems_not_exceptions(
    descriptor: Any, tmp_path: Path
) -> None:
    problems = check_tables(tmp_path, descriptor)
    assert all(p.code == "csv-schema-error" for p in problems)


ODD_SCHEMAS: list[Any] = [
    None,
    "schema.json",
    {"fields": "a"},
    {"fields": []},
    {"fields": [1, None, "a"]},
    {"fields": [{"name": "a"}, {"name": "a"}]},
    {"fields": [{"name": "a", "type": ["integer"]}]},
    {"fields": [{"name": "a", "type": "geopoint"}]},
    {"fields": [{"name": "a", "type": "date", "format": "any"}]},
    {"fields": [{"name": "a", "type": "date", "format": 5}]},
    {"fields": [{"name": "a", "type": "date", "format": "%Q"}]},
    {"fields": [{"name": "a", "type": "boolean", "trueValues": "yes"}]},
    {"fields": [{"name": "a", "type": "boolean", "trueValues": [1]}]},
    {"fields": [{"name": "a", "type": "number", "groupChar": 5}]},
    {"fields": [{"name": "a", "constraints": []}]},
    {"fields": [{"name": "a", "constraints": {"pattern": 5, "enum": "x", "minLength": 1.5}}]},
    {"fields": [{"name": "a", "constraints": {"required": "yes", "unique": 1}}]},
    {"fields": [{"name": "a", "type": "integer", "constraints": {"minimum": "x", "enum": [[1]]}}]},
    {"fields": [{"name": "a", "type": "time", "constraints": {"minimum": "10:00:00"}}]},
    {"fields": [{"name": "a", "missingValues": [{"label": "x"}]}], "missingValues": 5},
    {"fields": [{"name": "a"}], "primaryKey": {"a": 1}, "foreignKeys": [5, {"fields": 1}]},
    {"fields": [{"name": "a"}], "foreignKeys": {"fields": ["a"]}},
    {"fields": [{"name": "a"}], "foreignKeys": [{"fields": ["a"], "reference": {"fields": []}}]},
    {"fields": [{"name": "a"}], "fieldsMatch": "subset"},
]


@pytest.mark.parametrize("schema", ODD_SCHEMAS, ids=lambda s: json.dumps(s)[:60])
def test_a_schema_of_any_shape_gives_problems_not_exceptions(schema: Any, tmp_path: Path) -> None:
    problems = tiny(tmp_path, "a\n10:00:00+01:00\n\x00\n", schema)
    assert all(isinstance(p, Problem) for p in problems)


@pytest.mark.parametrize(
    ("resource", "expected"),
    [
        ({"path": "nope.csv"}, [("csv-missing-file", 0, "")]),
        ({"path": "."}, [("csv-schema-error", 0, "path")]),
        ({"path": "/etc/passwd"}, [("csv-schema-error", 0, "path")]),
        ({"path": "a\x00.csv"}, [("csv-schema-error", 0, "path")]),
        ({"path": "https://example.org/t.csv"}, [("csv-schema-error", 0, "path")]),
        ({"encoding": "no-such-codec"}, [("csv-schema-error", 0, "encoding")]),
        ({"encoding": "latin-1"}, []),
        ({"dialect": "dialect.json"}, [("csv-schema-error", 0, "dialect")]),
        ({"dialect": {"delimiter": ";;"}}, [("csv-schema-error", 0, "dialect.delimiter")]),
        ({"dialect": {"headerRows": "1"}}, [("csv-schema-error", 0, "dialect.headerRows")]),
    ],
    ids=repr,
)
def test_an_odd_resource_is_a_problem(
    resource: dict[str, Any], expected: list[Expected], tmp_path: Path
) -> None:
    (tmp_path / "sub").mkdir()
    assert codes(tiny(tmp_path, "a\nx\n", STRING, **resource)) == expected


def test_a_directory_where_the_file_should_be_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "d.csv").mkdir()
    table = {"name": "t", "path": "d.csv", "schema": STRING}
    assert codes(check_tables(tmp_path, {"resources": [table]})) == [("csv-missing-file", 0, "")]


def test_a_missing_target_table_is_one_problem_not_one_per_foreign_key(tmp_path: Path) -> None:
    (tmp_path / "child.csv").write_text("parent\nx\n", encoding="utf-8")
    key = {"fields": ["parent"], "reference": {"resource": "parent", "fields": ["id"]}}
    child = {
        "name": "child",
        "path": "child.csv",
        "schema": {**string_schema("parent"), "foreignKeys": [key]},
    }
    parent = {"name": "parent", "path": "parent.csv", "schema": string_schema("id")}
    problems = check_tables(tmp_path, {"resources": [child, parent]})
    assert [(p.path, p.code) for p in problems] == [("parent.csv", "csv-missing-file")]


def string_schema(name: str) -> dict[str, Any]:
    """A schema of one string field of that name."""
    return {"fields": [{"name": name, "type": "string"}]}


def test_nul_bytes_and_a_huge_cell_are_values_like_any_other(tmp_path: Path) -> None:
    schema = {"fields": [{"name": "a", "constraints": {"maxLength": 10, "pattern": "[a-z]*"}}]}
    problems = tiny(tmp_path, "a\nx\x00y\n" + "z" * 1_000_000 + "\n", schema)
    assert codes(problems) == [
        ("csv-constraint-error", 2, "a"),  # the NUL breaks the pattern
        ("csv-constraint-error", 3, "a"),  # a million letters break maxLength
    ]
    assert max(len(p.message) for p in problems) < 300, "values are cut short in messages"


def test_a_wholly_broken_file_gives_a_bounded_report(tmp_path: Path) -> None:
    schema = {"fields": [{"name": "a", "type": "integer"}, {"name": "b", "type": "date"}]}
    problems = tiny(tmp_path, "a,b\n" + "x,y\n" * 10_000, schema)
    assert len(problems) == LIMIT + 1
    assert problems[-1].code == "csv-problem-limit"
    assert problems[-1].message.startswith(f"{2 * 10_000 - LIMIT} more problems")


def test_the_dialect_delimiter_quote_comments_and_header_row_are_honoured(
    tmp_path: Path,
) -> None:
    schema = {"fields": [{"name": "a", "type": "integer"}, {"name": "b"}]}
    text = "# a comment\na;b\n1;'x;y'\n#2;z\nq;w\n"
    dialect = {"delimiter": ";", "quoteChar": "'", "commentChar": "#", "headerRows": [2]}
    assert codes(tiny(tmp_path, text, schema, dialect=dialect)) == [("csv-type-error", 5, "a")]


def test_missing_values_are_read_from_the_schema_and_the_field(tmp_path: Path) -> None:
    schema = {
        "missingValues": ["NA", {"value": "-", "label": "not asked"}],
        "fields": [
            {"name": "a", "type": "integer", "constraints": {"required": True}},
            {"name": "b", "type": "integer", "missingValues": ["?"]},
        ],
    }
    problems = tiny(tmp_path, "a,b\nNA,1\n-,5\n,2\n3,NA\n", schema)
    assert codes(problems) == [
        ("csv-constraint-error", 2, "a"),
        ("csv-constraint-error", 3, "a"),
        ("csv-type-error", 4, "a"),  # "" is not a missing value here
        ("csv-type-error", 5, "b"),  # nor is NA for b, which has its own
    ]


def test_a_self_referencing_composite_foreign_key(tmp_path: Path) -> None:
    schema = {
        "fields": [
            {"name": "a"},
            {"name": "n", "type": "integer"},
            {"name": "pa"},
            {"name": "pn", "type": "integer"},
        ],
        "primaryKey": ["a", "n"],
        "foreignKeys": [
            {"fields": ["pa", "pn"], "reference": {"resource": "", "fields": ["a", "n"]}}
        ],
    }
    text = "a,n,pa,pn\nx,1,,\nx,2,x,01\ny,1,x,3\ny,2,y,\n"
    problems = tiny(tmp_path, text, schema)
    # 01 is 1: row 3 names row 2; row 4 names no row; row 5 names ("y", missing): no row either.
    assert codes(problems) == [
        ("csv-foreign-key-error", 4, "pa, pn"),
        ("csv-foreign-key-error", 5, "pa, pn"),
    ]


def test_only_restricts_the_report_but_not_the_lookups(tmp_path: Path) -> None:
    root = copy_package(tmp_path)
    rows_edit("sources", lambda r: r.__delitem__(slice(1, None)))(root)  # no source at all
    assert check_tables(root, DESCRIPTOR, only=["sources"]) == []
    dangling = check_tables(root, DESCRIPTOR, only=["person_sources"])
    assert {p.path for p in dangling} == {"data/person_sources.csv"}
    assert {p.code for p in dangling} <= {"csv-foreign-key-error", "csv-problem-limit"}


def test_the_descriptor_is_not_changed() -> None:
    before = copy.deepcopy(DESCRIPTOR)
    check_tables(ROOT, DESCRIPTOR)
    assert before == DESCRIPTOR


SOME_VALUES = st.sampled_from(
    [
        "1",
        "-1",
        "1.5",
        "NaN",
        "sNaN",
        "inf",
        "2020-01-01",
        "12:00:00",
        "12:00:00Z",
        "2020-01-01T12:00:00+01:00",
        "2020-05",
        "true",
        "",
        "x",
        1,
        2.5,
        float("nan"),
        True,
        None,
        [1],
        {"a": 1},
    ]
)
KINDS = st.sampled_from([*sorted(_TYPES), "geojson", 5])


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    kind=KINDS,
    constraints=st.dictionaries(
        st.sampled_from(
            [
                "minimum",
                "maximum",
                "exclusiveMinimum",
                "enum",
                "unique",
                "required",
                "pattern",
                "minLength",
            ]
        ),
        SOME_VALUES | st.lists(SOME_VALUES, max_size=3),
        max_size=4,
    ),
    options=st.dictionaries(
        st.sampled_from(
            [
                "format",
                "floatNumber",
                "bareNumber",
                "groupChar",
                "decimalChar",
                "trueValues",
                "missingValues",
            ]
        ),
        SOME_VALUES | st.lists(SOME_VALUES, max_size=2),
        max_size=2,
    ),
    cells=st.lists(st.text(alphabet='ab1.,-:TZ "\n\x00', max_size=12), max_size=8),
)
def test_any_field_and_any_cells_give_problems_not_exceptions(
    kind: Any, constraints: dict[str, Any], options: dict[str, Any], cells: list[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows([["a"], *([cell] for cell in cells)])
        field = {"name": "a", "type": kind, "constraints": constraints, **options}
        self_key = [{"fields": ["a"], "reference": {"fields": ["a"]}}]
        schema = {"fields": [field], "primaryKey": ["a"], "foreignKeys": self_key}
        problems = tiny(root, out.getvalue(), schema)
    assert all(isinstance(problem, Problem) for problem in problems)
