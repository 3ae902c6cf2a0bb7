"""Throughput of `jpr extract` in documents per second, over the labelled set and the seeds.

Run with `pytest benchmarks --benchmark-enable`; the target is at least 500 documents/s on the
project's 2-core machines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from japan_peru_relations.extract import Document, extract, read_document

ROOT = Path(__file__).resolve().parents[1]
LABELLED = ROOT / "tests" / "extract" / "labelled"
SEEDS = ROOT.parent / "shared" / "seeds"


def _documents() -> list[Document]:
    paths = sorted(p for p in LABELLED.glob("[0-9][0-9][0-9]_*") if p.suffix in (".txt", ".html"))
    paths += sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    return [read_document(str(path)) for path in paths]


DOCUMENTS = _documents()


def _extract_all() -> int:
    for document in DOCUMENTS:
        extract(document)
    return len(DOCUMENTS)


@pytest.mark.skipif(not DOCUMENTS, reason="no labelled documents or seeds to measure on")
def test_extract_documents_per_second(benchmark):  # type: ignore[no-untyped-def]
    extract(DOCUMENTS[0])  # load the project's records and compile patterns outside the timing
    count = benchmark(_extract_all)
    assert count == len(DOCUMENTS)
    stats = getattr(benchmark, "stats", None)
    if stats is not None and stats.stats.mean:
        # The best round is the machine's speed; the mean also counts other load on it.
        best, mean = count / stats.stats.min, count / stats.stats.mean
        benchmark.extra_info["documents"] = count
        benchmark.extra_info["documents_per_second_best"] = round(best)
        benchmark.extra_info["documents_per_second_mean"] = round(mean)
        print(f"\n{count} documents: {best:.0f} documents/s (best round), {mean:.0f} (mean)")
