"""What the site may show at one moment, and the reverse indexes its pages list.

Why a module of its own: a profile, the timeline and the positions matrix
must never show a statement that only an embargoed or draft briefing uses,
and every page must agree on that. `generator.editorial` decides which
briefings are released; this module widens that to the records they make
public and indexes them once, so each page is a lookup, not a scan (the
archive grows to thousands of briefings).

Nothing here is localized.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from generator.editorial import released
from generator.graph import FactGraph
from generator.outputs.involved import related
from generator.project import Project

ALWAYS_PUBLIC = ("people", "organisations", "places", "sources")
"""Reference records: they have a page whether or not a released briefing names them."""

ITEM_KINDS = ("statements", "facts")


@dataclass(frozen=True)
class SiteScope:
    """The released briefings, the records they make public, and who appears where."""

    briefings: tuple[str, ...]
    """Released briefings, newest first."""
    items: frozenset[str]
    """Statements and facts that a released briefing shows."""
    events: frozenset[str]
    """Events a released briefing or one of its items involves."""
    released: frozenset[str] = frozenset()
    """The same briefings as a set, for lookups."""
    briefings_about: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Person, organisation, place or event → released briefings involving it, newest first."""
    statements_by: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Person or organisation → public statements it made or that speak for it."""
    facts_about: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Person or organisation → public facts naming it as an actor."""
    events_of: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Person, organisation or place → public events it took part in, organised or hosted."""
    items_at: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Event → public statements and facts belonging to it."""

    def has_page(self, kind: str, record_id: str) -> bool:
        """Whether the site has a page for the record (so a link to it cannot break)."""
        if kind in ALWAYS_PUBLIC:
            return True
        if kind == "briefings":
            return record_id in self.released
        return kind == "events" and record_id in self.events


def site_scope(project: Project, now: dt.datetime, *, preview: bool = False) -> SiteScope:
    """Everything the site shows at `now` (drafts and embargoes too when `preview`)."""
    graph = project.graph
    briefings = sorted(released(project, now, preview=preview),
                       key=lambda b: (graph.model(b).published.datetime, b), reverse=True)
    items = {item for b in briefings for item in graph.briefing_records(b) if graph.get(item).kind in ITEM_KINDS}
    about: dict[str, list[str]] = defaultdict(list)
    events: set[str] = set()
    for briefing_id in briefings:
        for record_id, _relation in related(graph, briefing_id):
            about[record_id].append(briefing_id)
            if graph.get(record_id).kind == "events":
                events.add(record_id)
    events |= {graph.model(item).event for item in items if getattr(graph.model(item), "event", None)}
    events |= _containing(graph, events)
    return SiteScope(
        briefings=tuple(briefings),
        released=frozenset(briefings),
        items=frozenset(items),
        events=frozenset(events),
        briefings_about=_frozen(about),
        statements_by=_statements_by(graph, items),
        facts_about=_facts_about(graph, items),
        events_of=_events_of(graph, events),
        items_at=_items_at(graph, items),
    )


def _containing(graph: FactGraph, events: set[str]) -> set[str]:
    """The larger events the given ones are part of, so an event page can link up."""
    found: set[str] = set()
    for event_id in events:
        parent = graph.model(event_id).part_of
        while parent and parent not in found:
            found.add(parent)
            parent = graph.model(parent).part_of
    return found


def _statements_by(graph: FactGraph, items: set[str]) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = defaultdict(list)
    for record in graph.of_kind("statements"):
        if record.id in items:
            for who in dict.fromkeys((record.model.speaker, record.model.actor)):
                if who:
                    found[who].append(record.id)
    return _frozen(found)


def _facts_about(graph: FactGraph, items: set[str]) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = defaultdict(list)
    for record in graph.of_kind("facts"):
        if record.id in items:
            for actor in record.model.actors:
                found[actor].append(record.id)
    return _frozen(found)


def _events_of(graph: FactGraph, events: set[str]) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = defaultdict(list)
    for event_id in sorted(events, key=lambda e: (date_key(graph.model(e).date.date), e)):
        event = graph.model(event_id)
        involved = [event.organiser, *_places_around(graph, event.place), *(p.who for p in event.participants)]
        for who in dict.fromkeys(who for who in involved if who):
            found[who].append(event_id)
    return _frozen(found)


def _places_around(graph: FactGraph, place_id: str | None) -> list[str]:
    """The place and every place containing it: an event at the Élysée Palace happened in Paris too."""
    places: list[str] = []
    while place_id and place_id not in places:
        places.append(place_id)
        place_id = graph.model(place_id).within
    return places


def _items_at(graph: FactGraph, items: set[str]) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = defaultdict(list)
    for kind in ITEM_KINDS:
        for record in graph.of_kind(kind):
            if record.id in items and record.model.event:
                found[record.model.event].append(record.id)
    return _frozen(found)


def _frozen(index: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    return {key: tuple(values) for key, values in index.items()}


def date_key(date: object) -> tuple[int, int, int]:
    """Sort key of a partial date: unknown first, a month before its days."""
    return (getattr(date, "year", None) or 0, getattr(date, "month", None) or 0, getattr(date, "day", None) or 0)

