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
from typing import Any
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
    MAX_DECIMALS,
    MAX_NUMBER,
    DateTimeValue,
    DurationValue,
    PartialDate,
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


def _check_formats(value: Any) -> None:
    """The value formats in every locale, in its default style and in each style its kind offers."""
    kind = value_kind(value)
    assert kind is not None
    for lang in LOCALES:
        for style in (None, *FORMATTERS[kind].styles):
            if style == "number" and len(value.parts()) != 1:
                with pytest.raises(ValueError, match="one component"):  # check_formatting reports it
                    format_value(value, lang, style, unknown_date="?")
                continue
            text = format_value(value, lang, style, unknown_date="?")
            assert text.strip()
            if kind in ("money", "count", "quantity", "percentage"):
                assert len(text) < 80, text  # no page of zeros


def _accepted(raw: dict[str, Any]) -> Any:
    try:
        return TYPED.validate_python(raw)
    except ValidationError:
        return None


@PROPERTY
@given(amount=NUMBERS, currency=CURRENCIES)
def test_any_accepted_money_formats(amount: Any, currency: str) -> None:
    if (value := _accepted({"money": amount, "currency": currency})) is not None:
        _check_formats(value)


@PROPERTY
@given(count=st.one_of(st.integers(-10**20, 10**20), _around([0, 12, 13, MAX_NUMBER, 10**28])))
def test_any_accepted_count_formats(count: int) -> None:
    if (value := _accepted({"count": count})) is not None:
        _check_formats(value)


@PROPERTY
@given(amount=NUMBERS, unit=UNITS)
def test_any_accepted_quantity_formats(amount: Any, unit: str) -> None:
    if (value := _accepted({"quantity": amount, "unit": unit})) is not None:
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
