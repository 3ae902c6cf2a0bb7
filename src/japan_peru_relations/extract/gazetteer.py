"""A built-in table of cities and countries (English and Japanese names, ISO code, IANA zone).

>>> GAZETTEER.city("San Francisco").zone
'America/Los_Angeles'
>>> GAZETTEER.country("the Republic of Peru").code
'PE'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..models import Place


@dataclass(frozen=True)
class City:
    """A city where meetings happen: its English name, country and wall-clock zone."""

    name: str
    country: str
    zone: str
    place_id: str | None = None


@dataclass(frozen=True)
class Country:
    """A country: ISO code, English name, and its zone when it has only one."""

    code: str
    name: str
    zone: str | None


# name | ISO country | IANA zone | other names (English variants, Spanish, Japanese), ";"-separated.
_CITIES = """
Tokyo|JP|Asia/Tokyo|東京;東京都;Tokio
Osaka|JP|Asia/Tokyo|大阪
Yokohama|JP|Asia/Tokyo|横浜
Kyoto|JP|Asia/Tokyo|京都
Kobe|JP|Asia/Tokyo|神戸
Nagoya|JP|Asia/Tokyo|名古屋
Hiroshima|JP|Asia/Tokyo|広島
Nagasaki|JP|Asia/Tokyo|長崎
Sapporo|JP|Asia/Tokyo|札幌
Fukuoka|JP|Asia/Tokyo|福岡
Sendai|JP|Asia/Tokyo|仙台
Niigata|JP|Asia/Tokyo|新潟
Naha|JP|Asia/Tokyo|那覇
Okinawa|JP|Asia/Tokyo|沖縄
Ise-Shima|JP|Asia/Tokyo|伊勢志摩;Ise Shima
Toyama|JP|Asia/Tokyo|富山
Karuizawa|JP|Asia/Tokyo|軽井沢
Hakone|JP|Asia/Tokyo|箱根
Chiba|JP|Asia/Tokyo|千葉
Narita|JP|Asia/Tokyo|成田
Lima|PE|America/Lima|リマ
Arequipa|PE|America/Lima|アレキパ
Cusco|PE|America/Lima|Cuzco;クスコ
Trujillo|PE|America/Lima|トルヒーヨ
Piura|PE|America/Lima|ピウラ
Callao|PE|America/Lima|カヤオ
Iquitos|PE|America/Lima|イキトス
Chiclayo|PE|America/Lima|チクラヨ
Puno|PE|America/Lima|プーノ
Machu Picchu|PE|America/Lima|マチュピチュ
San Francisco|US|America/Los_Angeles|サンフランシスコ
Los Angeles|US|America/Los_Angeles|ロサンゼルス
Seattle|US|America/Los_Angeles|シアトル
Portland|US|America/Los_Angeles|ポートランド
Honolulu|US|Pacific/Honolulu|ホノルル
New York|US|America/New_York|ニューヨーク;New York City
Washington|US|America/New_York|ワシントン;Washington, D.C.;Washington D.C.;Washington DC
Boston|US|America/New_York|ボストン
Miami|US|America/New_York|マイアミ
Chicago|US|America/Chicago|シカゴ
Houston|US|America/Chicago|ヒューストン
Denver|US|America/Denver|デンバー
Ottawa|CA|America/Toronto|オタワ
Toronto|CA|America/Toronto|トロント
Montreal|CA|America/Toronto|モントリオール
Vancouver|CA|America/Vancouver|バンクーバー
Mexico City|MX|America/Mexico_City|メキシコシティ;Ciudad de México;Mexico D.F.
Cancun|MX|America/Cancun|カンクン;Cancún
Los Cabos|MX|America/Mazatlan|ロスカボス
Guadalajara|MX|America/Mexico_City|グアダラハラ
Guatemala City|GT|America/Guatemala|グアテマラシティ
San Salvador|SV|America/El_Salvador|サンサルバドル
Tegucigalpa|HN|America/Tegucigalpa|テグシガルパ
Managua|NI|America/Managua|マナグア
San Jose|CR|America/Costa_Rica|サンホセ;San José
Panama City|PA|America/Panama|パナマシティ;Panamá
Havana|CU|America/Havana|ハバナ;La Habana
Santo Domingo|DO|America/Santo_Domingo|サントドミンゴ
Port of Spain|TT|America/Port_of_Spain|ポートオブスペイン
Kingston|JM|America/Jamaica|キングストン
Bogota|CO|America/Bogota|ボゴタ;Bogotá
Cartagena|CO|America/Bogota|カルタヘナ
Medellin|CO|America/Bogota|メデジン;Medellín
Quito|EC|America/Guayaquil|キト
Guayaquil|EC|America/Guayaquil|グアヤキル
Caracas|VE|America/Caracas|カラカス
Brasilia|BR|America/Sao_Paulo|ブラジリア;Brasília
Rio de Janeiro|BR|America/Sao_Paulo|リオデジャネイロ;Rio
Sao Paulo|BR|America/Sao_Paulo|サンパウロ;São Paulo
Manaus|BR|America/Manaus|マナウス
Buenos Aires|AR|America/Argentina/Buenos_Aires|ブエノスアイレス
Santiago|CL|America/Santiago|サンティアゴ;Santiago de Chile
Valparaiso|CL|America/Santiago|バルパライソ;Valparaíso
Vina del Mar|CL|America/Santiago|ビニャ・デル・マール;Viña del Mar
Asuncion|PY|America/Asuncion|アスンシオン;Asunción
Montevideo|UY|America/Montevideo|モンテビデオ
Punta del Este|UY|America/Montevideo|プンタデルエステ
La Paz|BO|America/La_Paz|ラパス
Sucre|BO|America/La_Paz|スクレ
Santa Cruz|BO|America/La_Paz|サンタクルス;Santa Cruz de la Sierra
Georgetown|GY|America/Guyana|ジョージタウン
Paramaribo|SR|America/Paramaribo|パラマリボ
Beijing|CN|Asia/Shanghai|北京;Peking
Shanghai|CN|Asia/Shanghai|上海
Hangzhou|CN|Asia/Shanghai|杭州
Xiamen|CN|Asia/Shanghai|厦門;廈門
Hong Kong|HK|Asia/Hong_Kong|香港
Taipei|TW|Asia/Taipei|台北
Seoul|KR|Asia/Seoul|ソウル
Busan|KR|Asia/Seoul|釜山;Pusan
Gyeongju|KR|Asia/Seoul|慶州
Incheon|KR|Asia/Seoul|仁川
Pyongyang|KP|Asia/Pyongyang|平壌
Ulaanbaatar|MN|Asia/Ulaanbaatar|ウランバートル
Vladivostok|RU|Asia/Vladivostok|ウラジオストク
Moscow|RU|Europe/Moscow|モスクワ
Saint Petersburg|RU|Europe/Moscow|サンクトペテルブルク;St. Petersburg
Hanoi|VN|Asia/Ho_Chi_Minh|ハノイ;Ha Noi
Da Nang|VN|Asia/Ho_Chi_Minh|ダナン;Danang
Ho Chi Minh City|VN|Asia/Ho_Chi_Minh|ホーチミン;Saigon
Vientiane|LA|Asia/Vientiane|ビエンチャン
Phnom Penh|KH|Asia/Phnom_Penh|プノンペン
Siem Reap|KH|Asia/Phnom_Penh|シェムリアップ
Bangkok|TH|Asia/Bangkok|バンコク
Kuala Lumpur|MY|Asia/Kuala_Lumpur|クアラルンプール
Singapore|SG|Asia/Singapore|シンガポール
Jakarta|ID|Asia/Jakarta|ジャカルタ
Bali|ID|Asia/Makassar|バリ;Nusa Dua;Denpasar
Labuan Bajo|ID|Asia/Makassar|ラブアンバジョ
Manila|PH|Asia/Manila|マニラ
Bandar Seri Begawan|BN|Asia/Brunei|バンダルスリブガワン
Naypyidaw|MM|Asia/Yangon|ネピドー;Nay Pyi Taw
Yangon|MM|Asia/Yangon|ヤンゴン
Dili|TL|Asia/Dili|ディリ
New Delhi|IN|Asia/Kolkata|ニューデリー;Delhi
Mumbai|IN|Asia/Kolkata|ムンバイ
Dhaka|BD|Asia/Dhaka|ダッカ
Colombo|LK|Asia/Colombo|コロンボ
Islamabad|PK|Asia/Karachi|イスラマバード
Kathmandu|NP|Asia/Kathmandu|カトマンズ
Astana|KZ|Asia/Almaty|アスタナ
Tashkent|UZ|Asia/Tashkent|タシケント
Dubai|AE|Asia/Dubai|ドバイ
Abu Dhabi|AE|Asia/Dubai|アブダビ
Doha|QA|Asia/Qatar|ドーハ
Riyadh|SA|Asia/Riyadh|リヤド
Jeddah|SA|Asia/Riyadh|ジッダ
Tehran|IR|Asia/Tehran|テヘラン
Ankara|TR|Europe/Istanbul|アンカラ
Istanbul|TR|Europe/Istanbul|イスタンブール
Jerusalem|IL|Asia/Jerusalem|エルサレム
Cairo|EG|Africa/Cairo|カイロ
Sharm El-Sheikh|EG|Africa/Cairo|シャルム・エル・シェイク;Sharm el-Sheikh
Addis Ababa|ET|Africa/Addis_Ababa|アディスアベバ
Nairobi|KE|Africa/Nairobi|ナイロビ
Johannesburg|ZA|Africa/Johannesburg|ヨハネスブルグ
Pretoria|ZA|Africa/Johannesburg|プレトリア
Cape Town|ZA|Africa/Johannesburg|ケープタウン
Durban|ZA|Africa/Johannesburg|ダーバン
Dakar|SN|Africa/Dakar|ダカール
Tunis|TN|Africa/Tunis|チュニス
Marrakech|MA|Africa/Casablanca|マラケシュ;Marrakesh
Sydney|AU|Australia/Sydney|シドニー
Canberra|AU|Australia/Sydney|キャンベラ
Melbourne|AU|Australia/Melbourne|メルボルン
Brisbane|AU|Australia/Brisbane|ブリスベン
Perth|AU|Australia/Perth|パース
Auckland|NZ|Pacific/Auckland|オークランド
Wellington|NZ|Pacific/Auckland|ウェリントン
Port Moresby|PG|Pacific/Port_Moresby|ポートモレスビー
Suva|FJ|Pacific/Fiji|スバ
London|GB|Europe/London|ロンドン
Edinburgh|GB|Europe/London|エディンバラ
Glasgow|GB|Europe/London|グラスゴー
Cornwall|GB|Europe/London|コーンウォール;Carbis Bay
Dublin|IE|Europe/Dublin|ダブリン
Paris|FR|Europe/Paris|パリ
Biarritz|FR|Europe/Paris|ビアリッツ
Brussels|BE|Europe/Brussels|ブリュッセル
Luxembourg|LU|Europe/Luxembourg|ルクセンブルク
The Hague|NL|Europe/Amsterdam|ハーグ;Den Haag
Amsterdam|NL|Europe/Amsterdam|アムステルダム
Berlin|DE|Europe/Berlin|ベルリン
Munich|DE|Europe/Berlin|ミュンヘン;München
Hamburg|DE|Europe/Berlin|ハンブルク
Bonn|DE|Europe/Berlin|ボン
Elmau|DE|Europe/Berlin|エルマウ;Schloss Elmau
Geneva|CH|Europe/Zurich|ジュネーブ;Genève;Genf
Davos|CH|Europe/Zurich|ダボス
Bern|CH|Europe/Zurich|ベルン
Vienna|AT|Europe/Vienna|ウィーン;Wien
Rome|IT|Europe/Rome|ローマ;Roma
Milan|IT|Europe/Rome|ミラノ
Taormina|IT|Europe/Rome|タオルミーナ
Apulia|IT|Europe/Rome|プーリア;Puglia
Vatican City|VA|Europe/Vatican|バチカン;the Vatican;Vatican
Madrid|ES|Europe/Madrid|マドリード;マドリッド
Barcelona|ES|Europe/Madrid|バルセロナ
Seville|ES|Europe/Madrid|セビリア;Sevilla
Lisbon|PT|Europe/Lisbon|リスボン;Lisboa
Stockholm|SE|Europe/Stockholm|ストックホルム
Oslo|NO|Europe/Oslo|オスロ
Copenhagen|DK|Europe/Copenhagen|コペンハーゲン
Helsinki|FI|Europe/Helsinki|ヘルシンキ
Warsaw|PL|Europe/Warsaw|ワルシャワ
Prague|CZ|Europe/Prague|プラハ
Budapest|HU|Europe/Budapest|ブダペスト
Athens|GR|Europe/Athens|アテネ
Kyiv|UA|Europe/Kyiv|キーウ;Kiev;キエフ
Bucharest|RO|Europe/Bucharest|ブカレスト
Reykjavik|IS|Atlantic/Reykjavik|レイキャビク
"""

# ISO | English name | single zone (empty when the country spans several) | other names;
# a line starting with "+" adds more names to the row above.
_COUNTRIES = """
JP|Japan|Asia/Tokyo|日本;日本国
PE|Peru|America/Lima|ペルー;ペルー共和国;Republic of Peru;Perú;República del Perú
US|United States|America/New_York|米国;アメリカ;アメリカ合衆国;United States of America
+USA;U.S.;US;the United States
CA|Canada||カナダ
MX|Mexico||メキシコ;México;United Mexican States;メキシコ合衆国
GT|Guatemala|America/Guatemala|グアテマラ
SV|El Salvador|America/El_Salvador|エルサルバドル
HN|Honduras|America/Tegucigalpa|ホンジュラス
NI|Nicaragua|America/Managua|ニカラグア
CR|Costa Rica|America/Costa_Rica|コスタリカ
PA|Panama|America/Panama|パナマ;Panamá
CU|Cuba|America/Havana|キューバ
DO|Dominican Republic|America/Santo_Domingo|ドミニカ共和国
TT|Trinidad and Tobago|America/Port_of_Spain|トリニダード・トバゴ
JM|Jamaica|America/Jamaica|ジャマイカ
CO|Colombia|America/Bogota|コロンビア;コロンビア共和国
EC|Ecuador|America/Guayaquil|エクアドル;エクアドル共和国
VE|Venezuela|America/Caracas|ベネズエラ;Bolivarian Republic of Venezuela
BR|Brazil||ブラジル;Brasil;Federative Republic of Brazil;ブラジル連邦共和国
AR|Argentina|America/Argentina/Buenos_Aires|アルゼンチン;Argentine Republic;アルゼンチン共和国
CL|Chile||チリ;チリ共和国
PY|Paraguay|America/Asuncion|パラグアイ;パラグアイ共和国
UY|Uruguay|America/Montevideo|ウルグアイ;Oriental Republic of Uruguay;ウルグアイ東方共和国
BO|Bolivia|America/La_Paz|ボリビア;Plurinational State of Bolivia;ボリビア多民族国
GY|Guyana|America/Guyana|ガイアナ
SR|Suriname|America/Paramaribo|スリナム
CN|China|Asia/Shanghai|中国;中華人民共和国;People's Republic of China
HK|Hong Kong|Asia/Hong_Kong|Hong Kong, China
TW|Chinese Taipei|Asia/Taipei|台湾;Taiwan
KR|Republic of Korea|Asia/Seoul|韓国;大韓民国;South Korea;Korea
KP|North Korea|Asia/Pyongyang|北朝鮮;Democratic People's Republic of Korea;DPRK
MN|Mongolia||モンゴル
RU|Russia||ロシア;Russian Federation
VN|Viet Nam|Asia/Ho_Chi_Minh|ベトナム;Vietnam;ベトナム社会主義共和国
+Socialist Republic of Viet Nam;Socialist Republic of Vietnam
LA|Laos|Asia/Vientiane|ラオス;Lao People's Democratic Republic;Lao PDR
KH|Cambodia|Asia/Phnom_Penh|カンボジア
TH|Thailand|Asia/Bangkok|タイ;Kingdom of Thailand
MY|Malaysia|Asia/Kuala_Lumpur|マレーシア
SG|Singapore|Asia/Singapore|シンガポール
ID|Indonesia||インドネシア;Republic of Indonesia;インドネシア共和国
PH|Philippines|Asia/Manila|フィリピン;the Philippines;Republic of the Philippines;フィリピン共和国
BN|Brunei|Asia/Brunei|ブルネイ;Brunei Darussalam
MM|Myanmar|Asia/Yangon|ミャンマー
TL|Timor-Leste|Asia/Dili|東ティモール;East Timor
IN|India|Asia/Kolkata|インド
BD|Bangladesh|Asia/Dhaka|バングラデシュ
LK|Sri Lanka|Asia/Colombo|スリランカ
PK|Pakistan|Asia/Karachi|パキスタン
NP|Nepal|Asia/Kathmandu|ネパール
KZ|Kazakhstan||カザフスタン
UZ|Uzbekistan|Asia/Tashkent|ウズベキスタン
AE|United Arab Emirates|Asia/Dubai|アラブ首長国連邦;UAE
QA|Qatar|Asia/Qatar|カタール
SA|Saudi Arabia|Asia/Riyadh|サウジアラビア
IR|Iran|Asia/Tehran|イラン
TR|Türkiye|Europe/Istanbul|トルコ;Turkey;Turkiye
IL|Israel|Asia/Jerusalem|イスラエル
EG|Egypt|Africa/Cairo|エジプト
ET|Ethiopia|Africa/Addis_Ababa|エチオピア
KE|Kenya|Africa/Nairobi|ケニア
ZA|South Africa|Africa/Johannesburg|南アフリカ;南アフリカ共和国
SN|Senegal|Africa/Dakar|セネガル
TN|Tunisia|Africa/Tunis|チュニジア
MA|Morocco|Africa/Casablanca|モロッコ
AU|Australia||オーストラリア;豪州;Commonwealth of Australia
NZ|New Zealand|Pacific/Auckland|ニュージーランド
PG|Papua New Guinea|Pacific/Port_Moresby|パプアニューギニア
FJ|Fiji|Pacific/Fiji|フィジー
GB|United Kingdom|Europe/London|英国;イギリス;UK;Britain;Great Britain;the United Kingdom
+United Kingdom of Great Britain and Northern Ireland
IE|Ireland|Europe/Dublin|アイルランド
FR|France|Europe/Paris|フランス
BE|Belgium|Europe/Brussels|ベルギー
LU|Luxembourg|Europe/Luxembourg|ルクセンブルク
NL|Netherlands|Europe/Amsterdam|オランダ;the Netherlands
DE|Germany|Europe/Berlin|ドイツ
CH|Switzerland|Europe/Zurich|スイス
AT|Austria|Europe/Vienna|オーストリア
IT|Italy|Europe/Rome|イタリア
VA|Holy See|Europe/Vatican|バチカン;Vatican City State
ES|Spain|Europe/Madrid|スペイン
PT|Portugal|Europe/Lisbon|ポルトガル
SE|Sweden|Europe/Stockholm|スウェーデン
NO|Norway|Europe/Oslo|ノルウェー
DK|Denmark|Europe/Copenhagen|デンマーク
FI|Finland|Europe/Helsinki|フィンランド
PL|Poland|Europe/Warsaw|ポーランド
CZ|Czechia|Europe/Prague|チェコ;Czech Republic
HU|Hungary|Europe/Budapest|ハンガリー
GR|Greece|Europe/Athens|ギリシャ
UA|Ukraine|Europe/Kyiv|ウクライナ
RO|Romania|Europe/Bucharest|ルーマニア
IS|Iceland|Atlantic/Reykjavik|アイスランド
"""

# A country spanning several zones gets a zone only from a city named with it.
_MULTI_ZONE = frozenset({"US", "CA", "MX", "BR", "CL", "EC", "RU", "AU", "ID", "KZ", "MN"})

_DEMONYMS = {
    "JP": ("Japanese",),
    "PE": ("Peruvian",),
    "US": ("American", "U.S."),
    "CN": ("Chinese",),
    "KR": ("Korean",),
    "MX": ("Mexican",),
    "CL": ("Chilean",),
    "BR": ("Brazilian",),
    "AR": ("Argentine", "Argentinian"),
    "UY": ("Uruguayan",),
    "PY": ("Paraguayan",),
    "VN": ("Vietnamese",),
    "PH": ("Filipino", "Philippine"),
    "AU": ("Australian",),
    "GB": ("British",),
    "FR": ("French",),
    "DE": ("German",),
    "IN": ("Indian",),
    "ID": ("Indonesian",),
    "VE": ("Venezuelan",),
    "CO": ("Colombian",),
    "EC": ("Ecuadorian",),
    "BO": ("Bolivian",),
}

_REPUBLIC_PREFIX = re.compile(
    r"^(?:the\s+)?(?:(?:(?:federal|federative|socialist|oriental|plurinational|united)\s+)?"
    r"(?:republic|kingdom|state|commonwealth|states)\s+of\s+(?:the\s+)?)?"
)
_NON_WORD = re.compile(r"[^\w]+")
_CJK = re.compile(r"[\u3040-\u9fff]")


@lru_cache(maxsize=65536)
def fold_name(value: str) -> str:
    """Case-, accent- and punctuation-free form of a place or person name for lookups."""
    decomposed = unicodedata.normalize("NFKD", value)
    # Only Latin diacritics go: kana voicing marks (U+3099, U+309A) are part of the letter.
    stripped = unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not "\u0300" <= c <= "\u036f")
    )
    return _NON_WORD.sub(" ", stripped.casefold()).strip()


def _country_key(value: str) -> str:
    return _REPUBLIC_PREFIX.sub("", fold_name(value)).strip()


class Gazetteer:
    """Cities and countries by every name they go by, folded for case and accents."""

    def __init__(self, cities: Iterable[City], countries: Iterable[Country]) -> None:
        self._cities: dict[str, City] = {}
        self._countries: dict[str, Country] = {}
        self._by_code: dict[str, Country] = {}
        self._japanese: re.Pattern[str] | None = None
        for country in countries:
            self._by_code.setdefault(country.code, country)
        for city in cities:
            self.add_city(city.name, city)
        for country in countries:
            self.add_country(country.name, country)

    def add_city(self, name: str, city: City) -> None:
        """Make city findable by name (later additions win: project records over the table)."""
        key = fold_name(name)
        if key:
            self._cities[key] = city
            self._japanese = None

    def add_country(self, name: str, country: Country) -> None:
        """Make country findable by name."""
        key = _country_key(name)
        if key:
            self._countries.setdefault(key, country)
            self._japanese = None

    def city(self, name: str) -> City | None:
        """The city called name (any of its names), if known."""
        return self._cities.get(fold_name(name))

    def country(self, name: str) -> Country | None:
        """The country called name ("Peru", "the Republic of Peru", "ペルー"), if known."""
        return self._countries.get(_country_key(name))

    def country_by_code(self, code: str) -> Country | None:
        """The country with ISO code `code`."""
        return self._by_code.get(code)

    def city_names(self) -> list[str]:
        """Every folded city name, longest first (so "New York City" wins over "York")."""
        return sorted(self._cities, key=len, reverse=True)

    def country_names(self) -> list[str]:
        """Every folded country name, longest first."""
        return sorted(self._countries, key=len, reverse=True)

    def japanese_names(self) -> re.Pattern[str]:
        """One pattern for every Japanese place name, longest first, anchored at the end."""
        if self._japanese is None:
            names = {n for n in self._cities | self._countries if _CJK.search(n)}
            ordered = sorted(names, key=len, reverse=True)
            self._japanese = re.compile("(?:" + "|".join(map(re.escape, ordered)) + ")$")
        return self._japanese

    def with_places(self, places: Sequence[Place]) -> Gazetteer:
        """A copy extended by the project's place records (cities by name; others by `within`)."""
        extended = Gazetteer((), ())
        extended._cities = dict(self._cities)
        extended._countries = dict(self._countries)
        extended._by_code = dict(self._by_code)
        by_id = {place.id: place for place in places}
        for place in places:
            kind = str(place.kind)
            if kind == "country":
                country = self._by_code.get(place.country) or Country(
                    place.country, place.name, place.timezone
                )
                extended.add_country(place.name, country)
                continue
            city_place = place
            seen = {place.id}
            while str(city_place.kind) != "city" and city_place.within in by_id:
                if city_place.within in seen:
                    break
                seen.add(city_place.within)
                city_place = by_id[city_place.within]
            if str(city_place.kind) == "city":
                known = self.city(city_place.name)
                name = known.name if known else city_place.name
                city = City(name, place.country, place.timezone, place.id)
                extended.add_city(place.name, city)
                if place is city_place and known is not None:
                    # Every other name of the city ("リマ") now leads to the record too.
                    for key, other in self._cities.items():
                        if other == known:
                            extended._cities[key] = city
        return extended


