"""The formatting layer in four locales, so nothing is wired to German and English.

What CLDR decides (month names, separators, compact forms, plural rules) is
kept in one golden file, `golden/formatting.txt`, rendered from every case
below in every language: a Babel update that changes it shows as one
reviewable diff (`UPDATE_GOLDEN=1` rewrites it). The tests of our own logic
(which style, which form, when to spell out, what is refused) derive their
expectations from Babel itself, so they hold for any CLDR release.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from babel.dates import format_date, get_day_names
from babel.dates import format_datetime as babel_format_datetime
from babel.numbers import format_decimal
from babel.units import format_unit

from generator.config import LanguageConfig
from generator.i18n import language
from generator.i18n.dates import (
    DATETIME_STYLES,
    DAY_STYLES,
    format_date_range,
    format_datetime,
    format_day,
    format_partial_date,
    format_time,
    iso_date,
    iso_datetime,
)
from generator.i18n.durations import CLDR_UNITS, format_duration
from generator.i18n.format import FORMATTERS, format_value
from generator.i18n.lists import format_list
from generator.i18n.numbers import format_count, format_money, format_number, format_percentage, format_quantity
from generator.i18n.plurals import plural_category
from generator.i18n.quotes import quote
from generator.records.values import (
    CountValue,
    DateTimeValue,
    DateValue,
    DurationValue,
    MoneyValue,
    PartialDate,
    PercentageValue,
    QuantityValue,
)

GOLDEN = Path(__file__).parent / "golden" / "formatting.txt"
INVISIBLE = {"\u00a0": "<NBSP>", "\u202f": "<NNBSP>", "\u2009": "<THIN>", "\u200e": "<LRM>"}
"""Spaces CLDR uses that a reader of the golden file could not tell apart, written out."""

LANGUAGES = {
    "de": language("de_DE", "„“‚‘"),
    "en": language("en_GB", "“”‘’"),
    "uk": language("uk_UA", "«»„“"),
    "pl": language("pl_PL", "„”«»"),
}
UNKNOWN = {"de": "unbekannt", "en": "unknown", "uk": "невідомо", "pl": "nieznana"}

SUMMER = DateTimeValue(datetime="2026-07-07T07:00:00Z", zone="Europe/Berlin")
SPEECH = DateTimeValue(datetime="2025-12-17T15:05:00+01:00", zone="Europe/Berlin")
"""Merz's government statement (`Regierungserklärung (15.05 Uhr)`), a Wednesday."""
THURSDAY = PartialDate(year=2025, month=12, day=18)
"""The day the summit talks begin (`am Donnerstag beginnenden Beratungen`)."""
OFFSET_ONLY = DateTimeValue(datetime="2026-01-07T09:00:00+01:00")
PARIS = DateTimeValue(datetime="2026-01-07T09:00:00+01:00", zone="Europe/Berlin")
AID = MoneyValue(money=90_000_000_000, currency="EUR")


VALUES = {
    "date": DateValue(date="2026-01-06"),
    "datetime": PARIS,
    "money": AID,
    "count": CountValue(count=35),
    "quantity": QuantityValue(quantity=Decimal("12.5"), unit="length-kilometer"),
    "duration": DurationValue(duration="P2Y"),
    "percentage": PercentageValue(percentage=Decimal("12.5")),
}

Case = Callable[[LanguageConfig], object]

