"""Every rule stops what breaks it: a corpus of corruptions generated from the real records.

The records are copied once (a snapshot, so that records being written meanwhile cannot change
a case under our feet); a closed sample of them (a few of each kind, every field any record of a
kind writes, and all they refer to) is the corpus tree, and every valid record in it is a base.
For each rule, every kind of record where it applies is corrupted, one change to one file per
case, and the expected line and column come from the YAML positions of the base file
(yamlread), never from a literal. Edits keep the lines before the edited key where they were;
where lines are removed or inserted before it, the shift is computed. Each case asserts the
exact (code, path, line, column where meaningful, field) and that no unrelated rule fires.
"""

from __future__ import annotations

import atexit
import csv
import datetime as dt
import enum
import io
import itertools
import json
import os
import shutil
import tempfile
import types
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

import pytest
from annotated_types import Ge, Le, MaxLen, MinLen
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from japan_peru_relations import fieldtypes as ft
from japan_peru_relations.build import render, write_outputs
from japan_peru_relations.introspect import references
from japan_peru_relations.models import RECORD_TYPES, Record
from japan_peru_relations.package import DESCRIPTOR, csv_path, json_path
from japan_peru_relations.records import field_name, read_file, read_records
from japan_peru_relations.report import Problem
from japan_peru_relations.tables import TABLES
from japan_peru_relations.validate import Options, validate_project
from japan_peru_relations.yamlread import MAX_BYTES, YamlDocument, read_yaml

from .conftest import ROOT

Loc = tuple[str | int, ...]
TODAY = dt.date.today()
FUTURE = TODAY + dt.timedelta(days=400)
RECORDS_ONLY = Options(package=False, today=TODAY)

SNAPSHOT = Path(tempfile.mkdtemp(prefix="jpr-corpus-"))
"""A copy of records/ as it was when the tests started, and the corpus tree built from it."""
atexit.register(shutil.rmtree, SNAPSHOT, True)
if (ROOT / "records").is_dir():
    shutil.copytree(ROOT / "records", SNAPSHOT / "records", symlinks=True)
CORPUS = SNAPSHOT / "corpus"
SAMPLE = 3


# --- what a case is ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Expect:
    """The problem a case must produce: column None means the line is asserted, not the column."""

    code: str
    path: str
    line: int
    column: int | None
    field: str


@dataclass(frozen=True)
class Case:
    """One corruption of a copy of the project, and the problem it must raise."""

    rule: str
    record: str
    what: str
    corrupt: Callable[[Path], Expect]
    also: frozenset[str] = frozenset()
    options: Options = RECORDS_ONLY

    @property
    def id(self) -> str:
        return f"{self.rule}:{self.record}:{self.what}"


@dataclass(frozen=True)
class Base:
    """A valid record of the snapshot, with its text and the YAML position of every key."""

    kind: str
    rel: str
    text: str
    doc: YamlDocument
    record: Record

    @property
    def id(self) -> str:
        return str(getattr(self.record, "id", ""))

    def pos(self, loc: Loc) -> tuple[int, int]:
        return self.doc.positions[loc]

    def has(self, loc: Loc) -> bool:
        return loc in self.doc.positions

    def first_key(self) -> Loc:
        top = [loc for loc in self.doc.positions if len(loc) == 1]
        return min(top, key=self.pos)


def load_bases(root: Path = SNAPSHOT) -> dict[str, list[Base]]:
    """Every record of the snapshot that is valid on its own, by kind (invalid ones skipped)."""
    bases: dict[str, list[Base]] = defaultdict(list)
    for path in sorted((root / "records").glob("*/*.yaml")):
        file, problems = read_file(root, path)
        if problems or file is None or file.record is None or path.is_symlink():
            continue
        data = path.read_bytes()
        bases[file.kind].append(
            Base(file.kind, file.path, data.decode(), read_yaml(data), file.record)
        )
    return dict(bases)


def compact(bases: dict[str, list[Base]]) -> dict[str, list[Base]]:
    """A closed sample of the real records: a few of each kind, every field that any record of
    the kind writes, every telephone or video meeting, and all that these refer to. Sources come
    in only by citation, so none is unused; the sample keeps each validation run short.
    """
    index = {(b.kind, b.id): b for items in bases.values() for b in items}
    found = catalogue(bases)
    seeds = [b for items in bases.values() for b in items if _wanted(b)]
    for kind, items in bases.items():
        if kind != "sources":
            seeds += items[:SAMPLE] + [base for base, _ in found[kind].values()]
    chosen: dict[tuple[str, str], Base] = {}
    while seeds:
        base = seeds.pop()
        if (base.kind, base.id) not in chosen:
            chosen[base.kind, base.id] = base
            seeds += [index[t, v] for _, t, v in references(base.record) if (t, v) in index]
    sample = {k: [b for b in items if (k, b.id) in chosen] for k, items in bases.items()}
    return {kind: items for kind, items in sample.items() if items}


def _minutes(value: dt.time) -> int:
    return value.hour * 60 + value.minute


def _wanted(base: Base) -> bool:
    """Records some generator needs beyond the per-field sample: remote meetings, meetings
    timed from start to end, agreements with several dated steps.
    """
    record: Any = base.record
    if base.kind == "meetings":
        return bool(record.mode != "in_person" or (record.start_local and record.end_local))
    if base.kind == "agreements":
        return sum(1 for step in record.steps if step.date) >= 2
    return False


def write_tree(root: Path, bases: dict[str, list[Base]]) -> None:
    for items in bases.values():
        for base in items:
            write(root, base.rel, base.text)


# --- line-preserving edits of YAML text --------------------------------------------------------


@dataclass(frozen=True)
class Edited:
    """New text, and where the edited key or item now is."""

    text: str
    line: int
    column: int | None


def _extent(lines: list[str], line: int, column: int, item: bool = False) -> int:
    """The last line (1-based) of the value of the key (or list item) at (line, column)."""
    indent, last = column - 1, line
    for index in range(line, len(lines)):
        text = lines[index]
        stripped = text.lstrip(" ")
        depth = len(text) - len(stripped)
        if not stripped:
            continue
        if depth > indent or (depth == indent and (item or stripped.startswith("-"))):
            last = index + 1
            continue
        break
    return last


def set_value(base: Base, loc: Loc, new: str) -> Edited:
    """The key at loc with `new` (YAML text) as its value, on the key's own line."""
    line, column = base.pos(loc)
    lines = base.text.split("\n")
    key = str(loc[-1])
    assert lines[line - 1][column - 1 :].startswith(f"{key}:"), (base.rel, loc)
    end = _extent(lines, line, column)
    lines[line - 1 : end] = [f"{lines[line - 1][: column - 1]}{key}: {new}"]
    return Edited("\n".join(lines), line, column)


def insert_after(base: Base, loc: Loc, new_lines: list[str]) -> Edited:
    """new_lines inserted after the value of the key at loc, at that key's indentation."""
    line, column = base.pos(loc)
    lines = base.text.split("\n")
    end = _extent(lines, line, column)
    lines[end:end] = [" " * (column - 1) + text for text in new_lines]
    return Edited("\n".join(lines), end + 1, column)


