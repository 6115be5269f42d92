"""The facts dataset as an analyst uses it: SQL over the SQLite file, and the JSON Lines file."""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from generator.outputs.exports import dataset
from generator.outputs.exports.dataset import ROWS, _item, facts_dataset
from generator.outputs.exports.dataset_metadata import DATABASE
from generator.outputs.exports.dataset_schema import TABLES, Table
from generator.outputs.exports.dataset_sqlite import facts_sqlite
from generator.outputs.site.run import site_pages
from generator.outputs.traced import Traced
from generator.project import Project, load_project

from ..conftest import ROOT as REPOSITORY
from .conftest import BRIEFING, NOW, ROOT, MakeProject, copy_of

ANALYSTS = (REPOSITORY / "README.md").read_text(encoding="utf-8").split("### The facts dataset for analysts\n", 1)[
    1].split("\n## ", 1)[0].split("\n### ", 1)[0]
"""The README's section for analysts, whose examples must run as written."""

STATEMENTS_BY = """
SELECT items.id, item_texts.text
FROM items
JOIN entity_names AS speaker ON speaker.entity_id = items.speaker_id AND speaker.language = :language
JOIN item_texts ON item_texts.item_id = items.id AND item_texts.language = :language
WHERE items.record = 'statement' AND speaker.short = :name
ORDER BY items.id
"""
"""All statements by a person, found by the name readers know in that language."""

MONEY_IN = """
SELECT item_values.item_id, item_values.amount, value_texts.text AS amount_text, item_texts.text
FROM item_values
JOIN value_texts USING (item_id, name)
JOIN item_texts ON item_texts.item_id = item_values.item_id AND item_texts.language = value_texts.language
WHERE item_values.kind = 'money' AND item_values.currency = :currency AND value_texts.language = :language
ORDER BY item_values.item_id
"""
"""All money figures in one currency, raw and as the language prints them."""


