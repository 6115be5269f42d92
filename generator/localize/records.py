"""Single records as every output shows them: statements, facts, profiles, events and briefing entries."""

from __future__ import annotations

from collections.abc import Container

from generator.i18n.dates import iso_date, iso_datetime
from generator.localize.texts import Texts
from generator.records.values import DateTimeValue
from generator.views import (
    AboutView,
    BriefingRef,
    EventView,
    FactView,
    MembershipView,
    ParticipantView,
    ProfileView,
    RoleView,
    StanceView,
    StatementView,
)


class RecordViews(Texts):
    """One record on its own, with its own sources rather than a briefing's numbered notes."""

    def statement(self, statement_id: str) -> StatementView:
        """One statement: who said it for whom, when, where, its stances and sources."""
        record = self.graph.get(statement_id)
        model = record.model
        text = self.statement_text(record)
        return StatementView(
            id=statement_id, kind=model.kind, text=text, by=self.attribution(record),
            actor=self.name(model.actor) if model.actor else None,
            speaker=self.name(model.speaker) if model.speaker else None,
            event=self.name(model.event) if model.event else None,
            date=self.date(model.date), date_iso=iso_date(model.date.date) if model.date else None,
            stances=tuple(StanceView(self.topic(stance.topic), stance.answer,
                                     self.text(record, ("stances", index, "note"), stance.note))
                          for index, stance in enumerate(model.stances)),
            sources=tuple(self.source_ref(source_id) for source_id in model.sources),
            translated_from=self.translated_from(model, text))

    def key_figure(self, fact_id: str) -> str | None:
        """The value the fact names as its key figure (`figure:`), formatted; None when it names none."""
        fact = self.graph.model(fact_id)
        return self.value(fact.values[fact.figure]) if fact.figure else None

    def fact(self, fact_id: str) -> FactView:
        """One fact, with its key figure and caption when it has them."""
        record = self.graph.get(fact_id)
        model = record.model
        return FactView(
            id=fact_id, kind=model.kind, text=self.text(record, ("text",), model.text),
            figure=self.key_figure(fact_id),
            label=self.text(record, ("label",), model.label) if model.label else None,
            date=self.date(model.date), date_iso=iso_date(model.date.date) if model.date else None,
            event=self.name(model.event) if model.event else None,
            sources=tuple(self.source_ref(source_id) for source_id in model.sources))

    def profile(self, record_id: str) -> ProfileView:
        """A person, organisation or place as its own record describes it."""
        record = self.graph.get(record_id)
        model = record.model
        part_of = getattr(model, "part_of", None) or getattr(model, "within", None)
        roles = tuple(
            RoleView(self.text(record, ("roles", index, "title"), role.title),
                     self.name(role.organisation) if role.organisation else None,
                     self.date(role.since), self.date(role.until),
                     tuple(self.source_ref(source_id) for source_id in role.sources))
            for index, role in enumerate(getattr(model, "roles", ())))
        memberships = tuple(
            MembershipView(self.name(m.organisation), self.date(m.since), self.date(m.until),
                           tuple(self.source_ref(source_id) for source_id in m.sources))
            for m in getattr(model, "memberships", ()))
        summary = getattr(model, "summary", None)
        country = getattr(model, "country", None)
        return ProfileView(
            id=record_id, kind=record.kind, name=self.name(record_id), short_name=self.name(record_id, "short"),
            category=getattr(model, "kind", None),
            summary=self.text(record, ("summary",), summary) if summary else None,
            country=self.name(country) if country else None,
            part_of=self.name(part_of) if part_of else None,
            roles=roles, memberships=memberships)

    def about(self, record_id: str, within: Container[str]) -> AboutView:
        """What the records in `within` hold about a person, body or place (`FactGraph.about`), localized."""
        found = self.graph.about(record_id, within)
        return AboutView(tuple(self.statement(s) for s in found.statements),
                         tuple(self.fact(f) for f in found.facts),
                         tuple(self.event(e) for e in found.events))

    def event(self, event_id: str) -> EventView:
        """An event with its date, place, organiser, participants and sources."""
        record = self.graph.get(event_id)
        model = record.model
        return EventView(
            id=event_id, name=self.name(event_id), kind=model.kind,
            date=self.span(model.date, model.end), status=model.status,
            date_iso=iso_datetime(model.date) if isinstance(model.date, DateTimeValue) else iso_date(model.date.date),
            place=self.name(model.place) if model.place else None,
            organiser=self.name(model.organiser) if model.organiser else None,
            part_of=self.name(model.part_of) if model.part_of else None,
            participants=tuple(
                ParticipantView(self.name(p.who),
                                self.text(record, ("participants", index, "role"), p.role) if p.role else None)
                for index, p in enumerate(model.participants)),
            summary=self.text(record, ("summary",), model.summary),
            sources=tuple(self.source_ref(source_id) for source_id in model.sources))

    def briefing_ref(self, briefing_id: str) -> BriefingRef:
        """A briefing as a list shows it: headline, standfirst and day of publication."""
        record = self.graph.get(briefing_id)
        model = record.model
        return BriefingRef(
            id=briefing_id, title=self.text(record, ("title",), model.title),
            standfirst=self.text(record, ("standfirst",), model.standfirst),
            published=self.day(model.published), published_iso=iso_datetime(model.published),
            status=model.status)
