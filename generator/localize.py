"""Localize: the fact graph as one language sees it.

Text becomes a sequence of runs (words, names, formatted values, quotations)
rather than finished HTML, because each output writes the same runs its own
way: linked HTML on the site, plain names in a PDF, Markdown in exports.
All formatting happens here, through Babel, so every output of a language
shows a value identically.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from babel import Locale

from generator.config import ProjectConfig
from generator.graph import FactGraph
from generator.i18n.dates import format_datetime, format_partial_date, iso_date, iso_datetime
from generator.i18n.format import format_value
from generator.i18n.lists import format_list
from generator.i18n.quotes import quote_marks
from generator.records.base import LocalizedDict
from generator.records.load import Record
from generator.records.text import Literal as LiteralToken
from generator.records.text import Mention, Placeholder, Quotation, parse_text
from generator.records.values import DateTimeValue, DateValue, PartialDate
from generator.views import (
    BriefingRef,
    BriefingView,
    Cell,
    CorrectionView,
    DossierProfile,
    DossierTimelineEntry,
    DossierView,
    EventView,
    FactView,
    Flag,
    Inline,
    Item,
    Name,
    ParticipantView,
    Participation,
    PositionRow,
    ProfileView,
    Quoted,
    RoleView,
    Run,
    Section,
    SourceNote,
    SourceRef,
    StanceView,
    StatementView,
    TopicView,
    Value,
    Words,
)

StatusLookup = Callable[[str, tuple, str], Flag | None]
"""(record id, field path, language) → 'stale' when a translation is out of date."""


class Localizer:
    """Turns records into localized views for one language."""

    def __init__(self, graph: FactGraph, config: ProjectConfig, language: str,
                 gettext: Callable[[str], str], stale: StatusLookup | None = None):
        self.graph = graph
        self.config = config
        self.language = config.languages[language]
        self.gettext = gettext
        self.stale = stale or (lambda record_id, path, code: None)

    # -- text -----------------------------------------------------------------

    def text(self, record: Record, path: tuple, localized: LocalizedDict) -> Inline:
        """The record's text at `path` in this language, runs resolved and formatted."""
        code = self.language.code
        flag: Flag | None = None
        if code in localized:
            flag = self.stale(record.id, path, code)
        else:
            flag, code = "missing", self.config.source_language
            if code not in localized:
                code = next(iter(localized))
        runs = tuple(run for token in parse_text(localized[code]) for run in self._runs(record, token))
        return Inline(runs, code, flag)

    def _runs(self, record: Record, token: Any) -> Sequence[Run]:
        if isinstance(token, LiteralToken):
            return [Words(token.text)]
        if isinstance(token, Quotation):
            open_mark, close_mark = quote_marks(self.language)
            return [Quoted(token.text, open_mark, close_mark)]
        if isinstance(token, Mention):
            return self._name_list([self.name(mentioned, token.form) for mentioned in token.ids])
        assert isinstance(token, Placeholder)
        value = self._placeholder(record, token.name)
        return [Value(format_value(value, self.language, token.style, unknown_date=self.unknown_date),
                      type(value).__name__)]

    def _name_list(self, names: list[Name]) -> list[Run]:
        """Names joined by the locale's list pattern, each name still its own run (and link)."""
        slots = [f"\x00{index}\x00" for index in range(len(names))]
        runs: list[Run] = []
        for index, part in enumerate(format_list(slots, self.language).split("\x00")):
            if index % 2:
                runs.append(names[int(part)])
            elif part:
                runs.append(Words(part))
        return runs

    @property
    def unknown_date(self) -> str:
        return self.gettext("date not known")

    def _placeholder(self, record: Record, name: str) -> Any:
        values = getattr(record.model, "values", {})
        if name in values:
            return values[name]
        date = getattr(record.model, "date", None)
        if date is None and getattr(record.model, "event", None):
            date = self.graph.model(record.model.event).date
        return date

    def name(self, record_id: str, form: str = "full") -> Name:
        """The record's name (people, organisations, places, events) in this language."""
        record = self.graph.get(record_id)
        names = record.model.name
        forms = names.get(self.language.code) or names.get(self.config.source_language) or next(
            iter(names.values()))
        return Name(record_id, record.kind, forms.full if form == "full" else forms.short_or_full)

    def date(self, value: DateValue | None) -> str | None:
        if value is None:
            return None
        return format_value(value, self.language, None, unknown_date=self.unknown_date)

    # -- briefings --------------------------------------------------------------

    def briefing(self, briefing_id: str) -> BriefingView:
        """The localized view of one briefing."""
        record = self.graph.get(briefing_id)
        briefing = record.model
        numbers = _SourceNumbers()
        sections = tuple(self._section(record, index, section, numbers)
                         for index, section in enumerate(briefing.sections))
        summary = tuple(self._item(item_id, numbers) for item_id in briefing.summary)
        event = self.graph.get(briefing.event) if briefing.event else None
        corrections = tuple(
            CorrectionView(format_datetime(c.date, self.language), iso_datetime(c.date),
                           self.text(record, ("corrections", i, "text"), c.text))
            for i, c in enumerate(briefing.corrections))
        updated = briefing.corrections[-1].date if briefing.corrections else briefing.published
        return BriefingView(
            id=briefing_id,
            language=self.language,
            title=self.text(record, ("title",), briefing.title),
            standfirst=self.text(record, ("standfirst",), briefing.standfirst),
            published=format_datetime(briefing.published, self.language),
            published_iso=iso_datetime(briefing.published),
            updated_iso=iso_datetime(updated),
            event=self.name(event.id) if event else None,
            event_date=self.date(event.model.date) if event else None,
            place=self.name(event.model.place) if event and event.model.place else None,
            sections=sections,
            summary=summary,
            sources=tuple(self.source(source_id, number) for source_id, number in numbers.items()),
            corrections=corrections,
            status=briefing.status,
            version=1 + len(briefing.corrections),
            withdrawal=self.text(record, ("withdrawal",), briefing.withdrawal) if briefing.withdrawal else None,
        )

    def _section(self, record: Record, index: int, section: Any, numbers: _SourceNumbers) -> Section:
        heading = self.text(record, ("sections", index, "heading"), section.heading) if section.heading else None
        items = tuple(self._item(item_id, numbers) for item_id in section.items)
        if section.role != "positions":
            return Section(section.role, heading, items)
        topics, rows = self._positions([self.graph.get(item.id) for item in items], numbers)
        return Section(section.role, heading, items, topics, rows)

    def _item(self, item_id: str, numbers: _SourceNumbers) -> Item:
        record = self.graph.get(item_id)
        model = record.model
        notes = numbers.cite(getattr(model, "sources", ()))
        text = self.text(record, ("text",), model.text) if hasattr(model, "text") else self.text(
            record, ("summary",), model.summary)
        if record.kind != "statements":
            figure = next(iter(model.values.values()), None) if getattr(model, "values", None) else None
            return Item(item_id, record.kind, text, notes,
                        figure=format_value(figure, self.language, None, unknown_date=self.unknown_date)
                        if figure is not None else None,
                        label=self.text(record, ("label",), model.label) if getattr(model, "label", None) else None)
        return Item(item_id, record.kind, text, notes,
                    speaker=self.name(model.speaker) if model.speaker else None,
                    actor=self.name(model.actor),
                    translated_from=self._translated_from(model, text))

    def _translated_from(self, statement: Any, text: Inline) -> str | None:
        """Name of the language a quote is translated from; "" when the source does not say which.

        The reader sees a translation when the page shows the wording in another
        language than the source printed, or when the source's wording is itself
        a translation of what was spoken.
        """
        origin = statement.quote
        if origin is None:
            return None
        if text.language != origin.language:
            original: str | None = origin.language
        elif origin.translation:
            original = origin.spoken_language or ""
        else:
            return None
        return Locale.parse(original).get_language_name(self.language.locale) if original else ""

    def _positions(self, statements: Sequence[Record], numbers: _SourceNumbers
                   ) -> tuple[tuple[TopicView, ...], tuple[PositionRow, ...]]:
        topic_ids: list[str] = []
        rows: dict[str, dict[str, Cell]] = {}
        for record in statements:
            for index, stance in enumerate(record.model.stances):
                topic_ids.append(stance.topic)
                rows.setdefault(record.model.actor, {})[stance.topic] = Cell(
                    stance.answer, self.text(record, ("stances", index, "note"), stance.note), record.id,
                    numbers.cite(record.model.sources))
        topics = sorted(dict.fromkeys(topic_ids), key=lambda t: (self.graph.model(t).order, t))
        return (tuple(self.topic(t) for t in topics),
                tuple(PositionRow(self.name(actor), cells) for actor, cells in rows.items()))

    def topic(self, topic_id: str) -> TopicView:
        record = self.graph.get(topic_id)
        return TopicView(topic_id, self.text(record, ("label",), record.model.label),
                         self.text(record, ("question",), record.model.question))

    def source(self, source_id: str, number: int) -> SourceNote:
        record = self.graph.get(source_id)
        source = record.model
        return SourceNote(
            number=number,
            id=source_id,
            title=self.text(record, ("title",), source.title),
            original_title=source.original_title,
            publisher=source.publisher,
            language=(Locale.parse(source.language.split("-")[0]).get_language_name(self.language.locale)
                      or source.language),
            published=self.date(source.published),
            url=str(source.url) if source.url else None,
        )

    # -- single records, for datasets and exports --------------------------------

    def item(self, item_id: str) -> Item:
        """One fact or statement on its own, as a briefing would show it (source numbers from 1)."""
        return self._item(item_id, _SourceNumbers())

    def value(self, value: Any, style: str | None = None) -> str:
        """A typed value of a record formatted for this language, as its text would show it."""
        return format_value(value, self.language, style, unknown_date=self.unknown_date)

    def moment(self, value: Any) -> str:
        """A `DateTimeValue` (publication, embargo, withdrawal) in this language's long form."""
        return format_datetime(value, self.language)


    # -- site views: profiles, events, statements, timeline and positions ----------

    def source_ref(self, source_id: str) -> SourceRef:
        """A source named by its title, for a link to its page."""
        record = self.graph.get(source_id)
        return SourceRef(source_id, self.text(record, ("title",), record.model.title))

    def statement(self, statement_id: str) -> StatementView:
        """One statement on its own: who said it for whom, when, where, its stances and sources."""
        record = self.graph.get(statement_id)
        model = record.model
        text = self.text(record, ("text",), model.text)
        return StatementView(
            id=statement_id, kind=model.kind, text=text, actor=self.name(model.actor),
            speaker=self.name(model.speaker) if model.speaker else None,
            event=self.name(model.event) if model.event else None,
            date=self.date(model.date), date_iso=iso_date(model.date.date) if model.date else None,
            stances=tuple(StanceView(self.topic(stance.topic), stance.answer,
                                     self.text(record, ("stances", index, "note"), stance.note))
                          for index, stance in enumerate(model.stances)),
            sources=tuple(self.source_ref(source_id) for source_id in model.sources),
            translated_from=self._translated_from(model, text))

    def fact(self, fact_id: str) -> FactView:
        """One fact on its own, with its key figure and caption when it has them."""
        record = self.graph.get(fact_id)
        model = record.model
        figure = next(iter(model.values.values()), None) if model.values else None
        return FactView(
            id=fact_id, kind=model.kind, text=self.text(record, ("text",), model.text),
            figure=self.value(figure) if figure is not None else None,
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
        summary = getattr(model, "summary", None)
        country = getattr(model, "country", None)
        return ProfileView(
            id=record_id, kind=record.kind, name=self.name(record_id), short_name=self.name(record_id, "short"),
            category=getattr(model, "kind", None),
            summary=self.text(record, ("summary",), summary) if summary else None,
            country=self.name(country) if country else None,
            part_of=self.name(part_of) if part_of else None,
            roles=roles)

    def event(self, event_id: str) -> EventView:
        """An event with its date, place, organiser, participants and sources."""
        record = self.graph.get(event_id)
        model = record.model
        return EventView(
            id=event_id, name=self.name(event_id), kind=model.kind,
            date=self.date(model.date) or self.unknown_date, date_iso=iso_date(model.date.date),
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

    def day(self, value: DateTimeValue) -> str:
        """The calendar day of a moment, on the clock of its zone: `7. Januar 2026`."""
        local = value.local()
        return format_partial_date(PartialDate(year=local.year, month=local.month, day=local.day), self.language,
                                   unknown=self.unknown_date)

    def month(self, year: int, month: int) -> str:
        """A month as a heading: `Januar 2026`."""
        return format_partial_date(PartialDate(year=year, month=month), self.language, unknown=self.unknown_date)


    # -- dossiers (PDF): briefings, profiles, timeline and positions together -------

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
        in_matrix = [i for b in briefings for s in self.graph.model(b.id).sections if s.role == "positions"
                     for i in s.items]
        statements = [i for i in dict.fromkeys(in_matrix + items) if self.graph.get(i).kind == "statements"]
        numbers = _SourceNumbers()
        topics, rows = self._positions([self.graph.get(s) for s in statements
                                        if self.graph.model(s).stances], numbers)
        events = self._dossier_events(briefings)
        return DossierView(
            id=dossier_id, language=self.language,
            title=self.text(record, ("title",), model.title),
            subtitle=self.text(record, ("subtitle",), model.subtitle) if model.subtitle else None,
            date=self.date(model.date) or self.unknown_date, date_iso=iso_date(model.date.date),
            briefings=briefings,
            profiles=tuple(self._dossier_profile(p, statements, events) for p in model.profiles),
            timeline=self._dossier_timeline(briefings, events, model.profiles, items),
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

    def _dossier_timeline(self, briefings: Sequence[BriefingView], events: Sequence[str],
                          profiles: Sequence[str], items: Sequence[str]) -> tuple[DossierTimelineEntry, ...]:
        entries = []
        for event_id in events:
            event = self.event(event_id)
            entries.append(self._entry(self.graph.model(event_id).date.date, "event", event_id, event.name,
                                       event.summary, event.sources))
        for person_id in profiles:
            record = self.graph.get(person_id)
            for index, role in enumerate(getattr(record.model, "roles", ())):
                if role.since is not None:
                    entries.append(self._entry(role.since.date, "office", f"{person_id}-{index}",
                                               self.name(person_id),
                                               self.text(record, ("roles", index, "title"), role.title),
                                               tuple(self.source_ref(s) for s in role.sources)))
        for item_id in items:
            model = self.graph.model(item_id)
            if getattr(model, "date", None) is not None:
                view = self.statement(item_id) if self.graph.get(item_id).kind == "statements" else self.fact(item_id)
                entries.append(self._entry(model.date.date, "record", item_id, None, view.text, view.sources))
        for briefing in briefings:
            local = self.graph.model(briefing.id).published.local()
            day = PartialDate(year=local.year, month=local.month, day=local.day)
            entries.append(self._entry(day, "briefing", briefing.id, None, briefing.title, ()))
        return tuple(sorted(entries, key=lambda entry: entry.sort_key))

    def _entry(self, date: PartialDate, kind: str, key: str, name: Name | None, text: Inline | None,
               sources: tuple[SourceRef, ...]) -> DossierTimelineEntry:
        order = ("event", "office", "record", "briefing").index(kind)
        sort_key = (date.year is None, date.year or 0, date.month or 0, date.day or 0, order, key)
        return DossierTimelineEntry(format_partial_date(date, self.language, unknown=self.unknown_date),
                                    iso_date(date), kind, name, text, sources, sort_key)


class _SourceNumbers(dict):
    """Numbers sources in the order a briefing first cites them."""

    def cite(self, source_ids: Sequence[str]) -> tuple[int, ...]:
        return tuple(self.setdefault(source_id, len(self) + 1) for source_id in source_ids)
