"""Load the built records: lazily, per resource, from JSON, with no YAML and no frictionless.

>>> store = Store(default_data_dir())
>>> store.get("topics", "no-such-topic") is None
True
"""

from __future__ import annotations

import gc
import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from pydantic import TypeAdapter

from .models import RECORD_TYPES, Record

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

R = TypeVar("R", bound=Record)


class RecordNotFoundError(LookupError):
    """No record of that kind has that id; the message suggests the closest ids."""


class DataNotFoundError(FileNotFoundError):
    """The built data is missing (a source checkout that was never built)."""


def default_data_dir() -> Traversable:
    """The data shipped in the wheel, or the checkout's data/ in an editable install."""
    # An installed package is almost always plain files beside this module, and a checkout has
    # data/ two levels up; importlib.resources (a quarter of a cold start to import) is needed
    # only for a package inside a zip archive.
    here = Path(__file__).resolve()
    for candidate in (here.parent / "_data", here.parents[2] / "data"):
        if candidate.is_dir():
            return candidate
    from importlib.resources import files

    return files("japan_peru_relations") / "_data"


@cache
def _adapter(kind: str) -> TypeAdapter[list[Any]]:
    return TypeAdapter(list[RECORD_TYPES[kind]])  # type: ignore[valid-type]


def slug(text: str) -> str:
    """Fold case, accents and spacing as ids do: 'González Olaechea' -> 'gonzalez-olaechea'."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


class Store:
    """The records of one built data folder, each kind read on first use and then kept."""

    def __init__(self, data_dir: Traversable | Path | str) -> None:
        self.data_dir: Traversable = Path(data_dir) if isinstance(data_dir, str) else data_dir
        self._records: dict[str, tuple[Record, ...]] = {}
        self._index: dict[str, dict[str, Record]] = {}

    def all(self, kind: str) -> tuple[Record, ...]:
        """Every record of a kind, in id order."""
        if kind not in self._records:
            if kind not in RECORD_TYPES:
                raise RecordNotFoundError(
                    f"no record kind {kind!r}; the kinds are {', '.join(RECORD_TYPES)}"
                )
            resource = self.data_dir / f"{kind}.json"
            try:
                raw = resource.read_bytes()
            except OSError:
                raise DataNotFoundError(
                    f"{resource} is missing; in a source checkout, run `jpr build` first"
                ) from None
            # The records hold no reference cycles; pausing the cyclic collector while 10^5 of
            # them are made saves it walking the growing heap again and again (about a fifth).
            enabled = gc.isenabled()
            gc.disable()
            try:
                self._records[kind] = tuple(_adapter(kind).validate_json(raw))
            finally:
                if enabled:
                    gc.enable()
        return self._records[kind]

    def _by_id(self, kind: str) -> dict[str, Record]:
        if kind not in self._index:
            self._index[kind] = {str(getattr(r, "id", "")): r for r in self.all(kind)}
        return self._index[kind]

    def get(self, kind: str, record_id: str) -> Record | None:
        """The record with that id (case, accents and spacing ignored), or None."""
        index = self._by_id(kind)
        return index.get(record_id) or index.get(slug(record_id))

    def lookup(self, kind: str, record_id: str) -> Record:
        """The record with that id, or RecordNotFoundError naming the closest ids."""
        found = self.get(kind, record_id)
        if found is not None:
            return found
        ids = sorted(self._by_id(kind))
        import difflib  # only for the error message; kept off the import path

        close = difflib.get_close_matches(slug(record_id), ids, n=3, cutoff=0.5)
        hint = (
            f"did you mean {', '.join(map(repr, close))}?"
            if close
            else f"there are {len(ids)} {kind}"
        )
        raise RecordNotFoundError(
            f"no {RECORD_TYPES[kind].singular} with id {record_id!r}; {hint} "
            f"(list them with jpr.{kind}())"
        )


_default: Store | None = None


def default_store() -> Store:
    """The store of the shipped data, made on first use."""
    global _default
    if _default is None:
        _default = Store(default_data_dir())
    return _default


class Kind(Generic[R]):
    """Typed access to one kind of record in the shipped data."""

    def __init__(self, kind: str, model: type[R]) -> None:
        self.kind, self.model = kind, model

    def all(self) -> tuple[R, ...]:
        """Every record of this kind, in id order."""
        return cast(tuple[R, ...], default_store().all(self.kind))

    def one(self, record_id: str) -> R:
        """The record with that id; RecordNotFoundError (a LookupError) names the closest ids."""
        return cast(R, default_store().lookup(self.kind, record_id))

    def get(self, record_id: str, default: R | None = None) -> R | None:
        """The record with that id, or default."""
        found = default_store().get(self.kind, record_id)
        return cast(R, found) if found is not None else default
