"""A static, self-contained timeline page of the relationship's history.

`write_site(dataset, out_dir)` writes `index.html`: one file with its CSS, its script and the
timeline's data inline, so it opens from a disk or any static host and makes no request when
viewed (its Content-Security-Policy forbids any). Beside it, by default, go the published
files (`data/*.csv`, `data/*.json`, `schema/`, `datapackage.json`) that its download links
name.

What the timeline shows is read from the models, not listed by hand: every record kind with
a `date`, `start` or `year` field gives one entry per record (meetings, events, visits,
milestones, anniversaries), and every list of nested records with a `date` gives one entry
per dated item (agreement steps). Each entry carries its sources' links.

Record text is data: it travels as JSON inside `<script type="application/json">` with `<`,
`>` and `&` escaped, and the page's script puts it on the page with `textContent` only.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import json
import posixpath
from enum import Enum
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from pydantic import BaseModel

from ..dataset import Dataset

PAGE = "index.html"
DATE_FIELDS = ("date", "start", "year")
"""Fields that place a record on the timeline, in order of preference."""
_TOKEN_ORDER = ("CSP", "GENERATOR", "CSS", "JS", "DOWNLOADS", "DATA")


def _asset(name: str) -> str:
    return (files(__package__) / name).read_text(encoding="utf-8")


def _human(value: Any) -> str:
    text = value.value if isinstance(value, Enum) else str(value)
    return text.replace("_", " ")


def _date_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _decade(date: str) -> str:
    return f"{int(date[:4]) // 10 * 10}s"


class _Lookups:
    """Names of the people, places and sources that entries refer to."""

    def __init__(self, dataset: Dataset) -> None:
        self.names = {
            kind: {str(getattr(r, "id", "")): r for r in dataset[kind]}
            for kind in ("people", "places", "sources")
        }

    def name(self, kind: str, record_id: str) -> str:
        record = self.names.get(kind, {}).get(record_id)
        return str(getattr(record, "name", record_id)) if record is not None else record_id

    def source(self, record_id: str) -> dict[str, str]:
        record = self.names["sources"].get(record_id)
        if record is None:
            return {"url": "", "title": record_id, "publisher": ""}
        return {
            "url": str(getattr(record, "url", "")),
            "title": str(getattr(record, "title", record_id)),
            "publisher": str(getattr(record, "publisher", "")),
        }


def _facts(record: BaseModel, lookups: _Lookups) -> tuple[str | None, list[str], list[str]]:
    """The place names, the people and the source ids a record names, read from its shape."""
    from ..introspect import shapes

    places: list[str] = []
    people: list[str] = []
    sources: list[str] = []
    for shape in shapes(type(record)):
        value = getattr(record, shape.name)
        if value is None:
            continue
        values = list(value) if shape.is_list else [value]
        if shape.ref == "places":
            places.extend(lookups.name("places", str(v)) for v in values)
        elif shape.ref == "people":
            people.extend(lookups.name("people", str(v)) for v in values)
        elif shape.ref == "sources":
            sources.extend(str(v) for v in values)
        elif shape.model is not None and shape.is_list:
            for item in values:
                person = getattr(item, "person", None)
                if isinstance(person, str):
                    side = getattr(item, "side", None)
                    name = lookups.name("people", person)
                    people.append(f"{name} ({side})" if side else name)
    return (", ".join(places) or None), people, sources


def _time_text(record: BaseModel) -> str | None:
    start = getattr(record, "start_local", None)
    if not isinstance(start, dt.time):
        return None
    text = start.strftime("%H:%M")
    end = getattr(record, "end_local", None)
    if isinstance(end, dt.time):
        text += "–" + end.strftime("%H:%M")
    zone = getattr(record, "timezone", None)
    return f"{text} ({zone})" if zone else text


def _entry(
    group: str,
    entry_id: str,
    date: str,
    title: str,
    record: BaseModel,
    lookups: _Lookups,
    inherited_sources: list[str],
) -> dict[str, Any]:
    place, people, sources = _facts(record, lookups)
    kind = getattr(record, "kind", None)
    details = [_human(kind)] if isinstance(kind, Enum) else []
    derived = getattr(record, "derived", None)
    if derived is True or (isinstance(derived, list) and "date" in derived):
        details.append("date worked out, not stated")
    summary = getattr(record, "summary", None) or getattr(record, "note", None)
    return {
        "id": entry_id,
        "group": group,
        "date": date,
        "decade": _decade(date),
        "time": _time_text(record),
        "title": title,
        "detail": ", ".join(details) or None,
        "place": place,
        "people": people,
        "summary": summary,
        "sources": [lookups.source(s) for s in (sources or inherited_sources)],
    }


def _label(record: BaseModel) -> str:
    for name in ("short_title", "title", "name", "label"):
        value = getattr(record, name, None)
        if isinstance(value, str):
            return value
    return str(getattr(record, "id", ""))


def _nested_title(parent: BaseModel, item: BaseModel) -> str:
    """'CPTPP: signed': the parent's label, then the item's first enumerated value."""
    first = next(
        (getattr(item, n) for n in type(item).model_fields if isinstance(getattr(item, n), Enum)),
        None,
    )
    what = _human(first) if first is not None else getattr(item, "singular", "")
    return f"{_label(parent)}: {what}"


def timeline(dataset: Dataset) -> dict[str, Any]:
    """The page's data: the entries in date order, the groups (kinds) and the decades."""
    from ..introspect import shapes
    from ..models import RECORD_TYPES
    from ..tables import parent_singular

    lookups = _Lookups(dataset)
    entries: list[dict[str, Any]] = []
    groups: dict[str, dict[str, Any]] = {}

    def add(group: str, label: str, singular: str, entry: dict[str, Any]) -> None:
        info = groups.setdefault(
            group, {"id": group, "label": label, "singular": singular, "count": 0}
        )
        info["count"] += 1
        entries.append(entry)

    for kind, model in RECORD_TYPES.items():
        fields = {s.name: s for s in shapes(model)}
        date_field = next((f for f in DATE_FIELDS if f in fields and not fields[f].is_list), None)
        nested = [
            s
            for s in fields.values()
            if s.is_list and s.model is not None and "date" in s.model.model_fields
        ]
        for record in dataset[kind]:
            record_id = str(getattr(record, "id", ""))
            own_sources = [str(s) for s in getattr(record, "sources", [])]
            date = _date_text(getattr(record, date_field)) if date_field else None
            if date:
                entry = _entry(
                    kind, f"{kind}/{record_id}", date, _label(record), record, lookups, []
                )
                add(kind, _human(kind).capitalize(), _human(model.singular), entry)
            for shape in nested:
                group = f"{parent_singular(kind, (shape.name,))}_{shape.name}"
                singular = f"{model.singular} {getattr(shape.model, 'singular', shape.name)}"
                for seq, item in enumerate(getattr(record, shape.name), start=1):
                    item_date = _date_text(getattr(item, "date", None))
                    if not item_date:
                        continue
                    title = _nested_title(record, item)
                    entry_id = f"{group}/{record_id}/{seq}"
                    entry = _entry(group, entry_id, item_date, title, item, lookups, own_sources)
                    add(group, _human(group).capitalize(), singular, entry)
    order = {group: index for index, group in enumerate(groups)}
    entries.sort(key=lambda e: (e["date"], order[e["group"]], e["id"]))
    decades = sorted({e["decade"] for e in entries})
    return {"items": entries, "groups": list(groups.values()), "decades": decades}


