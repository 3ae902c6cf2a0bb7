"""Every event the fact sheet documents is in the records, and every record cites its sources.

Section A of the fact sheet (../shared/facts/japan-peru-facts.md) lists the Japan-Peru pages, one
entry each (`### A<n>.`). An entry that rests on an official Japanese text must be represented by a
meeting, event, visit or agreement citing that text's URL; entries resting on press reports must be
represented too, unless they are listed in EXCLUDED with the reason. The records are read from
records/ directly, so these tests do not depend on `jpr build`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache
from urllib.parse import urlsplit

import pytest

from japan_peru_relations.dataset import Dataset
from japan_peru_relations.models import Record
from japan_peru_relations.records import read_records

from .conftest import FACTS, ROOT, needs_shared

OFFICIAL_HOSTS = ("mofa.go.jp", "kantei.go.jp", "mof.go.jp", "emb-japan.go.jp", "mod.go.jp")
"""Hosts of the Japanese government texts the fact sheet relies on."""

REPRESENTING_KINDS = ("meetings", "events", "visits", "agreements")
"""The kinds of record that can stand for a fact-sheet entry."""

# Entries of section A deliberately left out of the records, with the reason. Keep it small and
# honest: a test below fails when a listed entry is in fact recorded or is not in the fact sheet.
EXCLUDED: dict[str, str] = {
    # Andina (press) dates the handover of 32 donated ambulances only 'on Thursday', with no week
    # or date printed; a record needs at least the day's month, and guessing it would invent a fact.
    "A36": "press only, and the date of the ambulance handover is not sourced",
}

_ENTRY = re.compile(r"^### (A\d+)\. ", re.MULTILINE)
_URL = re.compile(r"https://[^\s;)\]>\"']+")


@cache
def dataset() -> Dataset:
    """Every valid record under records/."""
    return read_records(ROOT)[0]


@cache
def section_a() -> dict[str, str]:
    """Section A of the fact sheet, entry name (A1, A2, ...) -> the entry's text."""
    text = FACTS.read_text(encoding="utf-8")
    start = text.index("## A.")
    end = text.index("\n## ", start + 1)
    body = text[start:end]
    parts = _ENTRY.split(body)[1:]  # [name, text, name, text, ...]
    return dict(zip(parts[::2], parts[1::2], strict=True))


def urls(entry_text: str) -> set[str]:
    """The https URLs an entry prints (http-only pages cannot be cited, so they do not count)."""
    return {url.rstrip(".,") for url in _URL.findall(entry_text)}


def is_official(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    return any(host == h or host.endswith("." + h) for h in OFFICIAL_HOSTS)


def cited_ids(record: Record) -> Iterator[str]:
    """The source ids a record cites, its agreement steps' included."""
    yield from getattr(record, "sources", [])
    for step in getattr(record, "steps", []):
        yield from step.sources


@cache
def cited_urls() -> dict[str, set[str]]:
    """URL -> ids of the meetings, events, visits and agreements citing it."""
    url_of = {str(s.id): str(s.url) for s in dataset()["sources"]}  # type: ignore[attr-defined]
    found: dict[str, set[str]] = {}
    for kind in REPRESENTING_KINDS:
        for record in dataset()[kind]:
            for source in cited_ids(record):
                found.setdefault(url_of[source], set()).add(f"{kind}/{record.id}")  # type: ignore[attr-defined]
    return found


def represented(entry: str) -> bool:
    return any(url in cited_urls() for url in urls(section_a()[entry]))


@needs_shared(FACTS)
def test_section_a_is_read() -> None:
    entries = section_a()
    assert list(entries) == [f"A{n}" for n in range(1, len(entries) + 1)]
    assert len(entries) == 57, "the fact sheet counts 57 entries in section A"
    assert all(urls(text) for text in entries.values()), "every entry prints an https URL"


@needs_shared(FACTS)
def test_every_official_entry_is_recorded() -> None:
    official = {
        entry: sorted(u for u in urls(text) if is_official(u))
        for entry, text in section_a().items()
        if any(is_official(u) for u in urls(text))
    }
    assert len(official) > 30, official
    missing = {
        entry: found
        for entry, found in official.items()
        if entry not in EXCLUDED and not any(url in cited_urls() for url in found)
    }
    assert not missing, "entries with an official URL that no meeting, event, visit or " + (
        "agreement cites:\n" + "\n".join(f"  {e}: {' '.join(u)}" for e, u in missing.items())
    )


@needs_shared(FACTS)
def test_every_press_entry_is_recorded_or_excluded() -> None:
    missing = [e for e in section_a() if e not in EXCLUDED and not represented(e)]
    assert not missing, "entries no record cites, and EXCLUDED does not list: " + ", ".join(missing)


@needs_shared(FACTS)
@pytest.mark.parametrize("entry", sorted(EXCLUDED))
def test_excluded_entries_are_really_left_out(entry: str) -> None:
    assert entry in section_a(), f"{entry} is not an entry of section A"
    assert not represented(entry), f"{entry} is recorded: remove it from EXCLUDED"


def _decade(record: Record) -> str | None:
    """The decade a record belongs to, from its date, start, year or first dated step."""
    for name in ("date", "start", "year", "published"):
        value = getattr(record, name, None)
        if value is not None:
            return f"{str(value)[:3]}0s"
    dated = sorted(step.date for step in getattr(record, "steps", []) if step.date)
    return f"{dated[0][:3]}0s" if dated else None


def test_counts_by_kind_and_decade() -> None:
    counts: Counter[tuple[str, str]] = Counter()
    for kind, record in dataset():
        counts[kind, _decade(record) or "undated"] += 1
    decades = sorted({d for _, d in counts})
    kinds = [kind for kind in dataset().counts() if dataset()[kind]]
    print("\n" + "decade".ljust(9) + "".join(k[:11].rjust(12) for k in kinds))
    for decade in decades:
        print(decade.ljust(9) + "".join(str(counts[k, decade] or "").rjust(12) for k in kinds))
    print("all".ljust(9) + "".join(str(len(dataset()[k])).rjust(12) for k in kinds))
    assert sum(counts.values()) == sum(dataset().counts().values())
    for kind in ("meetings", "events", "visits", "milestones", "anniversaries"):
        assert counts[kind, "undated"] == 0, f"every {kind[:-1]} has a date"
        assert dataset()[kind], f"there are {kind}"


def test_every_record_cites_a_source() -> None:
    uncited = [
        f"{kind}/{record.id}"  # type: ignore[attr-defined]
        for kind, record in dataset()
        if kind not in ("topics", "sources") and not list(cited_ids(record))
    ]
    assert not uncited, "records citing no source: " + ", ".join(uncited)


def test_every_anniversary_is_mentioned_by_a_record() -> None:
    mentioned = {
        anniversary
        for kind in ("meetings", "events", "visits")
        for record in dataset()[kind]
        for anniversary in getattr(record, "anniversaries", [])
    }
    unmentioned = sorted(dataset().ids("anniversaries") - mentioned)
    assert not unmentioned, "anniversaries no meeting, event or visit mentions: " + ", ".join(
        unmentioned
    )
