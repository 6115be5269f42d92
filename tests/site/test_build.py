"""The built site: strict MkDocs, languages, alternates, metadata, feeds, sitemap, search indexes, determinism."""

from __future__ import annotations

import filecmp
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest

from generator.errors import SiteError
from generator.outputs.site.run import run_mkdocs
from generator.project import Project, load_project
from generator.urls import export_url, pdf_url

from .conftest import BRIEFING, NOW, ROOT, confirm_all, copy_project, read_record, write_record

SITE_URL = "https://briefing.example.org/"


class Head(HTMLParser):
    """The parts of a page the tests read: `<html lang>`, links, metas, JSON-LD, the switch and Material's config."""

    def __init__(self, html: str):
        super().__init__()
        self.lang = ""
        self.links: list[dict[str, str]] = []
        self.metas: dict[str, str] = {}
        self.switch: list[dict[str, str]] = []
        self.scripts: dict[str, list[str]] = {}
        self._script: str | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if tag == "html":
            self.lang = values.get("lang", "")
        elif tag == "link":
            self.links.append(values)
        elif tag == "meta" and ("property" in values or "name" in values):
            self.metas[values.get("property") or values["name"]] = values.get("content", "")
        elif tag == "a" and "md-select__link" in values.get("class", ""):
            self.switch.append(values)
        elif tag == "script":
            self._script = values.get("id") or values.get("type") or "js"

    def handle_data(self, data: str) -> None:
        if self._script:
            self.scripts.setdefault(self._script, []).append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None


def head(site: Path, path: str) -> Head:
    return Head((site / path / "index.html").read_text(encoding="utf-8"))