def embed_json(value: Any) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' reaches the HTML parser."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _descriptor_url(download_base: str) -> str:
    """Where datapackage.json is: beside the data folder, as in the package's own layout."""
    if urlsplit(download_base).scheme:
        return urljoin(download_base, "../datapackage.json")
    folder = posixpath.normpath(posixpath.join(download_base, ".."))
    return "datapackage.json" if folder == "." else posixpath.join(folder, "datapackage.json")


def _downloads(paths: list[str], download_base: str) -> str:
    from ..package import DATA_DIR, DESCRIPTOR

    def link(href: str, text: str) -> str:
        return f'<li><a href="{html.escape(href)}" download>{html.escape(text)}</a></li>'

    prefix = DATA_DIR + "/"
    tables = [p[len(prefix) :] for p in paths if p.startswith(prefix) and p.endswith(".csv")]
    records = [p[len(prefix) :] for p in paths if p.startswith(prefix) and p.endswith(".json")]
    parts = []
    if DESCRIPTOR in paths:
        parts.append("  <h3>Data package</h3>\n  <ul>")
        parts.append("    " + link(_descriptor_url(download_base), DESCRIPTOR))
        parts.append("  </ul>")
    for heading, names in (("Tables (CSV)", tables), ("Records (nested JSON)", records)):
        parts.append(f"  <h3>{heading}</h3>\n  <ul>")
        parts.extend("    " + link(download_base + name, name) for name in names)
        parts.append("  </ul>")
    return "\n".join(parts)