def delete_key(base: Base, loc: Loc) -> tuple[str, int, int]:
    """The text without the key at loc; the first line removed and how many."""
    line, column = base.pos(loc)
    lines = base.text.split("\n")
    end = _extent(lines, line, column)
    del lines[line - 1 : end]
    return "\n".join(lines), line, end - line + 1


def _token_end(text: str, start: int) -> int:
    if text[start] in "\"'":
        return text.index(text[start], start + 1) + 1
    flow = text[:start].rstrip().endswith(("[", ","))
    stops = [text.find(c, start) for c in (",]}" if flow else "#")]
    found = [s for s in stops if s >= 0]
    return min(found) if found else len(text)


def set_item(base: Base, loc: Loc, new: str) -> Edited:
    """The scalar list item at loc replaced by `new` (YAML text)."""
    line, column = base.pos(loc)
    lines = base.text.split("\n")
    text = lines[line - 1]
    end = _token_end(text, column - 1)
    lines[line - 1] = text[: column - 1] + new + text[end:].rstrip()
    if not text[: column - 1].rstrip().endswith(("[", ",")):
        del lines[line : _extent(lines, line, column, item=True)]  # a block scalar's other lines
    return Edited("\n".join(lines), line, column)


def duplicate_item(base: Base, loc: Loc) -> Edited:
    """The scalar list item at loc written twice; the position of the second."""
    line, column = base.pos(loc)
    lines = base.text.split("\n")
    text = lines[line - 1]
    end = _token_end(text, column - 1)
    token = text[column - 1 : end].rstrip()
    if text[: column - 1].rstrip().endswith(("[", ",")):
        lines[line - 1] = (
            text[: column - 1] + token + ", " + token + text[column - 1 + len(token) :]
        )
        return Edited("\n".join(lines), line, column + len(token) + 2)
    lines[line:line] = [text]
    return Edited("\n".join(lines), line + 1, column)


def q(value: str) -> str:
    """A string as a YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(value)


# --- what the models say about each field ------------------------------------------------------


def _metadata(info: FieldInfo) -> tuple[Any, list[Any], bool]:
    """A field's base type, every piece of its metadata, and whether it is a list."""
    annotation, meta, is_list = info.annotation, list(info.metadata), False
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            args = get_args(annotation)
            annotation, meta = args[0], [*meta, *args[1:]]
        elif origin in (Union, types.UnionType):
            annotation = next(a for a in get_args(annotation) if a is not type(None))
        elif origin is list:
            annotation, is_list = get_args(annotation)[0], True
        else:
            break
    flat: list[Any] = []
    for item in meta:
        flat.extend(item.metadata if isinstance(item, FieldInfo) else [item])
    return annotation, flat, is_list


_BY_FUNCTION = {
    ft.check_text: "text",
    ft.check_partial_date: "partial-date",
    ft.parse_iso_date: "iso-date",
    ft.parse_local_time: "time",
    ft.check_local_datetime: "datetime",
    ft.check_timezone: "timezone",
}
_BY_PATTERN = {
    ft.COUNTRY_PATTERN: "country",
    ft.LANGUAGE_PATTERN: "language",
    ft.WIKIDATA_PATTERN: "wikidata",
    ft.HTTPS_URL_PATTERN: "url",
}


@dataclass(frozen=True)
class Shape:
    """One model field as the corpus needs it."""

    name: str
    base: Any
    cats: frozenset[str]
    is_list: bool
    required: bool
    bounds: tuple[float | None, float | None] = (None, None)
    ref: str | None = None
    model: type[BaseModel] | None = None
    enum: type[enum.Enum] | None = None


def shape(name: str, info: FieldInfo) -> Shape:
    base, meta, is_list = _metadata(info)
    cats = {_BY_FUNCTION[m.func] for m in meta if getattr(m, "func", None) in _BY_FUNCTION}
    cats |= {_BY_PATTERN[p] for m in meta if (p := getattr(m, "pattern", None)) in _BY_PATTERN}
    if any(isinstance(m, MaxLen) and m.max_length == 300 for m in meta):
        cats.add("short")
    if any(isinstance(m, MinLen) and m.min_length == 1 for m in meta):
        cats.add("non-empty")
    ref = next((m.resource for m in meta if isinstance(m, ft.Ref)), None)
    low = next((float(m.ge) for m in meta if isinstance(m, Ge)), None)  # type: ignore[arg-type]
    high = next((float(m.le) for m in meta if isinstance(m, Le)), None)  # type: ignore[arg-type]
    is_model = isinstance(base, type) and issubclass(base, BaseModel)
    is_enum = isinstance(base, type) and issubclass(base, enum.Enum)
    return Shape(
        name,
        base,
        frozenset(cats),
        is_list,
        info.is_required(),
        (low, high),
        ref,
        base if is_model else None,
        base if is_enum else None,
    )


def shapes(model: type[BaseModel]) -> list[Shape]:
    return [shape(name, info) for name, info in model.model_fields.items()]


@dataclass(frozen=True)
class Slot:
    """A field present in a base: where its key (or first item) is, and its shape."""

    loc: Loc
    shape: Shape
    nested: bool


def slots(base: Base) -> Iterator[Slot]:
    """Every field a base writes, top level and in the first item of each list of mappings."""
    for top in shapes(type(base.record)):
        if not base.has((top.name,)):
            continue
        yield Slot((top.name,), top, False)
        if top.is_list and top.model is not None and base.has((top.name, 0)):
            for inner in shapes(top.model):
                if base.has((top.name, 0, inner.name)):
                    yield Slot((top.name, 0, inner.name), inner, True)


def catalogue(bases: dict[str, list[Base]]) -> dict[str, dict[Loc, tuple[Base, Slot]]]:
    """For each kind, each field written anywhere: the first base that writes it."""
    found: dict[str, dict[Loc, tuple[Base, Slot]]] = {}
    for kind, items in bases.items():
        found[kind] = {}
        for base in items:
            for slot in slots(base):
                found[kind].setdefault(slot.loc, (base, slot))
    return found


# --- building cases ----------------------------------------------------------------------------


def write(root: Path, rel: str, data: str | bytes) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_symlink() or path.is_file():
        path.unlink()
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def edit_case(
    rule: str,
    base: Base,
    what: str,
    edited: Edited,
    loc: Loc | str,
    also: tuple[str, ...] = (),
) -> Case:
    """A case that rewrites one base file and expects rule at the edited key."""
    field_ = loc if isinstance(loc, str) else field_name(loc)

    def corrupt(root: Path) -> Expect:
        write(root, base.rel, edited.text)
        return Expect(rule, base.rel, edited.line, edited.column, field_)

    return Case(rule, _where(base), what, corrupt, frozenset(also))


def file_case(
    rule: str,
    base: Base,
    what: str,
    act: Callable[[Path], Expect],
    also: tuple[str, ...] = (),
) -> Case:
    return Case(rule, _where(base), what, act, frozenset(also))


def _where(base: Base) -> str:
    return f"{base.kind}/{base.rel.rsplit('/', 1)[-1].removesuffix('.yaml')}"


def renamed(base: Base, stem: str) -> str:
    return f"records/{base.kind}/{stem}.yaml"