@pytest.fixture(scope="module")
def database(exports: dict[str, str | bytes], tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    """The exported SQLite file, opened read-only as an analyst would."""
    path = tmp_path_factory.mktemp("dataset") / "facts.sqlite"
    content = exports["exports/facts.sqlite"]
    assert isinstance(content, bytes)
    path.write_bytes(content)
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    yield connection
    connection.close()


@pytest.mark.parametrize(("language", "expected"), [
    ("de", ["Merz betonte die Notwendigkeit von „Kompromissen“ für den Frieden.",
            "Merz wies darauf hin, dass deutsche Truppen in einem benachbarten NATO-Land eingesetzt werden könnten, "
            "vorerst ohne Eintritt in die Ukraine."]),
    ("en", ["Merz stressed the need for “compromises” to achieve peace.",
            "Merz indicated that German troops could be deployed in a neighbouring NATO country, without entering "
            "Ukraine for the time being."]),
])
def test_all_statements_by_merz(database: sqlite3.Connection, language: str, expected: list[str]) -> None:
    rows = database.execute(STATEMENTS_BY, {"language": language, "name": "Merz"}).fetchall()
    assert [row[0] for row in rows] == ["merz-compromises", "merz-troops-neighbouring-country"]
    assert [row[1] for row in rows] == expected


@pytest.mark.parametrize(("language", "amount_text", "sentence"), [
    ("de", "90 Milliarden Euro", "Die EU hat kürzlich 90 Milliarden Euro Hilfe über zwei Jahre genehmigt."),
    ("en", "€90 billion", "The EU recently approved €90 billion in aid over two years."),
])
def test_all_money_figures_in_eur(database: sqlite3.Connection, language: str, amount_text: str,
                                  sentence: str) -> None:
    rows = database.execute(MONEY_IN, {"currency": "EUR", "language": language}).fetchall()
    assert rows == [("eu-aid", 90_000_000_000, amount_text, sentence)]
    assert database.execute(MONEY_IN, {"currency": "USD", "language": language}).fetchall() == []


def test_typed_values_keep_their_raw_form(database: sqlite3.Connection) -> None:
    rows = dict(((item, name), (kind, amount, iso)) for item, name, kind, amount, iso in database.execute(
        "SELECT item_id, name, kind, amount, iso FROM item_values"))
    assert rows[("eu-aid", "period")] == ("duration", None, "P2Y")
    assert rows[("countries-at-meeting", "countries")] == ("count", 35, None)


def test_unknown_dates_stay_unknown(database: sqlite3.Connection) -> None:
    assert database.execute("SELECT date, date_precision FROM items WHERE id = 'eu-aid'").fetchone() == (
        None, "unknown")
    assert database.execute("SELECT date, date_from FROM items WHERE id = 'countries-at-meeting'").fetchone() == (
        "2026-01-06", "event")


def test_quotes_keep_their_origin_and_sources(database: sqlite3.Connection) -> None:
    assert database.execute("SELECT quote_language FROM items WHERE id = 'merz-compromises'").fetchone() == ("de",)
    assert database.execute("SELECT translated_from FROM item_texts WHERE item_id = 'merz-compromises' "
                            "AND language = 'en'").fetchone() == ("",)  # translated; what he spoke is not recorded
    assert database.execute("SELECT source_id FROM item_sources WHERE item_id = 'merz-compromises'"
                            ).fetchall() == [("paris-summit-report",)]
    assert database.execute("SELECT briefing_id FROM item_briefings WHERE item_id = 'eu-aid'"
                            ).fetchall() == [(BRIEFING,)]


def test_every_item_has_text_in_every_language(database: sqlite3.Connection, project: Project) -> None:
    items = database.execute("SELECT count(*) FROM items").fetchone()[0]
    assert items == len(project.graph.briefing_records(BRIEFING))
    texts = database.execute("SELECT language, count(*) FROM item_texts GROUP BY language ORDER BY language")
    assert texts.fetchall() == [("de", items), ("en", items)]


def test_schema_explains_itself(database: sqlite3.Connection) -> None:
    """Column comments stay in the database, so `.schema` and Datasette show them."""
    sql = database.execute("SELECT sql FROM sqlite_master WHERE name = 'item_values'").fetchone()[0]
    assert "-- ISO 4217 code for money" in sql


def test_jsonl_rows_are_self_contained(exports: dict[str, str | bytes]) -> None:
    content = exports["exports/facts.jsonl"]
    assert isinstance(content, str)
    rows = [json.loads(line) for line in content.splitlines()]
    merz = next(row for row in rows if row["id"] == "merz-compromises")
    assert merz["speaker"] == "friedrich-merz" and merz["names"]["friedrich-merz"] == {
        "de": "Friedrich Merz", "en": "Friedrich Merz"}
    assert merz["text"]["de"]["plain"].startswith("Merz betonte")
    aid = next(row for row in rows if row["id"] == "eu-aid")
    money = next(value for value in aid["values"] if value["kind"] == "money")
    assert (money["amount"], money["currency"], money["text"]) == (
        90_000_000_000, "EUR", {"de": "90 Milliarden Euro", "en": "€90 billion"})
    assert [row["id"] for row in rows] == sorted(row["id"] for row in rows)


def test_sqlite_bytes_are_deterministic(project: Project, exports: dict[str, str | bytes], tmp_path: Path) -> None:
    again = facts_sqlite(facts_dataset(project, NOW))
    assert again == exports["exports/facts.sqlite"]
    (tmp_path / "facts.sqlite").write_bytes(again)
    with closing(sqlite3.connect(tmp_path / "facts.sqlite")) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_bounds_words_and_unnamed_sources_reach_the_analyst(make_project: MakeProject) -> None:
    """A range, a count in words and an attribution to unnamed sources are data, not only words."""
    project = make_project(edits={
        "facts/eu-aid.yaml": lambda data: data["values"].update(
            amount={"money": 100_000_000_000, "to": 999_000_000_000}),
        "facts/countries-at-meeting.yaml": lambda data: data["values"].update(countries={"count": "dozens"}),
        "statements/macron-army-regeneration.yaml": lambda data: data.update(
            speaker=None, actor=None, unnamed={"de": "Diplomaten", "en": "Diplomats"}),
    })
    items = {item["id"]: item for item in facts_dataset(project, NOW).items}
    amount = next(v for v in items["eu-aid"]["values"] if v["name"] == "amount")
    assert (amount["amount"], amount["amount_to"], amount["currency"]) == (100_000_000_000, 999_000_000_000, None)
    countries = items["countries-at-meeting"]["values"][0]
    assert (countries["amount"], countries["in_words"]) == (None, "dozens")
    unnamed = items["macron-army-regeneration"]
    assert unnamed["actors"] == [] and unnamed["text"]["en"]["attribution"] == "Diplomats"
    with closing(sqlite3.connect(":memory:")) as connection:
        connection.deserialize(facts_sqlite(facts_dataset(project, NOW)))
        assert connection.execute("SELECT amount_to, in_words FROM item_values WHERE item_id = 'eu-aid' "
                                  "AND name = 'amount'").fetchone() == (999_000_000_000, None)
        assert connection.execute("SELECT attribution FROM item_texts WHERE item_id = 'macron-army-regeneration' "
                                  "AND language = 'de'").fetchone() == ("Diplomaten",)


def test_every_id_is_a_foreign_key_and_every_key_resolves(database: sqlite3.Connection) -> None:
    """Each column holding an id names its table, so Datasette links it; no link dangles."""
    assert database.execute("PRAGMA foreign_key_check").fetchall() == []
    for described in TABLES:
        keys = {row[3]: row[2] for row in database.execute(f"PRAGMA foreign_key_list({described.name})")}
        ids = [name for name, *_ in database.execute(f"SELECT name FROM pragma_table_info('{described.name}')")
               if name.endswith("_id") or (name in ("language", "text_language") and described.name != "sources")]
        # sources.language is the source's own (BCP 47, any language), not one of ours
        assert [name for name in ids if name not in keys] == [], described.name
    assert database.execute("SELECT count(*) FROM item_actors").fetchone()[0] > 0


def test_labels_name_each_thing_in_every_language(database: sqlite3.Connection) -> None:
    rows = database.execute("SELECT entities.label, group_concat(name, '|') FROM entities "
                            "JOIN entity_names ON entity_id = id GROUP BY id").fetchall()
    assert rows
    for label, names in rows:
        assert label == " / ".join(dict.fromkeys(names.split("|")))
    differing = [label for label, names in rows if len(set(names.split("|"))) > 1]
    assert differing and all(" / " in label for label in differing)


def _words(text: str) -> list[str]:
    return re.findall(r"\w{6,}", text)


def _plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def test_full_text_search_finds_each_language_in_its_own_words(database: sqlite3.Connection) -> None:
    search = ("SELECT item_texts.item_id, item_texts.language FROM item_texts_fts "
              "JOIN item_texts ON item_texts.rowid = item_texts_fts.rowid WHERE item_texts_fts MATCH ?")
    names = database.execute("SELECT de.short, en.short FROM entity_names de JOIN entity_names en "
                             "USING (entity_id) WHERE de.language = 'de' AND en.language = 'en' "
                             "AND de.short != en.short AND de.short NOT LIKE '% %' AND en.short NOT LIKE '% %'")
    def languages(name: str) -> set[str]:
        return {row[1] for row in database.execute(search, [f'"{name}"'])}

    assert any(languages(german) == {"de"} and languages(english) == {"en"} for german, english in names)
    accented = next(word for (text,) in database.execute("SELECT text FROM item_texts ORDER BY rowid")
                    for word in _words(text) if _plain(word) != word)
    assert database.execute(search, [f'"{_plain(accented)}"']).fetchall() == database.execute(
        search, [f'"{accented}"']).fetchall() != []


@pytest.mark.parametrize("table", [t for t in TABLES if t.fts], ids=lambda t: t.name)
def test_every_full_text_index_holds_its_table(database: sqlite3.Connection, table: Table) -> None:
    name, fts, column = table.name, table.fts, table.search[0]
    total = database.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
    assert total and database.execute(f"SELECT count(*) FROM {fts}").fetchone()[0] == total
    word = next(word for (text,) in database.execute(f"SELECT {column} FROM {name} ORDER BY rowid")
                if text for word in _words(text))
    rows = database.execute(f"SELECT rowid FROM {fts} WHERE {fts} MATCH ?", [f'"{word}"']).fetchall()
    expected = database.execute(f"SELECT rowid FROM {name} WHERE " + " OR ".join(
        f"{c} LIKE ?" for c in table.search), [f"%{word}%"] * len(table.search)).fetchall()
    assert {row[0] for row in rows} <= {row[0] for row in expected} and rows


def test_metadata_describes_every_table_and_column(exports: dict[str, str | bytes], project: Project,
                                                   database: sqlite3.Connection) -> None:
    content = exports["exports/facts.metadata.json"]
    assert isinstance(content, str) and content.endswith("\n")
    metadata = json.loads(content)
    rights = project.config.rights
    assert (metadata["license"], metadata["license_url"], metadata["source"], metadata["source_url"]) == (
        rights.licence, rights.licence_url, rights.publisher, project.config.site_url)
    assert metadata["title"] and metadata["description"]
    assert not [key for key in re.findall(r'"(\w+)":', content) if key.endswith("_html")]
    tables = metadata["databases"][DATABASE]["tables"]
    stored = [name for (name,) in database.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%_fts%' ORDER BY name")]
    assert sorted(tables) == stored
    for name, entry in tables.items():
        columns = [row[1] for row in database.execute(f"PRAGMA table_info({name})")]
        assert list(entry["columns"]) == columns and all(entry["columns"].values()), name
        assert entry["description"], name
        if "label_column" in entry:
            assert entry["label_column"] in columns
        if "fts_table" in entry:
            assert database.execute("SELECT sql FROM sqlite_master WHERE name = ?", [entry["fts_table"]]
                                    ).fetchone()[0].endswith(f"content=[{name}], tokenize='unicode61 "
                                                             "remove_diacritics 2')")
    linked = {column.references for t in TABLES for column in t.columns if column.references}
    assert [name for name in linked if name != "items" and "label_column" not in tables[name]] == []


def _readme_sql() -> list[str]:
    blocks = re.findall(r"```sql\n(.*?)```", ANALYSTS, re.S)
    return [statement.strip() for block in blocks for statement in block.split(";") if statement.strip()
            and not all(line.startswith("--") for line in statement.strip().splitlines())]


def test_readme_has_sql_examples() -> None:
    assert len(_readme_sql()) >= 4


@pytest.mark.parametrize("sql", _readme_sql(), ids=lambda sql: sql.splitlines()[0])
def test_readme_sql_runs_as_written(database: sqlite3.Connection, sql: str) -> None:
    assert database.execute(sql).fetchall() != []


def test_a_row_made_from_warm_memos_still_names_every_record_it_reads() -> None:
    """A row's trace lets the next build reuse it, so it must hold what the row reads when made from cold memos,
    even when the pages of the build (made first) left every view and name it needs in the memos."""
    warm = load_project(ROOT)
    site_pages(warm, NOW)
    for row in facts_dataset(warm, NOW).items:
        with warm.graph.watched() as traced:
            _item(warm, row["id"], row["briefings"])
        cold = load_project(ROOT)
        cold.graph.indexes_digest()  # as a build does: what the indexes hold is part of every row's key
        with cold.graph.watched() as alone:
            _item(cold, row["id"], row["briefings"])
        assert alone <= traced, f"{row['id']}: the trace misses {sorted(alone - traced)}"


def test_an_edit_makes_again_only_the_rows_that_read_the_record(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_of(ROOT, tmp_path / "project")
    before = facts_dataset(load_project(root), NOW, reuse=True)
    fact = root / "content/facts/eu-aid.yaml"
    fact.write_text(fact.read_text(encoding="utf-8").replace("money: 900", "money: 910", 1), encoding="utf-8")
    made: list[str] = []
    monkeypatch.setattr(dataset, "_item", lambda project, item_id, briefings: made.append(item_id) or _item(
        project, item_id, briefings))
    project = load_project(root)
    after = facts_dataset(project, NOW, reuse=True)
    assert made == ["eu-aid"]
    assert [row["id"] for row, old in zip(after.items, before.items, strict=True) if row != old] == ["eu-aid"]
    monkeypatch.undo()
    assert after.items == facts_dataset(load_project(root), NOW).items
    store = Traced.of(project, project.public(NOW), ROWS).store
    assert len(list(store.folder.iterdir())) == len(after.items), "the row made before the edit is dropped"
