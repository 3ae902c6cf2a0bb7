"""Synthetic, project-shaped data at any scale, for benchmarks and scaling tests.

    python scripts/synth.py --meetings 20000 --out /tmp/jpr-20k [--seed 1] [--no-build]

writes DIR/records/<kind>/<id>.yaml as contributors write them (every rule of `jpr validate`
satisfied: references resolve, evidence is the best cited source kind, stated Japan times agree
with the venue's IANA zone, anniversaries add up, nothing lies in the future, no duplicate
events), then runs the library's build so DIR also holds data/, schema/ and datapackage.json.
The same seed gives the same bytes.

The shape follows the real records: 2 to 6 participants a meeting, a people pool that grows with
the number of meetings (about one person per eight meetings), real cities with their zones plus
venues that grow with N, roughly 0.8 sources a meeting, an agreement per twenty meetings with
dated steps, milestones and their anniversaries. YAML is written by a small emitter (plain
scalars where safe, JSON-style double quotes otherwise, folded blocks for long text), which is
far faster than yaml.dump and reads back to exactly the same values.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import random
import re
import sys
import time
import unicodedata
from bisect import bisect
from collections.abc import Iterator
from functools import cache, lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

FIRST_DAY = dt.date(1960, 1, 1)
LAST_DAY = dt.date(2025, 12, 31)  # never in the future of any run of the validator
JAPAN = ZoneInfo("Asia/Tokyo")
KINDS = (
    "sources",
    "people",
    "places",
    "topics",
    "milestones",
    "anniversaries",
    "agreements",
    "visits",
    "meetings",
    "events",
)

# ---------------------------------------------------------------------------------------------
# Vocabulary (facts of geography and naming; the records themselves are invented)
# ---------------------------------------------------------------------------------------------

# id, name, country, IANA zone, latitude, longitude
CITIES: tuple[tuple[str, str, str, str, float, float], ...] = (
    ("lima", "Lima", "PE", "America/Lima", -12.0464, -77.0428),
    ("callao", "Callao", "PE", "America/Lima", -12.0566, -77.1181),
    ("cusco", "Cusco", "PE", "America/Lima", -13.5319, -71.9675),
    ("arequipa", "Arequipa", "PE", "America/Lima", -16.409, -71.5375),
    ("trujillo", "Trujillo", "PE", "America/Lima", -8.1091, -79.0215),
    ("tokyo", "Tokyo", "JP", "Asia/Tokyo", 35.6762, 139.6503),
    ("osaka", "Osaka", "JP", "Asia/Tokyo", 34.6937, 135.5023),
    ("yokohama", "Yokohama", "JP", "Asia/Tokyo", 35.4437, 139.638),
    ("kyoto", "Kyoto", "JP", "Asia/Tokyo", 35.0116, 135.7681),
    ("hiroshima", "Hiroshima", "JP", "Asia/Tokyo", 34.3853, 132.4553),
    ("naha", "Naha", "JP", "Asia/Tokyo", 26.2124, 127.6809),
    ("santiago", "Santiago", "CL", "America/Santiago", -33.4489, -70.6693),
    ("beijing", "Beijing", "CN", "Asia/Shanghai", 39.9042, 116.4074),
    ("da-nang", "Da Nang", "VN", "Asia/Ho_Chi_Minh", 16.0544, 108.2022),
    ("honolulu", "Honolulu", "US", "Pacific/Honolulu", 21.3069, -157.8583),
    ("san-francisco", "San Francisco", "US", "America/Los_Angeles", 37.7749, -122.4194),
    ("new-york", "New York", "US", "America/New_York", 40.7128, -74.006),
    ("paris", "Paris", "FR", "Europe/Paris", 48.8566, 2.3522),
    ("berlin", "Berlin", "DE", "Europe/Berlin", 52.52, 13.405),
    ("london", "London", "GB", "Europe/London", 51.5074, -0.1278),
    ("madrid", "Madrid", "ES", "Europe/Madrid", 40.4168, -3.7038),
    ("rome", "Rome", "IT", "Europe/Rome", 41.9028, 12.4964),
    ("geneva", "Geneva", "CH", "Europe/Zurich", 46.2044, 6.1432),
    ("brussels", "Brussels", "BE", "Europe/Brussels", 50.8503, 4.3517),
    ("singapore", "Singapore", "SG", "Asia/Singapore", 1.3521, 103.8198),
    ("jakarta", "Jakarta", "ID", "Asia/Jakarta", -6.2088, 106.8456),
    ("bangkok", "Bangkok", "TH", "Asia/Bangkok", 13.7563, 100.5018),
    ("manila", "Manila", "PH", "Asia/Manila", 14.5995, 120.9842),
    ("kuala-lumpur", "Kuala Lumpur", "MY", "Asia/Kuala_Lumpur", 3.139, 101.6869),
    ("seoul", "Seoul", "KR", "Asia/Seoul", 37.5665, 126.978),
    ("sydney", "Sydney", "AU", "Australia/Sydney", -33.8688, 151.2093),
    ("auckland", "Auckland", "NZ", "Pacific/Auckland", -36.8485, 174.7633),
    ("mexico-city", "Mexico City", "MX", "America/Mexico_City", 19.4326, -99.1332),
    ("bogota", "Bogotá", "CO", "America/Bogota", 4.711, -74.0721),
    ("quito", "Quito", "EC", "America/Guayaquil", -0.1807, -78.4678),
    ("la-paz", "La Paz", "BO", "America/La_Paz", -16.4897, -68.1193),
    ("sao-paulo", "São Paulo", "BR", "America/Sao_Paulo", -23.5505, -46.6333),
    ("buenos-aires", "Buenos Aires", "AR", "America/Argentina/Buenos_Aires", -34.6037, -58.3816),
    ("panama-city", "Panama City", "PA", "America/Panama", 8.9824, -79.5199),
    ("toronto", "Toronto", "CA", "America/Toronto", 43.6532, -79.3832),
    ("new-delhi", "New Delhi", "IN", "Asia/Kolkata", 28.6139, 77.209),
    ("dubai", "Dubai", "AE", "Asia/Dubai", 25.2048, 55.2708),
    ("johannesburg", "Johannesburg", "ZA", "Africa/Johannesburg", -26.2041, 28.0473),
)
HOME_CITIES = {"JP": ("tokyo", "osaka", "yokohama", "kyoto"), "PE": ("lima", "callao", "cusco")}
# id, name, city it lies in
BUILDINGS = (
    ("kantei", "Prime Minister's Office of Japan", "tokyo"),
    ("iikura-guest-house", "Iikura Guest House", "tokyo"),
    ("mofa-tokyo", "Ministry of Foreign Affairs of Japan", "tokyo"),
    ("akasaka-palace", "Akasaka Palace State Guest House", "tokyo"),
    ("government-palace-lima", "Government Palace of Peru", "lima"),
    ("torre-tagle-palace", "Torre Tagle Palace", "lima"),
    ("embassy-of-japan-lima", "Embassy of Japan in Peru", "lima"),
    ("embassy-of-peru-tokyo", "Embassy of Peru in Tokyo", "tokyo"),
)
VENUE_NAMES = ("Convention Centre", "Grand Hotel", "Conference Hall", "Palace Hotel", "Expo Hall")

TOPICS = (
    ("academic-exchange", "Academic exchange"),
    ("apec", "APEC"),
    ("climate-change", "Climate change"),
    ("consular-affairs", "Consular affairs"),
    ("cultural-exchange", "Cultural exchange"),
    ("defence-cooperation", "Defence cooperation"),
    ("development-cooperation", "Development cooperation"),
    ("disarmament", "Disarmament and non-proliferation"),
    ("disaster-risk-reduction", "Disaster risk reduction"),
    ("east-asia", "East Asia"),
    ("economic-relations", "Economic relations"),
    ("economic-security", "Economic security"),
    ("free-trade", "Free trade"),
    ("health", "Health"),
    ("ict", "Information and communications technology"),
    ("infrastructure", "Infrastructure"),
    ("latin-america", "Latin America"),
    ("mineral-resources", "Mineral resources"),
    ("nikkei-community", "Nikkei community"),
    ("north-korea", "North Korea"),
    ("oecd", "OECD"),
    ("pacific-alliance", "Pacific Alliance"),
    ("parliamentary-exchange", "Parliamentary exchange"),
    ("peruvians-in-japan", "Peruvians in Japan"),
    ("rule-of-law-international-order", "Rule of law and the international order"),
    ("strategic-partnership", "Strategic partnership"),
    ("taxation", "Taxation"),
    ("tourism", "Tourism"),
    ("un-security-council", "UN Security Council"),
    ("fisheries", "Fisheries"),
)

JP_FAMILY = (
    ("Abe", "安倍"), ("Hayashi", "林"), ("Kono", "河野"), ("Kishida", "岸田"), ("Motegi", "茂木"),
    ("Kamikawa", "上川"), ("Iwaya", "岩屋"), ("Ishiba", "石破"), ("Suga", "菅"), ("Noda", "野田"),
    ("Kan", "菅"), ("Nakasone", "中曽根"), ("Takamura", "高村"), ("Tsuge", "柘植"), ("Ono", "小野"),
    ("Tsuji", "辻"), ("Nikai", "二階"), ("Yamada", "山田"), ("Suzuki", "鈴木"), ("Tanaka", "田中"),
    ("Watanabe", "渡辺"), ("Ito", "伊藤"), ("Kobayashi", "小林"), ("Kato", "加藤"),
    ("Yoshida", "吉田"), ("Sasaki", "佐々木"), ("Yamaguchi", "山口"), ("Matsumoto", "松本"),
    ("Inoue", "井上"), ("Kimura", "木村"), ("Shimizu", "清水"), ("Mori", "森"), ("Ikeda", "池田"),
    ("Hashimoto", "橋本"), ("Ishikawa", "石川"), ("Ogawa", "小川"), ("Fujita", "藤田"),
    ("Okada", "岡田"), ("Goto", "後藤"), ("Hasegawa", "長谷川"), ("Murakami", "村上"),
    ("Kondo", "近藤"), ("Ishii", "石井"), ("Sakamoto", "坂本"), ("Endo", "遠藤"),
    ("Aoki", "青木"), ("Fujii", "藤井"), ("Nishimura", "西村"), ("Fukuda", "福田"), ("Ota", "太田"),
    ("Miura", "三浦"),
    ("Fujiwara", "藤原"), ("Okamoto", "岡本"), ("Matsuda", "松田"), ("Nakagawa", "中川"),
)  # fmt: skip
JP_GIVEN = (
    ("Shinzo", "晋三"), ("Yoshimasa", "芳正"), ("Taro", "太郎"), ("Fumio", "文雄"),
    ("Toshimitsu", "敏充"), ("Yoko", "陽子"), ("Takeshi", "毅"), ("Shigeru", "茂"),
    ("Yoshihide", "義偉"), ("Yoshihiko", "佳彦"), ("Naoto", "直人"), ("Hirofumi", "弘文"),
    ("Masahiko", "正彦"), ("Hideki", "英樹"), ("Kenji", "健二"), ("Hiroshi", "博"),
    ("Akira", "明"), ("Yuko", "優子"), ("Keiko", "恵子"), ("Satoshi", "聡"), ("Makoto", "誠"),
    ("Haruka", "遥"), ("Daisuke", "大輔"), ("Kazuo", "和夫"), ("Ichiro", "一郎"),
    ("Emi", "恵美"), ("Naoko", "直子"), ("Tomoko", "智子"), ("Koji", "浩二"), ("Ryota", "亮太"),
    ("Sayaka", "沙也加"),
    ("Takashi", "隆"), ("Minoru", "稔"), ("Noriko", "典子"), ("Shinji", "真司"), ("Aiko", "愛子"),
    ("Kenta", "健太"), ("Mariko", "真理子"), ("Yuji", "裕二"), ("Masaru", "勝"),
)  # fmt: skip
# Given names built from a head and an ending widen the pool so that every name stays unique.
JP_HEADS = (
    ("Ken", "健"), ("Hiro", "博"), ("Masa", "正"), ("Yoshi", "義"), ("Taka", "隆"), ("Kazu", "和"),
    ("Nori", "典"), ("Tomo", "智"), ("Aki", "明"), ("Shin", "真"), ("Toshi", "敏"), ("Yasu", "康"),
    ("Hide", "英"), ("Tetsu", "哲"), ("Kou", "浩"), ("Nobu", "信"), ("Tada", "忠"), ("Haru", "春"),
    ("Mitsu", "光"), ("Sada", "貞"), ("Yuki", "幸"), ("Tsune", "常"), ("Kiyo", "清"),
    ("Michi", "道"),
)  # fmt: skip
JP_ENDINGS = (
    ("taro", "太郎"), ("ichi", "一"), ("o", "夫"), ("ki", "樹"), ("hiko", "彦"), ("ko", "子"),
    ("mi", "美"), ("ya", "也"), ("to", "人"), ("shi", "志"), ("nori", "則"), ("suke", "介"),
)  # fmt: skip
PE_FAMILY = (
    "García", "Vizcarra", "Boluarte", "Humala", "Kuczynski", "Gervasi", "Popolizio", "Luna",
    "González", "Olaechea", "Schialer", "Camino", "Anderson", "Seminario", "Araoz", "López",
    "Chávarri", "Belaúnde", "Pérez", "Rodríguez", "Fernández", "Torres", "Ramírez", "Flores",
    "Sánchez", "Díaz", "Vargas", "Castillo", "Quispe", "Mamani", "Huamán", "Chávez", "Rojas",
    "Mendoza", "Gutiérrez", "Ríos", "Salazar", "Paredes", "Espinoza", "Córdova", "Cáceres",
    "Valdivia", "Zevallos", "Ugarte", "Benavides", "Prado", "Bustamante", "Ñique", "Muñoz",
)  # fmt: skip
PE_GIVEN = (
    "Alan", "Martín", "Dina", "Ollanta", "Pedro Pablo", "Ana Cecilia", "Néstor", "Ricardo",
    "Javier", "Elmer", "Peter", "Eric", "Mercedes", "José Antonio", "Gonzalo", "María", "Rosa",
    "Luis", "Carlos", "Jorge", "Lucía", "Carmen", "Fernando", "Víctor", "Ramón", "Patricia",
    "Isabel", "Sofía", "Andrés", "Raúl", "Teresa", "Julio", "Mónica", "Hugo", "Silvia",
)  # fmt: skip

# rank -> (JP title, PE title, level)
RANKS = (
    ("Prime Minister of Japan", "President of the Republic of Peru", "head_of_state_or_government"),
    ("Minister for Foreign Affairs", "Minister of Foreign Affairs of the Republic of Peru",
     "ministerial"),
    ("State Minister for Foreign Affairs", "Vice Minister of Foreign Affairs", "vice_ministerial"),
    ("Parliamentary Vice-Minister for Foreign Affairs", "Vice Minister for Foreign Trade",
     "vice_ministerial"),
    ("Ambassador of Japan to Peru", "Ambassador of Peru to Japan", "ambassadorial"),
    ("Director-General, Latin American and Caribbean Affairs Bureau",
     "Director General for Asia and Oceania", "other"),
)  # fmt: skip
RANK_WEIGHTS = (1, 3, 2, 2, 3, 4)

OFFICIAL_PUBLISHERS = {
    "JP": (
        "Ministry of Foreign Affairs of Japan",
        "https://www.mofa.go.jp/la_c/sa/pe/page{n}.html",
    ),
    "PE": (
        "Ministry of Foreign Affairs of Peru",
        "https://www.gob.pe/institucion/rree/noticias/{n}",
    ),
}
PRESS = (
    ("Andina", "https://andina.pe/ingles/noticia-{n}.aspx", "es"),
    ("Kyodo News", "https://english.kyodonews.net/news/{n}.html", "en"),
    ("El Comercio", "https://elcomercio.pe/politica/{n}/", "es"),
    ("NHK World", "https://www3.nhk.or.jp/nhkworld/en/news/{n}/", "en"),
    ("The Japan Times", "https://www.japantimes.co.jp/news/{n}/", "en"),
    ("日本経済新聞", "https://www.nikkei.com/article/DGXZQO{n}/", "ja"),
)
MIRRORS = (("GOV-BASE", "https://gov-base.info/{n}", "ja"),)
SECONDARY = (
    ("Nikkei Peruvian Association", "https://www.apj.org.pe/{n}", "es"),
    ("Embassy newsletter archive", "https://www.pe.emb-japan.go.jp/itpr_es/{n}.html", "es"),
)

KIND_WORDS = {
    "summit_meeting": "Summit Meeting",
    "foreign_ministers_meeting": "Foreign Ministers' Meeting",
    "courtesy_call": "Courtesy Call",
    "telephone_talk": "Telephone Talk",
    "video_conference": "Video Conference",
    "working_lunch": "Working Lunch",
    "small_group_meeting": "Small Group Meeting",
    "plenary_meeting": "Plenary Meeting",
    "other": "Meeting",
}
OCCASIONS = (
    "APEC Economic Leaders' Meeting",
    "APEC Ministerial Meeting",
    "G20 Summit",
    "United Nations General Assembly",
    "FEALAC Foreign Ministers' Meeting",
    "CPTPP Commission",
)
SUMMARY_PHRASES = (
    "The two sides welcomed the progress of the strategic partnership",
    "they agreed to deepen economic relations, including trade and investment",
    "Japan expressed its intention to continue development cooperation",
    "the Peruvian side thanked Japan for its support after the earthquake",
    "both confirmed cooperation on the rule of law and the international order",
    "they exchanged views on the situation in East Asia and Latin America",
    "the ministers discussed the Nikkei community and people-to-people exchange",
    "they agreed to work together towards a successful APEC year",
    "both sides looked forward to the anniversary of diplomatic relations",
    "they discussed mineral resources, energy transition and economic security",
    "the leaders confirmed close coordination at the United Nations",
    "they welcomed the growth of tourism and academic exchange",
)
AGREEMENT_KINDS = (
    ("treaty", "Treaty"),
    ("convention", "Convention"),
    ("agreement", "Agreement"),
    ("economic_partnership_agreement", "Economic Partnership Agreement"),
    ("protocol", "Protocol"),
    ("memorandum_of_cooperation", "Memorandum of Cooperation"),
    ("memorandum", "Memorandum"),
    ("exchange_of_notes", "Exchange of Notes"),
    ("joint_statement", "Joint Statement"),
    ("joint_declaration", "Joint Declaration"),
    ("road_map", "Road Map"),
)
AGREEMENT_SUBJECTS = (
    "Fisheries", "Tourism", "Taxation", "Investment", "Health", "Disaster Risk Reduction",
    "Science and Technology", "Cultural Exchange", "Mining", "Energy Transition", "Agriculture",
    "Education", "Customs Cooperation", "Social Security", "Air Services", "Defence Exchanges",
)  # fmt: skip
MILESTONES = (
    ("diplomatic-relations-1873", "Japan and Peru open diplomatic relations", "1873-08-21",
     "tokyo"),
    ("sakura-maru-arrival-1899", "The Sakura Maru arrives at Callao", "1899-04-03", "callao"),
    ("relations-restored-1952", "Japan and Peru restore diplomatic relations", "1952-06", None),
    ("economic-partnership-2012", "The Japan-Peru economic partnership enters into force",
     "2012-03-01", "lima"),
    ("digital-television-2009", "Peru adopts the Japanese digital television standard", "2009",
     None),
    ("strategic-partnership-2016", "Japan and Peru agree on a strategic partnership",
     "2016-11-18", "lima"),
)  # fmt: skip
BASE_SOURCES = 20
ORDINALS = (10, 20, 25, 30, 40, 50, 60, 70, 75, 80, 90, 100, 110, 120, 125, 130, 140, 150)

# ---------------------------------------------------------------------------------------------
# YAML emitter: every scalar is read back as the exact same text
# ---------------------------------------------------------------------------------------------

_PLAIN = re.compile(r"[A-Za-z0-9\u00c0-\u024f\u3040-\u30ff\u4e00-\u9fff][\w .,'()/:+-]*")
_NULL_WORDS = frozenset({"null", "Null", "NULL", "~"})
_FOLD_AT = 96


@lru_cache(maxsize=1 << 16)
def scalar(value: str) -> str:
    """One scalar on one line: plain where YAML reads it back verbatim, else double-quoted."""
    if (
        _PLAIN.fullmatch(value)
        and ": " not in value
        and " #" not in value
        and not value.endswith((":", " "))
        and value not in _NULL_WORDS
    ):
        return value
    return json.dumps(value, ensure_ascii=False)


def folded(value: str, indent: str) -> str:
    """Long single-line text as a folded block (>-), wrapped at single spaces."""
    if len(value) <= _FOLD_AT or "  " in value or "\n" in value:
        return scalar(value)
    lines: list[str] = []
    line = ""
    for word in value.split(" "):
        if line and len(line) + 1 + len(word) > _FOLD_AT:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return ">-\n" + "\n".join(indent + line for line in lines)


_LONG_TEXT = frozenset({"summary", "notes", "note", "description"})
# Fields whose values the generator makes as slugs, codes, ISO dates, times or integers: always
# plain-safe, so they skip the quoting decision.
_VERBATIM = frozenset(
    {
        "id", "kind", "mode", "level", "date", "start_local", "end_local", "timezone",
        "stated_japan_time", "place", "host_country", "person", "side", "role", "evidence",
        "provenance", "sources", "agreements", "anniversaries", "topics", "step", "party",
        "country", "language", "published", "milestone", "ordinal", "year", "status", "scope",
        "within", "wikidata", "duration_minutes", "duration_approximate", "derived", "start",
        "end",
    }
)  # fmt: skip


def _value(key: str, value: str, indent: str) -> str:
    if key in _VERBATIM:
        return value
    if key in _LONG_TEXT:
        return folded(value, indent)
    return scalar(value)


def emit(record: dict[str, Any]) -> str:
    """A record (str, list of str, list of dict of the same) as block-style YAML text."""
    out: list[str] = []
    for key, value in record.items():
        if value is None:
            continue
        if isinstance(value, list):
            if not value:
                continue
            out.append(f"{key}:\n")
            for item in value:
                if isinstance(item, dict):
                    lead = "  - "
                    for k, v in item.items():
                        if v is None:
                            continue
                        if isinstance(v, list):
                            out.append(f"{lead}{k}:\n")
                            out.extend(f"      - {_value(k, x, '')}\n" for x in v)
                        else:
                            out.append(f"{lead}{k}: {_value(k, v, '      ')}\n")
                        lead = "    "
                elif key in _VERBATIM:
                    out.append(f"  - {item}\n")
                else:
                    out.append(f"  - {scalar(item)}\n")
        else:
            out.append(f"{key}: {_value(key, value, '  ')}\n")
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# The generator
# ---------------------------------------------------------------------------------------------


def slugify(text: str) -> str:
    """An id fragment: 'González Olaechea' -> 'gonzalez-olaechea'."""
    folded_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded_text.lower()).strip("-")


def name_key(name: str) -> str:
    """How the validator folds names to match them (checks.name_key): one key, one person."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(sorted(_NON_WORD.sub(" ", stripped).split()))


