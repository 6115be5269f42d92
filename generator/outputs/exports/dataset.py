"""The facts dataset: every released fact and statement with typed values, actors, sources and both languages.

Why this shape: an analyst asks across briefings ("every statement by
Merz", "every amount in EUR"), so each fact or statement is one row with its
typed values raw (ISO dates, numbers, currency codes, units) next to their
text in every language, and with the ids of whoever and whatever it involves.
Only facts and statements used by a briefing released at `now` are in it:
a draft or embargoed briefing's facts would otherwise leak before it is out.
The JSON Lines file holds one self-contained row per line (names included);
`generator.outputs.exports.dataset_sqlite` writes the same data as related tables.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from generator.editorial import last_change, version
from generator.graph import ITEM_KINDS, mentions
from generator.i18n.dates import iso_datetime
from generator.localize import Localizer
from generator.outputs.exports.renditions import absolute_links, canonical_url
from generator.outputs.safejson import dumps
from generator.outputs.traced import Traced
from generator.project import Project
from generator.records.values import DateValue, value_kind
from generator.render import to_html, to_plain

Row = dict[str, Any]


@dataclass(frozen=True)
class Dataset:
    """Rows ready to write, sorted by id so the same content gives the same files."""

    items: list[Row]
    """One row per fact or statement."""
    entities: list[Row]
    """People, organisations, places, events and topics the items involve, with names per language."""
    sources: list[Row]
    briefings: list[Row]
    languages: tuple[str, ...]
    locales: list[Row]
    """Per language, in the configured order: its code, its own name, its CLDR locale, whether it is the source."""


ROWS = "dataset-rows"
"""The cache folder of the items' rows, kept with what each read (`generator.outputs.traced`)."""


def facts_dataset(project: Project, now: dt.datetime, reuse: bool = False) -> Dataset:
    """Collect the dataset of everything released at `now`.

    With `reuse`, an item's row an earlier build made is taken from the cache
    while every record it read is unchanged (an edit makes one fact's row
    again, not every fact's text in every language), and the rows made now are kept.
    """
    graph = project.graph
    public = project.public(now)
    briefing_ids = sorted(public.released)
    using: dict[str, list[str]] = {}
    for briefing_id in briefing_ids:
        for item_id in graph.briefing_records(briefing_id):
            if graph.get(item_id).kind in ITEM_KINDS:
                using.setdefault(item_id, []).append(briefing_id)
    kept = Traced.of(project, public, ROWS) if reuse else None
    items = []
    for item_id in sorted(using):
        make = functools.partial(_item, project, item_id, using[item_id])
        items.append(make() if kept is None else kept.value((item_id, *using[item_id]), make))
    if kept is not None:
        kept.finish()
    entity_ids = sorted({entity for item in items for entity in item["names"]})
    source_ids = sorted({source for item in items for source in item["sources"]})
    return Dataset(
        items=items,
        entities=[_entity(project, entity_id) for entity_id in entity_ids],
        sources=[_source(project, source_id) for source_id in source_ids],
        briefings=[_briefing(project, briefing_id) for briefing_id in briefing_ids],
        languages=project.config.codes,
        locales=[{"code": code, "name": language.name, "locale": str(language.locale),
                  "source": code == project.config.source_language}
                 for code, language in project.config.languages.items()],
    )


def facts_jsonl(dataset: Dataset) -> str:
    """One JSON object per line and per fact or statement; markup characters escaped."""
    return "".join(dumps(item) + "\n" for item in dataset.items)


def raw_value(value: Any) -> Row:
    """A typed value as data: its kind and its machine-readable parts, never localized.

    >>> from generator.records.values import MoneyValue, DurationValue
    >>> raw_value(MoneyValue(money=90_000_000_000, currency="EUR"))["amount"]
    90000000000
    >>> raw_value(DurationValue(duration="P2Y"))["iso"]
    'P2Y'
    >>> from generator.records.values import CountValue
    >>> row = raw_value(CountValue(count="thousands"))
    >>> row["amount"], row["in_words"]
    (None, 'thousands')
    >>> range_ = raw_value(MoneyValue(money=100_000_000_000, to=999_000_000_000))
    >>> range_["amount"], range_["amount_to"], range_["currency"]
    (100000000000, 999000000000, None)
    """
    kind = value_kind(value)
    row: Row = {"kind": kind, "amount": None, "amount_to": None, "qualifier": None, "in_words": None,
                "currency": None, "unit": None, "iso": None, "precision": None, "zone": None}
    if kind in ("money", "count", "quantity"):
        row.update(amount_to=None if value.to is None else _number(value.to), qualifier=value.qualifier)
    if kind == "money":
        row.update(amount=_number(value.money), currency=value.currency)
    elif kind == "count" and isinstance(value.count, str):
        row.update(in_words=value.count)  # "thousands": no number is invented for it
    elif kind == "count":
        row.update(amount=value.count)
    elif kind == "quantity":
        row.update(amount=_number(value.quantity), unit=value.unit)
    elif kind == "percentage":
        row.update(amount=_number(value.percentage), unit="percent")
    elif kind == "duration":
        row.update(iso=value.duration)
    elif kind == "date":
        row.update(iso=None if value.date.year is None else value.date.iso(), precision=value.date.precision)
    elif kind == "datetime":
        row.update(iso=iso_datetime(value), zone=value.zone)
    return row


