"""The built wheel ships the data and loads it from any directory, without the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from japan_peru_relations.models import RECORD_TYPES

from .conftest import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), ROOT],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("japan_peru_relations-*.whl")
    return found


def test_wheel_carries_every_built_resource(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for kind in RECORD_TYPES:
        assert f"japan_peru_relations/_data/{kind}.json" in names
    assert not any(name.startswith("records/") for name in names)


def test_installed_wheel_loads_its_own_data_from_anywhere(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "import japan_peru_relations as jpr, pathlib\n"
        f"assert pathlib.Path(jpr.__file__).is_relative_to({str(site)!r}), jpr.__file__\n"
        "counts = [len(f()) for f in (jpr.meetings, jpr.agreements, jpr.anniversaries,"
        " jpr.people, jpr.sources)]\n"
        "assert all(counts), counts\n"
        "print(counts)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    # -S keeps the editable install of the checkout off the path; pydantic comes from PYTHONPATH.
    paths = [p for p in sys.path if p.endswith("site-packages")]
    env["PYTHONPATH"] = os.pathsep.join([str(site), *paths])
    result = subprocess.run(
        [sys.executable, "-S", "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