_NON_WORD = re.compile(r"[\W_]+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@cache
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def japan_time(day: dt.date, minutes: int, zone: str) -> str:
    """What checks.japan_time computes: the local start in the venue's zone, in Japan time."""
    local = dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60), _zone(zone))
    return local.astimezone(JAPAN).strftime("%Y-%m-%dT%H:%M")


class Draws(random.Random):
    """random.Random with the few draws the generator makes, each from one random() call.

    The standard methods are exact but several times slower (rejection sampling, argument
    checks); at 10^5 meetings they were a third of the generation time. The draws stay a pure
    function of the seed.
    """

    def choice(self, seq: Any) -> Any:
        return seq[int(self.random() * len(seq))]

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:  # noqa: ARG002  # type: ignore[override]
        if stop is None:
            return int(self.random() * start)
        return start + int(self.random() * (stop - start))

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def choices(self, population: Any, weights: Any = None, **_: Any) -> list[Any]:  # type: ignore[override]
        cumulative = _cumulative(tuple(weights))
        return [population[bisect(cumulative, self.random() * cumulative[-1])]]

    def sample(self, population: Any, k: int, **_: Any) -> list[Any]:  # type: ignore[override]
        pool = list(population)
        return [pool.pop(int(self.random() * len(pool))) for _ in range(k)]