# Consequences one corruption may legitimately have elsewhere.
CITATION = ("unused-source", "evidence-mismatch")
REFERENCED = ("unknown-reference", *CITATION)


# --- files ---------------------------------------------------------------------------------------


def file_cases(base: Base, index: int) -> Iterator[Case]:
    """Every file-level rule, on the first valid record of a kind."""
    first = base.first_key()
    line, column = base.pos(first)
    key = str(first[0])
    at_value = column + len(key) + 2

    def not_utf8(root: Path) -> Expect:
        lines = base.text.encode("utf-8").split(b"\n")
        lines[line - 1] += b" caf\xe9"
        write(root, base.rel, b"\n".join(lines))
        return Expect("not-utf8", base.rel, line, None, "")

    yield file_case("not-utf8", base, "latin-1 byte", not_utf8)

    def bom(root: Path) -> Expect:
        write(root, base.rel, b"\xef\xbb\xbf" + base.text.encode("utf-8"))
        return Expect("not-utf8", base.rel, 1, 1, "")

    if index == 0:
        yield file_case("not-utf8", base, "byte-order mark", bom)

    def empty(data: bytes) -> Callable[[Path], Expect]:
        def act(root: Path) -> Expect:
            write(root, base.rel, data)
            return Expect("empty-file", base.rel, 0, None, "")

        return act

    yield file_case("empty-file", base, "no bytes", empty(b""))
    if index == 0:
        yield file_case("empty-file", base, "comment only", empty(b"# nothing yet\n\n"))

    def too_large(root: Path) -> Expect:
        write(root, base.rel, base.text + "\n#" + "x" * MAX_BYTES + "\n")
        return Expect("file-too-large", base.rel, 0, None, "")

    yield file_case("file-too-large", base, "comment padding", too_large)
    broken = set_value(base, first, "a: b")
    yield edit_case("not-yaml", base, "colon in value", Edited(broken.text, line, None), "")
    edited = set_value(base, first, "&anchor x")
    yield edit_case("yaml-alias", base, "anchor", Edited(edited.text, line, at_value), "")
    edited = set_value(base, first, "!custom x")
    yield edit_case("yaml-tag", base, "tag", Edited(edited.text, line, at_value), "")
    dup = insert_after(base, first, [f"{key}: again"])
    yield edit_case("duplicate-key", base, f"{key} twice", dup, "")
    deep = set_value(base, first, "[" * 40 + "]" * 40)
    yield edit_case("nesting-too-deep", base, "40 levels", Edited(deep.text, line, None), "")

    def listing(root: Path) -> Expect:
        write(root, base.rel, "- a list\n- of items\n")
        return Expect("not-a-mapping", base.rel, 1, 1, "")

    yield file_case("not-a-mapping", base, "top-level list", listing)
    complex_key = insert_after(base, first, ["? [a, b]", ": value"])
    yield edit_case(
        "not-a-mapping",
        base,
        "list as key",
        Edited(complex_key.text, complex_key.line, None),
        "",
    )

    def two_documents(root: Path) -> Expect:
        text = base.text if base.text.endswith("\n") else base.text + "\n"
        write(root, base.rel, text + "---\nid: another\n")
        return Expect("multiple-documents", base.rel, text.count("\n") + 1, 1, "")

    yield file_case("multiple-documents", base, "second document", two_documents)
    yield from _misplaced(base, index)
    yield from _unreadable(base, index)


def _misplaced(base: Base, index: int) -> Iterator[Case]:
    targets = [
        f"records/{base.kind}/{base.id}.yml",
        f"records/{base.id}.yaml",
        f"records/{base.kind}/drafts/{base.id}.yaml",
        f"records/unknown-kind/{base.id}.yaml",
    ]
    for target in targets if index == 0 else targets[:1]:

        def act(root: Path, target: str = target) -> Expect:
            write(root, target, base.text)
            return Expect("unexpected-file", target, 0, None, "")

        yield file_case("unexpected-file", base, target.split("/", 1)[1], act)


def _unreadable(base: Base, index: int) -> Iterator[Case]:
    def link(root: Path) -> Expect:
        target = root / "outside.yaml"
        target.write_text(base.text, encoding="utf-8")
        path = root / base.rel
        path.unlink()
        path.symlink_to(target)
        return Expect("unreadable-file", base.rel, 0, None, "")

    yield file_case("unreadable-file", base, "symbolic link", link)

    def folder(root: Path) -> Expect:
        rel = renamed(base, f"{base.id}-folder")
        (root / rel).mkdir()
        return Expect("unreadable-file", rel, 0, None, "")

    if index == 0:
        yield file_case("unreadable-file", base, "folder named like a record", folder)


# --- structure -----------------------------------------------------------------------------------


def _root_after_delete(base: Base, loc: Loc, removed_at: int, count: int) -> tuple[int, int]:
    """Where the record's top mapping starts once the key at loc is gone."""
    rest = [k for k in base.doc.positions if len(k) == 1 and k != loc]
    line, column = base.pos(min(rest, key=base.pos))
    return (line - count if line > removed_at else line), column


def structure_cases(kind: str, base: Base, found: dict[Loc, tuple[Base, Slot]]) -> Iterator[Case]:
    first = base.first_key()
    added = insert_after(base, first, ["colour: blue"])
    yield edit_case("unknown-field", base, "colour", added, ("colour",))
    for key, label, field_ in (("1", "number key", "['1']"), ("null", "null key", "['']")):
        edited = insert_after(base, first, [f"{key}: x"])
        if kind in ("sources", "meetings"):
            yield edit_case("unknown-field", base, label, edited, field_)
    model = type(base.record)
    for top in shapes(model):
        if (
            top.required
            and base.has((top.name,))
            and sum(1 for k in base.doc.positions if len(k) == 1) > 1
        ):
            text, at, count = delete_key(base, (top.name,))
            line, column = _root_after_delete(base, (top.name,), at, count)
            also = CITATION if top.name in ("sources", "kind", "id") else ()
            yield edit_case(
                "missing-field", base, top.name, Edited(text, line, column), (top.name,), also
            )
    for loc, (owner, slot) in found.items():
        if len(loc) != 3:
            continue
        item = loc[:2]
        item_keys = [k for k in owner.doc.positions if len(k) == 3 and k[:2] == item]
        first_in_item = min(item_keys, key=owner.pos)
        if loc == first_in_item:
            nested = insert_after(owner, loc, ["colour: blue"])
            yield edit_case("unknown-field", owner, f"{loc[0]} item", nested, (*item, "colour"))
        elif slot.shape.required:
            text, _, _ = delete_key(owner, loc)
            line, column = owner.pos(item)
            yield edit_case(
                "missing-field",
                owner,
                field_name(loc),
                Edited(text, line, column),
                loc,
                CITATION if loc[-1] == "sources" else (),
            )


