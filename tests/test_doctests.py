"""Every example in the library's docstrings runs and prints what it says."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import japan_peru_relations

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(japan_peru_relations.__path__, "japan_peru_relations.")
)


@pytest.mark.parametrize("name", ["japan_peru_relations", *MODULES])
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
