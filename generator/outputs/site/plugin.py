"""The `briefing` MkDocs plugin: hands MkDocs the generated pages, then adds PDFs, exports and search indexes.

Thin on purpose: every page comes from `generator.outputs.site.run`, every other
file from its output family; the plugin only hooks them into MkDocs'
build. That is what makes `mkdocs build` and `mkdocs serve` work from the
project root without a second code path.

Hooks, in build order:

- `on_startup`: under `mkdocs serve` (`briefing serve`), start the pool
  the PDFs print in, kept for every rebuild (MkDocs keeps a plugin with
  this hook between rebuilds).
- `on_config`: load and check the project (unless `briefing build` handed
  over one it loaded), take the build's time, set the navigation.
- `on_files`: add every generated page with `File.generated`; pages outside
  the navigation are marked `not_in_nav`. `on_page_read_source` hands
  MkDocs each page's Markdown when it reads the page. Pages rendered by an earlier build
  from the same inputs are handed back from the cache
  (`generator.outputs.site.page_cache`) through the page hooks.
- `on_env`: keep the theme's compiled templates in the build cache.
- `on_page_markdown`: date pages from the records, never the clock.
- `on_page_context`: Material's search reads each page with a space after
  each table cell and line break (words in a cell would run together), then
  the page gets its content back as it is.
- `on_post_build` (after Material's search): split the search index per
  language, with the spellings of names, then write the PDF and export families; under `serve` the PDFs
  print in the background, so a rebuilt page shows at once.
- `on_serve`: reload when content, templates or catalogs change.
"""

from __future__ import annotations

import datetime as dt
import logging
import zlib
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from generator.cache import RenderCache
from generator.errors import BriefingError, ConfigError
from generator.outputs.families import FAMILIES
from generator.outputs.site.page_cache import PageCache, shared_key
from generator.write import link_unchanged

if TYPE_CHECKING:
    from generator.outputs.site.preview import BackgroundPrinting

log = logging.getLogger("mkdocs.plugins.briefing")

STYLESHEET = "assets/briefing.css"
"""The house style, copied from `templates/site/briefing.css`; mkdocs.yml lists it in `extra_css`."""



class BriefingPluginConfig(Config):
    """Options of `plugins: - briefing:` in mkdocs.yml.

    `languages`, `source_language`, `rights` and the folders are read by
    `generator.config.load_config`, the one reader of the project's settings;
    they are declared here so MkDocs accepts them.
    """

    languages = c.Type(dict)
    source_language = c.Optional(c.Type(str))
    rights = c.Optional(c.Type(dict))
    content_dir = c.Optional(c.Type(str))
    templates_dir = c.Optional(c.Type(str))
    locales_dir = c.Optional(c.Type(str))
    limits = c.Optional(c.Type(dict))
    draft_dir = c.Optional(c.Type(str))
    allow_stale_translations = c.Type(bool, default=False)
    """Build with missing or stale translations, marked, instead of refusing them (never into the published site)."""
    show_unreleased = c.Type(bool, default=False)
    """Show drafts and briefings under embargo: for the desk's local preview only (never into the published site)."""
    outputs = c.ListOfItems(c.Choice(tuple(FAMILIES)), default=list(FAMILIES))
    """Output families written next to the pages (an empty list for a quick preview)."""


