"""Who and what a briefing involves: people, organisations, places, events, topics and sources.

Why a module of its own: the ninjs items, the feed entries and the facts
dataset all name the same entities for a briefing, and they must agree.
Nothing here is localized; callers name the ids in their language.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.graph import FactGraph
from generator.records.text import Mention, parse_text
from generator.records.walk import walk

ENTITY_KINDS = ("people", "organisations", "places", "events")
"""Record kinds a briefing can involve as entities."""


def related(graph: FactGraph, briefing_id: str) -> list[tuple[str, str]]:
    """(record id, relation) for every person, organisation, place and event a briefing involves.

    The relation is the strongest found: `speaker` (said something quoted),
    `actor` (a statement speaks for it or a fact is about it), `event` (what the
    briefing covers), `location` (where that happened), else `mentioned` in text.
    """
    briefing = graph.model(briefing_id)
    found: dict[str, str] = {}

    def add(record_ids: Iterable[str | None], rel: str) -> None:
        for record_id in record_ids:
            if record_id and record_id not in found:
                found[record_id] = rel

    items = [graph.model(item_id) for item_id in graph.briefing_records(briefing_id)]
    add((getattr(item, "speaker", None) for item in items), "speaker")
    add((actor for item in items for actor in ([item.actor] if hasattr(item, "actor") else item.actors)), "actor")
    add([briefing.event], "event")
    add([graph.model(briefing.event).place] if briefing.event else [], "location")
    add(mentions([briefing, *items]), "mentioned")
    return [(record_id, rel) for record_id, rel in found.items() if graph.get(record_id).kind in ENTITY_KINDS]


def mentions(models: Iterable[object]) -> Iterable[str]:
    """Ids mentioned (`{@id}`) anywhere in the text of the given models, in order, with repeats."""
    for model in models:
        for _, value in walk(model):
            if isinstance(value, str):
                for token in parse_text(value):
                    if isinstance(token, Mention):
                        yield from token.ids


def topics(graph: FactGraph, briefing_id: str) -> list[str]:
    """The questions of the positions matrix the briefing's statements answer (topic ids, first seen first)."""
    return list(dict.fromkeys(stance.topic for item_id in graph.briefing_records(briefing_id)
                              for stance in getattr(graph.model(item_id), "stances", ())))


def cited_sources(graph: FactGraph, briefing_id: str) -> list[str]:
    """Ids of the sources behind the briefing's facts and statements, first cited first."""
    return list(dict.fromkeys(source for item_id in graph.briefing_records(briefing_id)
                              for source in graph.model(item_id).sources))
