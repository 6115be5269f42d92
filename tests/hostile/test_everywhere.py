"""Hostile strings in every text of the content and every string of mkdocs.yml, through every output.

One project is built with the payload (tests/hostile/payload.py) appended to
every text a reader sees, and to the site name, description and rights. Then:
every kind of site page in Chromium (no dialog, no injected element or
attribute, no request but to the site, no CSP refusal), the site's search
results, and the feed, fragment, ninjs and PDF read back: the strings arrive
as text, and as nothing else.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from pypdf import PdfReader

from generator.build import build_site

from ..browsing import served, visiting
from ..conftest import copy_project, paris_project
from ..site.conftest import confirm_all
from .payload import MARKER, PAYLOAD, SHOWN, markup_problems, spoil_content

NOW = dt.datetime(2026, 2, 1, tzinfo=dt.UTC)
CONFIG_STRINGS = re.compile(r"^(site_name|site_description|\s+(?:publisher|licence|copyright_holder)): (.+)$",
                            re.MULTILINE)
RIGHTS_TEXTS = re.compile(r'^(\s+(?:de|en)): "(.+)"$', re.MULTILINE)

INJECTED = """() => {
    const found = [];
    for (const el of document.querySelectorAll('*')) {
        for (const a of el.attributes) {
            if (/^on/i.test(a.name) || a.name === 'autofocus') found.push(`${el.tagName} ${a.name}`);
            if (/^\\s*javascript:/i.test(a.value)) found.push(`${el.tagName} ${a.name}=${a.value}`);
        }
    }
    for (const el of document.querySelectorAll('img[src="x"], svg[onload], b[onmouseover], a[href^="javascript"]'))
        found.push(el.outerHTML.slice(0, 80));
    for (const s of document.scripts) {
        const foreign = s.src ? new URL(s.src).origin !== location.origin : !/json/.test(s.type);
        if (foreign) found.push(s.outerHTML.slice(0, 80));
    }
    return found;
}"""


def _hostile_config(text: str) -> str:
    """mkdocs.yml with the payload in the site name, description and every rights string."""
    text = CONFIG_STRINGS.sub(lambda m: f"{m[1]}: {json.dumps(m[2].strip(chr(34)) + ' ' + PAYLOAD)}", text)
    return RIGHTS_TEXTS.sub(lambda m: f"{m[1]}: {json.dumps(m[2] + ' ' + PAYLOAD)}", text)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site (with PDFs and exports) of the spoiled project."""
    root = copy_project(paris_project(), tmp_path_factory.mktemp("hostile") / "project")
    assert spoil_content(root / "content") > 100
    config = root / "mkdocs.yml"
    config.write_text(_hostile_config(config.read_text(encoding="utf-8")), encoding="utf-8")
    assert config.read_text(encoding="utf-8").count(MARKER) >= 9
    confirm_all(root)
    build_site(root, now=NOW)
    return root / "site"


def _page_kinds(site: Path) -> list[str]:
    """One page of every kind in each language (home, briefing, month, profile, listing, timeline, …), the root, 404."""
    kinds: dict[tuple[str, ...], str] = {}
    for page in sorted(site.rglob("index.html")):
        parts = page.relative_to(site).parts[:-1]
        if parts[:1] in (("exports",), ("pdf",)):
            continue
        kind = (*parts[:2], str(len(parts)))
        kinds.setdefault(kind, "/".join(parts) + "/" if parts else "")
    return [*kinds.values(), "404.html"]


def _open(visit, path: str) -> Page:
    page = visit(path)
    page.wait_for_timeout(150)  # let handlers that would fire on load or focus fire
    return page


def test_every_page_kind_shows_the_strings_as_text_only(browser: Browser, hostile: Path) -> None:
    paths = _page_kinds(hostile)
    assert len(paths) >= 20, paths
    with served(hostile) as base, visiting(browser, base) as visit:
        for path in paths:
            page = _open(visit, path)
            assert page.evaluate(INJECTED) == [], path
            if path != "404.html":
                assert SHOWN in page.inner_text("body"), f"{path}: the hostile text is not shown as text"
            page.close()


@pytest.mark.parametrize("language", ["de", "en"])
def test_search_results_show_the_strings_as_text_only(browser: Browser, hostile: Path, language: str) -> None:
    with served(hostile) as base, visiting(browser, base) as visit:
        page = _open(visit, f"{language}/")
        search = page.locator("input.md-search__input")
        search.click()
        search.press_sequentially("onerror", delay=50)
        page.wait_for_selector(".md-search-result__item", timeout=20_000)
        page.wait_for_timeout(300)
        assert page.evaluate(INJECTED) == []
        assert "onerror" in page.inner_text(".md-search-result")


@pytest.mark.parametrize("language", ["de", "en"])
def test_feed_fragment_and_ninjs_carry_the_strings_as_text(hostile: Path, language: str) -> None:
    exports = hostile / "exports" / language
    feed = ET.fromstring((exports / "feed.atom").read_bytes())
    atom = "{http://www.w3.org/2005/Atom}"
    titles = [element.text or "" for element in feed.iter(f"{atom}title")]
    assert any(SHOWN in title for title in titles)
    for content in feed.iter(f"{atom}content"):
        assert markup_problems(content.text or "") == []
        assert html.escape(SHOWN, quote=False) in (content.text or "")
    for fragment in exports.glob("*.fragment.html"):
        document = fragment.read_text(encoding="utf-8")
        assert markup_problems(document) == [], fragment.name
        assert html.escape(SHOWN, quote=False) in document
    for path in exports.glob("*.ninjs.json"):
        item = json.loads(path.read_text(encoding="utf-8"))
        assert SHOWN in item["headlines"][0]["value"]
        bodies = [body["value"] for body in item.get("bodies", []) if body.get("contentType") == "text/html"]
        assert bodies and all(markup_problems(body) == [] for body in bodies)
        assert all(html.escape(SHOWN, quote=False) in body for body in bodies)


def test_pdfs_print_the_strings_and_link_nowhere_else(hostile: Path) -> None:
    pdfs = sorted((hostile / "pdf").rglob("*.pdf"))
    assert len(pdfs) >= 4
    for path in pdfs:
        reader = PdfReader(path)
        text = re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))
        assert re.sub(r"\s+", "", MARKER) in text, path.name
        targets = [str(annotation.get_object().get("/A", {}).get("/URI", ""))
                   for page in reader.pages for annotation in page.get("/Annots", [])]
        assert all(target.startswith(("https://", "http://", "mailto:")) for target in targets if target), targets
