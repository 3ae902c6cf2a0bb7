"""Acronyms and their canonical expansions, to catch "APEC (Applied Power Electronic ...)".

>>> [m.acronym for m in mismatches("the Applied Power Electronic Conference (APEC) 2024")]
['APEC']
>>> mismatches("the Asia-Pacific Economic Cooperation (APEC) forum")
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Accepted expansions per acronym, compared after _key() folding.
CANONICAL: dict[str, tuple[str, ...]] = {
    "APEC": ("Asia-Pacific Economic Cooperation", "Asia Pacific Economic Cooperation Forum"),
    "OECD": ("Organisation for Economic Co-operation and Development",),
    "ASEAN": ("Association of Southeast Asian Nations", "Association of South-East Asian Nations"),
    "UN": ("United Nations",),
    "UNSC": ("United Nations Security Council", "UN Security Council"),
    "UNGA": ("United Nations General Assembly", "UN General Assembly"),
    "WTO": ("World Trade Organization",),
    "IAEA": ("International Atomic Energy Agency",),
    "JICA": ("Japan International Cooperation Agency",),
    "CPTPP": (
        "Comprehensive and Progressive Agreement for Trans-Pacific Partnership",
        "Comprehensive and Progressive Trans-Pacific Partnership",
        "Comprehensive and Progressive Agreement for the Trans-Pacific Partnership",
    ),
    "TPP": ("Trans-Pacific Partnership", "Trans-Pacific Partnership Agreement"),
    "TPP11": ("Comprehensive and Progressive Agreement for Trans-Pacific Partnership",),
    "EPA": ("Economic Partnership Agreement",),
    "FTA": ("Free Trade Agreement",),
    "FOIP": ("Free and Open Indo-Pacific",),
    "ALPS": ("Advanced Liquid Processing System",),
    "G7": ("Group of Seven",),
    "G20": ("Group of Twenty",),
    "EAS": ("East Asia Summit",),
    "CELAC": ("Community of Latin American and Caribbean States",),
    "ODA": ("Official Development Assistance",),
    "MOFA": ("Ministry of Foreign Affairs",),
    "MOU": ("Memorandum of Understanding",),
    "MOC": ("Memorandum of Cooperation",),
    "ICT": (
        "Information and Communications Technology",
        "Information and Communication Technology",
    ),
    "CVID": ("Complete, Verifiable and Irreversible Dismantlement",),
    "WHO": ("World Health Organization",),
    "IMF": ("International Monetary Fund",),
    "NATO": ("North Atlantic Treaty Organization",),
    "EU": ("European Union",),
}

_SPELLING = (
    (re.compile(r"organi[sz]ation"), "organization"),
    (re.compile(r"co-?operation"), "cooperation"),
    (re.compile(r"\bsouth-?east\b"), "southeast"),
    (re.compile(r"&"), " and "),
)
_NON_WORD = re.compile(r"[^a-z0-9]+")
_CONNECTORS = frozenset({"and", "of", "for", "the", "on", "in", "to", "a"})

# Both forms are found from their bracket: "Expansion (ACR)" and "ACR (Expansion)".
_BRACKET = re.compile(r"\(")
_ACRONYM_IN_BRACKETS = re.compile(r"\((?P<acronym>[A-Z][A-Z0-9]{1,7})\)")
_EXPANSION_BEFORE = re.compile(
    r"(?P<expansion>(?:[A-Z][\w'’\-]*\s+(?:(?:and|of|for|the|on|in|&)\s+)*){1,8})$"
)
_ACRONYM_BEFORE = re.compile(r"\b(?P<acronym>[A-Z][A-Z0-9]{1,7})\s+$")
_EXPANSION_IN_BRACKETS = re.compile(r"\((?P<expansion>[A-Z][\w'’\-]*(?:\s+[\w'’\-&,]+){1,10})\)")
_LOOK_BACK = 240


def _key(value: str) -> str:
    folded = value.lower()
    for pattern, replacement in _SPELLING:
        folded = pattern.sub(replacement, folded)
    return " ".join(w for w in _NON_WORD.split(folded) if w and w not in _CONNECTORS)


_CANONICAL_KEYS = {acr: {_key(e) for e in values} for acr, values in CANONICAL.items()}


@dataclass(frozen=True)
class Mismatch:
    """An acronym printed with an expansion that is not its canonical one."""

    acronym: str
    printed: str
    canonical: str
    start: int
    end: int


def _initials(expansion: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", expansion) if w and w.lower() not in _CONNECTORS]
    return "".join(w[0].upper() for w in words)


def _check(acronym: str, expansion: str, start: int, end: int) -> Mismatch | None:
    accepted = _CANONICAL_KEYS.get(acronym.upper())
    if not accepted:
        return None
    key = _key(expansion)
    # The expansion may be preceded by more capitalised words ("the 2024 APEC ..."): accept
    # any tail of the printed words that equals a canonical expansion.
    words = key.split()
    if any(" ".join(words[i:]) in accepted for i in range(len(words))):
        return None
    initials = _initials(expansion)
    letters = re.sub(r"[0-9]", "", acronym.upper())
    if not (initials.endswith(letters) or len(words) >= 2):
        return None
    return Mismatch(acronym, expansion.strip(), CANONICAL[acronym.upper()][0], start, end)


def mismatches(text: str) -> list[Mismatch]:
    """Acronyms in text expanded in a way that contradicts their canonical expansion."""
    found = []
    for bracket in _BRACKET.finditer(text):
        position = bracket.start()
        window_start = max(0, position - _LOOK_BACK)
        acronym = _ACRONYM_IN_BRACKETS.match(text, position)
        if acronym is not None:
            before = _EXPANSION_BEFORE.search(text, window_start, position)
            if before is not None:
                # Keep only as many trailing words as could spell the acronym, and a few more.
                words = before.group("expansion").split()
                expansion = " ".join(words[-(len(acronym.group("acronym")) + 4) :])
                mismatch = _check(
                    acronym.group("acronym"), expansion, before.start(), acronym.end()
                )
                if mismatch is not None:
                    found.append(mismatch)
            continue
        spelled = _EXPANSION_IN_BRACKETS.match(text, position)
        named = _ACRONYM_BEFORE.search(text, window_start, position) if spelled else None
        if spelled is not None and named is not None:
            mismatch = _check(
                named.group("acronym"), spelled.group("expansion"), named.start(), spelled.end()
            )
            if mismatch is not None:
                found.append(mismatch)
    return found
