"""Where every output lives, in one place, so links between families always agree.

Paths are relative to the site root and use `/`. Ids are slugs, so no path
can leave the output folder. Each output family owns one top folder
(`pdf/`, `exports/`); the site owns the rest.
"""

from __future__ import annotations

import posixpath

PAGE_KINDS = ("briefings", "people", "organisations", "places", "events", "sources", "dossiers")
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


EXPORT_FORMATS = {
    "ninjs": "ninjs.json",
    "fragment": "fragment.html",
    "markdown": "md",
    "text": "txt",
    "page": "html",
    "short": "short.md",
}
"""Export format → file suffix."""


def export_url(language: str, record_id: str, export_format: str) -> str:
    """A briefing export: `exports/en/paris-summit-2026-01-06.ninjs.json`."""
    return f"{EXPORT_FOLDER}/{language}/{record_id}.{EXPORT_FORMATS[export_format]}"


def feed_url(language: str) -> str:
    """The Atom feed of a language: `exports/de/feed.atom`."""
    return f"{EXPORT_FOLDER}/{language}/feed.atom"


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` (a directory URL or file) to `to_url`, both site-relative.

    >>> relative("de/briefings/x/", "de/people/y/")
    '../../people/y/'
    >>> relative("de/briefings/x/", "pdf/de/x.pdf")
    '../../../pdf/de/x.pdf'
    """
    base = from_url if from_url.endswith("/") else posixpath.dirname(from_url) + "/"
    link = posixpath.relpath(to_url, base.rstrip("/") or ".")
    return link + "/" if to_url.endswith("/") and not link.endswith("/") else link