def render_page(dataset: Dataset, *, download_base: str = "data/") -> str:
    """The page's HTML text."""
    from .._version import __version__
    from ..build import render
    from ..package import DESCRIPTION, NAME, TITLE, descriptor

    css, js = _asset("timeline.css"), _asset("timeline.js")
    if "</" in js or "<!--" in js or "</" in css:
        raise ValueError("the page's script or style contains '</' or '<!--'")
    data = timeline(dataset)
    licence = (descriptor().get("licenses") or [{}])[0]
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src {_hash(js)}",
            f"style-src {_hash(css)}",
            "img-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    values = {
        "TITLE": html.escape(TITLE),
        "DESCRIPTION": html.escape(DESCRIPTION),
        "VERSION": html.escape(__version__),
        "PACKAGE": html.escape(NAME),
        "ENTRIES": str(len(data["items"])),
        "LICENSE": html.escape(str(licence.get("title") or licence.get("name", ""))),
        "LICENSE_URL": html.escape(str(licence.get("path", ""))),
        "CSP": html.escape(csp),
        "GENERATOR": html.escape(f"jpr site ({NAME} {__version__})"),
        "DOWNLOADS": _downloads(sorted(render(dataset)), download_base),
        "CSS": css,
        "JS": js,
        "DATA": embed_json(data),
    }
    page = _asset("page.html")
    # Fill the small, trusted values first and the data last, so no value is read as a token.
    ordered = [k for k in values if k not in _TOKEN_ORDER] + list(_TOKEN_ORDER)
    for key in ordered:
        token = f"%%{key}%%"
        if token not in page:
            raise ValueError(f"the page template has no {token}")
        page = page.replace(token, values[key])
    return page


def write_site(
    dataset: Dataset,
    out_dir: Path | str,
    *,
    download_base: str = "data/",
    with_data: bool | None = None,
) -> Path:
    """Write the timeline page (and, by default, the files it links to); return the page's path.

    `download_base` is where the page's links find the CSV and JSON files, relative to the page
    or absolute (e.g. a release's URL); datapackage.json is taken to sit beside that folder.
    `with_data` writes the published files beside the page, as the default links expect; it
    defaults to True for the default `download_base` and False for any other.
    """
    from ..build import render
    from ..export.common import atomic_write_bytes

    out = Path(out_dir)
    if with_data is None:
        with_data = download_base == "data/"
    page = render_page(dataset, download_base=download_base)
    if with_data:
        for path, data in sorted(render(dataset).items()):
            atomic_write_bytes(out / path, data)
    target = out / PAGE
    atomic_write_bytes(target, page.encode("utf-8"))
    return target
