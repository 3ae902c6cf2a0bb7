"""Shared fixtures: the project root, the shared source material, a scratch copy of the project."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
FACTS = SHARED / "facts" / "japan-peru-facts.md"
PROJECT_FILES = ("records", "data", "schema", "datapackage.json")


def needs_shared(path: Path) -> pytest.MarkDecorator:
    """Skip, with the reason, when the third-party source texts are not beside the checkout."""
    return pytest.mark.skipif(
        not path.exists(),
        reason=f"{path} is absent: the source texts live in ../shared beside the checkout",
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A scratch copy of the project's records and built package, safe to corrupt."""
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name)
        elif source.exists():
            shutil.copy2(source, tmp_path / name)
    return tmp_path


def synth_module() -> ModuleType:
    """scripts/synth.py as a module (it is a script, not part of the package)."""
    name = "jpr_synth"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / "synth.py")
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]
