"""The HTML fragment pasted into a blank page, in headless Chromium: readable, and it asks no host for anything."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route

from .conftest import BRIEFING

BLANK = "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Partner page</title></head><body>{}</body></html>"


def paste(browser: Browser, fragment: str) -> tuple[Page, list[str]]:
    """A blank page with the fragment in its body; every request the page makes is recorded and refused."""
    requests: list[str] = []
    page = browser.new_page(viewport={"width": 800, "height": 1000})

    def refuse(route: Route) -> None:
        requests.append(route.request.url)
        route.abort()

    page.route("**/*", refuse)
    page.on("request", lambda request: requests.append(request.url))
    page.set_content(BLANK.format(fragment), wait_until="load")
    return page, requests


@pytest.mark.parametrize("language", ["de", "en"])
def test_fragment_renders_readably_without_requests(browser: Browser, exports: dict[str, str | bytes],
                                                    language: str, tmp_path: Path) -> None:
    fragment = exports[f"exports/{language}/{BRIEFING}.fragment.html"]
    assert isinstance(fragment, str)
    page, requests = paste(browser, fragment)
    try:
        screenshot = tmp_path / f"fragment-{language}.png"
        page.screenshot(path=str(screenshot), full_page=True)
        assert screenshot.stat().st_size > 50_000  # a page of text, not a blank one
        facts = page.evaluate("""() => {
            const article = document.querySelector('article.briefing');
            const h1 = article.querySelector('h1');
            return {
                lang: article.lang,
                headline: h1.innerText,
                headlineSize: parseFloat(getComputedStyle(h1).fontSize),
                bodySize: parseFloat(getComputedStyle(article.querySelector('li')).fontSize),
                wider: document.documentElement.scrollWidth > window.innerWidth,
                hidden: [...article.querySelectorAll('h2, li, p')].filter(e => e.offsetHeight === 0).length,
                sections: article.querySelectorAll('section').length,
                attribution: article.querySelector('footer.attribution').innerText,
                text: article.innerText.length,
            };
        }""")
    finally:
        page.close()
    assert requests == []
    assert facts["lang"] == {"de": "de-DE", "en": "en-GB"}[language]
    headline = {"de": "Koalition der Freiwilligen", "en": "Coalition of the Willing"}[language]
    assert facts["headline"].startswith(headline)
    assert facts["headlineSize"] > facts["bodySize"] >= 14
    assert not facts["wider"] and facts["hidden"] == 0
    assert facts["sections"] >= 6 and facts["text"] > 3000
    assert f"https://briefing.example.org/{language}/briefings/{BRIEFING}/" in facts["attribution"]


def test_fragment_needs_nothing_from_elsewhere(exports: dict[str, str | bytes]) -> None:
    """No chrome, no styles, scripts, images or frames; links are absolute or in-page."""
    for language in ("de", "en"):
        fragment = exports[f"exports/{language}/{BRIEFING}.fragment.html"]
        assert isinstance(fragment, str)
        assert fragment.startswith("<article") and fragment.rstrip().endswith("</article>")
        for tag in ("script", "style", "link", "img", "iframe", "html", "head", "body", "nav"):
            assert not re.search(rf"<{tag}[\s>/]", fragment), tag
        for href in fragment.split('href="')[1:]:
            assert href.startswith(("https://", "#")), href[:60]


def test_a_route_that_catches_requests_would_see_one(browser: Browser) -> None:
    """The request check can fail: a fragment with an image is caught."""
    page, requests = paste(browser, '<article><img src="https://elsewhere.example/x.png" alt=""></article>')
    page.close()
    assert any("elsewhere.example" in url for url in requests)


@pytest.mark.parametrize("language", ["de", "en"])
def test_standalone_page_is_styled_under_its_own_policy(browser: Browser, exports: dict[str, str | bytes],
                                                        language: str) -> None:
    """The page's CSP allows its one stylesheet (by hash) and nothing else; Chromium applies the style."""
    document = exports[f"exports/{language}/{BRIEFING}.html"]
    assert isinstance(document, str)
    assert re.search(r"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                     r"style-src 'sha256-[A-Za-z0-9+/=]+'", document)
    page = browser.new_page()
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text) if message.type == "error" else None)
    try:
        page.set_content(document, wait_until="load")
        styled = page.evaluate("() => getComputedStyle(document.body).maxWidth !== 'none'")
        injected = page.evaluate("""() => {
            const s = document.createElement('style');
            s.textContent = 'body { color: rgb(255, 0, 0) }';
            document.head.append(s);
            return getComputedStyle(document.body).color;
        }""")
    finally:
        page.close()
    assert violations == [] or all("Content Security Policy" in v for v in violations)
    assert styled, "the page's own stylesheet was refused"
    assert injected != "rgb(255, 0, 0)", "a style the policy does not name was applied"
