"""What the theme writes into a page's `<head>`: language, alternates, feed, Open Graph and JSON-LD.

Why front matter: each generated page carries its metadata as front
matter (JSON, `front_matter`) under one key, `briefing`, so `mkdocs build`, `mkdocs serve` and
`briefing build` read the same thing, and the theme overrides
(`templates/site/overrides/`) only print it. Everything here is computed
from the records, never from the clock, so the same content gives the same
bytes.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from markdown_it import MarkdownIt

from generator.editorial import last_change
from generator.i18n.dates import iso_date, iso_datetime
from generator.iptc import genre_uri
from generator.outputs.exports.feeds import feed_title
from generator.outputs.exports.newsroom import dateline, jsonld_about
from generator.outputs.safejson import dumps
from generator.project import Project
from generator.records.values import DateTimeValue
from generator.render import to_plain
from generator.urls import absolute_url, feed_url, page_url, source_url
from generator.views import BriefingView, Name

BRIEFING_SEARCH_BOOST = 100
"""A briefing's weight in search (Material's `search: boost:` front matter): a reader who types a name
wants the news about it first, then the profile whose title it is (titles weigh 1,000 times the text,
so the profile still leads any page that only mentions the name)."""

NOT_FOUND = "404"
"""Each language's page for addresses that lead nowhere: `de/404.md`, written to `de/404.html`."""


def not_found_source(language: str) -> str:
    """The Markdown source of a language's not-found page."""
    return f"{language}/{NOT_FOUND}.md"


def not_found_url(language: str) -> str:
    """Where it is written: a file, not a folder, for web servers' `error_page`/`ErrorDocument`."""
    return f"{language}/{NOT_FOUND}.html"


PERSON_TYPES = {"people": "Person", "organisations": "Organization", "places": "Place", "events": "Event"}
"""schema.org type of each entity kind a briefing mentions."""


@dataclass(frozen=True)
class PageMeta:
    """The metadata of one page, as the theme overrides read it."""

    language: str | None
    source: str
    title: str = ""
    description: str = ""
    og_type: str = "website"
    published: str | None = None
    modified: str | None = None
    lastmod: str | None = None
    jsonld: str | None = None
    search_exclude: bool = False
    search_boost: float | None = None
    """How much more this page weighs in search than others (every section of it)."""
    not_found: bool = False
    """A not-found page: shown at any address, so its links resolve from the language's root (`base_href`)."""
    hide: tuple[str, ...] = ()
    """Parts of Material's frame to leave out (`toc`, `navigation`), for pages that need the width."""
    topic: tuple[str, str] | None = None
    """A topic page's (topic id, plain label): the page announces that topic's feed instead of the language's."""


def front_matter(project: Project, meta: PageMeta) -> str:
    """The front matter block that becomes the page's `page.meta`: one line of JSON (which is YAML too).

    Why JSON: it is read back for every page of every build, cached or not
    (`split_front_matter`), and writing and reading YAML, even with libyaml,
    took a third of a millisecond a page; JSON takes a fiftieth of that, and
    on one line it can never hold the closing fence.

    `title` and `description` are HTML-escaped here because Material prints
    them into the page (`<title>`, `<meta>`, the header) without escaping:
    a quote or `<` in a record's text must stay text there too.
    """
    data: dict[str, Any] = {}
    if meta.title:
        data["title"] = html.escape(meta.title)
    if meta.description:
        data["description"] = html.escape(meta.description)
    if meta.search_exclude:
        data["search"] = {"exclude": True}
    elif meta.search_boost:
        data["search"] = {"boost": meta.search_boost}
    if meta.hide:
        data["hide"] = list(meta.hide)
    data["briefing"] = _briefing_meta(project, meta)
    return FENCE + json.dumps(data, ensure_ascii=False) + "\n" + FENCE + "\n"


FENCE = "---\n"
"""The line above and below a page's front matter."""


def front_matter_of(markdown: str) -> str:
    """The front matter block (`front_matter`) a page starts with, fences included; nothing if it has none."""
    if not markdown.startswith(FENCE):
        return ""
    end = markdown.find("\n" + FENCE, len(FENCE) - 1)
    return markdown[:end + 1 + len(FENCE)] if end >= 0 else ""


def split_front_matter(markdown: str) -> tuple[dict[str, Any], str]:
    """A generated page's metadata (what MkDocs keeps as `page.meta`) and the Markdown after it.

    Why not leave it to MkDocs: it reads front matter with PyYAML's parser
    in Python, about a millisecond a page, for every page of every build,
    cached or not; what `front_matter` wrote is JSON.
    """
    block = front_matter_of(markdown)
    data = json.loads(block[len(FENCE):-len(FENCE)]) if block else None
    return (data if isinstance(data, dict) else {}), markdown[len(block):]


def _briefing_meta(project: Project, meta: PageMeta) -> dict[str, Any]:
    config = project.config
    code = meta.language or config.source_language
    language = config.languages[code]
    data: dict[str, Any] = {
        "language": code,
        "html_lang": language.html_lang,
        "locale": str(language.locale),
        "alternates": alternates(project, meta.source),
        "credit": config.rights.credit.get(code, config.rights.publisher),
        "og_type": meta.og_type,
        "lastmod": meta.lastmod,
    }
    if meta.not_found:
        data["not_found"] = True
        data["base_href"] = urlsplit(config.site_url or "/").path.rstrip("/") + f"/{code}/"
    if meta.language:
        topic, label = meta.topic or (None, None)
        data["feed"] = {"url": feed_url(code, topic), "title": feed_title(config, code, label)}
    for key in ("published", "modified", "jsonld"):
        if getattr(meta, key):
            data[key] = getattr(meta, key)
    return data


