"""The pages of one language section, each a pure function to (docs path, Markdown).

Every page is rendered from a template under `templates/site/` with the
project's one Jinja environment and the language's catalog. Links between
pages point at the other page's Markdown source (`../people/x.md`), so
MkDocs checks every one of them and a strict build fails on a broken link;
names link only to pages that exist (`Public.has_page`). Links to files
that other output families write (PDFs, exports, feeds) are raw HTML with
paths from `generator.urls`, which MkDocs leaves alone, so they cannot break
the build before those files exist.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from generator.editorial import last_change
from generator.graph import ITEM_KINDS, Reads, date_key, month_key
from generator.i18n.dates import iso_datetime
from generator.i18n.numbers import format_number
from generator.localize import Localizer
from generator.localize.positions import position_matrix
from generator.localize.timeline import timeline
from generator.markup import SITE
from generator.outputs.briefing import briefing_markdown
from generator.outputs.exports.formats import FORMATS
from generator.outputs.site.meta import (
    BRIEFING_SEARCH_BOOST,
    PageMeta,
    briefing_jsonld,
    front_matter,
    not_found_source,
    plain_heading,
)
from generator.project import Project
from generator.public import Public
from generator.render import render_template, to_plain
from generator.urls import (
    export_url,
    feed_url,
    home_source,
    index_source,
    month_source,
    page_source,
    pdf_url,
    relative,
    source_url,
    timeline_month_source,
    view_source,
)
from generator.views import BriefingRef, Name, TimelineEntry

EPOCH = "1970-01-01"
"""Sitemap date of list pages while nothing is released: fixed, so the same content gives the same bytes."""

LATEST = 10
"""Briefings the start page lists; the archive has the rest."""

LISTED_KINDS = ("people", "organisations", "places", "events", "sources")
"""Kinds with an index page listing every record of the kind."""

DOWNLOADS = tuple(name for name, export_format in FORMATS.items() if export_format.offered)
"""Exports each briefing page links to, besides its PDF."""

Page = tuple[str, str]
"""(docs path, Markdown with front matter)."""

PageTask = tuple[str, ...]
"""A page to make: the name of the `LanguagePages` method that makes it and that method's arguments."""

_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


@dataclass(frozen=True)
class Links:
    """Links from one page to the others: relative, and only to pages that exist."""

    here: str
    language: str
    scope: Public

    def record(self, kind: str, record_id: str) -> str | None:
        """The record's page as a Markdown source MkDocs checks, or None when it has no page."""
        if not self.scope.has_page(kind, record_id):
            return None
        return relative(self.here, page_source(self.language, kind, record_id))

    def name(self, name: Name) -> str | None:
        """`link_for` of the inline writers: names link to their profile."""
        return self.record(name.kind, name.record_id)

    def page(self, source: str) -> str:
        """Another generated page, by its docs path."""
        return relative(self.here, source)

    def file(self, path: str) -> str:
        """A file of the site that is no page (PDF, export, feed), from this page's URL."""
        return relative(source_url(self.here), path)


