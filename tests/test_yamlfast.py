"""yamlfast.parse_block_yaml: the data it returns is exactly read_yaml's; otherwise DECLINED.

The contract, checked differentially against read_yaml (PyYAML's C parser): for every text,
either the fast parser returns DECLINED, or read_yaml reports no error and gives the same value
(the same strings, None where read_yaml has None, the same key order). Real records and the
synthetic generator's records are never declined; the regression table pins each construct
the subset accepts and each it declines; hypothesis throws dumped, hand-written and random
texts at both parsers.
"""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from japan_peru_relations import yamlread
from japan_peru_relations.yamlfast import DECLINED, MAX_BYTES, MAX_DEPTH, parse_block_yaml
from japan_peru_relations.yamlread import read_yaml

from .conftest import ROOT, synth_module

RECORDS = sorted((ROOT / "records").rglob("*.yaml"))
PROPERTY = settings(
    max_examples=200,
    deadline=None,
    database=None,  # no .hypothesis/ folder left in the checkout
    suppress_health_check=[HealthCheck.too_slow],
)


def _ordered(value: Any) -> Any:
    """The value with every mapping as a list of pairs, so that key order counts in ==."""
    if isinstance(value, dict):
        return [(key, _ordered(item)) for key, item in value.items()]
    if isinstance(value, list):
        return [_ordered(item) for item in value]
    return value


def agrees(text: str) -> object:
    """The fast result, after checking the contract: DECLINED, or read_yaml's value exactly."""
    fast = parse_block_yaml(text)
    if fast is DECLINED:
        return fast
    # With positions, read_yaml always runs PyYAML's parser (without, it may call this one).
    doc = read_yaml(text.encode("utf-8"), positions=True)
    assert doc.errors == [], f"accepted a text read_yaml refuses: {text!r}"
    assert doc.positions, "read_yaml did not run the full parser"
    assert _ordered(fast) == _ordered(doc.value), f"differs from read_yaml on {text!r}"
    return fast