class BriefingPlugin(BasePlugin[BriefingPluginConfig]):
    """Generates the site's pages from `content/` and `templates/`."""

    def __init__(self) -> None:
        super().__init__()
        self.handed: tuple[Any, dt.datetime, Path | None] | None = None
        """The project, time and published site `briefing build` handed over for the next build."""
        self.published: Path | None = None
        """The site this build will replace, whose unchanged pages are hard-linked (`briefing build` only)."""
        self.project: Any = None
        self.now: dt.datetime | None = None
        self.pages = 0
        """How many pages the last build generated."""
        self.failure: BriefingError | None = None
        """Why the plugin stopped the last build; `run_mkdocs` raises it as it is, not as MkDocs' "Aborted"."""
        self.page_cache: PageCache | None = None
        self.preview: BackgroundPrinting | None = None
        """Under `serve`: the `BackgroundPrinting` the rebuilds' PDFs print in."""
        self.broken: str | None = None
        """Under `serve`: why this rebuild failed; it then shows the error on every page."""
        self.unspaced: str | None = None
        """The content of the page Material's search is reading, as the page shows it."""
        self.unread: dict[str, str] = {}
        """Generated pages MkDocs has not read yet, by source path."""
        self.held: dict[str, str | bytes] = {}
        """The HTML of pages converted but not yet built, compressed unless cached (`on_page_content`), by source."""
        self.reading: tuple[str, dict[str, Any], str] | None = None
        """The page MkDocs is reading: its source path, metadata and whole Markdown (front matter included)."""

    def use(self, project: Any, now: dt.datetime, published: Path | None = None, **options: Any) -> None:
        """Build from an already loaded project at a given time (how `briefing build` runs MkDocs), into a
        fresh folder that will replace `published`."""
        self.handed = (project, now, published)
        for key, value in options.items():
            self.config[key] = value

    def on_startup(self, *, command: str, dirty: bool) -> None:
        if command == "serve":
            from generator.outputs.site.preview import BackgroundPrinting

            self.preview = BackgroundPrinting()

    def on_shutdown(self) -> None:
        if self.preview is not None:
            self.preview.close()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        from generator.config import output_folder
        from generator.editorial import current_time
        from generator.outputs.site.row_headers import RowHeaders
        from generator.outputs.site.run import site_nav
        from generator.project import load_project

        self.project, self.now, self.published = self.handed or (None, None, None)
        _LINKED.pages.clear()
        self.handed, self.failure, self.page_cache, self.broken, self.unread, self.held = None, None, None, None, {}, {}
        if self.preview is not None:
            from generator.outputs.site.preview import RELOAD_SCRIPT

            self.preview.new_build()
            config.extra_javascript.append(RELOAD_SCRIPT)
        if self.project is None:
            root = Path(config.config_file_path).parent
            try:
                self.project = load_project(root, draft=self.config.allow_stale_translations)
                project = self.project.config
                output_folder(project.root, Path(config.site_dir).resolve(), project.sources,
                              "site_dir (the folder `mkdocs build` writes)", inside=False)
                if self.preview is None:
                    _refuse_unreleased_in_public(project, Path(config.site_dir), self.config)
            except BriefingError as error:
                self._stop(error)
                return config
        self.now = self.now or current_time()
        _escape_theme_strings(config)
        config.markdown_extensions.append(RowHeaders())
        # each language writes its own not-found page; the site's root gets the source language's (on_post_build)
        config.theme.static_templates.discard("404.html")
        _check_search_languages(config, self.project.config.codes)
        config.nav = site_nav(self.project)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        from generator.outputs.site.meta import not_found_source, not_found_url
        from generator.outputs.site.run import in_nav, site_pages

        if self.preview is not None:
            from generator.outputs.site.preview import RELOAD_SCRIPT, RELOAD_SOURCE

            files.append(File.generated(config, RELOAD_SCRIPT, abs_src_path=str(RELOAD_SOURCE)))
        if self.broken:
            return files
        try:
            pages = site_pages(self.project, self.now, preview=self.config.show_unreleased, reuse=True)
        except BriefingError as error:
            self._stop(error)
            return files
        self.pages = len(pages)
        navigated = in_nav(self.project)
        not_found = {not_found_source(code): not_found_url(code) for code in self.project.config.codes}
        for source in pages:
            if files.get_file_from_path(source) is not None:
                raise PluginError(f"{config.docs_dir}/{source} clashes with a generated page; remove the file")
            inclusion = InclusionLevel.INCLUDED if source in navigated else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, source, content="", inclusion=inclusion)  # its text: on_page_read_source
            if source in not_found:
                file.dest_uri = not_found[source]  # a file a web server can name as its error page
            files.append(file)
        stylesheet = self.project.config.templates_dir / "site" / "briefing.css"
        files.append(File.generated(config, STYLESHEET, abs_src_path=str(stylesheet)))
        self.page_cache = _page_cache(self.project, config, pages, navigated)
        self.unread = pages
        return files

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """A generated page's Markdown, handed over once (a copy held by the file too would double the text
        of every page for the whole build), its front matter read here (`split_front_matter`): MkDocs gets
        the text after it, and `on_page_markdown` gives the page its metadata."""
        from generator.outputs.site.meta import split_front_matter

        source = self.unread.pop(page.file.src_uri, None)
        if source is None:
            return None
        meta, markdown = split_front_matter(source)
        self.reading = (page.file.src_uri, meta, source)
        return markdown

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Keep the theme's compiled templates between builds, as ours are (Material's take a second to compile)."""
        from jinja2 import FileSystemBytecodeCache

        from generator.cache import compiled_templates

        compiled = compiled_templates(Path(config.config_file_path).parent)
        if compiled is not None:
            env.bytecode_cache = FileSystemBytecodeCache(str(compiled / "theme"))
            (compiled / "theme").mkdir(exist_ok=True)
        return env

    @event_priority(100)  # the page's metadata, before any other plugin reads it
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Give the page its metadata and date it from its records; a page the cache holds needs no Markdown,
        and MkDocs is kept from converting it (`_stored_render`)."""
        source, meta, text = self.reading or (None, {}, "")
        self.reading = None
        if source != page.file.src_uri:
            return markdown
        page.meta = meta
        lastmod = (meta.get("briefing") or {}).get("lastmod")
        if lastmod:
            page.update_date = min(max(lastmod, GZIP_DATES[0]), GZIP_DATES[1])
        if self.page_cache is None or not self.page_cache.take(page, text):
            return markdown
        page.render = partial(_stored_render, page)  # type: ignore[method-assign]
        return ""

    @event_priority(-100)  # after every other plugin has seen the page's HTML
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The page's HTML (the stored one for a cached page), held compressed until the page is built.

        Why: MkDocs converts every page before it builds the first, so it would
        hold the HTML of the whole site at once; compressed, the peak for 300
        briefings fell from 536 to 516 MiB. The Markdown is let go too: nothing
        reads it again ("", not None: `Page.title` gives None for a page
        without Markdown).
        """
        page.markdown = ""
        content = html if self.page_cache is None else self.page_cache.content(page, html, files)
        reused = self.page_cache is not None and page.file.src_uri in self.page_cache.reused
        # a cached page's HTML stays in memory with its cache entry anyway
        self.held[page.file.src_uri] = content if reused else zlib.compress(content.encode("utf-8"), 1)
        return ""

    @event_priority(100)  # before Material's search reads the page
    def _page_context_for_search(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        """Search reads the page with its cells and lines apart, or nothing when the cache holds what it read;
        `_page_context` hands the page back as it is."""
        from generator.outputs.site.search_index import with_word_breaks

        held = self.held.pop(page.file.src_uri, None)
        if held is not None:
            page.content = held if isinstance(held, str) else zlib.decompress(held).decode("utf-8")
        self.unspaced = page.content
        entries = _search_entries(config)
        stored = self.page_cache is not None and entries is not None and self.page_cache.searching(page, entries)
        page.content = "" if stored else with_word_breaks(page.content or "")
        return context

    @event_priority(-100)  # after Material's search
    def _page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        page.content = self.unspaced
        if self.page_cache is None:
            return context
        entries = _search_entries(config)
        if entries is not None:
            self.page_cache.searched(page, entries)
        return self.page_cache.context(page, context)

    on_page_context = CombinedEvent(_page_context_for_search, _page_context)

    @event_priority(-100)  # the page as written, after every other plugin
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.page_cache is not None:
            self.page_cache.rendered(page, output)
        page.content = ""  # written out: the sitemap and the anchor checks need its URL, dates and anchors only
        if self.published is None:
            return output
        html = output.encode("utf-8", errors="xmlcharrefreplace")  # as MkDocs writes it
        Path(page.file.abs_dest_path).parent.mkdir(parents=True, exist_ok=True)
        if not link_unchanged(self.published / page.file.dest_uri, Path(page.file.abs_dest_path), html):
            return output
        _LINKED.pages.add(page.file.src_uri)
        return ""  # MkDocs writes no page whose output is empty

    @event_priority(-100)  # after Material's search plugin has written the index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        from generator.outputs.site.search_index import split_search_index
        from generator.outputs.site.search_spellings import spellings
        from generator.publish import MARKER, MARKER_TEXT
        from generator.write import OutputTree

        site_dir = Path(config.site_dir)
        tree = OutputTree()
        try:
            if not self.broken:
                tree.update(split_search_index(site_dir, {code: spellings(self.project, code)
                                                          for code in self.project.config.codes}))
                tree.add(MARKER, MARKER_TEXT)
                tree.add(ROOT_NOT_FOUND, _root_not_found(site_dir, self.project.config.source_language))
                tree.update(self._families(site_dir))
                tree.write(site_dir, unchanged_from=self.published)
        except BriefingError as error:
            self._stop(error)
        if self.broken:
            _show_error(site_dir, self.broken, config.site_url)
        if self.page_cache is not None:
            self.page_cache.finish()

    def on_build_error(self, *, error: Exception) -> None:
        if self.page_cache is not None:
            self.page_cache.stop()

    def _stop(self, error: BriefingError) -> None:
        """Remember why the build stops, and tell MkDocs in its own terms; under `serve`, go on to show it."""
        if self.preview is not None:
            from generator.outputs.site.preview import log as preview_log

            preview_log.error(str(error))
            self.broken = str(error)
            return
        self.failure = error
        raise PluginError(str(error)) from None

    def _families(self, site_dir: Path) -> dict[str, str | bytes]:
        """The PDFs and exports `mkdocs build` adds (PDFs in a process per core); under `serve`, none here:
        they are made in the background, so the pages are served without waiting for them."""
        from generator.executors import executor_for
        from generator.outputs.families import family_files

        families = tuple(self.config.outputs)
        if self.preview is not None:
            self.preview.print_into(site_dir, self.project, self.now, families)
            return {}
        parallel = any(FAMILIES[name].parallel for name in families)
        with executor_for(None if parallel else 1) as executor:
            tree = family_files(self.project, families, self.now, executor)
        return {path: tree.content(path) for path in tree.paths()}

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        # The site's own reload script (`preview-reload.js`) does what MkDocs' inline one does, which the
        # pages' Content-Security-Policy refuses (an error in every browser console): serve pages as built.
        from generator.outputs.site.preview import watch_by_notification

        server._inject_js_into_html = lambda content, epoch: content
        watch_by_notification(server, [config.docs_dir, config.config_file_path])
        project = self.project.config
        for folder in (project.content_dir, project.templates_dir, project.locales_dir):
            if folder.is_dir():
                server.watch(str(folder))
        return server


class _LinkedPages(logging.Filter):
    """MkDocs says "Page skipped" of each page the plugin hard-linked instead of letting MkDocs write it:
    those pages were not skipped, so the message is dropped."""

    def __init__(self) -> None:
        super().__init__()
        self.pages: set[str] = set()
        """The pages of the current build that were linked."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (message.startswith("Page skipped: ") and message.split("'")[1] in self.pages)