def value_cases(kind: str, found: dict[Loc, tuple[Base, Slot]]) -> Iterator[Case]:
    """Wrong types, ranges, choices, lengths and formats, on every field that has them."""
    texts = [(b, s) for b, s in found.values() if "short" in s.shape.cats and not s.shape.is_list]
    for base, slot in texts[:1]:
        yield edit_case(
            "wrong-type", base, "mapping for text", set_value(base, slot.loc, "{a: b}"), slot.loc
        )
        yield edit_case(
            "wrong-type", base, "list for text", set_value(base, slot.loc, "[a, b]"), slot.loc
        )
    for base, slot in found.values():
        cats, loc = slot.shape.cats, slot.loc
        if slot.shape.is_list and slot.shape.model is None and not slot.nested and slot.shape.ref:
            also = CITATION if slot.shape.ref == "sources" else ()
            yield edit_case(
                "wrong-type",
                base,
                f"mapping for {loc[0]}",
                set_value(base, loc, "{a: b}"),
                loc,
                also,
            )
        if slot.shape.base is int and not slot.shape.is_list:
            yield edit_case(
                "wrong-type", base, f"text for {field_name(loc)}", set_value(base, loc, "many"), loc
            )
        if slot.shape.base is bool:
            yield edit_case(
                "wrong-type",
                base,
                f"text for {field_name(loc)}",
                set_value(base, loc, "perhaps"),
                loc,
            )
        low, high = slot.shape.bounds
        if slot.shape.base in (int, float) and low is not None and high is not None:
            yield edit_case(
                "out-of-range",
                base,
                f"{field_name(loc)} low",
                set_value(base, loc, str(int(low) - 1)),
                loc,
            )
            yield edit_case(
                "out-of-range",
                base,
                f"{field_name(loc)} high",
                set_value(base, loc, str(int(high) + 1)),
                loc,
            )
        if slot.shape.enum is not None:
            also = CITATION if kind == "sources" else ()
            yield edit_case(
                "invalid-choice",
                base,
                field_name(loc),
                set_value(base, loc, "not_a_choice"),
                loc,
                also,
            )
        if "partial-date" in cats:
            yield edit_case(
                "invalid-date",
                base,
                f"{field_name(loc)} impossible",
                set_value(base, loc, "2023-02-30"),
                loc,
            )
            yield edit_case(
                "invalid-date",
                base,
                f"{field_name(loc)} unpadded",
                set_value(base, loc, "2009-4"),
                loc,
            )
        if "iso-date" in cats:
            for bad in ("2023-02-30", "20230503", "0", "2023-05-03T10:00", "2009"):
                yield edit_case(
                    "invalid-date",
                    base,
                    f"{field_name(loc)} {bad}",
                    set_value(base, loc, q(bad)),
                    loc,
                )
        if "time" in cats:
            for bad in ("25:10", "9:10", "12:60"):
                yield edit_case(
                    "invalid-time", base, f"{field_name(loc)} {bad}", set_value(base, loc, bad), loc
                )
        if "datetime" in cats:
            for bad in ("2023-05-04 01:35", "2023-02-30T10:00"):
                yield edit_case(
                    "invalid-datetime",
                    base,
                    f"{field_name(loc)} {bad}",
                    set_value(base, loc, q(bad)),
                    loc,
                )
        if "timezone" in cats:
            for bad in ("America/Lmia", "lima"):
                yield edit_case(
                    "invalid-timezone",
                    base,
                    f"{field_name(loc)} {bad}",
                    set_value(base, loc, bad),
                    loc,
                )
        if "country" in cats:
            for bad in ("Japan", "jp"):
                yield edit_case(
                    "invalid-country",
                    base,
                    f"{field_name(loc)} {bad}",
                    set_value(base, loc, bad),
                    loc,
                )
        if "language" in cats:
            yield edit_case(
                "invalid-language",
                base,
                field_name(loc),
                set_value(base, loc, "English"),
                loc,
                CITATION,
            )
        if "url" in cats:
            for bad in ("http://example.org/page", "https//example.org"):
                yield edit_case(
                    "not-https",
                    base,
                    f"{field_name(loc)} {bad}",
                    set_value(base, loc, bad),
                    loc,
                    CITATION,
                )
    shorts = [(b, s) for b, s in found.values() if "short" in s.shape.cats]
    for base, slot in [s for s in shorts if not s[1].nested][:1] + [
        s for s in shorts if s[1].nested
    ][:1]:
        loc = slot.loc if not slot.shape.is_list else (*slot.loc, 0)
        if base.has(loc):
            edited = (
                set_value(base, loc, "x" * 301)
                if isinstance(loc[-1], str)
                else set_item(base, loc, "x" * 301)
            )
            yield edit_case("too-long", base, field_name(loc), edited, loc)
    yield from _wikidata_cases(kind, found)


def _wikidata_cases(kind: str, found: dict[Loc, tuple[Base, Slot]]) -> Iterator[Case]:
    model = RECORD_TYPES[kind]
    if "wikidata" not in model.model_fields:
        return
    present = found.get(("wikidata",))
    if present:
        base, slot = present
        yield edit_case(
            "invalid-wikidata-id", base, "Q0", set_value(base, slot.loc, "Q0"), slot.loc
        )
        return
    base, _ = found[("id",)]
    edited = insert_after(base, ("id",), ["wikidata: P31"])
    yield edit_case("invalid-wikidata-id", base, "P31 added", edited, ("wikidata",))


# --- identity --------------------------------------------------------------------------------


def _referenced(bases: dict[str, list[Base]]) -> set[tuple[str, str]]:
    """(kind, id) of every record some other record refers to."""
    return {
        (target, value)
        for items in bases.values()
        for base in items
        for _, target, value in references(base.record)
    }


def identity_cases(
    kind: str, items: list[Base], referenced: set[tuple[str, str]]
) -> Iterator[Case]:
    base = items[0]
    id_line, id_column = base.pos(("id",))
    yield edit_case(
        "invalid-id", base, "underscore and capitals", set_value(base, ("id",), "Bad_Id"), ("id",)
    )

    def rename(root: Path) -> Expect:
        target = renamed(base, f"{base.id}-renamed")
        write(root, target, base.text)
        (root / base.rel).unlink()
        return Expect("id-filename-mismatch", target, id_line, id_column, "id")

    yield file_case("id-filename-mismatch", base, "file renamed", rename)

    def copy(root: Path) -> Expect:
        target = renamed(base, f"{base.id}-copy")
        write(root, target, base.text)
        second = sorted([base.rel, target])[1]
        return Expect("duplicate-id", second, id_line, id_column, "id")

    yield file_case(
        "duplicate-id",
        base,
        "file copied",
        copy,
        ("id-filename-mismatch", "duplicate-event", "duplicate-source"),
    )
    quiet = [b for b in items if (kind, b.id) not in referenced] or items
    gone = quiet[0]

    def disappear(root: Path) -> Expect:
        published = "".join(f"{b.id}\n" for b in items)
        write(root, f"data/{kind}.csv", "id\n" + published)
        (root / gone.rel).unlink()
        return Expect("id-disappeared", gone.rel, 0, None, "id")

    yield file_case("id-disappeared", gone, "record deleted", disappear, REFERENCED)

    def reuse(root: Path) -> Expect:
        entry = f"{kind}:\n  - id: {base.id}\n    reason: Merged into another record.\n"
        write(root, "records/retired.yaml", entry)
        return Expect("id-reused", base.rel, id_line, id_column, "id")

    yield file_case("id-reused", base, "retired id in use", reuse)
    if kind == "meetings":
        changed = set_value(base, ("id",), f"{base.id}-changed")
        yield edit_case("id-filename-mismatch", base, "id changed", changed, ("id",), REFERENCED)


