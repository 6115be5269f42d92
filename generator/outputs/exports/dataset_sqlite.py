"""The facts dataset as a SQLite database, for `sqlite3`, Datasette and any SQL client.

Why these tables: one table per thing an analyst filters on (items, their
texts per language, their typed values, who is involved, sources,
briefings), joined by record ids that are real foreign keys, so "every
statement by Merz" or "every amount in EUR" is one join away in any
language and Datasette links each id to its row. The tables themselves are
described in `dataset_schema`; the comments inside each CREATE TABLE stay
in the database (`sqlite_master`), so `.schema` shows what each column means.

Why in memory, then `serialize()`: rows go in sorted, nothing is ever
deleted, each full-text index is built once after its table, and the file
is taken as one image of the in-memory database, so the same content and
the same SQLite library give byte-identical files
(the header records the library's version number, so another SQLite
release may write different bytes for the same data). Nothing touches
disk here; the writer does that.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from generator.outputs.exports.dataset import Dataset
from generator.outputs.exports.dataset_schema import TABLES, schema


def facts_sqlite(dataset: Dataset) -> bytes:
    """The dataset as the bytes of a SQLite database file.

    Foreign keys are enforced while the rows go in (parents first), so a row
    naming a record the dataset lacks is a failed build, not a dangling link.
    """
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.executescript(schema())
        rows = dict(_tables(dataset))
        for described in TABLES:
            if rows[described.name]:
                slots = ", ".join("?" * len(described.columns))
                connection.executemany(f"INSERT INTO {described.name} VALUES ({slots})", rows[described.name])
            if described.fts:
                connection.execute(f"INSERT INTO {described.fts}({described.fts}) VALUES ('rebuild')")
        connection.commit()
        return connection.serialize()
    finally:
        connection.close()


def _tables(dataset: Dataset) -> Iterable[tuple[str, list[tuple]]]:
    """(table, rows); every list is built from rows sorted by id."""
    items = dataset.items
    yield "languages", [(lang["code"], lang["name"], lang["locale"], int(lang["source"])) for lang in dataset.locales]
    yield "entities", [(e["id"], e["kind"], _label(n["name"] for n in e["names"].values())) for e in dataset.entities]
    yield "entity_names", [(e["id"], code, n["name"], n["short"]) for e in dataset.entities
                           for code, n in e["names"].items()]
    yield "sources", [(s["id"], _label(s["titles"].values()), s["url"], s["publisher"], s["language"], s["published"])
                      for s in dataset.sources]
    yield "source_titles", [(s["id"], code, title) for s in dataset.sources for code, title in s["titles"].items()]
    yield "briefings", [(b["id"], _label(b["titles"][code] for code in dataset.languages), b["status"], b["version"],
                         b["published"], b["updated"]) for b in dataset.briefings]
    yield "briefing_texts", [(b["id"], code, b["titles"][code], b["urls"][code]) for b in dataset.briefings
                             for code in dataset.languages]
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


def _label(forms: Iterable[str]) -> str:
    """A thing's name or title in every language, each distinct form once, for Datasette's links.

    >>> _label(["Wolodymyr Selenskyj", "Volodymyr Zelensky"])
    'Wolodymyr Selenskyj / Volodymyr Zelensky'
    >>> _label(["Friedrich Merz", "Friedrich Merz"])
    'Friedrich Merz'
    """
    return " / ".join(dict.fromkeys(forms))


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
