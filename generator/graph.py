"""The fact graph: validated records resolved into objects with the indexes pages need.

Nothing here is localized, and nothing here knows what is public: it answers
"who said what, who took part where, which sources back a record, which
briefings use it" once, over every record, so every output asks the same
questions the same way. `generator.public` narrows these indexes to what
may be shown at one moment.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Container, Hashable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

from generator.cache import digest
from generator.records.load import Record, RecordSet
from generator.records.text import Mention, parse_text
from generator.records.values import PartialDate
from generator.records.walk import walk

ENTITY_KINDS = ("people", "organisations", "places", "events")
"""Record kinds a briefing can involve as entities."""

ITEM_KINDS = ("statements", "facts")
"""Record kinds a briefing arranges into its sections."""

Index = dict[str, tuple[str, ...]]
"""Record id → ids of related records, in a stable order."""

KIND_READ = "*"
"""How a watched read names the list of a kind (`*people`): its members, not their content."""

Reads = frozenset[str]
"""What a computation asked the graph for: record ids, and kinds as `KIND_READ + kind`."""

Key = TypeVar("Key", bound=Hashable)
Value = TypeVar("Value")


@dataclass(frozen=True)
class About:
    """What the records hold about one person, body or place: ids, each list in the index's order."""

    statements: tuple[str, ...]
    """Statements it made or that speak for it."""
    facts: tuple[str, ...]
    """Facts naming it as an actor."""
    events: tuple[str, ...]
    """Events it took part in, organised or hosted, oldest first."""


