"""The facts dataset as a SQLite database, for `sqlite3`, Datasette and any SQL client.

Why these tables: one table per thing an analyst filters on (items, their
texts per language, their typed values, who is involved, sources,
briefings), joined by record ids, so "every statement by Merz" or "every
amount in EUR" is one join away in any language. The comments inside each
CREATE TABLE stay in the database (`sqlite_master`), so Datasette and
`.schema` show what each column means.

Why in memory, then `serialize()`: rows go in sorted, nothing is ever
deleted, and the file is taken as one image of the in-memory database, so
the same content and the same SQLite library give byte-identical files
(the header records the library's version number, so another SQLite
release may write different bytes for the same data). Nothing touches
disk here; the writer does that.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from generator.outputs.exports.dataset import Dataset

SCHEMA = """
CREATE TABLE items (  -- one row per fact or statement used by a released briefing
  id TEXT PRIMARY KEY,            -- record id: content/facts/<id>.yaml or content/statements/<id>.yaml
  record TEXT NOT NULL,           -- 'fact' or 'statement'
  kind TEXT NOT NULL,             -- decision, pledge, figure, assessment, context (facts); quote, reported, position
  date TEXT,                      -- ISO 8601 as precise as known (2026-01-06, 2026-01, 2026); NULL when unknown or none
  date_precision TEXT,            -- day, month, year or unknown; NULL when the record has no date
  date_from TEXT,                 -- 'record' (its own date) or 'event' (the date of its event)
  event_id TEXT,                  -- entities.id of the event
  speaker_id TEXT,                -- entities.id of the person who spoke (statements)
  quote_language TEXT,            -- language of the quoted wording as the source prints it
  spoken_language TEXT,           -- language the speaker used, when known
  quote_is_translation INTEGER    -- 1 when the source's wording is itself a translation, NULL when unknown
);
CREATE TABLE item_texts (  -- the item's text in each language
  item_id TEXT NOT NULL REFERENCES items(id),
  language TEXT NOT NULL,         -- output language code (de, en)
  text TEXT NOT NULL,             -- plain text, values and names formatted for the language
  html TEXT NOT NULL,             -- the same as escaped inline HTML, names linked to our pages
  label TEXT,                     -- caption when shown as a key figure
  text_language TEXT NOT NULL,    -- language the text is actually in (differs when a translation is missing)
  translated_from TEXT,           -- name of the language a quote was translated from; '' when unknown
  attribution TEXT,               -- statements: who made it as readers see it (speaker, unnamed sources, or body)
  PRIMARY KEY (item_id, language)
);
CREATE TABLE item_values (  -- typed values the text refers to, raw
  item_id TEXT NOT NULL REFERENCES items(id),
  name TEXT NOT NULL,             -- placeholder name in the text ({amount})
  kind TEXT NOT NULL,             -- money, count, quantity, percentage, duration, date, datetime
  amount NUMERIC,                 -- money, count, quantity, percentage; the lower end of a range
  amount_to NUMERIC,              -- the upper end of a range (money, count, quantity)
  qualifier TEXT,                 -- about, at-least, more-than, less-than, up-to
  in_words TEXT,                  -- a count given only in words: dozens, hundreds, thousands…
  currency TEXT,                  -- ISO 4217 code for money; empty when the source names none
  unit TEXT,                      -- CLDR unit for quantities; 'percent' for percentages
  iso TEXT,                       -- ISO 8601 for dates, date-times and durations
  precision TEXT,                 -- dates: day, month, year, unknown
  zone TEXT,                      -- IANA zone of a date-time
  PRIMARY KEY (item_id, name)
);
CREATE TABLE value_texts (  -- each typed value formatted in each language
  item_id TEXT NOT NULL,
  name TEXT NOT NULL,
  language TEXT NOT NULL,
  text TEXT NOT NULL,             -- as the briefing prints it (90 Milliarden Euro, €90 billion)
  PRIMARY KEY (item_id, name, language),
  FOREIGN KEY (item_id, name) REFERENCES item_values(item_id, name)
);
CREATE TABLE item_actors (  -- who an item is by or about
  item_id TEXT NOT NULL REFERENCES items(id),
  entity_id TEXT NOT NULL,        -- entities.id
  role TEXT NOT NULL,             -- 'speaker', 'actor' (speaks for / is about), 'event', 'topic', 'mentioned'
  PRIMARY KEY (item_id, entity_id, role)
);
CREATE TABLE item_stances (  -- positions a statement takes on the questions of the positions matrix
  item_id TEXT NOT NULL REFERENCES items(id),
  topic_id TEXT NOT NULL,         -- entities.id of the topic
  answer TEXT NOT NULL,           -- yes, no, conditional, leads
  PRIMARY KEY (item_id, topic_id)
);
CREATE TABLE item_sources (
  item_id TEXT NOT NULL REFERENCES items(id),
  source_id TEXT NOT NULL REFERENCES sources(id),
  PRIMARY KEY (item_id, source_id)
);
CREATE TABLE item_briefings (  -- the released briefings an item appears in
  item_id TEXT NOT NULL REFERENCES items(id),
  briefing_id TEXT NOT NULL REFERENCES briefings(id),
  PRIMARY KEY (item_id, briefing_id)
);
CREATE TABLE entities (  -- people, organisations, places, events and topics
  id TEXT PRIMARY KEY,            -- record id
  kind TEXT NOT NULL              -- people, organisations, places, events, topics
);
CREATE TABLE entity_names (
  entity_id TEXT NOT NULL REFERENCES entities(id),
  language TEXT NOT NULL,
  name TEXT NOT NULL,             -- full name in the language (Wolodymyr Selenskyj / Volodymyr Zelensky)
  short TEXT NOT NULL,            -- short form (Selenskyj / Zelensky)
  PRIMARY KEY (entity_id, language)
);
CREATE TABLE sources (
  id TEXT PRIMARY KEY,
  url TEXT,
  publisher TEXT,
  language TEXT NOT NULL,         -- BCP 47 language of the source
  published TEXT                  -- ISO 8601 date as precise as known
);
CREATE TABLE source_titles (
  source_id TEXT NOT NULL REFERENCES sources(id),
  language TEXT NOT NULL,
  title TEXT NOT NULL,
  PRIMARY KEY (source_id, language)
);
CREATE TABLE briefings (  -- released briefings
  id TEXT PRIMARY KEY,
  status TEXT NOT NULL,           -- embargoed (embargo passed), published or withdrawn
  version INTEGER NOT NULL,       -- 1 + number of corrections
  published TEXT NOT NULL,        -- first publication, ISO 8601 with offset
  updated TEXT NOT NULL           -- current version (last correction or withdrawal), ISO 8601 with offset
);
CREATE TABLE briefing_texts (
  briefing_id TEXT NOT NULL REFERENCES briefings(id),
  language TEXT NOT NULL,
  title TEXT NOT NULL,
  url TEXT NOT NULL,              -- canonical page
  PRIMARY KEY (briefing_id, language)
);
CREATE INDEX item_actors_by_entity ON item_actors (entity_id, role);
CREATE INDEX item_values_by_currency ON item_values (kind, currency);
CREATE INDEX entity_names_by_name ON entity_names (name, short);
"""


def facts_sqlite(dataset: Dataset) -> bytes:
    """The dataset as the bytes of a SQLite database file."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.executescript(SCHEMA)
        for table, rows in _tables(dataset):
            if rows:
                slots = ", ".join("?" * len(rows[0]))
                connection.executemany(f"INSERT INTO {table} VALUES ({slots})", rows)
        connection.commit()
        return connection.serialize()
    finally:
        connection.close()


