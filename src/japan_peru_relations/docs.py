"""Documentation generated from the models, the tables and the rule registry.

README.md and CONTRIBUTING.md carry these between `<!-- NAME:start -->` and `<!-- NAME:end -->`
markers; `python scripts/gen_docs.py` rewrites them and a test fails when they drift.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from .dataset import Dataset
from .derived import DERIVED_TABLES
from .models import RECORD_TYPES
from .rules import RULES, Category
from .tables import TABLES


def _type_of(schema: dict[str, Any]) -> str:
    constraints = schema.get("constraints", {})
    kind = str(schema["type"])
    if "enum" in constraints:
        kind += ": " + ", ".join(f"`{v}`" for v in constraints["enum"])
    elif "pattern" in constraints:
        kind += " (pattern)"
    return kind


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def data_dictionary() -> str:
    """Every published table with its key and every column's type and meaning."""
    parts = []
    schemas = [(t.name, t.table_schema()) for t in TABLES]
    schemas += [(t.name, t.table_schema()) for t in DERIVED_TABLES]
    for name, schema in schemas:
        key = ", ".join(f"`{k}`" for k in schema["primaryKey"])
        parts.append(f"#### `{name}` (`data/{name}.csv`, key {key})\n")
        parts.append("| column | type | required | description |\n|---|---|---|---|")
        for column in schema["fields"]:
            required = "yes" if column.get("constraints", {}).get("required") else ""
            description = _cell(str(column.get("description", "")))
            kind = _cell(_type_of(column))
            parts.append(f"| `{column['name']}` | {kind} | {required} | {description} |")
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"


def rules_table() -> str:
    """Every validation rule: its code, what it checks and how to fix a failure."""
    lines = []
    for category in Category:
        rules = [r for r in RULES.values() if r.category == category]
        lines.append(f"#### {category.value}\n")
        lines.append("| code | rule | what it checks | how to fix |\n|---|---|---|---|")
        lines.extend(
            f"| `{r.code}` | {_cell(r.title)} | {_cell(r.description)} | {_cell(r.hint)} |"
            for r in rules
        )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _decade(record: object) -> str | None:
    for name in ("date", "year", "start"):
        value = getattr(record, name, None)
        if value is not None:
            return f"{str(value)[:3]}0s"
    steps = getattr(record, "steps", None)
    dated = [s.date for s in steps or [] if s.date]
    return f"{min(dated)[:3]}0s" if dated else None


def coverage_table(dataset: Dataset) -> str:
    """Records per kind and decade, for the kinds that have dates."""
    counts: Counter[tuple[str, str]] = Counter()
    decades: set[str] = set()
    for kind, record in dataset:
        decade = _decade(record)
        if decade:
            counts[kind, decade] += 1
            decades.add(decade)
    kinds = [k for k in RECORD_TYPES if any(c[0] == k for c in counts)]
    header = "| decade | " + " | ".join(kinds) + " |"
    lines = [header, "|---|" + "---|" * len(kinds)]
    for decade in sorted(decades):
        cells = [str(counts.get((k, decade), "")) for k in kinds]
        lines.append(f"| {decade} | " + " | ".join(cells) + " |")
    totals = " | ".join(str(len(dataset[k])) for k in kinds)
    lines.append(f"| **all** | {totals} |")
    undated = ", ".join(f"{len(dataset[k])} {k}" for k in RECORD_TYPES if k not in kinds)
    return "\n".join(lines) + f"\n\nAlso: {undated}.\n"


def replace_section(text: str, name: str, content: str) -> str:
    """Put content between the named markers in text; the markers must exist."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
    if not pattern.search(text):
        raise ValueError(f"markers {start} ... {end} not found")
    return pattern.sub(lambda _: f"{start}\n{content}{end}", text, count=1)