CASES: dict[str, Case] = {
    "date, day": lambda lang: format_partial_date(PartialDate(year=2026, month=1, day=6), lang, unknown="?"),
    "date, month": lambda lang: format_partial_date(PartialDate(year=2026, month=1), lang, unknown="?"),
    "date, year": lambda lang: format_partial_date(PartialDate(year=2026), lang, unknown="?"),
    "range, days": lambda lang: format_date_range(dt.date(2026, 1, 6), dt.date(2026, 1, 8), lang),
    "range, months": lambda lang: format_date_range(dt.date(2026, 1, 30), dt.date(2026, 2, 2), lang),
    "range, years": lambda lang: format_date_range(dt.date(2025, 12, 30), dt.date(2026, 1, 2), lang),
    "datetime, winter": lambda lang: format_datetime(PARIS, lang),
    "datetime, summer": lambda lang: format_datetime(SUMMER, lang),
    "datetime, offset only": lambda lang: format_datetime(OFFSET_ONLY, lang),
    "datetime styles time date weekday weekday-date": lambda lang: [format_datetime(SPEECH, lang, style)
                                                                    for style in DATETIME_STYLES],
    "datetime styles, summer": lambda lang: [format_datetime(SUMMER, lang, style) for style in DATETIME_STYLES],
    "datetime styles, offset only": lambda lang: [format_datetime(OFFSET_ONLY, lang, style)
                                                  for style in DATETIME_STYLES],
    "date styles weekday weekday-date": lambda lang: [format_partial_date(THURSDAY, lang, unknown="?", style=style)
                                                      for style in DAY_STYLES],
    "number": lambda lang: format_number(Decimal("1234567.5"), lang),
    "counts 0 1 2 5 12 13 35 1000": lambda lang: [format_count(n, lang) for n in (0, 1, 2, 5, 12, 13, 35, 1000)],
    "percentage": lambda lang: format_percentage(Decimal("12.5"), lang),
    "quantities": lambda lang: [format_quantity(Decimal("12.5"), "length-kilometer", lang),
                                format_quantity(1, "length-kilometer", lang), format_quantity(5, "mass-tonne", lang)],
    "money EUR long compact full": lambda lang: [format_money(AID.money, "EUR", lang, style)
                                                 for style in ("long", "compact", "full")],
    "money USD long": lambda lang: [format_money(amount, "USD", lang)
                                    for amount in (2_000_000_000, 12_500_000, 1500, Decimal("1500.5"))],
    "durations": lambda lang: [format_duration(DurationValue(duration=d), lang)
                               for d in ("P2Y", "P4Y", "P5Y", "P22Y", "P25Y", "P18M")],
    "durations, several parts": lambda lang: [format_duration(DurationValue(duration=d), lang)
                                              for d in ("P1Y6M", "P2W3DT36H")],
    "duration, number style": lambda lang: format_duration(DurationValue(duration="P4Y"), lang, "number"),
    "list": lambda lang: format_list(["Macron", "Selenskyj", "Starmer"], lang),
    "list, or": lambda lang: format_list(("Paris", "London"), lang, "or"),
    "plural categories 1 2 5 22 25 1.5": lambda lang: [plural_category(n, lang)
                                                      for n in (1, 2, 5, 22, 25, Decimal("1.5"))],
    "format_value, every kind": lambda lang: [format_value(v, lang, unknown_date="?") for v in VALUES.values()],
}
"""Every formatting case whose output is CLDR's; the golden file holds each in each language."""


def render_cases() -> str:
    lines = []
    for name, case in CASES.items():
        for code, lang in LANGUAGES.items():
            result = case(lang)
            shown = " | ".join(result) if isinstance(result, list) else str(result)
            for char, mark in INVISIBLE.items():
                shown = shown.replace(char, mark)
            lines.append(f"{name} [{code}]: {shown}")
    return "\n".join(lines) + "\n"


def test_cldr_formatting_matches_the_golden_file(check_golden: Callable[[Path, str], None]) -> None:
    check_golden(GOLDEN, render_cases())


# our own logic, against Babel


def lang_params() -> list:
    return [pytest.param(lang, id=code) for code, lang in LANGUAGES.items()]


@pytest.mark.parametrize("lang", lang_params())
def test_day_precise_dates_take_babels_long_form(lang: LanguageConfig) -> None:
    want = format_date(dt.date(2026, 1, 6), "long", locale=lang.locale)
    assert format_partial_date(PartialDate(year=2026, month=1, day=6), lang, unknown="?") == want


