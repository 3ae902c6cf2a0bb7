"""Build the published package from the records: reproducible bytes, written all or nothing."""

from __future__ import annotations

import gc
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .dataset import Dataset
from .derived import DERIVED_TABLES, derived_csv
from .models import RECORD_TYPES
from .package import (
    DATA_DIR,
    DESCRIPTOR,
    SCHEMA_DIR,
    csv_path,
    descriptor,
    dump_bytes,
    json_path,
    json_schema,
    schema_path,
)
from .tables import TABLES, csv_text, has_floats, list_adapter, plain_records

GENERATED_DIRS = (DATA_DIR, SCHEMA_DIR)


def render(dataset: Dataset) -> dict[str, bytes]:
    """Every generated file's path (relative to the root) and exact bytes."""
    return dict(sorted(iter_outputs(dataset)))


def iter_outputs(dataset: Dataset) -> Iterator[tuple[str, bytes]]:
    """Each generated file's path and bytes, one at a time: a caller that only compares them
    never holds the whole package (372 MB at 10^5 meetings) at once."""
    with gc_paused():
        for kind in RECORD_TYPES:
            # Each record is dumped to plain data once; every table of its kind and its JSON
            # resource are made from that, and it is dropped before the next kind.
            plain = plain_records(kind, dataset[kind])
            for table in TABLES:
                if table.kind == kind:
                    yield csv_path(table.name), csv_text(table, plain).encode("utf-8")
            yield json_path(kind), _json_resource(kind, dataset, plain)
            del plain
            yield schema_path(kind), dump_bytes(json_schema(kind))
        for derived in DERIVED_TABLES:
            yield csv_path(derived.name), derived_csv(derived, dataset).encode("utf-8")
        yield DESCRIPTOR, dump_bytes(descriptor())


class Rendered:
    """A dataset's outputs, made one at a time as they are iterated; `paths` lists those made.

    >>> rendered = Rendered(Dataset.of({}))
    >>> len(dict(rendered)) == len(rendered.paths) > 0
    True
    """

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.paths: list[str] = []

    def __iter__(self) -> Iterator[tuple[str, bytes]]:
        for path, data in iter_outputs(self.dataset):
            self.paths.append(path)
            yield path, data


def _json_resource(kind: str, dataset: Dataset, plain: list[dict[str, Any]]) -> bytes:
    """data/<kind>.json: ``json.dumps(plain, ensure_ascii=False, indent=2) + "\\n"``, bytes.

    pydantic's own JSON serializer writes exactly those bytes (same indent, separators, key
    order and string escapes; tests/test_synth.py holds it to json.dumps) three times faster,
    except for floats under 1e-4, which it writes as 0.00001 where Python writes 1e-05; kinds
    with a float field anywhere (places) therefore go through the Python encoder.
    """
    if has_floats(RECORD_TYPES[kind]):
        return dump_bytes(plain)
    return list_adapter(kind).dump_json(list(dataset[kind]), indent=2) + b"\n"


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building acyclic data in bulk.

    Dumping 10^5 records makes millions of small dicts and strings, none in a cycle; left on,
    the collector walks the growing heap again and again for nothing.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _existing(root: Path) -> set[str]:
    """Generated files now on disk (anything in data/ or schema/, and the descriptor)."""
    found = {DESCRIPTOR} if (root / DESCRIPTOR).is_file() else set()
    for folder in GENERATED_DIRS:
        base = root / folder
        if base.is_dir():
            found.update(p.relative_to(root).as_posix() for p in base.rglob("*") if p.is_file())
    return found


Outputs = Mapping[str, bytes] | Iterable[tuple[str, bytes]]
"""The rendered package, or an iterator of its files (compared as they come, never all held)."""


def _compare(root: Path, outputs: Outputs) -> tuple[dict[str, bytes], list[str]]:
    """The outputs that differ from the files on disk (with their new bytes), and the generated
    files on disk that the outputs no longer include."""
    different: dict[str, bytes] = {}
    produced: set[str] = set()
    for path, data in outputs.items() if isinstance(outputs, Mapping) else outputs:
        produced.add(path)
        target = root / path
        if not target.is_file() or target.read_bytes() != data:
            different[path] = data
    return different, sorted(_existing(root) - produced)


def stale_files(root: Path, outputs: Outputs) -> list[str]:
    """Generated files that are missing, differ from what the records produce, or are left over."""
    different, left_over = _compare(root, outputs)
    return sorted([*different, *left_over])


def _write_staged(stage: Path, path: str, data: bytes) -> Path:
    staged = stage / path
    staged.parent.mkdir(parents=True, exist_ok=True)
    with open(staged, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    return staged


def write_outputs(root: Path, outputs: Outputs) -> list[str]:
    """Replace the generated files with outputs, all or nothing; return the paths changed.

    New contents are staged in a temporary folder beside them first; only then is each file
    swapped in, its old version kept aside, and any failure puts every old version back.
    """
    different, left_over = _compare(root, outputs)
    changed = sorted([*different, *left_over])
    if not changed:
        return []
    stage = Path(tempfile.mkdtemp(prefix=".jpr-build-", dir=root))
    backup = stage / ".previous"
    done: list[tuple[Path, Path | None]] = []
    try:
        staged = {p: _write_staged(stage, p, data) for p, data in different.items()}
        for path in changed:
            target = root / path
            kept: Path | None = None
            if target.exists():
                kept = backup / path
                kept.parent.mkdir(parents=True, exist_ok=True)
                os.replace(target, kept)
            done.append((target, kept))
            if path in staged:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(staged[path], target)
    except BaseException:
        for target, kept in reversed(done):
            if kept is not None:
                os.replace(kept, target)
            elif target.exists():
                target.unlink()
        raise
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return changed
