"""One search index per language section, cut from the index Material's search plugin writes.

Why: Material builds one index for the whole site, with the stemmers of all
languages applied to every page, and shows results from every language. A
reader of `/de/` should find German pages, stemmed as German. The theme
override points each language section's search at its own root
(`config.base` = `de/`), where the browser then loads
`de/search/search_index.json`: the German pages only, their locations
relative to `de/`, and `lang: [de]`, so lunr stems with the German stemmer
alone. The site-wide index stays for the front door.

Each language's `config` also carries `spellings`
(`generator.outputs.site.search_spellings`): the other spellings of every
name, which the site's search worker adds to what readers type.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator.errors import BriefingError
from generator.urls import search_index_url

MATERIAL_INDEX = "search/search_index.json"

WORD_BREAKS = re.compile(r"(<br\s*/?>|</(?:td|th|tr|caption|dt|dd|div)>)", re.IGNORECASE)
"""Where a page's layout separates words that its markup does not: Material's search drops tags
without a space, so a table's cells and the lines of a cell would run together ("TroopsWill")."""


def with_word_breaks(html: str) -> str:
    """The page's HTML with a space after each line break and cell, for Material's search to read.

    >>> with_word_breaks("<td><strong>Troops</strong><br>Will it?</td><td>no</td>")
    '<td><strong>Troops</strong><br> Will it?</td> <td>no</td> '
    """
    return WORD_BREAKS.sub(r"\1 ", html)


def split_search_index(site_dir: Path, spellings: dict[str, dict[str, list[str]]]) -> dict[str, str]:
    """`{path: JSON}` of each language's index; nothing when search is switched off.

    >>> import tempfile
    >>> index = {"config": {"lang": ["de", "en"]}, "docs": [
    ...     {"location": "de/", "title": "Start"}, {"location": "en/people/x/#roles", "title": "Roles"}]}
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     (Path(folder) / "search").mkdir()
    ...     _ = (Path(folder) / MATERIAL_INDEX).write_text(json.dumps(index))
    ...     indexes = split_search_index(Path(folder), {"de": {}, "en": {"selenskyj": ["zelensky"]}})
    >>> written = json.loads(indexes["en/search/search_index.json"])
    >>> written["config"], written["docs"]
    ({'lang': ['en'], 'spellings': {'selenskyj': ['zelensky']}}, [{'location': 'people/x/#roles', 'title': 'Roles'}])
    """
    path = site_dir / MATERIAL_INDEX
    if not path.is_file():
        return {}
    try:
        index = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BriefingError(f"{path}: cannot read Material's search index: {error}") from None
    return {search_index_url(code): json.dumps(language_index(index, code, words), ensure_ascii=False,
                                               separators=(",", ":"))
            for code, words in spellings.items()}


def language_index(index: dict, language: str, spellings: dict[str, list[str]]) -> dict:
    """The entries under `language/`, relative to it, with only that language's stemmer and its spellings."""
    prefix = f"{language}/"
    config = dict(index.get("config", {}), lang=[language], spellings=spellings)
    docs = [dict(doc, location=doc["location"].removeprefix(prefix))
            for doc in index.get("docs", []) if doc.get("location", "").startswith(prefix)]
    return {"config": config, "docs": docs}
