"""Names and titles of the people in a release, and their resolution to person records.

>>> [m.name for m in find_mentions("Mr. HAYASHI Yoshimasa, Minister for Foreign Affairs, met")]
['HAYASHI Yoshimasa']
>>> find_mentions("H.E. Ms. Dina Boluarte, President of the Republic of Peru.")[0].title
'President of the Republic of Peru'
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .gazetteer import GAZETTEER, demonym_country, fold_name

if TYPE_CHECKING:
    from ..models import Person

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_HONORIFIC = (
    r"(?:H\.\s?E\.|S\.\s?E\.|(?:His|Her|Their)\s+(?:Imperial\s+|Royal\s+)?"
    r"(?:Excellency|Excellencies|Majesty|Highness)|Mr|Ms|Mrs|Miss|Mme|Dr|Prof|Sir|Dame|Sr|Sra)"
    r"(?:\.|\b)"
)
_NAME_WORD = (
    rf"(?!(?:Jr|Sr)\b)(?:[{_UPPER}][{_LOWER}'’]+(?:-[{_UPPER}{_LOWER}][{_LOWER}'’]+)*"
    rf"|[{_UPPER}]{{2,}}(?:-[{_UPPER}]{{2,}})*(?![{_LOWER}])|[{_UPPER}]\.)"
)
_PARTICLE = r"(?:de\s+la|de\s+los|del|de|da|das|dos|do|y|van|von|der|den|bin|al|la|le)"
_SUFFIX = r"(?:,?[ ]+(?:Jr|Sr)\.|[ ]+(?:II|III|IV)\b)"
_NAME = rf"{_NAME_WORD}(?:[ ]+(?:{_PARTICLE}[ ]+)?{_NAME_WORD}){{0,5}}{_SUFFIX}?"
_ROYAL = (
    rf"(?:(?:Imperial|Royal|Crown)\s+)?(?:Princess|Prince)\s+{_NAME_WORD}(?:\s+of\s+{_NAME_WORD})?"
)
_TITLE_WORD = rf"(?:[{_UPPER}][\w'’\-]*|\d+(?:st|nd|rd|th))"
_TITLE_LINK = r"(?:of|for|the|and|to|in|on|de|del|at)"
_TITLE = rf"{_TITLE_WORD}(?:[ ]+(?:{_TITLE_LINK}[ ]+)*{_TITLE_WORD})*"

# Words a title must contain, so that "Lima, Peru" is not read as a title.
_TITLE_HEADS_WORDS = """
    minister president ambassador secretary director chairman chairperson chair governor
    mayor chief deputy vice prime speaker member representative envoy emperor empress king
    queen princess prince chancellor head commissioner senator congressman congresswoman
    counsellor counselor consul undersecretary under vice-minister vice-president secretary-
    general director-general advisor adviser officer president-elect leader spokesperson
    spokesman general admiral
"""
_TITLE_HEADS = frozenset(_TITLE_HEADS_WORDS.split())
_NOT_NAME_WORDS = """
    meeting meetings summit conference ministry ministers minister office palace house
    government republic japan peru japanese peruvian the on in at of for and president prime
    foreign affairs embassy association council talks talk courtesy call statement relations
    relation committee foundation economic cooperation apec oecd asean national day year
    anniversary state states united nations university hospital center centre city his her
    their its this that these those january february march april may june july august
    september october november december monday tuesday wednesday thursday friday saturday
    sunday following overview outline summary