def _parse_cities(table: str) -> list[tuple[City, list[str]]]:
    rows = []
    for line in table.strip().splitlines():
        name, country, zone, others = line.split("|")
        rows.append((City(name, country, zone), [n for n in others.split(";") if n]))
    return rows


def _parse_countries(table: str) -> list[tuple[Country, list[str]]]:
    rows: list[tuple[Country, list[str]]] = []
    for line in table.strip().splitlines():
        if line.startswith("+"):
            rows[-1][1].extend(n for n in line[1:].split(";") if n)
            continue
        code, name, zone, others = line.split("|")
        single = zone if zone and code not in _MULTI_ZONE else None
        rows.append((Country(code, name, single), [n for n in others.split(";") if n]))
    return rows


def _build() -> Gazetteer:
    gazetteer = Gazetteer((), ())
    for country, others in _parse_countries(_COUNTRIES):
        gazetteer._by_code.setdefault(country.code, country)
        for name in (country.name, *others):
            gazetteer.add_country(name, country)
    for city, others in _parse_cities(_CITIES):
        for name in (city.name, *others):
            gazetteer.add_city(name, city)
    return gazetteer


GAZETTEER = _build()
"""The built-in table, before the project's place records are added."""


_DEMONYM_CODES = {fold_name(w): code for code, words in _DEMONYMS.items() for w in words}


def demonym_country(word: str) -> str | None:
    """ISO code for an adjective of nationality ("Peruvian" -> "PE"), if known."""
    return _DEMONYM_CODES.get(fold_name(word))