# ---------------------------------------------------------------------------------------------
# Real and synthetic records: never declined
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_real_record_is_read_fast_and_exactly(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert agrees(text) is not DECLINED


def test_the_repository_has_records() -> None:
    assert len(RECORDS) > 100


def test_synthetic_records_are_read_fast_and_exactly(tmp_path: Path) -> None:
    synth = synth_module()
    written = synth.write_records(tmp_path, synth.generate(300, seed=11))
    paths = sorted((tmp_path / "records").rglob("*.yaml"))
    assert len(paths) == written > 300
    declined = [p.name for p in paths if agrees(p.read_text(encoding="utf-8")) is DECLINED]
    assert declined == []


# ---------------------------------------------------------------------------------------------
# The regression table: each construct accepted, each declined
# ---------------------------------------------------------------------------------------------

ACCEPTED: list[tuple[str, object]] = [
    # mappings, the empty value and the null words (plain only)
    ("a: b\n", {"a": "b"}),
    ("a: b", {"a": "b"}),
    (" a: b\n c: d\n", {"a": "b", "c": "d"}),
    ("a:\n", {"a": None}),
    ("a:   \nb: c\n", {"a": None, "b": "c"}),
    (
        "a: ~\nb: null\nc: Null\nd: NULL\ne:",
        {"a": None, "b": None, "c": None, "d": None, "e": None},
    ),
    ("a: nULL\nb: none\n", {"a": "nULL", "b": "none"}),
    ("a: ''\nb: \"\"\nc: 'null'\nd: \"~\"\n", {"a": "", "b": "", "c": "null", "d": "~"}),
    ("z: 1\na: 2\nm: 3\n", {"z": "1", "a": "2", "m": "3"}),
    ("2009: x\nsnake_case-and.dots: y\n", {"2009": "x", "snake_case-and.dots": "y"}),
    # every scalar stays a string
    (
        "t: 09:10\ny: 2009\nb: yes\nf: 1e3\nh: 0x1F\nd: 2024-01-02\n",
        {"t": "09:10", "y": "2009", "b": "yes", "f": "1e3", "h": "0x1F", "d": "2024-01-02"},
    ),
    # plain scalars: what stays inside them
    ("a: b:c\n", {"a": "b:c"}),
    ("a: http://x.org/p?q=1#frag\n", {"a": "http://x.org/p?q=1#frag"}),
    ("a: C# and F#\n", {"a": "C# and F#"}),
    ("a: b   \n", {"a": "b"}),
    ("a:     b  c\n", {"a": "b  c"}),
    (
        "a: -77.0428\nb: --\nc: x - y\nd: -x\n",
        {"a": "-77.0428", "b": "--", "c": "x - y", "d": "-x"},
    ),
    ("a: x [y] and {z}, w\n", {"a": "x [y] and {z}, w"}),
    ('a: it\'s "so"\n', {"a": 'it\'s "so"'}),
    ("a: Perú 日本 😀\n", {"a": "Perú 日本 😀"}),
    ("a: \u00a0x\u00a0\n", {"a": "\u00a0x\u00a0"}),  # no-break space is not YAML whitespace
    ("a: x\u3000\n", {"a": "x\u3000"}),
    # single-quoted
    ("a: 'it''s'\n", {"a": "it's"}),
    ("a: ''''\n", {"a": "'"}),
    ("a: ' lead and trail '  \n", {"a": " lead and trail "}),
    ("a: 'b: c # d'\n", {"a": "b: c # d"}),
    ("a: 'a\\nb'\n", {"a": "a\\nb"}),
    # double-quoted, with libyaml's escapes
    ('a: "b: c # d"\n', {"a": "b: c # d"}),
    ('a: "x\\ty\\n\\"q\\" \\\\ \\/"\n', {"a": 'x\ty\n"q" \\ /'}),
    ('a: "\\x41\\u00e9\\U0001F600"\n', {"a": "Aé😀"}),
    ('a: "\\0\\a\\b\\v\\f\\r\\e\\ \\N\\_\\L\\P"\n', {"a": "\0\a\b\v\f\r\x1b \x85\xa0\u2028\u2029"}),
    ('a: "\\u0000\\uFFFF"\n', {"a": "\0\uffff"}),
    ('a: " x "\n', {"a": " x "}),
    # entries after the first take a short way; what it cannot take goes the long way
    (
        "a: 1\nb: x:y\nc:  two\nd: e  \ne-f: g\nh: -5\ni: 'q'\nj:\nk: ~\n",
        {"a": "1", "b": "x:y", "c": "two", "d": "e", "e-f": "g", "h": "-5", "i": "q", "j": None}
        | {"k": None},
    ),
    (
        "a:\n  - 1\n  - x:y\n  -  two\n  - e  \n  - -5\n  - 'q'\n  - k:\n  - ~\n",
        {"a": ["1", "x:y", "two", "e", "-5", "q", {"k": None}, None]},
    ),
    # comments and blank lines
    ("# head\na: b\n\n# c\n      # d\nc: d\n\n", {"a": "b", "c": "d"}),
    ("a:\n  # between\n  b: c\n", {"a": {"b": "c"}}),
    ("a:\n  - x\n# at column 0\n  - y\n", {"a": ["x", "y"]}),
    # nested mappings
    ("a:\n  b:\n    c: d\n  e: f\ng: h\n", {"a": {"b": {"c": "d"}, "e": "f"}, "g": "h"}),
    ("a:\n   b: c\n", {"a": {"b": "c"}}),
    # sequences, indented and at their key's indentation
    ("a:\n  - x\n  - y\n", {"a": ["x", "y"]}),
    ("a:\n- x\n- y\nb: z\n", {"a": ["x", "y"], "b": "z"}),
    ("a:\n    -   x\n", {"a": ["x"]}),
    ("a:\n  - ~\n  - null\n  - ''\n  -\n  - ---\n", {"a": [None, None, "", None, "---"]}),
    ("a:\n  -\n  - x\n  -", {"a": [None, "x", None]}),
    # compact collections in items
    ("a:\n  - x: 1\n    y: 2\n  - x: 3\n", {"a": [{"x": "1", "y": "2"}, {"x": "3"}]}),
    ("a:\n- x: 1\n  y:\n  - p\n  - q\nb: c\n", {"a": [{"x": "1", "y": ["p", "q"]}], "b": "c"}),
    ("a:\n  -   x: 1\n      y: 2\n", {"a": [{"x": "1", "y": "2"}]}),
    ("a:\n  - - x\n    - y\n  - z\n", {"a": [["x", "y"], "z"]}),
    ("a:\n  - - - x\n", {"a": [[["x"]]]}),
    ("a:\n  -\n    b: c\n", {"a": [{"b": "c"}]}),
    ("a:\n  -\n   - b\n", {"a": [["b"]]}),
    ("a:\n  - b:\n      c: d\n", {"a": [{"b": {"c": "d"}}]}),
    ("a:\n  - b:\n  - c:\n    d:\n", {"a": [{"b": None}, {"c": None, "d": None}]}),
    # literal and folded block scalars, clip and strip
    ("a: |\n  x\n  y\n", {"a": "x\ny\n"}),
    ("a: |-\n  x\n  y\n", {"a": "x\ny"}),
    ("a: >\n  x\n  y\n", {"a": "x y\n"}),
    ("a: >-\n  x\n  y\n", {"a": "x y"}),
    ("a: >-\n  x\n\n  y\n\n\n  z\n", {"a": "x\ny\n\nz"}),
    ("a: >\n  x\n  y\n \n\nb: c\n", {"a": "x y\n", "b": "c"}),
    ("a: |\n  x\n\n  y\n\n\nb: c\n", {"a": "x\n\ny\n", "b": "c"}),
    ("a: |\n  x\n    y\n   z\n", {"a": "x\n  y\n z\n"}),
    ("a: |\n  # not a comment\n  x  \n", {"a": "# not a comment\nx  \n"}),
    ("a: |\n  x", {"a": "x"}),
    ("a: >\n  x\n  y", {"a": "x y"}),
    ("a: |-  \n    x\n    y\nb: c\n", {"a": "x\ny", "b": "c"}),
    ("a: >-\n x: y # z\n 'q'\n", {"a": "x: y # z 'q'"}),
    ("a:\n  - >-\n    x\n    y\n  - z\n", {"a": ["x y", "z"]}),
    ("a:\n- |\n x\n", {"a": ["x\n"]}),
    ("a:\n  - b: |\n      x\n    c: d\n", {"a": [{"b": "x\n", "c": "d"}]}),
]


def _deep(depth: int) -> str:
    """depth mappings, each the only value of the one before."""
    return "".join(f"{'  ' * level}k:\n" for level in range(depth - 1)) + "  " * depth + "k: v\n"


def _deep_lists(depth: int) -> str:
    """The top mapping and depth - 1 sequences, each the only item of the one before."""
    return "a:\n  " + "- " * (depth - 1) + "x\n"


DECLINED_TEXTS: list[str] = [
    # no record, or not a mapping at the top
    "",
    "\n",
    "# only a comment\n",
    "   \n",
    "- a\n",
    "a\n",
    "'a'\n",
    " a: b\nc: d\n",
    # flow collections, anchors, aliases, tags, directives, documents
    "a: [b]\n",
    "a: {b: c}\n",
    "a:\n  - [b]\n",
    "a: &x b\n",
    "a: *x\n",
    "a: !t b\n",
    "a: !!str b\n",
    "%YAML 1.1\n---\na: b\n",
    "---\na: b\n",
    "a: b\n...\n",
    "a: b\n---\nc: d\n",
    # characters YAML refuses or reads as breaks, tabs, CR, BOM
    "a:\tb\n",
    "a:\n\t- b\n",
    "a: b\tc\n",
    "a: b\rc: d\n",
    "a: b\r",
    "a: b\r\r\n",
    "a: |\r\n  x\r\r\n",
    "\ufeffa: b\n",
    "a: b\ufeff\n",
    "a: b\x85c\n",
    "a: b\u2028c\n",
    "a: b\u2029c\n",
    "a: b\x00\n",
    "a: \x7f\n",
    "a: \x1b\n",
    "a: \ud800\n",
    "a: \ufffe\n",
    # comments after content
    "a: b # comment\n",
    "a: # comment\n",
    "a:\n  - b # c\n",
    "a: 'b' # c\n",
    "a: | # c\n  x\n",
    # scalars over several lines
    "a: b\n  c\n",
    "a:\n  b\n",
    "a:\n  - b\n    c\n",
    "a:\n- b\n c\n",
    "a: 'b\n  c'\n",
    'a: "b\n  c"\n',
    'a: "b\\\n  c"\n',
    "a: 'b\n",
    # keys outside the subset, duplicate keys
    "? a\n: b\n",
    "a b: c\n",
    "'a': b\n",
    '"a": b\n',
    "a : b\n",
    "a:b\n",
    "-a: b\n",
    "null: b\n",
    "~: b\n",
    "a: b\na: c\n",
    "a: b\nnull: c\n",
    "a: b\nc: d\na: e\n",
    "a:\n  - b: 1\n    b: 2\n",
    "k" * 201 + ": v\n",
    # odd indentation and collections that YAML refuses
    "a:\n  b: c\n d: e\n",
    "a:\n    b: c\n  d: e\n",
    "a:\n  - b\n  c: d\n",
    "a: b\n- c\n",
    "a:\n  - b\n - c\n",
    "a:\n  - b: c\n   d: e\n",
    # values starting with an indicator, or making a key
    "a: - b\n",
    "a: -\n",
    "a: ? b\n",
    "a: ?b\n",
    "a: : b\n",
    "a: :b\n",
    "a: ,b\n",
    "a: %b\n",
    "a: @b\n",
    "a: `b\n",
    "a: ]\n",
    "a: }\n",
    "a: b: c\n",
    "a: b:\n",
    "a: b :\n",
    "a:\n  - b c: d\n",
    "a: 'b' c\n",
    'a: "b" c\n',
    "a: 'b': c\n",
    # block scalars outside the subset
    "a: |x\n",
    "a: |+\n  x\n",
    "a: >+\n  x\n",
    "a: |2\n  x\n",
    "a: >-2\n  x\n",
    "a: |\n\n  x\n",
    "a: |\n  \n  x\n",
    "a: >\n  x\n   y\n",
    "a: |\nb: c\n",
    "a: |\n",
    "a: |\n  x\n   \n",
    "a: |\n    x\n  y\n",
    "a:\n  - |\n  x\n",
    # double-quoted escapes libyaml refuses
    'a: "\\q"\n',
    'a: "\\\'"\n',
    'a: "\\ud800"\n',
    'a: "\\ud83d\\ude00"\n',
    'a: "\\U00110000"\n',
    'a: "\\x4"\n',
    'a: "\\x4g"\n',
    'a: "\\u_123"\n',
    # nesting deeper than read_yaml allows
    _deep(MAX_DEPTH + 1),
    _deep_lists(MAX_DEPTH + 1),
]


@pytest.mark.parametrize(("text", "expected"), ACCEPTED)
def test_accepted_construct(text: str, expected: object) -> None:
    assert agrees(text) == expected
    assert _ordered(parse_block_yaml(text)) == _ordered(expected)


@pytest.mark.parametrize(("text", "expected"), ACCEPTED)
def test_crlf_line_breaks_read_as_lf(text: str, expected: object) -> None:
    # libyaml takes CR LF as one line break, given as LF inside block scalars
    crlf = text.replace("\n", "\r\n")
    assert _ordered(agrees(crlf)) == _ordered(expected)


@pytest.mark.parametrize("text", DECLINED_TEXTS)
def test_declined_construct(text: str) -> None:
    assert parse_block_yaml(text) is DECLINED


def test_the_bounds_are_read_yamls() -> None:
    assert (MAX_BYTES, MAX_DEPTH) == (yamlread.MAX_BYTES, yamlread.MAX_DEPTH)


def test_nesting_up_to_the_bound_is_read() -> None:
    for deep in (_deep, _deep_lists):
        assert agrees(deep(MAX_DEPTH)) is not DECLINED
        assert read_yaml(deep(MAX_DEPTH + 1).encode()).errors


def test_a_file_over_the_size_bound_is_declined() -> None:
    # é is two bytes in UTF-8: the bound counts bytes, not characters.
    text = "a: " + "é" * (MAX_BYTES // 2) + "\n"
    assert parse_block_yaml(text) is DECLINED
    assert read_yaml(text.encode()).errors
    assert agrees("a: " + "é" * (MAX_BYTES // 2 - 4) + "\n") is not DECLINED
    ascii_text = "a: " + "x" * MAX_BYTES + "\n"
    assert parse_block_yaml(ascii_text) is DECLINED
    assert read_yaml(ascii_text.encode()).errors


def test_declined_repr_names_it() -> None:
    assert repr(DECLINED) == "DECLINED"


# ---------------------------------------------------------------------------------------------
# Hypothesis: record-like data dumped by PyYAML and by a contributor-style emitter
# ---------------------------------------------------------------------------------------------

# Single-line strings (and a few multi-line ones) that YAML gives some meaning to.
_TRICKY = (
    *("a: b", "it's", 'say "hi"', "# not a comment", "x #y", "x# y", "null", "Null", "~", ""),
    *(" ", " lead", "trail ", "09:10", "2009", "yes", "on", "1e3", "-5", "-", "--", "- item"),
    *("? q", ": v", "[x]", "{y}", "x [y] {z}", "&a", "*b", "!t", "!!str x", "%p", "@x", "`x"),
    *("|", ">", "|-", "a:b", "a:", "Perú", "日本語", "😀", "C# and F#", "x - y", "a\nb", "'"),
    *("a\n\nb\n", "line\n", '"', "''", "\\", "\\n", "a  b", "---", "...", "\xa0", "k: v\nk: w"),
)
# Pieces that break YAML, or that YAML reads in its own way: control characters, breaks, tabs.
_PIECES = (
    *("", " ", "  ", ":", ": ", " #", "#", "'", '"', "''", "-", "- ", "? ", "|", ">", "&a"),
    *("*a", "!", "[", "]", "{", "}", ",", "%", "@", "`", "\\", "~", "null", "Null", "NULL"),
    *("yes", "2009", "09:10", "2024-01-02", "1e3", "-5", "0x1F", "\n", "\n\n", "\t", "é"),
    *("日本", "😀", "\u2028", "\x85", "\xa0", "\ufeff", "\x00", "\x7f", "\r\n", "a", "Lima"),
    *("word", "two words", " lead", "trail ", "\n  indented"),
)
tricky = st.sampled_from(_TRICKY) | st.lists(st.sampled_from(_TRICKY), min_size=2, max_size=4).map(
    " ".join
)
nasty = st.lists(st.sampled_from(_PIECES), max_size=6).map("".join) | st.text(max_size=12)
strings = st.one_of(tricky, tricky, nasty)
plain_keys = st.from_regex(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,8}", fullmatch=True).filter(
    lambda key: key not in {"null", "Null", "NULL"}
)
# Mostly keys PyYAML writes plain (it quotes `1`, `yes` or `null`), so that most dumps stay in
# the subset and are compared, not declined.
word_keys = st.from_regex(r"[a-z_][a-z_]{3,8}", fullmatch=True)
some_keys = st.one_of(word_keys, word_keys, word_keys, plain_keys, st.sampled_from(_TRICKY))


def _data(keys: st.SearchStrategy[str]) -> st.SearchStrategy[dict[str, Any]]:
    """Record-like data: mappings of strings, None, lists and mappings of the same."""

    def collections(kids: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
        # never empty: block style has no way to write [] or {}
        return st.lists(kids, min_size=1, max_size=4) | st.dictionaries(
            keys, kids, min_size=1, max_size=4
        )

    values = st.recursive(st.none() | strings, collections, max_leaves=12)
    return st.dictionaries(keys, values, min_size=1, max_size=6)


def _depth(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    return 0


@PROPERTY
@given(
    data=_data(some_keys),
    style=st.sampled_from([None, "", "'", '"', "|", ">"]),
    width=st.sampled_from([20, 80, 1000]),
    allow_unicode=st.booleans(),
    indent=st.sampled_from([2, 4]),
)
def test_pyyaml_dumps_are_declined_or_read_exactly(
    data: dict[str, Any], style: str | None, width: int, allow_unicode: bool, indent: int
) -> None:
    text = yaml.safe_dump(
        data,
        default_flow_style=False,
        default_style=style,
        width=width,
        allow_unicode=allow_unicode,
        indent=indent,
        sort_keys=False,
    )
    agrees(text)


# The characters the subset takes literally: printable YAML less tabs, NEL, LS, PS and BOM.
_LITERAL = "[ -~\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]*"
_LITERAL_TEXT = re.compile(_LITERAL).fullmatch
_LITERAL_LINES = re.compile(f"(?:{_LITERAL}\n)*{_LITERAL}").fullmatch
_NULL_WORDS = ("~", "null", "Null", "NULL")


def _plain_ok(text: str) -> bool:
    """Whether text can be written plain, on one line, and be read back as itself."""
    return bool(
        text
        and _LITERAL_TEXT(text)
        and (text[0] not in "-?:,[]{}#&*!|>'\"%@` " or re.match("-[^ ]", text))
        and not text.endswith((" ", ":"))
        and ": " not in text
        and " #" not in text
        and text not in _NULL_WORDS
    )


def _double_quoted(text: str, rnd: random.Random) -> str:
    """text double-quoted, escaping what the subset does not take literally."""
    short = {"\n": "\\n", "\t": "\\t", "\0": "\\0", "\x1b": "\\e", "\x85": "\\N", "/": "\\/"}
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif char in short and (not _LITERAL_TEXT(char) or rnd.random() < 0.3):
            out.append(short[char])
        elif _LITERAL_TEXT(char):
            out.append(char)
        elif ord(char) <= 0xFF:
            out.append(f"\\x{ord(char):02x}")
        elif ord(char) <= 0xFFFF:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(f"\\U{ord(char):08x}")
    return '"' + "".join(out) + '"'


def _literal_block(text: str, indent: str) -> list[str] | None:
    """text as a `|` or `|-` block, or None when the subset cannot hold it that way."""
    body, header = (text[:-1], "|") if text.endswith("\n") else (text, "|-")
    lines = body.split("\n")
    if (
        not _LITERAL_LINES(body)
        or not lines[0]
        or lines[0].startswith(" ")
        or not lines[-1]
        or any(line.strip(" ") == "" and line for line in lines)
    ):
        return None
    return [header] + [indent + line if line else "" for line in lines]


def _folded_block(text: str, indent: str, rnd: random.Random) -> list[str] | None:
    """text as a `>` or `>-` block wrapped at random spaces, or None when it cannot be."""
    body, header = (text[:-1], ">") if text.endswith("\n") else (text, ">-")
    paragraphs = body.split("\n")
    if not _LITERAL_LINES(body) or not paragraphs[0] or not paragraphs[-1]:
        return None
    lines = [header]
    for number, paragraph in enumerate(paragraphs):
        if number:
            lines.append("")  # folding keeps one line break for each empty line
        if not paragraph:
            continue
        if paragraph != paragraph.strip(" ") or "  " in paragraph:
            return None  # a leading space makes a more-indented line, kept apart when folded
        words = paragraph.split(" ")
        line = words[0]
        for word in words[1:]:
            if rnd.random() < 0.4:
                lines.append(indent + line)  # a single break between lines folds to a space
                line = word
            else:
                line += " " + word
        lines.append(indent + line)
    return lines


def _scalar(head: str, value: str | None, indent: int, rnd: random.Random) -> list[str]:
    """The entry `head` (a `key:` or `-`) with a scalar, in a style the value allows."""
    if value is None:
        return [head + rnd.choice(["", "   ", " ~", " null", " Null", " NULL"])]
    content = " " * (indent + rnd.choice([1, 2, 4]))
    forms: list[list[str]] = [[f" {_double_quoted(value, rnd)}"]]
    if _plain_ok(value):
        forms.append([f" {value}"])
    if "\n" not in value and _LITERAL_TEXT(value):
        forms.append([" '" + value.replace("'", "''") + "'"])
    for block in (_literal_block(value, content), _folded_block(value, content, rnd)):
        if block:
            forms.append([f" {block[0]}", *block[1:]])
    form = rnd.choice(forms)
    return [head + form[0], *form[1:]]


def _entry(head: str, value: Any, indent: int, rnd: random.Random, in_map: bool) -> list[str]:
    """An entry whose head is at a collection indented by indent."""
    if isinstance(value, dict):
        return [head, *_mapping(value, indent + rnd.choice([1, 2, 4]), rnd)]
    if isinstance(value, list):
        # a sequence may sit at its key's indentation, as many contributors write it
        at = indent if in_map and rnd.random() < 0.5 else indent + rnd.choice([1, 2, 4])
        return [head, *_sequence(value, at, rnd)]
    return _scalar(head, value, indent, rnd)


def _aside(rnd: random.Random) -> list[str]:
    """Now and then a blank line or a comment between entries (at column 0, which no block
    scalar's content reaches)."""
    return [rnd.choice(["", "# a comment", "#"])] if rnd.random() < 0.15 else []


def _mapping(data: dict[str, Any], indent: int, rnd: random.Random) -> list[str]:
    lines: list[str] = []
    for key, value in data.items():
        if lines:
            lines += _aside(rnd)
        lines += _entry(" " * indent + key + ":", value, indent, rnd, in_map=True)
    return lines


def _sequence(items: list[Any], indent: int, rnd: random.Random) -> list[str]:
    lines: list[str] = []
    for item in items:
        if lines:
            lines += _aside(rnd)
        if isinstance(item, dict | list) and rnd.random() < 0.7:
            # compact: the item's first line shares the dash's line (`- key: value`, `- - a`)
            gap = rnd.choice([2, 2, 4])
            if isinstance(item, dict):
                inner = _mapping(item, indent + gap, rnd)
            else:
                inner = _sequence(item, indent + gap, rnd)
            lines += [" " * indent + "-" + inner[0][indent + 1 :], *inner[1:]]
        else:
            lines += _entry(" " * indent + "-", item, indent, rnd, in_map=False)
    return lines


@PROPERTY
@given(data=_data(plain_keys), rnd=st.randoms(use_true_random=False), crlf=st.booleans())
def test_contributor_style_yaml_is_read_fast_and_exactly(
    data: dict[str, Any], rnd: random.Random, crlf: bool
) -> None:
    assume(_depth(data) <= MAX_DEPTH)
    text = ("\r\n" if crlf else "\n").join([*_mapping(data, 0, rnd), ""])
    assert agrees(text) is not DECLINED, text
    assert _ordered(parse_block_yaml(text)) == _ordered(data)


# ---------------------------------------------------------------------------------------------
# Hypothesis: arbitrary texts made of the characters and lines YAML gives meaning to
# ---------------------------------------------------------------------------------------------

_TOKENS = (
    *("-", "- ", ":", ": ", " ", "  ", "#", " #", "'", '"', "''", "|", "|-", ">", ">-", "|+"),
    *("&a", "*a", "!", "!!str", "[", "]", "{", "}", ",", "?", "? ", "%", "@", "\\", "\\n"),
    *("\\x41", "\\u00e9", "~", "null", "a", "b", "key", "09:10", "é", "\t", "\r", "\u2028"),
    *("\ufeff", "---", "...", "\r\n", "\n", "\n", "\n", "\n  ", "\n    ", "\n- ", "\n  - ", "\n "),
)
_VALUES = (
    *("", "", "x", "y z", "|", ">-", ">", "|-", "'it''s'", '"t\\tu"', "null", "~", "x: y"),
    *("x #c", "[x]", "&n x", "*n", "x   ", "-1", "- x", "'x", '"y', "''", "é", "😀", "09:10"),
)
_BODIES = (
    *(f"{key}:{' ' if value else ''}{value}" for key in "abcdef" for value in _VALUES),
    *("x", "'x'", '"x"', "# c", "", "? a", ": b", "  more", "---", "..."),
)
# Lines that are mostly well formed, at indentations that mostly fit: near the subset's edges.
_lines = st.tuples(
    st.sampled_from(["", "", "", " ", "  ", "  ", "   ", "    ", "    ", "      "]),
    st.sampled_from(["", "", "", "", "- ", "- ", "-", "- - ", "-   "]),
    st.sampled_from(_BODIES),
).map("".join)
_VALUE_TOKENS = tuple(token for token in _TOKENS if "\n" not in token)
_FRAMES = ("k: @\n", "k: @", "k:\n- @\n", "k:\n  - x: @\n    y: z\n", "k: @\nj: @\n")


@PROPERTY
@given(st.lists(st.sampled_from(_TOKENS), max_size=40).map("".join))
def test_token_soup_is_declined_or_read_exactly(text: str) -> None:
    agrees(text)


@PROPERTY
@given(st.lists(st.sampled_from(_VALUE_TOKENS), max_size=8).map("".join), st.sampled_from(_FRAMES))
def test_scalar_soup_is_declined_or_read_exactly(value: str, frame: str) -> None:
    agrees(frame.replace("@", value))


@PROPERTY
@given(st.lists(_lines, min_size=1, max_size=12), st.booleans())
def test_line_soup_is_declined_or_read_exactly(lines: list[str], final_break: bool) -> None:
    agrees("\n".join(lines) + ("\n" if final_break else ""))


def _edit(text: str, kind: str, where: int, token: str) -> str:
    """text with one small edit, at a place chosen by where."""
    if kind == "insert":
        at = where % (len(text) + 1)
        return text[:at] + token + text[at:]
    if kind == "delete":
        at = where % (len(text) + 1)
        return text[:at] + text[at + 1 + where % 3 :]
    lines = text.split("\n")
    at = where % len(lines)
    if kind == "indent":
        lines[at] = " " + lines[at]
    elif kind == "dedent":
        lines[at] = lines[at].removeprefix(" ")
    elif kind == "duplicate":
        lines.insert(at, lines[at])
    else:  # swap
        lines[at - 1], lines[at] = lines[at], lines[at - 1]
    return "\n".join(lines)


@PROPERTY
@given(
    data=_data(plain_keys),
    rnd=st.randoms(use_true_random=False),
    edits=st.lists(
        st.tuples(
            st.sampled_from(["insert", "delete", "indent", "dedent", "duplicate", "swap"]),
            st.integers(0, 1 << 20),
            st.sampled_from(_TOKENS),
        ),
        min_size=1,
        max_size=3,
    ),
)
def test_edited_contributor_yaml_is_declined_or_read_exactly(
    data: dict[str, Any], rnd: random.Random, edits: list[tuple[str, int, str]]
) -> None:
    text = "\n".join(_mapping(data, 0, rnd)) + "\n"
    for kind, where, token in edits:
        text = _edit(text, kind, where, token)
    agrees(text)


@PROPERTY
@given(
    st.text(alphabet=st.characters(exclude_categories=()), max_size=60)
    | st.binary(max_size=60).map(lambda data: data.decode("utf-8", "surrogateescape"))
)
def test_no_text_makes_it_raise(text: str) -> None:
    result = parse_block_yaml(text)
    assert result is DECLINED or isinstance(result, dict)
    agrees(text)