def alias_cases(people: list[Base]) -> Iterator[Case]:
    """A later person given an earlier person's name (reordered, upper-cased) or alias."""
    for first, second in list(itertools.pairwise(people))[:3]:
        name = first.record.name  # type: ignore[attr-defined]
        twisted = " ".join(reversed(name.split())).upper()
        edited = set_value(second, ("name",), q(twisted))
        yield edit_case("ambiguous-alias", second, f"name of {first.id}", edited, ("name",))
        if second.has(("aliases", 0)):
            edited = set_item(second, ("aliases", 0), q(name))
            yield edit_case(
                "ambiguous-alias", second, f"alias of {first.id}", edited, ("aliases", 0)
            )


# --- references --------------------------------------------------------------------------------


def reference_cases(found: dict[Loc, tuple[Base, Slot]]) -> Iterator[Case]:
    for base, slot in found.values():
        target = slot.shape.ref
        if target is None:
            continue
        also = CITATION if target == "sources" else ()
        if slot.shape.is_list:
            loc = (*slot.loc, 0)
            if not base.has(loc):
                continue
            edited = set_item(base, loc, "no-such-record")
            yield edit_case("unknown-reference", base, field_name(loc), edited, loc, also)
            yield edit_case(
                "duplicate-reference",
                base,
                field_name(loc),
                duplicate_item(base, loc),
                (*slot.loc, 1),
            )
        else:
            edited = set_value(base, slot.loc, "no-such-record")
            yield edit_case("unknown-reference", base, field_name(slot.loc), edited, slot.loc, also)
            if slot.loc == ("place",) or slot.loc[-1] == "person":
                bad = set_value(base, slot.loc, "Not_A_Slug")
                yield edit_case(
                    "invalid-id", base, f"{field_name(slot.loc)} not a slug", bad, slot.loc
                )


def participant_cases(meetings: list[Base]) -> Iterator[Case]:
    for base in [m for m in meetings if m.has(("participants", 1, "person"))][:3]:
        person = base.record.participants[0].person  # type: ignore[attr-defined]
        loc: Loc = ("participants", 1, "person")
        yield edit_case(
            "duplicate-reference", base, "same person twice", set_value(base, loc, person), loc
        )


# --- time --------------------------------------------------------------------------------------


def _shift_hour(stated: str) -> str:
    moment = dt.datetime.fromisoformat(stated) + dt.timedelta(hours=1)
    return moment.strftime("%Y-%m-%dT%H:%M")


def meeting_time_cases(meetings: list[Base], places: dict[str, Any]) -> Iterator[Case]:
    for base in meetings:
        meeting: Any = base.record
        if meeting.stated_japan_time and base.has(("stated_japan_time",)):
            edited = set_value(base, ("stated_japan_time",), _shift_hour(meeting.stated_japan_time))
            yield edit_case(
                "japan-time-mismatch", base, "an hour off", edited, ("stated_japan_time",)
            )
        if meeting.start_local and meeting.timezone and base.has(("timezone",)):
            text, at, count = delete_key(base, ("timezone",))
            line, column = base.pos(("start_local",))
            line = line - count if line > at else line
            yield edit_case(
                "time-without-zone",
                base,
                "timezone removed",
                Edited(text, line, column),
                ("start_local",),
            )
        if meeting.start_local and meeting.end_local:
            start = meeting.start_local.strftime("%H:%M")
            yield edit_case(
                "start-after-end",
                base,
                "end equals start",
                set_value(base, ("end_local",), start),
                ("end_local",),
            )
            span = _minutes(meeting.end_local) - _minutes(meeting.start_local)
            wrong = str(min(span + 60, 1440))
            if base.has(("duration_minutes",)):
                edited = set_value(base, ("duration_minutes",), wrong)
            else:  # no record states all three yet: add a duration that disagrees
                edited = insert_after(base, ("end_local",), [f"duration_minutes: {wrong}"])
            yield edit_case(
                "duration-mismatch", base, "an hour more", edited, ("duration_minutes",)
            )
        place = places.get(meeting.place or "")
        if meeting.mode == "in_person" and place is not None and meeting.timezone:
            other = "Asia/Tokyo" if place.timezone != "Asia/Tokyo" else "America/Lima"
            edited = set_value(base, ("timezone",), other)
            yield edit_case(
                "timezone-mismatch", base, other, edited, ("timezone",), ("japan-time-mismatch",)
            )


def _pick(cases: Iterator[Case], limit: int) -> Iterator[Case]:
    """The first few cases of each rule, so that 28 meetings do not make 28 alike cases."""
    counts: dict[str, int] = defaultdict(int)
    for case in cases:
        counts[case.rule] += 1
        if counts[case.rule] <= limit:
            yield case


def term_cases(meetings: list[Base], people: dict[str, Base]) -> Iterator[Case]:
    """A term that ended the year before the meeting, added to a participant's position."""
    for base in meetings:
        meeting: Any = base.record
        for index, participant in enumerate(meeting.participants):
            person = people.get(participant.person)
            if person is None or not person.has(("positions", 0, "title")):
                continue
            positions = person.record.positions  # type: ignore[attr-defined]
            same = [i for i, p in enumerate(positions) if p.title == participant.title]
            if not same and len(positions) > 1:
                continue
            j = same[0] if same else 0
            if not person.has(("positions", j, "title")) or positions[j].end:
                continue
            ended = f"{meeting.date.year - 1:04d}"
            edited = insert_after(person, ("positions", j, "title"), [f"end: {ended}"])
            loc: Loc = ("participants", index, "person")
            line, column = base.pos(loc)

            expect = Expect("outside-term", base.rel, line, column, field_name(loc))

            def act(
                root: Path, edited: Edited = edited, rel: str = person.rel, expect: Expect = expect
            ) -> Expect:
                write(root, rel, edited.text)
                return expect

            yield file_case(
                "outside-term",
                base,
                f"{participant.person} term ended {ended}",
                act,
                ("start-after-end",),
            )
            break


def span_cases(people: list[Base]) -> Iterator[Case]:
    for person in [p for p in people if p.has(("positions", 0, "title"))][:3]:
        position = person.record.positions[0]  # type: ignore[attr-defined]
        if position.start or position.end:
            continue
        edited = insert_after(person, ("positions", 0, "title"), ["start: 2001", "end: 2000"])
        moved = Edited(edited.text, edited.line + 1, edited.column)
        yield edit_case(
            "start-after-end",
            person,
            "term ends before it starts",
            moved,
            ("positions", 0, "end"),
            ("outside-term",),
        )


def step_order_cases(agreements: list[Base]) -> Iterator[Case]:
    for base in agreements:
        steps = base.record.steps  # type: ignore[attr-defined]
        dated = [i for i, s in enumerate(steps) if s.date and base.has(("steps", i, "date"))]
        if len(dated) < 2:
            continue
        first, later = dated[0], dated[1]
        earlier = f"{int(steps[first].date[:4]) - 1:04d}"
        loc: Loc = ("steps", later, "date")
        yield edit_case(
            "steps-out-of-order",
            base,
            f"step {later} a year early",
            set_value(base, loc, earlier),
            loc,
        )


