"""`jpr site`: one self-contained page, its data escaped, its links to sources and downloads."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from japan_peru_relations.build import render
from japan_peru_relations.dataset import Dataset
from japan_peru_relations.models import Meeting, Source
from japan_peru_relations.site import embed_json, render_page, timeline, write_site

HOSTILE_TITLE = "<img src=x onerror=\"window.__pwned = 'img'\"> & <b>bold</b>"
HOSTILE_SUMMARY = "</script><script>window.__pwned = 'script'</script><!-- a comment"


def hostile(dataset: Dataset) -> Dataset:
    """The dataset with markup in a meeting's text and a javascript: source URL.

    The models refuse such text, so it is put in with model_copy, which does not validate:
    the page must stay safe even with data that slipped past the validator.
    """
    records = {kind: list(dataset[kind]) for kind in dataset.records}
    first = records["meetings"][0]
    assert isinstance(first, Meeting)
    records["meetings"][0] = first.model_copy(
        update={"title": HOSTILE_TITLE, "summary": HOSTILE_SUMMARY}
    )
    source = records["sources"][0]
    assert isinstance(source, Source)
    records["sources"][0] = source.model_copy(update={"url": "javascript:window.__pwned='url'"})
    return Dataset.of(records)


def _data_block(page: str) -> str:
    match = re.search(r'<script type="application/json" id="jpr-data">(.*?)</script>', page, re.S)
    assert match
    return match.group(1)


def test_every_dated_record_and_step_is_an_entry(synthetic: Dataset) -> None:
    data = timeline(synthetic)
    groups = {g["id"]: g["count"] for g in data["groups"]}
    assert groups == {
        "milestones": 1,
        "anniversaries": 1,
        "agreement_steps": 2,
        "visits": 1,
        "meetings": 2,
        "events": 1,
    }
    dates = [item["date"] for item in data["items"]]
    assert dates == sorted(dates)
    assert data["decades"] == ["1870s", "2010s", "2020s"]
    meeting = next(i for i in data["items"] if i["id"] == "meetings/2023-05-03-hayashi-gervasi")
    assert meeting["place"] == "Lima"
    assert meeting["people"] == ["Yoshimasa Hayashi (JP)", "Ana Cecilia Gervasi (PE)"]
    assert meeting["time"] == "09:10–10:00 (America/Lima)"
    assert [s["url"] for s in meeting["sources"]] == [
        "https://www.mofa.go.jp/la_c/sa/pe/page1.html",
        "https://press.example.org/report?id=2",
    ]
    step = next(i for i in data["items"] if i["id"] == "agreement_steps/tax-convention/2")
    assert step["title"] == "Tax Convention: in force"
    assert step["date"] == "2021-01"
    assert "date worked out" in step["detail"]


def test_the_page_is_self_contained(shipped: Dataset) -> None:
    page = render_page(shipped)
    assert not re.search(r"<(script|link|img|iframe|object|embed)\b[^>]*\b(src|href)=", page)
    assert "@import" not in page
    assert "url(" not in page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp
    assert "default-src &#x27;none&#x27;" in csp.group(1)
    data = json.loads(_data_block(page))
    assert len(data["items"]) == len(timeline(shipped)["items"])


def test_record_text_is_escaped_in_the_embedded_json(synthetic: Dataset) -> None:
    page = render_page(hostile(synthetic))
    block = _data_block(page)
    for dangerous in ("<", ">", "&"):
        assert dangerous not in block
    assert page.count("</script>") == 2
    assert "<!--" not in page
    data = json.loads(block)
    titles = {item["title"] for item in data["items"]}
    assert HOSTILE_TITLE in titles
    assert json.loads(embed_json("</script><!--")) == "</script><!--"


def test_download_links_name_every_published_file(synthetic: Dataset) -> None:
    page = render_page(synthetic)
    paths = [p for p in render(synthetic) if p.startswith("data/")]
    for path in paths:
        assert f'href="{path}"' in page, path
    assert 'href="datapackage.json"' in page
    remote = render_page(synthetic, download_base="https://example.org/v1/data/")
    assert 'href="https://example.org/v1/data/meetings.csv"' in remote
    assert 'href="https://example.org/v1/datapackage.json"' in remote


def test_write_site_writes_the_page_and_the_files_it_links(
    synthetic: Dataset, tmp_path: Path
) -> None:
    page = write_site(synthetic, tmp_path)
    assert page == tmp_path / "index.html"
    for path, data in render(synthetic).items():
        assert (tmp_path / path).read_bytes() == data
    hrefs = re.findall(r'href="([^"#:]+)" download', page.read_text(encoding="utf-8"))
    assert hrefs
    assert all((tmp_path / href).is_file() for href in hrefs)


def test_write_site_with_a_remote_base_writes_the_page_only(
    synthetic: Dataset, tmp_path: Path
) -> None:
    write_site(synthetic, tmp_path, download_base="https://example.org/data/")
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]


@pytest.mark.parametrize(
    ("base", "descriptor"),
    [("data/", "datapackage.json"), ("files/data/", "files/datapackage.json")],
)
def test_the_descriptor_sits_beside_the_data_folder(
    synthetic: Dataset, base: str, descriptor: str
) -> None:
    assert f'href="{descriptor}" download' in render_page(synthetic, download_base=base)
