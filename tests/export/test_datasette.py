"""The facts dataset in Datasette, as an analyst opens it: full-text search, linked names, the README's URLs.

What is searched and whose name is looked for are read from the built
database, not written here.
"""

from __future__ import annotations

import html
import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from generator.outputs.exports.dataset_metadata import DATABASE

from .datasette_server import get, running_datasette, write_dataset
from .test_dataset import ANALYSTS

README_ORIGIN = "http://127.0.0.1:8001"
"""Datasette's default address, as the README's URLs are written."""


@pytest.fixture(scope="module")
def files(exports: dict[str, str | bytes], tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_dataset(exports, tmp_path_factory.mktemp("datasette"))


@pytest.fixture(scope="module")
def datasette(files: Path) -> Iterator[str]:
    with running_datasette(files) as origin:
        yield origin


@pytest.fixture(scope="module")
def database(files: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(f"file:{files / 'facts.sqlite'}?mode=ro", uri=True)
    yield connection
    connection.close()


def test_full_text_search_answers_and_filters(datasette: str, database: sqlite3.Connection) -> None:
    """`_search` uses the FTS5 index: it returns the matching texts of the language asked, not every row."""
    total = database.execute("SELECT count(*) FROM item_texts WHERE language = 'en'").fetchone()[0]
    word = next(word for (text,) in database.execute("SELECT text FROM item_texts WHERE language = 'en' "
                                                     "ORDER BY rowid") for word in re.findall(r"[A-Za-z]{7,}", text)
                if 0 < database.execute("SELECT count(*) FROM item_texts WHERE language = 'en' AND text LIKE ?",
                                        [f"%{word}%"]).fetchone()[0] < total)
    found = json.loads(get(f"{datasette}/{DATABASE}/item_texts.json?_search={quote(word)}&language=en"
                            "&_shape=array&_size=max"))
    assert found and len(found) < total
    assert all(row["language"] == "en" and word.lower() in row["text"].lower() for row in found)


def test_a_statements_row_page_links_its_speaker_by_name(datasette: str, database: sqlite3.Connection) -> None:
    statement, speaker, label = database.execute(
        "SELECT items.id, entities.id, entities.label FROM items JOIN entities ON entities.id = items.speaker_id "
        "WHERE items.record = 'statement' ORDER BY items.id").fetchone()
    page = get(f"{datasette}/{DATABASE}/items/{statement}")
    assert f'<a href="/{DATABASE}/entities/{speaker}">{html.escape(label, quote=False)}</a>' in page


def test_metadata_is_shown(datasette: str, files: Path) -> None:
    metadata = json.loads((files / "facts.metadata.json").read_text(encoding="utf-8"))
    home = get(f"{datasette}/")
    assert html.escape(metadata["title"], quote=False) in home
    assert f'href="{html.escape(metadata["license_url"])}"' in home
    described = json.loads(get(f"{datasette}/-/metadata.json"))
    assert described["databases"][DATABASE]["tables"]["items"]["columns"] == metadata["databases"][DATABASE][
        "tables"]["items"]["columns"]


def _readme_urls() -> list[str]:
    return sorted(set(re.findall(re.escape(README_ORIGIN) + r"(/[^\s`]+)", ANALYSTS)))


def test_readme_has_datasette_examples() -> None:
    assert len([url for url in _readme_urls() if "_search=" in url]) >= 2


@pytest.mark.parametrize("path", _readme_urls())
def test_readme_datasette_urls_answer_with_rows(datasette: str, path: str) -> None:
    if path.count("/") < 2:
        assert get(datasette + path)
        return
    route, _, query = path.partition("?")
    rows = json.loads(get(f"{datasette}{route}.json?{query}&_shape=array"))
    assert rows, path