def future_cases(kind: str, found: dict[Loc, tuple[Base, Slot]]) -> Iterator[Case]:
    for base, slot in found.values():
        cats, loc = slot.shape.cats, slot.loc
        if "iso-date" in cats:
            yield edit_case(
                "future-date",
                base,
                field_name(loc),
                set_value(base, loc, FUTURE.isoformat()),
                loc,
                ("japan-time-mismatch",),
            )
        elif "partial-date" in cats and loc[-1] in ("date", "published", "start"):
            yield edit_case(
                "future-date",
                base,
                field_name(loc),
                set_value(base, loc, f"{FUTURE.year:04d}"),
                loc,
                ("steps-out-of-order", "outside-term", "start-after-end", "anniversary-arithmetic"),
            )
    if kind == "anniversaries" and ("year",) in found:
        base, _ = found[("year",)]
        yield edit_case(
            "future-date",
            base,
            "year",
            set_value(base, ("year",), str(FUTURE.year)),
            ("year",),
            ("anniversary-arithmetic",),
        )
    if kind == "people" and ("positions", 0, "title") in found:
        base, _ = found[("positions", 0, "title")]
        if not base.has(("positions", 0, "start")):
            edited = insert_after(base, ("positions", 0, "title"), [f"start: {FUTURE.year:04d}"])
            yield edit_case(
                "future-date",
                base,
                "term starts next year",
                edited,
                ("positions", 0, "start"),
                ("outside-term", "start-after-end"),
            )


def anniversary_cases(anniversaries: list[Base]) -> Iterator[Case]:
    for base in anniversaries:
        year = base.record.year  # type: ignore[attr-defined]
        also = ("future-date",)
        yield edit_case(
            "anniversary-arithmetic",
            base,
            "year + 1",
            set_value(base, ("year",), str(year + 1)),
            ("year",),
            also,
        )
        ordinal = base.record.ordinal  # type: ignore[attr-defined]
        edited = set_value(base, ("ordinal",), str(ordinal + 1))
        line, column = base.pos(("year",))
        yield edit_case(
            "anniversary-arithmetic",
            base,
            "ordinal + 1",
            Edited(edited.text, line, column),
            ("year",),
        )


# --- meetings: mode, venue, derived ------------------------------------------------------------


def meeting_mode_cases(meetings: list[Base], place_ids: list[str]) -> Iterator[Case]:
    in_person = [m for m in meetings if m.record.mode == "in_person"]  # type: ignore[attr-defined]
    by_phone = [m for m in meetings if m.record.mode == "telephone"]  # type: ignore[attr-defined]
    for base in in_person[:2]:
        edited = set_value(base, ("kind",), "telephone_talk")
        line, column = base.pos(("mode",))
        yield edit_case(
            "kind-mode-mismatch",
            base,
            "telephone talk in person",
            Edited(edited.text, line, column),
            ("mode",),
        )
        edited = set_value(base, ("kind",), "video_conference")
        yield edit_case(
            "kind-mode-mismatch",
            base,
            "video conference in person",
            Edited(edited.text, line, column),
            ("mode",),
        )
    for base in by_phone[:2]:
        yield edit_case(
            "kind-mode-mismatch",
            base,
            "telephone talk in person",
            set_value(base, ("mode",), "in_person"),
            ("mode",),
        )
    for base in [m for m in in_person if m.has(("place",))][:2]:
        edited = set_value(base, ("mode",), "telephone")
        line, column = base.pos(("place",))
        yield edit_case(
            "remote-meeting-with-place",
            base,
            "mode telephone",
            Edited(edited.text, line, column),
            ("place",),
            ("kind-mode-mismatch",),
        )
    for base in [m for m in by_phone if not m.has(("place",))][:2]:
        if place_ids:
            added = insert_after(base, ("mode",), [f"place: {place_ids[0]}"])
            yield edit_case("remote-meeting-with-place", base, "place added", added, ("place",))


def derived_cases(meetings: list[Base]) -> Iterator[Case]:
    with_derived = [m for m in meetings if m.has(("derived", 0))]
    for base in with_derived[:2]:
        yield edit_case(
            "unknown-derived-field",
            base,
            "colour",
            set_item(base, ("derived", 0), "colour"),
            ("derived", 0),
        )
    without = [m for m in meetings if not m.has(("derived",)) and not m.has(("end_local",))]
    for base in without[:2]:
        added = insert_after(base, ("id",), ["derived:", "  - end_local"])
        line = added.line + 1
        yield edit_case(
            "unknown-derived-field",
            base,
            "empty end_local",
            Edited(added.text, line, 5),
            ("derived", 0),
        )


# --- text ----------------------------------------------------------------------------------------

TEXT_VARIANTS = {
    "not-nfc": ["Cafe\u0301 con leche", "Peru\u0301"],
    "control-character": ["a\u200bb", "bell\u0007", "a\u202eb", "line\u2028break"],
    "formula-injection": ["=SUM(A1)", "+51 1 555", "-1 point", "@mention"],
    "html-in-text": ["<b>bold</b>", "Japan &amp; Peru", "a <br/> b"],
    "untrimmed-text": [" leading", "trailing ", "\ttabbed"],
    "empty-text": ["", "   "],
}


def text_cases(found: dict[Loc, tuple[Base, Slot]], index: int) -> Iterator[Case]:
    """Each text rule once per kind, on a top-level text field or, in turn, a nested one."""
    texts = [(b, s) for b, s in found.values() if "text" in s.shape.cats]
    chosen = [t for t in texts if not t[1].nested and not t[1].shape.is_list][:1]
    chosen += [t for t in texts if t[1].nested or t[1].shape.is_list][:2]
    chosen = [(b, s) for b, s in chosen if b.has((*s.loc, 0) if s.shape.is_list else s.loc)]
    for n, (rule, variants) in enumerate(TEXT_VARIANTS.items()):
        if chosen:
            base, slot = chosen[(n + index) % len(chosen)]
            loc = (*slot.loc, 0) if slot.shape.is_list else slot.loc
            value = q(variants[(index + n) % len(variants)])
            edited = (
                set_item(base, loc, value)
                if isinstance(loc[-1], int)
                else set_value(base, loc, value)
            )
            yield edit_case(rule, base, f"{field_name(loc)} {value}", edited, loc)


# --- sources -------------------------------------------------------------------------------------


def source_cases(found: dict[Loc, tuple[Base, Slot]]) -> Iterator[Case]:
    for base, slot in found.values():
        if slot.loc[-1] == "sources" and "non-empty" in slot.shape.cats:
            yield edit_case(
                "no-source",
                base,
                field_name(slot.loc),
                set_value(base, slot.loc, "[]"),
                slot.loc,
                CITATION,
            )
    if ("evidence",) in found:
        base, _ = found[("evidence",)]
        current = base.record.evidence.value  # type: ignore[attr-defined]
        other = "press" if current == "official" else "official"
        yield edit_case(
            "evidence-mismatch", base, other, set_value(base, ("evidence",), other), ("evidence",)
        )


