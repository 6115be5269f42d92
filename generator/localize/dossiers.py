"""A dossier in one language: its briefings, profiles in context, timeline and positions matrix."""

from __future__ import annotations

from collections.abc import Sequence

from generator.graph import ITEM_KINDS
from generator.i18n.dates import iso_date
from generator.localize.briefings import BriefingViews, SourceNumbers
from generator.localize.positions import position_matrix
from generator.localize.timeline import timeline
from generator.views import DossierProfile, DossierView, Participation, Section


class Localizer(BriefingViews):
    """Every localized view of one language: records, briefings and dossiers."""

    def dossier(self, dossier_id: str, briefing_ids: Sequence[str] | None = None) -> DossierView:
        """The localized view of a dossier, limited to `briefing_ids` (the released ones) when given.

        Profiles hold what the site's profile pages hold (`FactGraph.about`),
        narrowed to these briefings' statements, facts and events; the
        timeline is the site's (`timeline`) over the same records, plus the
        offices of the people profiled, with undated records last (unknown
        stays unknown).
        """
        record = self.graph.get(dossier_id)
        model = record.model
        wanted = list(briefing_ids) if briefing_ids is not None else list(model.briefings)
        briefings = tuple(self.briefing(b) for b in model.briefings if b in wanted)
        briefing_ids = [b.id for b in briefings]
        items = list(dict.fromkeys(i for b in briefing_ids for i in self.graph.briefing_records(b)
                                   if self.graph.get(i).kind in ITEM_KINDS))
        statements = [i for i in items if self.graph.get(i).kind == "statements"]
        numbers = SourceNumbers()
        topics, rows = position_matrix(self, statements, cite=numbers.cite)
        events = self.graph.events_involved(briefing_ids)
        within = frozenset(items) | frozenset(events)
        return DossierView(
            id=dossier_id, language=self.language,
            title=self.text(record, ("title",), model.title),
            subtitle=self.text(record, ("subtitle",), model.subtitle) if model.subtitle else None,
            date=self.date(model.date) or self.unknown_date, date_iso=iso_date(model.date.date),
            briefings=briefings,
            profiles=tuple(self._dossier_profile(p, within) for p in model.profiles),
            timeline=timeline(self, events=events, offices_of=model.profiles, items=items, briefings=briefing_ids),
            positions=Section("positions", None, (), topics, rows) if rows else None,
            sources=tuple(self.source(source_id, number) for source_id, number in numbers.items()))

    def _dossier_profile(self, record_id: str, within: frozenset[str]) -> DossierProfile:
        """The profile with what the dossier's records hold about it: the site's query (`about`), narrowed to them."""
        about = self.about(record_id, within)
        took_part = tuple(
            Participation(event.name, event.date,
                          next((p.role for p in event.participants if p.who.record_id == record_id and p.role), None))
            for event in about.events)
        return DossierProfile(self.profile(record_id), about.statements, about.facts, took_part)