@pytest.mark.parametrize("lang", lang_params())
def test_year_only_dates_show_the_year(lang: LanguageConfig) -> None:
    assert format_partial_date(PartialDate(year=2026), lang, unknown="?") == "2026"


@pytest.mark.parametrize(("lang", "want"), [pytest.param(LANGUAGES[c], w, id=c) for c, w in UNKNOWN.items()])
def test_unknown_dates_take_the_callers_wording(lang: LanguageConfig, want: str) -> None:
    assert format_partial_date(PartialDate(), lang, unknown=want) == want


@pytest.mark.parametrize("lang", lang_params())
def test_a_date_range_keeps_both_ends_and_shares_the_year(lang: LanguageConfig) -> None:
    days = format_date_range(dt.date(2026, 1, 6), dt.date(2026, 1, 8), lang)
    assert "6" in days and "8" in days and days.count("2026") == 1
    years = format_date_range(dt.date(2025, 12, 30), dt.date(2026, 1, 2), lang)
    assert "2025" in years and "2026" in years


def test_a_one_day_range_is_a_date_and_a_backward_range_an_error() -> None:
    de = LANGUAGES["de"]
    assert format_date_range(dt.date(2026, 1, 6), dt.date(2026, 1, 6), de) == format_date(
        dt.date(2026, 1, 6), "long", locale=de.locale)
    with pytest.raises(ValueError, match="before it starts"):
        format_date_range(dt.date(2026, 1, 8), dt.date(2026, 1, 6), de)


@pytest.mark.parametrize("lang", lang_params())
def test_moments_show_the_clock_of_their_zone(lang: LanguageConfig) -> None:
    assert "09:00" in format_datetime(PARIS, lang)
    assert "09:00" in format_datetime(SUMMER, lang)  # 07:00 UTC is 09:00 in Berlin in summer
    assert format_datetime(PARIS, lang) != format_datetime(OFFSET_ONLY, lang)  # a zone name, not only an offset


@pytest.mark.parametrize("lang", lang_params())
def test_a_time_is_cldrs_hours_and_minutes_on_the_clock_of_its_zone(lang: LanguageConfig) -> None:
    from_utc = DateTimeValue(datetime="2025-12-17T14:05:00Z", zone="Europe/Berlin")
    assert format_time(from_utc, lang) == format_time(SPEECH, lang)
    pattern = lang.locale.datetime_skeletons["Hm"].pattern
    assert format_time(SPEECH, lang).startswith(babel_format_datetime(SPEECH.local(), pattern, locale=lang.locale))


def test_german_times_take_uhr_from_cldrs_hour_pattern_and_english_ones_nothing() -> None:
    de, en = LANGUAGES["de"], LANGUAGES["en"]
    assert de.locale.datetime_skeletons["H"].pattern.endswith(" 'Uhr'")  # the CLDR data the word comes from
    assert (format_time(SPEECH, de), format_time(SPEECH, en)) == ("15:05 Uhr", "15:05")
    assert format_datetime(SPEECH, de) == "17. Dezember 2025, 15:05 MEZ"  # the long form keeps CLDR's pattern


@pytest.mark.parametrize(("locale", "want"), [
    ("en_US", "3:05 PM"), ("bg_BG", "15:05 ч."), ("ja_JP", "15:05"), ("zh_Hans_CN", "15:05"),
    ("lb_LU", "15:05 Auer"),
])
def test_only_a_word_apart_from_the_hour_follows_the_minutes(locale: str, want: str) -> None:
    """Bulgarian keeps its word in CLDR's own `Hm`; Japanese and Chinese join their hour unit to the hour."""
    assert format_time(SPEECH, language(locale, "“”‘’")) == want


def test_the_weekday_is_that_of_the_day_on_the_clock_of_the_zone() -> None:
    late = DateTimeValue(datetime="2025-12-17T23:30:00Z", zone="Europe/Berlin")  # Wednesday in UTC
    assert [format_datetime(late, LANGUAGES[code], "weekday") for code in ("de", "en")] == ["Donnerstag", "Thursday"]
    assert format_datetime(late, LANGUAGES["en"], "date") == "18 December 2025"


