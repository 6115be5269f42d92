"""Cross-record checks, each on a small content folder written for the test."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from generator.checks import (
    CHECKS,
    check_cycles,
    check_editorial,
    check_formatting,
    check_markup,
    check_name_cases,
    check_placeholder_styles,
    check_placeholders,
    check_quotes,
    check_references,
    check_translations,
    check_unreferenced,
    placeholder_names,
    run_checks,
)
from generator.errors import Problem
from generator.i18n import language
from generator.records.load import RecordSet, load_records
from generator.records.values import DateTimeValue, MoneyValue

LANGUAGES = ("de", "en")

SOURCE = "title: {de: Quelle, en: Source}\nlanguage: de\n"
STATE = "kind: state\nname: {de: {full: Staat}, en: {full: State}}\n"
PERSON = "name: {de: {full: Person}, en: {full: Person}}\n"
TOPIC = "label: {de: T, en: T}\nquestion: {de: F?, en: Q?}\n"


def place(within: str | None = None) -> str:
    return "kind: region\nname: {de: {full: Ort}, en: {full: Place}}\n" + (f"within: {within}\n" if within else "")


def fact(text_de: str, text_en: str, extra: str = "") -> str:
    return f"kind: context\ntext:\n  de: '{text_de}'\n  en: '{text_en}'\nsources: [report]\n{extra}"


LoadValid = Callable[[dict[str, str]], RecordSet]


@pytest.fixture
def records_of(write_content: Callable[[dict[str, str | bytes]], Path]) -> LoadValid:
    """Load files that are each valid on their own; only the checks may find problems."""

    def run(files: dict[str, str]) -> RecordSet:
        records, problems = load_records(write_content({"sources/report.yaml": SOURCE, **files}), LANGUAGES)
        assert problems == []
        return records

    return run


def summary(problems: list[Problem]) -> list[tuple[str, str, str, str]]:
    """(file stem, field, code, message) of each problem, sorted."""
    return sorted((p.path.stem, p.field, p.code, p.message) for p in problems)


# --- references ------------------------------------------------------------------------------------------------


def test_references_that_resolve(records_of: LoadValid) -> None:
    records = records_of({"organisations/france.yaml": STATE,
                          "facts/f.yaml": fact("{@france} sagt", "{@france} says", "actors: [france]\n")})
    assert list(check_references(records, LANGUAGES)) == []


def test_unknown_reference_suggests_a_close_id(records_of: LoadValid) -> None:
    records = records_of({"organisations/france.yaml": STATE,
                          "facts/f.yaml": fact("Text", "Text", "actors: [frnace]\n")})
    [problem] = check_references(records, LANGUAGES)
    assert (problem.field, problem.code) == ("actors[0]", "unknown-reference")
    assert problem.message == "unknown people or organisations id 'frnace'"
    assert problem.hint == "did you mean 'france'?"
    assert (problem.line, problem.column) == (6, 10)


def test_unknown_reference_suggests_only_ids_of_the_right_kind(records_of: LoadValid) -> None:
    records = records_of({"topics/france.yaml": TOPIC, "facts/f.yaml": fact("Text", "Text", "actors: [frnace]\n")})
    [problem] = check_references(records, LANGUAGES)
    assert problem.hint == "create the record or fix the id"


def test_unknown_mention_in_text(records_of: LoadValid) -> None:
    records = records_of({"organisations/france.yaml": STATE,
                          "facts/f.yaml": fact("{@frankreich} sagt", "{@france} says")})
    [problem] = check_references(records, LANGUAGES)
    assert (problem.field, problem.line, problem.column) == ("text.de", 3, 7)
    assert problem.message == "unknown people or organisations or places or events id 'frankreich'"


def test_every_id_of_a_list_mention_is_checked(records_of: LoadValid) -> None:
    records = records_of({"organisations/france.yaml": STATE,
                          "facts/f.yaml": fact("{@france,italy,spain}", "{@france}")})
    assert [p.message.split()[-1] for p in check_references(records, LANGUAGES)] == ["'italy'", "'spain'"]


def test_wrong_kind_reference(records_of: LoadValid) -> None:
    records = records_of({"organisations/france.yaml": STATE,
                          "statements/s.yaml": "kind: reported\nspeaker: france\nactor: france\n"
                                               "text: {de: a, en: a}\nsources: [report]\n"})
    [problem] = check_references(records, LANGUAGES)
    assert (problem.field, problem.code, problem.line) == ("speaker", "wrong-kind", 2)
    assert problem.message == "'france' is in organisations, expected people"


def test_mention_of_a_fact_is_the_wrong_kind(records_of: LoadValid) -> None:
    records = records_of({"facts/other.yaml": fact("a", "a"), "facts/f.yaml": fact("{@other}", "{@other}")})
    problems = list(check_references(records, LANGUAGES))
    assert summary(problems) == [
        ("f", "text.de", "wrong-kind", "'other' is in facts, expected people or organisations or places or events"),
        ("f", "text.en", "wrong-kind", "'other' is in facts, expected people or organisations or places or events"),
    ]


def test_source_references_are_checked(records_of: LoadValid) -> None:
    records = records_of({"facts/f.yaml": "kind: context\ntext: {de: a, en: a}\nsources: [report, reprot]\n"})
    [problem] = check_references(records, LANGUAGES)
    assert (problem.field, problem.message, problem.hint) == ("sources[1]", "unknown sources id 'reprot'",
                                                              "did you mean 'report'?")


def test_reference_to_a_broken_file_is_not_reported_twice(
        write_content: Callable[[dict[str, str | bytes]], Path]) -> None:
    folder = write_content({"sources/report.yaml": SOURCE, "organisations/france.yaml": STATE + "colour: blue\n",
                            "facts/f.yaml": fact("{@france}", "{@france}", "actors: [france]\n")})
    records, problems = load_records(folder, LANGUAGES)
    assert [p.message for p in problems] == ["unknown field 'colour'"]
    assert records.broken == {"france": "organisations"}
    assert list(check_references(records, LANGUAGES)) == []


def test_reference_to_a_broken_file_of_the_wrong_kind_is_reported(
        write_content: Callable[[dict[str, str | bytes]], Path]) -> None:
    folder = write_content({"sources/report.yaml": SOURCE, "topics/france.yaml": TOPIC + "colour: blue\n",
                            "facts/f.yaml": fact("a", "a", "actors: [france]\n")})
    records, _ = load_records(folder, LANGUAGES)
    [problem] = check_references(records, LANGUAGES)
    assert problem.message == "unknown people or organisations id 'france'"


# --- cycles ----------------------------------------------------------------------------------------------------


# --- names in a case ---------------------------------------------------------------------------------------------

UNION = ("kind: institution\nname:\n  de: {full: Europäische Union, short: EU, gender: feminine, article: true, "
         "full_cases: {gen: Europäischen Union, dat: Europäischen Union}}\n"
         "  en: {full: European Union, article: true}\n")


def test_mentions_in_a_case_the_records_give(records_of: LoadValid) -> None:
    records = records_of({"organisations/eu.yaml": UNION, "organisations/france.yaml": STATE,
                          "facts/f.yaml": fact("Mit {@eu:dat}, {@eu:short:gen} und {@france}",
                                               "With {@eu:acc:bare} and {@france:short}")})
    assert list(check_name_cases(records, LANGUAGES)) == []


def test_a_case_the_record_cannot_give_names_the_mention_and_what_to_add(records_of: LoadValid) -> None:
    records = records_of({"organisations/eu.yaml": UNION, "organisations/france.yaml": STATE,
                          "facts/f.yaml": fact("Text", "Text",
                                               "label:\n  de: Hilfe {@france:dat} und {@eu,france:gen}\n"
                                               "  en: Aid of {@france:short:nom}\n")})
    problems = sorted(check_name_cases(records, LANGUAGES))
    assert summary(problems) == [
        ("f", "label.de", "name-case", "'france' in the dat case: its de name does not say whether it takes "
                                       "the definite article"),
        ("f", "label.de", "name-case", "'france' in the gen case: its de name does not say whether it takes "
                                       "the definite article"),
        ("f", "label.en", "name-case", "'france' in the nom case: its short en name does not say whether it "
                                       "takes the definite article"),
    ]
    assert (problems[0].line, problems[0].column) == (7, 7)
    assert problems[0].hint == ("add article: true as for der Bundestag or the EU, false as for Deutschland "
                                "under name.de in organisations/france.yaml")


def test_a_missing_genitive_is_asked_for_by_its_field(records_of: LoadValid) -> None:
    country = "kind: state\nname: {de: {full: Polen, article: false}, en: {full: Poland, article: false}}\n"
    records = records_of({"organisations/poland.yaml": country,
                          "facts/f.yaml": fact("Die Grenze {@poland:gen}, mit {@poland:dat}", "{@poland:gen}")})
    [problem] = check_name_cases(records, LANGUAGES)
    assert (problem.field, problem.message) == ("text.de", "'poland' in the gen case: its de name has no genitive")
    assert problem.hint.startswith("add full_cases: {gen: …}")


def test_a_case_mention_of_a_missing_record_or_name_is_left_to_the_other_checks(records_of: LoadValid) -> None:
    records = records_of({"organisations/eu.yaml": "kind: institution\nname: {de: {full: EU}}\n",
                          "facts/f.yaml": fact("{@nowhere:dat}", "{@eu:dat}"),
                          "facts/g.yaml": fact("{@f:dat}", "{@f:dat}")})
    assert list(check_name_cases(records, LANGUAGES)) == []


def test_containment_without_cycle(records_of: LoadValid) -> None:
    records = records_of({"places/a.yaml": place("b"), "places/b.yaml": place("c"), "places/c.yaml": place()})
    assert list(check_cycles(records, LANGUAGES)) == []


def test_two_place_cycle_is_reported_once(records_of: LoadValid) -> None:
    records = records_of({"places/a.yaml": place("b"), "places/b.yaml": place("a")})
    [problem] = check_cycles(records, LANGUAGES)
    assert (problem.path.stem, problem.field, problem.code, problem.line) == ("a", "within", "cycle", 3)
    assert problem.message == "reference cycle a → b → a"
    assert problem.hint == "break the loop"


def test_three_place_cycle(records_of: LoadValid) -> None:
    records = records_of({"places/a.yaml": place("b"), "places/b.yaml": place("c"), "places/c.yaml": place("a"),
                          "places/d.yaml": place("a")})
    [problem] = check_cycles(records, LANGUAGES)
    assert problem.message == "reference cycle a → b → c → a"


def test_self_containment(records_of: LoadValid) -> None:
    records = records_of({"places/a.yaml": place("a")})
    [problem] = check_cycles(records, LANGUAGES)
    assert problem.message == "reference cycle a → a"


def test_organisation_and_event_cycles(records_of: LoadValid) -> None:
    event = ("kind: meeting\nname: {de: {full: E}, en: {full: E}}\ndate: {date: unknown}\n"
             "summary: {de: s, en: s}\nsources: [report]\npart_of: %s\n")
    records = records_of({"organisations/north.yaml": STATE + "part_of: south\n",
                          "organisations/south.yaml": STATE + "part_of: north\n",
                          "events/e1.yaml": event % "e2", "events/e2.yaml": event % "e1"})
    assert sorted(p.message for p in check_cycles(records, LANGUAGES)) == [
        "reference cycle e1 → e2 → e1", "reference cycle north → south → north"]


def test_cycle_through_a_missing_record_is_no_cycle(records_of: LoadValid) -> None:
    records = records_of({"places/a.yaml": place("nowhere")})
    assert list(check_cycles(records, LANGUAGES)) == []


# --- translations ----------------------------------------------------------------------------------------------


def test_missing_translations_everywhere(records_of: LoadValid) -> None:
    records = records_of({
        "organisations/france.yaml": "kind: state\nname: {de: {full: Frankreich}}\nsummary: {en: A state.}\n",
        "people/p.yaml": "name: {de: {full: P}, en: {full: P}}\n"
                         "roles: [{title: {de: Rolle}, sources: [report]}]\n",
    })
    assert summary(list(check_translations(records, LANGUAGES))) == [
        ("france", "name", "missing-translation", "missing translation: en"),
        ("france", "summary", "missing-translation", "missing translation: de"),
        ("p", "roles[0].title", "missing-translation", "missing translation: en"),
    ]


def test_translation_hint_names_the_language(records_of: LoadValid) -> None:
    records = records_of({"topics/t.yaml": "label: {de: T}\nquestion: {de: F?, en: Q?}\n"})
    [problem] = check_translations(records, LANGUAGES)
    assert problem.hint == "add `en:` with the text in that language"
    assert (problem.line, problem.column) == (1, 8)


def test_translations_follow_the_configured_languages(records_of: LoadValid) -> None:
    records = records_of({"topics/t.yaml": TOPIC})
    assert list(check_translations(records, ("de",))) == []
    assert len(list(check_translations(records, ("de", "en", "uk")))) == 3


# --- placeholders ----------------------------------------------------------------------------------------------


def test_placeholders_match_values(records_of: LoadValid) -> None:
    records = records_of({"facts/f.yaml": fact("{n} Länder", "{n} countries", "values: {n: {count: 35}}\n")})
    assert list(check_placeholders(records, LANGUAGES)) == []


def test_unknown_placeholder_suggests_a_value(records_of: LoadValid) -> None:
    records = records_of({"facts/f.yaml": fact("{amont} und {amount}", "{amount}",
                                               "values: {amount: {money: 5, currency: EUR}}\n")})
    [problem] = check_placeholders(records, LANGUAGES)
    assert (problem.field, problem.code, problem.line, problem.column) == ("text.de", "unknown-placeholder", 3, 7)
    assert problem.message == "placeholder {amont} has no value"
    assert problem.hint == "did you mean 'amount'?"


def test_unknown_placeholder_without_close_value(records_of: LoadValid) -> None:
    records = records_of({"facts/f.yaml": fact("{total}", "{total}")})
    problems = list(check_placeholders(records, LANGUAGES))
    assert [(p.field, p.hint) for p in problems] == [("text.de", "add total: under values"),
                                                     ("text.en", "add total: under values")]


def test_unused_value(records_of: LoadValid) -> None:
    records = records_of({"facts/f.yaml": fact("{a}", "{a} and {b}", "values: {a: {count: 1}, b: {count: 2}}\n")})
    [problem] = check_placeholders(records, LANGUAGES)
    assert (problem.field, problem.code, problem.message) == ("text.de", "unused-value",
                                                              "value 'b' is not used in the text")
    assert problem.hint == "write {b} where it belongs"


def test_values_need_not_appear_in_labels(records_of: LoadValid) -> None:
    records = records_of({"facts/f.yaml": fact("{n}", "{n}", "values: {n: {count: 1}}\nlabel: {de: L, en: L}\n")})
    assert list(check_placeholders(records, LANGUAGES)) == []


def test_placeholders_in_other_text_are_checked(records_of: LoadValid) -> None:
    records = records_of({"facts/f.yaml": fact("{n}", "{n}", "values: {n: {count: 1}}\n"
                                                           "label: {de: '{m}', en: '{n}'}\n")})
    [problem] = check_placeholders(records, LANGUAGES)
    assert (problem.field, problem.message) == ("label.de", "placeholder {m} has no value")


@pytest.mark.parametrize(("extra", "allowed"), [
    ("", False),
    ("date: {date: '2026-01-06'}\n", True),
    ("date: {date: unknown}\n", True),
    ("event: summit\n", True),
])
def test_date_placeholder_needs_a_date_or_an_event(records_of: LoadValid, extra: str, allowed: bool) -> None:
    records = records_of({"facts/f.yaml": fact("Am {date}", "On {date}", extra)})
    record = records.get("f")
    assert record is not None
    assert ("date" in placeholder_names(record.model)) is allowed
    assert (list(check_placeholders(records, LANGUAGES)) == []) is allowed


# --- placeholder styles --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "values"), [
    ("{amount:compact}", "{amount: {money: 5, currency: EUR}}"),
    ("{amount:full}", "{amount: {money: 5, currency: EUR}}"),
    ("{amount}", "{amount: {money: 5, currency: EUR}}"),
    ("{war:number}", "{war: {duration: P4Y}}"),
])
def test_known_placeholder_styles(records_of: LoadValid, text: str, values: str) -> None:
    records = records_of({"facts/f.yaml": fact(text, text, f"values: {values}\n")})
    assert list(check_placeholder_styles(records, LANGUAGES)) == []


def test_unknown_style_lists_the_known_ones(records_of: LoadValid) -> None:
    records = records_of({"facts/f.yaml": fact("{amount:short}", "{amount}",
                                               "values: {amount: {money: 5, currency: EUR}}\n")})
    [problem] = check_placeholder_styles(records, LANGUAGES)
    assert (problem.field, problem.code) == ("text.de", "unknown-style")
    assert problem.message == "{amount:short}: a money has no style 'short'"
    assert problem.hint == "use one of: long, compact, full, magnitude"


@pytest.mark.parametrize(("text", "values", "kind"), [
    ("{n:long}", "values: {n: {count: 3}}\n", "count"),
    ("{p:long}", "values: {p: {percentage: 5}}\n", "percentage"),
])
def test_style_on_a_kind_without_styles(records_of: LoadValid, text: str, values: str, kind: str) -> None:
    records = records_of({"facts/f.yaml": fact(text, text, values)})
    problems = list(check_placeholder_styles(records, LANGUAGES))
    assert [(p.field, p.message, p.hint) for p in problems] == [
        (f"text.{language}", f"{text}: a {kind} has no style 'long'", "remove the style") for language in LANGUAGES]


def test_style_of_an_unknown_placeholder_is_left_to_check_placeholders(records_of: LoadValid) -> None:
    records = records_of({"facts/f.yaml": fact("{amont:compact}", "{amont:compact}")})
    assert list(check_placeholder_styles(records, LANGUAGES)) == []


# --- formatting ------------------------------------------------------------------------------------------------


def test_values_that_format_give_no_problem(records_of: LoadValid) -> None:
    records = records_of({"facts/f.yaml": fact(
        "{a} {a:compact} {a:full} {n} {p} {p:number} {w} {q} {r}", "{a} {n} {p} {w} {q} {r}",
        "date: {date: '0009'}\nvalues: {a: {money: 999999999999999, currency: EUR}, n: {count: 35}, "
        "p: {duration: P4Y}, w: {datetime: '9999-12-31T22:59:00Z', zone: Europe/Berlin}, "
        "q: {quantity: -0.000001, unit: length-meter}, r: {percentage: 12.5}}\n")})
    assert list(check_formatting(records, LANGUAGES)) == []


def test_the_number_style_on_a_duration_of_two_parts_is_refused_in_the_text(records_of: LoadValid) -> None:
    """It validated and then stopped the build with a ValueError from `format_duration`."""
    records = records_of({"facts/f.yaml": fact("seit {p:number} Jahren", "for {p}",
                                               "values: {p: {duration: P1Y6M}}\n")})
    [problem] = check_formatting(records, LANGUAGES)
    assert (problem.field, problem.line, problem.column, problem.code) == ("text.de", 3, 7, "unprintable")
    assert problem.message == "{p:number}: style 'number' needs a duration of one component (such as P4Y), not P1Y6M"
    assert problem.hint == "drop the style or change the value"


def _with_value(records: RecordSet, record_id: str, name: str, value: object) -> RecordSet:
    """The records with one value replaced, unvalidated: what a gap in the value types would let through."""
    record = records.get(record_id)
    assert record is not None
    model = record.model.model_copy(update={"values": {**record.model.values, name: value}})
    return RecordSet([dataclasses.replace(record, model=model) if r is record else r for r in records])


@pytest.mark.parametrize(("value", "message"), [
    (MoneyValue.model_construct(money=Decimal("1e300"), currency="EUR"), "cannot be printed in de, en: "
                                                                         "InvalidOperation: "),
    (DateTimeValue.model_construct(datetime=dt.datetime(9999, 12, 31, 23, 30, tzinfo=dt.UTC), zone="Europe/Berlin"),
     "cannot be printed in de, en: OverflowError: date value out of range"),
])
def test_a_value_that_slips_past_validation_is_a_problem_not_a_traceback(records_of: LoadValid, value: object,
                                                                          message: str) -> None:
    records = _with_value(records_of({"facts/f.yaml": fact("{x}", "{x}", "values:\n  x: {count: 3}\n")}),
                          "f", "x", value)
    [problem] = check_formatting(records, LANGUAGES)
    assert (problem.field, problem.line, problem.column, problem.code) == ("values.x", 7, 6, "unprintable")
    assert problem.message.startswith(message)
    assert "validation should have refused it" in problem.hint


def test_run_checks_formats_in_the_configured_locales(records_of: LoadValid) -> None:
    records = _with_value(records_of({"facts/f.yaml": fact("{x}", "{x}", "values: {x: {count: 3}}\n")}),
                          "f", "x", MoneyValue.model_construct(money=Decimal("1e300"), currency="EUR"))
    locales = {"de": language("de_DE", "„“‚‘"), "en": language("en_GB", "“”‘’")}
    [problem] = [p for p in run_checks(records, LANGUAGES, locales) if p.code == "unprintable"]
    assert problem.message.startswith("cannot be printed in de_DE, en_GB: ")


# --- markup ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Siehe [Bericht](https://example.org/bericht).", "[Mail](mailto:desk@example.org)",
                                  "*betont* und **fett**"])
def test_safe_markup(records_of: LoadValid, text: str) -> None:
    records = records_of({"facts/f.yaml": fact(text, "plain")})
    assert list(check_markup(records, LANGUAGES)) == []


@pytest.mark.parametrize(("text", "message"), [
    ("![Bild](https://example.org/a.png)", "image 'https://example.org/a.png' in text"),
    ("[klick](javascript:alert(1))", "link to 'javascript:alert(1)'"),
    ("[Datei](file:///etc/passwd)", "link to 'file:///etc/passwd'"),
    ("[lokal](/etc/passwd)", "link to '/etc/passwd'"),
])
def test_unsafe_markup(records_of: LoadValid, text: str, message: str) -> None:
    records = records_of({"facts/f.yaml": fact(text, "plain")})
    problems = list(check_markup(records, LANGUAGES))
    assert [(p.field, p.code) for p in problems] == [("text.de", "markup")]
    assert problems[0].message == message
    assert "https:// or mailto:" in problems[0].hint


# --- editorial state -------------------------------------------------------------------------------------------

BRIEFING = """\
title: {de: B, en: B}
standfirst: {de: S, en: S}
published: {datetime: '2026-01-07T09:00:00+01:00'}
sections: [{role: context, items: [f]}]
"""


def editorial(records_of: LoadValid, extra: str) -> list[tuple[str, str]]:
    records = records_of({"facts/f.yaml": fact("a", "a"), "briefings/b.yaml": BRIEFING + extra})
    return [(p.field, p.message) for p in check_editorial(records, LANGUAGES)]


@pytest.mark.parametrize("extra", [
    "status: published\n",
    "status: draft\n",
    "status: embargoed\nembargo: {datetime: '2026-01-07T08:00:00+01:00'}\n",
    "status: withdrawn\nwithdrawal: {de: Zurückgezogen, en: Withdrawn}\n"
    "withdrawn: {datetime: '2026-01-08T09:00:00+01:00'}\n",
    "corrections:\n  - {date: {datetime: '2026-01-07T10:00:00+01:00'}, text: {de: K, en: C}}\n"
    "  - {date: {datetime: '2026-01-08T10:00:00+01:00'}, text: {de: K, en: C}}\n",
])
def test_consistent_editorial_state(records_of: LoadValid, extra: str) -> None:
    assert editorial(records_of, extra) == []


@pytest.mark.parametrize(("extra", "expected"), [
    ("status: embargoed\n", [("status", "an embargoed briefing needs `embargo:` with the time it lifts")]),
    ("status: withdrawn\n", [("status", "a withdrawn briefing needs `withdrawal:`"),
                             ("status", "a withdrawn briefing needs `withdrawn:`")]),
    ("embargo: {datetime: '2026-01-07T10:00:00+01:00'}\n",
     [("embargo", "the embargo lifts after the briefing's first publication")]),
    ("corrections:\n  - {date: {datetime: '2026-01-06T10:00:00+01:00'}, text: {de: K, en: C}}\n",
     [("corrections[0].date", "a correction predates the publication or the correction before it")]),
    ("status: withdrawn\nwithdrawal: {de: Zurückgezogen, en: Withdrawn}\n"
     "withdrawn: {datetime: '2026-01-06T09:00:00+01:00'}\n",
     [("withdrawn", "the withdrawal predates the publication or a correction")]),
])
def test_inconsistent_editorial_state(records_of: LoadValid, extra: str, expected: list[tuple[str, str]]) -> None:
    assert editorial(records_of, extra) == expected


# --- quotes ----------------------------------------------------------------------------------------------------

STATEMENT = "actor: france\ntext: {de: Worte, en: words}\nsources: [report]\n"
PARTIAL = "actor: france\ntext: {de: 'Sie sagte {\"Worte\"}.', en: 'She said {\"words\"}.'}\nsources: [report]\n"


def test_quote_without_origin(records_of: LoadValid) -> None:
    records = records_of({"organisations/france.yaml": STATE, "people/p.yaml": PERSON,
                          "statements/s.yaml": "kind: quote\nspeaker: p\n" + STATEMENT})
    [problem] = check_quotes(records, LANGUAGES)
    assert (problem.field, problem.code, problem.line) == ("kind", "quote", 1)
    assert problem.message == "a quote needs `quote:` with the language of its wording"


def test_quote_with_origin(records_of: LoadValid) -> None:
    records = records_of({"organisations/france.yaml": STATE, "people/p.yaml": PERSON,
                          "statements/s.yaml": "kind: quote\nspeaker: p\nquote: {language: de}\n" + STATEMENT})
    assert list(check_quotes(records, LANGUAGES)) == []


@pytest.mark.parametrize(("kind", "body", "message"), [
    ("quote", PARTIAL, 'a quote is the speaker\'s words alone, without {"…"}'),
    ("partial-quote", STATEMENT, 'a partial-quote marks its quoted words as {"…"}'),
    ("reported", PARTIAL, '{"…"} marks quoted words, which a reported statement has none of'),
])
def test_only_verbatim_words_are_quoted(records_of: LoadValid, kind: str, body: str, message: str) -> None:
    origin = "quote: {language: de}\n" if kind != "reported" else ""
    records = records_of({"organisations/france.yaml": STATE, "people/p.yaml": PERSON,
                          "statements/s.yaml": f"kind: {kind}\nspeaker: p\n{origin}" + body})
    problems = list(check_quotes(records, LANGUAGES))
    assert [(p.field, p.message) for p in problems] == [("text.de", message), ("text.en", message)]
    assert problems[0].line == (5 if kind != "reported" else 4)


def test_unnamed_sources_need_no_actor_but_a_stance_does(records_of: LoadValid) -> None:
    unnamed = "unnamed: {de: Regierungskreise, en: government sources}\n"
    records = records_of({"topics/t.yaml": TOPIC, "people/p.yaml": PERSON,
                          "statements/circles.yaml": "kind: reported\n" + unnamed +
                          "text: {de: Es ist eine Schicksalswoche., en: It is a week of destiny.}\nsources: [report]\n",
                          "statements/nobody.yaml": "kind: reported\ntext: {de: Etwas., en: Something.}\n"
                                                    "sources: [report]\n",
                          "statements/both.yaml": "kind: reported\nspeaker: p\n" + unnamed +
                          "text: {de: Etwas., en: Something.}\nsources: [report]\n"
                          "stances: [{topic: t, answer: 'yes', note: {de: ja, en: 'yes'}}]\n"})
    found = sorted((p.path.stem, p.field, p.code) for p in check_quotes(records, LANGUAGES))
    assert found == [("both", "stances", "attribution"), ("both", "unnamed", "attribution"),
                     ("nobody", "kind", "attribution")]


def test_position_without_speaker_needs_a_stance(records_of: LoadValid) -> None:
    records = records_of({"organisations/france.yaml": STATE, "topics/t.yaml": TOPIC,
                          "statements/bare.yaml": "kind: position\n" + STATEMENT,
                          "statements/held.yaml": "kind: position\n" + STATEMENT +
                          "stances: [{topic: t, answer: 'yes', note: {de: ja, en: 'yes'}}]\n"})
    [problem] = check_quotes(records, LANGUAGES)
    assert (problem.path.stem, problem.field, problem.message) == (
        "bare", "stances", "a position without a speaker needs at least one stance")


# --- unreferenced records --------------------------------------------------------------------------------------


def test_unreferenced_records_are_warnings(records_of: LoadValid) -> None:
    records = records_of({"topics/t.yaml": TOPIC, "organisations/france.yaml": STATE,
                          "facts/f.yaml": fact("{@france}", "{@france}")})
    problems = list(check_unreferenced(records, LANGUAGES))
    assert summary(problems) == [("f", "", "unreferenced", "nothing refers to this record"),
                                 ("t", "", "unreferenced", "nothing refers to this record")]
    assert {p.severity for p in problems} == {"warning"}
    assert problems[0].hint == "use it in a briefing or delete it"


def test_briefings_and_dossiers_need_no_referrer(records_of: LoadValid) -> None:
    records = records_of({
        "facts/f.yaml": fact("a", "a"),
        "briefings/b.yaml": "title: {de: B, en: B}\nstandfirst: {de: S, en: S}\n"
                            "published: {datetime: '2026-01-07T09:00:00+01:00'}\n"
                            "sections: [{role: context, items: [f]}]\n",
        "dossiers/d.yaml": "title: {de: D, en: D}\ndate: {date: '2026-01'}\nbriefings: [b]\n",
    })
    assert list(check_unreferenced(records, LANGUAGES)) == []


# --- the runner ------------------------------------------------------------------------------------------------


def test_run_checks_collects_every_check_in_file_order(records_of: LoadValid) -> None:
    records = records_of({"facts/a.yaml": fact("{@nobody} {x}", "text"),
                          "places/b.yaml": place("b")})
    problems = run_checks(records, LANGUAGES)
    assert problems == sorted(problems)
    assert {p.code for p in problems} == {"unknown-reference", "unknown-placeholder", "cycle", "unreferenced"}
    assert [p.severity for p in problems if p.code == "unreferenced"] == ["warning"]


def test_every_check_is_registered_and_documented() -> None:
    assert {check_references, check_cycles, check_translations, check_placeholders, check_placeholder_styles,
            check_formatting, check_markup, check_quotes, check_unreferenced, check_editorial,
            check_name_cases} <= set(CHECKS)
    assert len(set(CHECKS)) == len(CHECKS)
    assert all(check.__name__.startswith("check_") and check.__doc__ for check in CHECKS)


def test_checks_on_empty_content() -> None:
    assert run_checks(RecordSet([]), LANGUAGES) == []