_LINKED = _LinkedPages()
logging.getLogger("mkdocs.commands.build").addFilter(_LINKED)


ROOT_NOT_FOUND = "404.html"
"""What hosts that know one error page for the whole site show (GitHub Pages, `mkdocs serve`)."""


def _stored_render(page: Page, config: MkDocsConfig, files: Files) -> None:
    """`Page.render` for a page the cache holds: no Markdown to convert, the stored HTML comes in `on_page_content`.

    Why replace MkDocs' method on the page: it sets up a Python-Markdown
    converter with every extension for each page, converting nothing, about
    a millisecond a page; the table of contents, anchors and links it would
    find are restored from the cache with the HTML.
    """
    page.content = ""


def _root_not_found(site_dir: Path, language: str) -> str:
    """The source language's not-found page: its links resolve from its language's root wherever it is served."""
    from generator.outputs.site.meta import not_found_url

    return (site_dir / not_found_url(language)).read_text(encoding="utf-8")


def _refuse_unreleased_in_public(project: Any, site_dir: Path, options: BriefingPluginConfig) -> None:
    """`mkdocs build` (not `serve`) never writes drafts or embargoed briefings, nor translation marks into the
    published folder: what a build writes may be uploaded.

    Raises:
        ConfigError: `show_unreleased` is on, or `allow_stale_translations` with MkDocs' `site_dir` the published one.
    """
    if options["show_unreleased"]:
        raise ConfigError("plugins.briefing.show_unreleased is on: `mkdocs build` never writes drafts or embargoed "
                          "briefings into a folder; preview them with `briefing serve --show-unreleased`")
    if options["allow_stale_translations"] and site_dir.resolve() == project.site_dir:
        raise ConfigError(f"plugins.briefing.allow_stale_translations is on: `mkdocs build` would write translation "
                          f"marks into the published {project.site_dir}; use `briefing build "
                          f"--allow-stale-translations`, which writes {project.draft_dir}")


