"""Amounts as exact as their source, in German and English: the words from the catalog, the numbers from CLDR.

The golden file `golden/amounts.txt` holds every case below as the pages
print it: German with the repository's catalog, English with the msgids
(`UPDATE_GOLDEN=1` rewrites it). The tests after it check our own rules
(when the unit is said once, which magnitude, what is refused), and that a
language whose catalog lacks the words is refused by a strict build.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from generator.config import LanguageConfig, load_config
from generator.errors import ContentError
from generator.graph import resolve
from generator.i18n.amounts import COUNTS_IN_WORDS, QUALIFIERS, SCALES, format_money_value
from generator.i18n.catalogs import load_translations, template_gaps
from generator.i18n.format import format_value
from generator.i18n.numbers import format_money
from generator.localize.texts import Texts
from generator.project import load_project
from generator.records.load import load_records
from generator.records.values import COUNT_WORDS, CountValue, MoneyValue, QuantityValue
from generator.render import to_plain

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden" / "amounts.txt"
INVISIBLE = {"\u00a0": "<NBSP>", "\u202f": "<NNBSP>"}

CONFIG = load_config(ROOT)
LANGUAGES = {code: CONFIG.languages[code] for code in ("de", "en")}
CATALOGS = {code: load_translations(CONFIG, code).gettext for code in LANGUAGES}
"""The repository's German catalog, and for English the msgids themselves."""


def money(amount: Any, currency: str | None = "EUR", **bounds: Any) -> MoneyValue:
    return MoneyValue(money=amount, currency=currency, **bounds)


CASES: dict[str, list[tuple[Any, str | None]]] = {
    "money, qualified": [(money(90_000_000_000, qualifier=q), None) for q in QUALIFIERS],
    "money, qualified, compact": [(money(90_000_000_000, qualifier="about"), "compact"),
                                  (money(1500, "GBP", qualifier="more-than"), "compact")],
    "money range, long compact full": [(money(100_000_000_000, to=999_000_000_000), style)
                                       for style in ("long", "compact", "full")],
    "money range, no currency": [(money(100_000_000_000, None, to=999_000_000_000), style)
                                 for style in ("long", "compact", "full")],
    "money range, different magnitudes": [(money(1_000_000_000, to=2_000_000_000), None),
                                          (money(500_000_000, "USD", to=2_000_000_000), None)],
    "money, no currency": [(money(100_000_000_000, None), style) for style in ("long", "compact", "full")]
    + [(money(1500, None), None), (money(Decimal("1500.5"), None), None)],
    "magnitude, no currency": [(money(100_000_000_000, None, to=999_000_000_000), "magnitude"),
                               (money(25_000_000, None), "magnitude"), (money(3 * 10**12, None), "magnitude")],
    "magnitude, currency": [(money(100_000_000_000, to=999_000_000_000), "magnitude"),
                            (money(25_000_000, "USD"), "magnitude"), (money(3_500_000_000, "GBP"), "magnitude")],
    "counts in words": [(CountValue(count=word), None) for word in COUNT_WORDS],
    "counts, qualified and ranges": [(CountValue(count=4000, qualifier="more-than"), None),
                                     (CountValue(count=12, qualifier="about"), None),
                                     (CountValue(count=2, to=5), None), (CountValue(count=100, to=200), None)],
    "quantities, qualified and ranges": [
        (QuantityValue(quantity=Decimal("12.5"), unit="length-kilometer", qualifier="up-to"), None),
        (QuantityValue(quantity=5, to=10, unit="length-kilometer"), None),
        (QuantityValue(quantity=1, to=3, unit="length-kilometer"), None),
        (QuantityValue(quantity=-5, to=3, unit="temperature-celsius"), None)],
}
"""Each case: values with the style their placeholder asks for."""


def render_cases() -> str:
    lines = []
    for name, values in CASES.items():
        for code, lang in LANGUAGES.items():
            shown = " | ".join(format_value(value, lang, style, unknown_date="?", gettext=CATALOGS[code])
                               for value, style in values)
            for char, mark in INVISIBLE.items():
                shown = shown.replace(char, mark)
            lines.append(f"{name} [{code}]: {shown}")
    return "\n".join(lines) + "\n"


def test_amounts_match_the_golden_file(check_golden: Callable[[Path, str], None]) -> None:
    check_golden(GOLDEN, render_cases())