def copy_cases(sources: list[Base], meetings: list[Base]) -> Iterator[Case]:
    for base in sources[:3]:
        copy_id = f"{base.id}-extra"
        text = set_value(base, ("id",), copy_id).text
        with_url = text.replace(base.record.url, base.record.url + "-extra", 1)  # type: ignore[attr-defined]
        rel = renamed(base, copy_id)
        line, column = base.pos(("id",))

        def unused(
            root: Path, rel: str = rel, data: str = with_url, at: tuple[int, int] = (line, column)
        ) -> Expect:
            write(root, rel, data)
            return Expect("unused-source", rel, at[0], at[1], "id")

        yield file_case("unused-source", base, "copy cited by nothing", unused)

        def same_url(
            root: Path,
            rel: str = rel,
            data: str = text,
            base: Base = base,
            at: tuple[int, int] = base.pos(("url",)),
        ) -> Expect:
            write(root, rel, data)
            second = sorted([base.rel, rel])[1]
            return Expect("duplicate-source", second, at[0], at[1], "url")

        yield file_case(
            "duplicate-source", base, "copy with the same url", same_url, ("unused-source",)
        )
    for base in meetings[:3]:
        copy_id = f"{base.id}-again"
        text = set_value(base, ("id",), copy_id).text
        rel = renamed(base, copy_id)
        line, column = base.pos(("date",))

        def again(
            root: Path,
            rel: str = rel,
            data: str = text,
            base: Base = base,
            at: tuple[int, int] = (line, column),
        ) -> Expect:
            write(root, rel, data)
            second = sorted([base.rel, rel])[1]
            return Expect("duplicate-event", second, at[0], at[1], "date")

        yield file_case("duplicate-event", base, "meeting copied", again)


# --- the corpus ----------------------------------------------------------------------------------


def generate(bases: dict[str, list[Base]]) -> list[Case]:
    """Every corruption the records allow, each rule in each kind where it applies."""
    found = catalogue(bases)
    referenced = _referenced(bases)
    cases: list[Case] = []
    for index, kind in enumerate(sorted(bases)):
        items = bases[kind]
        cases += [c for c in file_cases(items[0], index) if _spread(c.rule, index)]
        cases += structure_cases(kind, items[0], found[kind])
        cases += value_cases(kind, found[kind])
        cases += identity_cases(kind, items, referenced)
        cases += reference_cases(found[kind])
        cases += future_cases(kind, found[kind])
        cases += text_cases(found[kind], index)
        cases += source_cases(found[kind])
    meetings, people = bases.get("meetings", []), bases.get("people", [])
    places = {b.id: b.record for b in bases.get("places", [])}
    cases += alias_cases(people)
    cases += participant_cases(meetings)
    cases += _pick(meeting_time_cases(meetings, places), 4)
    cases += _pick(term_cases(meetings, {p.id: p for p in people}), 8)
    cases += span_cases(people)
    cases += _pick(step_order_cases(bases.get("agreements", [])), 4)
    cases += anniversary_cases(bases.get("anniversaries", []))
    cases += meeting_mode_cases(meetings, sorted(places))
    cases += derived_cases(meetings)
    cases += copy_cases(bases.get("sources", []), meetings)
    return cap(cases, PER_RULE_AND_KIND)


FILE_RULES = (
    "not-utf8",
    "empty-file",
    "file-too-large",
    "not-yaml",
    "yaml-alias",
    "yaml-tag",
    "duplicate-key",
    "nesting-too-deep",
    "not-a-mapping",
    "multiple-documents",
    "unexpected-file",
    "unreadable-file",
)


def _spread(rule: str, index: int) -> bool:
    """File rules read bytes, never the kind: all on the first kind, each on every third other."""
    return index == 0 or rule not in FILE_RULES or (FILE_RULES.index(rule) + index) % 3 == 0


PER_RULE_AND_KIND = 1
"""Cases kept per rule and record kind (a whole validation each, so a few hundred in all)."""
LIMITS = {
    "missing-field": 3,
    "unknown-field": 2,
    "unknown-reference": 3,
    "duplicate-reference": 2,
    "invalid-choice": 2,
    "invalid-date": 3,
    "invalid-time": 3,
    "wrong-type": 2,
    "not-a-mapping": 3,
    "unexpected-file": 4,
    "unreadable-file": 2,
    "not-utf8": 2,
    "empty-file": 2,
    "start-after-end": 2,
    "future-date": 2,
    "kind-mode-mismatch": 3,
    "remote-meeting-with-place": 2,
    "unknown-derived-field": 2,
    "anniversary-arithmetic": 2,
    "ambiguous-alias": 3,
    "outside-term": 4,
    "duplicate-event": 2,
    "unused-source": 2,
    "duplicate-source": 2,
    "id-filename-mismatch": 2,
}
"""Rules whose cases differ in what they exercise (fields, variants) keep more."""


def cap(cases: list[Case], limit: int) -> list[Case]:
    """The first few cases of each (rule, kind), in the order generated (fields before variants)."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    kept = []
    for case in cases:
        key = (case.rule, case.record.split("/")[0])
        counts[key] += 1
        if counts[key] <= LIMITS.get(case.rule, limit):
            kept.append(case)
    return kept


# --- the tests --------------------------------------------------------------------------------

BASES = compact(load_bases())
write_tree(CORPUS, BASES)
CASES = generate(BASES)
Key = tuple[str, str, int, str]


def _key(problem: Problem) -> Key:
    return (problem.code, problem.path, problem.line, problem.field)


@cache
def baseline() -> frozenset[Key]:
    """Problems the snapshot has before any corruption (records being written meanwhile)."""
    return frozenset(_key(p) for p in validate_project(CORPUS, RECORDS_ONLY).problems)


def _matches(problem: Problem, expect: Expect) -> bool:
    return _key(problem) == (expect.code, expect.path, expect.line, expect.field) and (
        expect.column is None or problem.column == expect.column
    )


@pytest.fixture(scope="module")
def corpus_size(request: pytest.FixtureRequest) -> Iterator[Counter[str]]:
    """Counts the cases run per rule and prints the table once the module is done."""
    counts: Counter[str] = Counter()
    yield counts
    plugins = request.config.pluginmanager
    reporter, capture = plugins.get_plugin("terminalreporter"), plugins.get_plugin("capturemanager")
    if reporter is None or capture is None or not counts:
        return
    with capture.global_and_fixture_disabled():
        reporter.write_line("")
        reporter.write_line(f"corruption corpus: {sum(counts.values())} cases, {len(counts)} rules")
        for rule, count in sorted(counts.items()):
            reporter.write_line(f"  {rule:28} {count}")


def test_the_corpus_is_large_and_its_cases_distinct() -> None:
    assert len(CASES) >= 100
    assert len({case.id for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_corruption_is_stopped_with_its_code_and_position(
    case: Case, tmp_path: Path, corpus_size: Counter[str]
) -> None:
    # Hard links: every corruption replaces a file (unlink, then write), never edits one in place.
    shutil.copytree(CORPUS / "records", tmp_path / "records", symlinks=True, copy_function=os.link)
    expect = case.corrupt(tmp_path)
    problems = validate_project(tmp_path, case.options).problems
    shown = "\n".join(str(p) for p in sorted(set(problems)))
    assert any(_matches(p, expect) for p in problems), f"expected {expect}, got:\n{shown}"
    new = {p.code for p in problems if _key(p) not in baseline()}
    assert new <= {case.rule, *case.also}, f"unrelated rules fired:\n{shown}"
    corpus_size[case.rule] += 1


# --- the built package -------------------------------------------------------------------------

PACKAGE = Options(package=True, frictionless=True, today=TODAY)
PACKAGE_FAST = Options(package=True, frictionless=False, today=TODAY)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus records with the package `jpr build` makes of them."""
    root = tmp_path_factory.mktemp("built")
    shutil.copytree(CORPUS / "records", root / "records")
    dataset, _, _ = read_records(root)
    write_outputs(root, render(dataset))
    return root


