"""The static site: every page as Markdown, the navigation, and the MkDocs run that turns them into HTML.

`site_pages` is a function from the project to `{docs path: Markdown}`
(with `reuse`, pages whose records are unchanged come from the last build's
`generator.outputs.traced`, the same bytes); the MkDocs plugin
(`generator.outputs.site.plugin`) hands those pages to MkDocs, so
`mkdocs build`, `mkdocs serve` and `briefing build` produce the same site.
`run_mkdocs` is how `briefing build` runs MkDocs on a project it has
already loaded and checked.

Why the navigation holds only the fixed pages of each language: Material
renders the whole navigation into every page, so a navigation listing every
briefing makes the build grow with the square of the archive. Briefings,
profiles, events, sources and months stay out of it (`not_in_nav`); the
archive, the profiles and the index pages list them instead.
"""

from __future__ import annotations

import datetime as dt
import errno
import functools
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from generator.config import CONFIG_FILE
from generator.errors import SiteError
from generator.markup import SITE
from generator.outputs.site.meta import PageMeta, front_matter
from generator.outputs.site.pages import LISTED_KINDS, LanguagePages, newest_change
from generator.outputs.traced import Traced
from generator.project import Project
from generator.public import Public
from generator.render import render_template
from generator.urls import PAGE_KINDS, home_source, index_source, source_url, view_source

ROOT_PAGE = "index.md"
"""The front door: one link per language."""

PAGE_SOURCES = "page-sources"
"""The cache folder of the pages' Markdown, kept with what each page read (`generator.outputs.traced`)."""

RESERVED_IDS = ("index",)
"""Ids that would collide with a section's index page (`de/people/index.md`)."""


def site_pages(project: Project, now: dt.datetime, *, preview: bool = False, reuse: bool = False) -> dict[str, str]:
    """Every page of the site as `{docs path: Markdown with front matter}`, in a stable order.

    Args:
        project: The loaded, checked project.
        now: The build's time: briefings under embargo at `now` stay out.
        preview: Show drafts and embargoed briefings too (the desk's local preview only).
        reuse: Take the pages an earlier build made whose records are unchanged from the cache
            (`generator.outputs.traced`), and keep those made now.
    """
    _refuse_reserved_ids(project)
    scope = project.public(now, preview=preview)
    kept = Traced.of(project, scope, PAGE_SOURCES) if reuse else None
    pages: dict[str, str] = {}
    for source, markdown in [root_page(project, scope), *_language_pages(project, scope, kept)]:
        if source in pages:
            raise SiteError(f"two pages of the site would be written to {source}")
        pages[source] = markdown
    if kept is not None:
        kept.finish()
    return pages


def _language_pages(project: Project, scope: Public, kept: Traced | None) -> list[tuple[str, str]]:
    pages = []
    for code in project.config.codes:
        section = LanguagePages(project, code, scope)
        for task in section.tasks():
            make = functools.partial(section.make, task)
            pages.append(make() if kept is None else tuple(kept.value((code, *task), make)))
    return pages


def root_page(project: Project, scope: Public) -> tuple[str, str]:
    """The bilingual front door, each entry written in its own language."""
    config = project.config
    entries = []
    for code, language in config.languages.items():
        gettext = project.translations(code).gettext
        entries.append({
            "html_lang": language.html_lang,
            "name": language.name,
            "page": home_source(code),
            # TRANSLATORS: on the bilingual front page, in your own language: where this language's briefings are.
            "text": gettext("Briefings, profiles, timeline and positions in English."),
        })
    body = render_template(project.env, "site/root.md.j2", project.translations(config.source_language),
                           site_name=config.site_name, entries=entries, markdown_writer=SITE).lstrip("\n")
    meta = PageMeta(language=None, source=ROOT_PAGE, title=config.site_name, search_exclude=True,
                    hide=("navigation", "toc"), lastmod=newest_change(project, scope.briefings))
    return ROOT_PAGE, front_matter(project, meta) + body


def site_nav(project: Project) -> list[dict[str, list[Any]]]:
    """The navigation: per language its fixed pages, titled by their own headings (the start page: "Home")."""
    nav = []
    for code, language in project.config.languages.items():
        home, *others = nav_pages(code)
        nav.append({language.name: [{project.translations(code).pgettext("start page", "Home"): home}, *others]})
    return nav


