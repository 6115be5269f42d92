"""Search as readers use it: every spelling of a name, with and without accents, in both languages.

The queries come from the records, not from a story: a person with a name
in each language and `aliases` (the frozen Paris story lists some), a place
whose name carries accents, the topics of the positions table. Each query is
typed into the built site in headless Chromium (tests/browsing.py), and the
first results are checked: pages named after the record lead, briefings that
mention it come before pages that merely do, nothing is marked "Missing", and
the link highlights the page's own words.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page

from generator.outputs.site.search_spellings import fold
from generator.project import Project

from ..browsing import Visit


def named(project: Project, kind: str, test) -> tuple[str, object]:
    """The first record of `kind` a public briefing mentions whose model passes `test`."""
    mentioned = {record_id for briefing in project.graph.of_kind("briefings")
                 for record_id, _ in project.graph.related(briefing.id)}
    for record in project.graph.of_kind(kind):
        if record.id in mentioned and test(record.model):
            return record.id, record.model
    pytest.fail(f"the fixture story has no {kind} record for this test")


@pytest.fixture(scope="module")
def person(project: Project) -> tuple[str, object]:
    """A person whose short name differs between the languages and who has aliases."""
    return named(project, "people", lambda m: m.aliases and len({f.short_or_full for f in m.name.values()}) > 1)


def search(page: Page, query: str) -> list[dict]:
    """Type `query` into the search box; the results once they stop changing: path, title, missing, highlight."""
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=40)  # Material reads key strokes, not a pasted value
    page.wait_for_selector(".md-search-result__item", timeout=20_000)
    read = """items => items.map(li => {
        const a = li.querySelector('a');
        return {href: a.href, title: a.querySelector('h1, h2').textContent,
                missing: li.querySelectorAll('.md-search-result__terms').length};
    })"""
    last, since = None, time.monotonic()
    while time.monotonic() - since < 1.0:
        now = page.eval_on_selector_all(".md-search-result__item", read)
        if now != last:
            last, since = now, time.monotonic()
        page.wait_for_timeout(100)
    return [dict(item, path=urlsplit(item["href"]).path, h=parse_qs(urlsplit(item["href"]).query).get("h", [""])[0])
            for item in last]


def first_paths(visit: Visit, language: str, query: str, count: int = 3) -> list[str]:
    return [item["path"] for item in search(visit(f"{language}/"), query)[:count]]


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_name_finds_the_pages_named_after_it_then_the_briefings(visit: Visit, project: Project,
                                                                  person: tuple[str, object], language: str) -> None:
    _, model = person
    name = model.name[language].short_or_full
    results = search(visit(f"{language}/"), name)
    assert name.lower() in results[0]["title"].lower(), results[0]
    assert all(item["missing"] == 0 for item in results), [i for i in results if i["missing"]]
    assert all(item["path"].startswith(f"/{language}/") for item in results)
    kinds = ["briefing" if "/briefings/" in i["path"] and i["path"].count("/") == 4
             else "named" if name.lower() in i["title"].lower() else "mention" for i in results]
    assert "briefing" in kinds, results
    briefings = [i for i, kind in enumerate(kinds) if kind == "briefing"]
    assert all(i < kinds.index("mention") for i in briefings) if "mention" in kinds else True, kinds


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_spelling_of_a_name_finds_the_same_pages(visit: Visit, project: Project,
                                                       person: tuple[str, object], language: str) -> None:
    _, model = person
    own = first_paths(visit, language, model.name[language].short_or_full)
    spellings = [forms.short_or_full for code, forms in model.name.items() if code != language] + list(model.aliases)
    for spelling in spellings:
        assert first_paths(visit, language, spelling) == own, spelling


@pytest.mark.parametrize("language", ["de", "en"])
def test_accents_are_optional(visit: Visit, project: Project, language: str) -> None:
    _, model = named(project, "places", lambda m: any(fold(f.full) != f.full.lower() for f in m.name.values()))
    name = model.name[language].full
    word = next(w for w in name.replace("-", " ").split() if fold(w) != w.lower())
    accented = search(visit(f"{language}/"), word)
    plain = search(visit(f"{language}/"), fold(word))
    assert [i["path"] for i in plain[:3]] == [i["path"] for i in accented[:3]]
    assert word.lower() in plain[0]["title"].lower()
    assert all(item["missing"] == 0 for item in plain)


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_result_highlights_the_words_on_the_page(visit: Visit, server: str, person: tuple[str, object],
                                                      language: str) -> None:
    _, model = person
    other = next(code for code in model.name if code != language)
    results = search(visit(f"{language}/"), model.name[other].short_or_full)  # the other language's spelling
    briefing = next(i for i in results if "/briefings/" in i["path"])
    assert briefing["h"], briefing
    page = visit(briefing["href"].removeprefix(server))
    page.wait_for_selector("mark[data-md-highlight]", timeout=10_000)
    marked = {text.lower() for text in page.locator("mark[data-md-highlight]").all_inner_texts()}
    assert model.name[language].short_or_full.lower() in marked, marked


def test_table_cells_and_lines_keep_their_words_apart(site: Path, project: Project) -> None:
    for language in project.config.codes:
        index = json.loads((site / language / "search" / "search_index.json").read_text(encoding="utf-8"))
        text = " ".join(doc["text"] for doc in index["docs"])
        for topic in project.graph.of_kind("topics"):
            label, question = topic.model.label[language], topic.model.question[language]
            assert f"{label}{question}" not in text
            assert f"{label} {question}" in text, (language, label)
