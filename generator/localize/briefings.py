"""A briefing in one language: its sections, items and numbered sources."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from generator.graph import Reads
from generator.i18n.dates import iso_datetime
from generator.localize.positions import position_matrix
from generator.localize.records import RecordViews
from generator.records.load import Record
from generator.views import BriefingView, CorrectionView, Item, Section


class SourceNumbers(dict):
    """Numbers sources in the order a document first cites them."""

    def cite(self, source_ids: Sequence[str]) -> tuple[int, ...]:
        return tuple(self.setdefault(source_id, len(self) + 1) for source_id in source_ids)


class BriefingViews(RecordViews):
    """Briefings, and facts and statements as a briefing places them."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._briefings: dict[str, tuple[BriefingView, Reads]] = {}

    def briefing(self, briefing_id: str) -> BriefingView:
        """The localized view of one briefing, made once: its page, profiles, PDFs, dossiers and exports read it."""
        return self.graph.remembered(self._briefings, briefing_id, lambda: self._briefing(briefing_id))

    def _briefing(self, briefing_id: str) -> BriefingView:
        record = self.graph.get(briefing_id)
        briefing = record.model
        numbers = SourceNumbers()
        sections = tuple(self._section(record, index, section, numbers)
                         for index, section in enumerate(briefing.sections))
        summary = tuple(self._item(item_id, numbers) for item_id in briefing.summary)
        event = self.graph.get(briefing.event) if briefing.event else None
        corrections = tuple(
            CorrectionView(self.moment(c.date), iso_datetime(c.date),
                           self.text(record, ("corrections", i, "text"), c.text))
            for i, c in enumerate(briefing.corrections))
        updated = briefing.corrections[-1].date if briefing.corrections else briefing.published
        return BriefingView(
            id=briefing_id,
            language=self.language,
            title=self.text(record, ("title",), briefing.title),
            standfirst=self.text(record, ("standfirst",), briefing.standfirst),
            published=self.moment(briefing.published),
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

    def _section(self, record: Record, index: int, section: Any, numbers: SourceNumbers) -> Section:
        heading = self.text(record, ("sections", index, "heading"), section.heading) if section.heading else None
        items = tuple(self._item(item_id, numbers) for item_id in section.items)
        if section.role != "positions":
            return Section(section.role, heading, items)
        topics, rows = position_matrix(self, [item.id for item in items], cite=numbers.cite)
        return Section(section.role, heading, items, topics, rows)

    def _item(self, item_id: str, numbers: SourceNumbers) -> Item:
        record = self.graph.get(item_id)
        model = record.model
        notes = numbers.cite(getattr(model, "sources", ()))
        if record.kind == "statements":
            text = self.statement_text(record)
        else:
            text = self.text(record, ("text",), model.text) if hasattr(model, "text") else self.text(
                record, ("summary",), model.summary)
        if record.kind == "events":
            return Item(item_id, record.kind, text, notes, when=self.span(model.date, model.end), status=model.status)
        if record.kind != "statements":
            return Item(item_id, record.kind, text, notes,
                        figure=self.key_figure(item_id) if record.kind == "facts" else None,
                        label=self.text(record, ("label",), model.label) if getattr(model, "label", None) else None)
        return Item(item_id, record.kind, text, notes,
                    speaker=self.name(model.speaker) if model.speaker else None,
                    actor=self.name(model.actor) if model.actor else None,
                    by=self.attribution(record), verbatim=model.kind == "quote",
                    translated_from=self.translated_from(model, text))

    def item(self, item_id: str) -> Item:
        """One fact or statement on its own, as a briefing would show it (source numbers from 1)."""
        return self._item(item_id, SourceNumbers())