def test_strict_build_writes_both_language_sections(site: Path) -> None:
    for path in ("index.html", "de/index.html", "en/index.html", f"de/briefings/{BRIEFING}/index.html",
                 "en/positions/index.html", "de/timeline/index.html", "en/people/volodymyr-zelensky/index.html",
                 "de/sources/paris-summit-report/index.html", "de/archive/2026-01/index.html",
                 "assets/briefing.css", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json"):
        assert (site / path).is_file(), path


@pytest.mark.parametrize(("language", "tag"), [("de", "de-DE"), ("en", "en-GB")])
def test_pages_carry_their_language(site: Path, language: str, tag: str) -> None:
    for path in ("", f"briefings/{BRIEFING}/", "people/volodymyr-zelensky/", "positions/"):
        assert head(site, f"{language}/{path}").lang == tag
    page = (site / language / "index.html").read_text(encoding="utf-8")
    assert {"de": 'placeholder="Suche"', "en": 'placeholder="Search"'}[language] in page


def test_language_switch_and_hreflang_lead_to_the_same_page(site: Path) -> None:
    page = head(site, f"de/briefings/{BRIEFING}")
    assert [(a["hreflang"], a["href"]) for a in page.switch] == [
        ("de-DE", f"../../../de/briefings/{BRIEFING}/"), ("en-GB", f"../../../en/briefings/{BRIEFING}/")]
    alternates = {link["hreflang"]: link["href"] for link in page.links if link.get("hreflang")}
    german, english = f"{SITE_URL}de/briefings/{BRIEFING}/", f"{SITE_URL}en/briefings/{BRIEFING}/"
    assert alternates == {"de-DE": german, "en-GB": english, "x-default": german}


def test_open_graph_and_feed_link(site: Path) -> None:
    page = head(site, f"en/briefings/{BRIEFING}")
    assert page.metas["og:type"] == "article"
    assert page.metas["og:title"] == ("Coalition of the Willing signs declaration of intent in Paris "
                                      "on a force for Ukraine")
    assert page.metas["og:locale"] == "en_GB" and page.metas["og:locale:alternate"] == "de_DE"
    assert page.metas["og:url"] == f"{SITE_URL}en/briefings/{BRIEFING}/"
    assert page.metas["article:published_time"] == "2026-01-07T09:00:00+01:00"
    feeds = [link for link in page.links if link.get("type") == "application/atom+xml"]
    assert [link["href"] for link in feeds] == ["../../../exports/en/feed.atom"]


@pytest.mark.parametrize("language", ["de", "en"])
def test_json_ld_in_the_page_parses(site: Path, language: str) -> None:
    (script,) = head(site, f"{language}/briefings/{BRIEFING}").scripts["application/ld+json"]
    article = json.loads(script)
    assert article["@type"] == "NewsArticle"
    assert article["inLanguage"] == {"de": "de-DE", "en": "en-GB"}[language]
    assert article["datePublished"] and article["dateModified"] and article["citation"]
    assert ("workTranslation" if language == "de" else "translationOfWork") in article
    assert article["author"]["name"] == article["publisher"]["name"] == "Briefing Desk"


def test_search_is_per_language(site: Path) -> None:
    for language, word, other in (("de", "Selenskyj", "Zelensky"), ("en", "Zelensky", "Selenskyj")):
        index = json.loads((site / language / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["lang"] == [language]
        assert "stemmer" in index["config"]["pipeline"]
        locations = [doc["location"] for doc in index["docs"]]
        assert f"briefings/{BRIEFING}/" in locations
        assert not [loc for loc in locations if loc.startswith(("de/", "en/"))]
        text = " ".join(doc["text"] for doc in index["docs"])
        assert word in text and other not in text
        (config,) = head(site, f"{language}/briefings/{BRIEFING}").scripts["__config"]
        assert json.loads(config)["base"] == f"../../../{language}/"


def test_sitemap_lists_alternates_with_dates_from_the_records(site: Path) -> None:
    tree = ET.parse(site / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = {url.findtext("s:loc", namespaces=ns): url for url in tree.getroot().findall("s:url", ns)}
    briefing = urls[f"{SITE_URL}en/briefings/{BRIEFING}/"]
    assert briefing.findtext("s:lastmod", namespaces=ns) == "2026-01-07"
    assert {(link.get("hreflang"), link.get("href")) for link in briefing.findall("x:link", ns)} == {
        ("de-DE", f"{SITE_URL}de/briefings/{BRIEFING}/"), ("en-GB", f"{SITE_URL}en/briefings/{BRIEFING}/")}
    assert all(len(url.findall("x:link", ns)) == 2 for loc, url in urls.items() if loc != SITE_URL)
    assert f"{SITE_URL}de/people/volodymyr-zelensky/" in urls


def test_briefing_links_to_its_pdf_and_exports(site: Path) -> None:
    page = (site / "de" / "briefings" / BRIEFING / "index.html").read_text(encoding="utf-8")
    for path in (pdf_url("de", BRIEFING), *(export_url("de", BRIEFING, f) for f in ("ninjs", "fragment", "text"))):
        assert f'href="../../../{path}"' in page
        assert (site / path).is_file(), path


@pytest.mark.parametrize("language", ["de", "en"])
def test_feed_parses_and_lists_the_briefing(site: Path, language: str) -> None:
    feed = feedparser.parse((site / "exports" / language / "feed.atom").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    url = f"{SITE_URL}{language}/briefings/{BRIEFING}/"
    (entry,) = [entry for entry in feed.entries if entry.id == url]
    assert {"de": "de-DE", "en": "en-GB"}[language] == entry.title_detail.language
    assert url in [link.href for link in entry.links if link.rel == "alternate" and "hreflang" not in link]


def test_mkdocs_build_strict_from_the_project_root(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "out")],
                            cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                            check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    assert (tmp_path / "out" / "de" / "briefings" / BRIEFING / "index.html").is_file()


def test_a_broken_link_between_pages_fails_the_build(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    template = root / "templates" / "site" / "home.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\n[Gone](people/nobody.md)\n", encoding="utf-8")
    with pytest.raises(SiteError, match=r"Aborted with \d+ warnings in strict mode"):
        run_mkdocs(load_project(root), tmp_path / "out", now=NOW, outputs=[])
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "cli")],
                            cwd=root, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                            check=False)
    assert result.returncode != 0
    assert "people/nobody.md" in result.stderr


def test_same_content_gives_the_same_bytes(project: Project, tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    run_mkdocs(project, first, now=NOW, outputs=[])
    run_mkdocs(project, second, now=NOW, outputs=[])
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    _match, mismatch, errors = filecmp.cmpfiles(first, second, [str(f) for f in files], shallow=False)
    assert not mismatch and not errors


ATTRIBUTE_SYNTAX = (' [more](https://example.org/){{: autofocus onfocus="alert(1)"}} *so*{{: onclick="alert(2)"}}'
                    '\n{{: style="background:url(http://evil.example/x)"}}')
"""attr_list syntax, its braces doubled as the text markup writes literal braces."""


def test_attribute_syntax_in_content_is_text_not_attributes(tmp_path: Path) -> None:
    """Python-Markdown's attr_list would turn `{: …}` after a link into event handlers: it is not enabled."""
    root = copy_project(tmp_path / "project")
    fact = read_record(root, "facts/meeting-aim.yaml")
    fact["text"] = {code: text + ATTRIBUTE_SYNTAX for code, text in fact["text"].items()}
    write_record(root, "facts/meeting-aim.yaml", fact)
    confirm_all(root)
    run_mkdocs(load_project(root), tmp_path / "out", now=NOW, outputs=[])
    for language in ("de", "en"):
        html = (tmp_path / "out" / language / "briefings" / BRIEFING / "index.html").read_text(encoding="utf-8")
        assert "example.org" in html  # the text arrived
        assert not re.search(r"<[^>]+\s(onfocus|onclick|autofocus|style)=", html), "content set an attribute"


def test_hostile_name_is_text_in_the_html(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    person = read_record(root, "people/jared-kushner.yaml")
    person["name"] = {code: {"full": '<img src=x onerror="alert(1)"> Kushner'} for code in ("de", "en")}
    write_record(root, "people/jared-kushner.yaml", person)
    confirm_all(root)
    run_mkdocs(load_project(root), tmp_path / "out", now=NOW, outputs=[])
    for path in ("en/people/jared-kushner/index.html", f"en/briefings/{BRIEFING}/index.html"):
        html = (tmp_path / "out" / path).read_text(encoding="utf-8")
        assert "&lt;img src=x onerror=" in html and "\\&lt;img" not in html
        assert not re.search(r"<img[^>]*onerror", html)
    head_tags = head(tmp_path / "out", "en/people/jared-kushner")
    assert head_tags.metas["og:title"] == '<img src=x onerror="alert(1)"> Kushner'
    assert head_tags.metas["description"] == '<img src=x onerror="alert(1)"> Kushner'



def test_bad_content_stops_mkdocs_with_the_problem_not_a_traceback(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    path = root / "content" / "people" / "jared-kushner.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("country:", "land:"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "out")],
                            cwd=root, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                            check=False)
    assert result.returncode != 0
    assert "content/people/jared-kushner.yaml:" in result.stderr and "land" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_briefing_published_before_1970_builds_its_sitemap(tmp_path: Path) -> None:
    """gzip cannot stamp a date before 1970; the sitemap still gives the page's own date."""
    root = copy_project(tmp_path / "project")
    briefing = read_record(root, f"briefings/{BRIEFING}.yaml")
    briefing["published"] = {"datetime": "1965-03-01T09:00:00+01:00", "zone": "Europe/Berlin"}
    write_record(root, f"briefings/{BRIEFING}.yaml", briefing)
    run_mkdocs(load_project(root), tmp_path / "out", now=NOW, outputs=[])
    sitemap = (tmp_path / "out" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>1965-03-01</lastmod>" in sitemap
    assert (tmp_path / "out" / "sitemap.xml.gz").stat().st_size > 0


class _MatrixRows(HTMLParser):
    """The first cell of each body row of the positions matrix: its tag and attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.in_body, self.row_start, self.first_cells = False, False, []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tbody":
            self.in_body = True
        elif tag == "tr" and self.in_body:
            self.row_start = True
        elif tag in ("td", "th") and self.row_start:
            self.first_cells.append((tag, dict(attrs)))
            self.row_start = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "tbody":
            self.in_body = False


@pytest.mark.parametrize("language", ["de", "en"])
def test_each_row_of_the_positions_matrix_is_headed_by_its_country(site: Path, language: str) -> None:
    """A screen reader announces whose stance a cell is: the country cell is a row header, not data."""
    rows = _MatrixRows()
    rows.feed((site / language / "positions" / "index.html").read_text(encoding="utf-8"))
    assert rows.first_cells, "the matrix has no rows"
    assert all(cell == ("th", {"scope": "row"}) for cell in rows.first_cells), rows.first_cells
