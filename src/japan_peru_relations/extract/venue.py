"""Where a meeting was held and what multilateral event it was held for.

>>> find_venue("who is visiting Lima, Peru, paid a courtesy call").city.name
'Lima'
>>> find_occasion("who is visiting San Francisco to attend the APEC Ministerial Meeting, held")
('APEC Ministerial Meeting', 44, 68)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteer import GAZETTEER, City, Country, Gazetteer

_CAP_WORD = r"[A-ZÀ-Þ][\w'’.\-]*"
_LINK = r"(?:of|the|de|del|da|do|la|and)"
_PLACE_PHRASE = rf"(?:(?i:the)\s+)?{_CAP_WORD}(?:\s+(?:{_LINK}\s+)*{_CAP_WORD}){{0,5}}"
_EN_TRIGGER = re.compile(
    r"(?i:\bvisiting|\b(?:visit|trip|travel|travelling|traveling)\s+to|\barrived\s+in"
    r"|\bheld\s+in|\bmet\s+in|\btook\s+place\s+in|\bin)\s+(?=(?i:the\s+)?[A-ZÀ-Þ])"
)
_COUNTRY_TAIL = re.compile(rf",\s*(?P<country>{_PLACE_PHRASE})")
_JA_TRIGGER = re.compile(r"(?:を)?(?:公式|実務)?(?:訪問中|訪問し|滞在中)|において|にて|で開催")
_JA_TRIGGER_WORDS = ("訪問", "滞在", "において", "にて", "で開催")
_JAPAN_VISIT = re.compile(r"来日中|訪日中|(?i:\bvisit(?:ing)?\s+(?:to\s+)?Japan\b)")


@dataclass(frozen=True)
class Venue:
    """A venue as far as the text places it: city and/or country, and the zone they give."""

    city: City | None
    country: Country | None
    start: int
    end: int
    unknown: str | None = None

    @property
    def zone(self) -> str | None:
        """The city's zone, else the country's when it has only one."""
        if self.city is not None:
            return self.city.zone
        return self.country.zone if self.country is not None else None

    @property
    def country_code(self) -> str | None:
        """ISO code of the venue's country."""
        if self.city is not None:
            return self.city.country
        return self.country.code if self.country is not None else None


def _longest_place(gazetteer: Gazetteer, phrase: str) -> tuple[City | None, Country | None, int]:
    """The longest leading run of words naming a city or country, and its length."""
    words = phrase.split(" ")
    for size in range(len(words), 0, -1):
        candidate = " ".join(words[:size]).rstrip(".,")
        city = gazetteer.city(candidate)
        if city is not None:
            return city, None, len(" ".join(words[:size]).rstrip(".,"))
        country = gazetteer.country(candidate)
        if country is not None:
            return None, country, len(" ".join(words[:size]).rstrip(".,"))
    return None, None, 0


def _english_venues(text: str, start: int, end: int, gazetteer: Gazetteer) -> list[Venue]:
    venues = []
    phrase_re = re.compile(_PLACE_PHRASE)
    for trigger in _EN_TRIGGER.finditer(text, start, end):
        match = phrase_re.match(text, trigger.end(), end)
        if match is None:
            continue
        city, country, length = _longest_place(gazetteer, match.group())
        place_end = match.start() + length
        unknown = None
        if city is None and country is None:
            word = match.group().split(",")[0]
            tail = _COUNTRY_TAIL.match(text, match.end(), end)
            tail_country = gazetteer.country(tail.group("country")) if tail else None
            visiting = trigger.group().lower().startswith("visiting")
            if tail is None or tail_country is None or not (visiting or "in" in trigger.group()):
                continue
            unknown, country, place_end = word.strip(), tail_country, tail.end()
        elif city is not None:
            tail = _COUNTRY_TAIL.match(text, place_end, end)
            if tail is not None:
                _, tail_country, tail_length = _longest_place(gazetteer, tail.group("country"))
                if tail_country is not None:
                    place_end = tail.start("country") + tail_length
        elif country is not None and trigger.group().strip().lower() == "in":
            # "in Ukraine" in a main sentence is usually a topic; only cities count after "in".
            continue
        venues.append(Venue(city, country, trigger.start(), place_end, unknown))
    return venues


def _japanese_venues(text: str, start: int, end: int, gazetteer: Gazetteer) -> list[Venue]:
    venues = []
    span = text[start:end]
    if not any(word in span for word in _JA_TRIGGER_WORDS):
        return []
    names = gazetteer.japanese_names()
    for trigger in _JA_TRIGGER.finditer(text, start, end):
        before = text[max(start, trigger.start() - 12) : trigger.start()]
        found = names.search(before)
        name = found.group() if found else None
        offset = trigger.start() - len(name) if name else 0
        if name is None:
            # "東京の飯倉公館において": a building named after its city.
            window = text[max(start, trigger.start() - 20) : trigger.start()]
            building = _JA_BUILDING.search(window)
            if building is not None:
                found = names.search(building.group(1))
                name = found.group() if found else None
                offset = trigger.start() - len(window) + building.end(1) - len(name or "")
        if name is not None:
            city = gazetteer.city(name)
            country = None if city else gazetteer.country(name)
            venues.append(Venue(city, country, offset, trigger.end()))
    return venues


_JA_BUILDING = re.compile(r"([^\s、。,の]+)の[^\s、。,の]{1,12}$")


