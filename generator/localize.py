"""Localize: the fact graph as one language sees it.

Text becomes a sequence of runs (words, names, formatted values, quotations)
rather than finished HTML, because each output writes the same runs its own
way: linked HTML on the site, plain names in a PDF, Markdown in exports.
All formatting happens here, through Babel, so every output of a language
shows a value identically.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from babel import Locale

from generator.config import LanguageConfig, ProjectConfig
from generator.graph import FactGraph
from generator.i18n.dates import format_datetime, iso_datetime
from generator.i18n.format import format_value
from generator.i18n.lists import format_list
from generator.records.base import LocalizedDict
from generator.records.load import Record
from generator.records.text import Literal as LiteralToken
from generator.records.text import Mention, Placeholder, Quotation, parse_text
from generator.records.values import DateValue

Flag = Literal["missing", "stale"]


@dataclass(frozen=True)
class Words:
    """Literal text of the record; may carry inline Markdown."""

    markdown: str


@dataclass(frozen=True)
class Name:
    """A person, organisation, place or event, in the page's language."""

    record_id: str
    kind: str
    text: str


@dataclass(frozen=True)
class Value:
    """A typed value, already formatted for the locale."""

    text: str
    kind: str


@dataclass(frozen=True)
class Quoted:
    """Quoted words with the locale's quotation marks."""

    text: str
    open: str
    close: str


Run = Words | Name | Value | Quoted


@dataclass(frozen=True)
class Inline:
    """A localized text: its runs, the language they are in, and a draft flag."""

    runs: tuple[Run, ...]
    language: str
    flag: Flag | None = None


@dataclass(frozen=True)
class SourceNote:
    """A numbered source as the reader sees it."""

    number: int
    id: str
    title: Inline
    original_title: str | None
    publisher: str | None
    language: str
    published: str | None
    url: str | None


@dataclass(frozen=True)
class Item:
    """A fact or statement placed in a briefing, with its source numbers."""

    id: str
    kind: str
    text: Inline
    notes: tuple[int, ...]
    speaker: Name | None = None
    actor: Name | None = None
    translated_from: str | None = None
    figure: str | None = None
    label: Inline | None = None


@dataclass(frozen=True)
class Cell:
    """One country's position on one question."""

    answer: str
    note: Inline
    statement_id: str
    notes: tuple[int, ...]


@dataclass(frozen=True)
class PositionRow:
    actor: Name
    cells: dict[str, Cell]


@dataclass(frozen=True)
class TopicView:
    id: str
    label: Inline
    question: Inline


@dataclass(frozen=True)
class Section:
    role: str
    heading: Inline | None
    items: tuple[Item, ...]
    topics: tuple[TopicView, ...] = ()
    rows: tuple[PositionRow, ...] = ()


@dataclass(frozen=True)
class CorrectionView:
    date: str
    date_iso: str
    text: Inline


@dataclass(frozen=True)
class BriefingView:
    """Everything a template needs to write one briefing in one language."""

    id: str
    language: LanguageConfig
    title: Inline
    standfirst: Inline
    published: str
    published_iso: str
    updated_iso: str
    event: Name | None
    event_date: str | None
    place: Name | None
    sections: tuple[Section, ...]
    summary: tuple[Item, ...]
    sources: tuple[SourceNote, ...]
    corrections: tuple[CorrectionView, ...]
    status: str
    version: int
    withdrawal: Inline | None
    mentioned: tuple[Name, ...] = field(default=())


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
            open_mark, close_mark = self.language.quotes[:2]
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


class _SourceNumbers(dict):
    """Numbers sources in the order a briefing first cites them."""

    def cite(self, source_ids: Sequence[str]) -> tuple[int, ...]:
        return tuple(self.setdefault(source_id, len(self) + 1) for source_id in source_ids)
