"""Names and their grammar: the article table, declension, the model's refusals, and every entity's case forms."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from generator.project import Project, load_project
from generator.records.base import (
    LocalizedDict,
    LocalizedNames,
    MissingNameFormError,
    NameForms,
    definite_article,
)
from generator.records.load import Record
from generator.records.text import CASES
from generator.render import to_plain

from ..conftest import ROOT, CheckGolden

NAMES = TypeAdapter(LocalizedNames)
GOLDEN = Path(__file__).parent / "golden" / "names"
MENTIONABLE = ("people", "organisations", "places", "events")

BUNDESTAG = NameForms(full="Deutscher Bundestag", short="Bundestag", gender="masculine", article=True,
                      full_cases={"nom": "Deutsche Bundestag", "gen": "Deutschen Bundestages",
                                  "dat": "Deutschen Bundestag", "acc": "Deutschen Bundestag"},
                      short_cases={"gen": "Bundestages"})
UNITED_KINGDOM = NameForms(full="Vereinigtes Königreich", short="Großbritannien", gender="neuter", article=True,
                           short_article=False, full_cases={"gen": "Vereinigten Königreichs"},
                           short_cases={"gen": "Großbritanniens"})


# --- the article table -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("gender", "number", "articles"), [
    ("masculine", "singular", ["der", "des", "dem", "den"]),
    ("feminine", "singular", ["die", "der", "der", "die"]),
    ("neuter", "singular", ["das", "des", "dem", "das"]),
    (None, "plural", ["die", "der", "den", "die"]),
    ("feminine", "plural", ["die", "der", "den", "die"]),
])
def test_german_definite_article_by_gender_number_and_case(gender: str | None, number: str,
                                                           articles: list[str]) -> None:
    assert [definite_article("de", case, gender, number) for case in CASES] == articles


def test_english_article_is_the_in_every_case_and_other_languages_have_none() -> None:
    assert {definite_article("en", case, None) for case in CASES} == {"the"}
    assert {definite_article("en_US", case, "masculine") for case in CASES} == {"the"}
    assert {definite_article("uk", case, "feminine") for case in CASES} == {None}


def test_german_article_without_gender_is_unknown() -> None:
    assert definite_article("de", "dat", None) is None


# --- declension ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("forms", "case", "short", "expected"), [
    (BUNDESTAG, "nom", False, ("der", "Deutsche Bundestag")),
    (BUNDESTAG, "gen", False, ("des", "Deutschen Bundestages")),
    (BUNDESTAG, "dat", True, ("dem", "Bundestag")),
    (BUNDESTAG, "gen", True, ("des", "Bundestages")),
    (UNITED_KINGDOM, "dat", False, ("dem", "Vereinigtes Königreich")),  # a form not given is the name as written
    (UNITED_KINGDOM, "dat", True, (None, "Großbritannien")),
    (UNITED_KINGDOM, "gen", True, (None, "Großbritanniens")),
    (NameForms(full="Ukraine", gender="feminine", article=True), "gen", False, ("der", "Ukraine")),
    (NameForms(full="USA", number="plural", article=True), "dat", True, ("den", "USA")),
    (NameForms(full="Frankreich", article=False), "dat", False, (None, "Frankreich")),
])
def test_inflect_german(forms: NameForms, case: str, short: bool, expected: tuple[str | None, str]) -> None:
    assert forms.inflect("de", case, short=short) == expected


def test_inflect_english_takes_only_the_article() -> None:
    nato = NameForms(full="North Atlantic Treaty Organization", short="NATO", article=True, short_article=False)
    assert nato.inflect("en", "dat") == ("the", "North Atlantic Treaty Organization")
    assert nato.inflect("en", "gen", short=True) == (None, "NATO")
    assert NameForms(full="France", article=False).inflect("en", "acc") == (None, "France")


def test_a_short_form_asked_for_where_there_is_none_is_the_full_name() -> None:
    assert NameForms(full="Élysée-Palast", gender="masculine", article=True,
                     full_cases={"gen": "Élysée-Palasts"}).inflect("de", "gen", short=True) == ("des", "Élysée-Palasts")


def test_a_language_without_articles_needs_no_grammar() -> None:
    assert NameForms(full="Україна").inflect("uk", "dat") == (None, "Україна")
    assert NameForms(full="Україна", full_cases={"dat": "Україні"}).inflect("uk", "dat") == (None, "Україні")


@pytest.mark.parametrize(("forms", "language", "case", "short", "message", "hint"), [
    (NameForms(full="Europäische Union"), "de", "dat", False,
     "does not say whether it takes the definite article", "add article: true"),
    (NameForms(full="European Union"), "en", "nom", False,
     "does not say whether it takes the definite article", "false as for Deutschland"),
    (NameForms(full="Deutschland", article=False), "de", "gen", False, "has no genitive", "add full_cases: {gen: …}"),
    (NameForms(full="Emmanuel Macron", short="Macron", article=False, full_cases={"gen": "Emmanuel Macrons"}),
     "de", "gen", True, "has no genitive", "add short_cases: {gen: …}"),
    (NameForms(full="Élysée-Palast", gender="masculine", article=True), "de", "gen", False,
     "has no genitive", "add full_cases"),
])
def test_inflect_refuses_what_the_record_cannot_give(forms: NameForms, language: str, case: str, short: bool,
                                                     message: str, hint: str) -> None:
    with pytest.raises(MissingNameFormError) as caught:
        forms.inflect(language, case, short=short)
    assert str(caught.value) == message
    assert hint in caught.value.hint


# --- the model -------------------------------------------------------------------------------------------------


def names(value: dict[str, Any]) -> LocalizedDict:
    return NAMES.validate_python(value, context={"languages": ("de", "en")})


def test_grammar_is_optional_and_names_stay_localized() -> None:
    value = names({"de": {"full": "Paris"}, "en": {"full": "Paris"}})
    assert isinstance(value, LocalizedDict)
    assert value["de"].article is None and value["de"].full_cases == {}


@pytest.mark.parametrize(("value", "message"), [
    ({"de": {"full": "Ukraine", "article": True}},
     "the de name takes the article, which follows its gender: add gender: masculine, feminine or neuter"),
    ({"de": {"full": "Vereinigtes Königreich", "short": "UK", "article": False, "short_article": True}},
     "the de name takes the article"),
    ({"de": {"full": "Ukraine", "short_article": False}}, "short_article and short_cases describe a short form"),
    ({"de": {"full": "Ukraine", "short_cases": {"gen": "Ukraine"}}}, "add short: or remove them"),
    ({"de": {"full": "Ukraine", "gender": "f"}}, "Input should be 'masculine', 'feminine' or 'neuter'"),
    ({"de": {"full": "Ukraine", "full_cases": {"dativ": "Ukraine"}}}, "Input should be 'nom', 'gen', 'dat' or 'acc'"),
])
def test_model_refuses_incomplete_or_misspelt_grammar(value: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        names(value)
    assert message in str(caught.value)


def test_english_names_need_no_gender() -> None:
    assert names({"en": {"full": "United States", "article": True}})["en"].inflect("en", "dat") == (
        "the", "United States")


def test_grammar_is_not_part_of_what_translators_confirm() -> None:
    """The translation fingerprint reads `model_dump`: only the words of a name are in it."""
    assert BUNDESTAG.model_dump(mode="json") == {"full": "Deutscher Bundestag", "short": "Bundestag"}


# --- every entity in content/, one golden each -----------------------------------------------------------------


@pytest.fixture(scope="module")
def project() -> Project:
    return load_project(ROOT)


def _entity_ids() -> list[str]:
    """Entities in content/ and entities with a golden: a new one is skipped until it has a golden."""
    present = {path.stem for kind in MENTIONABLE for path in (ROOT / "content" / kind).glob("*.yaml")}
    return sorted(present | {path.stem for path in GOLDEN.glob("*.txt")})


def case_forms(project: Project, record: Record) -> str:
    """Every mention of the record, in every language, as the pages print it; refusals with their hint."""
    lines = [f"{record.kind}/{record.id}: each mention and what it prints"]
    for code in project.config.codes:
        texts = project.localizer(code)
        forms = record.model.name.get(code)
        for form in ("full", "short"):
            for case in (None, *CASES):
                mention = "{@" + record.id + (":short" if form == "short" else "") + (f":{case}" if case else "") + "}"
                printed = to_plain(texts.text(record, ("name",), LocalizedDict({code: mention})))
                lines.append(f"{code}  {mention:<{len(record.id) + 14}}  {printed}{_refusal(forms, code, case, form)}")
    return "\n".join(lines) + "\n"


def _refusal(forms: NameForms | None, code: str, case: str | None, form: str) -> str:
    if forms is None or case is None:
        return ""
    try:
        forms.inflect(code, case, short=form == "short")
    except MissingNameFormError as missing:
        return f"  (refused: {missing}; {missing.hint})"
    return ""


@pytest.mark.parametrize("entity_id", _entity_ids())
def test_case_forms_of_every_entity(project: Project, entity_id: str, check_golden: CheckGolden) -> None:
    golden = GOLDEN / f"{entity_id}.txt"
    record = project.graph.records.get(entity_id)
    assert record is not None, f"{golden.name} is the golden of a record content/ no longer has: delete it"
    if not golden.exists() and not os.environ.get("UPDATE_GOLDEN"):
        pytest.skip(f"no golden of {entity_id}'s case forms yet: run with UPDATE_GOLDEN=1 and review it")
    check_golden(golden, case_forms(project, record))