"""
_NOT_NAME = frozenset(_NOT_NAME_WORDS.split())
_TITLE_BEFORE = (
    r"(?:Prime\s+Minister|Foreign\s+Minister|Minister\s+for\s+Foreign\s+Affairs|"
    r"Minister\s+of\s+Foreign\s+Affairs|Deputy\s+Prime\s+Minister|Vice\s+President|"
    r"President|Minister|Chancellor|Ambassador|Vice-Minister|Vice\s+Minister|State\s+Minister|"
    r"Secretary\s+General|Secretary-General|Chief\s+Cabinet\s+Secretary|Emperor|Empress|"
    r"King|Queen|Governor|Mayor|Senator|Undersecretary|"
    r"Congressman|Congresswoman|Speaker|Chairman|Chairperson|Director-General|Director)"
)
_MEET_VERB = (
    r"(?:met(?:\s+with)?|meets(?:\s+with)?|talks\s+with|meeting\s+with|called\s+on|"
    r"received|hosted|welcomed)"
)

_EN_MENTION = re.compile(
    rf"(?P<hon>(?:{_HONORIFIC}\s*)+)(?:(?P<royal>{_ROYAL})|(?P<name>{_NAME}))"
    rf"|(?<![\w-])(?P<before>{_TITLE_BEFORE})\s+(?P<bname>{_NAME})"
    rf"|\b(?P<verb>counterpart,?|{_MEET_VERB})\s+(?P<cname>{_NAME})"
)
_TITLE_AFTER = re.compile(rf",[ ]*(?:(?i:the)[ ]+)?(?P<title>{_TITLE})")
_TITLE_MORE = re.compile(rf",[ ]*(?P<more>{_TITLE})")
_DESCRIPTOR = re.compile(rf"(?:{_TITLE_BEFORE}|counterpart)\s*$")

_JA_TITLES = (
    "内閣総理大臣|総理大臣|外務大臣政務官|外務副大臣|外務大臣|防衛大臣|経済産業大臣|財務大臣|"
    "農林水産大臣|国土交通大臣|官房長官|特派大使|特命全権大使|大使|副大統領|大統領|外務次官|"
    "副大臣|政務官|大臣|総理|首相|外相|国王|女王|皇太子|会長|議長|総裁|長官"
)
_JA_MENTION = re.compile(
    r"(?<![\u4e00-\u9fff々])(?P<kanji>[\u4e00-\u9fff々]{2,5}?)(?P<ktitle>" + _JA_TITLES + ")"
)
_HAS_KANJI = re.compile(r"[\u4e00-\u9fff]")
_JA_SHORT = re.compile(
    r"(?<![\u4e00-\u9fff々])([\u4e00-\u9fff々]{1,3}?)(?:大臣|総理|外相|首相|副大臣)"
)
_JA_NOT_NAME = frozenset(
    {"日本国", "日本", "内閣", "両国", "両外相", "同国", "我が国", "各国", "外務"}
)


@dataclass(frozen=True)
class Mention:
    """A person named in the text, with the title printed after the name and the side."""

    name: str
    title: str | None
    country: str | None
    start: int
    end: int
    honorific: str = ""
    descriptor: str | None = None

    @property
    def excellency(self) -> bool:
        """Printed with H.E. / His or Her Excellency, which MOFA gives foreign dignitaries."""
        return bool(re.search(r"H\.\s?E\.|Excellenc", self.honorific))


def _plausible_name(name: str, *, require_two: bool) -> bool:
    words = [w for w in name.split() if w[:1].isupper()]
    if not words or (require_two and len(words) < 2):
        return False
    return not any(fold_name(w) in _NOT_NAME for w in words)


def _country_in(words: Sequence[str]) -> str | None:
    best: tuple[int, str] | None = None
    cleaned = [re.sub(r"['’]s$", "", w) for w in words]
    for size in (6, 5, 4, 3, 2, 1):
        for index in range(len(cleaned) - size + 1):
            phrase = " ".join(cleaned[index : index + size])
            country = GAZETTEER.country(phrase)
            code = country.code if country else demonym_country(phrase)
            if code and (best is None or index < best[0]):
                best = (index, code)
    return best[1] if best else None


@lru_cache(maxsize=4096)
def title_country(title: str | None) -> str | None:
    """The country a title names ("... of the Oriental Republic of Uruguay" -> "UY")."""
    if not title:
        return None
    if re.search(r"[\u3040-\u9fff]", title):
        return None
    return _country_in(title.replace(",", " ").split())


_DEMONYM_BEFORE = re.compile(
    r"\b(Japanese|Peruvian|American|Chinese|Korean|Mexican|Chilean|Brazilian|Argentine|"
    r"Colombian|Ecuadorian|Bolivian|Uruguayan|Paraguayan|Australian|Vietnamese|British)\b"
    r"|\b([A-Z][a-z]+)['’]s\s+(?:[A-Z][a-z]+\s+)*$"
)


def _context_country(text: str, start: int) -> str | None:
    window = text[max(0, start - 40) : start]
    matches = list(_DEMONYM_BEFORE.finditer(window))
    for match in reversed(matches):
        word = match.group(1) or match.group(2)
        code = demonym_country(word) or _country_in([word])
        if code:
            return code
    return None


def _trim_title(words: list[str]) -> list[str]:
    while words and words[-1] in ("of", "for", "the", "and", "to", "in", "on", "at", "de", "del"):
        words.pop()
    return words


def _title_after(text: str, end: int, stop: int) -> tuple[str | None, int]:
    match = _TITLE_AFTER.match(text, end, stop)
    if match is None:
        return None, end
    words = _trim_title(match.group("title").rstrip(".,").split())
    parts = [fold_name(p) for w in words for p in (w, *w.split("-"))]
    if not any(p in _TITLE_HEADS for p in parts):
        return None, end
    title = " ".join(words)
    title_end = match.start("title") + len(title)
    # "Minister of Foreign Affairs, International Trade and Worship of the Argentine Republic":
    # a comma inside a title, kept when what follows ends by naming a country.
    more = _TITLE_MORE.match(text, title_end, stop)
    if more is not None and title_country(title) is None:
        extra = _trim_title(more.group("more").rstrip(".,").split())
        if extra and title_country(" ".join(extra)) is not None:
            title = f"{title}, {' '.join(extra)}"
            title_end = more.start("more") + len(" ".join(extra))
    return title, title_end


_WORD = re.compile(r"[A-Za-z]+")
# The first word of every alternative of _EN_MENTION.
_MENTION_START_WORDS = """
    H S His Her Their Mr Ms Mrs Miss Mme Dr Prof Sir Dame Sr Sra Prime Foreign Minister
    Deputy Vice President Chancellor Ambassador State Secretary Chief Emperor Empress King
    Queen Governor Mayor Senator Undersecretary Congressman Congresswoman Speaker Chairman
    Chairperson Director counterpart met meets talks meeting called received hosted welcomed
