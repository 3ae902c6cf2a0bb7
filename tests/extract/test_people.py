"""Names and titles as printed, and their resolution to person records."""

from __future__ import annotations

import pytest

from japan_peru_relations.extract.people import (
    PeopleIndex,
    close_spelling,
    find_mentions,
    name_key,
    same_person,
    surname_mentions,
)
from japan_peru_relations.extract.text import fold
from japan_peru_relations.models import Person


def _person(ident: str, name: str, family: str, country: str, **extra: object) -> Person:
    return Person.model_validate(
        {"id": ident, "name": name, "family_name": family, "country": country,
         "sources": ["s"], **extra}
    )  # fmt: skip


INDEX = PeopleIndex(
    [
        _person("hayashi-yoshimasa", "Yoshimasa Hayashi", "Hayashi", "JP", name_native="林芳正"),
        _person("gervasi-ana", "Ana Gervasi", "Gervasi", "PE"),
        _person("gonzalez-olaechea-javier", "Javier González-Olaechea", "González-Olaechea", "PE",
                aliases=["Javier González-Olaechea Franco"]),
        _person("vizcarra-martin", "Martín Vizcarra", "Vizcarra", "PE",
                aliases=["Martín Alberto VIZCARRA Cornejo"]),
    ]
)  # fmt: skip


MENTIONS = [
    (
        "Mr. HAYASHI Yoshimasa, Minister for Foreign Affairs, who is visiting Lima",
        [("HAYASHI Yoshimasa", "Minister for Foreign Affairs", None)],
    ),
    (
        "paid a courtesy call on H.E. Ms. Dina Boluarte, President of the Republic of Peru.",
        [("Dina Boluarte", "President of the Republic of Peru", "PE")],
    ),
    (
        "with H.E. Ms. Ana Gervasi, Minister of Foreign Affairs of the Republic of Peru commencing",
        [("Ana Gervasi", "Minister of Foreign Affairs of the Republic of Peru", "PE")],
    ),
    (
        "H.E.Mr. Ollanta Humala, President of the Republic of Peru",
        [("Ollanta Humala", "President of the Republic of Peru", "PE")],
    ),
    (
        "Prime Minister Shinzo Abe met the President",
        [("Shinzo Abe", None, None)],
    ),
    (
        "Dina Boluarte, the President of Peru, said",
        [],  # no honorific, no title before it, no meeting verb: not read as a mention
    ),
    (
        "held talks with Dina Boluarte, the President of Peru, on",
        [("Dina Boluarte", "President of Peru", "PE")],
    ),
    (
        "H.E. Ms. Diana Mondino, Minister of Foreign Affairs, International Trade and Worship "
        "of the Argentine Republic. The",
        [("Diana Mondino",
          "Minister of Foreign Affairs, International Trade and Worship of the Argentine Republic",
          "AR")],
    ),
    (
        "Her Highness Princess Tsuguko of Takamado paid a courtesy call",
        [("Princess Tsuguko of Takamado", None, None)],
    ),
    (
        "H.E. Mr. Ferdinand R. Marcos Jr., President of the Republic of the Philippines",
        [("Ferdinand R. Marcos Jr.", "President of the Republic of the Philippines", "PH")],
    ),
    (
        "Japan's Foreign Minister Iwaya Takeshi met Alberto van Klaveren, Chile's Minister of "
        "Foreign Affairs, on",
        [("Iwaya Takeshi", None, "JP"),
         ("Alberto van Klaveren", "Chile's Minister of Foreign Affairs", "CL")],
    ),
    (
        "H.E. Mr. Luis Lacalle Pou, President of the Oriental Republic of Uruguay",
        [("Luis Lacalle Pou", "President of the Oriental Republic of Uruguay", "UY")],
    ),
    ("岩屋毅外務大臣は，訪問中の", [("岩屋毅", "外務大臣", "JP")]),
    ("石破茂内閣総理大臣は", [("石破茂", "内閣総理大臣", "JP")]),
    ("中曽根外務大臣は", [("中曽根", "外務大臣", "JP")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), MENTIONS, ids=[m[0][:30] for m in MENTIONS])
def test_mentions(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    got = [(m.name, m.title, m.country) for m in find_mentions(fold(text))]
    assert got == expected


@pytest.mark.parametrize(
    ("printed", "person"),
    [
        ("HAYASHI Yoshimasa", "hayashi-yoshimasa"),  # name order
        ("Yoshimasa Hayashi", "hayashi-yoshimasa"),
        ("hayashi yoshimasa", "hayashi-yoshimasa"),  # case
        ("林芳正", "hayashi-yoshimasa"),  # native script
        ("Javier Gonzalez-Olaechea Franco", "gonzalez-olaechea-javier"),  # accents, alias
        ("Martin Alberto Vizcarra Cornejo", "vizcarra-martin"),
        ("Ana Gervasi", "gervasi-ana"),
    ],
)
def test_exact_resolution(printed: str, person: str) -> None:
    resolution = INDEX.resolve(printed)
    assert resolution.person is not None
    assert resolution.person.id == person


@pytest.mark.parametrize(
    ("printed", "approximately"),
    [
        ("Ana Grevasi", "gervasi-ana"),  # a swap of two letters
        ("Ana Cecilia Gervasi", "gervasi-ana"),  # more names than the record knows
        ("Yoshimasa Hayshi", "hayashi-yoshimasa"),
        ("Pedro Castillo", None),
    ],
)
def test_approximate_resolution_is_not_a_match(printed: str, approximately: str | None) -> None:
    resolution = INDEX.resolve(printed)
    assert resolution.person is None
    found = resolution.approximate.id if resolution.approximate else None
    assert found == approximately


def test_family_name_misspelling() -> None:
    assert INDEX.family_match("Grevasi") == (False, INDEX.resolve("Ana Gervasi").person)
    assert INDEX.family_match("Gervasi")[0] is True
    assert INDEX.family_match("Boluarte") == (False, None)


def test_close_spelling() -> None:
    assert close_spelling("grevasi", "gervasi")
    assert not close_spelling("kono", "kano")  # too short to judge
    assert not close_spelling("lima", "lima")


def test_name_key_ignores_order_case_accents() -> None:
    assert name_key("GONZÁLEZ-OLAECHEA Javier") == name_key("javier gonzalez olaechea")


def test_surname_mentions_and_short_forms() -> None:
    text = fold("Minister Grevasi thanked Minister Hayashi's team. 林大臣から述べました。")
    assert [s for s, _, _ in surname_mentions(text)] == ["Grevasi", "Hayashi", "林"]
    assert same_person("Hayashi", "HAYASHI Yoshimasa")
    assert same_person("Lacalle Pou", "Luis Lacalle Pou")
    assert same_person("林", "林芳正")
    assert not same_person("Pou", "Luis Lacalle")