# --- the second story, as its records will say it -------------------------------------------------------------

MERZ = """\
kind: context
actors: [merz]
text:
  de: >-
    {@merz} gibt um {statement:time} eine Regierungserklärung ab; im Mittelpunkt der am {talks:weekday}
    beginnenden Beratungen steht das eingefrorene russische Staatsvermögen {assets:magnitude}.
    Zuvor wird er {questions:time} befragt. In Paris: {soldiers} Soldaten.
  en: >-
    {@merz} gives a government statement at {statement:time}; the talks that begin on {talks:weekday}
    centre on frozen Russian state assets {assets:magnitude}. Before that, he takes questions at
    {questions:time}. In Paris: {soldiers} soldiers.
values:
  statement: {datetime: "2025-12-17T15:05:00+01:00", zone: Europe/Berlin}
  questions: {datetime: "2025-12-17T13:00:00Z", zone: Europe/Berlin}
  talks: {date: 2025-12-18}
  assets: {money: 100000000000, to: 999000000000}
  soldiers: {count: thousands}
sources: [report]
"""


@pytest.fixture(scope="module")
def merz_texts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The fact's text as the pages print it, per language, from records loaded and resolved as in a build."""
    folder = tmp_path_factory.mktemp("content")
    for path, text in {"facts/merz-statement.yaml": MERZ,
                       "people/merz.yaml": "name: {de: {full: Friedrich Merz}, en: {full: Friedrich Merz}}\n",
                       "sources/report.yaml": "title: {de: dpa-AFX, en: dpa-AFX}\nlanguage: de\n"}.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text, encoding="utf-8")
    records, problems = load_records(folder, CONFIG.codes)
    assert problems == []
    graph = resolve(records)
    record = graph.get("merz-statement")
    return {code: to_plain(Texts(graph, CONFIG, code, CATALOGS[code]).text(record, ("text",), record.model.text))
            for code in LANGUAGES}


def test_the_second_story_reads_as_the_report_does_in_german(merz_texts: dict[str, str]) -> None:
    assert merz_texts["de"] == (
        "Friedrich Merz gibt um 15:05 Uhr eine Regierungserklärung ab; im Mittelpunkt der am Donnerstag "
        "beginnenden Beratungen steht das eingefrorene russische Staatsvermögen in dreistelliger Milliardenhöhe. "
        "Zuvor wird er 14:00 Uhr befragt. In Paris: Tausende Soldaten.")


def test_the_second_story_reads_idiomatically_in_english(merz_texts: dict[str, str]) -> None:
    assert merz_texts["en"] == (
        "Friedrich Merz gives a government statement at 15:05; the talks that begin on Thursday centre on frozen "
        "Russian state assets running into hundreds of billions. Before that, he takes questions at 14:00. "
        "In Paris: thousands of soldiers.")


# --- our own rules --------------------------------------------------------------------------------------------


def lang_params() -> list:
    return [pytest.param(lang, id=code) for code, lang in LANGUAGES.items()]


@pytest.mark.parametrize("lang", lang_params())
def test_every_word_has_a_translation_and_the_number_stays_cldrs(lang: LanguageConfig) -> None:
    words = CATALOGS[lang.code]
    aid = money(90_000_000_000, qualifier="about")
    assert format_value(aid, lang, unknown_date="?", gettext=words) == words("about %(amount)s") % {
        "amount": format_money(aid.money, "EUR", lang)}


def test_the_unit_is_said_once_only_where_it_follows_both_numbers() -> None:
    de, en = LANGUAGES["de"], LANGUAGES["en"]
    assets = money(100_000_000_000, to=999_000_000_000)
    assert format_value(assets, de, unknown_date="?", gettext=CATALOGS["de"]).count("Milliarden") == 1
    assert format_value(assets, en, unknown_date="?", gettext=CATALOGS["en"]).count("billion") == 2  # €100 billion
    one_and_two = money(1_000_000_000, to=2_000_000_000)  # Milliarde, Milliarden: each end keeps its form
    assert format_value(one_and_two, de, unknown_date="?", gettext=CATALOGS["de"]) == (
        "zwischen 1 Milliarde Euro und 2 Milliarden Euro")


