"""Generated documentation is current, and every command and option is documented."""

from __future__ import annotations

import runpy

from japan_peru_relations.cli import parser

from .conftest import ROOT


def test_generated_sections_are_current() -> None:
    generated = runpy.run_path(str(ROOT / "scripts" / "gen_docs.py"))["generated"]()
    for path, text in generated.items():
        stale = path.read_text(encoding="utf-8") != text
        assert not stale, f"run python scripts/gen_docs.py ({path.name})"


def test_readme_opens_with_the_setup_and_the_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = readme.split("```sh\n")[1:3]
    assert blocks[0].startswith('python3 -m venv .venv && .venv/bin/pip install -e ".[dev]"')
    assert "jpr validate" in blocks[0].splitlines()[0]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert blocks[1].splitlines()[0] in ci


def test_every_command_and_option_has_help_and_an_example() -> None:
    top = parser()
    commands = next(a for a in top._actions if a.dest == "command")
    for name, sub in commands.choices.items():  # type: ignore[union-attr]
        assert sub.description, name
        assert (sub.epilog or "").startswith("Example: jpr " + name), name
        for action in sub._actions:
            if action.dest != "help":
                assert action.help, (name, action.dest)