def find_venue(
    text: str, start: int = 0, end: int | None = None, gazetteer: Gazetteer = GAZETTEER
) -> Venue | None:
    """The venue named in text[start:end]: the first city, else the first country."""
    stop = len(text) if end is None else end
    venues = _english_venues(text, start, stop, gazetteer)
    venues += _japanese_venues(text, start, stop, gazetteer)
    if not venues:
        japan = _JAPAN_VISIT.search(text, start, stop)
        if japan is not None:
            country = gazetteer.country_by_code("JP")
            return Venue(None, country, japan.start(), japan.end())
        return None
    venues.sort(key=lambda v: v.start)
    known_cities = [v for v in venues if v.city is not None]
    if known_cities:
        return known_cities[0]
    return venues[0]


_EVENT_TOKEN = (
    r"(?:[A-Z0-9][\w'’.&-]*|(?i:session|meetings?|summit|ministerial|conference|forum|"
    r"assembly|leaders['’]?|dialogue|talks))"
)
_EVENT_LINK = r"(?:of|on|for|and|the|in|de|del|la)"
_EVENT = rf"(?P<event>{_EVENT_TOKEN}(?:\s+(?:{_EVENT_LINK}\s+)*{_EVENT_TOKEN})*)"
_OCCASION = re.compile(
    r"(?i:\bto\s+attend|\battending|\bto\s+participate\s+in|\bparticipating\s+in|"
    r"\bon\s+the\s+(?:sidelines|margins?)\s+of|\bin\s+the\s+margins?\s+of|\bduring|"
    r"\bfor|\bat|\bon\s+the\s+occasion\s+of|\bin\s+conjunction\s+with)"
    rf"\s+(?:(?i:the)\s+)?{_EVENT}"
)
_STRONG_OCCASION = re.compile(
    r"(?i:to\s+attend|attending|participat|sidelines|margins?|conjunction)"
)
_EVENT_HEAD = re.compile(
    r"(?i:\b(?:meetings?|summit|conference|forum|assembly|session|dialogue|ministerial|"
    r"council|expo|exposition|games|congress|symposium|talks|week)\b)"
)
_BILATERAL = re.compile(r"(?i:Japan\s*-\s*\w+|\w+\s*-\s*Japan|bilateral)")
_MULTILATERAL_MARK = re.compile(
    r"\b(?:APEC|G7|G8|G20|OECD|ASEAN|UN|United Nations|EAS|CELAC|Pacific Alliance|"
    r"Mercosur|MERCOSUR|WTO|IMF|World Bank|TICAD|NATO|EU|BRICS|COP\d*|Expo|World|"
    r"International|Economic Leaders|Ministerial|Summit)\b"
)
_HEAD_WORDS = (
    "meeting", "summit", "conference", "forum", "assembly", "session", "dialogue",
    "ministerial", "council", "expo", "games", "congress", "symposium", "talks", "week",
)  # fmt: skip
_STRONG_WORDS = ("attend", "participat", "sideline", "margin", "conjunction")
_JA_HEADS = ("会議", "総会", "サミット", "会合", "フォーラム")
_TRAILING_LINKS = re.compile(r"(?:\s+(?:of|on|for|and|the|in|de|del|la))+$")
_TRAILING_PLACE = re.compile(r"\s+in\s+(?P<place>[A-Z][\w .'’-]*)$")
_JA_OCCASION = re.compile(
    r"(?P<event>[^\s、。,()「」\u3040-\u309f]{1,40}?(?:首脳会議|閣僚会議|総会|サミット|会議|会合|"
    r"フォーラム))(?:に出席|出席|の機会|に際し|の際|の場|のため|の開催|の期間中|の際に)"
)


def _clean_event(event: str, gazetteer: Gazetteer) -> str:
    event = _TRAILING_LINKS.sub("", event.strip().rstrip(".,"))
    place = _TRAILING_PLACE.search(event)
    if place is not None:
        name = place.group("place").strip()
        if gazetteer.city(name) is not None or gazetteer.country(name) is not None:
            event = event[: place.start()]
    return _TRAILING_LINKS.sub("", event)


def find_occasion(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    strong_only: bool = False,
    gazetteer: Gazetteer = GAZETTEER,
) -> tuple[str, int, int] | None:
    """The multilateral event a meeting was held for, as printed without "the"."""
    stop = len(text) if end is None else end
    found: list[tuple[str, int, int]] = []
    span = text[start:stop]
    lowered = span.lower()
    # Cheap tests first: most sentences name no event at all.
    english = any(head in lowered for head in _HEAD_WORDS) and (
        not strong_only or any(word in lowered for word in _STRONG_WORDS)
    )
    japanese = any(head in span for head in _JA_HEADS)
    if not (english or japanese):
        return None
    for match in _OCCASION.finditer(text, start, stop) if english else ():
        if strong_only and not _STRONG_OCCASION.search(match.group()[:30]):
            continue
        event = _clean_event(match.group("event"), gazetteer)
        if not event or _BILATERAL.search(event) or not _MULTILATERAL_MARK.search(event):
            continue
        if not _EVENT_HEAD.search(event):
            continue
        event_start = match.start("event")
        found.append((event, event_start, event_start + len(event)))
        break
    for match in _JA_OCCASION.finditer(text, start, stop) if japanese else ():
        event = match.group("event")
        event = re.sub(r"^.*?(?:[\u30a0-\u30ff]*(?:を訪問中の|訪問中の))", "", event)
        if _BILATERAL.search(event) or event.startswith(("日・", "日本・")):
            continue
        found.append((event, match.start("event"), match.end("event")))
        break
    return min(found, key=lambda f: f[1]) if found else None