@pytest.mark.parametrize(("value", "message"), [
    (money(900_000), "style 'magnitude' counts in millions, billions or trillions, and 900000 is less than a million"),
    (money(50_000_000_000, to=200_000_000_000), "style 'magnitude' needs both ends of the range in one magnitude "
                                                "(such as 100 to 999 billion), not 50000000000 to 200000000000"),
    (money(5_000_000, qualifier="about"), "style 'magnitude' says how exact the amount is itself; "
                                          "drop qualifier: about or the style"),
])
def test_a_magnitude_that_does_not_fit_is_an_error_that_says_why(value: MoneyValue, message: str) -> None:
    with pytest.raises(ValueError) as refused:
        format_money_value(value, LANGUAGES["de"], "magnitude", CATALOGS["de"])
    assert str(refused.value).startswith(message)


@pytest.mark.parametrize(("amount", "scale", "digits"), [
    (1_000_000, "Millionen", "einstelliger"), (99_000_000, "Millionen", "zweistelliger"),
    (999_999_999, "Millionen", "dreistelliger"), (10**9, "Milliarden", "einstelliger"),
    (999 * 10**12, "Billionen", "dreistelliger"),
])
def test_the_magnitude_counts_the_digits_in_the_largest_scale(amount: int, scale: str, digits: str) -> None:
    text = format_money_value(money(amount, None), LANGUAGES["de"], "magnitude", CATALOGS["de"])
    assert text == f"in {digits} {scale}höhe"


def test_without_a_catalog_an_inexact_amount_is_refused_not_shown_in_english() -> None:
    for value in (money(5, qualifier="about"), money(5, to=6), CountValue(count="thousands")):
        with pytest.raises(ValueError, match="worded by the message catalog"):
            format_value(value, LANGUAGES["de"], unknown_date="?")
    assert format_value(money(5), LANGUAGES["de"], unknown_date="?") == "5 Euro"  # exact amounts need no words


def test_a_translators_words_are_the_ones_printed() -> None:
    catalog = {"about %(amount)s": "etwa %(amount)s", "thousands of": "Tausende von"}.get
    de = LANGUAGES["de"]
    assert format_value(money(5, qualifier="about"), de, unknown_date="?", gettext=catalog) == "etwa 5 Euro"
    assert format_value(CountValue(count="thousands"), de, unknown_date="?", gettext=catalog) == "Tausende von"


def test_every_count_word_and_scale_has_its_phrase() -> None:
    assert set(COUNTS_IN_WORDS) == set(COUNT_WORDS)
    assert sorted(SCALES) == [10**6, 10**9, 10**12]


# --- a third language without the words ---------------------------------------------------------------------

UKRAINIAN = "        uk:\n          locale: uk_UA\n          quotes: [«, », „, “]\n"


def test_a_third_language_without_the_words_is_refused_by_a_strict_build(tmp_path: Path) -> None:
    """The catalog of tests/fixtures/third-language translates the templates but none of the amount words."""
    mkdocs = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    marker = '          quotes: ["“", "”", "‘", "’"]\n'
    assert marker in mkdocs
    (tmp_path / "mkdocs.yml").write_text(mkdocs.replace(marker, marker + UKRAINIAN), encoding="utf-8")
    for folder in ("content", "templates", "docs"):
        (tmp_path / folder).mkdir()
    shutil.copytree(ROOT / "locales", tmp_path / "locales")
    catalog = tmp_path / "locales/uk/LC_MESSAGES/messages.po"
    catalog.parent.mkdir(parents=True)
    shutil.copy(ROOT / "tests/fixtures/third-language/messages.po", catalog)
    (tmp_path / "generator/i18n").mkdir(parents=True)  # the code whose strings are extracted, as in the repository
    shutil.copy(ROOT / "generator/i18n/amounts.py", tmp_path / "generator/i18n/amounts.py")

    gaps = {gap.msgid: gap for gap in template_gaps(load_config(tmp_path))}
    assert {gap.language for gap in gaps.values()} == {"uk"}  # German has every word
    assert {"about %(amount)s", "between %(low)s and %(high)s", "thousands of",
            "running into hundreds of %(scale)s"} <= set(gaps)
    problem = gaps["about %(amount)s"].problem
    assert (problem.path.name, problem.message) == ("amounts.py", "not in the uk catalog")
    assert "translate it in locales/uk/LC_MESSAGES/messages.po" in problem.hint
    with pytest.raises(ContentError, match='msgid "about %\\(amount\\)s": not in the uk catalog'):
        load_project(tmp_path)
