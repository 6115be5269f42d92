"""Where every output lives, in one place, so links between families always agree.

Paths are relative to the site root and use `/`. Ids are slugs, so no path
can leave the output folder. Each output family owns one top folder
(`pdf/`, `exports/`); the site owns the rest.
"""

from __future__ import annotations

import posixpath

from generator.outputs.exports.formats import FORMATS

PAGE_KINDS = ("briefings", "people", "organisations", "places", "events", "sources", "dossiers", "topics")
PDF_FOLDER = "pdf"
EXPORT_FOLDER = "exports"


def page_source(language: str, kind: str, record_id: str) -> str:
    """The generated Markdown page of a record: `de/people/emmanuel-macron.md`."""
    return f"{language}/{kind}/{record_id}.md"


def page_url(language: str, kind: str, record_id: str) -> str:
    """The record's page URL with MkDocs directory URLs: `de/people/emmanuel-macron/`."""
    return f"{language}/{kind}/{record_id}/"


def pdf_url(language: str, record_id: str) -> str:
    """A briefing's or dossier's PDF: `pdf/de/paris-summit-2026-01-06.pdf`."""
    return f"{PDF_FOLDER}/{language}/{record_id}.pdf"


def export_url(language: str, record_id: str, export_format: str) -> str:
    """A briefing export: `exports/en/paris-summit-2026-01-06.ninjs.json`."""
    return f"{EXPORT_FOLDER}/{language}/{record_id}.{FORMATS[export_format].suffix}"


def feed_url(language: str, topic: str | None = None) -> str:
    """The Atom feed of a language (`exports/de/feed.atom`) or of one of its topics (`exports/de/topics/x.atom`).

    >>> feed_url("de"), feed_url("en", "ground-troops")
    ('exports/de/feed.atom', 'exports/en/topics/ground-troops.atom')
    """
    if topic is None:
        return f"{EXPORT_FOLDER}/{language}/feed.atom"
    return f"{EXPORT_FOLDER}/{language}/topics/{topic}.atom"


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` (a directory URL or file) to `to_url`, both site-relative.

    >>> relative("de/briefings/x/", "de/people/y/")
    '../../people/y/'
    >>> relative("de/briefings/x/", "pdf/de/x.pdf")
    '../../../pdf/de/x.pdf'
    """
    base = from_url if from_url.endswith("/") else posixpath.dirname(from_url) + "/"
    here, there = _parts(base), _parts(to_url)
    shared = len(posixpath.commonprefix([here, there]))
    link = "/".join([".."] * (len(here) - shared) + there[shared:]) or "."
    return link + "/" if to_url.endswith("/") and not link.endswith("/") else link


def _parts(path: str) -> list[str]:
    """The folders and file of a site-relative path. String work, not `posixpath.relpath`: that asks the
    operating system for the working directory twice per link, and a site has hundreds of thousands of links."""
    return [part for part in path.split("/") if part and part != "."]


def export_index_url(language: str, suffix: str = "json") -> str:
    """The list of a language's exports: `exports/en/index.json` (and `index.html` for people)."""
    return f"{EXPORT_FOLDER}/{language}/index.{suffix}"


DATASET_FORMATS = {"jsonl": "facts.jsonl", "sqlite": "facts.sqlite", "metadata": "facts.metadata.json"}
"""Facts dataset format → file name; one dataset holds every language. `metadata` is Datasette's for the SQLite."""


def dataset_url(dataset_format: str) -> str:
    """The facts dataset: `exports/facts.jsonl`, `exports/facts.sqlite`, `exports/facts.metadata.json`."""
    return f"{EXPORT_FOLDER}/{DATASET_FORMATS[dataset_format]}"


def absolute_url(site_url: str, path: str) -> str:
    """A site-relative path as an absolute URL, for outputs read outside the site (exports, feeds).

    >>> absolute_url("https://briefing.example.org", "en/briefings/x/")
    'https://briefing.example.org/en/briefings/x/'
    >>> absolute_url("https://example.org/desk/", "exports/en/feed.atom")
    'https://example.org/desk/exports/en/feed.atom'
    """
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def home_url(language: str) -> str:
    """The start page of a language section: `de/`."""
    return f"{language}/"


# -- pages of the site that are no single record's --------------------------------

SITE_VIEWS = ("timeline", "positions")
"""Pages of a language section that draw on all records: `de/timeline/`, `de/positions/`."""

ARCHIVE_FOLDER = "archive"
"""Month pages of the briefings archive: `de/archive/2026-01/`."""


def home_source(language: str) -> str:
    """The Markdown source of a language's start page: `de/index.md`."""
    return f"{language}/index.md"


def index_source(language: str, kind: str) -> str:
    """The list of every record of a kind: `de/people/index.md` (URL `de/people/`)."""
    return f"{language}/{kind}/index.md"


def view_source(language: str, view: str) -> str:
    """A page drawing on all records: `de/timeline.md` (URL `de/timeline/`)."""
    return f"{language}/{view}.md"


def timeline_month_source(language: str, month: str) -> str:
    """The timeline of one month (`graph.month_key`): `de/timeline/2026-01.md`."""
    return f"{language}/timeline/{month}.md"


def month_source(language: str, month: str) -> str:
    """The briefings of one month: `de/archive/2026-01.md`."""
    return f"{language}/{ARCHIVE_FOLDER}/{month}.md"


def search_index_url(language: str) -> str:
    """The search index of one language section: `de/search/search_index.json`."""
    return f"{language}/search/search_index.json"


def source_url(source: str) -> str:
    """The URL MkDocs gives a Markdown source with directory URLs.

    >>> source_url("de/index.md"), source_url("de/timeline.md"), source_url("index.md")
    ('de/', 'de/timeline/', '')
    """
    stem = source.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"
