"""Check the package's CSV files against their Table Schemas: fast, complete, never raising.

Every rule ``frictionless validate`` enforces on a CSV resource is enforced here too (types cast
as frictionless casts them, constraints, header, row shape, primary, unique and foreign keys),
over ten times faster: a column's values are cast and checked once per distinct value, and the
keys keep only their cast values. It is stricter in three places, each where Table Schema is:
a pattern matches the whole value (frictionless lets a final newline through), a blank header
row is an error, and so is a missing value in any field of a primary key.

>>> import tempfile
>>> root = Path(tempfile.mkdtemp())
>>> _ = (root / "t.csv").write_text("id,n\\na,1\\na,x\\n", encoding="utf-8")
>>> fields = [{"name": "id", "type": "string"}, {"name": "n", "type": "integer"}]
>>> table = {"name": "t", "type": "table", "path": "t.csv"}
>>> table["schema"] = {"fields": fields, "primaryKey": ["id"]}
>>> for problem in check_tables(root, {"resources": [table]}):
...     print(problem.line, problem.column, problem.field, problem.code)
3 1 id csv-primary-key-error
3 2 n csv-type-error
"""

from __future__ import annotations

import base64
import binascii
import codecs
import csv
import datetime as dt
import io
import operator
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import filterfalse
from pathlib import Path, PurePosixPath
from typing import Any

from .report import Problem

DESCRIPTOR = "datapackage.json"
LIMIT = 100
"""Problems reported per file, in file order; one more problem says how many were left out."""

CODES = (
    "csv-missing-file",
    "csv-encoding-error",
    "csv-header-error",
    "csv-blank-row",
    "csv-extra-cell",
    "csv-missing-cell",
    "csv-type-error",
    "csv-constraint-error",
    "csv-unique-error",
    "csv-primary-key-error",
    "csv-foreign-key-error",
    "csv-schema-error",
    "csv-problem-limit",
)
"""Every rule code this module reports, each registered in rules.py."""

SHOWN = 60
"""Characters of a value quoted in a message."""

_BAD: Any = object()
"""A cell whose value is unusable for the keys: not of its type, or absent from a short row."""

Reader = Callable[[str], Any]
"""Casts a cell's text to its value, or returns _BAD when the text is not of the field's type."""

Rows = Sequence[Sequence[str | None]]
"""CSV rows; None stands for a cell a short row lacks."""

Verdict = tuple[str, str]
"""A rule code and its message."""


def cut(text: str, size: int = SHOWN) -> str:
    """text, shortened to size characters with an ellipsis."""
    return text if len(text) <= size else text[: size - 1] + "…"


def show(value: object) -> str:
    """A value quoted for a message, cut to SHOWN characters."""
    return repr(cut(str(value)))


# ---------------------------------------------------------------------------------------------
# Types: each reader mirrors frictionless's, so that a value it rejects is rejected here too.


def _bare(field_: dict[str, Any]) -> re.Pattern[str] | None:
    # bareNumber false strips leading non-digits (but a minus) and trailing non-digits: "$1", "5%".
    return (
        None if field_.get("bareNumber", True) is not False else re.compile(r"((^[^-\d]*)|(\D*$))")
    )


def _integer_reader(field_: dict[str, Any]) -> Reader:
    strip = _bare(field_)

    def read(text: str) -> Any:
        # int() as frictionless calls it: "+1", " 1", "1_000" and non-ASCII digits are integers.
        try:
            return int(strip.sub("", text.strip()) if strip else text.strip())
        except ValueError:
            return _BAD

    return read


def _number_reader(field_: dict[str, Any]) -> Reader:
    strip = _bare(field_)
    group = field_.get("groupChar", "")
    decimal = field_.get("decimalChar", ".")
    kind: Callable[[str], Any] = float if field_.get("floatNumber") is True else Decimal

    def read(text: str) -> Any:
        text = text.strip()
        if strip:
            text = strip.sub("", text)
        if group:
            text = text.replace(group, "")
        if decimal != ".":
            if "." in text:
                return _BAD
            text = text.replace(decimal, ".")
        try:
            value = kind(text)
        except (ValueError, ArithmeticError):
            return _BAD
        # A signalling NaN raises on every comparison; it compares as the NaN it stands for.
        return Decimal("NaN") if isinstance(value, Decimal) and value.is_snan() else value

    return read


def _boolean_reader(field_: dict[str, Any]) -> Reader:
    values = dict.fromkeys(field_.get("trueValues", ["true", "True", "TRUE", "1"]), True)
    values.update(dict.fromkeys(field_.get("falseValues", ["false", "False", "FALSE", "0"]), False))

    def read(text: str) -> Any:
        return values.get(text, _BAD)

    return read


def _strptime(pattern: str, convert: Callable[[dt.datetime], Any]) -> Reader:
    def read(text: str) -> Any:
        try:
            return convert(dt.datetime.strptime(text, pattern))
        except (ValueError, TypeError, OverflowError):
            return _BAD

    return read


def _default_date(text: str) -> Any:
    # The shape strptime("%Y-%m-%d") reads most often, at the speed of fromisoformat; strptime
    # itself decides everything else (it also takes "2023-1-5" and non-ASCII digits).
    if len(text) == 10 and text.isascii() and text[4] == "-" and text[7] == "-":
        digits = text[:4] + text[5:7] + text[8:]
        if digits.isdigit():
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                return _BAD
    return _STRPTIME_DATE(text)


_STRPTIME_DATE = _strptime("%Y-%m-%d", dt.datetime.date)


