"""Loading a content folder: layout, ids, and pydantic errors mapped back to the YAML."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.errors import Problem
from generator.records import Fact, Organisation, Place
from generator.records.load import RecordSet, load_records

Load = Callable[[dict[str, str | bytes]], tuple[RecordSet, list[Problem]]]

STATE = "kind: state\nname: {de: {full: Staat}, en: {full: State}}\n"
CITY = "kind: city\nname: {de: {full: Stadt}, en: {full: City}}\n"
KINDS_LIST = "sources, people, organisations, places, events, topics, statements, facts, briefings, dossiers"


def where(problem: Problem, root: Path) -> tuple[str, int | None, int | None, str]:
    return (problem.path.relative_to(root).as_posix(), problem.line, problem.column, problem.field)


# --- layout ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("relative", "message", "hint"), [
    ("stray.yaml", "file is not in a record folder", f"put records in content/<kind>/ with kind one of {KINDS_LIST}"),
    ("widgets/w.yaml", "file is not in a record folder", "with kind one of sources, people"),
    ("people/extra/deep.yaml", "file is not in a record folder", "put records in content/<kind>/"),
    ("people/notes.txt", "unexpected file type .txt", "records are .yaml files"),
    ("people/macron.yml", "unexpected file type .yml", "records are .yaml files"),
    ("people/macron", "unexpected file type (none)", "records are .yaml files"),
    ("people/Emmanuel_Macron.yaml", "id 'Emmanuel_Macron' is not a slug", "lowercase letters, digits and hyphens"),
    ("people/-macron.yaml", "id '-macron' is not a slug", "starting with a letter or digit"),
])
def test_layout_problems(write_content: Callable[[dict[str, str | bytes]], Path], relative: str, message: str,
                         hint: str) -> None:
    folder = write_content({relative: STATE, "organisations/ok.yaml": STATE})
    records, problems = load_records(folder, ("de", "en"))
    [problem] = problems
    assert problem.path == folder / relative
    assert problem.message == message
    assert hint in problem.hint
    assert problem.severity == "error"
    assert records.ids() == ["ok"]


def test_readme_and_hidden_files_are_ignored(load: Load) -> None:
    records, problems = load({
        "README.md": "# Content",
        "people/README.md": "# People",
        ".git/config": "x",
        "people/.draft.yaml": "not: [valid",
        ".drafts/people/x.yaml": "bad: {",
        "organisations/france.yaml": STATE,
    })
    assert problems == []
    assert records.ids() == ["france"]


def test_missing_content_folder(tmp_path: Path) -> None:
    records, problems = load_records(tmp_path / "nowhere", ("de", "en"))
    assert len(records) == 0
    [problem] = problems
    assert (problem.path, problem.message) == (tmp_path / "nowhere", "content folder not found")
    assert "content_dir" in problem.hint


@pytest.mark.parametrize("body", ["- a\n- b\n", "just text\n", "", "# only a comment\n"])
def test_record_file_must_hold_a_mapping(load: Load, body: str) -> None:
    records, problems = load({"topics/odd.yaml": body})
    [problem] = problems
    assert (problem.line, problem.column, problem.message) == (1, 1, "a record file must hold a mapping of fields")
    assert problem.hint == "see schemas/topics.schema.json"
    assert len(records) == 0


def test_duplicate_ids_across_kinds(write_content: Callable[[dict[str, str | bytes]], Path]) -> None:
    folder = write_content({"organisations/paris.yaml": STATE, "places/paris.yaml": CITY})
    records, problems = load_records(folder, ("de", "en"))
    [problem] = problems
    assert where(problem, folder) == ("places/paris.yaml", 1, 1, "")
    assert problem.message == f"id 'paris' is already used by {folder / 'organisations/paris.yaml'}"
    assert problem.code == "duplicate-id"
    assert "unique across all kinds" in problem.hint
    assert records.ids() == ["paris"]
    record = records.get("paris")
    assert record is not None and record.kind == "organisations"


# --- records and the record set --------------------------------------------------------------------------------


def test_records_carry_kind_id_model_and_path(write_content: Callable[[dict[str, str | bytes]], Path]) -> None:
    folder = write_content({"organisations/france.yaml": STATE, "places/paris.yaml": CITY + "country: france\n"})
    records, problems = load_records(folder, ("de", "en"))
    assert problems == []
    paris = records.get("paris")
    assert paris is not None
    assert (paris.kind, paris.id, paris.path) == ("places", "paris", folder / "places/paris.yaml")
    assert isinstance(paris.model, Place)
    assert paris.model.country == "france"
    assert paris.model.name["en"].full == "City"
    assert isinstance(records.get("france").model, Organisation)  # type: ignore[union-attr]


def test_record_set_queries(load: Load) -> None:
    records, _ = load({"places/paris.yaml": CITY, "organisations/france.yaml": STATE,
                       "organisations/austria.yaml": STATE})
    assert len(records) == 3
    assert records.ids() == ["austria", "france", "paris"]
    assert [r.id for r in records] == ["austria", "france", "paris"]
    assert [r.id for r in records.of_kind("organisations")] == ["austria", "france"]
    assert records.of_kind("people") == []
    assert records.get("berlin") is None


def test_a_kind_handed_out_cannot_change_the_set(load: Load) -> None:
    """of_kind is sorted once and copied out: a caller sorting or trimming its list leaves the next one whole."""
    records, _ = load({"organisations/france.yaml": STATE, "organisations/austria.yaml": STATE})
    records.of_kind("organisations").clear()
    records.of_kind("organisations").reverse()
    assert [r.id for r in records.of_kind("organisations")] == ["austria", "france"]


def test_record_problem_points_into_its_file(load: Load) -> None:
    records, _ = load({"places/paris.yaml": CITY + "country: france\n"})
    record = records.get("paris")
    assert record is not None
    problem = record.problem(("name", "en", "full"), "a message", "a hint", severity="warning", code="test")
    assert (problem.line, problem.column, problem.field) == (2, 38, "name.en.full")
    assert (problem.message, problem.hint, problem.severity, problem.code) == ("a message", "a hint", "warning",
                                                                              "test")
    assert record.problem(("country",), "m", key=True).column == 1
    assert record.problem(("country",), "m").column == 10
    assert record.problem((), "m").line == 1


def test_models_are_frozen(load: Load) -> None:
    records, _ = load({"places/paris.yaml": CITY})
    record = records.get("paris")
    assert record is not None
    with pytest.raises(ValueError, match="frozen"):
        record.model.kind = "region"


# --- pydantic errors mapped to positions -----------------------------------------------------------------------

FACT = """\
    kind: figure
    text:
      de: Ein Betrag von {amount}.
      en: An amount of {amount}.
    values:
      amount: {VALUE}
    sources: [report]
    """


def fact_problems(load: Load, value: str) -> list[tuple[int | None, int | None, str, str]]:
    records, problems = load({"facts/f.yaml": FACT.replace("{VALUE}", value)})
    assert len(records) == 0
    return [(p.line, p.column, p.field, p.message) for p in problems]


def test_valid_fact_loads(load: Load) -> None:
    records, problems = load({"facts/f.yaml": FACT.replace("{VALUE}", "{money: 5, currency: EUR}")})
    assert problems == []
    record = records.get("f")
    assert record is not None and isinstance(record.model, Fact)


def test_error_in_typed_value_field(load: Load) -> None:
    assert fact_problems(load, "{money: -5, currency: EUR}") == [
        (6, 19, "values.amount.money", "must not be negative (got -5)")]


def test_untyped_value(load: Load) -> None:
    [(line, column, field, message)] = fact_problems(load, "{sum: 5}")
    assert (line, column, field) == (6, 11, "values.amount")
    assert message.startswith("a typed value needs one of the keys date, datetime, money")


@pytest.mark.parametrize(("value", "line", "column", "field", "message"), [
    pytest.param("{money: 5, currency: EUO}", 6, 32, "values.amount.currency", "'EUO' is not an ISO 4217 currency"),
    pytest.param("{quantity: 5, unit: furlongs}", 6, 31, "values.amount.unit", "furlongs"),
    pytest.param('{datetime: "2026-01-06T15:00:00+01:00", zone: Mars/Base}', 6, 57, "values.amount.zone",
                 "'Mars/Base' is not an IANA time zone"),
    pytest.param("{count: 3, noun: countries}", 6, 22, "values.amount.noun", "unknown field 'noun'"),
    pytest.param("{money: 5, to: 3}", 6, 26, "values.amount.to", "a range ends above where it starts"),
    pytest.param("{count: many}", 6, 19, "values.amount.count", "expected a whole number (e.g. 35) or a count in"),
])
def test_errors_inside_typed_value_unions(load: Load, value: str, line: int, column: int, field: str,
                                          message: str) -> None:
    [(found_line, found_column, found_field, found_message)] = fact_problems(load, value)
    assert (found_line, found_column, found_field) == (line, column, field)
    assert message in found_message


def test_unknown_field_points_at_the_key(load: Load) -> None:
    _, problems = load({"people/p.yaml": """\
        name: {de: {full: P}, en: {full: P}}
        roles:
          - title: {de: Rolle, en: Role}
            sources: [report]
            titel: {de: Tippfehler, en: Typo}
        """})
    [problem] = problems
    assert (problem.line, problem.column, problem.field) == (5, 5, "roles[0].titel")
    assert problem.message == "unknown field 'titel'"
    assert problem.hint == "remove it or check its spelling against the schema"
    assert problem.code == "extra_forbidden"


def test_missing_fields_are_named_at_their_parent(load: Load) -> None:
    _, problems = load({"people/p.yaml": """\
        name: {de: {full: P}, en: {full: P}}
        roles:
          - organisation: france
        """})
    assert [(p.line, p.column, p.field, p.message, p.hint) for p in sorted(problems)] == [
        (3, 5, "roles[0].sources", "Field required", "add this field"),
        (3, 5, "roles[0].title", "Field required", "add this field"),
    ]


def test_literal_error_lists_the_choices(load: Load) -> None:
    _, problems = load({"places/p.yaml": "kind: town\nname: {de: {full: P}, en: {full: P}}\n"})
    [problem] = problems
    assert (problem.line, problem.column, problem.field) == (1, 7, "kind")
    assert problem.message == "Input should be 'city', 'building', 'region' or 'country' (got 'town')"
    assert problem.hint == "use one of the values listed"


def test_reference_must_be_a_slug(load: Load) -> None:
    _, problems = load({"places/p.yaml": CITY + "country: France\n"})
    [problem] = problems
    assert (problem.line, problem.column, problem.field) == (3, 10, "country")
    assert problem.hint == "ids are lowercase letters, digits and hyphens"


def test_all_errors_of_a_file_in_one_run(load: Load) -> None:
    _, problems = load({"events/e.yaml": """\
        kind: summitt
        name: {de: {full: E}, en: {full: E}, fr: {full: E}}
        date: {date: "2026-02-30"}
        summary: {de: "{", en: ok}
        sources: []
        colour: red
        """})
    assert [(p.line, p.field) for p in problems] == [
        (1, "kind"), (2, "name"), (3, "date.date"), (4, "summary.de"), (5, "sources"), (6, "colour")]


def test_problems_of_several_files_in_one_run(load: Load) -> None:
    _, problems = load({
        "places/a.yaml": "kind: town\nname: {de: {full: A}}\n",
        "places/b.yaml": "kind: city\nname: {de: {full: no}}\n",
        "places/c.yaml": "kind: city\nname: {de: {full: C}}\ncolour: red\n",
    })
    assert sorted(p.path.name for p in problems) == ["a.yaml", "b.yaml", "c.yaml"]


# --- how a problem reads ---------------------------------------------------------------------------------------


def test_problem_text_with_position(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    problem = Problem(tmp_path / "facts/f.yaml", 6, 19, "values.amount.money", "must not be negative", "fix it")
    assert str(problem) == "facts/f.yaml:6:19: values.amount.money: must not be negative (fix it)"


def test_problem_text_without_position_or_hint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert str(Problem(tmp_path / "f.yaml", None, None, "", "bad")) == "f.yaml: (record): bad"


def test_warning_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    problem = Problem(tmp_path / "t.yaml", 2, 1, "", "unused", "delete it", severity="warning")
    assert str(problem) == "t.yaml:2:1: warning: (record): unused (delete it)"


def test_problems_sort_by_file_then_line() -> None:
    problems = [Problem(Path("b.yaml"), 1, 1, "", "x"), Problem(Path("a.yaml"), 9, 1, "", "x"),
                Problem(Path("a.yaml"), 2, 5, "", "x")]
    assert [(p.path.name, p.line) for p in sorted(problems)] == [("a.yaml", 2), ("a.yaml", 9), ("b.yaml", 1)]
