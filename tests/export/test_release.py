"""The release artefacts: the wheel carries the exports and the page's files, and both the
wheel and the sdist pass `twine check` and `check-wheel-contents` where those are installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ..conftest import ROOT

pytestmark = pytest.mark.slow

SITE_FILES = ("page.html", "timeline.js", "timeline.css")
# Kinds with no records yet publish identical empty JSON arrays ("[]"), which W002 reports.
WHEEL_CHECKS_IGNORED = "W002"


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    return out


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def test_the_wheel_ships_the_exports_and_the_page(dist: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in SITE_FILES:
        assert f"japan_peru_relations/site/{name}" in names
    for module in ("export/sqlite.py", "export/parquet.py", "frames.py"):
        assert f"japan_peru_relations/{module}" in names


def test_the_installed_wheel_exports_and_writes_the_page(dist: Path, tmp_path: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    site = tmp_path / "site-packages"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "import pathlib, japan_peru_relations as jpr\n"
        "from japan_peru_relations.export import load_dataset, export_sqlite, read_sqlite\n"
        "from japan_peru_relations.site import write_site\n"
        f"assert pathlib.Path(jpr.__file__).is_relative_to({str(site)!r}), jpr.__file__\n"
        "d = load_dataset()\n"
        "assert read_sqlite(export_sqlite(d, pathlib.Path('out.db'))) == d\n"
        "print(write_site(d, pathlib.Path('public')))\n"
    )
    paths = [p for p in sys.path if p.endswith("site-packages")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), *paths])}
    result = subprocess.run(
        [sys.executable, "-S", "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "public" / "index.html").is_file()


def test_twine_check_passes(dist: Path) -> None:
    twine = _tool("twine")
    files = sorted(str(p) for p in dist.iterdir())
    result = subprocess.run([twine, "check", "--strict", *files], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_wheel_contents_passes(dist: Path) -> None:
    checker = _tool("check-wheel-contents")
    (wheel,) = dist.glob("*.whl")
    result = subprocess.run(
        [checker, "--ignore", WHEEL_CHECKS_IGNORED, str(wheel)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