# ISO 8601 as dateutil's isoparse reads it (frictionless's parser for times and datetimes): a
# date (calendar, week or ordinal; dashes or none), any one character, then a time.
_ISO_DATES = (
    (re.compile(r"(\d{4})-(\d\d)-(\d\d)", re.ASCII), dt.date),
    (re.compile(r"(\d{4})(\d\d)(\d\d)", re.ASCII), dt.date),
    (re.compile(r"(\d{4})-W(\d\d)-(\d)", re.ASCII), dt.date.fromisocalendar),
    (re.compile(r"(\d{4})W(\d\d)(\d)", re.ASCII), dt.date.fromisocalendar),
)
_ISO_ORDINAL = re.compile(r"(\d{4})(-?)(\d{3})", re.ASCII)
_ISO_TIME = re.compile(
    r"(\d\d)(?:(:?)(\d\d)(?:\2(\d\d)(?:[.,](\d+))?)?)?(?:([Zz])|([+-])(\d\d)(?::?(\d\d))?)?",
    re.ASCII,
)


def _iso_date(text: str) -> tuple[dt.date, int]:
    """The date at the start of text and where it ends; raises ValueError."""
    # The calendar forms are tried first: a calendar date whose numbers are out of range fails
    # for good, as in dateutil, rather than being read again as a week or ordinal date.
    common = _ISO_DATES[0][0].match(text) or _ISO_DATES[1][0].match(text)
    if common:
        return dt.date(*map(int, common.groups())), common.end()
    for pattern, make in _ISO_DATES[2:]:
        week = pattern.match(text)
        if week:
            return make(*map(int, week.groups())), week.end()
    ordinal = _ISO_ORDINAL.match(text)
    if not ordinal:
        raise ValueError(text)
    year, day = int(ordinal[1]), int(ordinal[3])
    if not 1 <= day <= dt.date(year, 12, 31).timetuple().tm_yday:
        raise ValueError(text)
    return dt.date(year, 1, 1) + dt.timedelta(days=day - 1), ordinal.end()


def _iso_zone(match: re.Match[str]) -> dt.tzinfo | None:
    if match[6]:
        return dt.UTC
    if not match[7]:
        return None
    hours, minutes = int(match[8]), int(match[9] or 0)
    if (hours or minutes) and (hours > 23 or minutes > 59):
        raise ValueError(match[0])
    sign = -1 if match[7] == "-" else 1
    return (
        dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))
        if hours or minutes
        else dt.UTC
    )


def _isoparse(text: str) -> Any:
    """A datetime read as dateutil.parser.isoparse reads it, or _BAD."""
    try:
        day, end = _iso_date(text)
        clock = _ISO_TIME.fullmatch(text, end + 1) if len(text) > end else None
        if clock is None:
            return _BAD if len(text) > end else dt.datetime(day.year, day.month, day.day)
        hour, minute, second = (int(clock[n] or 0) for n in (1, 3, 4))
        micro = int((clock[5] or "0")[:6].ljust(6, "0"))
        zone = _iso_zone(clock)
        if hour == 24 and not (minute or second or micro):  # 24:00:00 ends the day
            return dt.datetime(day.year, day.month, day.day, 0, 0, 0, 0, zone) + dt.timedelta(
                days=1
            )
        return dt.datetime(day.year, day.month, day.day, hour, minute, second, micro, zone)
    except (ValueError, OverflowError):
        return _BAD


def _default_time(text: str) -> Any:
    # frictionless: a time is at least HH:MM:SS, and then whatever ISO 8601 allows after it.
    if len(text) < 8 or text[5] != ":":
        return _BAD
    value = _isoparse("2000-01-01T" + text)
    return _BAD if value is _BAD else value.timetz()


def _default_datetime(text: str) -> Any:
    if len(text) < 19 or text[16] != ":":
        return _BAD
    return _isoparse(text)


def _temporal_reader(default: Reader, convert: Callable[[dt.datetime], Any]) -> Any:
    def make(field_: dict[str, Any]) -> Reader | str:
        pattern = field_.get("format", "default")
        if isinstance(pattern, str) and pattern.startswith("fmt:"):
            pattern = pattern[4:]
        if pattern == "default":
            return default
        if pattern == "any" or not isinstance(pattern, str):
            return f"format {pattern!r} is not supported by this checker"
        return _strptime(pattern, convert)

    return make


def _year(text: str) -> Any:
    if len(text) != 4:
        return _BAD
    try:
        value = int(text)
    except ValueError:
        return _BAD
    return value if 0 <= value <= 9999 else _BAD


def _yearmonth(text: str) -> Any:
    try:
        year, month = map(int, text.split("-"))
    except ValueError:
        return _BAD
    return (year, month) if 1 <= month <= 12 else _BAD


def _binary(text: str) -> Any:
    try:
        base64.b64decode(text)
    except (binascii.Error, ValueError):
        return _BAD
    return text


def _string_reader(field_: dict[str, Any]) -> Reader | str:
    form = field_.get("format", "default")
    if form == "default":
        return str
    if form == "binary":
        return _binary
    return f"format {form!r} is not supported by this checker"


def _fixed(reader: Reader) -> Callable[[dict[str, Any]], Reader]:
    return lambda _field: reader


@dataclass(frozen=True)
class FieldType:
    """How one Table Schema type reads its cells and which constraints apply to it."""

    name: str
    article: str
    make: Callable[[dict[str, Any]], Reader | str]
    constraints: frozenset[str]