def _show_error(site_dir: Path, message: str, site_url: str | None) -> None:
    """A broken preview: the front page and every unknown address show the error."""
    from urllib.parse import urlsplit

    from generator.outputs.site.preview import ERROR_PAGES, error_page

    page = error_page(message, urlsplit(site_url or "/").path or "/")
    for name in ERROR_PAGES:
        (site_dir / name).write_text(page, encoding="utf-8")


def _page_cache(project: Any, config: MkDocsConfig, pages: dict[str, str], navigated: frozenset[str]) -> PageCache:
    """The pages earlier builds rendered; the theme's `custom_dir` is hashed (the installed theme is
    covered by its version)."""
    overrides = [config.theme.custom_dir] if config.theme.custom_dir else []
    store = RenderCache.of_project(project.config.root, "pages")
    # settings the build changes after reading mkdocs.yml: `serve` points site_url at the preview, adds a script
    settings = [str(config.site_url), *map(str, config.extra_javascript), *map(str, config.extra_css)]
    key = shared_key(Path(config.config_file_path), settings, overrides, pages, navigated)
    return PageCache(store, key).listen()


GZIP_DATES = ("1970-01-01", "2106-02-07")
"""MkDocs stamps sitemap.xml.gz with the newest page date, and gzip can only store one in this range
(the sitemap itself prints the page's own `lastmod`)."""

