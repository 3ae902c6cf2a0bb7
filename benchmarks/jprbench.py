"""Helpers of the scale benchmarks: sizes, synthetic projects, measured runs, the summary."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
BIN = Path(sys.executable).parent
SEED = 1
SYNTH = ROOT / "scripts" / "synth.py"


def sizes() -> list[int]:
    """The sizes (meetings) to measure, from JPR_BENCH_SIZES."""
    raw = os.environ.get("JPR_BENCH_SIZES", "1000")
    return [int(part) for part in raw.replace(" ", "").split(",") if part]


def rounds(n: int) -> int:
    """Rounds per benchmark: many for cold starts (n = 0), a few at 10^3 to 10^4, one at 10^5."""
    if n == 0:
        return 15
    return 5 if n <= 1000 else 3 if n <= 20000 else 1


def fingerprint() -> str:
    """A short hash of the code that decides a synthetic project's bytes (kept folders go stale
    when the models, the build or the generator change)."""
    digest = hashlib.sha256()
    for path in sorted([*(ROOT / "src" / "japan_peru_relations").glob("*.py"), SYNTH]):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def synth() -> ModuleType:
    spec = importlib.util.spec_from_file_location("jpr_synth", SYNTH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["jpr_synth"] = module
    spec.loader.exec_module(module)
    return module


# --- running and measuring a command in a fresh process ---------------------------------------

_PEAK = (
    "import resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:], capture_output=True)\n"
    "if done.returncode:\n"
    "    sys.stderr.write((done.stdout + done.stderr).decode(errors='replace')[-3000:])\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, done.returncode)\n"
)


@dataclass
class Run:
    """One command run in a fresh process: its exit code and peak resident memory."""

    returncode: int = 0
    peak_kib: int = 0
    stderr: str = ""


def run_measured(argv: Sequence[str], cwd: Path | None = None) -> Run:
    """Run argv in a child of a fresh wrapper, so getrusage gives that child's own peak RSS."""
    done = subprocess.run(
        [PYTHON, "-c", _PEAK, *argv], capture_output=True, text=True, cwd=cwd, check=False
    )
    peak, code = done.stdout.split()[-2:]
    return Run(int(code), int(peak), done.stderr)


def jpr(*args: str) -> list[str]:
    return [str(BIN / "jpr"), *args]


def python(code: str) -> list[str]:
    return [PYTHON, "-c", code]


# --- results across benchmarks, for the ratios printed at the end ------------------------------


@dataclass
class Results:
    """Best (min) seconds and peak memory per benchmark and size."""

    seconds: dict[tuple[str, int], float] = field(default_factory=dict)
    peak_mib: dict[tuple[str, int], float] = field(default_factory=dict)
    generated: dict[int, float] = field(default_factory=dict)


RESULTS = Results()


def record(benchmark: Any, name: str, n: int, peak_kib: int | None = None) -> None:
    """Keep a benchmark's best round (and peak memory) for the summary and the JSON output."""
    stats = getattr(benchmark, "stats", None)
    if stats is not None and getattr(stats, "stats", None) is not None:
        RESULTS.seconds[(name, n)] = stats.stats.min
    if peak_kib is not None:
        RESULTS.peak_mib[(name, n)] = peak_kib / 1024
        benchmark.extra_info["peak_rss_mib"] = round(peak_kib / 1024, 1)
    benchmark.extra_info["meetings"] = n


def measured(
    benchmark: Any, name: str, n: int, argv: Sequence[str], cwd: Path | None = None
) -> Run:
    """Benchmark a command in fresh processes, keeping the highest peak memory of its rounds."""
    runs: list[Run] = []

    def once() -> None:
        runs.append(run_measured(argv, cwd))

    benchmark.pedantic(once, rounds=rounds(n), iterations=1)
    failed = [r for r in runs if r.returncode != 0]
    assert not failed, failed[0].stderr
    record(benchmark, name, n, max(r.peak_kib for r in runs))
    return runs[-1]


def timed(benchmark: Any, name: str, n: int, target: Callable[[], Any], **kwargs: Any) -> Any:
    """Benchmark an in-process call (pedantic, with optional setup)."""
    result = benchmark.pedantic(target, rounds=rounds(n), iterations=1, **kwargs)
    record(benchmark, name, n)
    return result


def ratio(a: tuple[str, int], b: tuple[str, int]) -> str:
    x, y = RESULTS.seconds.get(a), RESULTS.seconds.get(b)
    return f"{x / y:.2f}" if x and y else "n/a"
