"""Hostile text in records is escaped in every export: it shows as text and never runs or loads anything."""

from __future__ import annotations

import json
import sqlite3
import xml.etree.ElementTree as ET
from contextlib import closing
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import markupsafe
import pytest
from markdown_it import MarkdownIt

from generator.outputs.exports.files import export_files
from generator.project import load_project

from .conftest import BRIEFING, NOW, confirm_all, copy_project, edit_record
from .datasette_server import get, running_datasette, write_dataset

SCRIPT = '<script>alert("x")</script>'
IMAGE = "<img src=x onerror=alert(1)>"
FORBIDDEN_TAGS = {"script", "img", "iframe", "object", "embed", "svg", "math", "form", "base"}
ATOM = "{http://www.w3.org/2005/Atom}"


def hostile(text: dict[str, str]) -> dict[str, str]:
    return {code: f"{SCRIPT} {value} {IMAGE}" for code, value in text.items()}


def _edit_fact(data: dict[str, Any]) -> None:
    data["text"] = hostile(data["text"])


def _edit_person(data: dict[str, Any]) -> None:
    for forms in data["name"].values():
        forms["full"] = f"Friedrich {SCRIPT} Merz"


def _edit_briefing(data: dict[str, Any]) -> None:
    data["title"] = hostile(data["title"])
    data["standfirst"] = hostile(data["standfirst"])


def _edit_source(data: dict[str, Any]) -> None:
    data["title"] = {code: f"Report </title>{SCRIPT}" for code in data["title"]}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str | bytes]:
    """Exports of the project with script and image tags in a fact, a name, the headline and a source title."""
    root = copy_project(tmp_path_factory.mktemp("hostile"))
    for relative, edit in (("facts/eu-aid.yaml", _edit_fact), ("people/friedrich-merz.yaml", _edit_person),
                           (f"briefings/{BRIEFING}.yaml", _edit_briefing),
                           ("sources/paris-summit-report.yaml", _edit_source)):
        edit_record(root, relative, edit)
    confirm_all(root)
    return export_files(load_project(root), NOW)


class Tags(HTMLParser):
    """Every element and attribute a browser would build from a document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def assert_inert(html: str, where: str) -> None:
    """No element that runs or loads anything, no event handler, no script link."""
    parser = Tags()
    parser.feed(html)
    parser.close()
    for tag, attrs in parser.tags:
        assert tag not in FORBIDDEN_TAGS, f"{where}: <{tag}>"
        for name, value in attrs:
            assert not name.startswith("on"), f"{where}: <{tag} {name}>"
            if name in ("href", "src"):
                assert (value or "").startswith(("https://", "#", "mailto:")), f"{where}: {name}={value!r}"


def test_the_hostile_text_reaches_the_exports(files: dict[str, str | bytes]) -> None:
    """The fixture works: the text is there, as text (plain text shows it verbatim, as written)."""
    text = files[f"exports/en/{BRIEFING}.txt"]
    assert isinstance(text, str)
    assert SCRIPT in text and IMAGE in text and f"Friedrich {SCRIPT} Merz" in text


def test_html_exports_are_inert(files: dict[str, str | bytes]) -> None:
    for path, content in files.items():
        if path.endswith(".html"):
            assert isinstance(content, str)
            assert_inert(content, path)
            assert "&lt;script&gt;" in content, path


def test_markdown_exports_are_inert_when_rendered_with_raw_html_on(files: dict[str, str | bytes]) -> None:
    """Partners' Markdown renderers that pass raw HTML through (CommonMark, Python-Markdown) build nothing active."""
    commonmark = MarkdownIt("commonmark", {"html": True})
    for path, content in files.items():
        if path.endswith(".md"):
            assert isinstance(content, str)
            assert_inert(commonmark.render(content), f"{path} (CommonMark)")
            assert_inert(markdown.markdown(content), f"{path} (Python-Markdown)")


def test_json_exports_hold_the_text_as_data(files: dict[str, str | bytes]) -> None:
    for path, content in files.items():
        if path.endswith(".json") or path.endswith(".jsonl"):
            assert isinstance(content, str)
            assert "<" not in content, path
    item = json.loads(files[f"exports/en/{BRIEFING}.ninjs.json"])
    assert item["headlines"][0]["value"].startswith(SCRIPT)  # a text headline: the words as written
    assert_inert(item["bodies"][0]["value"], "ninjs body")
    for line in str(files["exports/facts.jsonl"]).splitlines():
        row = json.loads(line)
        for text in row["text"].values():
            assert_inert(text["html"], row["id"])


def test_feed_content_is_escaped_html(files: dict[str, str | bytes]) -> None:
    for code in ("de", "en"):
        feed = files[f"exports/{code}/feed.atom"]
        assert isinstance(feed, str)
        root = ET.fromstring(feed)  # well-formed despite the text
        for entry in root.iter(f"{ATOM}entry"):
            assert_inert(entry.findtext(f"{ATOM}content") or "", f"{code} feed content")
            assert entry.findtext(f"{ATOM}title", "").startswith(SCRIPT)  # type="text": shown as text


def test_sqlite_keeps_text_as_data_and_html_escaped(files: dict[str, str | bytes], tmp_path: Path) -> None:
    database = tmp_path / "facts.sqlite"
    database.write_bytes(files["exports/facts.sqlite"])  # type: ignore[arg-type]
    with closing(sqlite3.connect(database)) as connection:
        text, html = connection.execute(
            "SELECT text, html FROM item_texts WHERE item_id = 'eu-aid' AND language = 'en'").fetchone()
    assert text.startswith(SCRIPT)
    assert_inert(html, "item_texts.html")


def test_datasette_shows_hostile_names_as_text(files: dict[str, str | bytes], tmp_path: Path) -> None:
    """The row-page plugin escapes the label it links by, as Datasette escapes everything else."""
    folder = write_dataset(files, tmp_path)
    with closing(sqlite3.connect(folder / "facts.sqlite")) as connection:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        statement, label = connection.execute(
            "SELECT items.id, label FROM items JOIN entities ON entities.id = speaker_id "
            "WHERE speaker_id = 'friedrich-merz' ORDER BY items.id").fetchone()
    assert SCRIPT in label
    with running_datasette(folder) as origin:
        page = get(f"{origin}/facts/items/{statement}")
    assert SCRIPT not in page
    assert f'<a href="/facts/entities/friedrich-merz">{markupsafe.escape(label)}</a>' in page