@cache
def package_baseline(root: Path) -> frozenset[Key]:
    return frozenset(_key(p) for p in validate_project(root, PACKAGE).problems)


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def _csv_text(rows: list[list[str]]) -> str:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def _edit_cell(root: Path, table: str, column: str, value: str) -> int:
    """Set `column` of the first data row of a table's CSV; return that row's number (header 1)."""
    path = root / csv_path(table)
    rows = _rows(path.read_text(encoding="utf-8"))
    rows[1][rows[0].index(column)] = value
    write(root, csv_path(table), _csv_text(rows))
    return 2


def _tables_with(kind: str) -> Iterator[tuple[str, str]]:
    """(table, column) for integer columns ("integer") or foreign-key columns ("foreign")."""
    for table in TABLES:
        schema = table.table_schema()
        if kind == "integer":
            yield from ((table.name, f["name"]) for f in schema["fields"] if f["type"] == "integer")
        else:
            for key in schema.get("foreignKeys", []):
                fields = key["fields"]
                yield table.name, fields if isinstance(fields, str) else fields[0]


def _non_empty(root: Path, table: str) -> bool:
    return len(_rows((root / csv_path(table)).read_text(encoding="utf-8"))) > 1


PackageCase = tuple[str, str, Callable[[Path], Expect], Options, frozenset[str]]


def package_cases() -> Iterator[PackageCase]:
    stale = frozenset({"stale-build"})

    def cell(kind: str, code: str) -> Callable[[Path], Expect]:
        def act(root: Path) -> Expect:
            table, column = next(tc for tc in _tables_with(kind) if _non_empty(root, tc[0]))
            row = _edit_cell(root, table, column, "abc" if kind == "integer" else "no-such-id")
            # frictionless names no field for a foreign key; our check names the key's fields
            field = "" if kind == "foreign" and code == "table-schema-error" else column
            return Expect(code, csv_path(table), row, None, field)

        return act

    # Our own Table Schema check stops an edited CSV without frictionless; with it, frictionless
    # (the second opinion) reports the same cell.
    yield "csv-type-error", "integer cell", cell("integer", "csv-type-error"), PACKAGE_FAST, stale
    fk = "csv-foreign-key-error"
    yield fk, "foreign key cell", cell("foreign", fk), PACKAGE_FAST, stale
    also = stale | {"csv-type-error"}
    yield "table-schema-error", "integer cell", cell("integer", "table-schema-error"), PACKAGE, also
    also = stale | {fk}
    yield (
        "table-schema-error",
        "foreign key cell",
        cell("foreign", "table-schema-error"),
        PACKAGE,
        also,
    )
    for kind in [k for k in ("meetings", "people", "agreements") if k in RECORD_TYPES]:

        def record(root: Path, kind: str = kind) -> Expect:
            path = root / json_path(kind)
            data = json.loads(path.read_bytes())
            if not data:
                pytest.skip(f"no {kind} records to corrupt")
            data[0]["id"] = 123
            write(root, json_path(kind), json.dumps(data))
            return Expect("json-schema-error", json_path(kind), 0, None, "0/id")

        yield "json-schema-error", f"{kind} id a number", record, PACKAGE_FAST, stale

    def truncated(root: Path) -> Expect:
        write(root, json_path("topics"), "[{")
        return Expect("json-schema-error", json_path("topics"), 0, None, "")

    yield "json-schema-error", "topics truncated", truncated, PACKAGE_FAST, stale

    def descriptor(change: Callable[[dict[str, Any]], str]) -> Callable[[Path], Expect]:
        def act(root: Path) -> Expect:
            path = root / DESCRIPTOR
            data = json.loads(path.read_bytes())
            field = change(data)
            write(root, DESCRIPTOR, json.dumps(data))
            return Expect("descriptor-error", DESCRIPTOR, 0, None, field)

        return act

    def version(data: dict[str, Any]) -> str:
        data["version"] = 3
        return "version"

    def resources(data: dict[str, Any]) -> str:
        del data["resources"]
        return ""

    also = stale | {"table-schema-error", "csv-schema-error"}
    yield "descriptor-error", "version a number", descriptor(version), PACKAGE_FAST, also
    yield "descriptor-error", "no resources", descriptor(resources), PACKAGE_FAST, also

    def deleted(root: Path) -> Expect:
        (root / csv_path("topics")).unlink()
        return Expect("stale-build", csv_path("topics"), 0, None, "")

    def extra(root: Path) -> Expect:
        write(root, "data/extra.csv", "id\nx\n")
        return Expect("stale-build", "data/extra.csv", 0, None, "")

    def edited_record(root: Path) -> Expect:
        base = BASES["topics"][0]
        write(root, base.rel, set_value(base, ("label",), "Relabelled after the build").text)
        return Expect("stale-build", json_path("topics"), 0, None, "")

    yield "stale-build", "csv deleted", deleted, PACKAGE_FAST, frozenset({"csv-missing-file"})
    yield "stale-build", "file left over", extra, PACKAGE_FAST, frozenset()
    yield "stale-build", "record edited, not rebuilt", edited_record, PACKAGE_FAST, frozenset()


PACKAGE_CASES = list(package_cases())


@pytest.mark.slow
@pytest.mark.parametrize(
    ("rule", "what", "corrupt", "options", "also"),
    PACKAGE_CASES,
    ids=[f"{c[0]}:{c[1]}" for c in PACKAGE_CASES],
)
def test_package_corruption_is_stopped(
    built: Path,
    tmp_path: Path,
    rule: str,
    what: str,
    corrupt: Callable[[Path], Expect],
    options: Options,
    also: frozenset[str],
    corpus_size: Counter[str],
) -> None:
    root = tmp_path / "project"
    shutil.copytree(built, root, copy_function=os.link)  # corruptions replace files, never edit
    expect = corrupt(root)
    problems = validate_project(root, options).problems
    shown = "\n".join(str(p) for p in sorted(set(problems)))
    assert any(_matches(p, expect) for p in problems), f"{what}: expected {expect}, got:\n{shown}"
    new = {p.code for p in problems if _key(p) not in package_baseline(built)}
    assert new <= {rule, *also}, f"unrelated rules fired:\n{shown}"
    corpus_size[rule] += 1
