"""The built site in headless Chromium: language switch, search, mentions, accessibility, and quiet pages.

The site is served from 127.0.0.1 (tests/browsing.py); every request to any
other host is refused and recorded, and every test ends by checking that no
page logged a console error, failed a request, opened a dialog or tried to
reach another host. Accessibility is checked with axe-core (vendored, see vendor/).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from ..browsing import Visit
from .conftest import BRIEFING

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
CHECKED_PAGES = ("", f"briefings/{BRIEFING}/", "people/volodymyr-zelensky/", "timeline/", "positions/")
"""Home, briefing, profile, timeline and matrix: the pages checked with axe in each language."""


def test_language_switch_lands_on_the_same_briefing(visit: Visit) -> None:
    page = visit(f"de/briefings/{BRIEFING}/")
    assert page.locator("html").get_attribute("lang") == "de-DE"
    page.hover(".md-header__option .md-select")
    page.click('.md-select__link[hreflang="en-GB"]')
    page.wait_for_url(f"**/en/briefings/{BRIEFING}/")
    assert page.locator("html").get_attribute("lang") == "en-GB"
    assert page.locator("article h1").inner_text().startswith("Coalition of the Willing signs declaration of intent")


@pytest.mark.parametrize(("language", "query"), [
    ("de", "Selenskyj"),
    ("en", "Zelensky"),   # the English stemmer indexes it as "zelenski": found only with stemming on
    ("de", "Dokumenten"),  # not in the text; "Dokumente" is, and both stem to "dokument"
    ("en", "signing"),     # not in the text; "signs" is, and both stem to "sign"
])
def test_search_finds_the_briefing_in_its_language(visit: Visit, language: str, query: str) -> None:
    page = visit(f"{language}/")
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially(query, delay=50)  # Material reads key strokes, not a pasted value
    page.wait_for_selector(f".md-search-result__item a[href*='/{language}/briefings/{BRIEFING}/']", timeout=20_000)
    links = page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")
    paths = [urlsplit(link).path for link in links]
    assert f"/{language}/briefings/{BRIEFING}/" in paths
    assert all(path.startswith(f"/{language}/") for path in paths), paths


def test_mention_links_to_the_profile(visit: Visit) -> None:
    page = visit(f"de/briefings/{BRIEFING}/")
    page.locator("article").get_by_role("link", name="Wolodymyr Selenskyj").first.click()
    page.wait_for_url("**/de/people/volodymyr-zelensky/")
    assert page.locator("article h1").inner_text() == "Wolodymyr Selenskyj"
    assert page.locator("article").get_by_text("Präsident der Ukraine, seit 20. Mai 2019").count() == 1


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("path", CHECKED_PAGES)
def test_no_serious_accessibility_violations(visit: Visit, language: str, path: str) -> None:
    page = visit(f"{language}/{path}")
    page.evaluate(AXE.read_text(encoding="utf-8"))  # run by the driver: the page's CSP refuses inline scripts
    violations = page.evaluate("""async () => {
        const results = await axe.run(document, {resultTypes: ['violations']});
        return results.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                             targets: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""")
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == [], f"{language}/{path}: {serious}"


def test_front_door_leads_to_both_languages(visit: Visit) -> None:
    page = visit("")
    page.locator(".language-entry[lang=en-GB]").get_by_role("link", name="English").click()
    page.wait_for_url("**/en/")
    assert page.locator("html").get_attribute("lang") == "en-GB"