def _tables(dataset: Dataset) -> Iterable[tuple[str, list[tuple]]]:
    """(table, rows) in insertion order; every list is built from rows sorted by id."""
    items = dataset.items
    yield "items", [(i["id"], i["record"], i["kind"], i["date"], i["date_precision"], i["date_from"], i["event"],
                     i["speaker"], *_quote(i["quote"])) for i in items]
    yield "item_texts", [(i["id"], code, t["plain"], t["html"], t["label"], t["language"], t["translated_from"],
                          t["attribution"]) for i in items for code, t in i["text"].items()]
    yield "item_values", [(i["id"], v["name"], v["kind"], v["amount"], v["amount_to"], v["qualifier"],
                           v["in_words"], v["currency"], v["unit"], v["iso"], v["precision"], v["zone"])
                          for i in items for v in i["values"]]
    yield "value_texts", [(i["id"], v["name"], code, text) for i in items for v in i["values"]
                          for code, text in v["text"].items()]
    yield "item_actors", sorted(set(_involved(items)))
    yield "item_stances", [(i["id"], s["topic"], s["answer"]) for i in items for s in i["stances"]]
    yield "item_sources", [(i["id"], source) for i in items for source in i["sources"]]
    yield "item_briefings", [(i["id"], briefing) for i in items for briefing in i["briefings"]]
    yield "entities", [(e["id"], e["kind"]) for e in dataset.entities]
    yield "entity_names", [(e["id"], code, n["name"], n["short"]) for e in dataset.entities
                           for code, n in e["names"].items()]
    yield "sources", [(s["id"], s["url"], s["publisher"], s["language"], s["published"]) for s in dataset.sources]
    yield "source_titles", [(s["id"], code, title) for s in dataset.sources for code, title in s["titles"].items()]
    yield "briefings", [(b["id"], b["status"], b["version"], b["published"], b["updated"]) for b in dataset.briefings]
    yield "briefing_texts", [(b["id"], code, b["titles"][code], b["urls"][code]) for b in dataset.briefings
                             for code in dataset.languages]


def _quote(quote: dict | None) -> tuple:
    if quote is None:
        return (None, None, None)
    translation = quote["translation"]
    return (quote["language"], quote["spoken_language"], None if translation is None else int(translation))


def _involved(items: list[dict]) -> Iterable[tuple[str, str, str]]:
    for item in items:
        if item["speaker"]:
            yield item["id"], item["speaker"], "speaker"
        for actor in item["actors"]:
            yield item["id"], actor, "actor"
        if item["event"]:
            yield item["id"], item["event"], "event"
        for stance in item["stances"]:
            yield item["id"], stance["topic"], "topic"
        named = {item["speaker"], *item["actors"], item["event"], *(s["topic"] for s in item["stances"])}
        for entity in item["names"]:
            if entity not in named:
                yield item["id"], entity, "mentioned"
