"""The formatting layer in four locales, so nothing is wired to German and English.

Expected strings are exact, with CLDR's no-break spaces written out:
NBSP is U+00A0, NNBSP U+202F, THIN U+2009.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from babel.units import format_unit

from generator.config import LanguageConfig
from generator.i18n import language
from generator.i18n.dates import format_date_range, format_datetime, format_partial_date, iso_date, iso_datetime
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

NBSP, NNBSP, THIN = "\u00a0", "\u202f", "\u2009"

LANGUAGES = {
    "de": language("de_DE", "„“‚‘"),
    "en": language("en_GB", "“”‘’"),
    "uk": language("uk_UA", "«»„“"),
    "pl": language("pl_PL", "„”«»"),
}
UNKNOWN = {"de": "unbekannt", "en": "unknown", "uk": "невідомо", "pl": "nieznana"}

PARIS = DateTimeValue(datetime="2026-01-07T09:00:00+01:00", zone="Europe/Berlin")
AID = MoneyValue(money=90_000_000_000, currency="EUR")


def table(expected: dict[str, object]) -> list:
    """Parametrize over languages: `(LanguageConfig, expected)`, with the language code as the test id."""
    return [pytest.param(LANGUAGES[code], want, id=code) for code, want in expected.items()]


def test_language_builds_a_config_from_a_locale_and_four_marks() -> None:
    pl = LANGUAGES["pl"]
    assert (pl.code, str(pl.locale), pl.quotes) == ("pl", "pl_PL", ("„", "”", "«", "»"))
    with pytest.raises(ValueError, match="four quotation marks"):
        language("de_DE", "„“")


# dates


@pytest.mark.parametrize(("lang", "want"), table({
    "de": "6. Januar 2026", "en": "6 January 2026", "uk": f"6 січня 2026{NNBSP}р.", "pl": "6 stycznia 2026",
}))
def test_day_precise_dates_take_the_long_form(lang: LanguageConfig, want: str) -> None:
    assert format_partial_date(PartialDate(year=2026, month=1, day=6), lang, unknown="?") == want


@pytest.mark.parametrize(("lang", "want"), table({
    "de": "Januar 2026", "en": "January 2026", "uk": f"січень 2026{NNBSP}р.", "pl": "styczeń 2026",
}))
def test_month_only_dates_use_the_standalone_month(lang: LanguageConfig, want: str) -> None:
    assert format_partial_date(PartialDate(year=2026, month=1), lang, unknown="?") == want


@pytest.mark.parametrize(("lang", "want"), table({"de": "2026", "en": "2026", "uk": "2026", "pl": "2026"}))
def test_year_only_dates_show_the_year(lang: LanguageConfig, want: str) -> None:
    assert format_partial_date(PartialDate(year=2026), lang, unknown="?") == want


@pytest.mark.parametrize(("lang", "want"), table(UNKNOWN))
def test_unknown_dates_take_the_callers_wording(lang: LanguageConfig, want: str) -> None:
    assert format_partial_date(PartialDate(), lang, unknown=want) == want


@pytest.mark.parametrize(("lang", "days", "months", "years"), [
    pytest.param(LANGUAGES["de"], "6.–8. Januar 2026", f"30. Januar{THIN}–{THIN}2. Februar 2026",
                 f"30. Dezember 2025{THIN}–{THIN}2. Januar 2026", id="de"),
    pytest.param(LANGUAGES["en"], "6–8 January 2026", f"30 January{THIN}–{THIN}2 February 2026",
                 f"30 December 2025{THIN}–{THIN}2 January 2026", id="en"),
    pytest.param(LANGUAGES["uk"], f"6–8 січня 2026{NNBSP}р.", f"30 січня – 2 лютого 2026{NNBSP}р.",
                 f"30 грудня 2025 – 2 січня 2026{NNBSP}рр.", id="uk"),
    pytest.param(LANGUAGES["pl"], "6–8 stycznia 2026", f"30 stycznia{THIN}–{THIN}2 lutego 2026",
                 f"30 grudnia 2025{THIN}–{THIN}2 stycznia 2026", id="pl"),
])
def test_date_ranges_share_what_both_ends_share_with_the_month_in_full(
    lang: LanguageConfig, days: str, months: str, years: str
) -> None:
    assert format_date_range(dt.date(2026, 1, 6), dt.date(2026, 1, 8), lang) == days
    assert format_date_range(dt.date(2026, 1, 30), dt.date(2026, 2, 2), lang) == months
    assert format_date_range(dt.date(2025, 12, 30), dt.date(2026, 1, 2), lang) == years


def test_a_one_day_range_is_a_date_and_a_backward_range_an_error() -> None:
    assert format_date_range(dt.date(2026, 1, 6), dt.date(2026, 1, 6), LANGUAGES["de"]) == "6. Januar 2026"
    with pytest.raises(ValueError, match="before it starts"):
        format_date_range(dt.date(2026, 1, 8), dt.date(2026, 1, 6), LANGUAGES["de"])


@pytest.mark.parametrize(("lang", "zoned", "summer", "offset"), [
    pytest.param(LANGUAGES["de"], "7. Januar 2026, 09:00 MEZ", "7. Juli 2026, 09:00 MESZ",
                 "7. Januar 2026, 09:00 GMT+01:00", id="de"),
    pytest.param(LANGUAGES["en"], "7 January 2026, 09:00 CET", "7 July 2026, 09:00 CEST",
                 "7 January 2026, 09:00 GMT+01:00", id="en"),
    pytest.param(LANGUAGES["uk"], f"7 січня 2026{NNBSP}р., 09:00 +0100", f"7 липня 2026{NNBSP}р., 09:00 +0200",
                 f"7 січня 2026{NNBSP}р., 09:00 GMT+01:00", id="uk"),
    pytest.param(LANGUAGES["pl"], "7 stycznia 2026 09:00 CET", "7 lipca 2026 09:00 CEST",
                 "7 stycznia 2026 09:00 GMT+01:00", id="pl"),
])
def test_moments_show_the_clock_of_their_zone_or_their_offset(
    lang: LanguageConfig, zoned: str, summer: str, offset: str
) -> None:
    assert format_datetime(PARIS, lang) == zoned
    assert format_datetime(DateTimeValue(datetime="2026-07-07T07:00:00Z", zone="Europe/Berlin"), lang) == summer
    assert format_datetime(DateTimeValue(datetime="2026-01-07T09:00:00+01:00"), lang) == offset


def test_iso_forms_are_machine_readable_and_none_when_unknown() -> None:
    assert [iso_date(PartialDate(year=2026, month=1, day=6)), iso_date(PartialDate(year=2026)),
            iso_date(PartialDate())] == ["2026-01-06", "2026", None]
    assert iso_datetime(PARIS) == "2026-01-07T09:00:00+01:00"
    assert iso_datetime(DateTimeValue(datetime="2026-01-07T09:00:00+01:00")) == "2026-01-07T09:00:00+01:00"


# numbers


@pytest.mark.parametrize(("lang", "want"), table({
    "de": "1.234.567,5", "en": "1,234,567.5", "uk": f"1{NBSP}234{NBSP}567,5", "pl": f"1{NBSP}234{NBSP}567,5",
}))
def test_numbers_take_the_locales_separators(lang: LanguageConfig, want: str) -> None:
    assert format_number(Decimal("1234567.5"), lang) == want


@pytest.mark.parametrize(("lang", "want"), table({
    "de": ["null", "eins", "zwei", "fünf", "zwölf", "13", "35", "1.000"],
    "en": ["zero", "one", "two", "five", "twelve", "13", "35", "1,000"],
    "uk": ["нуль", "один", "два", "п'ять", "дванадцять", "13", "35", f"1{NBSP}000"],
    "pl": ["zero", "jeden", "dwa", "pięć", "dwanaście", "13", "35", f"1{NBSP}000"],
}))
def test_counts_up_to_twelve_are_spelled_out_and_larger_ones_grouped(lang: LanguageConfig, want: list[str]) -> None:
    assert [format_count(n, lang) for n in (0, 1, 2, 5, 12, 13, 35, 1000)] == want


def test_counts_keep_digits_in_a_language_num2words_does_not_know() -> None:
    assert format_count(2, language("ga_IE", "“”‘’")) == "2"


@pytest.mark.parametrize(("lang", "want"), table({
    "de": f"12,5{NBSP}%", "en": "12.5%", "uk": "12,5%", "pl": "12,5%",
}))
def test_percentages_are_given_in_percent(lang: LanguageConfig, want: str) -> None:
    assert format_percentage(Decimal("12.5"), lang) == want


@pytest.mark.parametrize(("lang", "want"), table({
    "de": ["12,5 Kilometer", "1 Kilometer", f"5{NBSP}Tonnen"],
    "en": ["12.5 kilometres", "1 kilometre", "5 tonnes"],
    "uk": ["12,5 кілометра", "1 кілометр", "5 метричних тонн"],
    "pl": ["12,5 kilometra", "1 kilometr", "5 ton"],
}))
def test_quantities_take_the_long_unit_in_its_plural_form(lang: LanguageConfig, want: list[str]) -> None:
    got = [format_quantity(Decimal("12.5"), "length-kilometer", lang), format_quantity(1, "length-kilometer", lang),
           format_quantity(5, "mass-tonne", lang)]
    assert got == want


@pytest.mark.parametrize(("lang", "want"), table({
    "de": ["90 Milliarden Euro", f"90{NBSP}Mrd.{NBSP}€", f"90.000.000.000,00{NBSP}€"],
    "en": ["€90 billion", "€90B", "€90,000,000,000.00"],
    "uk": ["90 мільярдів євро", f"90{NBSP}млрд{NBSP}EUR", f"90{NBSP}000{NBSP}000{NBSP}000,00{NBSP}EUR"],
    "pl": ["90 miliardów euro", f"90{NBSP}mld{NBSP}€", f"90{NBSP}000{NBSP}000{NBSP}000,00{NBSP}€"],
}))
def test_money_in_long_compact_and_full_style(lang: LanguageConfig, want: list[str]) -> None:
    assert [format_money(AID.money, "EUR", lang, style) for style in ("long", "compact", "full")] == want


@pytest.mark.parametrize(("lang", "want"), table({
    "de": ["2 Milliarden US-Dollar", "12,5 Millionen US-Dollar", "1.500 US-Dollar", "1.500,50 US-Dollar"],
    "en": ["US$2 billion", "US$12.5 million", "US$1,500", "US$1,500.50"],
    "uk": ["2 мільярди доларів США", "12,5 мільйона доларів США", f"1{NBSP}500 доларів США",
           f"1{NBSP}500,50 долара США"],
    "pl": ["2 miliardy dolarów amerykańskich", "12,5 miliona dolarów amerykańskich",
           f"1{NBSP}500 dolarów amerykańskich", f"1{NBSP}500,50 dolara amerykańskiego"],
}))
def test_long_money_names_the_currency_in_the_form_the_amount_needs(lang: LanguageConfig, want: list[str]) -> None:
    amounts = (2_000_000_000, 12_500_000, 1500, Decimal("1500.5"))
    assert [format_money(amount, "USD", lang) for amount in amounts] == want


def test_an_unknown_money_style_is_an_error() -> None:
    with pytest.raises(ValueError, match="use one of long, compact, full"):
        format_money(1, "EUR", LANGUAGES["de"], "short")  # type: ignore[arg-type]


# durations


@pytest.mark.parametrize(("lang", "want"), table({
    "de": ["zwei Jahre", "vier Jahre", "fünf Jahre", "22 Jahre", "25 Jahre", "18 Monate"],
    "en": ["two years", "four years", "five years", "22 years", "25 years", "18 months"],
    "uk": ["два роки", "чотири роки", "п'ять років", "22 роки", "25 років", "18 місяців"],
    "pl": ["dwa lata", "cztery lata", "pięć lat", "22 lata", "25 lat", "18 miesięcy"],
}))
def test_durations_use_the_cldr_unit_in_the_numbers_plural_form(lang: LanguageConfig, want: list[str]) -> None:
    durations = ("P2Y", "P4Y", "P5Y", "P22Y", "P25Y", "P18M")
    assert [format_duration(DurationValue(duration=d), lang) for d in durations] == want


@pytest.mark.parametrize(("lang", "want"), table({
    "de": ["1 Jahr und sechs Monate", "zwei Wochen, drei Tage und 36 Stunden"],
    "en": ["1 year and six months", "two weeks, three days and 36 hours"],
    "uk": ["1 рік і шість місяців", "два тижні, три дні і 36 годин"],
    "pl": ["1 rok i sześć miesięcy", "dwa tygodnie, trzy dni i 36 godzin"],
}))
def test_several_components_form_a_list_and_one_keeps_its_digit(lang: LanguageConfig, want: list[str]) -> None:
    assert [format_duration(DurationValue(duration=d), lang) for d in ("P1Y6M", "P2W3DT36H")] == want


@pytest.mark.parametrize(("lang", "want"), table({"de": "vier", "en": "four", "uk": "чотири", "pl": "cztery"}))
def test_the_number_style_gives_only_the_number(lang: LanguageConfig, want: str) -> None:
    assert format_duration(DurationValue(duration="P4Y"), lang, "number") == want


def test_the_number_style_needs_a_single_component_and_other_styles_do_not_exist() -> None:
    with pytest.raises(ValueError, match="one component"):
        format_duration(DurationValue(duration="P1Y6M"), LANGUAGES["de"], "number")
    with pytest.raises(ValueError, match="use one of number"):
        format_duration(DurationValue(duration="P1Y"), LANGUAGES["de"], "long")  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", [pytest.param(lang, id=code) for code, lang in LANGUAGES.items()])
@pytest.mark.parametrize("unit", CLDR_UNITS.values())
def test_duration_patterns_agree_with_babels_format_unit_for_digits(lang: LanguageConfig, unit: str) -> None:
    for n in (13, 22, 25, 101):
        assert format_duration(DurationValue(duration=_iso(unit, n)), lang) == format_unit(n, unit, locale=lang.locale)


def _iso(unit: str, n: int) -> str:
    designator = {"year": "Y", "month": "M", "week": "W", "day": "D"}.get(unit.removeprefix("duration-"))
    return f"P{n}{designator}" if designator else f"PT{n}{unit.removeprefix('duration-')[0].upper()}"


# lists, quotes, plurals


@pytest.mark.parametrize(("lang", "names", "want"), [
    pytest.param(LANGUAGES["de"], ["Macron", "Selenskyj", "Starmer"], "Macron, Selenskyj und Starmer", id="de"),
    pytest.param(LANGUAGES["en"], ["Macron", "Zelensky", "Starmer"], "Macron, Zelensky and Starmer", id="en"),
    pytest.param(LANGUAGES["uk"], ["Макрон", "Зеленський", "Стармер"], "Макрон, Зеленський і Стармер", id="uk"),
    pytest.param(LANGUAGES["pl"], ["Macron", "Zełenski", "Starmer"], "Macron, Zełenski i Starmer", id="pl"),
])
def test_lists_join_with_the_locales_conjunction(lang: LanguageConfig, names: list[str], want: str) -> None:
    assert format_list(names, lang) == want
    assert format_list(names[:1], lang) == names[0]


@pytest.mark.parametrize(("lang", "want"), table({
    "de": "Paris oder London", "en": "Paris or London", "uk": "Paris або London", "pl": "Paris lub London",
}))
def test_or_lists(lang: LanguageConfig, want: str) -> None:
    assert format_list(("Paris", "London"), lang, "or") == want


def test_list_styles_babel_cannot_serve_are_refused() -> None:
    with pytest.raises(ValueError, match="use one of standard, or"):
        format_list(["a", "b", "c"], LANGUAGES["de"], "unit")  # type: ignore[arg-type]


@pytest.mark.parametrize(("lang", "want"), table({
    "de": ("„Frieden“", "‚Frieden‘"), "en": ("“Frieden”", "‘Frieden’"),
    "uk": ("«Frieden»", "„Frieden“"), "pl": ("„Frieden”", "«Frieden»"),
}))
def test_quotes_use_the_configured_marks(lang: LanguageConfig, want: tuple[str, str]) -> None:
    assert (quote("Frieden", lang), quote("Frieden", lang, nested=True)) == want


@pytest.mark.parametrize(("lang", "want"), table({
    "de": ["one", "other", "other", "other", "other", "other"],
    "en": ["one", "other", "other", "other", "other", "other"],
    "uk": ["one", "few", "many", "few", "many", "other"],
    "pl": ["one", "few", "many", "few", "many", "other"],
}))
def test_plural_categories_follow_the_locales_rules(lang: LanguageConfig, want: list[str]) -> None:
    assert [plural_category(n, lang) for n in (1, 2, 5, 22, 25, Decimal("1.5"))] == want


# format_value


VALUES = {
    "date": DateValue(date="2026-01-06"),
    "datetime": PARIS,
    "money": AID,
    "count": CountValue(count=35),
    "quantity": QuantityValue(quantity=Decimal("12.5"), unit="length-kilometer"),
    "duration": DurationValue(duration="P2Y"),
    "percentage": PercentageValue(percentage=Decimal("12.5")),
}


def test_every_value_kind_has_a_formatter() -> None:
    assert set(FORMATTERS) == set(VALUES)


@pytest.mark.parametrize(("lang", "want"), table({
    "de": ["6. Januar 2026", "7. Januar 2026, 09:00 MEZ", "90 Milliarden Euro", "35", "12,5 Kilometer",
           "zwei Jahre", f"12,5{NBSP}%"],
    "en": ["6 January 2026", "7 January 2026, 09:00 CET", "€90 billion", "35", "12.5 kilometres", "two years",
           "12.5%"],
    "uk": [f"6 січня 2026{NNBSP}р.", f"7 січня 2026{NNBSP}р., 09:00 +0100", "90 мільярдів євро", "35",
           "12,5 кілометра", "два роки", "12,5%"],
    "pl": ["6 stycznia 2026", "7 stycznia 2026 09:00 CET", "90 miliardów euro", "35", "12,5 kilometra",
           "dwa lata", "12,5%"],
}))
def test_format_value_dispatches_every_kind(lang: LanguageConfig, want: list[str]) -> None:
    assert [format_value(value, lang, unknown_date="?") for value in VALUES.values()] == want


@pytest.mark.parametrize(("value", "style", "want"), [
    (AID, "compact", "€90B"),
    (AID, "full", "€90,000,000,000.00"),
    (AID, "long", "€90 billion"),
    (DurationValue(duration="P4Y"), "number", "four"),
    (DateValue(date="unknown"), None, "date unknown"),
    (DateValue(date="2026-01"), None, "January 2026"),
])
def test_format_value_passes_styles_and_the_unknown_wording(value: object, style: str | None, want: str) -> None:
    assert format_value(value, LANGUAGES["en"], style, unknown_date="date unknown") == want


@pytest.mark.parametrize(("value", "style", "message"), [
    (AID, "short", "no money style 'short'; use one of: long, compact, full"),
    (DurationValue(duration="P2Y"), "long", "no duration style 'long'; use one of: number"),
    (CountValue(count=35), "number", "a count takes no style, not 'number'"),
    (DateValue(date="2026-01-06"), "long", "a date takes no style, not 'long'"),
    ({"money": 1, "currency": "EUR"}, None, "not a typed value"),
    ("35", None, "not a typed value"),  # a str has .count, which value_kind() takes for a count
    (["a"], None, "not a typed value"),
])
def test_format_value_names_the_allowed_styles(value: object, style: str | None, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        format_value(value, LANGUAGES["de"], style, unknown_date="unbekannt")
