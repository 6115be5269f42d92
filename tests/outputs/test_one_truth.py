"""Every page that counts, lists or dates the same records agrees, for whatever stories `content/` holds.

Readers found the sources page saying "cited by 0 records" beside source
pages listing what they document, a dossier profile empty where the site's
showed a fact, a timeline promising statements it did not show, and a feed
called "Briefing: briefings". Each came from two code paths answering one
question. These tests build the real content and cross-check the outputs
against each other and against the records themselves, iterating over
whatever records exist (no story's ids, titles or counts).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from generator.graph import ITEM_KINDS
from generator.outputs.exports.dataset import facts_dataset
from generator.outputs.exports.feeds import atom_feed
from generator.outputs.pdf.jobs import dossier_html
from generator.outputs.site.pages import LanguagePages
from generator.outputs.site.run import run_mkdocs, site_pages
from generator.project import Project, load_project
from generator.public import Public
from generator.render import to_plain
from generator.urls import index_source, page_source, timeline_month_source

from ..browsing import served, visiting
from ..conftest import ROOT, after_everything

NOW = after_everything(ROOT)
LANGUAGES = ("de", "en")
PHONE = 390
ATOM = "{http://www.w3.org/2005/Atom}"
_TAG = re.compile(r"<[^>]+>")
_LISTED = re.compile(r"^- \[[^\n]*\]\(([a-z0-9-]+)\.md\)[^\n]*?(\d[\d.,\u202f\u00a0]*)\D*$", re.MULTILINE)


@pytest.fixture(scope="module")
def project() -> Project:
    return load_project(ROOT)


@pytest.fixture(scope="module")
def public(project: Project) -> Public:
    return project.public(NOW)


@pytest.fixture(scope="module")
def pages(project: Project) -> dict[str, str]:
    return site_pages(project, NOW)


@pytest.fixture(scope="module")
def site(project: Project, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content's site pages, built by MkDocs as a reader gets them."""
    target = tmp_path_factory.mktemp("one-truth") / "site"
    run_mkdocs(project, target, now=NOW)
    return target


def text_of(markup: str) -> str:
    """What a reader reads: tags dropped, entities resolved, soft hyphens gone, white space single."""
    return " ".join(html.unescape(_TAG.sub("", markup)).replace("\u00ad", "").split())


def page_text(site: Path, source: str) -> str:
    return text_of((site / source.removesuffix(".md") / "index.html").read_text(encoding="utf-8"))