_INLINE = MarkdownIt("commonmark")
_TAG = re.compile(r"<[^>]+>")


def plain_heading(markdown: str) -> str:
    """The text of the page's first `# ` heading, markup and escapes removed.

    >>> plain_heading("intro\\n# AT\\\\&T \\\\<b\\\\> [Paris](x.md)\\n## More")
    'AT&T <b> Paris'
    """
    for line in markdown.splitlines():
        if line.startswith("# "):
            return html.unescape(_TAG.sub("", _INLINE.renderInline(line[2:].strip())))
    return ""


def counterpart(source: str, language: str) -> str:
    """The same page in another language: the language sections mirror each other.

    >>> counterpart("de/briefings/x.md", "en")
    'en/briefings/x.md'
    """
    return f"{language}/{source.split('/', 1)[1]}"


def alternates(project: Project, source: str) -> list[dict[str, str]]:
    """The page in every language, for the language switch, `hreflang` and the sitemap.

    Pages outside the language sections (the root) have none.
    """
    config = project.config
    if source.split("/", 1)[0] not in config.languages:
        return []
    not_found = source.split("/", 1)[1] == f"{NOT_FOUND}.md"
    return [{"lang": code, "html_lang": language.html_lang, "name": language.name,
             "url": not_found_url(code) if not_found else source_url(counterpart(source, code))}
            for code, language in config.languages.items()]


def briefing_jsonld(project: Project, view: BriefingView) -> str:
    """A schema.org `NewsArticle` for the briefing page, linked to its translations.

    `about` lists the event and the IPTC Media Topics (as `DefinedTerm`s),
    `genre` the IPTC genre URIs, `dateline` the place and day as the page's
    dateline writes them.
    """
    config = project.config
    code = view.language.code
    site = config.site_url
    publisher = {"@type": "Organization", "name": config.rights.publisher, "url": site}
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": _article_id(project, code, view.id),
        "url": absolute_url(site, page_url(code, "briefings", view.id)),
        "mainEntityOfPage": absolute_url(site, page_url(code, "briefings", view.id)),
        "headline": to_plain(view.title),
        "description": to_plain(view.standfirst),
        "inLanguage": view.language.html_lang,
        "datePublished": view.published_iso,
        "dateModified": iso_datetime(last_change(project, view.id)),
        "author": publisher,
        "publisher": publisher,
        "copyrightHolder": {"@type": "Organization", "name": config.rights.copyright_holder or config.rights.publisher},
        "license": config.rights.licence_url or config.rights.licence,
        "isAccessibleForFree": True,
        "citation": [_citation(source) for source in view.sources],
        "mentions": _mentions(project, code, view.id),
    }
    about = [_event(project, view, view.event)] if view.event else []
    about += jsonld_about(project, view, view.language.html_lang)
    if about:
        data["about"] = about
    data["genre"] = [genre_uri(genre) for genre in project.graph.model(view.id).genres]
    line = dateline(project, view)
    if line:
        data["dateline"] = line
    data.update(_translations(project, view))
    return dumps(data)


def _event(project: Project, view: BriefingView, name: Name) -> dict[str, Any]:
    """The event the briefing is about, with its start and place where known."""
    event = project.graph.model(name.record_id)
    found: dict[str, Any] = {"@type": "Event", "name": name.text,
                             "url": absolute_url(project.config.site_url, page_url(view.language.code, "events",
                                                                                    name.record_id))}
    if isinstance(event.date, DateTimeValue):
        found["startDate"] = iso_datetime(event.date)
    elif iso_date(event.date.date):
        found["startDate"] = iso_date(event.date.date)
    if view.place:
        found["location"] = {"@type": "Place", "name": view.place.text}
    return found


def _translations(project: Project, view: BriefingView) -> dict[str, Any]:
    """`translationOfWork` on a translation, `workTranslation` on the original."""
    config = project.config
    source = config.source_language

    def work(code: str) -> dict[str, Any]:
        return {"@type": "NewsArticle", "@id": _article_id(project, code, view.id),
                "url": absolute_url(config.site_url, page_url(code, "briefings", view.id)),
                "inLanguage": config.languages[code].html_lang}

    if view.language.code == source:
        return {"workTranslation": [work(code) for code in config.target_languages]}
    return {"translationOfWork": work(source)}


def _article_id(project: Project, language: str, briefing_id: str) -> str:
    return absolute_url(project.config.site_url, page_url(language, "briefings", briefing_id)) + "#article"


def _citation(source: Any) -> dict[str, Any]:
    citation: dict[str, Any] = {"@type": "CreativeWork", "name": to_plain(source.title)}
    if source.url:
        citation["url"] = source.url
    if source.publisher:
        citation["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.original_title:
        citation["alternateName"] = source.original_title
    return citation


def _mentions(project: Project, language: str, briefing_id: str) -> list[dict[str, str]]:
    localizer = project.localizer(language)
    found = []
    for record_id, _relation in project.graph.related(briefing_id):
        name = localizer.name(record_id)
        found.append({"@type": PERSON_TYPES[name.kind], "name": name.text,
                      "url": absolute_url(project.config.site_url, page_url(language, name.kind, record_id))})
    return found
