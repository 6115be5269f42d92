"""The fact graph: validated records resolved into objects with the indexes pages need.

Nothing here is localized; it answers "who said what, which sources back it,
which briefings use it" once, so every output asks the same questions the
same way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.records.load import Record, RecordSet
from generator.records.text import Mention, parse_text
from generator.records.walk import walk


@dataclass
class FactGraph:
    """Records plus reverse indexes, built once per build."""

    records: RecordSet
    cited_by: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    statements_by_actor: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    statements_by_speaker: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    mentioned_in: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    briefings_using: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def get(self, record_id: str) -> Record:
        record = self.records.get(record_id)
        if record is None:
            raise KeyError(record_id)
        return record

    def model(self, record_id: str) -> object:
        return self.get(record_id).model

    def of_kind(self, kind: str) -> list[Record]:
        return self.records.of_kind(kind)

    def event_of(self, record_id: str) -> Record | None:
        event_id = getattr(self.model(record_id), "event", None)
        return self.get(event_id) if event_id else None

    def briefing_records(self, briefing_id: str) -> list[str]:
        """Ids of the facts and statements a briefing shows, in reading order, without repeats."""
        briefing = self.model(briefing_id)
        ordered = list(briefing.summary) + [item for section in briefing.sections for item in section.items]
        return list(dict.fromkeys(ordered))


def resolve(records: RecordSet) -> FactGraph:
    """Build the graph and its reverse indexes from validated, checked records."""
    graph = FactGraph(records)
    for record in records:
        model = record.model
        for source in getattr(model, "sources", []) or []:
            graph.cited_by[source].append(record.id)
        for role in getattr(model, "roles", []) or []:
            for source in role.sources:
                graph.cited_by[source].append(record.id)
        if record.kind == "statements":
            graph.statements_by_actor[model.actor].append(record.id)
            if model.speaker:
                graph.statements_by_speaker[model.speaker].append(record.id)
        for mentioned in _mentions(walk(model)):
            if record.id not in graph.mentioned_in[mentioned]:
                graph.mentioned_in[mentioned].append(record.id)
    for briefing in records.of_kind("briefings"):
        for item in graph.briefing_records(briefing.id):
            graph.briefings_using[item].append(briefing.id)
    return graph


def _mentions(nodes: Iterable[tuple[tuple, object]]) -> Iterable[str]:
    for _, value in nodes:
        if isinstance(value, str):
            for token in parse_text(value):
                if isinstance(token, Mention):
                    yield from token.ids
