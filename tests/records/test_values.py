"""Typed values: every kind, valid and invalid."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from generator.errors import Problem
from generator.records.load import RecordSet
from generator.records.values import (
    CountValue,
    DateTimeValue,
    DateValue,
    DurationValue,
    MoneyValue,
    PartialDate,
    PercentageValue,
    QuantityValue,
    TypedValue,
    value_kind,
)
from generator.yaml_reader import UnquotedDate

Load = Callable[[dict[str, str | bytes]], tuple[RecordSet, list[Problem]]]

TYPED = TypeAdapter(TypedValue)


def error_of(raw: Any) -> dict[str, Any]:
    """The single validation error of a raw typed value."""
    with pytest.raises(ValidationError) as caught:
        TYPED.validate_python(raw)
    [error] = caught.value.errors(include_url=False)
    return error


# --- dates -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected", "precision"), [
    ("2026-01-06", PartialDate(year=2026, month=1, day=6), "day"),
    ("2026-01", PartialDate(year=2026, month=1), "month"),
    ("2026", PartialDate(year=2026), "year"),
    ("unknown", PartialDate(), "unknown"),
    ("2024-02-29", PartialDate(year=2024, month=2, day=29), "day"),
    ("2000-02-29", PartialDate(year=2000, month=2, day=29), "day"),
    ("2026-12-31", PartialDate(year=2026, month=12, day=31), "day"),
])
def test_valid_dates(text: str, expected: PartialDate, precision: str) -> None:
    value = TYPED.validate_python({"date": text})
    assert isinstance(value, DateValue)
    assert value.date == expected
    assert value.date.precision == precision
    assert value.date.iso() == text


def test_unquoted_date_from_yaml_is_accepted() -> None:
    value = TYPED.validate_python({"date": UnquotedDate("2026-01-06")})
    assert value.date == PartialDate(year=2026, month=1, day=6)


@pytest.mark.parametrize(("text", "message"), [
    ("2026-02-29", "no such date 2026-02-29: February 2026 has 28 days"),
    ("1900-02-29", "no such date 1900-02-29: February 1900 has 28 days"),
    ("2026-02-30", "no such date 2026-02-30: February 2026 has 28 days"),
    ("2026-04-31", "no such date 2026-04-31: April 2026 has 30 days"),
    ("2026-01-00", "no such date 2026-01-00: January 2026 has 31 days"),
    ("2026-13", "no month 13 in 2026-13"),
    ("2026-00-10", "no month 0 in 2026-00-10"),
    ("0000", "no year 0 in 0000: the calendar goes from 1 BC straight to AD 1, so years run from 0001 to 9999"),
    ("0000-01", "no year 0 in 0000-01: the calendar goes from 1 BC straight to AD 1, so years run from 0001 to 9999"),
    ("26-01-06", "expected a date as YYYY-MM-DD, YYYY-MM, YYYY or unknown"),
    ("2026-1-6", "expected a date as YYYY-MM-DD, YYYY-MM, YYYY or unknown"),
    ("06.01.2026", "expected a date as YYYY-MM-DD, YYYY-MM, YYYY or unknown"),
    ("recently", "expected a date as YYYY-MM-DD, YYYY-MM, YYYY or unknown"),
    ("", "expected a date as YYYY-MM-DD, YYYY-MM, YYYY or unknown"),
])
def test_invalid_dates(text: str, message: str) -> None:
    error = error_of({"date": text})
    assert error["msg"] == f"Value error, {message}"
    assert error["loc"] == ("date value", "date")  # union tag, then the field


def test_date_rejects_extra_fields() -> None:
    assert error_of({"date": "2026", "precision": "year"})["type"] == "extra_forbidden"


def test_year_only_date_quoted_in_yaml(load: Load) -> None:
    records, problems = load({"dossiers/d.yaml": 'title: {de: D, en: D}\ndate: {date: "2026"}\nbriefings: [b]\n'})
    assert problems == []
    assert records.get("d") is not None


def test_year_only_date_unquoted_in_yaml(load: Load) -> None:
    _, problems = load({"dossiers/d.yaml": "title: {de: D, en: D}\ndate: {date: 2026}\nbriefings: [b]\n"})
    assert problems == []


# --- date-times ------------------------------------------------------------------------------------------------


def test_datetime_with_offset_and_zone() -> None:
    value = TYPED.validate_python({"datetime": "2026-01-06T15:00:00+01:00", "zone": "Europe/Paris"})
    assert isinstance(value, DateTimeValue)
    assert value.datetime.utcoffset() == dt.timedelta(hours=1)
    assert value.local().hour == 15
    assert str(value.local().tzinfo) == "Europe/Paris"


def test_datetime_local_converts_to_the_zone() -> None:
    value = TYPED.validate_python({"datetime": "2026-01-06T14:00:00Z", "zone": "Europe/Kyiv"})
    assert value.local().hour == 16


def test_datetime_without_zone_keeps_its_offset() -> None:
    value = TYPED.validate_python({"datetime": UnquotedDate("2026-01-06T15:00:00+01:00")})
    assert value.zone is None
    assert value.local() == value.datetime


@pytest.mark.parametrize("text", ["2026-01-06T15:00:00", "2026-01-06 15:00"])
def test_datetime_without_offset_is_refused(text: str) -> None:
    error = error_of({"datetime": text})
    assert "a date-time needs a UTC offset" in error["msg"]


@pytest.mark.parametrize(("raw", "loc", "message"), [
    ({"datetime": "9999-12-31T23:30:00-01:00"}, ("datetime value", "datetime"),
     "Value error, falls after 31 December 9999 in UTC, outside the years 1–9999 a date can show; "
     "check the year and the offset"),
    ({"datetime": "9999-12-31T23:30:00+00:00", "zone": "Europe/Berlin"}, ("datetime value", "datetime"),
     "falls after 31 December 9999 on the clock of Europe/Berlin, outside the years 1–9999 a date can show; "
     "check the year and the offset"),
    ({"datetime": "0001-01-01T00:30:00+01:00", "zone": "America/New_York"}, ("datetime value", "datetime"),
     "Value error, falls before 1 January 0001 in UTC, outside the years 1–9999 a date can show; "
     "check the year and the offset"),
])
def test_datetime_outside_the_calendar_on_its_clock_is_refused(raw: dict[str, str], loc: tuple[str, ...],
                                                                message: str) -> None:
    error = error_of(raw)
    assert (error["loc"], error["msg"]) == (loc, message)


@pytest.mark.parametrize("zone", ["Mars/Base", "CET+1", "europe/paris"])
def test_unknown_zone_is_refused(zone: str) -> None:
    error = error_of({"datetime": "2026-01-06T15:00:00+01:00", "zone": zone})
    assert error["msg"] == f"Value error, {zone!r} is not an IANA time zone (e.g. Europe/Paris)"
    assert error["loc"] == ("datetime value", "zone")


# --- money -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "amount", "currency"), [
    ({"money": 90000000000, "currency": "EUR"}, Decimal(90000000000), "EUR"),
    ({"money": 1.5, "currency": "USD"}, Decimal("1.5"), "USD"),
    ({"money": 0, "currency": "GBP"}, Decimal(0), "GBP"),
    ({"money": 250, "currency": "UAH"}, Decimal(250), "UAH"),
    ({"money": 100000000000}, Decimal(100000000000), None),  # the source gives no currency
])
def test_valid_money(raw: dict[str, Any], amount: Decimal, currency: str) -> None:
    value = TYPED.validate_python(raw)
    assert isinstance(value, MoneyValue)
    assert (value.money, value.currency) == (amount, currency)


@pytest.mark.parametrize(("raw", "message"), [
    ({"money": -1, "currency": "EUR"}, "must not be negative"),
    ({"money": float("inf"), "currency": "EUR"}, "finite number"),
    ({"money": float("-inf"), "currency": "EUR"}, "finite number"),
    ({"money": float("nan"), "currency": "EUR"}, "finite number"),
    ({"money": 5, "currency": "EUO"}, "'EUO' is not an ISO 4217 currency code"),
    ({"money": 5, "currency": "eur"}, "'eur' is not an ISO 4217 currency code"),
    ({"money": 5, "currency": "Euro"}, "'Euro' is not an ISO 4217 currency code"),
    ({"money": 1e300, "currency": "EUR"}, "must be below 10^15 (a thousand trillion)"),
    ({"money": 10**15, "currency": "EUR"}, "must be below 10^15 (a thousand trillion)"),
    ({"money": 1e-300, "currency": "EUR"}, "must have at most 6 decimal places; round it"),
    ({"money": "1E+400", "currency": "EUR"}, "must be below 10^15"),  # finite, though math.isfinite says no
])
def test_invalid_money(raw: dict[str, Any], message: str) -> None:
    assert message in error_of(raw)["msg"]


def test_currency_error_loc_carries_the_union_tag() -> None:
    """Pydantic puts the tag `money` into loc; the loader has to tell it from the field `money`."""
    assert error_of({"money": 5, "currency": "EUO"})["loc"] == ("money value", "currency")


# --- counts, quantities, percentages ---------------------------------------------------------------------------


def test_valid_count() -> None:
    value = TYPED.validate_python({"count": 35})
    assert isinstance(value, CountValue) and value.count == 35


@pytest.mark.parametrize(("raw", "message"), [
    ({"count": -1}, "must not be negative"),
    ({"count": 3.5}, "valid integer"),
    ({"count": "many"}, "expected a whole number (e.g. 35) or a count in words: dozens, hundreds, thousands, "
                        "tens-of-thousands, hundreds-of-thousands"),
    ({"count": "Thousands"}, "valid integer"),  # not a word: read as a number
    ({"count": 10**30}, "must be below 10^15 (a thousand trillion)"),
])
def test_invalid_count(raw: dict[str, Any], message: str) -> None:
    assert message in error_of(raw)["msg"]


@pytest.mark.parametrize(("raw", "amount"), [
    ({"quantity": 5, "unit": "length-kilometer"}, Decimal(5)),
    ({"quantity": 2.5, "unit": "mass-tonne"}, Decimal("2.5")),
    ({"quantity": -12, "unit": "temperature-celsius"}, Decimal(-12)),
])
def test_valid_quantity(raw: dict[str, Any], amount: Decimal) -> None:
    value = TYPED.validate_python(raw)
    assert isinstance(value, QuantityValue)
    assert (value.quantity, value.unit) == (amount, raw["unit"])


@pytest.mark.parametrize(("raw", "message"), [
    ({"quantity": 5, "unit": "furlongs"}, "furlongs"),
    ({"quantity": float("inf"), "unit": "length-kilometer"}, "finite number"),
    ({"quantity": 5}, "Field required"),
    ({"quantity": -1e300, "unit": "length-kilometer"}, "must be below 10^15"),
    ({"quantity": "1.0000001", "unit": "length-kilometer"}, "at most 6 decimal places"),
])
def test_invalid_quantity(raw: dict[str, Any], message: str) -> None:
    assert message in error_of(raw)["msg"]


def test_unknown_unit_message_gives_examples() -> None:
    message = error_of({"quantity": 5, "unit": "furlongs"})["msg"]
    assert "is not a CLDR unit (e.g. length-kilometer, mass-tonne)" in message


@pytest.mark.parametrize("percent", [12.5, 0, -3, 150])
def test_valid_percentage(percent: float) -> None:
    value = TYPED.validate_python({"percentage": percent})
    assert isinstance(value, PercentageValue) and value.percentage == Decimal(str(percent))


@pytest.mark.parametrize("percent", [float("inf"), float("nan")])
def test_non_finite_percentage_is_refused(percent: float) -> None:
    assert "finite number" in error_of({"percentage": percent})["msg"]


# --- how exact an amount is: qualifiers, ranges, counts in words ------------------------------------------------


@pytest.mark.parametrize(("raw", "ends", "qualifier"), [
    ({"money": 90000000000, "currency": "EUR", "qualifier": "about"}, (Decimal(90000000000), None), "about"),
    ({"money": 100000000000, "to": 999000000000}, (Decimal(100000000000), Decimal(999000000000)), None),
    ({"count": 4000, "qualifier": "more-than"}, (4000, None), "more-than"),
    ({"count": 100, "to": 200}, (100, 200), None),
    ({"count": "thousands"}, ("thousands", None), None),
    ({"quantity": 5, "to": 12.5, "unit": "length-kilometer"}, (Decimal(5), Decimal("12.5")), None),
    ({"quantity": -5, "to": -2, "unit": "temperature-celsius"}, (Decimal(-5), Decimal(-2)), None),
    ({"quantity": 40, "unit": "mass-tonne", "qualifier": "up-to"}, (Decimal(40), None), "up-to"),
])
def test_amounts_say_how_exact_they_are(raw: dict[str, Any], ends: tuple[Any, Any], qualifier: str | None) -> None:
    value = TYPED.validate_python(raw)
    assert (value.ends(), value.qualifier) == (ends, qualifier)


@pytest.mark.parametrize("word", ["dozens", "hundreds", "thousands", "tens-of-thousands", "hundreds-of-thousands"])
def test_counts_in_words(word: str) -> None:
    assert TYPED.validate_python({"count": word}) == CountValue(count=word)


@pytest.mark.parametrize(("raw", "loc", "message"), [
    ({"money": 5, "to": 3, "currency": "EUR"}, ("money value", "to"),
     "a range ends above where it starts; to must be more than 5 (are the two numbers swapped?)"),
    ({"count": 5, "to": 5}, ("count value", "to"), "a range ends above where it starts; to must be more than 5"),
    ({"money": 5, "to": 7, "qualifier": "about"}, ("money value", "qualifier"),
     "a range takes no qualifier; drop qualifier, or drop to"),
    ({"count": "thousands", "qualifier": "about"}, ("count value", "qualifier"),
     "'thousands' is approximate already; drop qualifier, or give a number (count: 3000, qualifier: about)"),
    ({"count": "thousands", "to": 5000}, ("count value", "to"),
     "a range starts from a number, not from 'thousands'; drop to, or give both ends as numbers "
     "(count: 1000, to: 5000)"),
    ({"money": 5, "qualifier": "roughly"}, ("money value", "qualifier"),
     "Input should be 'about', 'at-least', 'more-than', 'less-than' or 'up-to'"),
    ({"count": "lots"}, ("count value", "count", "word"),
     "expected a whole number (e.g. 35) or a count in words: dozens, hundreds, thousands, tens-of-thousands, "
     "hundreds-of-thousands"),
    ({"money": 5, "to": 10**15}, ("money value", "to"), "must be below 10^15 (a thousand trillion)"),
    ({"count": 5, "to": -1}, ("count value", "to"), "must not be negative"),
])
def test_amounts_that_cannot_be_that_exact_are_refused_at_the_field(raw: dict[str, Any], loc: tuple[str, ...],
                                                                     message: str) -> None:
    error = error_of(raw)
    assert error["loc"] == loc
    assert message in error["msg"]


# --- durations -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "parts"), [
    ("P2Y", {"years": 2}),
    ("P4Y", {"years": 4}),
    ("P6M", {"months": 6}),
    ("P3W", {"weeks": 3}),
    ("P10D", {"days": 10}),
    ("PT3H", {"hours": 3}),
    ("PT90M", {"minutes": 90}),
    ("PT30S", {"seconds": 30}),
    ("P1Y2M3W4DT5H6M7S", {"years": 1, "months": 2, "weeks": 3, "days": 4, "hours": 5, "minutes": 6, "seconds": 7}),
])
def test_valid_durations(text: str, parts: dict[str, int]) -> None:
    value = TYPED.validate_python({"duration": text})
    assert isinstance(value, DurationValue)
    assert value.parts() == parts


@pytest.mark.parametrize("text", ["P", "2Y", "PT", "P1YT", "p2y", "P2y", "P1.5Y", "PT3", "P-1Y", "P2Y ", "",
                                  "P2Y\n", "P\u0662Y"])
def test_invalid_durations(text: str) -> None:
    error = error_of({"duration": text})
    assert error["msg"] == f"Value error, {text!r} is not an ISO 8601 duration (e.g. P2Y, P6M, PT3H)"


@pytest.mark.parametrize(("text", "message"), [
    ("P1000000000000000Y", "the years must be below 10^15 (a thousand trillion); check the digits"),
    ("PT99999999999999999999S", "the seconds must be below 10^15 (a thousand trillion); check the digits, "
                                "or count in a larger unit"),
])
def test_durations_too_long_to_print(text: str, message: str) -> None:
    assert error_of({"duration": text})["msg"] == f"Value error, {message}"


# --- the union -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "kind"), [
    ({"date": "2026"}, "date"),
    ({"datetime": "2026-01-06T15:00:00Z"}, "datetime"),
    ({"money": 1, "currency": "EUR"}, "money"),
    ({"count": 1}, "count"),
    ({"quantity": 1, "unit": "length-meter"}, "quantity"),
    ({"duration": "P1D"}, "duration"),
    ({"percentage": 1}, "percentage"),
    ({"amount": 1}, None),
    (5, None),
    ("P2Y", None),
    ([1], None),
])
def test_value_kind_of_raw_and_validated_values(raw: Any, kind: str | None) -> None:
    assert value_kind(raw) == kind
    if kind:
        assert value_kind(TYPED.validate_python(raw)) == kind


@pytest.mark.parametrize("raw", [{"amount": 5}, 5, "P2Y", [1]])
def test_untyped_value_is_refused(raw: Any) -> None:
    error = error_of(raw)
    assert error["type"] == "value_kind"
    assert error["msg"] == "a typed value needs one of the keys date, datetime, money, count, quantity, duration, " \
                           "percentage"


def test_typed_value_rejects_extra_keys() -> None:
    error = error_of({"count": 3, "noun": "countries"})
    assert (error["type"], error["loc"]) == ("extra_forbidden", ("count value", "noun"))


def test_values_are_frozen() -> None:
    value = TYPED.validate_python({"count": 35})
    with pytest.raises(ValidationError):
        value.count = 36  # type: ignore[misc]
