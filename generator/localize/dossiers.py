"""A dossier in one language: its briefings, profiles in context, timeline and positions matrix."""

from __future__ import annotations

from collections.abc import Sequence

from generator.i18n.dates import iso_date
from generator.localize.briefings import BriefingViews, SourceNumbers
from generator.localize.positions import position_matrix
from generator.localize.timeline import timeline
from generator.views import BriefingView, DossierProfile, DossierView, Participation, Section


class Localizer(BriefingViews):
    """Every localized view of one language: records, briefings and dossiers."""

    def dossier(self, dossier_id: str, briefing_ids: Sequence[str] | None = None) -> DossierView:
        """The localized view of a dossier, limited to `briefing_ids` (the released ones) when given.

        Profiles list what each person or body said in these briefings and the
        events they took part in; the timeline orders the events, the offices
        of the people profiled, the records with a date of their own and the
        briefings' publication, with undated records last (unknown stays unknown).
        """
        record = self.graph.get(dossier_id)
        model = record.model
        wanted = list(briefing_ids) if briefing_ids is not None else list(model.briefings)
        briefings = tuple(self.briefing(b) for b in model.briefings if b in wanted)
        items = list(dict.fromkeys(i for b in briefings for i in self.graph.briefing_records(b.id)))
        statements = [i for i in items if self.graph.get(i).kind == "statements"]
        numbers = SourceNumbers()
        topics, rows = position_matrix(self, statements, cite=numbers.cite)
        events = self._dossier_events(briefings)
        return DossierView(
            id=dossier_id, language=self.language,
            title=self.text(record, ("title",), model.title),
            subtitle=self.text(record, ("subtitle",), model.subtitle) if model.subtitle else None,
            date=self.date(model.date) or self.unknown_date, date_iso=iso_date(model.date.date),
            briefings=briefings,
            profiles=tuple(self._dossier_profile(p, statements, events) for p in model.profiles),
            timeline=timeline(self, events=events, offices_of=model.profiles, items=items,
                              briefings=[b.id for b in briefings]),
            positions=Section("positions", None, (), topics, rows) if rows else None,
            sources=tuple(self.source(source_id, number) for source_id, number in numbers.items()))

    def _dossier_events(self, briefings: Sequence[BriefingView]) -> list[str]:
        """The briefings' events and the larger events they belong to, in order of first mention."""
        found: list[str] = []
        for briefing in briefings:
            event_id = self.graph.model(briefing.id).event
            while event_id and event_id not in found:
                found.append(event_id)
                event_id = self.graph.model(event_id).part_of
        return found

    def _dossier_profile(self, record_id: str, statements: Sequence[str], events: Sequence[str]) -> DossierProfile:
        said = [s for s in statements if record_id in (self.graph.model(s).speaker, self.graph.model(s).actor)]
        took_part = []
        for event_id in events:
            event = self.graph.get(event_id)
            for index, participant in enumerate(event.model.participants):
                if participant.who == record_id:
                    role = (self.text(event, ("participants", index, "role"), participant.role)
                            if participant.role else None)
                    took_part.append(Participation(self.name(event_id), self.date(event.model.date), role))
        return DossierProfile(self.profile(record_id), tuple(self.statement(s) for s in said), tuple(took_part))
