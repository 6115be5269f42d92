"""What readers of Material sites expect: a light and a dark scheme they can switch, kept from page to page,
and a way up from every page to the list it belongs to (a briefing: the archive).

Pages are picked from the built site (the first of each kind), so the tests hold whatever stories it has.
Every page opened must stay quiet (tests/browsing.py): the scheme's script runs from a file, as the pages'
Content Security Policy refuses inline scripts.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from ..browsing import Visit, visiting

LANGUAGES = ("de", "en")
KINDS = ("briefings", "people", "events", "sources")
"""Record pages that belong to a list: each must lead up to that list and to the start page."""


def first_page(site: Path, language: str, kind: str) -> str:
    """The site path of the first record page of a kind, as the built site has it."""
    folders = sorted(path.parent.name for path in (site / language / kind).glob("*/index.html"))
    assert folders, f"the built site has no {language}/{kind} pages"
    return f"{language}/{kind}/{folders[0]}/"


def scheme(page: Page) -> str | None:
    return page.locator("body").get_attribute("data-md-color-scheme")


def path_links(page: Page) -> list[tuple[str, str]]:
    """The way up, as (text, path) pairs from the start page down."""
    return page.eval_on_selector_all(
        "nav.md-path a", "links => links.map(a => [a.textContent.trim(), new URL(a.href).pathname])")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_a_record_page_leads_up_to_its_list(visit: Visit, site: Path, language: str, kind: str) -> None:
    page = visit(first_page(site, language, kind))
    links = path_links(page)
    assert [path for _, path in links] == [f"/{language}/", f"/{language}/{kind}/"]
    assert all(text for text, _ in links)
    assert page.locator("nav.md-path").is_visible()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_briefing_leads_back_to_the_archive(visit: Visit, site: Path, language: str) -> None:
    page = visit(first_page(site, language, "briefings"))
    archive = page.locator("nav.md-path a").last
    title = archive.inner_text().strip()
    archive.click()
    page.wait_for_url(f"**/{language}/briefings/")
    assert page.locator("article h1").inner_text().strip() == title
    assert [path for _, path in path_links(page)] == [f"/{language}/"]  # the archive itself: up to the start page


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_start_page_has_no_way_up(visit: Visit, language: str) -> None:
    assert visit(f"{language}/").locator("nav.md-path").count() == 0


def test_the_scheme_toggle_switches_and_is_kept_on_the_next_pages(visit: Visit, site: Path) -> None:
    page = visit("de/")
    assert scheme(page) == "default"  # headless Chromium prefers light
    page.locator("label[for='__palette_1']:visible").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    for path in (first_page(site, "de", "briefings"), first_page(site, "en", "briefings"), "en/positions/"):
        assert scheme(visit(path)) == "slate", path
    back = visit("en/")
    back.locator("label[for='__palette_0']:visible").click()
    expect(back.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    assert scheme(visit(first_page(site, "de", "briefings"))) == "default"


def test_a_reader_who_prefers_dark_gets_dark(browser: Browser, server: str) -> None:
    with visiting(browser, server, color_scheme="dark") as first_visit:  # a fresh context: no scheme chosen yet
        page = first_visit("en/")
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")


def test_the_toggle_is_named_in_the_page_language(visit: Visit, site: Path) -> None:
    names = {language: visit(f"{language}/").locator("label[for='__palette_1']").get_attribute("title")
             for language in LANGUAGES}
    assert all(names.values()) and names["de"] != names["en"]
    page = visit(first_page(site, "en", "briefings"))
    assert page.locator("input#__palette_0").get_attribute("aria-label") == names["en"]
    assert urlsplit(page.url).path.startswith("/en/")