@dataclass
class FactGraph:
    """Records plus reverse indexes, built once per build."""

    records: RecordSet
    briefings_using: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    _reads: dict[str, tuple[tuple[str, ...], Reads]] = field(default_factory=dict, repr=False)
    _watching: list[set[str]] = field(default_factory=list, repr=False)

    def get(self, record_id: str) -> Record:
        if self._watching:
            self._watching[-1].add(record_id)
        record = self.records.get(record_id)
        if record is None:
            raise KeyError(record_id)
        return record

    def model(self, record_id: str) -> object:
        return self.get(record_id).model

    def of_kind(self, kind: str) -> list[Record]:
        records = self.records.of_kind(kind)
        if self._watching:
            self._watching[-1].add(KIND_READ + kind)
            self._watching[-1].update(record.id for record in records)
        return records

    # -- what a computation reads -------------------------------------------------------

    @contextmanager
    def watched(self) -> Iterator[set[str]]:
        """The records asked for and the kinds listed inside the block; an enclosing block sees them too.

        Why: a site page made in an earlier build is reused while every record
        it read is unchanged (`generator.outputs.traced`).
        """
        reads: set[str] = set()
        self._watching.append(reads)
        try:
            yield reads
        finally:
            self._watching.pop()
            self.count_again(reads)

    def count_again(self, reads: Iterable[str]) -> None:
        """Reads made earlier, counted again for the watched block now running (a memo's answer)."""
        if self._watching:
            self._watching[-1].update(reads)

    def remembered(self, memo: dict[Key, tuple[Value, Reads]], key: Key, make: Callable[[], Value]) -> Value:
        """`make()` once per key, kept with what it read: an answer from the memo counts those reads again,
        so whatever takes a view another page made still depends on that view's records."""
        held = memo.get(key)
        if held is None:
            with self.watched() as reads:
                value = make()
            memo[key] = (value, frozenset(reads))
            return value
        self.count_again(held[1])
        return held[0]

    def seen(self, read: str) -> str | None:
        """What a watched read saw, as it is now: the record's fingerprint, the ids of a kind, None when absent."""
        if read.startswith(KIND_READ):
            return digest(*(record.id for record in self.records.of_kind(read.removeprefix(KIND_READ))))
        record = self.records.get(read)
        return None if record is None else record.fingerprint

    def indexes_digest(self) -> str:
        """The hash of every reverse index: what a page reads through them, not through `get`."""
        indexes = {name: getattr(self, name) for name, value in vars(FactGraph).items()
                   if isinstance(value, cached_property)}
        return digest(json.dumps({**indexes, "briefings_using": self.briefings_using}, sort_keys=True))

    def briefing_records(self, briefing_id: str) -> list[str]:
        """Ids of the facts, statements and events a briefing shows, in reading order, without repeats."""
        briefing = self.model(briefing_id)
        ordered = list(briefing.summary) + [item for section in briefing.sections for item in section.items]
        return list(dict.fromkeys(ordered))

    # -- what one briefing involves ---------------------------------------------------

    def related(self, briefing_id: str) -> list[tuple[str, str]]:
        """(record id, relation) for every person, organisation, place and event a briefing involves.

        The relation is the strongest found: `speaker` (said something quoted),
        `actor` (a statement speaks for it or a fact is about it), `event` (what the
        briefing covers), `location` (where that happened), else `mentioned` in text.
        The ninjs items, the feed entries, the dataset and the site all name these.
        """
        briefing = self.model(briefing_id)
        found: dict[str, str] = {}

        def add(record_ids: Iterable[str | None], rel: str) -> None:
            for record_id in record_ids:
                if record_id and record_id not in found:
                    found[record_id] = rel

        records = [self.get(item_id) for item_id in self.briefing_records(briefing_id)]
        items = [record.model for record in records if record.kind in ITEM_KINDS]
        events = [briefing.event, *(record.id for record in records if record.kind == "events")]
        add((getattr(item, "speaker", None) for item in items), "speaker")
        add((actor for item in items for actor in ([item.actor] if hasattr(item, "actor") else item.actors)),
            "actor")
        add(events, "event")
        add((self.model(event).place for event in events if event), "location")
        add(mentions([briefing, *(record.model for record in records)]), "mentioned")
        return [(record_id, rel) for record_id, rel in found.items() if self.get(record_id).kind in ENTITY_KINDS]

    def events_involved(self, briefing_ids: Iterable[str]) -> list[str]:
        """The events the briefings involve, those their facts and statements belong to, and the larger events
        these are part of: first found first.

        The one answer to "which events do these briefings bring in", for the
        site (every released briefing) and a dossier (its own), so both place
        the same events on their timelines and under their profiles.
        """
        found: dict[str, None] = {}
        for briefing_id in briefing_ids:
            found.update((record_id, None) for record_id, _relation in self.related(briefing_id)
                         if self.get(record_id).kind == "events")
            found.update((event, None) for item_id in self.briefing_records(briefing_id)
                         if (event := getattr(self.model(item_id), "event", None)))
        return [*found, *self.containing(found)]

    def topics_of(self, briefing_id: str) -> list[str]:
        """The questions of the positions matrix the briefing's statements answer (topic ids, first seen first)."""
        return list(dict.fromkeys(stance.topic for item_id in self.briefing_records(briefing_id)
                                  for stance in getattr(self.model(item_id), "stances", ())))

    def sources_of(self, briefing_id: str) -> list[str]:
        """Ids of the sources behind the briefing's facts and statements, first cited first."""
        return list(dict.fromkeys(source for item_id in self.briefing_records(briefing_id)
                                  for source in self.model(item_id).sources))

    def reads(self, record_id: str) -> tuple[str, ...]:
        """Every record the outputs of a briefing or a dossier read, in a stable order, found once per build.

        A briefing reads its items, the events, people, bodies and places it
        involves, its sources and questions; a dossier reads its briefings',
        the full records of the people and bodies it profiles, with the bodies
        and sources of their offices and memberships (a profile names the party).
        The published versions fingerprint these, and the output caches key
        each document on them; every family asks in every language, hence the memo.
        """
        return self.remembered(self._reads, record_id, lambda: tuple(dict.fromkeys(self._find_reads(record_id))))

    def _find_reads(self, record_id: str) -> list[str]:
        record = self.get(record_id)
        if record.kind == "dossiers":
            found = [record_id, *record.model.profiles]
            for profile in record.model.profiles:
                model = self.model(profile)
                for part in [*getattr(model, "roles", ()), *getattr(model, "memberships", ())]:
                    found += [*([part.organisation] if part.organisation else []), *part.sources]
            for briefing_id in record.model.briefings:
                found += self.reads(briefing_id)
            return found
        events = [record.model.event] if record.model.event else []
        events += self.containing(events)
        return [record_id, *self.briefing_records(record_id), *events,
                *(entity for entity, _relation in self.related(record_id)),
                *self.sources_of(record_id), *self.topics_of(record_id)]

    # -- indexes by person, body, place, event ------------------------------------------

    @cached_property
    def cited_by(self) -> Index:
        """Source → every record citing it, once each, in load order: statements, facts and events by their
        `sources`, people by the sources of their offices and memberships."""
        found: dict[str, dict[str, None]] = defaultdict(dict)
        for record in self.records:
            model = record.model
            parts = [*(getattr(model, "roles", None) or ()), *(getattr(model, "memberships", None) or ())]
            for source in [*(getattr(model, "sources", None) or ()), *(s for part in parts for s in part.sources)]:
                found[source][record.id] = None
        return _frozen({source: list(ids) for source, ids in found.items()})

    @cached_property
    def statements_by(self) -> Index:
        """Person or organisation → statements it made or that speak for it."""
        found: dict[str, list[str]] = defaultdict(list)
        for record in self.of_kind("statements"):
            for who in dict.fromkeys((record.model.speaker, record.model.actor)):
                if who:
                    found[who].append(record.id)
        return _frozen(found)

    @cached_property
    def facts_about(self) -> Index:
        """Person or organisation → facts naming it as an actor."""
        found: dict[str, list[str]] = defaultdict(list)
        for record in self.of_kind("facts"):
            for actor in record.model.actors:
                found[actor].append(record.id)
        return _frozen(found)

    @cached_property
    def events_of(self) -> Index:
        """Person, organisation or place → events it took part in, organised or hosted, oldest first.

        A place hosts what happened at any place within it: an event at the
        Élysée Palace happened in Paris too.
        """
        found: dict[str, list[str]] = defaultdict(list)
        for record in sorted(self.of_kind("events"), key=lambda r: (date_key(r.model.day), r.id)):
            event = record.model
            involved = [event.organiser, *self.places_around(event.place), *(p.who for p in event.participants)]
            for who in dict.fromkeys(who for who in involved if who):
                found[who].append(record.id)
        return _frozen(found)

    @cached_property
    def items_at(self) -> Index:
        """Event → the statements and facts belonging to it."""
        found: dict[str, list[str]] = defaultdict(list)
        for kind in ITEM_KINDS:
            for record in self.of_kind(kind):
                if record.model.event:
                    found[record.model.event].append(record.id)
        return _frozen(found)

    @cached_property
    def members(self) -> Index:
        """Organisation → people acting for it (as their country), holding an office in it or belonging to it."""
        found: dict[str, list[str]] = defaultdict(list)
        for person in self.of_kind("people"):
            bodies = [person.model.country, *(role.organisation for role in person.model.roles),
                      *(membership.organisation for membership in person.model.memberships)]
            for body in dict.fromkeys(b for b in bodies if b):
                found[body].append(person.id)
        return _frozen(found)

    @cached_property
    def parts(self) -> Index:
        """Organisation → bodies that are part of it; place → places within it."""
        found: dict[str, list[str]] = defaultdict(list)
        for kind, attribute in (("organisations", "part_of"), ("places", "within")):
            for record in self.of_kind(kind):
                if getattr(record.model, attribute):
                    found[getattr(record.model, attribute)].append(record.id)
        return _frozen(found)

    @cached_property
    def places_in(self) -> Index:
        """Country → the places in it."""
        found: dict[str, list[str]] = defaultdict(list)
        for place in self.of_kind("places"):
            if place.model.country:
                found[place.model.country].append(place.id)
        return _frozen(found)

    def about(self, record_id: str, within: Container[str]) -> About:
        """What the records in `within` hold about the record: the one query behind every profile.

        The site asks it with every public record, a dossier with its own
        briefings' records, so a profile cannot list a fact in one and miss
        it in the other.
        """
        def kept(index: Index) -> tuple[str, ...]:
            return tuple(other for other in index.get(record_id, ()) if other in within)

        return About(kept(self.statements_by), kept(self.facts_about), kept(self.events_of))

    def places_around(self, place_id: str | None) -> list[str]:
        """The place and every place containing it, innermost first."""
        places: list[str] = []
        while place_id and place_id not in places:
            places.append(place_id)
            place_id = self.model(place_id).within
        return places

    def containing(self, event_ids: Iterable[str]) -> list[str]:
        """The larger events the given ones are part of (not the given ones), nearest first."""
        given = set(event_ids)
        found: list[str] = []
        for event_id in sorted(given):
            parent = self.model(event_id).part_of
            while parent and parent not in found:
                if parent not in given:
                    found.append(parent)
                parent = self.model(parent).part_of
        return found