_ORDERED = frozenset({"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "enum"})
_TYPES = {
    kind.name: kind
    for kind in (
        FieldType(
            "string",
            "a string",
            _string_reader,
            frozenset({"minLength", "maxLength", "pattern", "enum"}),
        ),
        FieldType("integer", "an integer", _integer_reader, _ORDERED),
        FieldType("number", "a number", _number_reader, _ORDERED),
        FieldType("boolean", "a boolean", _boolean_reader, frozenset({"enum"})),
        FieldType("date", "a date", _temporal_reader(_default_date, dt.datetime.date), _ORDERED),
        FieldType("time", "a time", _temporal_reader(_default_time, dt.datetime.timetz), _ORDERED),
        FieldType(
            "datetime",
            "a date and time",
            _temporal_reader(_default_datetime, lambda d: d),
            _ORDERED,
        ),
        FieldType("year", "a year", _fixed(_year), _ORDERED),
        FieldType("yearmonth", "a year and month", _fixed(_yearmonth), _ORDERED),
        FieldType("any", "any value", _fixed(str), frozenset({"enum"})),
    )
}


def _constant(kind: FieldType, reader: Reader, value: Any) -> Any:
    """A constraint's value (minimum, enum member) as a cell value of the field's type."""
    if isinstance(value, str):
        return reader(value)
    if kind.name in ("integer", "year") and type(value) is int:
        return value
    if kind.name == "integer" and type(value) is float and value.is_integer():
        return int(value)
    if kind.name == "number" and type(value) in (int, float):
        # frictionless reads 0.1 as Decimal("0.1"), not as the binary float's exact value.
        return reader(repr(value))
    if kind.name == "boolean" and type(value) is bool:
        return value
    return _BAD


# ---------------------------------------------------------------------------------------------
# The compiled schema: one checker per field, built once, so that no cell looks anything up.


@dataclass(frozen=True)
class Check:
    """One constraint of one field, run over a column's distinct values at once."""

    failing: Callable[[dict[str, Any]], Iterable[str]]
    """The texts (of a text -> value mapping) whose values break the constraint."""
    says: Callable[[str], str]
    """The message for one such text."""


@dataclass
class Field:
    """One field, compiled: its reader, its missing values and its constraint checks."""

    name: str
    position: int
    kind: FieldType
    read: Reader
    missing: frozenset[str]
    required: bool = False
    unique: bool = False
    checks: list[Check] = field(default_factory=list)


@dataclass(frozen=True)
class ForeignKey:
    """A foreign key of a table: its fields (indexes) and the key they must name."""

    fields: tuple[int, ...]
    resource: str
    reference: tuple[str, ...]


@dataclass(frozen=True)
class Dialect:
    """The CSV dialect properties that change how a file is read."""

    header: bool = True
    header_rows: tuple[int, ...] = (1,)
    header_join: str = " "
    header_case: bool = True
    comment_char: str | None = None
    comment_rows: frozenset[int] = frozenset()
    options: dict[str, Any] = field(default_factory=dict)


@dataclass
class Table:
    """A CSV resource with its compiled schema, and what was wrong with its description."""

    name: str
    path: str
    encoding: str = "utf-8"
    dialect: Dialect = field(default_factory=Dialect)
    fields: list[Field] = field(default_factory=list)
    primary_key: tuple[int, ...] = ()
    foreign_keys: list[ForeignKey] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    usable: bool = True

    def fault(self, where: str, message: str, usable: bool = True) -> None:
        """Note a problem with the description; an unusable table is not read at all."""
        self.errors.append((where, message))
        self.usable = self.usable and usable


def _strings(value: Any) -> list[str] | None:
    """A list of names, given as one name or a list of them; None for any other shape."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value
    return None


def _missing_values(value: Any) -> frozenset[str] | None:
    # v2 allows {"value": ..., "label": ...} entries beside plain strings.
    if not isinstance(value, list):
        return None
    found = [item.get("value") if isinstance(item, dict) else item for item in value]
    texts = [item for item in found if isinstance(item, str)]
    return frozenset(texts) if len(texts) == len(found) else None


# Each bound: how a value must compare to it, the words for a value that does not, and whether
# the column's least (min) or greatest (max) value is the one to test first.
_BOUNDS: dict[str, tuple[Callable[[Any, Any], bool], str, Callable[..., Any]]] = {
    "minimum": (operator.ge, "less than the minimum", min),
    "maximum": (operator.le, "more than the maximum", max),
    "exclusiveMinimum": (operator.gt, "not more than the exclusive minimum", min),
    "exclusiveMaximum": (operator.lt, "not less than the exclusive maximum", max),
}


def _bound_check(name: str, bound: Any, shown: Any, kind: FieldType) -> Check:
    compare, words, extreme = _BOUNDS[name]
    # Only types without NaN can let the column's extreme value speak for all of its values.
    whole = kind.name in ("integer", "year", "yearmonth", "date")

    def ok(value: Any) -> bool:
        # NaN passes no bound (and Decimal NaN raises when ordered, so it is tested first); a
        # time with a zone and a bound without one cannot be ordered, so they fail the bound.
        try:
            return bool(value == value and compare(value, bound))
        except (TypeError, ArithmeticError):
            return False

    def failing(values: dict[str, Any]) -> Iterable[str]:
        if not values or (whole and ok(extreme(values.values()))):
            return ()
        return [text for text, value in values.items() if not ok(value)]

    return Check(failing, lambda text: f"{show(text)} is {words} {shown}")


def _length_check(name: str, size: int) -> Check:
    # Lengths apply to strings, whose values are their texts.
    if name == "minLength":
        return Check(
            lambda values: (
                [t for t in values if len(t) < size]
                if values and min(map(len, values)) < size
                else ()
            ),
            lambda text: f"{show(text)} is shorter than {size} characters (minLength)",
        )
    return Check(
        lambda values: (
            [t for t in values if len(t) > size] if values and max(map(len, values)) > size else ()
        ),
        lambda text: f"{show(text)} is {len(text)} characters long, more than {size} (maxLength)",
    )


def _pattern_check(pattern: str) -> Check | None:
    try:
        match = re.compile(pattern).fullmatch
    except (re.error, RecursionError, OverflowError, ValueError):
        return None
    # Table Schema patterns match the whole value, as XML Schema's do (frictionless anchors them
    # with ^...$, which also lets a value end in a newline: that one is refused here).
    return Check(
        lambda values: filterfalse(match, values),
        lambda text: f"{show(text)} does not match the pattern {cut(pattern, 100)}",
    )


def _enum_check(members: list[Any], listed: str) -> Check:
    allowed = set(members)  # cast values: numbers, strings, dates, all hashable
    return Check(
        lambda values: [text for text, value in values.items() if value not in allowed],
        lambda text: f"{show(text)} is not one of the allowed values: {cut(listed, 100)}",
    )


def _check(table: Table, spec: Field, name: str, value: Any) -> Check | None:
    """The compiled check of one constraint, or None (and a fault) when it cannot apply."""
    where = f"{spec.name}.constraints.{name}"
    if name in ("minLength", "maxLength"):
        if type(value) is int:
            return _length_check(name, value)
        table.fault(where, f"{name} must be an integer, not {show(value)}")
    elif name == "pattern":
        check = _pattern_check(value) if isinstance(value, str) else None
        if check:
            return check
        table.fault(where, f"pattern {show(value)} is not a regular expression")
    elif name == "enum":
        if isinstance(value, list):
            members = [_constant(spec.kind, spec.read, item) for item in value]
            if _BAD in members:
                table.fault(where, f"enum lists values that are not {spec.kind.article}")
            usable = [member for member in members if member is not _BAD]
            return _enum_check(usable, ", ".join(map(str, value)))
        table.fault(where, f"enum must be a list, not {show(value)}")
    else:
        bound = _constant(spec.kind, spec.read, value)
        if bound is not _BAD and bound == bound:  # a NaN bound would refuse every value
            return _bound_check(name, bound, value, spec.kind)
        table.fault(where, f"{name} {show(value)} is not {spec.kind.article}")
    return None


# The JSON type each field option must have, for the readers to rely on it.
_OPTION_TYPES: dict[str, type] = {
    "format": str,
    "bareNumber": bool,
    "floatNumber": bool,
    "groupChar": str,
    "decimalChar": str,
    "trueValues": list,
    "falseValues": list,
}


def _option_fault(raw: dict[str, Any]) -> str | None:
    for option, kind in _OPTION_TYPES.items():
        value = raw.get(option)
        if value is not None and not isinstance(value, kind):
            return f"{option} {show(value)} is not a {kind.__name__}"
        if isinstance(value, list) and not all(isinstance(item, str) for item in value):
            return f"{option} lists values that are not strings"
    return None


def _compile_field(table: Table, position: int, raw: Any, missing: frozenset[str]) -> Field | None:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
        table.fault(f"fields[{position - 1}]", "a field is an object with a name", usable=False)
        return None
    name = raw["name"]
    raw = {key: value for key, value in raw.items() if value is not None}  # null is absent
    kind_name = raw.get("type", "string")
    kind = _TYPES.get(kind_name) if isinstance(kind_name, str) else None
    fault = _option_fault(raw)
    if kind is None:
        reader: Reader | str = f"type {show(kind_name)} is not supported by this checker"
    else:
        reader = fault or kind.make(raw)
    if kind is None or isinstance(reader, str):
        table.fault(name, f"{reader}; its cells are not checked")
        kind, reader, raw = _TYPES["any"], str, {"name": name}
    own_missing = _missing_values(raw.get("missingValues", list(missing)))
    if own_missing is None:
        table.fault(f"{name}.missingValues", "missingValues is a list of strings")
    spec = Field(name, position, kind, reader, missing if own_missing is None else own_missing)
    _compile_constraints(table, spec, raw.get("constraints", {}))
    return spec


def _compile_constraints(table: Table, spec: Field, constraints: Any) -> None:
    if not isinstance(constraints, dict):
        table.fault(f"{spec.name}.constraints", "constraints is an object")
        return
    for name, value in constraints.items():
        where = f"{spec.name}.constraints.{name}"
        if name in ("required", "unique"):
            if type(value) is not bool:
                table.fault(where, f"{name} must be true or false")
            setattr(spec, name, value is True)
        elif name not in spec.kind.constraints:
            table.fault(where, f"constraint {name} does not apply to type {spec.kind.name}")
        elif value is not None:
            check = _check(table, spec, name, value)
            if check:
                spec.checks.append(check)


# The CSV dialect properties this checker reads: (descriptor key, csv module option, JSON type).
_CSV_OPTIONS = (
    ("delimiter", "delimiter", str),
    ("quoteChar", "quotechar", str),
    ("doubleQuote", "doublequote", bool),
    ("escapeChar", "escapechar", str),
    ("skipInitialSpace", "skipinitialspace", bool),
)


def _row_numbers(table: Table, raw: dict[str, Any], key: str, default: list[int]) -> list[int]:
    value = raw.get(key, default)
    if isinstance(value, list) and all(type(row) is int and row > 0 for row in value):
        return value
    table.fault(f"dialect.{key}", f"{key} is a list of row numbers", usable=False)
    return default


def _compile_dialect(table: Table, raw: Any, tsv: bool) -> Dialect:
    raw = {} if raw is None else raw
    if not isinstance(raw, dict):
        table.fault("dialect", "dialect is an object (a dialect file is not supported)", False)
        return Dialect()
    options: dict[str, Any] = {"delimiter": "\t" if tsv else ","}
    for key, option, kind in _CSV_OPTIONS:
        value = raw.get(key)
        if value is None:
            continue
        if isinstance(value, bool) if kind is bool else isinstance(value, str) and len(value) == 1:
            options[option] = value
        else:
            table.fault(f"dialect.{key}", f"{key} {show(value)} is not usable", usable=False)
    if raw.get("nullSequence") is not None:
        table.fault("dialect.nullSequence", "nullSequence is not supported by this checker")
    comment = raw.get("commentChar")
    if comment is not None and not (isinstance(comment, str) and comment):
        table.fault("dialect.commentChar", "commentChar is a string", usable=False)
    join = raw.get("headerJoin", " ")
    return Dialect(
        header=raw.get("header", True) is not False,
        header_rows=tuple(sorted(_row_numbers(table, raw, "headerRows", [1]))),
        header_join=join if isinstance(join, str) else " ",
        header_case=raw.get("headerCase", True) is not False,
        comment_char=comment if isinstance(comment, str) and comment else None,
        comment_rows=frozenset(_row_numbers(table, raw, "commentRows", [])),
        options=options,
    )


def _safe(path: str) -> bool:
    # As frictionless untrusted: a relative path inside the package; no URL, no way out.
    parts = PurePosixPath(path).parts
    return (
        bool(parts)
        and not path.startswith(("/", "~"))
        and ".." not in parts
        and not any(char in path for char in ":\\\0")
    )


def _compile_keys(table: Table, schema: dict[str, Any]) -> None:
    index = {spec.name: number for number, spec in enumerate(table.fields)}
    if "primaryKey" in schema:
        names = _strings(schema["primaryKey"])
        if names and set(names) <= set(index):
            table.primary_key = tuple(index[name] for name in names)
        else:
            table.fault("primaryKey", f"primaryKey {show(schema['primaryKey'])} names no fields")
    keys = schema.get("foreignKeys", [])
    if not isinstance(keys, list):
        table.fault("foreignKeys", "foreignKeys is a list")
        return
    for number, key in enumerate(keys):
        foreign = _compile_foreign_key(table, index, key)
        if isinstance(foreign, str):
            table.fault(f"foreignKeys[{number}]", foreign)
        else:
            table.foreign_keys.append(foreign)


def _compile_foreign_key(table: Table, index: dict[str, int], key: Any) -> ForeignKey | str:
    reference = key.get("reference") if isinstance(key, dict) else None
    if not isinstance(reference, dict):
        return "a foreign key is an object with fields and a reference"
    names, targets = _strings(key.get("fields")), _strings(reference.get("fields"))
    resource = reference.get("resource", "")
    if names is None or targets is None or not isinstance(resource, str):
        return "a foreign key names its fields, and the resource and fields it references"
    if len(names) != len(targets) or not names:
        return "a foreign key has as many fields as the key it references"
    if not set(names) <= set(index):
        return f"foreign key fields {show(', '.join(names))} are not all fields of the schema"
    # An empty (v1) or absent (v2) resource is the table itself.
    return ForeignKey(tuple(index[name] for name in names), resource or table.name, tuple(targets))


def _compile_encoding(table: Table, encoding: Any) -> None:
    try:
        table.encoding = codecs.lookup(encoding).name if isinstance(encoding, str) else ""
    except (LookupError, ValueError):
        table.encoding = ""
    if not table.encoding:
        table.fault("encoding", f"encoding {show(encoding)} is not known", usable=False)


def compile_table(raw: dict[str, Any], position: int) -> Table:
    """A table resource's description, compiled; what is wrong with it is in its errors."""
    name = raw.get("name")
    path = raw.get("path")
    table = Table(name if isinstance(name, str) else f"resources[{position}]", str(path))
    if not isinstance(path, str) or not _safe(path):
        table.fault("path", f"path {show(path)} is not a relative path in the package", False)
    _compile_encoding(table, raw.get("encoding", "utf-8"))
    table.dialect = _compile_dialect(table, raw.get("dialect"), raw.get("format") == "tsv")
    schema = raw.get("schema")
    if not isinstance(schema, dict) or not isinstance(schema.get("fields"), list):
        table.fault("schema", "a table has a schema: an object with a list of fields", False)
        return table
    missing = _missing_values(schema.get("missingValues", [""]))
    if missing is None:
        table.fault("missingValues", "missingValues is a list of strings")
    if schema.get("fieldsMatch", "exact") != "exact":
        table.fault("fieldsMatch", "only fieldsMatch exact is supported by this checker", False)
    for number, raw_field in enumerate(schema["fields"], start=1):
        spec = _compile_field(
            table, number, raw_field, frozenset({""}) if missing is None else missing
        )
        if spec:
            table.fields.append(spec)
    if len({spec.name for spec in table.fields}) != len(table.fields) or not table.fields:
        table.fault("fields", "the schema has no fields, or two fields share a name", False)
    _compile_keys(table, schema)
    return table


def is_csv_table(raw: Any) -> bool:
    """Whether a resource description is a CSV table this checker reads."""
    if not isinstance(raw, dict):
        return False
    form, path = raw.get("format"), raw.get("path")
    csv_path = isinstance(path, str) and path.lower().endswith((".csv", ".tsv"))
    if form is not None:
        return form in ("csv", "tsv")
    return csv_path or raw.get("type") == "table"


# ---------------------------------------------------------------------------------------------
# Findings: everything is counted, but only the first LIMIT of a file become problems.


@dataclass
class Findings:
    """The problems found in one file, kept as plain tuples until the report is made."""

    path: str
    items: list[tuple[int, int, str, str, str]] = field(default_factory=list)

    def add(self, line: int, column: int, name: str, code: str, message: str) -> None:
        """One problem."""
        self.items.append((line, column, name, code, message))

    def problems(self) -> list[Problem]:
        """The first LIMIT problems in file order, and one saying how many more there were."""
        items = sorted(self.items)
        shown = [Problem(self.path, *item) for item in items[:LIMIT]]
        if len(items) > LIMIT:
            line, column = items[LIMIT][:2]
            more = f"{len(items) - LIMIT} more problems from here on are not shown"
            message = f"{more}: only the first {LIMIT} of a file are"
            shown.append(Problem(self.path, line, column, "", "csv-problem-limit", message))
        return shown


# ---------------------------------------------------------------------------------------------
# Reading: bytes, text, records, header.


@contextmanager
def _huge_fields() -> Iterator[None]:
    # The csv module refuses cells over 128 KiB by default; frictionless lifts the limit, so a
    # long cell is data (checked against maxLength), not a reason to stop reading.
    previous = csv.field_size_limit(2**31 - 2)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _decode(data: bytes, encoding: str, found: Findings) -> str | None:
    if encoding == "utf-8" and data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]  # frictionless reads a UTF-8 BOM as utf-8-sig
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        byte = data[exc.start : exc.start + 1]
        where = f"byte {byte!r} at offset {exc.start} ({exc.reason})"
        found.add(line, 0, "", "csv-encoding-error", f"is not valid {encoding}: {where}")
        return None


def read_records(root: Path, table: Table, found: Findings) -> list[list[str]] | None:
    """The file's CSV records, or None (and a finding) when it cannot be read."""
    try:
        data = (root / table.path).read_bytes()
    except OSError as exc:
        missing = isinstance(exc, FileNotFoundError)
        reason = "does not exist" if missing else f"cannot be read ({exc.strerror or exc})"
        message = f"{reason}; the descriptor lists it as resource {show(table.name)}"
        found.add(0, 0, "", "csv-missing-file", message)
        return None
    text = _decode(data, table.encoding, found)
    if text is None:
        return None
    try:
        with _huge_fields():
            return list(csv.reader(io.StringIO(text, newline=""), **table.dialect.options))
    except (csv.Error, TypeError, ValueError) as exc:
        found.add(0, 0, "", "csv-missing-file", f"cannot be read as CSV: {exc}")
        return None


def _content(table: Table, records: list[list[str]]) -> tuple[list[str] | None, list[int], Rows]:
    """The header labels (None without a header), and the content rows with their numbers.

    Rows are numbered as frictionless numbers them: by CSV record, the first being 1.
    """
    dialect = table.dialect
    skipped = set(dialect.comment_rows)
    if dialect.comment_char:
        mark = dialect.comment_char
        skipped.update(n for n, row in enumerate(records, 1) if row and row[0].startswith(mark))
    first = dialect.header_rows[-1] + 1 if dialect.header else 1
    labels = None
    if dialect.header:
        heads = [n for n in dialect.header_rows if n <= len(records) and n not in skipped]
        labels = _joined_labels([records[n - 1] for n in heads], dialect.header_join)
    if not skipped:
        return labels, list(range(first, len(records) + 1)), records[first - 1 :]
    kept = [n for n in range(first, len(records) + 1) if n not in skipped]
    return labels, kept, [records[n - 1] for n in kept]


def _joined_labels(rows: list[list[str]], join: str) -> list[str]:
    # Several header rows make one label per column, joined as frictionless joins them.
    labels: list[str] = []
    previous: dict[int, str] = {}
    for row in rows:
        for index, cell in enumerate(cell.strip() for cell in row):
            if previous.get(index) == cell:
                continue
            previous[index] = cell
            if len(labels) <= index:
                labels.append(cell)
            else:
                labels[index] = join.join([labels[index], cell])
    return labels


def _label_problem(label: str, name: str, seen: int, number: int, case: bool) -> str | None:
    if not label:
        return f"label is blank; it should be {show(name)}"
    if seen != number:
        return f"label {show(label)} repeats column {seen}; it should be {show(name)}"
    if (label if case else label.lower()) != (name if case else name.lower()):
        return f"label {show(label)} should be {show(name)}"
    return None


def check_header(table: Table, labels: list[str], found: Findings) -> None:
    """The labels are the field names, in order (fieldsMatch exact)."""
    line = table.dialect.header_rows[-1]
    names = [spec.name for spec in table.fields]
    if not any(labels):
        expected = show(", ".join(names))
        found.add(line, 0, "", "csv-header-error", f"the header row is blank; expected {expected}")
        return
    first: dict[str, int] = {}
    for number, (label, name) in enumerate(zip(labels, names, strict=False), start=1):
        seen = first.setdefault(label, number)
        message = _label_problem(label, name, seen, number, table.dialect.header_case)
        if message:
            found.add(line, number, name, "csv-header-error", message)
    for number, label in enumerate(labels[len(names) :], start=len(names) + 1):
        message = f"extra label {show(label)}: the schema has {len(names)} fields"
        found.add(line, number, "", "csv-header-error", message)
    for number, name in enumerate(names[len(labels) :], start=len(labels) + 1):
        message = f"label {show(name)} is missing: the header has {len(labels)} labels"
        found.add(line, number, name, "csv-header-error", message)


# ---------------------------------------------------------------------------------------------
# Rows: blank rows and row shape, then one pass per column.


def _blank_rows(table: Table, rows: Rows) -> list[int]:
    """Indexes of rows whose every field is missing (absent cells count as missing)."""
    fields = table.fields
    first = fields[0].missing
    # Only a row whose first cell is missing can be blank: a cheap filter before the full test.
    candidates = [i for i, row in enumerate(rows) if not row or row[0] in first]
    return [
        i
        for i in candidates
        if all(n >= len(rows[i]) or rows[i][n] in spec.missing for n, spec in enumerate(fields))
    ]


def _shape_rows(table: Table, rows: Rows, numbers: list[int], found: Findings) -> Rows:
    """Rows cut or padded to the schema's width; absent cells (None) and extra cells reported."""
    width = len(table.fields)
    if not rows or set(map(len, rows)) == {width}:
        return rows
    shaped: list[Sequence[str | None]] = []
    for row, line in zip(rows, numbers, strict=True):
        if len(row) > width:
            for number, cell in enumerate(row[width:], start=width + 1):
                message = f"cell {show(cell)} is beyond the schema's {width} fields"
                found.add(line, number, "", "csv-extra-cell", message)
            row = row[:width]
        elif len(row) < width:
            for spec in table.fields[len(row) :]:
                message = f"the row has {len(row)} cells for {width} fields: none for this one"
                found.add(line, spec.position, spec.name, "csv-missing-cell", message)
            row = [*row, *([None] * (width - len(row)))]
        shaped.append(row)
    return shaped


@dataclass
class Column:
    """A checked column as the keys need it: each row's cast value (None when missing, _BAD
    when not of the type or absent), and whether any row is missing or _BAD."""

    values: Sequence[Any]
    has_missing: bool = False
    has_bad: bool = False


def _verdicts(spec: Field, texts: set[str]) -> tuple[dict[str, Any], dict[str, list[Verdict]]]:
    """Each distinct text's value, and what is wrong with the texts that are wrong."""
    if spec.read is str:
        values: dict[str, Any] = dict(zip(texts, texts, strict=True))
        good = values
    else:
        values = {text: spec.read(text) for text in texts}
        good = {text: value for text, value in values.items() if value is not _BAD}
    verdicts: dict[str, list[Verdict]] = {}
    if len(good) < len(values):
        for text in values.keys() - good.keys():
            verdicts[text] = [("csv-type-error", f"{show(text)} is not {spec.kind.article}")]
    for check in spec.checks:
        for text in check.failing(good):
            verdicts.setdefault(text, []).append(("csv-constraint-error", check.says(text)))
    return values, verdicts


def check_column(
    spec: Field, cells: Sequence[str | None], numbers: list[int], found: Findings, keep: bool
) -> Column | None:
    """Cast and check each distinct value once, then report every row that holds a wrong one.

    The column's cast values are returned when keep is true (a key needs them).
    """
    distinct: set[Any] = set(cells)
    absent = None in distinct
    distinct.discard(None)
    missing = distinct & spec.missing
    values, verdicts = _verdicts(spec, distinct - missing)
    if spec.required:
        for text in missing:
            message = f"{show(text)} is a missing value, but the field is required"
            verdicts[text] = [("csv-constraint-error", message)]
    if verdicts:
        for index, cell in enumerate(cells):
            for code, message in verdicts.get(cell, ()):  # type: ignore[arg-type]
                found.add(numbers[index], spec.position, spec.name, code, message)
    if not keep:
        return None
    bad = absent or _BAD in values.values()
    if spec.read is str and not missing and not absent:
        return Column(cells)  # the texts are their own values
    cast: dict[Any, Any] = {**values, **dict.fromkeys(missing), None: _BAD}
    return Column(list(map(cast.__getitem__, cells)), bool(missing), bool(bad))


# ---------------------------------------------------------------------------------------------
# Keys: unique fields, the primary key, then (across tables) the foreign keys.


def _keys(columns: list[Column]) -> Sequence[Any]:
    """One key per row: the value of a single field, or the tuple of several."""
    if len(columns) == 1:
        return columns[0].values
    return list(zip(*(column.values for column in columns), strict=True))


def _clean(columns: list[Column]) -> bool:
    return not any(column.has_missing or column.has_bad for column in columns)


def _complete(key: Any, size: int) -> bool:
    """Whether a key has all its values: none missing, none unusable."""
    if size == 1:
        return key is not None and key is not _BAD
    return all(value is not None and value is not _BAD for value in key)


def _repeats(keys: Sequence[Any], size: int, clean: bool) -> Iterator[tuple[int, int]]:
    """(row index, index of the row it repeats) for each repeated complete key."""
    if clean and len(set(keys)) == len(keys):
        return
    first: dict[Any, int] = {}
    for index, key in enumerate(keys):
        if clean or _complete(key, size):
            seen = first.setdefault(key, index)
            if seen != index:
                yield index, seen


def _shown_key(key: Any, size: int) -> str:
    """A key as a message shows it: 'x', or ('x', 1) for several fields."""
    if size == 1:
        return show(key)
    return cut("(" + ", ".join("missing" if v is None else show(v) for v in key) + ")", 100)


def check_unique(spec: Field, column: Column, numbers: list[int], found: Findings) -> None:
    """A unique field holds no value twice (missing values may repeat)."""
    for index, seen in _repeats(column.values, 1, _clean([column])):
        value = show(column.values[index])
        message = f"{value} is also in row {numbers[seen]}, but the field is unique"
        found.add(numbers[index], spec.position, spec.name, "csv-unique-error", message)


def check_primary_key(
    table: Table, columns: dict[int, Column], numbers: list[int], found: Findings
) -> None:
    """Every row has all of its primary key, and no two rows the same one."""
    specs = [table.fields[i] for i in table.primary_key]
    parts = [columns[i] for i in table.primary_key]
    names = ", ".join(spec.name for spec in specs)
    for spec, part in zip(specs, parts, strict=True):
        # A required field has already reported its missing values.
        if part.has_missing and not spec.required:
            for index, value in enumerate(part.values):
                if value is None:
                    message = "is missing, but it is part of the primary key"
                    found.add(
                        numbers[index], spec.position, spec.name, "csv-primary-key-error", message
                    )
    keys = _keys(parts)
    for index, seen in _repeats(keys, len(parts), _clean(parts)):
        key = _shown_key(keys[index], len(parts))
        message = f"{key} repeats the primary key ({names}) of row {numbers[seen]}"
        found.add(numbers[index], specs[0].position, names, "csv-primary-key-error", message)


# ---------------------------------------------------------------------------------------------
# One table, then all of them.


@dataclass
class Checked:
    """A table after its own checks: findings, row numbers and the columns the keys need."""

    table: Table
    found: Findings
    numbers: list[int] = field(default_factory=list)
    columns: dict[int, Column] = field(default_factory=dict)
    read: bool = False


def check_table(root: Path, table: Table, keys: set[int]) -> Checked:
    """Read one table and check everything but its foreign keys; keep the key columns."""
    checked = Checked(table, Findings(table.path))
    for where, message in table.errors:
        checked.found.add(0, 0, where, "csv-schema-error", message)
    if not table.usable:
        return checked
    records = read_records(root, table, checked.found)
    if records is None:
        return checked
    if not records:
        # frictionless calls an empty source an error, with a header or without one.
        if table.dialect.header:
            checked.found.add(1, 0, "", "csv-header-error", "the file is empty: no header row")
        else:
            checked.found.add(0, 0, "", "csv-missing-file", "is empty: it has no rows")
        return checked
    labels, numbers, rows = _content(table, records)
    if labels is not None:
        check_header(table, labels, checked.found)
    _check_rows(table, rows, numbers, keys, checked)
    return checked


def _check_rows(
    table: Table, rows: Rows, numbers: list[int], keys: set[int], checked: Checked
) -> None:
    found = checked.found
    blank = _blank_rows(table, rows)
    if blank:
        for index in blank:
            found.add(numbers[index], 0, "", "csv-blank-row", "the row is blank")
        drop = set(blank)
        rows = [row for index, row in enumerate(rows) if index not in drop]
        numbers = [line for index, line in enumerate(numbers) if index not in drop]
    rows = _shape_rows(table, rows, numbers, found)
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in table.fields]
    for index, spec in enumerate(table.fields):
        column = check_column(spec, columns[index], numbers, found, index in keys or spec.unique)
        if column and spec.unique:
            check_unique(spec, column, numbers, found)
        if column and index in keys:
            checked.columns[index] = column
    if table.primary_key:
        check_primary_key(table, checked.columns, numbers, found)
    checked.numbers = numbers
    checked.read = True


