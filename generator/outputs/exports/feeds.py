"""Atom feeds, one per language and one per topic and language: the one implementation the site links to and
the exports write.

Why Atom and these times: feed readers and partners' ingest tools decide
from an entry's `updated` whether to fetch it again, so `updated` is the
moment of the current version: the last correction or the withdrawal.
The feed's own `updated` is the newest entry's, never the build's clock, so
the same content gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.config import ProjectConfig
from generator.outputs.exports.renditions import BriefingExport, canonical_url
from generator.project import Project
from generator.render import render_template, to_plain
from generator.urls import absolute_url, export_url, feed_url, home_url, page_url


def feed_title(config: ProjectConfig, language: str, topic: str | None = None) -> str:
    """The feed's name, as the feed calls itself and as every page announcing it (`<link rel="alternate">`) does:
    the site and the language, so a reader subscribed to both tells them apart, then a topic feed's topic label.

    >>> from types import SimpleNamespace
    >>> config = SimpleNamespace(site_name="Briefing", languages={"en": SimpleNamespace(name="English")})
    >>> feed_title(config, "en"), feed_title(config, "en", "Troops")
    ('Briefing (English)', 'Briefing (English): Troops')
    """
    name = f"{config.site_name} ({config.languages[language].name})"
    return f"{name}: {topic}" if topic else name


EMPTY_FEED_UPDATED = "1970-01-01T00:00:00Z"
"""`updated` of a feed without entries: Atom requires one, and nothing has changed."""


@dataclass(frozen=True)
class Alternate:
    language: str
    href: str


@dataclass(frozen=True)
class Topic:
    literal: str
    name: str


@dataclass(frozen=True)
class Entry:
    """One briefing as a feed entry."""

    canonical: str
    ninjs: str
    title: str
    summary: str
    content: str
    published: str
    updated: str
    moment: dt.datetime
    withdrawn: bool
    translations: tuple[Alternate, ...]
    topics: tuple[Topic, ...]


@dataclass(frozen=True)
class FeedHead:
    """What the feed says about itself."""

    self: str
    title: str
    home: str
    site_name: str
    site_url: str
    publisher: str
    credit: str
    updated: str


def atom_feed(project: Project, language: str, now: dt.datetime, made: dict[str, Entry] | None = None,
              topic: str | None = None) -> str:
    """The Atom feed of `language`: every briefing released at `now` (or only those touching `topic`), newest
    version first.

    Args:
        project: The loaded project.
        language: The feed's language code.
        now: The build's time, deciding what is released.
        made: The entries of this language already made, by briefing id; those
            made here are added, so the language's feed and its topics' feeds
            (the exports write them all) make each entry once.
        topic: A topic id: the feed of the briefings answering that question, whose
            alternate is the topic's page instead of the start page.
    """
    made = {} if made is None else made
    public = project.public(now)
    briefing_ids = public.released if topic is None else public.briefings_on.get(topic, ())
    for briefing_id in sorted(set(briefing_ids) - made.keys()):
        made[briefing_id] = feed_entry(project, briefing_id, language)
    entries = sorted((made[briefing_id] for briefing_id in briefing_ids),
                     key=lambda entry: (-entry.moment.timestamp(), entry.canonical))
    config = project.config
    label = to_plain(project.localizer(language).topic(topic).label) if topic else None
    home = home_url(language) if topic is None else page_url(language, "topics", topic)
    head = FeedHead(
        self=absolute_url(config.site_url, feed_url(language, topic)),
        title=feed_title(config, language, label),
        home=absolute_url(config.site_url, home),
        site_name=config.site_name,
        site_url=config.site_url,
        publisher=config.rights.publisher,
        credit=config.rights.credit.get(language, config.rights.publisher),
        updated=entries[0].updated if entries else EMPTY_FEED_UPDATED,
    )
    return render_template(project.env, "export/feed.xml.j2", project.translations(language),
                           feed=head, entries=entries, language=config.languages[language])


def feed_entry(project: Project, briefing_id: str, language: str, fragment: str | None = None) -> Entry:
    """One released briefing in one language as an Atom entry; its content is the exported HTML fragment."""
    export = BriefingExport(project, briefing_id, language)
    view, site = export.view, project.config.site_url
    localizer = project.localizer(language)
    others = tuple(Alternate(project.config.languages[code].html_lang, canonical_url(project, code, briefing_id))
                   for code in project.config.codes if code != language)
    summary = view.withdrawal if export.withdrawn and view.withdrawal else view.standfirst
    return Entry(
        canonical=export.canonical,
        ninjs=absolute_url(site, export_url(language, briefing_id, "ninjs")),
        title=to_plain(view.title),
        summary=to_plain(summary),
        content=fragment if fragment is not None else export.fragment(),
        published=view.published_iso,
        updated=export.updated_iso,
        moment=export.updated.datetime,
        withdrawn=export.withdrawn,
        translations=others,
        topics=tuple(Topic(topic, to_plain(localizer.topic(topic).label))
                     for topic in project.graph.topics_of(briefing_id)),
    )
