"""Regenerate the generated sections of README.md and CONTRIBUTING.md from the code and records."""

from __future__ import annotations

import sys
from pathlib import Path

from japan_peru_relations.docs import coverage_table, data_dictionary, replace_section, rules_table
from japan_peru_relations.records import read_records

ROOT = Path(__file__).resolve().parents[1]


def generated() -> dict[Path, str]:
    """Each documentation file as it should read."""
    dataset, _, _ = read_records(ROOT)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    readme = replace_section(readme, "data-dictionary", data_dictionary())
    readme = replace_section(readme, "coverage", coverage_table(dataset))
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    contributing = replace_section(contributing, "rules", rules_table())
    return {ROOT / "README.md": readme, ROOT / "CONTRIBUTING.md": contributing}


def main() -> int:
    """Write the files whose generated sections changed; with --check, only report them."""
    stale = [p for p, text in generated().items() if p.read_text(encoding="utf-8") != text]
    if "--check" in sys.argv[1:]:
        for path in stale:
            print(f"{path.name}: generated sections out of date; run python scripts/gen_docs.py")
        return 1 if stale else 0
    for path, text in generated().items():
        path.write_text(text, encoding="utf-8")
    print(f"{len(stale)} file(s) updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