def sections(markdown: str) -> dict[str, str]:
    """A page's second-level sections by heading."""
    parts = re.split(r"^## (.+)$", markdown, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def entries(section: str) -> int:
    """The list entries of a section (continuation lines are indented)."""
    return sum(1 for line in section.splitlines() if line.startswith("- "))


def citing(project: Project, public: Public, source_id: str) -> set[str]:
    """The records the site shows that cite the source, from the records themselves."""
    found = set()
    for record in project.graph.records:
        model = record.model
        parts = [*(getattr(model, "roles", None) or ()), *(getattr(model, "memberships", None) or ())]
        cites = {*(getattr(model, "sources", None) or ()), *(s for part in parts for s in part.sources)}
        shown = record.kind == "people" or record.id in public.items or record.id in public.events
        if source_id in cites and shown:
            found.add(record.id)
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_source_is_cited_by_the_records_its_page_lists_and_the_dataset_holds(
        project: Project, public: Public, pages: dict[str, str], language: str) -> None:
    gettext = project.translations(language).gettext
    counts = {source_id: int(re.sub(r"\D", "", count))
              for source_id, count in _LISTED.findall(pages[index_source(language, "sources")])}
    sources = [record.id for record in project.graph.of_kind("sources")]
    assert sorted(counts) == sorted(sources), "the sources page lists every source once, with its count"
    dataset = facts_dataset(project, NOW)
    for source_id in sources:
        expected = citing(project, public, source_id)
        listed = sections(pages[page_source(language, "sources", source_id)])
        listed.pop(gettext("Briefings relying on this source"))
        assert counts[source_id] == sum(entries(body) for body in listed.values()) == len(expected), source_id
        items = {row["id"] for row in dataset.items if source_id in row["sources"]}
        assert items == {r for r in expected if project.graph.get(r).kind in ITEM_KINDS}, source_id
        shown_items = sum(entries(listed.get(gettext(h), "")) for h in ("Statements", "Facts"))
        assert shown_items == len(items), source_id


def _dossiers(project: Project, public: Public) -> list[str]:
    return [r.id for r in project.graph.of_kind("dossiers") if public.dossier_complete(r.id, project.graph)]


def _profile_article(dossier: str, dossier_id: str, record_id: str) -> str:
    match = re.search(rf'<article class="profile" id="{dossier_id}-profile-{record_id}">(.*?)</article>', dossier,
                      re.DOTALL)
    assert match, record_id
    return text_of(match.group(1))


@pytest.mark.parametrize("language", LANGUAGES)
def test_dossier_profiles_print_what_the_site_profiles_show_of_the_dossiers_records(
        project: Project, public: Public, site: Path, language: str) -> None:
    graph = project.graph
    dossiers = _dossiers(project, public)
    if not dossiers:
        pytest.skip("no dossier is public at NOW")
    localizer = project.localizer(language)
    for dossier_id in dossiers:
        briefings = list(public.dossiers[dossier_id])
        printed = dossier_html(project, dossier_id, language, briefings)
        records = {i for b in briefings for i in graph.briefing_records(b) if graph.get(i).kind in ITEM_KINDS}
        for record_id in graph.model(dossier_id).profiles:
            on_site = page_text(site, page_source(language, graph.get(record_id).kind, record_id))
            in_dossier = _profile_article(printed, dossier_id, record_id)
            expected = [f for f in graph.facts_about.get(record_id, ()) if f in records]
            expected += [s for s in graph.statements_by.get(record_id, ()) if s in records]
            for item_id in expected:
                view = localizer.item(item_id)
                words = text_of(str(to_plain(view.text)))
                assert words in on_site, (record_id, item_id, "site")
                assert words in in_dossier, (record_id, item_id, "dossier")


def _site_timeline(project: Project, language: str) -> list:
    pages = LanguagePages(project, language, project.public(NOW))
    return [entry for month in project.public(NOW).timeline for entry in pages.timeline_entries(month)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_timeline_holds_what_it_promises_and_the_dossier_and_dataset_agree(
        project: Project, public: Public, site: Path, language: str) -> None:
    graph = project.graph
    on_site = _site_timeline(project, language)
    by_record = {entry.record_id: entry for entry in on_site}
    months = [(site / timeline_month_source(language, month).removesuffix(".md") / "index.html")
              .read_text(encoding="utf-8") for month in public.timeline]
    articles = [page[page.index("<article"):page.index("</article>")] for page in months]
    assert sum(article.count("<time ") for article in articles) == len(on_site), "one dated line per entry"
    for row in facts_dataset(project, NOW).items:
        if row["date"] is not None:  # dated, by itself or by its event: the timeline places it on that day
            assert by_record[row["id"]].date_iso == row["date"], row["id"]
            assert by_record[row["id"]].kind == row["record"], row["id"]
    for event_id in public.events:
        if graph.model(event_id).day.year is not None:
            assert event_id in by_record, event_id
    for dossier_id in _dossiers(project, public):
        dossier = project.localizer(language).dossier(dossier_id, list(public.dossiers[dossier_id])).timeline
        dated = [entry for entry in dossier if entry.dated]
        for entry in dated:
            shown = by_record.get(entry.record_id)
            assert shown is not None, entry.record_id
            assert (shown.date, shown.kind, to_plain(shown.text)) == (entry.date, entry.kind, to_plain(entry.text))
        in_dossier = {entry.record_id for entry in dated}
        briefings = public.dossiers[dossier_id]
        records = {*briefings, *(i for b in briefings for i in graph.briefing_records(b)),
                   *graph.events_involved(briefings)}
        assert {e.record_id for e in on_site if e.record_id in records} <= in_dossier


@pytest.mark.parametrize("language", LANGUAGES)
def test_feed_titles_are_real_titles(project: Project, public: Public, site: Path, language: str) -> None:
    feed = ET.fromstring(atom_feed(project, language, NOW))
    title = feed.findtext(f"{ATOM}title")
    home = (site / language / "index.html").read_text(encoding="utf-8")
    announced = re.search(r'<link rel="alternate" type="application/atom\+xml" title="([^"]*)"', home)
    assert announced and html.unescape(announced.group(1)) == title, "the feed is called what the pages call it"
    site_name = project.config.site_name.casefold()
    assert title.casefold().count(site_name) == 1, f"{title!r} repeats the site's name"
    assert project.config.languages[language].name in title, "feeds of two languages are told apart"
    localizer = project.localizer(language)
    headlines = {to_plain(localizer.briefing_ref(b).title) for b in public.briefings}
    entry_titles = [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]
    assert len(entry_titles) == len(public.briefings)
    withdrawn = {to_plain(localizer.briefing_ref(b).title) for b in public.briefings
                 if project.graph.model(b).status == "withdrawn"}
    for entry_title in entry_titles:
        assert entry_title in headlines or any(entry_title.endswith(": " + w) for w in withdrawn), entry_title


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_positions_matrix_reads_on_a_phone(browser: Browser, site: Path, language: str) -> None:
    """At 390 px the page does not widen, and every cell is on screen with the question it answers."""
    with served(site) as base, visiting(browser, base, width=PHONE, height=844) as visit:
        page = visit(f"{language}/positions/")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
        cells = page.evaluate("""() => [...document.querySelectorAll('.positions-matrix tbody td')].map(td => {
            const box = td.getBoundingClientRect(); const topic = td.querySelector('.matrix-topic');
            return {left: box.left, right: box.right, text: td.innerText.trim(),
                    topic: topic ? topic.getBoundingClientRect().width > 0 : null,
                    first: td.cellIndex === 0}; })""")
        assert cells, "the matrix has cells"
        for cell in cells:
            assert cell["left"] >= 0 and cell["right"] <= PHONE, cell
            assert cell["text"], cell
            assert cell["first"] or cell["topic"], f"a cell without its question on a phone: {cell}"
    with served(site) as base, visiting(browser, base) as visit:
        page = visit(f"{language}/positions/")
        assert page.evaluate("""() => [...document.querySelectorAll('.positions-matrix .matrix-topic')]
            .every(label => label.getBoundingClientRect().width === 0)"""), "the desktop table names questions once"
        assert page.locator(".positions-matrix thead").is_visible()