THEME_STRINGS = ("site_name", "site_description", "site_author", "copyright")
"""Settings Material prints into pages, some of them without escaping."""


def _escape_theme_strings(config: MkDocsConfig) -> None:
    """Desks edit mkdocs.yml: its strings reach pages as text, never as markup.

    Material prints `site_name` escaped in some places and raw in others; an
    escaped `Markup` string reads right in both (escaping it again is a no-op).
    """
    for key in THEME_STRINGS:
        if isinstance(config[key], str) and not isinstance(config[key], Markup):
            config[key] = escape(config[key])


def _search_entries(config: MkDocsConfig) -> list[dict[str, Any]] | None:
    """The entries Material's search has made so far (None without its search): each page's are added in turn."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    enabled = search is not None and search.config.get("enabled", True)
    return getattr(getattr(search, "search_index", None), "entries", None) if enabled else None


def _check_search_languages(config: MkDocsConfig, languages: tuple[str, ...]) -> None:
    """Each language needs its stemmer in Material's search, or its search silently stops stemming."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is None:
        return
    configured = search.config.get("lang") or []
    missing = [code for code in languages if code not in configured]
    if missing:
        raise PluginError(f"{config.config_file_path}: plugins.search.lang: add {', '.join(missing)} "
                          f"(currently {', '.join(configured) or 'none'}) so each language's search stems its words")
