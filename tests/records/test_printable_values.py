"""What validates, builds: every typed value the models accept formats in every locale, in every style.

Two halves. The records that used to pass `briefing validate` and then stop
the build with a traceback are now refused with file, line and field. And a
property test per kind of value: whatever the models accept formats in
German, British English, French and Polish, in the default style and each
style the kind offers, so validation and formatting cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any, get_args
from zoneinfo import available_timezones

import pytest
from babel import Locale
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from generator.checks import run_checks
from generator.i18n import language
from generator.i18n.dates import format_partial_date, iso_datetime
from generator.i18n.format import FORMATTERS, format_value
from generator.records.load import load_records
from generator.records.values import (
    COUNT_WORDS,
    MAX_DECIMALS,
    MAX_NUMBER,
    DateTimeValue,
    DurationValue,
    PartialDate,
    Qualifier,
    TypedValue,
    value_kind,
)

LANGUAGES = ("de", "en")
LOCALES = tuple(language(name, "\"\"''") for name in ("de_DE", "en_GB", "fr_FR", "pl_PL"))
TYPED = TypeAdapter(TypedValue)

SOURCE = "title: {de: Quelle, en: Source}\nlanguage: de\n"


def fact_with(value: str) -> str:
    """A fact whose one value `x` is written as `value` on line 7, column 6."""
    return f'kind: context\ntext:\n  de: "{{x}}"\n  en: "{{x}}"\nsources: [report]\nvalues:\n  x: {value}\n'


@pytest.fixture
def refused(write_content: Callable[[dict[str, str | bytes]], Path]) -> Callable[[str], list[str]]:
    """The errors `briefing validate` reports for a fact with one value, as `line:column: field: message`."""

    def run(value: str) -> list[str]:
        folder = write_content({"sources/report.yaml": SOURCE, "facts/f.yaml": fact_with(value)})
        records, problems = load_records(folder, LANGUAGES)
        errors = [p for p in problems + run_checks(records, LANGUAGES) if p.severity == "error"]
        assert len(records) == (1 if errors else 2)
        return [str(p).split("f.yaml:", 1)[1] for p in errors if p.path.name == "f.yaml"]

    return run


# --- records that used to validate and then crash the build ------------------------------------------------------

_TOO_LARGE = "must be below 10^15 (a thousand trillion), the largest magnitude every language has a word for"


@pytest.mark.parametrize(("value", "expected"), [
    ('{datetime: "9999-12-31T23:30:00-01:00", zone: Europe/Berlin}',
     "7:17: values.x.datetime: falls after 31 December 9999 in UTC, outside the years 1–9999 a date can show; "
     "check the year and the offset (got '9999-12-31T23:30:00-01:00')"),
    ('{datetime: "9999-12-31T23:30:00+00:00", zone: Europe/Berlin}',
     "7:17: values.x.datetime: falls after 31 December 9999 on the clock of Europe/Berlin, outside the years "
     "1–9999 a date can show; check the year and the offset (got '9999-12-31T23:30:00+00:00')"),
    ('{datetime: "0001-01-01T00:30:00+01:00", zone: America/New_York}',
     "7:17: values.x.datetime: falls before 1 January 0001 in UTC"),
    ('{datetime: "0001-01-01T03:00:00+00:00", zone: America/New_York}',
     "7:17: values.x.datetime: falls before 1 January 0001 on the clock of America/New_York"),
    ("{datetime: 9999-12-31T23:30:00-01:00}", "7:17: values.x.datetime: falls after 31 December 9999 in UTC"),
    ('{date: "0000"}', "7:13: values.x.date: no year 0 in 0000: the calendar goes from 1 BC straight to AD 1, "
                       "so years run from 0001 to 9999 (got '0000')"),
    ("{date: 0000-01}", "7:13: values.x.date: no year 0 in 0000-01"),
    ("{money: 1e300, currency: EUR}",
     f"7:14: values.x.money: {_TOO_LARGE}; check the digits, or restate the sum in another currency (got 1e+300)"),
    ("{money: 1000000000000000000000000000000, currency: EUR}",
     f"7:14: values.x.money: {_TOO_LARGE}; check the digits, or restate the sum in another currency "
     "(got 1000000000000000000000000000000)"),
    ("{money: 1000000000000000, currency: EUR}", f"7:14: values.x.money: {_TOO_LARGE}"),
    ("{money: 1e-300, currency: EUR}", "7:14: values.x.money: must have at most 6 decimal places; round it "
                                       "(got 1e-300)"),
    ("{count: 1000000000000000000000000000000}", f"7:14: values.x.count: {_TOO_LARGE}; check the digits (got "),
    ("{quantity: -1e300, unit: length-kilometer}",
     f"7:17: values.x.quantity: {_TOO_LARGE}; check the digits, or give it in a larger unit (got -1e+300)"),
    ("{quantity: 0.0000001, unit: length-kilometer}",
     "7:17: values.x.quantity: must have at most 6 decimal places; round it, or give it in a smaller unit"),
    ("{percentage: 1e300}", f"7:19: values.x.percentage: {_TOO_LARGE}; check the digits (got 1e+300)"),
    ('{percentage: "-1E-400"}', "7:19: values.x.percentage: must have at most 6 decimal places; round it"),
    ("{duration: PT99999999999999999999S}",
     "7:17: values.x.duration: the seconds must be below 10^15 (a thousand trillion); check the digits, or count "
     "in a larger unit (got 'PT99999999999999999999S')"),
    ("{duration: P" + "9" * 5000 + "Y}",  # int() of it would raise: Python refuses 4,300 digits
     "7:17: values.x.duration: the years must be below 10^15 (a thousand trillion); check the digits (got 'P999"),
])
def test_a_value_the_build_cannot_print_is_refused_at_its_field(refused: Callable[[str], list[str]], value: str,
                                                                 expected: str) -> None:
    [problem] = refused(value)
    assert problem.startswith(expected)


@pytest.mark.parametrize("value", [
    '{datetime: "9999-12-31T22:59:00+00:00", zone: Europe/Berlin}',  # 23:59 in Berlin
    '{datetime: "0001-01-01T05:00:00+00:00", zone: America/New_York}',  # after midnight on New York's LMT clock
    "{datetime: 0001-01-01T00:30:00+00:00}",
    '{date: "0001"}', "{date: 9999-12-31}",
    "{money: 999999999999999, currency: EUR}", "{money: 0.000001, currency: EUR}",
    "{count: 999999999999999}", "{quantity: -999999999999999.9, unit: length-kilometer}",
    "{percentage: -0.000001}", "{duration: P999999999999999Y}",
])
def test_values_at_the_edges_are_accepted(refused: Callable[[str], list[str]], value: str) -> None:
    assert refused(value) == []


@pytest.mark.parametrize(("value", "expected"), [
    ("{money: 5, to: 3}", "7:21: values.x.to: a range ends above where it starts; to must be more than 5 "
                          "(are the two numbers swapped?) (got '3')"),
    ("{money: 5, to: 7, qualifier: about}", "7:35: values.x.qualifier: a range takes no qualifier; drop qualifier, "
                                            "or drop to (got 'about')"),
    ("{count: thousands, qualifier: about}", "7:36: values.x.qualifier: 'thousands' is approximate already"),
    ("{count: thousands, to: 5000}", "7:29: values.x.to: a range starts from a number, not from 'thousands'"),
    ("{count: lots}", "7:14: values.x.count: expected a whole number (e.g. 35) or a count in words: dozens, "),
    ("{quantity: 5, unit: length-kilometer, qualifier: roughly}",
     "7:55: values.x.qualifier: Input should be 'about', 'at-least', 'more-than', 'less-than' or 'up-to'"),
])
def test_an_amount_cannot_be_exact_and_approximate_at_once(refused: Callable[[str], list[str]], value: str,
                                                           expected: str) -> None:
    [problem] = refused(value)
    assert problem.startswith(expected)


@pytest.mark.parametrize("value", [
    "{money: 100000000000, to: 999000000000}", "{money: 90000000000, currency: EUR, qualifier: about}",
    "{count: thousands}", "{count: 100, to: 200}", "{quantity: 5, to: 10, unit: length-kilometer}",
])
def test_amounts_as_exact_as_their_source_are_accepted(refused: Callable[[str], list[str]], value: str) -> None:
    assert refused(value) == []


def fact_saying(values: str, text: str, date: str = "") -> str:
    """A fact whose text (line 3 in German, line 4 in English, from column 7) is `text`."""
    return (f'kind: context\ntext:\n  de: "{text}"\n  en: "{text}"\nsources: [report]\n'
            + (f"date: {date}\n" if date else "") + (f"values:\n{values}" if values else ""))


@pytest.mark.parametrize(("values", "text", "date", "message"), [
    ("  x: {date: 2025-12}\n", "{x:weekday}", "",
     "{x:weekday}: style 'weekday' needs a date known to the day, and 2025-12 gives only the month; give the day "
     "(YYYY-MM-DD) or drop the style"),
    ("", "{date:weekday-date}", "{date: 2025}",
     "{date:weekday-date}: style 'weekday-date' needs a date known to the day, and 2025 gives only the year"),
    ("  x: {money: 900000, currency: EUR}\n", "{x:magnitude}", "",
     "{x:magnitude}: style 'magnitude' counts in millions, billions or trillions, and 900000 is less than a million"),
    ("  x: {money: 50000000000, to: 200000000000}\n", "{x:magnitude}", "",
     "{x:magnitude}: style 'magnitude' needs both ends of the range in one magnitude (such as 100 to 999 billion)"),
])
def test_a_style_that_does_not_fit_the_value_is_refused_at_the_text(
        write_content: Callable[[dict[str, str | bytes]], Path], values: str, text: str, date: str,
        message: str) -> None:
    folder = write_content({"sources/report.yaml": SOURCE, "facts/f.yaml": fact_saying(values, text, date)})
    records, problems = load_records(folder, LANGUAGES)
    assert problems == []
    found = [(p.line, p.column, p.field, p.message, p.hint) for p in run_checks(records, LANGUAGES)
             if p.severity == "error"]
    assert [(line, column, field) for line, column, field, _, _ in found] == [(3, 7, "text.de"), (4, 7, "text.en")]
    assert all(found_message.startswith(message) for _, _, _, found_message, _ in found), found
    assert {hint for *_, hint in found} == {"drop the style or change the value"}


def test_day_styles_of_a_date_known_to_the_day_are_accepted(
        write_content: Callable[[dict[str, str | bytes]], Path]) -> None:
    fact = fact_saying("  x: {datetime: \"2025-12-17T15:05:00+01:00\", zone: Europe/Berlin}\n",
                       "{x:time} {x:weekday} {x:date} {x:weekday-date} {date:weekday}", "{date: 2025-12-18}")
    folder = write_content({"sources/report.yaml": SOURCE, "facts/f.yaml": fact})
    records, problems = load_records(folder, LANGUAGES)
    assert problems + [p for p in run_checks(records, LANGUAGES) if p.severity == "error"] == []


def test_negative_zero_is_zero() -> None:
    """Babel prints a negative zero as `-0`."""
    value = TYPED.validate_python({"quantity": "-0.0", "unit": "temperature-celsius"})
    assert not value.quantity.is_signed()


def test_partial_dates_from_mappings_are_not_a_way_around_the_checks() -> None:
    with pytest.raises(ValidationError, match="expected a date as YYYY-MM-DD"):
        TYPED.validate_python({"date": {"year": 2026, "month": 13}})


@pytest.mark.parametrize(("date", "iso"), [(PartialDate(year=9), "0009"), (PartialDate(year=800, month=12), "0800-12")])
def test_early_years_keep_four_digits_in_iso_form(date: PartialDate, iso: str) -> None:
    assert date.iso() == iso


@pytest.mark.parametrize("text", ["2026\n", "2026-01-06\n"])
def test_dates_are_whole(text: str) -> None:
    with pytest.raises(ValidationError, match="expected a date"):
        TYPED.validate_python({"date": text})


# --- the property: what the models accept formats everywhere -----------------------------------------------------

PROPERTY = settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

_NEAR = st.integers(-3, 3)


def _around(edges: list[int]) -> st.SearchStrategy[int]:
    return st.builds(lambda edge, step: edge + step, st.sampled_from(edges), _NEAR)


NUMBERS = st.one_of(
    st.integers(-10**20, 10**20),
    _around([0, MAX_NUMBER, -MAX_NUMBER, 10**28, 10**6]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.decimals(min_value=-MAX_NUMBER, max_value=MAX_NUMBER, places=MAX_DECIMALS),
    st.builds(lambda n, places: Decimal(n).scaleb(-places), st.integers(-10**22, 10**22), st.integers(0, 9)),
    st.builds(lambda exponent: Decimal(f"1E{exponent}"), st.integers(-500, 500)),
).flatmap(lambda n: st.sampled_from([n, str(n)]) if not isinstance(n, float) else st.just(n))
"""Numbers as YAML gives them (int, float) and as a quoted string might, around every edge that matters."""

CURRENCIES = st.sampled_from(["EUR", "USD", "GBP", "JPY", "BHD", "CLF", "UAH", "IRR", "XAU", "XXX"])
UNITS = st.sampled_from(sorted(Locale.parse("en")._data["unit_patterns"]))
ZONES = st.one_of(st.none(), st.sampled_from(sorted(available_timezones())))

_EDGE_MOMENTS = st.one_of(
    st.datetimes(dt.datetime(1, 1, 1), dt.datetime(1, 1, 3)),
    st.datetimes(dt.datetime(9999, 12, 29), dt.datetime(9999, 12, 31, 23, 59, 59, 999999)),
    st.datetimes(),
)
OFFSETS = st.integers(-(24 * 60 - 1), 24 * 60 - 1).map(lambda minutes: dt.timezone(dt.timedelta(minutes=minutes)))


def _msgid(message: str) -> str:
    return message


def _refusal(value: Any, style: str | None) -> str | None:
    """What a style that does not fit the value is refused with (check_formatting reports it), or None if it fits.

    Predicted from the value alone, not from the formatter, so the two cannot agree by accident.
    """
    kind = value_kind(value)
    if style == "number" and len(value.parts()) != 1:
        return "one component"
    if kind == "date" and style is not None and value.date.precision != "day":
        return "needs a date known to the day"
    if style != "magnitude":
        return None
    first, to = value.ends()
    if value.qualifier:
        return "says how exact the amount is itself"
    if first < 10**6:
        return "less than a million"
    if to is not None and len(str(int(first))) != len(str(int(to))):  # below 10^15, one magnitude is one width
        return "needs both ends of the range in one magnitude"
    return None


def _check_formats(value: Any) -> None:
    """The value formats in every locale, in its default style and in each style its kind offers that fits it."""
    kind = value_kind(value)
    assert kind is not None
    for lang in LOCALES:
        for style in (None, *FORMATTERS[kind].styles):
            if refusal := _refusal(value, style):
                with pytest.raises(ValueError, match=refusal):
                    format_value(value, lang, style, unknown_date="?", gettext=_msgid)
                continue
            text = format_value(value, lang, style, unknown_date="?", gettext=_msgid)
            assert text.strip()
            if kind in ("money", "count", "quantity", "percentage"):
                limit = 80 if getattr(value, "to", None) is None else 200  # a range has two numbers
                assert len(text) < limit, text  # no page of zeros


def _accepted(raw: dict[str, Any]) -> Any:
    try:
        return TYPED.validate_python(raw)
    except ValidationError:
        return None


QUALIFIERS = st.one_of(st.none(), st.sampled_from([*get_args(Qualifier), "roughly"]))
UPPER_ENDS = st.one_of(st.none(), NUMBERS)
"""The upper end of a range, or none; mostly below its lower end when drawn alone, which must be refused."""


def _bounds(qualifier: str | None, to: Any) -> dict[str, Any]:
    """The optional keys of an amount, left out when None, as a YAML author would."""
    return {key: part for key, part in (("qualifier", qualifier), ("to", to)) if part is not None}


def _magnitudes() -> st.SearchStrategy[tuple[int, int]]:
    """Two amounts within one magnitude (100 to 999 billion), the range the `magnitude` style is for."""
    return st.integers(6, 14).flatmap(lambda e: st.tuples(st.integers(10**e, 10**(e + 1) - 2),
                                                          st.integers(1, 10**e)).map(
        lambda pair: (pair[0], min(pair[0] + pair[1], 10**(e + 1) - 1))))


@PROPERTY
@given(amount=NUMBERS, currency=st.one_of(st.none(), CURRENCIES), qualifier=QUALIFIERS, to=UPPER_ENDS)
def test_any_accepted_money_formats(amount: Any, currency: str | None, qualifier: str | None, to: Any) -> None:
    raw = {"money": amount, "currency": currency} | _bounds(qualifier, to)
    if (value := _accepted(raw)) is not None:
        _check_formats(value)


@PROPERTY
@given(ends=_magnitudes(), currency=st.one_of(st.none(), CURRENCIES))
def test_any_accepted_money_range_formats(ends: tuple[int, int], currency: str | None) -> None:
    value = TYPED.validate_python({"money": ends[0], "to": ends[1], "currency": currency})
    _check_formats(value)
    assert format_value(value, LOCALES[1], "magnitude", unknown_date="?", gettext=_msgid).startswith("running into")


@PROPERTY
@given(count=st.one_of(st.integers(-10**20, 10**20), _around([0, 12, 13, MAX_NUMBER, 10**28]),
                       st.sampled_from([*COUNT_WORDS, "many", "Thousands"])),
       qualifier=QUALIFIERS, to=st.one_of(st.none(), st.integers(-10**20, 10**20)))
def test_any_accepted_count_formats(count: int | str, qualifier: str | None, to: int | None) -> None:
    if (value := _accepted({"count": count} | _bounds(qualifier, to))) is not None:
        _check_formats(value)


@PROPERTY
@given(amount=NUMBERS, unit=UNITS, qualifier=QUALIFIERS, to=UPPER_ENDS)
def test_any_accepted_quantity_formats(amount: Any, unit: str, qualifier: str | None, to: Any) -> None:
    if (value := _accepted({"quantity": amount, "unit": unit} | _bounds(qualifier, to))) is not None:
        _check_formats(value)


@PROPERTY
@given(amount=NUMBERS)
def test_any_accepted_percentage_formats(amount: Any) -> None:
    if (value := _accepted({"percentage": amount})) is not None:
        _check_formats(value)


_COMPONENT = st.one_of(st.none(), st.integers(0, 20), st.integers(0, MAX_NUMBER - 1),
                       _around([MAX_NUMBER, 10**28]), st.integers(0, 10**30))


@PROPERTY
@given(parts=st.tuples(*[_COMPONENT] * 7))
def test_any_accepted_duration_formats(parts: tuple[int | None, ...]) -> None:
    date = "".join(f"{n}{unit}" for n, unit in zip(parts[:4], "YMWD", strict=True) if n is not None)
    time = "".join(f"{n}{unit}" for n, unit in zip(parts[4:], "HMS", strict=True) if n is not None)
    if (value := _accepted({"duration": f"P{date}" + (f"T{time}" if time else "")})) is not None:
        assert isinstance(value, DurationValue)
        _check_formats(value)


@PROPERTY
@given(year=st.one_of(st.integers(0, 9999), st.sampled_from([0, 1, 9999])), month=st.integers(0, 13),
       day=st.integers(0, 32), precision=st.sampled_from(["day", "month", "year", "unknown", "int"]))
def test_any_accepted_date_formats(year: int, month: int, day: int, precision: str) -> None:
    raw: Any = {"day": f"{year:04d}-{month:02d}-{day:02d}", "month": f"{year:04d}-{month:02d}",
                "year": f"{year:04d}", "unknown": "unknown", "int": year}[precision]
    if (value := _accepted({"date": raw})) is not None:
        _check_formats(value)


@PROPERTY
@given(moment=_EDGE_MOMENTS, offset=OFFSETS, zone=ZONES)
def test_any_accepted_datetime_formats_and_shows_its_day(moment: dt.datetime, offset: dt.tzinfo,
                                                         zone: str | None) -> None:
    value = _accepted({"datetime": moment.replace(tzinfo=offset).isoformat(), "zone": zone})
    if value is None:
        return
    assert isinstance(value, DateTimeValue)
    _check_formats(value)
    iso_datetime(value)
    local = value.local()  # the day a briefing lists it under, as `Localizer.day` shows it
    for lang in LOCALES:
        assert format_partial_date(PartialDate(year=local.year, month=local.month, day=local.day), lang,
                                   unknown="?")