def _number(value: Decimal | int) -> int | float:
    """Whole amounts stay integers (exact in JSON and SQLite); others become floats."""
    return int(value) if value == int(value) else float(value)


def _item(project: Project, item_id: str, briefings: list[str]) -> Row:
    graph = project.graph
    record = graph.get(item_id)
    model = record.model
    is_statement = record.kind == "statements"
    date, date_from = model.date, "record"
    if date is None and model.event:
        date, date_from = graph.model(model.event).day_value, "event"
    actors = ([model.actor] if model.actor else []) if is_statement else list(model.actors)
    localizers = {code: project.localizer(code) for code in project.config.codes}
    involved = [model.speaker if is_statement else None, *actors, model.event,
                *[stance.topic for stance in getattr(model, "stances", ())], *mentions([model])]
    return {
        "id": item_id,
        "record": "statement" if is_statement else "fact",
        "kind": model.kind,
        "date": _date(date),
        "date_precision": date.date.precision if date else None,
        "date_from": date_from if date else None,
        "event": model.event,
        "speaker": model.speaker if is_statement else None,
        "actors": actors,
        "quote": model.quote.model_dump(mode="json") if is_statement and model.quote else None,
        "stances": [{"topic": s.topic, "answer": s.answer} for s in getattr(model, "stances", ())],
        "values": [{"name": name, **raw_value(value),
                    "text": {code: localizer.value(value) for code, localizer in localizers.items()}}
                   for name, value in model.values.items()],
        "sources": list(model.sources),
        "briefings": briefings,
        "text": {code: _text(project, localizer, item_id) for code, localizer in localizers.items()},
        "names": {entity: {code: localizer.name(entity).text if graph.get(entity).kind != "topics"
                           else to_plain(localizer.topic(entity).label) for code, localizer in localizers.items()}
                  for entity in dict.fromkeys(involved) if entity},
    }


def _date(value: DateValue | None) -> str | None:
    return None if value is None or value.date.year is None else value.date.iso()


def _text(project: Project, localizer: Localizer, item_id: str) -> Row:
    item = localizer.item(item_id)
    return {
        "plain": to_plain(item.text),
        "html": str(to_html(item.text, absolute_links(project, localizer.language.code))),
        "label": to_plain(item.label) if item.label else None,
        "language": item.text.language,
        "translated_from": item.translated_from,
        "attribution": to_plain(item.by) if item.by else None,
    }


def _entity(project: Project, entity_id: str) -> Row:
    record = project.graph.get(entity_id)
    names: Row = {}
    for code in project.config.codes:
        localizer = project.localizer(code)
        if record.kind == "topics":
            label = to_plain(localizer.topic(entity_id).label)
            names[code] = {"name": label, "short": label}
        else:
            names[code] = {"name": localizer.name(entity_id).text, "short": localizer.name(entity_id, "short").text}
    return {"id": entity_id, "kind": record.kind, "names": names}


def _source(project: Project, source_id: str) -> Row:
    source = project.graph.model(source_id)
    return {
        "id": source_id,
        "url": str(source.url) if source.url else None,
        "publisher": source.publisher,
        "language": source.language,
        "published": _date(source.published),
        "titles": {code: to_plain(project.localizer(code).source(source_id, 0).title)
                   for code in project.config.codes},
    }


def _briefing(project: Project, briefing_id: str) -> Row:
    record = project.graph.get(briefing_id)
    briefing = record.model
    return {
        "id": briefing_id,
        "status": briefing.status,
        "version": version(project, briefing_id),
        "published": iso_datetime(briefing.published),
        "updated": iso_datetime(last_change(project, briefing_id)),
        "titles": {code: to_plain(project.localizer(code).text(record, ("title",), briefing.title))
                   for code in project.config.codes},
        "urls": {code: canonical_url(project, code, briefing_id) for code in project.config.codes},
    }
