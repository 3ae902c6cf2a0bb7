"""Shared fixtures of the scale benchmarks: synthetic projects per size, and subprocess timing.

    python -m pytest benchmarks -p no:cacheprovider --benchmark-enable
    JPR_BENCH_SIZES=1000,10000,100000 python -m pytest benchmarks -p no:cacheprovider \\
        --benchmark-enable --benchmark-json=bench.json

JPR_BENCH_SIZES lists the numbers of meetings (default 1000, what CI runs so the suite never
rots). JPR_BENCH_DIR keeps the generated projects between runs (generating 10^5 meetings writes
about 230,000 files); without it they live in pytest's temporary folder. Every figure the issue
sets a target for is printed as a ratio at the end of the run.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from jprbench import PYTHON, RESULTS, SEED, SYNTH, fingerprint, ratio, sizes


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "n" in metafunc.fixturenames:
        metafunc.parametrize("n", sizes(), ids=lambda n: f"N={n}", scope="session")


@pytest.fixture(scope="session")
def bench_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    kept = os.environ.get("JPR_BENCH_DIR")
    if kept:
        Path(kept).mkdir(parents=True, exist_ok=True)
        return Path(kept)
    return tmp_path_factory.mktemp("jpr-bench")


@pytest.fixture(scope="session")
def project(bench_root: Path, n: int) -> Path:
    """A synthetic project of n meetings (records/, data/, schema/, datapackage.json)."""
    root = bench_root / f"synth-{n}-seed{SEED}-{fingerprint()}"
    if not (root / "datapackage.json").is_file():
        started = time.perf_counter()
        # In a child process, so the generator's memory does not stay in this one.
        argv = [PYTHON, str(SYNTH), "--meetings", str(n), "--out", str(root), "--seed", str(SEED)]
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
        RESULTS.generated[n] = time.perf_counter() - started
    return root


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not RESULTS.seconds:
        return
    write = terminalreporter.write_line
    terminalreporter.section("jpr scale figures (best round, seconds; peak RSS, MiB)")
    names = sorted({name for name, _ in RESULTS.seconds})
    ns = sorted({n for _, n in RESULTS.seconds})
    write(f"{'benchmark':34s}" + "".join(f"{f'N={n}':>16s}" for n in ns))
    for name in names:
        cells = []
        for n in ns:
            s = RESULTS.seconds.get((name, n))
            mib = RESULTS.peak_mib.get((name, n))
            cell = "" if s is None else f"{s:.3f}" + (f" ({mib:.0f})" if mib else "")
            cells.append(f"{cell:>16s}")
        write(f"{name:34s}" + "".join(cells))
    write("")
    for n in (n for n in ns if n):
        write(
            f"N={n}: frictionless / jpr validate = "
            f"{ratio(('frictionless-reference', n), ('validate-own-checks', n))} (target >= 3); "
            f"jpr validate --frictionless / frictionless = "
            f"{ratio(('validate-with-frictionless', n), ('frictionless-reference', n))}"
        )
    for name in ("validate-own-checks", "build-cli", "render-write", "load-all-cold"):
        if (name, 100000) in RESULTS.seconds and (name, 10000) in RESULTS.seconds:
            write(
                f"{name}: time(100k) / time(10k) = "
                f"{ratio((name, 100000), (name, 10000))} (target <= 11)"
            )
    for (name, n), mib in sorted(RESULTS.peak_mib.items()):
        if n >= 100000:
            write(f"{name} at N={n}: peak {mib:.0f} MiB (target < 1024)")
    cold = ratio(("cold-start-meetings", 0), ("cold-start-import-pydantic", 0))
    write(f"cold start: jpr.meetings() / import pydantic = {cold} (target <= 1.5)")
    for n, seconds in sorted(RESULTS.generated.items()):
        write(f"synth --meetings {n}: generated and built in {seconds:.1f} s")
