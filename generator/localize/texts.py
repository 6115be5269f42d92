"""A record's text in one language: runs, names, dates and values, formatted by Babel."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from contextlib import suppress
from typing import Any

from babel import Locale
from babel.dates import format_interval

from generator.config import ProjectConfig
from generator.graph import FactGraph, Reads
from generator.i18n.dates import format_date_range, format_datetime, format_partial_date
from generator.i18n.format import format_value
from generator.i18n.lists import format_list
from generator.i18n.quotes import quote_marks
from generator.records.base import LocalizedDict, MissingNameFormError, NameForms
from generator.records.load import Record
from generator.records.text import CASES, Case, Mention, Placeholder, Quotation, parse_text
from generator.records.text import Literal as LiteralToken
from generator.records.values import DateTimeValue, DateValue, PartialDate, day_of
from generator.views import Flag, Inline, Name, Quoted, Run, SourceNote, SourceRef, TopicView, Value, Words

StatusLookup = Callable[[str, tuple, str], Flag | None]
"""(record id, field path, language) → 'stale' when a translation is out of date."""


class Texts:
    """Text, names and values of records, in one language."""

    def __init__(self, graph: FactGraph, config: ProjectConfig, language: str,
                 gettext: Callable[[str], str], stale: StatusLookup | None = None):
        self.graph = graph
        self.config = config
        self.language = config.languages[language]
        self.gettext = gettext
        self.stale = stale or (lambda record_id, path, code: None)
        self._names: dict[tuple[str, str, Case | None, bool], tuple[Name, Reads]] = {}
        self._texts: dict[tuple[str, tuple], tuple[LocalizedDict, Inline, Reads]] = {}

    def text(self, record: Record, path: tuple, localized: LocalizedDict) -> Inline:
        """The record's text at `path` (`localized`, the field there) in this language, runs resolved and
        formatted; found once per build, as a statement is shown on its briefing and on every page it names.

        The memo holds the field it was made from and answers only for that same object, so a caller passing
        other text under the same path gets that text; and the names it read, counted again for each caller
        (`FactGraph.remembered`).
        """
        key = (record.id, path)
        held = self._texts.get(key)
        if held is None or held[0] is not localized:
            with self.graph.watched() as reads:
                inline = self._text(record, path, localized)
            held = self._texts[key] = (localized, inline, frozenset(reads))
        else:
            self.graph.count_again(held[2])
        return held[1]

    def _text(self, record: Record, path: tuple, localized: LocalizedDict) -> Inline:
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
            return self._name_list([self.name(mentioned, token.form, token.case, bare=token.bare)
                                    for mentioned in token.ids])
        assert isinstance(token, Placeholder)
        value = self._placeholder(record, token.name)
        return [Value(self.value(value, token.style), type(value).__name__)]

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

    def _placeholder(self, record: Record, name: str) -> Any:
        values = getattr(record.model, "values", {})
        if name in values:
            return values[name]
        date = getattr(record.model, "date", None)
        if date is None and getattr(record.model, "event", None):
            date = self.graph.model(record.model.event).day_value
        return date

    @property
    def unknown_date(self) -> str:
        # TRANSLATORS: in place of a date the sources do not give
        return self.gettext("date not known")

    def name(self, record_id: str, form: str = "full", case: Case | None = None, *, bare: bool = False) -> Name:
        """The record's name (people, organisations, places, events) in this language.

        Args:
            form: `full` or `short`.
            case: A grammatical case: the name declined, with its definite article unless `bare`.
        """
        return self.graph.remembered(self._names, (record_id, form, case, bare),
                                     lambda: self._name(record_id, form, case, bare))

    def _name(self, record_id: str, form: str, case: Case | None, bare: bool) -> Name:
        """Why `name` keeps these: a page names the same people dozens of times, each in every case."""
        record = self.graph.get(record_id)
        names = record.model.name
        code = next(code for code in (self.language.code, self.config.source_language, *names) if code in names)
        forms = names[code]
        declined = dict(_declensions(forms, code, short=form == "short"))
        article, text = declined.get(case, (None, forms.short_or_full if form == "short" else forms.full))
        return Name(record_id, record.kind, text if bare else _phrase(article, text),
                    {each: _phrase(*pair) for each, pair in declined.items()})

    def value(self, value: Any, style: str | None = None) -> str:
        """A typed value of a record formatted for this language, as its text would show it."""
        return format_value(value, self.language, style, unknown_date=self.unknown_date, gettext=self.gettext)

    def date(self, value: DateValue | None) -> str | None:
        return None if value is None else self.value(value)

    def span(self, start: DateValue | DateTimeValue, end: DateValue | DateTimeValue | None) -> str:
        """When something happens: its start, or the span to its end in CLDR's interval formats
        (`18.–19. Dezember 2025`; `17. Dezember 2025, 14:00–15:05 Uhr`)."""
        if end is None:
            return self.value(start)
        if isinstance(start, DateTimeValue) and isinstance(end, DateTimeValue):
            return format_interval(start.local(), end.local(), "yMMMMdHm", locale=self.language.locale)
        first, last = day_of(start), day_of(end)
        if first.precision == last.precision == "day":
            return format_date_range(dt.date(first.year, first.month, first.day),
                                     dt.date(last.year, last.month, last.day), self.language)
        return f"{self.partial_date(first)}\u2009–\u2009{self.partial_date(last)}"

    def partial_date(self, date: PartialDate) -> str:
        """A date known to the day, the month or the year: `6. Januar 2026`, `Januar 2026`."""
        return format_partial_date(date, self.language, unknown=self.unknown_date)

    def moment(self, value: DateTimeValue) -> str:
        """A `DateTimeValue` (publication, embargo, withdrawal) in this language's long form."""
        return format_datetime(value, self.language)

    def day(self, value: DateTimeValue) -> str:
        """The calendar day of a moment, on the clock of its zone: `7. Januar 2026`."""
        return self.partial_date(day_of(value))

    def month(self, year: int, month: int) -> str:
        """A month as a heading: `Januar 2026`."""
        return self.partial_date(PartialDate(year=year, month=month))

    def language_name(self, code: str) -> str:
        """A language's name in this language: `Französisch`, `French`."""
        return Locale.parse(code.split("-")[0]).get_language_name(self.language.locale) or code

    def translated_from(self, statement: Any, text: Inline) -> str | None:
        """Name of the language quoted words were spoken in, when the page shows them translated from it;
        "" when they are a translation from a language no one recorded; None when they are not translated.

        The words are the speaker's in the language they were spoken in: that
        is `spoken_language`, or the source's own language when the source
        says its wording is no translation. A German report of French words
        shown on the English page is "translated", never "translated from
        German".
        """
        origin = statement.quote
        if origin is None:
            return None
        spoken = origin.spoken_language or (origin.language if origin.translation is False else None)
        if spoken is not None:
            return self.language_name(spoken) if spoken != text.language else None
        translated = text.language != origin.language or origin.translation
        return "" if translated else None

    def statement_text(self, record: Record) -> Inline:
        """A statement's text; a quote's words (verbatim, written without marks) in this language's marks,
        so every output shows them as a quotation and nothing else as one."""
        text = self.text(record, ("text",), record.model.text)
        if record.model.kind != "quote":
            return text
        open_mark, close_mark = quote_marks(self.language)
        return Inline((Words(open_mark), *text.runs, Words(close_mark)), text.language, text.flag)

    def attribution(self, record: Record) -> Inline:
        """Who made a statement, as every output names it: the speaker, else the unnamed sources in the
        report's words, else the state or body it speaks for."""
        statement = record.model
        if statement.speaker is None and statement.unnamed is not None:
            return self.text(record, ("unnamed",), statement.unnamed)
        return Inline((self.name(statement.speaker or statement.actor),), self.language.code)

    def topic(self, topic_id: str) -> TopicView:
        record = self.graph.get(topic_id)
        return TopicView(topic_id, self.text(record, ("label",), record.model.label),
                         self.text(record, ("question",), record.model.question))

    def source_ref(self, source_id: str) -> SourceRef:
        """A source named by its title, for a link to its page."""
        record = self.graph.get(source_id)
        return SourceRef(source_id, self.text(record, ("title",), record.model.title))

    def source(self, source_id: str, number: int) -> SourceNote:
        """A source as a numbered note (number 0 outside a briefing)."""
        record = self.graph.get(source_id)
        source = record.model
        return SourceNote(
            number=number,
            id=source_id,
            title=self.text(record, ("title",), source.title),
            original_title=source.original_title,
            publisher=source.publisher,
            language=self.language_name(source.language),
            published=self.date(source.published),
            url=str(source.url) if source.url else None,
        )


def _declensions(forms: NameForms, language: str, *, short: bool) -> Iterator[tuple[Case, tuple[str | None, str]]]:
    """(article, name) in every case the record can give.

    A case it cannot give is left out, and the name is written as it is:
    validation refuses text that asks for it, so only templates and drafts
    (a name missing in one language, taken from another) get there.
    """
    for case in CASES:
        with suppress(MissingNameFormError):
            yield case, forms.inflect(language, case, short=short)


def _phrase(article: str | None, name: str) -> str:
    return f"{article} {name}" if article else name

