"""The timeline page in headless Chromium: no console error, no request, filters that filter.

Needs Playwright's Python client and a Chromium (Debian's `chromium`, or JPR_CHROMIUM); the
test skips without them, or fails where JPR_REQUIRE_BROWSER is set (as CI sets it).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from japan_peru_relations.dataset import Dataset
from japan_peru_relations.site import timeline, write_site

from .conftest import chromium_path, require_or_skip
from .test_site import HOSTILE_SUMMARY, HOSTILE_TITLE, hostile

pytestmark = pytest.mark.slow

REQUIRE = "JPR_REQUIRE_BROWSER"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    require_or_skip(sync_playwright is not None, "playwright is not installed", REQUIRE)
    executable = chromium_path()
    require_or_skip(
        executable is not None,
        "no chromium (apt-get install chromium, or set JPR_CHROMIUM)",
        REQUIRE,
    )
    assert sync_playwright is not None
    args = ["--no-sandbox"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=args)
        yield launched
        launched.close()


class Visit:
    """One page load, with everything the page said and asked for."""

    def __init__(self, browser: Any, page_path: Path) -> None:
        self.context = browser.new_context(viewport={"width": 1100, "height": 1400})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.context.route("**/*", self._route)
        self.page.goto(page_path.as_uri())
        self.page.wait_for_selector("html.ready")

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith("file://"):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def visible(self) -> int:
        count: int = self.page.locator("#timeline li.item:visible").count()
        return count

    def close(self) -> None:
        self.context.close()


def test_the_page_loads_clean_and_its_filters_work(
    browser: Any, shipped: Dataset, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page_path = write_site(shipped, tmp_path / "site")
    data = timeline(shipped)
    items = data["items"]
    visit = Visit(browser, page_path)
    try:
        assert visit.visible() == len(items)
        assert visit.page.locator("#count").get_attribute("data-shown") == str(len(items))

        visit.page.locator("#kind-filter input[value=meetings]").uncheck()
        without_meetings = [i for i in items if i["group"] != "meetings"]
        assert visit.visible() == len(without_meetings) < len(items)

        decade = max(data["decades"], key=lambda d: sum(i["decade"] == d for i in without_meetings))
        visit.page.locator("#decade-filter").select_option(decade)
        in_decade = [i for i in without_meetings if i["decade"] == decade]
        assert visit.visible() == len(in_decade) < len(without_meetings)
        headings = visit.page.locator("#timeline li.decade-heading:visible")
        assert headings.all_text_contents() == [decade]

        visit.page.locator("#reset-filters").click()
        assert visit.visible() == len(items)

        assert visit.page.locator("#timeline li.item:not(:has(a))").count() == 0
        first = visit.page.locator("#timeline li.item a").first
        assert first.get_attribute("rel") == "noopener noreferrer"
        assert (first.get_attribute("href") or "").startswith("https://")

        screenshot = tmp_path / "timeline.png"
        visit.page.screenshot(path=str(screenshot), full_page=False)
        assert screenshot.stat().st_size > 10_000
        with capsys.disabled():
            print(f"\nscreenshot of the timeline page: {screenshot}")
        assert visit.errors == []
        assert visit.outside == []
    finally:
        visit.close()


def test_record_text_is_shown_as_text_never_run(
    browser: Any, synthetic: Dataset, tmp_path: Path
) -> None:
    page_path = write_site(hostile(synthetic), tmp_path / "site", with_data=False)
    visit = Visit(browser, page_path)
    try:
        assert visit.page.evaluate("typeof window.__pwned") == "undefined"
        assert visit.dialogs == []
        titles = visit.page.locator("#timeline li.item h3").all_text_contents()
        assert HOSTILE_TITLE in titles
        summaries = visit.page.locator("#timeline li.item p.summary").all_text_contents()
        assert HOSTILE_SUMMARY in summaries
        assert visit.page.locator("#timeline img, #timeline b, #timeline script").count() == 0
        hrefs = visit.page.locator("#timeline a").evaluate_all("els => els.map(e => e.href)")
        assert hrefs
        assert not [h for h in hrefs if not h.startswith("https://")]
        assert visit.errors == []
        assert visit.outside == []
    finally:
        visit.close()
