"""Build the published package from the records: reproducible bytes, written all or nothing."""

from __future__ import annotations

import gc
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from .dataset import Dataset
from .derived import DERIVED_TABLES, derived_csv
from .models import RECORD_TYPES, Record
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
from .tables import TABLES, CsvTable, has_floats, list_adapter, plain_records

GENERATED_DIRS = (DATA_DIR, SCHEMA_DIR)


Data = bytes | bytearray
"""A generated file's bytes (the largest JSON resources are made in place, as a bytearray)."""


def render(dataset: Dataset) -> dict[str, bytes]:
    """Every generated file's path (relative to the root) and exact bytes."""
    return dict(sorted((path, bytes(data)) for path, data in iter_outputs(dataset)))


# Records dumped to plain data at a time: the plain data of 10^5 meetings at once was 500 MB.
BATCH = 2000


def iter_outputs(dataset: Dataset) -> Iterator[tuple[str, Data]]:
    """Each generated file's path and bytes, one at a time: a caller that only compares them
    never holds the whole package (372 MB at 10^5 meetings) at once."""
    with gc_paused():
        for kind in RECORD_TYPES:
            records = dataset[kind]
            # Each record is dumped to plain data once, a batch at a time; every table of its
            # kind is written from that, and the batch dropped before the next.
            tables = [CsvTable(table) for table in TABLES if table.kind == kind]
            for start in range(0, len(records), BATCH):
                plain = plain_records(kind, records[start : start + BATCH])
                for table in tables:
                    table.add(plain)
                del plain
            while tables:
                table = tables.pop(0)
                path, text = csv_path(table.table.name), table.text()
                del table
                yield path, text.encode("utf-8")
            yield json_path(kind), _json_resource(kind, records)
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

    def __iter__(self) -> Iterator[tuple[str, Data]]:
        for path, data in iter_outputs(self.dataset):
            self.paths.append(path)
            yield path, data


def _json_resource(kind: str, records: Sequence[Record]) -> Data:
    """data/<kind>.json: ``json.dumps(plain, ensure_ascii=False, indent=2) + "\\n"``, bytes.

    pydantic's own JSON serializer writes exactly those bytes (same indent, separators, key
    order and string escapes; tests/test_synth.py holds it to json.dumps) three times faster,
    except for floats under 1e-4, which it writes as 0.00001 where Python writes 1e-05; kinds
    with a float field anywhere (places) therefore go through the Python encoder. Records are
    serialised a batch at a time into one buffer, each batch's array brackets dropped, so that
    the file is never held twice.
    """
    if has_floats(RECORD_TYPES[kind]):
        return dump_bytes(plain_records(kind, records))
    if not records:
        return b"[]\n"
    out = bytearray(b"[\n")
    for start in range(0, len(records), BATCH):
        if start:
            out += b",\n"
        batch = list_adapter(kind).dump_json(list(records[start : start + BATCH]), indent=2)
        out += memoryview(batch)[2:-2]  # without the batch's own "[\n" and "\n]"
        del batch
    out += b"\n]\n"
    return out  # a bytearray: bytes(out) would copy the largest file once more


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


Outputs = Mapping[str, bytes] | Iterable[tuple[str, Data]]
"""The rendered package, or an iterator of its files (compared as they come, never all held)."""


def _compare(root: Path, outputs: Outputs) -> tuple[dict[str, Data], list[str]]:
    """The outputs that differ from the files on disk (with their new bytes), and the generated
    files on disk that the outputs no longer include."""
    different: dict[str, Data] = {}
    produced: set[str] = set()
    for path, data in outputs.items() if isinstance(outputs, Mapping) else outputs:
        produced.add(path)
        if not same_bytes(root / path, data):
            different[path] = data
    return different, sorted(_existing(root) - produced)


def same_bytes(target: Path, data: Data) -> bool:
    """Whether the file at target holds exactly data, read a block at a time (never whole)."""
    try:
        if not target.is_file() or target.stat().st_size != len(data):
            return False
        view, offset = memoryview(data), 0
        with target.open("rb") as handle:
            while block := handle.read(1 << 20):
                if view[offset : offset + len(block)] != block:
                    return False
                offset += len(block)
    except OSError:
        return False
    return offset == len(data)


def stale_files(root: Path, outputs: Outputs) -> list[str]:
    """Generated files that are missing, differ from what the records produce, or are left over."""
    different, left_over = _compare(root, outputs)
    return sorted([*different, *left_over])


def _write_staged(stage: Path, path: str, data: Data) -> Path:
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