def mentions(models: Iterable[object]) -> Iterable[str]:
    """Ids mentioned (`{@id}`) anywhere in the text of the given models, in order, with repeats."""
    for model in models:
        for _, value in walk(model):
            if isinstance(value, str):
                for token in parse_text(value):
                    if isinstance(token, Mention):
                        yield from token.ids


def item_day(graph: FactGraph, item_id: str) -> tuple[PartialDate, tuple[int, int] | None] | None:
    """The day a statement or fact is placed on, with the time of day of its event when it takes the event's.

    Its own date when it gives one (`unknown` included), else its event's
    day; None when it has neither.
    """
    model = graph.model(item_id)
    if model.date is not None:
        return model.date.date, None
    if model.event:
        event = graph.model(model.event)
        return event.day, event.time_of_day
    return None


def month_key(year: int, month: int | None) -> str:
    """The timeline's page of a date: `2026-01`, or `2026` for a date known to the year only."""
    return f"{year:04d}-{month:02d}" if month else f"{year:04d}"


def date_key(date: object) -> tuple[int, int, int]:
    """Sort key of a partial date: unknown first, a month before its days."""
    return (getattr(date, "year", None) or 0, getattr(date, "month", None) or 0, getattr(date, "day", None) or 0)


def _frozen(index: dict[str, list[str]]) -> Index:
    return {key: tuple(values) for key, values in index.items()}


def resolve(records: RecordSet) -> FactGraph:
    """Build the graph and its reverse indexes from validated, checked records."""
    graph = FactGraph(records)
    for briefing in records.of_kind("briefings"):
        for item in graph.briefing_records(briefing.id):
            graph.briefings_using[item].append(briefing.id)
    return graph
