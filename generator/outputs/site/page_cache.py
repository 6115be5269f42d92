"""Site pages MkDocs rendered in an earlier build, handed back when nothing they are made from changed.

Why: a page's HTML is a function of its Markdown (front matter included) and
of what surrounds every page alike: the theme and our overrides, mkdocs.yml,
the navigation, which pages exist, briefing's code and the installed
packages. The first is hashed per page, the rest once per build (`shared`).
A page whose key is in the cache skips Markdown and the theme: the plugin
gives MkDocs empty Markdown for it and a template that prints the stored
HTML. Its content, table of contents and anchors are restored too, so the
sitemap and MkDocs' anchor checks come out exactly as in a clean build, and
so are the entries Material's search made of it: search is handed an empty
page and the stored entries take the place of what it would have read
(parsing every page's HTML again was a third of a rebuild's time). A page
MkDocs warned about while rendering it (a broken link) is never kept, so it
warns again in the next build, as in a clean one.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

from generator.cache import Entry, RenderCache, code_fingerprint, digest, tree_digest
from generator.outputs.site.meta import front_matter_of

CACHED_TEMPLATE = "briefing-cached.html"
"""The override template that prints a cached page's HTML as it is (templates/site/overrides/)."""
CACHED_HTML = "briefing_cached_html"
"""The context variable that template prints."""


def shared_key(config_file: Path, settings: list[str], theme_dirs: list[str], pages: dict[str, str],
               navigated: frozenset[str]) -> str:
    """The hash of what every page depends on alike: settings, the theme's folders, code and packages, the
    pages that exist (links are resolved against them) and the front matter of the navigation's pages.

    Why only their front matter: the theme prints each navigation entry's
    title and metadata into every page, never its text, so an edit that
    changes the start page's text (its latest briefings, its key figures)
    leaves every other page in the cache.
    """
    return digest(code_fingerprint(), config_file.read_bytes(), *settings,
                  *(tree_digest(Path(folder)) for folder in theme_dirs),
                  *sorted(pages), *(front_matter_of(pages[source]) for source in sorted(navigated) if source in pages))


class _WarningCount(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@dataclass
class PageCache:
    """Rendered pages by key, for one build: what it reused, and what it rendered to keep.

    From `listen` to `finish` (or `stop`, when the build failed) it counts MkDocs' warnings.
    """

    store: RenderCache
    shared: str
    reused: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Per page source: the stored page being handed back in this build."""
    keys: dict[str, str] = field(default_factory=dict)
    fresh: dict[str, dict[str, Any]] = field(default_factory=dict)
    warnings: _WarningCount = field(default_factory=_WarningCount)
    before: dict[str, int] = field(default_factory=dict)
    """Per page rendered in full: MkDocs' warnings before its rendering began."""
    search_from: int = 0
    """Where the entries of the page search is reading begin in its index."""

    def listen(self) -> PageCache:
        logging.getLogger("mkdocs").addHandler(self.warnings)
        return self

    def stop(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self.warnings)

    def key(self, page: Page, markdown: str) -> str:
        return digest(self.shared, page.file.src_uri, markdown)

    def take(self, page: Page, markdown: str) -> bool:
        """Whether the page's rendering is in the cache; if so, it is handed back by the hooks below."""
        self.before[page.file.src_uri] = self.warnings.count
        key = self.keys[page.file.src_uri] = self.key(page, markdown)
        entry = self.store.get(key)
        if entry is None:
            return False
        self.reused[page.file.src_uri] = json.loads(entry.data)
        page.meta["template"] = CACHED_TEMPLATE
        return True

    def content(self, page: Page, html: str, files: Files) -> str:
        """The page's content: the stored one (with its table of contents and anchors), or `html` to keep."""
        stored = self.reused.get(page.file.src_uri)
        if stored is None and self.warnings.count == self.before[page.file.src_uri]:
            self.fresh[page.file.src_uri] = {"toc": [_token(link) for link in page.toc],
                                             "anchors": sorted(page.present_anchor_ids or ()),
                                             "links": _links(page)}
        if stored is None:
            return html
        page.toc = get_toc(stored["toc"])
        page.present_anchor_ids = set(stored["anchors"])
        page.links_to_anchors = {files.get_file_from_path(source): anchors
                                 for source, anchors in stored["links"].items()}
        return stored["content"]

    def searching(self, page: Page, entries: list[dict[str, Any]]) -> bool:
        """Before search reads `page` into `entries`: whether its entries are stored (search then reads nothing)."""
        self.search_from = len(entries)
        return page.file.src_uri in self.reused

    def searched(self, page: Page, entries: list[dict[str, Any]]) -> None:
        """After search read `page`: its stored entries in the place of what it made, or those entries kept."""
        stored = self.reused.get(page.file.src_uri)
        if stored is not None:
            entries[self.search_from:] = stored["search"]
        elif page.file.src_uri in self.fresh:
            self.fresh[page.file.src_uri]["search"] = entries[self.search_from:]

    def context(self, page: Page, context: dict[str, Any]) -> dict[str, Any]:
        from markupsafe import Markup

        self.before[page.file.src_uri] = self.warnings.count
        stored = self.reused.get(page.file.src_uri)
        if stored is not None:
            context[CACHED_HTML] = Markup(stored["html"])
        return context

    def rendered(self, page: Page, output: str) -> None:
        """Keep a page MkDocs rendered in full, with its content (taken now, not when it was converted: the
        plugin holds the content of pages waiting to be built compressed)."""
        fresh = self.fresh.pop(page.file.src_uri, None)
        if fresh is not None and self.warnings.count == self.before[page.file.src_uri]:
            entry = {**fresh, "content": page.content, "html": output}
            self.store.put(self.keys[page.file.src_uri], Entry(json.dumps(entry).encode("utf-8")))

    def finish(self) -> None:
        """Drop pages no longer part of the site."""
        self.stop()
        self.store.keep_only(self.keys.values())


def _token(link: AnchorLink) -> dict[str, Any]:
    return {"level": link.level, "id": link.id, "name": link.title, "children": [_token(c) for c in link.children]}


def _links(page: Page) -> dict[str, dict[str, str]]:
    return {file.src_uri: anchors for file, anchors in (page.links_to_anchors or {}).items()}
