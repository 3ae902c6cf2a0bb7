"""Property tests: any text gives meetings or findings in the spec's shape, never an exception."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from japan_peru_relations.extract.extractor import extract_document
from japan_peru_relations.extract.result import Extraction
from japan_peru_relations.extract.text import Document, normalise, strip_html

from .test_extractor import PEOPLE, assert_spec_shape

# Pieces of real phrasings (and of their failure modes), to be glued together at random.
FRAGMENTS = [
    "On May 3, ", "commencing at ", "11:35 a.m. ", "12 a.m. ", "12 noon", "00:50 a.m.",
    "(local time; ", "1:35 a.m. on May 4 JST)", "(Japan time; ", "9 a.m. local time)",
    " for approximately 30 minutes", " for approximately 2 hours and 30 minutes", "for 90 minutes",
    "from 3:30 p.m. to 3:55 p.m. (local time)", "on November 14 (Sun) from 5:00 to 5:20 p.m.",
    "On Monday, November 10, ", "until 10:45 a.m.", "Japan Standard Time", "Lima time",
    "Mr. HAYASHI Yoshimasa, Minister for Foreign Affairs, ", "who is visiting Lima, Peru, ",
    "who is visiting Huancayo, Peru, ", "to attend the APEC Ministerial Meeting, ",
    "paid a courtesy call on H.E. Ms. Dina Boluarte, President of the Republic of Peru.",
    "held a telephone talk with ", "held a small group meeting with ", "and a plenary meeting ",
    "held a working lunch", "Minister Grevasi", "Applied Power Electronic Conference (APEC)",
    "Tokyo, 2 September 2023 (TDI): ", "May 3, 2023\n", "令和5年5月3日\n", "\n", ". ", ", ",
    "現地時間8月14日午前10時", "(日本時間8月15日午前12時)", "から約2時間30分", "2月24日、",
    "午後7時より約35分間", "日本時間同日", "同日午後4時35分から約40分", "林芳正外務大臣は、",
    "リマにおいて", "と会談を行いました。", "（", "）", "１２：３０", "\u00a0", "(", ")", ";",
    "February 30, 2023", "99:99 p.m.", "24:00", "12:60", "13 a.m.", "日本時間14日時午前5時",
]  # fmt: skip

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=30).map("".join),
)


def _run(text: str) -> tuple[Extraction, str]:
    document = Document(normalise(text))
    result = extract_document(document, people=PEOPLE, places=(), source_url=None)
    return result, document.text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_gives_meetings_or_findings(text: str) -> None:
    result, normalised = _run(text)
    assert_spec_shape(result, normalised)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_gives_loadable_drafts(text: str) -> None:
    result, _ = _run(text)
    drafts = result.to_yaml_drafts()
    for draft in yaml.safe_load_all(drafts):
        assert draft is None or isinstance(draft, dict)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(["<p>", "</p>", "<br>", "<script>", "</script>",
                                           "<!--", "-->", "&amp;", "&#x", "<", ">", "<title>"]),
                          st.sampled_from(FRAGMENTS)), max_size=30).map("".join))  # fmt: skip
def test_any_markup_strips(markup: str) -> None:
    text, _ = strip_html(markup)
    assert isinstance(text, str)
    result, normalised = _run(text)
    assert_spec_shape(result, normalised)