"""
_MENTION_STARTS = frozenset(_MENTION_START_WORDS.split())


def _en_mentions(text: str, start: int, stop: int) -> list[re.Match[str]]:
    """The matches finditer would give, tried only where a mention can begin (faster)."""
    matches = []
    position = start
    for word in _WORD.finditer(text, start, stop):
        if word.start() < position or word.group() not in _MENTION_STARTS:
            continue
        match = _EN_MENTION.match(text, word.start(), stop)
        if match is not None:
            matches.append(match)
            position = match.end()
    return matches


def find_mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """People named with an honorific, a title or a Japanese title suffix in text[start:end]."""
    stop = len(text) if end is None else end
    found: list[Mention] = []
    for match in _en_mentions(text, start, stop):
        descriptor = None
        if match.group("hon"):
            group = "royal" if match.group("royal") else "name"
            honorific = match.group("hon")
        elif match.group("bname"):
            group, honorific, descriptor = "bname", "", match.group("before")
        else:
            group, honorific = "cname", ""
            if match.group("verb").startswith("counterpart"):
                descriptor = "counterpart"
        raw, name_end = match.group(group), match.end(group)
        name = " ".join(raw.split())
        if group != "royal" and not _plausible_name(name, require_two=not honorific):
            continue
        if descriptor is None:
            before = _DESCRIPTOR.search(text, max(0, match.start() - 40), match.start())
            descriptor = before.group().strip() if before else None
        title, title_end = _title_after(text, name_end, stop)
        country = title_country(title) or _context_country(text, match.start())
        if country is None and descriptor:
            country = title_country(descriptor)
        found.append(
            Mention(name, title, country, match.start(), max(name_end, title_end), honorific,
                    descriptor)
        )  # fmt: skip
    japanese = _HAS_KANJI.search(text, start, stop) is not None
    for match in _JA_MENTION.finditer(text, start, stop) if japanese else ():
        name, title = match.group("kanji"), match.group("ktitle")
        if name in _JA_NOT_NAME or name.endswith(("国", "府", "省", "外務")):
            continue
        found.append(Mention(name, title, "JP", match.start(), match.end()))
    found.sort(key=lambda m: m.start)
    return found


_SURNAME_MENTION = re.compile(
    rf"(?:(?<![\w-]){_TITLE_BEFORE}|\b(?:Mr|Ms|Mrs|Dr)\.)\s+"
    rf"({_NAME_WORD}(?:\s+{_NAME_WORD})?)(?![\w'’-])"
)


_POSSESSIVE = re.compile(r"['’]s?$")


def surname_mentions(
    text: str, start: int = 0, end: int | None = None
) -> list[tuple[str, int, int]]:
    """Family names after a title or honorific ("Minister Grevasi", "林大臣"), with spans."""
    stop = len(text) if end is None else end
    found = [
        (_POSSESSIVE.sub("", m.group(1)), m.start(), m.end())
        for m in _SURNAME_MENTION.finditer(text, start, stop)
    ]
    if _HAS_KANJI.search(text, start, stop):
        found += [(m.group(1), m.start(), m.end()) for m in _JA_SHORT.finditer(text, start, stop)]
    return sorted(found, key=lambda f: f[1])


def same_person(short: str, full: str) -> bool:
    """Whether a short form ("Hayashi", "Lacalle Pou", "林") names the person `full`."""
    if not short or not full:
        return False
    if re.search(r"[\u4e00-\u9fff]", short):
        return full.startswith(short)
    short_tokens = fold_name(short).split()
    full_tokens = fold_name(full).split()
    return bool(short_tokens) and all(t in full_tokens for t in short_tokens)


# --- resolution -----------------------------------------------------------------------------


def name_key(name: str) -> str:
    """Order-, case- and accent-free key of a name ("HAYASHI Yoshimasa" == "Yoshimasa Hayashi")."""
    return " ".join(sorted(fold_name(name).split()))


def _osa_distance(a: str, b: str) -> int:
    """Edit distance counting a swap of neighbours as one edit (optimal string alignment)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def close_spelling(a: str, b: str) -> bool:
    """Two folded words one or two slips apart (a swap, a dropped or doubled letter)."""
    if a == b or min(len(a), len(b)) < 5:
        return False
    limit = 1 if max(len(a), len(b)) < 8 else 2
    return abs(len(a) - len(b)) <= limit and _osa_distance(a, b) <= limit