def nav_pages(language: str) -> list[str]:
    """The pages of a language section that are in the navigation, in order."""
    return [home_source(language), index_source(language, "briefings"), view_source(language, "timeline"),
            view_source(language, "positions"), *(index_source(language, kind) for kind in LISTED_KINDS)]


def in_nav(project: Project) -> frozenset[str]:
    return frozenset(source for code in project.config.codes for source in nav_pages(code))


def _refuse_reserved_ids(project: Project) -> None:
    for kind in PAGE_KINDS:
        for record in project.graph.of_kind(kind):
            if record.id in RESERVED_IDS:
                raise SiteError(f"{record.path}: the id {record.id!r} is taken by the list of all {kind} "
                                f"(page {source_url(index_source('de', kind))}); rename the file")


def run_mkdocs(project: Project, site_dir: Path, *, now: dt.datetime, published: Path | None = None,
               **plugin_options: Any) -> int:
    """Build the site into `site_dir` with MkDocs and the briefing plugin, reusing the loaded project.

    A fresh `site_dir` that will replace `published` takes each file the two share from it (hard links).

    Returns:
        The number of pages generated.

    Raises:
        BriefingError: why the plugin stopped (a template fault, a clashing page…), as it is.
        SiteError: MkDocs refused the build, with every warning and error it logged (in strict
            mode any warning fails the build, such as a broken link).
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    from generator.outputs.site.plugin import BriefingPlugin

    config_file = project.config.root / CONFIG_FILE
    with _mkdocs_messages() as messages:
        try:
            config = load_config(config_file=str(config_file), site_dir=str(site_dir))
        except (Abort, ConfigurationError) as error:
            raise _refusal(config_file, messages, error) from None
        plugin = config.plugins.get("briefing")
        if not isinstance(plugin, BriefingPlugin):
            raise SiteError(f"{config_file}: plugins: the `briefing` plugin is missing")
        plugin.use(project, now, published, **plugin_options)
        try:
            build(config)
        except (Abort, ConfigurationError, PluginError) as error:
            raise (plugin.failure or _refusal(config_file, messages, error)) from None
    return plugin.pages


def _refusal(config_file: Path, messages: list[str], error: Exception) -> SiteError:
    return SiteError("\n".join([*messages, f"{config_file}: MkDocs stopped: {error}"]))


@contextmanager
def _mkdocs_messages() -> Iterator[list[str]]:
    """MkDocs' warnings and errors during one build, so a refusal can say what MkDocs said.

    Why: run as a library, MkDocs prints nothing; its command line shows these
    only with a handler of its own, and `Aborted with a BuildError!` alone
    names no cause.
    """
    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(f"{record.levelname}: {record.getMessage()}")

    logger = logging.getLogger("mkdocs")
    handler = Collect(logging.WARNING)
    logger.addHandler(handler)
    try:
        yield messages
    finally:
        logger.removeHandler(handler)


def serve_site(root: Path, *, allow_stale_translations: bool = False, show_unreleased: bool = False,
               address: str = "127.0.0.1:8000") -> None:
    """`briefing serve`: MkDocs' live preview, rebuilt when content, templates or catalogs change.

    The project is loaded once first, so content problems are reported
    together before the server starts. The two switches reach the plugin
    through the `!ENV` settings of its mkdocs.yml entry; the preview is
    served from memory, never written into the published site.
    """
    import os

    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    from generator.project import load_project

    load_project(root, draft=allow_stale_translations)
    _show_mkdocs_log()
    os.environ["BRIEFING_ALLOW_STALE_TRANSLATIONS"] = "true" if allow_stale_translations else "false"
    os.environ["BRIEFING_SHOW_UNRELEASED"] = "true" if show_unreleased else "false"
    config_file = root.resolve() / CONFIG_FILE
    try:
        serve(config_file=str(config_file), dev_addr=address, livereload=True)
    except (Abort, ConfigurationError, PluginError) as error:
        raise SiteError(f"{config_file}: MkDocs stopped: {error}") from None
    except OSError as error:
        if error.errno != errno.EADDRINUSE:
            raise
        raise SiteError(f"cannot serve on {address}: another program is using that port; "
                        "stop it or choose another, e.g. --address 127.0.0.1:8001") from None


def _show_mkdocs_log() -> None:
    """Print MkDocs' messages ("Serving on …", rebuilds, warnings) as its own command line does, and the preview's."""
    import logging

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    for name in ("mkdocs", "briefing.preview"):
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
