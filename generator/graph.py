"""The fact graph: validated records resolved into objects with the indexes pages need.

Nothing here is localized; it answers "which sources back a record, which
briefings use it" once, so every output asks the same questions the
same way.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from generator.records.load import Record, RecordSet


@dataclass
class FactGraph:
    """Records plus reverse indexes, built once per build."""

    records: RecordSet
    cited_by: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
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
    for briefing in records.of_kind("briefings"):
        for item in graph.briefing_records(briefing.id):
            graph.briefings_using[item].append(briefing.id)
    return graph

