"""One search index per language section, cut from the index Material's search plugin writes.

Why: Material builds one index for the whole site, with the stemmers of all
languages applied to every page, and shows results from every language. A
reader of `/de/` should find German pages, stemmed as German. The theme
override points each language section's search at its own root
(`config.base` = `de/`), where the browser then loads
`de/search/search_index.json`: the German pages only, their locations
relative to `de/`, and `lang: [de]`, so lunr stems with the German stemmer
alone. The site-wide index stays for the front door.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.errors import BriefingError
from generator.urls import search_index_url

MATERIAL_INDEX = "search/search_index.json"


def split_search_index(site_dir: Path, languages: tuple[str, ...]) -> dict[str, str]:
    """`{path: JSON}` of each language's index; nothing when search is switched off.

    >>> import tempfile
    >>> index = {"config": {"lang": ["de", "en"]}, "docs": [
    ...     {"location": "de/", "title": "Start"}, {"location": "en/people/x/#roles", "title": "Roles"}]}
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     (Path(folder) / "search").mkdir()
    ...     _ = (Path(folder) / MATERIAL_INDEX).write_text(json.dumps(index))
    ...     indexes = split_search_index(Path(folder), ("de", "en"))
    >>> json.loads(indexes["en/search/search_index.json"])
    {'config': {'lang': ['en']}, 'docs': [{'location': 'people/x/#roles', 'title': 'Roles'}]}
    """
    path = site_dir / MATERIAL_INDEX
    if not path.is_file():
        return {}
    try:
        index = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BriefingError(f"{path}: cannot read Material's search index: {error}") from None
    return {search_index_url(code): json.dumps(language_index(index, code), ensure_ascii=False,
                                               separators=(",", ":"))
            for code in languages}


def language_index(index: dict, language: str) -> dict:
    """The entries under `language/`, relative to it, with only that language's stemmer."""
    prefix = f"{language}/"
    config = dict(index.get("config", {}), lang=[language])
    docs = [dict(doc, location=doc["location"].removeprefix(prefix))
            for doc in index.get("docs", []) if doc.get("location", "").startswith(prefix)]
    return {"config": config, "docs": docs}