@pytest.mark.parametrize("lang", lang_params())
def test_day_styles_are_cldrs_day_name_and_full_date(lang: LanguageConfig) -> None:
    day = dt.date(2025, 12, 18)
    assert format_day(day, lang, "weekday") == get_day_names("wide", "format", locale=lang.locale)[3]
    assert format_day(day, lang, "weekday-date") == format_date(day, "full", locale=lang.locale)
    assert format_day(day, lang) == format_date(day, "long", locale=lang.locale)


@pytest.mark.parametrize(("date", "known"), [
    (PartialDate(year=2025, month=12), "2025-12 gives only the month"),
    (PartialDate(year=2025), "2025 gives only the year"),
    (PartialDate(), "the date is unknown"),
])
@pytest.mark.parametrize("style", DAY_STYLES)
def test_a_day_style_of_a_date_without_a_day_is_an_error_that_says_what_to_write(date: PartialDate, known: str,
                                                                                  style: str) -> None:
    with pytest.raises(ValueError) as refused:
        format_value(DateValue(date=date.iso()), LANGUAGES["de"], style, unknown_date="unbekannt")
    assert str(refused.value) == (f"style {style!r} needs a date known to the day, and {known}; give the day "
                                  "(YYYY-MM-DD) or drop the style")


def test_iso_forms_are_machine_readable_and_none_when_unknown() -> None:
    assert [iso_date(PartialDate(year=2026, month=1, day=6)), iso_date(PartialDate(year=2026)),
            iso_date(PartialDate())] == ["2026-01-06", "2026", None]
    assert iso_datetime(PARIS) == "2026-01-07T09:00:00+01:00"
    assert iso_datetime(OFFSET_ONLY) == "2026-01-07T09:00:00+01:00"


@pytest.mark.parametrize("lang", lang_params())
def test_numbers_are_babels_decimals(lang: LanguageConfig) -> None:
    assert format_number(Decimal("1234567.5"), lang) == format_decimal(Decimal("1234567.5"), locale=lang.locale)


@pytest.mark.parametrize("lang", lang_params())
def test_counts_up_to_twelve_are_spelled_out_and_larger_ones_are_babels_decimals(lang: LanguageConfig) -> None:
    small = [format_count(n, lang) for n in range(13)]
    assert all(word.isalpha() or "'" in word for word in small), small
    for n in (13, 35, 1000):
        assert format_count(n, lang) == format_decimal(n, locale=lang.locale)


def test_counts_keep_digits_in_a_language_num2words_does_not_know() -> None:
    assert format_count(2, language("ga_IE", "“”‘’")) == "2"


@pytest.mark.parametrize("lang", lang_params())
def test_money_styles_differ_and_each_names_the_amount(lang: LanguageConfig) -> None:
    styles = [format_money(AID.money, "EUR", lang, style) for style in ("long", "compact", "full")]
    assert len(set(styles)) == 3
    assert all("90" in text for text in styles)


def test_an_unknown_money_style_is_an_error() -> None:
    with pytest.raises(ValueError, match="use one of long, compact, full"):
        format_money(1, "EUR", LANGUAGES["de"], "short")  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", lang_params())
def test_the_number_style_gives_only_the_number(lang: LanguageConfig) -> None:
    number = format_duration(DurationValue(duration="P4Y"), lang, "number")
    assert number == format_count(4, lang)
    assert format_duration(DurationValue(duration="P4Y"), lang).startswith(number)


def test_the_number_style_needs_a_single_component_and_other_styles_do_not_exist() -> None:
    with pytest.raises(ValueError, match="one component"):
        format_duration(DurationValue(duration="P1Y6M"), LANGUAGES["de"], "number")
    with pytest.raises(ValueError, match="use one of number"):
        format_duration(DurationValue(duration="P1Y"), LANGUAGES["de"], "long")  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", lang_params())
