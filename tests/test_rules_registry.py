"""One registry of rules: every code the validator can emit is in it, and every rule in it is
documented, has a hint, and is exercised by a test that asserts its code and position.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from japan_peru_relations.fieldtypes import PATTERN_CODES
from japan_peru_relations.records import _PYDANTIC_CODES
from japan_peru_relations.rules import RULES, Category
from japan_peru_relations.tablecheck import CODES as TABLE_CODES

from .conftest import ROOT
from .test_corruptions import CASES, PACKAGE_CASES
from .test_tablecheck import CASES as TABLE_CASES

SOURCE = ROOT / "src" / "japan_peru_relations"
EMITTERS = ("checks.py", "records.py", "yamlread.py", "validate.py", "retired.py")
# Where each call names its rule code: the argument's position, or its keyword.
CODE_ARGUMENT = {"Problem": 4, "problem": 2, "YamlError": 0, "PydanticCustomError": 0}
KEBAB = re.compile(r"^[a-z]+(?:-[a-z0-9]+)+$")


def _called(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def _literal_codes(path: Path) -> set[str]:
    """String literals passed as a rule code, and the codes problem_code() returns."""
    codes: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _called(node) in CODE_ARGUMENT:
            index = CODE_ARGUMENT[_called(node)]
            args = [*node.args, *(k.value for k in node.keywords if k.arg == "code")]
            if len(node.args) > index:
                args = [node.args[index]]
            codes.update(a.value for a in args if isinstance(a, ast.Constant))
        if isinstance(node, ast.FunctionDef) and node.name == "problem_code":
            # Its returns and defaults: "wrong-type", "no-source", ...
            codes.update(
                n.value
                for n in ast.walk(node)
                if isinstance(n, ast.Constant) and isinstance(n.value, str) and KEBAB.match(n.value)
            )
    return {c for c in codes if isinstance(c, str)}


def emitted_codes() -> set[str]:
    """Every code the source can emit, found by reading it."""
    codes = set().union(*(_literal_codes(SOURCE / name) for name in EMITTERS))
    codes |= _literal_codes(SOURCE / "fieldtypes.py")
    codes |= set(PATTERN_CODES.values()) | set(_PYDANTIC_CODES.values())
    codes |= set(TABLE_CODES)  # tablecheck.py lists its codes; test_tablecheck checks the list
    return codes


def test_the_emitted_codes_are_found() -> None:
    # A guard on the reader above: if it finds few codes, it is reading the source wrongly.
    assert {"invalid-time", "duplicate-key", "outside-term", "stale-build"} <= emitted_codes()
    assert len(emitted_codes()) >= 40


def test_every_code_the_validator_emits_is_a_rule() -> None:
    assert emitted_codes() - set(RULES) == set()


def test_every_rule_can_be_emitted() -> None:
    # table-schema-error and friends are emitted by frictionless/jsonschema wrappers, literally.
    assert set(RULES) - emitted_codes() == set()


def _codes_asserted_in(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in RULES
    }


def exercised_codes() -> set[str]:
    """Codes the corruption corpus and test_validate.py assert, with their positions."""
    return corpus() | _codes_asserted_in(Path(__file__).parent / "test_validate.py")


def corpus() -> set[str]:
    """The codes the corruption corpora exercise: records, package, and CSV tables."""
    tables = {case.code for case in TABLE_CASES}
    return {case.rule for case in CASES} | {case[0] for case in PACKAGE_CASES} | tables


def test_every_rule_is_exercised_by_a_test() -> None:
    assert set(RULES) - exercised_codes() == set()


def test_the_corpus_covers_every_record_rule_itself() -> None:
    assert set(RULES) - corpus() == set()


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_is_complete_and_documented(code: str) -> None:
    rule = RULES[code]
    assert KEBAB.fullmatch(code), "codes are stable kebab-case"
    assert rule.code == code
    assert isinstance(rule.category, Category)
    assert rule.title.strip()
    assert rule.description.strip().endswith((".", ")")), "a description is a sentence"
    assert rule.hint.strip(), "every rule tells the contributor the way out"
    assert not rule.hint.endswith("."), "hints are printed after 'hint:' as one clause"
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert f"| `{code}` |" in contributing, "run python scripts/gen_docs.py"


def test_codes_are_unique() -> None:
    from japan_peru_relations import rules

    codes = [rule.code for rule in rules._RULES]
    assert len(codes) == len(set(codes))
