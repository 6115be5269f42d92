"""The timeline: events, offices taken up, statements and facts, and briefings, oldest first.

One implementation for the site's timeline page and a dossier's chapter,
so both place the same record on the same day in the same order. A
statement or fact is placed on its own date, else (no date given at all)
on the day of the event it belongs to, as the facts dataset dates it; one
whose date the sources say they do not know (`date: unknown`) is not
moved to its event's day, since it may have happened before. On one day
an event comes first, then offices, then what was said or decided there,
then the briefings reporting it. A record whose date the sources do not
give sorts last and says so; the site leaves those out.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.graph import item_day
from generator.i18n.dates import iso_date
from generator.localize.records import RecordViews
from generator.records.values import PartialDate, day_of
from generator.views import Inline, Name, SourceRef, TimelineEntry

ORDER_IN_A_DAY = ("event", "office", "statement", "fact", "briefing")


def timeline(views: RecordViews, *, events: Iterable[str] = (), briefings: Iterable[str] = (),
             items: Iterable[str] = (), offices_of: Iterable[str] = ()) -> tuple[TimelineEntry, ...]:
    """The entries of the given records, oldest first.

    Args:
        views: The language's record views.
        events: Events, placed on their date (an unknown date last).
        briefings: Briefings, placed on the day of their first publication.
        items: Statements and facts, on their own date or their event's (`item_day`); those with neither stay out.
        offices_of: People whose offices are placed on the day they were taken up.
    """
    graph = views.graph
    entries = []
    for event_id in events:
        event = views.event(event_id)
        model = graph.model(event_id)
        entries.append(_entry(views, model.day, "event", event_id, event.name, event.summary, event.sources,
                              event.kind, time=model.time_of_day, status=model.status,
                              shown=event.date if model.time_of_day or model.end else None))
    for person_id in offices_of:
        record = graph.get(person_id)
        for index, role in enumerate(getattr(record.model, "roles", ())):
            if role.since is not None:
                entries.append(_entry(views, role.since.date, "office", f"{person_id}-{index}", views.name(person_id),
                                      views.text(record, ("roles", index, "title"), role.title),
                                      tuple(views.source_ref(s) for s in role.sources)))
    for item_id in items:
        placed = item_day(graph, item_id)
        if placed is None:
            continue
        day, time = placed
        if graph.get(item_id).kind == "statements":
            statement = views.statement(item_id)
            entries.append(_entry(views, day, "statement", item_id, None, statement.text,
                                  statement.sources, by=statement.by, time=time))
        else:
            fact = views.fact(item_id)
            entries.append(_entry(views, day, "fact", item_id, None, fact.text, fact.sources, time=time))
    for briefing_id in briefings:
        entry = views.briefing_ref(briefing_id)
        entries.append(_entry(views, day_of(graph.model(briefing_id).published), "briefing", briefing_id, None,
                              entry.title, ()))
    return tuple(sorted(entries, key=lambda entry: entry.sort_key))


def _entry(views: RecordViews, date: PartialDate, kind: str, key: str, name: Name | None, text: Inline | None,
           sources: tuple[SourceRef, ...], category: str | None = None, by: Inline | None = None,
           time: tuple[int, int] | None = None, status: str = "happened", shown: str | None = None) -> TimelineEntry:
    """One entry; on one day, what has no time of day comes first, then the rest by time."""
    sort_key = (date.year is None, date.year or 0, date.month or 0, date.day or 0, time or (-1, -1),
                ORDER_IN_A_DAY.index(kind), key)
    return TimelineEntry(shown or views.partial_date(date), iso_date(date), kind, key, name, text, sources,
                         category, by, status, sort_key)