@pytest.mark.parametrize("unit", CLDR_UNITS.values())
def test_duration_patterns_agree_with_babels_format_unit_for_digits(lang: LanguageConfig, unit: str) -> None:
    for n in (13, 22, 25, 101):
        assert format_duration(DurationValue(duration=_iso(unit, n)), lang) == format_unit(n, unit, locale=lang.locale)


def _iso(unit: str, n: int) -> str:
    designator = {"year": "Y", "month": "M", "week": "W", "day": "D"}.get(unit.removeprefix("duration-"))
    return f"P{n}{designator}" if designator else f"PT{n}{unit.removeprefix('duration-')[0].upper()}"


@pytest.mark.parametrize("lang", lang_params())
def test_a_list_of_one_is_the_name_itself(lang: LanguageConfig) -> None:
    assert format_list(["Macron"], lang) == "Macron"
    assert format_list(["Macron", "Starmer"], lang) != format_list(["Macron", "Starmer"], lang, "or")


def test_list_styles_babel_cannot_serve_are_refused() -> None:
    with pytest.raises(ValueError, match="use one of standard, or"):
        format_list(["a", "b", "c"], LANGUAGES["de"], "unit")  # type: ignore[arg-type]


@pytest.mark.parametrize(("lang", "want"), [
    pytest.param(LANGUAGES["de"], ("„Frieden“", "‚Frieden‘"), id="de"),
    pytest.param(LANGUAGES["en"], ("“Frieden”", "‘Frieden’"), id="en"),
    pytest.param(LANGUAGES["uk"], ("«Frieden»", "„Frieden“"), id="uk"),
    pytest.param(LANGUAGES["pl"], ("„Frieden”", "«Frieden»"), id="pl"),
])
def test_quotes_use_the_configured_marks(lang: LanguageConfig, want: tuple[str, str]) -> None:
    assert (quote("Frieden", lang), quote("Frieden", lang, nested=True)) == want


def test_every_value_kind_has_a_formatter() -> None:
    assert set(FORMATTERS) == set(VALUES)


@pytest.mark.parametrize("lang", lang_params())
def test_format_value_dispatches_to_the_formatter_of_each_kind(lang: LanguageConfig) -> None:
    assert format_value(AID, lang, unknown_date="?") == format_money(AID.money, "EUR", lang)
    assert format_value(PARIS, lang, unknown_date="?") == format_datetime(PARIS, lang)
    assert format_value(CountValue(count=35), lang, unknown_date="?") == format_count(35, lang)


@pytest.mark.parametrize("style", ["long", "compact", "full"])
def test_format_value_passes_money_styles(style: str) -> None:
    en = LANGUAGES["en"]
    assert format_value(AID, en, style, unknown_date="?") == format_money(AID.money, "EUR", en, style)


def test_format_value_passes_the_unknown_wording_and_duration_styles() -> None:
    en = LANGUAGES["en"]
    assert format_value(DateValue(date="unknown"), en, unknown_date="date unknown") == "date unknown"
    assert format_value(DurationValue(duration="P4Y"), en, "number", unknown_date="?") == format_count(4, en)


@pytest.mark.parametrize(("value", "style", "message"), [
    (AID, "short", "no money style 'short'; use one of: long, compact, full, magnitude"),
    (DurationValue(duration="P2Y"), "long", "no duration style 'long'; use one of: number"),
    (CountValue(count=35), "number", "a count takes no style, not 'number'"),
    (DateValue(date="2026-01-06"), "long", "no date style 'long'; use one of: weekday, weekday-date"),
    (PercentageValue(percentage=5), "compact", "a percentage takes no style, not 'compact'"),
    ({"money": 1, "currency": "EUR"}, None, "not a typed value"),
    ("35", None, "not a typed value"),  # a str has .count, which value_kind() takes for a count
    (["a"], None, "not a typed value"),
])
def test_format_value_names_the_allowed_styles(value: object, style: str | None, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        format_value(value, LANGUAGES["de"], style, unknown_date="unbekannt")