class LanguagePages:
    """Builds every page of one language section."""

    def __init__(self, project: Project, language: str, scope: Public):
        self.project = project
        self.code = language
        self.scope = scope
        self.localizer: Localizer = project.localizer(language)
        self.gettext = project.translations(language).gettext
        self._memo: dict[str, tuple[Any, Reads]] = {}
        """What several pages show (the site's date, the months, the matrix), with the records it read."""

    def _remembered(self, name: str, make: Callable[[], Any]) -> Any:
        return self.project.graph.remembered(self._memo, name, make)

    # -- rendering ------------------------------------------------------------------

    def render(self, source: str, template: str, meta: PageMeta, **context: Any) -> Page:
        """One page: the template rendered with links from `source`, under its front matter.

        The title is the page's first heading unless `meta` names one.
        """
        links = Links(source, self.code, self.scope)
        body = render_template(
            self.project.env, template, self.project.translations(self.code),
            links=links, link_for=links.name, number=self.number, cell=table_cell, markdown_writer=SITE,
            language=self.project.config.languages[self.code], site_name=self.project.config.site_name,
            **context).lstrip("\n")
        return source, front_matter(self.project, replace(meta, title=meta.title or plain_heading(body))) + body

    def meta(self, source: str, description: str = "", **fields: Any) -> PageMeta:
        """Metadata of a page of this language; `lastmod` defaults to the newest released change."""
        return PageMeta(language=self.code, source=source, description=description,
                        lastmod=fields.pop("lastmod", None) or self.site_lastmod, **fields)

    def number(self, value: int) -> str:
        """A count with the locale's digit grouping (1.000 / 1,000)."""
        return format_number(value, self.project.config.languages[self.code])

    @property
    def site_lastmod(self) -> str:
        """The date of the newest released change: what a list page last changed with."""
        return self._remembered("site_lastmod", lambda: newest_change(self.project, self.scope.briefings))

    def lastmod_of(self, briefing_ids: Iterable[str]) -> str:
        """The date of the newest change among these briefings (else the site's), for the sitemap."""
        ids = list(briefing_ids)
        return newest_change(self.project, ids) if ids else self.site_lastmod

    def refs(self, briefing_ids: Iterable[str]) -> list[BriefingRef]:
        """Briefings as list entries, in the order given."""
        return [self.localizer.briefing_ref(b) for b in briefing_ids]

    def sort_names(self, record_ids: Iterable[str]) -> list[Name]:
        """Names in the reader's alphabetical order (accents folded, case ignored)."""
        return sorted((self.localizer.name(record_id) for record_id in record_ids), key=lambda n: collation_key(n.text))

    # -- pages ----------------------------------------------------------------------

    def make(self, task: PageTask) -> Page:
        """The page `tasks` names by `task`."""
        name, *arguments = task
        return getattr(self, name)(*arguments)

    def tasks(self) -> Iterable[PageTask]:
        """Every page of the language section, in a stable order, as the task that makes it."""
        graph = self.project.graph
        yield ("home",)
        yield ("archive",)
        for month in self.by_month:
            yield ("month", month)
        for briefing_id in self.scope.briefings:
            yield ("briefing", briefing_id)
        for kind in ("people", "organisations", "places"):
            for record in graph.of_kind(kind):
                yield ("profile", record.id)
        for event_id in sorted(self.scope.events):
            yield ("event", event_id)
        for record in graph.of_kind("sources"):
            yield ("source", record.id)
        for kind in LISTED_KINDS:
            yield ("listing", kind)
        yield ("timeline",)
        for month in self.scope.timeline:
            yield ("timeline_month", month)
        yield ("positions",)
        for record in graph.of_kind("topics"):
            yield ("topic", record.id)
        yield ("not_found",)

    def not_found(self) -> Page:
        """What a reader sees at an address that leads nowhere: the way home and search, in this language."""
        source = not_found_source(self.code)
        return self.render(source, "site/not_found.md.j2",
                           self.meta(source, title=self.gettext("Page not found"), search_exclude=True,
                                     not_found=True, hide=("navigation", "toc")),
                           home=home_source(self.code))

    def home(self) -> Page:
        source = home_source(self.code)
        latest = self.scope.briefings[:LATEST]
        figures = self._key_figures(latest[0]) if latest else []
        dossiers = [(self.localizer.text(r, ("title",), r.model.title), pdf_url(self.code, r.id))
                    for r in self.project.graph.of_kind("dossiers")
                    if self.scope.dossier_complete(r.id, self.project.graph)]
        return self.render(source, "site/home.md.j2",
                           self.meta(source, self.gettext("The latest briefings, key figures and who said what."),
                                     title=self.project.translations(self.code).pgettext("start page", "Home")),
                           latest=self.refs(latest), more=len(self.scope.briefings) > LATEST,
                           figures=figures, figures_from=self.localizer.briefing_ref(latest[0]) if latest else None,
                           dossiers=dossiers, feed=self._feed_link(source))

    def _key_figures(self, briefing_id: str) -> list[Any]:
        """The key-figures items of a briefing, as the briefing shows them."""
        view = self.project.briefing(briefing_id, self.code)
        return [item for section in view.sections if section.role == "key-figures" for item in section.items]

    def _feed_link(self, source: str) -> str:
        return Links(source, self.code, self.scope).file(feed_url(self.code))

    def archive(self) -> Page:
        source = index_source(self.code, "briefings")
        months = [(month, self.localizer.month(*map(int, month.split("-"))), len(ids), month_source(self.code, month))
                  for month, ids in self.by_month.items()]
        return self.render(source, "site/archive.md.j2",
                           self.meta(source, self.gettext("Every briefing, by month, country and person.")),
                           months=months)

    @property
    def by_month(self) -> dict[str, list[str]]:
        """Released briefings by month of publication (newest month first, newest briefing first)."""
        return self._remembered("by_month", self._by_month)

    def _by_month(self) -> dict[str, list[str]]:
        months: dict[str, list[str]] = defaultdict(list)
        for briefing_id in self.scope.briefings:
            moment = self.project.graph.model(briefing_id).published.local()
            months[f"{moment.year:04d}-{moment.month:02d}"].append(briefing_id)
        return dict(months)

    def month(self, month: str) -> Page:
        ids = self.by_month[month]
        source = month_source(self.code, month)
        title = self.localizer.month(*map(int, month.split("-")))
        return self.render(source, "site/month.md.j2", self.meta(source, lastmod=self.lastmod_of(ids)),
                           month=title, briefings=self.refs(ids), archive=index_source(self.code, "briefings"))

    def briefing(self, briefing_id: str) -> Page:
        source = page_source(self.code, "briefings", briefing_id)
        links = Links(source, self.code, self.scope)
        view = self.project.briefing(briefing_id, self.code)
        body = briefing_markdown(self.project, view, links.name, SITE)
        downloads = [("pdf", links.file(pdf_url(self.code, briefing_id)))]
        downloads += [(fmt, links.file(export_url(self.code, briefing_id, fmt))) for fmt in DOWNLOADS]
        meta = self.meta(source, to_plain(view.standfirst), og_type="article", published=view.published_iso,
                         modified=last_change_iso(self.project, briefing_id), lastmod=self.lastmod_of([briefing_id]),
                         jsonld=briefing_jsonld(self.project, view), search_boost=BRIEFING_SEARCH_BOOST)
        return self.render(source, "site/briefing.md.j2", meta, body=body, b=view, downloads=downloads)

    def profile(self, record_id: str) -> Page:
        graph = self.project.graph
        record = graph.get(record_id)
        source = page_source(self.code, record.kind, record_id)
        view = self.localizer.profile(record_id)
        about = self.scope.briefings_about.get(record_id, ())
        held = self.localizer.about(record_id, self.shown)
        statements = held.statements
        context: dict[str, Any] = {
            "p": view,
            "statements": statements,
            "facts": held.facts,
            "events": held.events,
            "briefings": self.refs(about),
            "members": self.sort_names(graph.members.get(record_id, ())),
            "parts": self.sort_names(graph.parts.get(record_id, ())),
            "places": self.sort_names(graph.places_in.get(record_id, ())),
            "positions": self.matrix([s.id for s in statements], [record_id]) if record.kind == "organisations"
            else None,
            "stances": [(s, stance) for s in statements for stance in s.stances] if record.kind == "people" else [],
        }
        description = to_plain(view.summary) if view.summary else view.name.text
        return self.render(source, "site/profile.md.j2", self.meta(source, description, lastmod=self.lastmod_of(about)),
                           **context)

    @cached_property
    def shown(self) -> frozenset[str]:
        """The public statements, facts and events: what profiles and the timeline draw on."""
        return self.scope.items | self.scope.events

    def matrix(self, statement_ids: list[str], actors: list[str]) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
        """The positions matrix of these actors on every question, from these public statements."""
        topics = [r.id for r in sorted(self.project.graph.of_kind("topics"), key=lambda r: (r.model.order, r.id))]
        return position_matrix(self.localizer, statement_ids, actors=actors, topics=topics)

    def event(self, event_id: str) -> Page:
        source = page_source(self.code, "events", event_id)
        view = self.localizer.event(event_id)
        items = self.scope.items_at.get(event_id, ())
        graph = self.project.graph
        about = self.scope.briefings_about.get(event_id, ())
        return self.render(
            source, "site/event.md.j2", self.meta(source, to_plain(view.summary), lastmod=self.lastmod_of(about)),
            e=view,
            statements=[self.localizer.statement(i) for i in items if graph.get(i).kind == "statements"],
            facts=[self.localizer.fact(i) for i in items if graph.get(i).kind == "facts"],
            briefings=self.refs(about))

    def source(self, source_id: str) -> Page:
        page = page_source(self.code, "sources", source_id)
        graph = self.project.graph
        citing = self.scope.cited_by.get(source_id, ())
        using = {b for i in citing for b in graph.briefings_using.get(i, ())}
        briefings = [b for b in self.scope.briefings if b in using]
        view = self.localizer.source(source_id, 0)
        return self.render(
            page, "site/source.md.j2", self.meta(page, to_plain(view.title), lastmod=self.lastmod_of(briefings)),
            s=view,
            statements=[self.localizer.statement(i) for i in citing if graph.get(i).kind == "statements"],
            facts=[self.localizer.fact(i) for i in citing if graph.get(i).kind == "facts"],
            events=[self.localizer.event(e) for e in citing if graph.get(e).kind == "events"],
            people=self.sort_names(i for i in citing if graph.get(i).kind == "people"),
            briefings=self.refs(briefings))

    def listing(self, kind: str) -> Page:
        source = index_source(self.code, kind)
        graph = self.project.graph
        counts = {record_id: len(ids) for record_id, ids in self.scope.briefings_about.items()}
        if kind == "events":
            ids = sorted(self.scope.events, key=lambda e: (date_key(graph.model(e).day), e), reverse=True)
            entries = [(self.localizer.event(e), counts.get(e, 0)) for e in ids]
        elif kind == "sources":
            entries = [(self.localizer.source(r.id, 0), len(self.scope.cited_by.get(r.id, ())))
                       for r in sorted(graph.of_kind("sources"),
                                       key=lambda r: collation_key(to_plain(self.localizer.source_ref(r.id).title)))]
        else:
            entries = [(name, counts.get(name.record_id, 0))
                       for name in self.sort_names(r.id for r in graph.of_kind(kind))]
        groups = self._groups(kind, entries)
        return self.render(source, "site/listing.md.j2", self.meta(source), kind=kind, groups=groups)

    def _groups(self, kind: str, entries: list[tuple[Any, int]]) -> list[tuple[str | None, list[tuple[Any, int]]]]:
        """States first on the organisations page: it is the index by country."""
        if kind != "organisations":
            return [(None, entries)]
        graph = self.project.graph
        states = [e for e in entries if graph.model(e[0].record_id).kind == "state"]
        others = [e for e in entries if graph.model(e[0].record_id).kind != "state"]
        return [(group, members) for group, members in (("states", states), ("others", others)) if members]

    def timeline(self) -> Page:
        """The timeline's front page: what it holds, and its months, newest first."""
        source = view_source(self.code, "timeline")
        months = [(self.timeline_title(month), timeline_month_source(self.code, month))
                  for month in self.scope.timeline]
        return self.render(source, "site/timeline.md.j2",
                           self.meta(source, self.gettext("Events, what was said and decided, offices and "
                                                          "briefings, day by day.")),
                           months=months)

    def timeline_month(self, month: str) -> Page:
        """One month of the timeline: a page per month, so an edit makes one month again and the pages stay
        the size of a month however large the archive grows."""
        source = timeline_month_source(self.code, month)
        briefings = [i for i in self.scope.timeline[month] if i in self.scope.released]
        return self.render(source, "site/timeline_month.md.j2", self.meta(source, lastmod=self.lastmod_of(briefings)),
                           month=self.timeline_title(month), entries=self.timeline_entries(month),
                           timeline=view_source(self.code, "timeline"))

    def timeline_title(self, month: str) -> str:
        year, _, number = month.partition("-")
        return self.localizer.month(int(year), int(number)) if number else year

    def positions(self) -> Page:
        source = view_source(self.code, "positions")
        return self.render(source, "site/positions.md.j2",
                           self.meta(source, self.gettext("Where each country stands on each question, with the "
                                                          "statement and source behind it."), hide=("toc",)),
                           matrix=self.full_matrix)

    @property
    def full_matrix(self) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
        """The matrix page's matrix, computed once: each topic page shows its column."""
        return self._remembered("full_matrix", lambda: self.matrix(*self.matrix_rows()))

    def topic(self, topic_id: str) -> Page:
        """A question of the matrix: who stands where on it (its column of the matrix) and the briefings on it."""
        source = page_source(self.code, "topics", topic_id)
        view = self.localizer.topic(topic_id)
        briefings = self.scope.briefings_on.get(topic_id, ())
        _topics, rows = self.full_matrix
        meta = self.meta(source, to_plain(view.question), lastmod=self.lastmod_of(briefings),
                         topic=(topic_id, to_plain(view.label)))
        return self.render(source, "site/topic.md.j2", meta, t=view, rows=rows, briefings=self.refs(briefings),
                           feed=Links(source, self.code, self.scope).file(feed_url(self.code, topic_id)),
                           positions=view_source(self.code, "positions"))

    def matrix_rows(self) -> tuple[list[str], list[str]]:
        """The matrix page's public statements taking stances, and its rows: every state, then every other
        body that takes a stance, each group in alphabetical order."""
        graph = self.project.graph
        statements = [r.id for r in graph.of_kind("statements") if r.id in self.scope.items and r.model.stances]
        states = [r.id for r in graph.of_kind("organisations") if r.model.kind == "state"]
        others = dict.fromkeys(graph.model(s).actor for s in statements
                               if graph.get(graph.model(s).actor).kind == "organisations")
        groups = (states, [actor for actor in others if actor not in states])
        return statements, [name.record_id for group in groups for name in self.sort_names(group)]

    def timeline_entries(self, month: str) -> list[TimelineEntry]:
        """The timeline of the public records placed in the month (`Public.timeline`): newest day first, each
        day in the order it happened (an event, then what was said and decided there, then the briefings)."""
        graph = self.project.graph
        ids = self.scope.timeline.get(month, ())
        kinds = {record_id: graph.get(record_id).kind for record_id in ids}
        entries = timeline(self.localizer, events=[i for i in ids if kinds[i] == "events"],
                           briefings=[i for i in ids if kinds[i] == "briefings"],
                           items=sorted(i for i in ids if kinds[i] in ITEM_KINDS),
                           offices_of=[i for i in ids if kinds[i] == "people"])
        in_month = [entry for entry in entries if entry.dated and month_key(*entry.sort_key[1:3]) == month]
        return sorted(in_month, key=lambda entry: entry.sort_key[1:4], reverse=True)


def newest_change(project: Project, briefing_ids: Iterable[str]) -> str:
    """The day of the newest version among the briefings (`EPOCH` for none): a page's date in the sitemap."""
    changes = [last_change(project, b).datetime for b in briefing_ids]
    return max(changes).date().isoformat() if changes else EPOCH


def last_change_iso(project: Project, briefing_id: str) -> str:
    return iso_datetime(last_change(project, briefing_id))


def table_cell(markdown: str) -> str:
    """Markdown made safe inside a table cell: no line breaks, and pipes escaped.

    >>> table_cell("a | b\\\\| c\\nd")
    'a \\\\| b\\\\| c d'
    """
    return _UNESCAPED_PIPE.sub(r"\\|", " ".join(markdown.split("\n")))


def collation_key(text: str) -> str:
    """Alphabetical order as readers expect it: accents and case do not count.

    >>> sorted(["Élysée", "Ukraine", "Eiffel"], key=collation_key)
    ['Eiffel', 'Élysée', 'Ukraine']
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()