def _key_fields(tables: dict[str, Table], table: Table) -> set[int]:
    """The fields whose cast values another check needs: keys and referenced keys."""
    needed = set(table.primary_key)
    for key in table.foreign_keys:
        needed.update(key.fields)
    index = {spec.name: n for n, spec in enumerate(table.fields)}
    for other in tables.values():
        for key in other.foreign_keys:
            if key.resource == table.name:
                needed.update(index[name] for name in key.reference if name in index)
    return needed


def _lookup(target: Checked, names: tuple[str, ...]) -> set[Any] | str:
    """The keys a foreign key may name, or why they cannot be known."""
    index = {spec.name: n for n, spec in enumerate(target.table.fields)}
    unknown = [name for name in names if name not in index]
    if unknown:
        return f"{target.table.name} has no field {show(', '.join(unknown))}"
    parts = [target.columns[index[name]] for name in names]
    keys = _keys(parts)
    if _clean(parts):
        return set(keys)
    # A row whose referenced fields are all missing offers no key; an unusable value neither.
    empty = None if len(names) == 1 else (None,) * len(names)
    return {key for key in set(keys) - {empty} if _usable(key, len(names))}


def _usable(key: Any, size: int) -> bool:
    """Whether a key holds no unusable value (missing values are allowed)."""
    return key is not _BAD if size == 1 else _BAD not in key