@dataclass(frozen=True)
class Resolution:
    """How a printed name matched the people records: exactly, approximately, or not."""

    person: Person | None
    approximate: Person | None = None


class PeopleIndex:
    """The people records by every name and alias they go by."""

    def __init__(self, people: Iterable[Person]) -> None:
        self.people = tuple(people)
        self._exact: dict[str, Person] = {}
        self._family: dict[str, list[Person]] = {}
        self._resolved: dict[str, Resolution] = {}
        self._families_seen: dict[str, tuple[bool, Person | None]] = {}
        for person in self.people:
            for name in self._names(person):
                self._exact.setdefault(name_key(name), person)
            family = fold_name(person.family_name)
            for part in {family, *family.split()}:
                if part:
                    self._family.setdefault(part, []).append(person)

    @staticmethod
    def _names(person: Person) -> list[str]:
        names = [person.name, *person.aliases]
        if person.name_native:
            names.append(person.name_native)
        if person.given_name:
            names.append(f"{person.given_name} {person.family_name}")
        return [n for n in names if n]

    def __bool__(self) -> bool:
        return bool(self.people)

    def resolve(self, name: str) -> Resolution:
        """The person whose name or alias is `name` (ignoring case, accents, order)."""
        cached = self._resolved.get(name)
        if cached is None:
            cached = self._resolved[name] = self._resolve(name)
        return cached

    def _resolve(self, name: str) -> Resolution:
        key = name_key(name)
        if not key:
            return Resolution(None)
        exact = self._exact.get(key)
        if exact is not None:
            return Resolution(exact)
        return Resolution(None, self._approximate(key))

    def _approximate(self, key: str) -> Person | None:
        tokens = set(key.split())
        best: tuple[float, Person] | None = None
        for known, person in self._exact.items():
            known_tokens = set(known.split())
            if (
                len(tokens) >= 2
                and len(known_tokens) >= 2
                and (tokens <= known_tokens or known_tokens <= tokens)
            ):
                score = 0.95
            else:
                # Ratio >= 0.85 needs lengths within that ratio: skip the rest cheaply.
                if min(len(key), len(known)) / max(len(key), len(known)) < 0.85:
                    continue
                matcher = difflib.SequenceMatcher(None, key, known)
                if matcher.real_quick_ratio() < 0.85 or matcher.quick_ratio() < 0.85:
                    continue
                score = matcher.ratio()
                if score < 0.85:
                    continue
            if best is None or score > best[0]:
                best = (score, person)
        return best[1] if best else None

    def family_match(self, word: str) -> tuple[bool, Person | None]:
        """(exact, person) for a lone family name: exact match, a near spelling, or neither."""
        cached = self._families_seen.get(word)
        if cached is None:
            cached = self._families_seen[word] = self._family_match(word)
        return cached

    def _family_match(self, word: str) -> tuple[bool, Person | None]:
        folded = fold_name(word)
        if folded in self._family:
            return True, self._family[folded][0]
        for family, persons in self._family.items():
            if close_spelling(folded, family):
                return False, persons[0]
        return False, None


def dedupe(mentions: Sequence[Mention]) -> list[Mention]:
    """Each person once, at first appearance (a later full form fills a missing title)."""
    out: list[Mention] = []
    keys: list[set[str]] = []
    for mention in mentions:
        tokens = set(name_key(mention.name).split())
        duplicate = None
        for index, known in enumerate(keys):
            if tokens <= known or known <= tokens:
                duplicate = index
                break
        if duplicate is None:
            out.append(mention)
            keys.append(tokens)
        elif out[duplicate].title is None and mention.title is not None:
            first = out[duplicate]
            out[duplicate] = Mention(
                first.name, mention.title, first.country or mention.country,
                first.start, first.end, first.honorific, first.descriptor or mention.descriptor,
            )  # fmt: skip
    return out
