"""Datasette serves the exported database as a documented site (on loopback, for a moment).

Needs Datasette (`pip install 'japan-peru-relations[datasette]'`); skips without it, or fails
where JPR_REQUIRE_DATASETTE is set.
"""

from __future__ import annotations

import importlib.util
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from japan_peru_relations.dataset import Dataset
from japan_peru_relations.export.sqlite import export_sqlite, metadata_path

from .conftest import require_or_skip

pytestmark = pytest.mark.slow

HOST = "127.0.0.1"
STARTUP_SECONDS = 30
# Straight to loopback: no proxy from the environment.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def _get(url: str) -> Any:
    with OPENER.open(url, timeout=5) as response:
        return json.loads(response.read().decode("utf-8"))


def test_datasette_serves_the_tables_with_their_metadata(shipped: Dataset, tmp_path: Path) -> None:
    require_or_skip(
        importlib.util.find_spec("datasette") is not None,
        "datasette is not installed (pip install 'japan-peru-relations[datasette]')",
        "JPR_REQUIRE_DATASETTE",
    )
    db = export_sqlite(shipped, tmp_path / "jpr.db")
    port = _free_port()
    command = [sys.executable, "-m", "datasette", "serve", str(db), "-m", str(metadata_path(db))]
    command += ["--host", HOST, "--port", str(port)]
    server = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=tmp_path
    )
    base = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                _get(f"{base}/-/versions.json")
                break
            except (urllib.error.URLError, ConnectionError, OSError):
                if server.poll() is not None or time.monotonic() > deadline:
                    output = server.stdout.read().decode() if server.stdout else ""
                    pytest.fail(f"datasette did not start within {STARTUP_SECONDS} s:\n{output}")
                time.sleep(0.2)

        rows = _get(f"{base}/jpr/meetings.json?_shape=array&_size=max")
        assert len(rows) == len(shipped["meetings"])
        assert {row["id"] for row in rows} == {m.model_dump()["id"] for m in shipped["meetings"]}

        details = _get(f"{base}/jpr/meeting_details.json?_shape=array&_size=max")
        assert len(details) == len(shipped["meetings"])

        metadata = _get(f"{base}/-/metadata.json")
        assert metadata["license"] == "CC-BY-4.0"
        assert metadata["source_url"].startswith("https://")
        described = metadata["databases"]["jpr"]["tables"]["meetings"]
        assert described["columns"]["date"] == "Local date at the venue (YYYY-MM-DD)."
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)
        if server.stdout:
            server.stdout.close()