@cache
def _cumulative(weights: tuple[float, ...]) -> tuple[float, ...]:
    return tuple(accumulate(weights))


class Generator:
    """All records of one synthetic project, built in memory as plain (all-text) data."""

    def __init__(self, meetings: int, seed: int) -> None:
        self.n = meetings
        self.rng = Draws(seed)
        self.records: dict[str, list[dict[str, Any]]] = {kind: [] for kind in KINDS}
        self.source_kind: dict[str, str] = {}
        self._ids: dict[str, set[str]] = {kind: set() for kind in KINDS}
        self._source_seq = 0

    # -- helpers ---------------------------------------------------------------------------

    def unique_id(self, kind: str, base: str) -> str:
        taken = self._ids[kind]
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        taken.add(candidate)
        return candidate

    def random_day(self, start: dt.date = FIRST_DAY, end: dt.date = LAST_DAY) -> dt.date:
        """A day in [start, end], weighted towards the recent end as the real record is."""
        span = (end - start).days
        return end - dt.timedelta(days=int(span * self.rng.random() ** 1.6))

    def new_source(self, day: dt.date, country: str, kind: str | None = None) -> str:
        """A new source published on day (or the next), of a kind weighted as the real ones."""
        rng = self.rng
        kind = (
            kind
            or rng.choices(("official", "press", "mirror", "secondary"), weights=(70, 20, 5, 5))[0]
        )
        self._source_seq += 1
        n = self._source_seq
        published = min(day + dt.timedelta(days=rng.choice((0, 0, 0, 1))), LAST_DAY)
        if kind == "official":
            publisher, url = OFFICIAL_PUBLISHERS[country]
            language = rng.choice(("en", "ja")) if country == "JP" else "es"
            prefix = f"mofa-{language}" if country == "JP" else "rree-pe"
            title = f"{'Japan-Peru' if country == 'JP' else 'Perú-Japón'} bilateral meeting"
        else:
            publisher, url, language = rng.choice(
                {"press": PRESS, "mirror": MIRRORS, "secondary": SECONDARY}[kind]
            )
            prefix = slugify(publisher) or "nikkei"
            title = f"{publisher} report on Japan-Peru relations"
        source_id = self.unique_id("sources", f"{prefix}-{n:06d}")
        self.records["sources"].append(
            {
                "id": source_id,
                "url": url.format(n=f"{n:06d}"),
                "publisher": publisher,
                "kind": kind,
                "title": title,
                "published": published.isoformat() if rng.random() < 0.9 else None,
                "language": language,
                "notes": None
                if rng.random() < 0.9
                else "The page was captured from the publisher's archive; its photo captions "
                "were not used.",
            }
        )
        self.source_kind[source_id] = kind
        return source_id

    def evidence(self, sources: list[str]) -> str:
        order = ("official", "mirror", "press", "secondary")
        return min((self.source_kind[s] for s in sources), key=order.index)

    def pool_sources(self, k: int) -> list[str]:
        """k sources of the base pool: the first in turn (so every one is cited), then any."""
        pool = self.records["sources"][:BASE_SOURCES]
        self._cursor = (getattr(self, "_cursor", -1) + 1) % len(pool)
        picked = [pool[self._cursor]["id"]]
        for _ in range(k - 1):
            source_id = pool[self.rng.randrange(len(pool))]["id"]
            if source_id not in picked:
                picked.append(source_id)
        return picked

    # -- kinds -----------------------------------------------------------------------------

    def make_base_sources(self) -> None:
        for i in range(BASE_SOURCES):
            day = self.random_day()
            self.new_source(day, "JP" if i % 2 else "PE", "official" if i < 16 else "press")

    def make_topics(self) -> None:
        for topic_id, label in TOPICS:
            self._ids["topics"].add(topic_id)
            self.records["topics"].append(
                {
                    "id": topic_id,
                    "label": label,
                    "description": f"Meetings whose subjects include {label}.",
                }
            )

    def make_places(self) -> None:
        rng = self.rng
        for country, name, zone in (("JP", "Japan", "Asia/Tokyo"), ("PE", "Peru", "America/Lima")):
            place_id = self.unique_id("places", name.lower())
            self.records["places"].append(
                {
                    "id": place_id,
                    "name": name,
                    "kind": "country",
                    "country": country,
                    "timezone": zone,
                    "sources": self.pool_sources(1),
                }
            )
        for place_id, name, country, zone, lat, lon in CITIES:
            within = {"JP": "japan", "PE": "peru"}.get(country)
            self._ids["places"].add(place_id)
            self.records["places"].append(
                {
                    "id": place_id,
                    "name": name,
                    "kind": "city",
                    "country": country,
                    "timezone": zone,
                    "within": within,
                    "latitude": repr(lat),
                    "longitude": repr(lon),
                    "sources": self.pool_sources(rng.randint(1, 2)),
                }
            )
        cities = {c[0]: c for c in CITIES}
        venues = [(b[0], b[1], b[2]) for b in BUILDINGS]
        for k in range(self.n // 200):
            city = rng.choice(CITIES)
            name = f"{rng.choice(VENUE_NAMES)} {city[1]} {k + 1}"
            venues.append((slugify(name), name, city[0]))
        for place_id, name, city_id in venues:
            city = cities[city_id]
            self.records["places"].append(
                {
                    "id": self.unique_id("places", place_id),
                    "name": name,
                    "kind": "building",
                    "country": city[2],
                    "timezone": city[3],
                    "within": city_id,
                    "latitude": f"{city[4] + rng.uniform(-0.05, 0.05):.4f}",
                    "longitude": f"{city[5] + rng.uniform(-0.05, 0.05):.4f}",
                    "sources": self.pool_sources(1),
                    "notes": None if rng.random() < 0.8 else "Venue named in the press release.",
                }
            )

    def new_name(self, country: str, taken: set[str]) -> tuple[str, str, str | None, list[str]]:
        """A name no other person has, in any spelling the validator folds together."""
        rng = self.rng
        for attempt in range(1000):
            native: str | None = None
            if country == "JP":
                family, family_native = rng.choice(JP_FAMILY)
                if rng.random() < 0.3:
                    given, given_native = rng.choice(JP_GIVEN)
                else:
                    (head, head_native), (tail, tail_native) = (
                        rng.choice(JP_HEADS),
                        rng.choice(JP_ENDINGS),
                    )
                    given, given_native = head + tail, head_native + tail_native
                native = family_native + given_native
                aliases = [f"{family.upper()} {given}", f"{family} {given}"]
            else:
                family = rng.choice(PE_FAMILY)
                if rng.random() < 0.4 or attempt > 10:
                    family = f"{family} {rng.choice(PE_FAMILY)}"
                given = rng.choice(PE_GIVEN)
                plain = unicodedata.normalize("NFKD", f"{given} {family}")
                plain = plain.encode("ascii", "ignore").decode("ascii")
                aliases = [plain] if plain != f"{given} {family}" else []
            keys = {name_key(f"{given} {family}")} | ({name_key(native)} if native else set())
            if not keys & taken:
                taken.update(keys)
                return nfc(family), nfc(given), native, [nfc(a) for a in aliases]
        raise RuntimeError("the name pool is exhausted; widen JP_HEADS or PE_FAMILY")

    def make_people(self) -> None:
        rng = self.rng
        names: set[str] = set()
        self.people_by: dict[tuple[str, int], list[str]] = {}
        self.person_rank: dict[str, int] = {}
        self.person_country: dict[str, str] = {}
        total = max(24, self.n // 8)
        for i in range(total):
            country = "JP" if i % 2 == 0 else "PE"
            rank = rng.choices(range(len(RANKS)), weights=RANK_WEIGHTS)[0]
            if i < 2 * len(RANKS):  # every rank on both sides, even at tiny N
                rank = (i // 2) % len(RANKS)
            family, given, native, aliases = self.new_name(country, names)
            person_id = self.unique_id("people", slugify(f"{family} {given}"))
            sources = self.pool_sources(rng.randint(1, 3))
            title = RANKS[rank][0 if country == "JP" else 1]
            # The term is set once the meetings are made, to span every one the person attends.
            positions = [{"title": title, "country": country, "start": None, "end": None,
                          "sources": sources[:1]}]  # fmt: skip
            self.records["people"].append(
                {
                    "id": person_id,
                    "name": f"{given} {family}",
                    "family_name": family,
                    "given_name": given,
                    "name_native": native,
                    "country": country,
                    "aliases": aliases[: rng.randint(0, 2)],
                    "wikidata": f"Q{rng.randint(1000, 99999999)}" if rng.random() < 0.3 else None,
                    "positions": positions if rng.random() < 0.6 else [],
                    "sources": sources,
                    "notes": None
                    if rng.random() < 0.9
                    else "Some sources spell the family name without its accent.",
                }
            )
            self.people_by.setdefault((country, rank), []).append(person_id)
            self.person_rank[person_id] = rank
            self.person_country[person_id] = country

    def make_milestones(self) -> None:
        rng = self.rng
        extra = [
            (
                f"friendship-programme-{k + 1}",
                f"A Japan-Peru friendship programme begins ({k + 1})",
                self.random_day(dt.date(1950, 1, 1), dt.date(2015, 12, 31)).isoformat(),
                rng.choice(("lima", "tokyo", None)),
            )
            for k in range(self.n // 2000)
        ]
        for milestone_id, title, date, place in (*MILESTONES, *extra):
            sources = self.pool_sources(rng.randint(1, 3))
            self._ids["milestones"].add(milestone_id)
            self.records["milestones"].append(
                {
                    "id": milestone_id,
                    "title": title,
                    "date": date,
                    "place": place,
                    "summary": f"{title}. Anniversaries of this event are counted from "
                    f"{date[:4]}, as the sources recording them do.",
                    "evidence": self.evidence(sources),
                    "sources": sources,
                }
            )
            for n in ORDINALS:
                year = int(date[:4]) + n
                if year > LAST_DAY.year:
                    break
                anniversary_id = self.unique_id("anniversaries", f"{milestone_id}-{ordinal(n)}")
                asources = self.pool_sources(rng.randint(1, 2))
                self.records["anniversaries"].append(
                    {
                        "id": anniversary_id,
                        "title": f"{ordinal(n)} anniversary ({title})",
                        "milestone": milestone_id,
                        "ordinal": str(n),
                        "year": str(year),
                        "evidence": self.evidence(asources),
                        "sources": asources,
                    }
                )
        self.anniversaries_in: dict[str, list[str]] = {}
        for record in self.records["anniversaries"]:
            self.anniversaries_in.setdefault(record["year"], []).append(record["id"])

    def make_agreements(self) -> None:
        rng = self.rng
        self.agreements: list[tuple[str, dt.date]] = []
        steps_for = {
            "treaty": ("signed", "approved", "ratified", "in_force"),
            "convention": ("negotiations_launched", "signed", "approved", "notified", "in_force"),
            "economic_partnership_agreement": (
                "negotiations_launched", "concluded", "signed", "approved", "in_force",
                "effective",
            ),
            "exchange_of_notes": ("notes_exchanged",),
        }  # fmt: skip
        for _ in range(max(10, self.n // 20)):
            kind, kind_words = rng.choice(AGREEMENT_KINDS)
            subject = rng.choice(AGREEMENT_SUBJECTS)
            first = self.random_day(dt.date(1950, 1, 1), dt.date(2024, 12, 31))
            agreement_id = self.unique_id(
                "agreements", slugify(f"{kind_words} {subject} {first.year}")
            )
            names = steps_for.get(kind, ("signed",))
            day, steps, cited = first, [], []
            for step in names:
                if day > LAST_DAY:
                    break
                sources = [self.new_source(day, rng.choice(("JP", "PE")))]
                cited.extend(sources)
                precision = rng.choice((10, 10, 10, 7, 4))
                steps.append(
                    {
                        "step": step,
                        "date": day.isoformat()[:precision],
                        "party": rng.choice(("PE", "JP")) if step == "approved" else None,
                        "place": rng.choice(("lima", "tokyo")) if step == "signed" else None,
                        "derived": "true" if rng.random() < 0.05 else None,
                        "note": None if rng.random() < 0.7 else f"The {step} step as sourced.",
                        "sources": sources,
                    }
                )
                day += dt.timedelta(days=rng.randint(30, 400))
            status = {"in_force": "in_force", "effective": "in_force"}.get(
                steps[-1]["step"], "signed" if steps[-1]["step"] == "signed" else "concluded"
            )
            self.records["agreements"].append(
                {
                    "id": agreement_id,
                    "title": f"{kind_words} between Japan and the Republic of Peru on {subject}",
                    "short_title": f"Japan-Peru {subject} {kind_words}",
                    "kind": kind,
                    "scope": "bilateral" if rng.random() < 0.85 else "multilateral",
                    "status": status,
                    "steps": steps,
                    "evidence": self.evidence(cited),
                    "sources": list(dict.fromkeys(cited)),
                    "notes": None if rng.random() < 0.8 else "Dates as given by the sources.",
                }
            )
            self.agreements.append((agreement_id, first))

    def participants(self, rank: int) -> list[str]:
        """Principals of one rank on both sides, then up to four others."""
        rng = self.rng
        people: list[str] = []
        for country in ("JP", "PE"):
            pool = self.people_by.get((country, rank)) or self.people_by[(country, 1)]
            people.append(pool[rng.randrange(len(pool))])
        for _ in range(rng.choices((0, 1, 2, 3, 4), weights=(30, 25, 20, 15, 10))[0]):
            country = rng.choice(("JP", "PE"))
            lower = min(len(RANKS) - 1, rank + rng.randint(1, 3))
            pool = self.people_by.get((country, lower)) or self.people_by[(country, 4)]
            person = pool[rng.randrange(len(pool))]
            if person not in people:
                people.append(person)
        return people

    def make_meetings(self) -> None:
        rng = self.rng
        seen_events: set[tuple[str, str | None, str, tuple[str, ...]]] = set()
        venues: dict[str, list[str]] = {}
        for venue in self.records["places"]:
            if venue["kind"] == "building":
                venues.setdefault(venue["within"], []).append(venue["id"])
        family = {p["id"]: slugify(p["family_name"]) for p in self.records["people"]}
        recent_sources: list[str] = []
        made = 0
        while made < self.n:
            rank = rng.choices(range(5), weights=(2, 5, 2, 1, 1))[0]
            level = RANKS[rank][2]
            people = self.participants(rank)
            mode = rng.choices(("in_person", "telephone", "video"), weights=(85, 10, 5))[0]
            if mode == "telephone":
                kind = "telephone_talk"
            elif mode == "video":
                kind = "video_conference"
            elif rank == 0:
                kind = rng.choice(("summit_meeting", "summit_meeting", "working_lunch"))
            elif rank == 1:
                kind = rng.choice(
                    ("foreign_ministers_meeting", "small_group_meeting", "plenary_meeting")
                )
            else:
                kind = rng.choice(("courtesy_call", "courtesy_call", "other"))
            day = self.random_day()
            place: str | None = None
            occasion: str | None = None
            host: str | None = None
            if mode == "in_person":
                if rng.random() < 0.75:
                    host = rng.choice(("JP", "PE"))
                    city_id = rng.choice(HOME_CITIES[host])
                    candidates = venues.get(city_id)
                    if candidates and rng.random() < 0.5:
                        place = candidates[rng.randrange(len(candidates))]
                    else:
                        place = city_id
                else:
                    city = rng.choice(CITIES)
                    place = city[0]
                    occasion = f"{rng.choice(OCCASIONS)} {day.year}"
                    host = city[2] if city[2] in ("JP", "PE") else None
                zone = next(p["timezone"] for p in self._places_by_id([place]))
            else:
                zone = "Asia/Tokyo"
            timed = rng.random() < 0.85
            start = rng.randrange(7 * 12, 20 * 12) * 5 if timed else None
            event_key = (day.isoformat(), hhmm(start) if start is not None else None, kind,
                         tuple(sorted(people)))  # fmt: skip
            if event_key in seen_events:
                continue
            seen_events.add(event_key)
            duration = rng.choice((15, 20, 25, 30, 40, 45, 50, 60, 70, 90, 120))
            end = start + duration if start is not None and rng.random() < 0.6 else None
            if end is not None and end >= 24 * 60:
                end = None
            approximate = rng.random() < 0.5
            stated = None
            if start is not None and rng.random() < 0.7 and zone != "Asia/Tokyo":
                stated = japan_time(day, start, zone)
            if rng.random() < 0.3 and recent_sources:
                sources = [recent_sources[-1]]
            else:
                sources = [self.new_source(day, rng.choice(("JP", "JP", "PE")))]
            if rng.random() < 0.35:
                sources.append(self.new_source(day, "PE", rng.choice(("press", "official"))))
            recent_sources = sources
            participants = []
            for i, person in enumerate(people):
                rank_of = self.person_rank[person]
                country = self.person_country[person]
                participants.append(
                    {
                        "person": person,
                        "side": country,
                        "title": RANKS[rank_of][0 if country == "JP" else 1]
                        if rng.random() < 0.9
                        else None,
                        "role": "principal" if i < 2 else rng.choice(("accompanying", "present")),
                    }
                )
            for person in people:
                self.attend(person, day)
            mentioned = []
            if self.agreements and rng.random() < 0.3:
                mentioned = list(dict.fromkeys(rng.choice(self.agreements)[0] for _ in range(2)))
            anniversaries = self.anniversaries_in.get(str(day.year), [])[:1]
            topics = list(dict.fromkeys(rng.choice(TOPICS)[0] for _ in range(rng.randint(0, 6))))
            where = next((p["name"] for p in self._places_by_id([place])), None) if place else None
            title = f"Japan-Peru {KIND_WORDS[kind]}" + (f" in {where}" if where else "")
            phrases = rng.sample(SUMMARY_PHRASES, rng.randint(2, 4))
            summary = ". ".join(p[0].upper() + p[1:] for p in phrases) + "."
            base = f"{day.isoformat()}-{family[people[0]]}-{family[people[1]]}"
            if kind not in ("summit_meeting", "foreign_ministers_meeting"):
                base += "-" + kind.replace("_", "-")
            meeting_id = self.unique_id("meetings", base[:90].strip("-"))
            visit = None
            if host in ("JP", "PE") and rng.random() < 0.1:
                visitor = people[1] if host == "JP" else people[0]
                visit = self.make_visit(visitor, host, day, place, anniversaries, sources)
            if place is not None and rng.random() < 0.05:
                after = end if end is not None else (start + duration if start else None)
                self.make_event(day, after, zone, place, visit, participants[:2], topics, sources)
            self.records["meetings"].append(
                {
                    "id": meeting_id,
                    "title": title,
                    "date": day.isoformat(),
                    "kind": kind,
                    "mode": mode,
                    "level": level,
                    "start_local": hhmm(start) if start is not None else None,
                    "end_local": hhmm(end) if end is not None else None,
                    "duration_minutes": str(duration) if start is not None else None,
                    "duration_approximate": "true" if approximate and start is not None else None,
                    "timezone": zone if start is not None else None,
                    "stated_japan_time": stated,
                    "place": place,
                    "occasion": occasion,
                    "host_country": host,
                    "visit": visit,
                    "participants": participants,
                    "agreements": mentioned,
                    "anniversaries": anniversaries,
                    "topics": topics,
                    "other_events": ["A joint press announcement followed."]
                    if rng.random() < 0.1
                    else [],
                    "summary": summary,
                    "evidence": self.evidence(sources),
                    "derived": ["date"] if rng.random() < 0.02 else [],
                    "provenance": "extracted" if rng.random() < 0.2 else None,
                    "sources": sources,
                    "notes": None
                    if rng.random() < 0.85
                    else "The Japanese and English releases differ on the length of the "
                    "meeting; the English one is followed.",
                }
            )
            made += 1

    def attend(self, person: str, day: dt.date) -> None:
        span = self.attended.setdefault(person, [day, day])
        span[0], span[1] = min(span[0], day), max(span[1], day)

    def make_visit(
        self,
        visitor: str,
        host: str,
        day: dt.date,
        place: str | None,
        anniversaries: list[str],
        sources: list[str],
    ) -> str:
        """A visit by visitor to host, around day, citing the meeting's sources."""
        rng = self.rng
        start = day - dt.timedelta(days=rng.randint(0, 2))
        end = min(day + dt.timedelta(days=rng.randint(0, 4)), LAST_DAY)
        person = self._people[visitor]
        city = next(
            (p["within"] or p["id"] for p in self._places_by_id([place]) if p["kind"] != "city"),
            place,
        )
        country_name = {"JP": "Japan", "PE": "Peru"}[host]
        visit_id = self.unique_id(
            "visits", f"{start.isoformat()}-{slugify(person['family_name'])}-{country_name.lower()}"
        )
        kind = rng.choice(("official_visit", "working_visit", "state_visit", "visit"))
        self.records["visits"].append(
            {
                "id": visit_id,
                "title": f"{person['name']} visits {country_name}",
                "kind": kind,
                "visitor": visitor,
                "visitor_country": person["country"],
                "host_country": host,
                "start": start.isoformat(),
                "end": end.isoformat() if rng.random() < 0.8 else None,
                "places": [city] if city else [],
                "occasion": None,
                "anniversaries": anniversaries,
                "summary": f"{person['name']} made a {kind.replace('_', ' ')} to {country_name}, "
                "holding talks with the host government.",
                "evidence": self.evidence(sources),
                "derived": [],
                "sources": sources,
                "notes": None,
            }
        )
        return visit_id

    def make_event(
        self,
        day: dt.date,
        after: int | None,
        zone: str,
        place: str,
        visit: str | None,
        participants: list[dict[str, Any]],
        topics: list[str],
        sources: list[str],
    ) -> None:
        """A ceremony, reception or press event after a meeting, at its venue."""
        rng = self.rng
        kind = rng.choice(("ceremony", "reception", "press_conference", "commemoration"))
        start = after + 15 if after is not None and after + 15 < 23 * 60 else None
        event_id = self.unique_id("events", f"{day.isoformat()}-{kind.replace('_', '-')}-{place}")
        self.records["events"].append(
            {
                "id": event_id,
                "title": f"{kind.replace('_', ' ').capitalize()} after the meeting",
                "kind": kind,
                "date": day.isoformat(),
                "start_local": hhmm(start) if start is not None else None,
                "duration_minutes": str(rng.choice((20, 30, 60))) if start is not None else None,
                "duration_approximate": None,
                "timezone": zone if start is not None else None,
                "stated_japan_time": japan_time(day, start, zone) if start is not None else None,
                "place": place,
                "visit": visit,
                "participants": participants,
                "agreements": [],
                "anniversaries": [],
                "topics": topics[:2],
                "summary": "The two sides marked the occasion together after their talks.",
                "evidence": self.evidence(sources),
                "derived": [],
                "sources": sources,
                "notes": None,
            }
        )

    def set_terms(self) -> None:
        """Each recorded position spans every meeting its holder attended, as a term would."""
        rng = self.rng
        for person in self.records["people"]:
            for position in person["positions"]:
                span = self.attended.get(person["id"])
                if span is None:
                    first = last = self.random_day()
                else:
                    first, last = span
                precision = rng.choice((4, 7, 10, 10))
                start = first - dt.timedelta(days=rng.randint(0, 700))
                position["start"] = start.isoformat()[:precision]
                if rng.random() < 0.5:
                    end = min(last + dt.timedelta(days=rng.randint(0, 700)), LAST_DAY)
                    position["end"] = end.isoformat()[:precision]

    def _places_by_id(self, ids: list[str | None]) -> Iterator[dict[str, Any]]:
        if not hasattr(self, "_place_index"):
            self._place_index = {p["id"]: p for p in self.records["places"]}
        for place_id in ids:
            if place_id is not None:
                yield self._place_index[place_id]

    def generate(self) -> dict[str, list[dict[str, Any]]]:
        """Every record, by kind, in generation order."""
        self.make_base_sources()
        self.make_topics()
        self.make_places()
        self.make_people()
        self.make_milestones()
        self.make_agreements()
        self._people = {p["id"]: p for p in self.records["people"]}
        self.attended: dict[str, list[dt.date]] = {}
        self.make_meetings()
        self.set_terms()
        return self.records


def generate(meetings: int, seed: int = 0) -> dict[str, list[dict[str, Any]]]:
    """The plain data (every scalar as text, as YAML gives it) of a synthetic project."""
    return Generator(meetings, seed).generate()


_CREATE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)


def write_records(out: Path, records: dict[str, list[dict[str, Any]]]) -> int:
    """Write records/<kind>/<id>.yaml under out; return how many files were written."""
    count = 0
    for kind, items in records.items():
        folder = out / "records" / kind
        folder.mkdir(parents=True, exist_ok=True)
        base = f"{folder}{os.sep}"
        for record in items:
            # os.open/os.write: a quarter of the cost of open() per file, which matters at 10^5.
            fd = os.open(f"{base}{record['id']}.yaml", _CREATE, 0o644)
            try:
                os.write(fd, emit(record).encode("utf-8"))
            finally:
                os.close(fd)
            count += 1
    return count


def _model_input(value: Any) -> Any:
    """The value the YAML reader would give: None fields and empty lists left out."""
    if isinstance(value, dict):
        return {k: _model_input(v) for k, v in value.items() if v is not None and v != []}
    if isinstance(value, list):
        return [_model_input(v) for v in value]
    return value


def build(out: Path, records: dict[str, list[dict[str, Any]]]) -> int:
    """Run the library's build on the generated records; return how many files it wrote.

    The models are made from the same plain data the YAML files hold (the emitter's round trip
    is exact, which `jpr validate` proves: it rebuilds from the YAML and finds nothing stale),
    so the build does not pay to parse back what was just written.
    """
    from japan_peru_relations.build import render, write_outputs
    from japan_peru_relations.dataset import Dataset
    from japan_peru_relations.models import RECORD_TYPES

    dataset = Dataset.of(
        {
            kind: [RECORD_TYPES[kind].model_validate(_model_input(r)) for r in items]
            for kind, items in records.items()
        }
    )
    return len(write_outputs(out, render(dataset)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Write a synthetic, valid, project-shaped folder for benchmarks.",
        epilog="Example: python scripts/synth.py --meetings 20000 --out /tmp/jpr-20k --seed 1",
    )
    parser.add_argument("--meetings", type=int, required=True, help="number of meetings (N)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write (new or empty)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument(
        "--no-build", action="store_true", help="write records/ only, not data/ and schema/"
    )
    args = parser.parse_args(argv)
    if args.meetings < 1:
        parser.error("--meetings must be at least 1")
    if (args.out / "records").exists() and any((args.out / "records").iterdir()):
        parser.error(f"{args.out}/records already exists; give a new or empty folder")
    clock = [time.perf_counter()]

    def lap() -> float:
        clock.append(time.perf_counter())
        return clock[-1] - clock[-2]

    # Millions of small acyclic dicts: the cyclic collector would only walk them, again and again.
    gc.disable()
    try:
        records = generate(args.meetings, args.seed)
        generated = lap()
        files = write_records(args.out, records)
        report = f"generated in {generated:.1f} s, wrote {files} record files in {lap():.1f} s"
        if not args.no_build:
            built = build(args.out, records)
            report += f", built {built} files in {lap():.1f} s"
    finally:
        gc.enable()
    counts = ", ".join(f"{len(v)} {k}" for k, v in records.items())
    print(f"{report} ({counts})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