def check_foreign_key(
    checked: Checked, key: ForeignKey, target: Checked | None, found: Findings
) -> None:
    """Each row's foreign key (unless all its fields are missing) is a key of the target."""
    if target is not None and not target.read:
        return  # the target's own file problem is reported; one bad file, one problem
    specs = [checked.table.fields[i] for i in key.fields]
    names = ", ".join(spec.name for spec in specs)
    lookup = _lookup(target, key.reference) if target else f"no table {show(key.resource)}"
    if isinstance(lookup, str):
        found.add(
            0, specs[0].position, names, "csv-foreign-key-error", f"cannot be checked: {lookup}"
        )
        return
    size = len(key.fields)
    keys = _keys([checked.columns[i] for i in key.fields])
    # A key whose fields are all missing refers to nothing, which is allowed (as in frictionless).
    dangling = set(keys) - lookup - {None if size == 1 else (None,) * size}
    dangling = {value for value in dangling if _usable(value, size)}
    if not dangling:
        return
    reference = f"{key.resource} ({', '.join(key.reference)})"
    for index, value in enumerate(keys):
        if value in dangling:
            message = f"{_shown_key(value, size)} names no row of {reference}"
            found.add(
                checked.numbers[index], specs[0].position, names, "csv-foreign-key-error", message
            )


