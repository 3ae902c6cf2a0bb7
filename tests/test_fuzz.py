"""No input, however malformed or hostile, makes the validator raise or hang: it reports.

Raw bytes go into the YAML reader and into a one-file project; generated YAML structures and
mutations of real records go through the whole validator. Each property runs 200 examples.
"""

from __future__ import annotations

import datetime as dt
import shutil
import signal
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from japan_peru_relations.models import RECORD_TYPES
from japan_peru_relations.records import read_file
from japan_peru_relations.report import Report
from japan_peru_relations.validate import Options, validate_project
from japan_peru_relations.yamlread import MAX_BYTES, YamlDocument, read_yaml

from .conftest import ROOT

MINI = Path(__file__).parent / "fixtures" / "mini"
OPTIONS = Options(package=False, today=dt.date(2026, 1, 1))
EXAMPLES = 200
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,  # no .hypothesis/ folder left in the checkout
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
T = TypeVar("T")


def within(seconds: int, work: Callable[[], T]) -> T:
    """work(), failing the test if it runs longer than seconds (a hang, not a slow machine)."""
    if threading.current_thread() is not threading.main_thread():
        return work()

    def timeout(_signum: int, _frame: object) -> None:
        raise TimeoutError(f"the validator ran longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(seconds)
    try:
        return work()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def one_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project of the mini records whose person file each example overwrites."""
    root = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(MINI / "records", root / "records")
    return root


PERSON = "records/people/hayashi-yoshimasa.yaml"

# Bytes that tend to matter to YAML and to the rules, mixed with arbitrary ones.
YAML_BYTES = st.lists(
    st.sampled_from(
        [b":", b" ", b"\n", b"-", b"[", b"]", b"{", b"}", b"&a", b"*a", b"!t", b"'", b'"',
         b"#", b"\t", b"\x00", b"\xff", b"\xe2\x80\x8b", b"\\ud800", b"---", b"? ", b"id",
         b"2023-02-30", b"25:10", b"=1+1", b"<b>", b"null", b"~", b"%YAML 1.2\n"]
    )
    | st.binary(max_size=8),
    max_size=60,
).map(b"".join)  # fmt: skip


@FUZZ
@given(data=st.binary(max_size=2000) | YAML_BYTES)
def test_read_yaml_reports_and_never_raises(data: bytes) -> None:
    document = within(10, lambda: read_yaml(data))
    assert isinstance(document, YamlDocument)
    assert document.value is None or not document.errors


@FUZZ
@given(data=st.binary(max_size=2000) | YAML_BYTES)
def test_a_file_of_any_bytes_is_reported_not_raised(one_file: Path, data: bytes) -> None:
    (one_file / PERSON).write_bytes(data)
    file, problems = read_file(one_file, one_file / PERSON)
    assert file is not None
    assert problems or file.record is not None
    report = within(20, lambda: validate_project(one_file, OPTIONS))
    assert isinstance(report, Report)
    for problem in report.problems:
        str(problem).encode("utf-8")  # printable, whatever the input held


SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
TREES = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.text(max_size=10) | st.integers(), children, max_size=4)
    ),
    max_leaves=25,
)


def _dump(value: Any) -> bytes:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False).encode("utf-8", "replace")


@FUZZ
@given(tree=TREES)
def test_any_yaml_structure_is_reported_not_raised(one_file: Path, tree: Any) -> None:
    (one_file / PERSON).write_bytes(_dump(tree))
    assert isinstance(within(20, lambda: validate_project(one_file, OPTIONS)), Report)


def _real_records() -> list[tuple[str, dict[str, Any]]]:
    """Plain data of a few real records of each kind, to mutate."""
    found: list[tuple[str, dict[str, Any]]] = []
    for kind in RECORD_TYPES:
        for path in sorted((ROOT / "records" / kind).glob("*.yaml"))[:3]:
            document = read_yaml(path.read_bytes())
            if isinstance(document.value, dict):
                found.append((kind, document.value))
    return found or [("people", read_yaml((MINI / PERSON).read_bytes()).value)]


REAL = _real_records()


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    """A real record with keys renamed, dropped or added, and values swapped for any tree."""
    kind, record = draw(st.sampled_from(REAL))
    record = dict(record)
    for key in draw(st.lists(st.sampled_from(sorted(record)), max_size=4, unique=True)):
        action = draw(st.sampled_from(["drop", "rename", "replace"]))
        value = record.pop(key)
        if action == "rename":
            record[draw(st.text(max_size=12))] = value
        elif action == "replace":
            record[key] = draw(TREES)
    record.update(draw(st.dictionaries(st.text(max_size=12), TREES, max_size=2)))
    return kind, record


@FUZZ
@given(case=mutated())
def test_mutated_real_records_are_reported_not_raised(
    tmp_path_factory: pytest.TempPathFactory, case: tuple[str, dict[str, Any]]
) -> None:
    kind, record = case
    root = tmp_path_factory.mktemp("mutated")
    shutil.copytree(MINI / "records", root / "records")
    (root / "records" / kind).mkdir(exist_ok=True)
    (root / "records" / kind / "fuzzed.yaml").write_bytes(_dump(record))
    assert isinstance(within(20, lambda: validate_project(root, OPTIONS)), Report)
    shutil.rmtree(root)


PATHOLOGICAL = {
    "deep flow nesting": b"id: " + b"[" * 250_000,
    "deep block nesting": b"".join(b" " * i + b"- \n" for i in range(700)),
    "alias bomb": b"a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]\n",
    "one long line": b"name: " + b"x" * 250_000,
    "many keys": b"".join(b"k%d: v\n" % i for i in range(25_000)),
    "many problems": b"aliases:\n" + b"".join(b"- '=%d'\n" % i for i in range(20_000)),
}


@pytest.mark.parametrize("data", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_pathological_input_finishes_in_bounded_time(one_file: Path, data: bytes) -> None:
    assert len(data) <= MAX_BYTES, "under the size bound, so that the parser really runs"
    (one_file / PERSON).write_bytes(data)
    report = within(30, lambda: validate_project(one_file, OPTIONS))
    assert not report.valid
