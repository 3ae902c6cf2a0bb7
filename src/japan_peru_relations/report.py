"""Validation reports: problems with a position, a rule code and a hint, never exceptions."""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from .rules import RULES

# Control, format (zero-width, bidi), surrogate and line-separator characters: echoed as escapes
# so that a hostile file name or value can neither garble a terminal nor fail to encode.
_UNPRINTABLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def printable(text: str) -> str:
    """text with every unprintable character written as its escape (\\x00, \\u200b)."""
    if text.isprintable():
        return text
    return "".join(
        char.encode("unicode_escape").decode("ascii")
        if unicodedata.category(char) in _UNPRINTABLE
        else char
        for char in text
    )


@dataclass(frozen=True, order=True)
class Problem:
    """One broken rule at one place.

    >>> p = Problem("m.yaml", 7, 3, "start_local", "invalid-time", "'25:10' is not a time of day")
    >>> print(p)
    m.yaml:7:3: start_local: '25:10' is not a time of day [invalid-time] hint: use HH:MM, 24-hour
    """

    path: str
    line: int
    column: int
    field: str
    code: str
    message: str

    def __post_init__(self) -> None:
        # Every output (text, JSON, annotations) is then safe to print, whatever the input was.
        for name in ("path", "field", "message"):
            object.__setattr__(self, name, printable(str(getattr(self, name))))

    @property
    def hint(self) -> str:
        """The way out, from the rule registry."""
        rule = RULES.get(self.code)
        return rule.hint if rule else ""

    def __str__(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}:{self.column}" if self.column else f":{self.line}"
        subject = f" {self.field}:" if self.field else ""
        hint = f" hint: {self.hint}" if self.hint else ""
        return f"{where}:{subject} {self.message} [{self.code}]{hint}"

    def as_dict(self) -> dict[str, object]:
        """The problem as a JSON-ready mapping, hint included."""
        return {**asdict(self), "hint": self.hint}

    def as_github(self) -> str:
        """The problem as a GitHub Actions workflow annotation."""

        def escape(text: str) -> str:
            return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

        props = f"file={escape(self.path)}"
        if self.line:
            props += f",line={self.line},col={self.column}"
        title = escape(
            f"{self.code}: {RULES[self.code].title}" if self.code in RULES else self.code
        )
        body = escape(f"{self.field + ': ' if self.field else ''}{self.message}. hint: {self.hint}")
        return f"::error {props},title={title.replace(',', '%2C')}::{body}"


@dataclass
class Report:
    """Every problem found in one run, plus what was checked."""

    problems: list[Problem] = field(default_factory=list)
    checked: Counter[str] = field(default_factory=Counter)

    @property
    def valid(self) -> bool:
        """True when no rule is broken."""
        return not self.problems

    def add(self, problem: Problem) -> None:
        """Record one problem."""
        self.problems.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        """Record several problems."""
        self.problems.extend(problems)

    def sorted_problems(self) -> list[Problem]:
        """Problems by file, line, column, then code, each once."""
        return sorted(set(self.problems))

    def summary(self) -> str:
        """One line: what was checked and what was found."""
        what = ", ".join(f"{count} {kind}" for kind, count in sorted(self.checked.items()))
        problems = self.sorted_problems()
        if not problems:
            return f"valid: {what or 'nothing'} checked, no problems"
        files = len({p.path for p in problems})
        noun = "problem" if len(problems) == 1 else "problems"
        return f"invalid: {len(problems)} {noun} in {files} file(s); checked {what or 'nothing'}"

    def as_json(self) -> str:
        """The report as one JSON object."""
        problems = self.sorted_problems()
        return json.dumps(
            {
                "valid": not problems,
                "summary": self.summary(),
                "checked": dict(sorted(self.checked.items())),
                "problems": [p.as_dict() for p in problems],
            },
            ensure_ascii=False,
            indent=2,
        )
