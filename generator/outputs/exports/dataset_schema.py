"""The tables of the facts database, described once: SQL, foreign keys, labels, full-text indexes and docs.

Why as data: the same description gives the `CREATE TABLE` statements
(whose comments `.schema` shows), the foreign keys Datasette turns into
links, the full-text indexes behind its `_search`, and the Datasette
metadata (`dataset_metadata`), so a column cannot be documented in one
place and differ in another.

Why one `entities` table (people, organisations, places, events, topics)
and not one per kind: an item's actors and mentions may be of any kind,
and a foreign key names one table.

Why a `label` that joins the languages: Datasette shows one label column
per table beside a link, so the label names the thing in every configured
language, each distinct form once (`Wolodymyr Selenskyj / Volodymyr
Zelensky`); the per-language tables (`entity_names`, `source_titles`,
`briefing_texts`) hold each language alone.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    """One column, with what it means to an analyst."""

    name: str
    type: str
    """SQL type and constraints, e.g. `TEXT NOT NULL`."""
    description: str
    references: str | None = None
    """The table whose key this column holds (a foreign key, so Datasette links it)."""


@dataclass(frozen=True)
class Table:
    """One table: its columns, key, label and which of its columns the full-text index holds."""

    name: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    label: str | None = None
    """The column Datasette shows as the link text where another table refers to this one."""
    search: tuple[str, ...] = ()
    """Columns of the FTS5 index `<name>_fts` (Datasette's `_search`); none: no index."""
    constraints: tuple[str, ...] = ()
    """Further table constraints, e.g. a foreign key over two columns."""

    @property
    def fts(self) -> str | None:
        """The name of the table's full-text index, the name Datasette looks for."""
        return f"{self.name}_fts" if self.search else None


TOKENIZER = "unicode61 remove_diacritics 2"
"""Unicode word splitting and case folding in every language; `Selenskyj`, `Élysée` and `Elysee` match
without their accents. No stemmer: SQLite's only one (porter) is English and would mangle German."""

LANGUAGE = "TEXT NOT NULL"
"""An output language code (de, en): a key of `languages`."""


def _language(description: str = "output language code (de, en)") -> Column:
    return Column("language", LANGUAGE, description, "languages")


def _item_id() -> Column:
    return Column("item_id", "TEXT NOT NULL", "the fact or statement (items.id)", "items")


TABLES: tuple[Table, ...] = (
    Table("languages", "the output languages of the briefings", (
        Column("code", "TEXT NOT NULL", "language code used in every language column (de, en)"),
        Column("name", "TEXT NOT NULL", "the language's name for itself (Deutsch, English)"),
        Column("locale", "TEXT NOT NULL", "CLDR locale its dates, numbers and money are formatted in"),
        Column("source", "INTEGER NOT NULL", "1 for the language the others are translated from, else 0"),
    ), key=("code",), label="name"),
    Table("entities", "people, organisations, places, events and topics the items involve", (
        Column("id", "TEXT NOT NULL", "record id: content/<kind>/<id>.yaml"),
        Column("kind", "TEXT NOT NULL", "people, organisations, places, events, topics"),
        Column("label", "TEXT NOT NULL", "the name in every language, each distinct form once, joined by ' / '"),
    ), key=("id",), label="label"),
    Table("entity_names", "the name of each entity in each language", (
        Column("entity_id", "TEXT NOT NULL", "entities.id", "entities"),
        _language(),
        Column("name", "TEXT NOT NULL", "full name in the language (Wolodymyr Selenskyj / Volodymyr Zelensky)"),
        Column("short", "TEXT NOT NULL", "short form (Selenskyj / Zelensky)"),
    ), key=("entity_id", "language"), search=("name", "short")),
    Table("sources", "the sources the items cite", (
        Column("id", "TEXT NOT NULL", "record id: content/sources/<id>.yaml"),
        Column("label", "TEXT NOT NULL", "the title in every language, each distinct form once, joined by ' / '"),
        Column("url", "TEXT", "where the source is published"),
        Column("publisher", "TEXT", "who published it"),
        Column("language", "TEXT NOT NULL", "BCP 47 language of the source (any language, not only ours)"),
        Column("published", "TEXT", "ISO 8601 date as precise as known"),
    ), key=("id",), label="label"),
    Table("source_titles", "the title of each source in each language", (
        Column("source_id", "TEXT NOT NULL", "sources.id", "sources"),
        _language(),
        Column("title", "TEXT NOT NULL", "title as our pages cite it in the language"),
    ), key=("source_id", "language"), search=("title",)),
    Table("briefings", "released briefings", (
        Column("id", "TEXT NOT NULL", "record id: content/briefings/<id>.yaml"),
        Column("label", "TEXT NOT NULL", "the title in every language, each distinct form once, joined by ' / '"),
        Column("status", "TEXT NOT NULL", "embargoed (embargo passed), published or withdrawn"),
        Column("version", "INTEGER NOT NULL", "1 + number of corrections"),
        Column("published", "TEXT NOT NULL", "first publication, ISO 8601 with offset"),
        Column("updated", "TEXT NOT NULL", "current version (last correction or withdrawal), ISO 8601 with offset"),
    ), key=("id",), label="label"),
    Table("briefing_texts", "the title and page of each briefing in each language", (
        Column("briefing_id", "TEXT NOT NULL", "briefings.id", "briefings"),
        _language(),
        Column("title", "TEXT NOT NULL", "headline in the language"),
        Column("url", "TEXT NOT NULL", "canonical page"),
    ), key=("briefing_id", "language"), search=("title",)),
    Table("items", "one row per fact or statement used by a released briefing; its texts are in item_texts", (
        Column("id", "TEXT NOT NULL", "record id: content/facts/<id>.yaml or content/statements/<id>.yaml"),
        Column("record", "TEXT NOT NULL", "'fact' or 'statement'"),
        Column("kind", "TEXT NOT NULL", "decision, pledge, figure, assessment, context (facts); quote, reported, "
               "position (statements)"),
        Column("date", "TEXT", "ISO 8601 as precise as known (2026-01-06, 2026-01, 2026); NULL when unknown or none"),
        Column("date_precision", "TEXT", "day, month, year or unknown; NULL when the record has no date"),
        Column("date_from", "TEXT", "'record' (its own date) or 'event' (the date of its event)"),
        Column("event_id", "TEXT", "the event (entities.id)", "entities"),
        Column("speaker_id", "TEXT", "the person who spoke, for statements (entities.id)", "entities"),
        Column("quote_language", "TEXT", "language of the quoted wording as the source prints it"),
        Column("spoken_language", "TEXT", "language the speaker used, when known"),
        Column("quote_is_translation", "INTEGER", "1 when the source's wording is itself a translation, "
               "NULL when unknown"),
    ), key=("id",)),
    Table("item_texts", "the text of each item in each language; full-text search over text, label, attribution", (
        _item_id(),
        _language(),
        Column("text", "TEXT NOT NULL", "plain text, values and names formatted for the language"),
        Column("html", "TEXT NOT NULL", "the same as escaped inline HTML, names linked to our pages"),
        Column("label", "TEXT", "caption when shown as a key figure"),
        Column("text_language", LANGUAGE, "language the text is actually in (differs when a translation is "
               "missing)", "languages"),
        Column("translated_from", "TEXT", "name of the language a quote was translated from; '' when unknown"),
        Column("attribution", "TEXT", "statements: who made it as readers see it (speaker, unnamed sources, or "
               "body)"),
    ), key=("item_id", "language"), search=("text", "label", "attribution")),
    Table("item_values", "typed values the texts refer to, raw", (
        _item_id(),
        Column("name", "TEXT NOT NULL", "placeholder name in the text ({amount})"),
        Column("kind", "TEXT NOT NULL", "money, count, quantity, percentage, duration, date, datetime"),
        Column("amount", "NUMERIC", "money, count, quantity, percentage; the lower end of a range"),
        Column("amount_to", "NUMERIC", "the upper end of a range (money, count, quantity)"),
        Column("qualifier", "TEXT", "about, at-least, more-than, less-than, up-to"),
        Column("in_words", "TEXT", "a count given only in words: dozens, hundreds, thousands…"),
        Column("currency", "TEXT", "ISO 4217 code for money; empty when the source names none"),
        Column("unit", "TEXT", "CLDR unit for quantities; 'percent' for percentages"),
        Column("iso", "TEXT", "ISO 8601 for dates, date-times and durations"),
        Column("precision", "TEXT", "dates: day, month, year, unknown"),
        Column("zone", "TEXT", "IANA zone of a date-time"),
    ), key=("item_id", "name")),
    Table("value_texts", "each typed value formatted in each language", (
        _item_id(),
        Column("name", "TEXT NOT NULL", "the value (item_values.name of the same item)"),
        _language(),
        Column("text", "TEXT NOT NULL", "as the briefing prints it (90 Milliarden Euro, €90 billion)"),
    ), key=("item_id", "name", "language"),
        constraints=("FOREIGN KEY (item_id, name) REFERENCES item_values(item_id, name)",)),
    Table("item_actors", "who and what an item is by, about or mentions", (
        _item_id(),
        Column("entity_id", "TEXT NOT NULL", "entities.id", "entities"),
        Column("role", "TEXT NOT NULL", "'speaker', 'actor' (speaks for / is about), 'event', 'topic', 'mentioned'"),
    ), key=("item_id", "entity_id", "role")),
    Table("item_stances", "positions a statement takes on the questions of the positions matrix", (
        _item_id(),
        Column("topic_id", "TEXT NOT NULL", "the topic (entities.id)", "entities"),
        Column("answer", "TEXT NOT NULL", "yes, no, conditional, leads"),
    ), key=("item_id", "topic_id")),
    Table("item_sources", "the sources each item cites", (
        _item_id(),
        Column("source_id", "TEXT NOT NULL", "sources.id", "sources"),
    ), key=("item_id", "source_id")),
    Table("item_briefings", "the released briefings each item appears in", (
        _item_id(),
        Column("briefing_id", "TEXT NOT NULL", "briefings.id", "briefings"),
    ), key=("item_id", "briefing_id")),
)
"""Every table, parents before the tables that refer to them (the order rows go in)."""

INDEXES = (
    "CREATE INDEX item_actors_by_entity ON item_actors (entity_id, role);",
    "CREATE INDEX item_values_by_currency ON item_values (kind, currency);",
    "CREATE INDEX entity_names_by_name ON entity_names (name, short);",
)


def table(name: str) -> Table:
    """The table called `name`."""
    return next(t for t in TABLES if t.name == name)


def create_table(described: Table) -> str:
    """`CREATE TABLE` with each column's meaning as a comment, which SQLite keeps in `sqlite_master`."""
    parts = [(f"{c.name} {c.type}" + (f" REFERENCES {c.references}({table(c.references).key[0]})"
                                      if c.references else ""), c.description) for c in described.columns]
    parts += [(f"PRIMARY KEY ({', '.join(described.key)})", ""), *((c, "") for c in described.constraints)]
    lines = [f"  {sql}{',' if index < len(parts) - 1 else ''}" + (f"  -- {comment}" if comment else "")
             for index, (sql, comment) in enumerate(parts)]
    return f"CREATE TABLE {described.name} (  -- {described.description}\n" + "\n".join(lines) + "\n);"


def create_fts(described: Table) -> str:
    """The external-content FTS5 index of a table, named and pointed at it as Datasette detects it.

    Its rows are the table's rowids, so Datasette's `_search` filters the table itself.
    """
    return (f"CREATE VIRTUAL TABLE {described.fts} USING fts5({', '.join(described.search)}, "
            f"content=[{described.name}], tokenize='{TOKENIZER}');")


def schema() -> str:
    """The whole schema: tables, indexes and full-text indexes."""
    statements = [create_table(t) for t in TABLES] + list(INDEXES)
    statements += [create_fts(t) for t in TABLES if t.search]
    return "\n".join(statements) + "\n"