def check_tables(
    root: Path, descriptor: dict[str, Any], only: Collection[str] | None = None
) -> list[Problem]:
    """Every Table Schema problem of the descriptor's CSV tables (those named in only, if given).

    Never raises: an unusable descriptor, file or value is a problem like any other.
    """
    resources = descriptor.get("resources") if isinstance(descriptor, dict) else None
    if not isinstance(resources, list):
        message = "the descriptor has no list of resources"
        return [Problem(DESCRIPTOR, 0, 0, "resources", "csv-schema-error", message)]
    tables: dict[str, Table] = {}
    problems: list[Problem] = []
    for position, raw in enumerate(resources):
        if is_csv_table(raw):
            table = compile_table(raw, position)
            if table.name in tables and (only is None or table.name in only):
                message = f"another resource is named {show(table.name)}: only the first is checked"
                problems.append(
                    Problem(DESCRIPTOR, 0, 0, f"resources[{position}]", "csv-schema-error", message)
                )
            tables.setdefault(table.name, table)
    chosen = [name for name in tables if only is None or name in only]
    # A chosen table's foreign keys need the tables they reference read too.
    needed = set(chosen).union(*({k.resource for k in tables[n].foreign_keys} for n in chosen))
    checked = {
        name: _guarded(root, tables, table) for name, table in tables.items() if name in needed
    }
    for name in chosen:
        done = checked[name]
        if done.read:
            for key in done.table.foreign_keys:
                check_foreign_key(done, key, checked.get(key.resource), done.found)
        problems.extend(done.found.problems())
    return problems


def _guarded(root: Path, tables: dict[str, Table], table: Table) -> Checked:
    try:
        return check_table(root, table, _key_fields(tables, table))
    except (MemoryError, RecursionError) as exc:  # a file beyond what this machine can hold
        failed = Checked(table, Findings(table.path))
        failed.found.add(0, 0, "", "csv-missing-file", f"cannot be checked: {type(exc).__name__}")
        return failed
