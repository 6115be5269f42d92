"""What is public at one moment: the one answer every output family reads.

Why one module: the site, the PDFs, the exports, the feeds and the dataset
must never disagree on what a reader may see. `generator.editorial` decides
which briefings are released at `now`; this module widens that to the
records they make public and narrows the graph's indexes to them once, so
a page is a lookup, not a scan, and no family can show a statement that
only a draft or an embargoed briefing uses. `Project.public` computes it
once per build moment.

Nothing here is localized.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass

from generator.cache import digest
from generator.editorial import HasGraph, released
from generator.graph import ITEM_KINDS, FactGraph, Index, item_day, month_key
from generator.records.values import PartialDate, day_of

ALWAYS_PUBLIC = ("people", "organisations", "places", "sources", "topics")
"""Reference records: they have a page whether or not a released briefing names them."""


@dataclass(frozen=True)
class Public:
    """The released briefings, the records they make public, and who appears where among them."""

    now: dt.datetime
    preview: bool
    """Drafts and embargoed briefings count as released (the desk's local preview only)."""
    briefings: tuple[str, ...]
    """Released briefings, newest first."""
    released: frozenset[str]
    """The same briefings as a set, for lookups."""
    items: frozenset[str]
    """Statements and facts that a released briefing shows."""
    events: frozenset[str]
    """Events a released briefing or one of its items involves, and the larger events they are part of."""
    briefings_about: Index
    """Person, organisation, place or event → released briefings involving it, newest first."""
    items_at: Index
    """Event → public statements and facts belonging to it."""
    cited_by: Index
    """Source → the public records citing it: statements, facts, events, and people whose offices it documents."""
    dossiers: Index
    """Dossier → its released briefings, in its order; a dossier none of whose briefings is released is absent."""
    briefings_on: Index
    """Topic (question of the positions matrix) → released briefings whose statements answer it, newest first."""
    timeline: Index
    """Month (`month_key`) → the public records the timeline places in it: events, statements and facts,
    briefings, and people by the offices they took up; newest month first. Undated records are in none."""

    def has_page(self, kind: str, record_id: str) -> bool:
        """Whether the site has a page for the record (so a link to it cannot break)."""
        if kind in ALWAYS_PUBLIC:
            return True
        if kind == "briefings":
            return record_id in self.released
        return kind == "events" and record_id in self.events

    def fingerprint(self) -> str:
        """The hash of the answer, its moment left out: pages made at another moment read the same answer."""
        fields = {name: sorted(value) if isinstance(value, frozenset) else value
                  for name, value in vars(self).items() if name != "now"}
        return digest(json.dumps(fields, sort_keys=True))

    def dossier_complete(self, dossier_id: str, graph: FactGraph) -> bool:
        """Whether every briefing of the dossier is released (the site lists only such dossiers)."""
        return len(self.dossiers.get(dossier_id, ())) == len(graph.model(dossier_id).briefings)


def public_at(project: HasGraph, now: dt.datetime, *, preview: bool = False) -> Public:
    """Everything any output may show at `now` (drafts and embargoes too when `preview`)."""
    graph = project.graph
    briefings = sorted(released(project, now, preview=preview),
                       key=lambda b: (graph.model(b).published.datetime, b), reverse=True)
    items = {item for b in briefings for item in graph.briefing_records(b) if graph.get(item).kind in ITEM_KINDS}
    about: dict[str, list[str]] = {}
    for briefing_id in briefings:
        for record_id, _relation in graph.related(briefing_id):
            about.setdefault(record_id, []).append(briefing_id)
    on: dict[str, list[str]] = {}
    for briefing_id in briefings:
        for topic_id in graph.topics_of(briefing_id):
            on.setdefault(topic_id, []).append(briefing_id)
    events = set(graph.events_involved(briefings))
    shown = items | events | {r.id for kind in ALWAYS_PUBLIC for r in graph.of_kind(kind)}
    return Public(
        now=now,
        preview=preview,
        briefings=tuple(briefings),
        released=frozenset(briefings),
        items=frozenset(items),
        events=frozenset(events),
        briefings_about={record_id: tuple(ids) for record_id, ids in about.items()},
        items_at=_within(graph.items_at, items),
        cited_by=_within(graph.cited_by, shown),
        dossiers=_within({r.id: tuple(r.model.briefings) for r in graph.of_kind("dossiers")}, set(briefings)),
        briefings_on={topic_id: tuple(ids) for topic_id, ids in on.items()},
        timeline=_timeline(graph, events, briefings, items),
    )


def _timeline(graph: FactGraph, events: Iterable[str], briefings: Iterable[str], items: Iterable[str]) -> Index:
    """Which month the timeline places each record in, on the same day `localize.timeline` gives it."""
    placed: dict[str, dict[str, None]] = {}

    def place(record_id: str, day: PartialDate | None) -> None:
        if day is not None and day.year is not None:
            placed.setdefault(month_key(day.year, day.month), {})[record_id] = None

    for event_id in sorted(events):
        place(event_id, graph.model(event_id).day)
    for item_id in sorted(items):
        place(item_id, (item_day(graph, item_id) or (None, None))[0])
    for briefing_id in briefings:
        place(briefing_id, day_of(graph.model(briefing_id).published))
    for person in graph.of_kind("people"):
        for role in person.model.roles:
            if role.since is not None:
                place(person.id, role.since.date)
    return {month: tuple(ids) for month, ids in sorted(placed.items(), reverse=True)}


def _within(index: Index, public: set[str]) -> Index:
    """The index with only public records left, and no key whose list is empty."""
    narrowed = {key: tuple(value for value in values if value in public) for key, values in index.items()}
    return {key: values for key, values in narrowed.items() if values}
