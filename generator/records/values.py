"""Typed values: the numbers, dates and amounts that text refers to by placeholder.

Each value is a one-key mapping naming its type (`{money: 90000000000,
currency: EUR}`), so a reader of the YAML sees the type, and Babel formats it
per locale later. Nothing here formats; it only guarantees the value is valid.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from decimal import Decimal
from functools import cache
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, available_timezones

from babel.numbers import list_currencies
from babel.units import UnknownUnitError, get_unit_name
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    WithJsonSchema,
)

from generator.records.base import StrictModel

_CURRENCIES = frozenset(list_currencies())


class PartialDate(BaseModel):
    """A calendar date known to the day, to the month, to the year, or not at all."""

    model_config = ConfigDict(frozen=True)

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Literal["day", "month", "year", "unknown"]:
        if self.year is None:
            return "unknown"
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        """`2026-01-06`, `2026-01`, `2026` or `unknown`: the form the YAML uses."""
        if self.year is None:
            return "unknown"
        return "-".join(f"{part:02d}" for part in (self.year, self.month, self.day) if part)


_DATE_PATTERN = r"^(unknown|[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)$"


def _parse_date(value: Any) -> Any:
    if isinstance(value, PartialDate | dict):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        value = f"{value:04d}"  # an unquoted year reads as a number
    if not isinstance(value, str) or not re.match(_DATE_PATTERN, value):
        raise ValueError("expected a date as YYYY-MM-DD, YYYY-MM, YYYY or unknown")
    if value == "unknown":
        return PartialDate()
    parts = [int(part) for part in value.split("-")]
    year, month, day = (parts + [None, None])[:3]
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"no month {month} in {value}")
    if day is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise ValueError(f"no such date {value}: {calendar.month_name[month]} {year} has {last} days")
    return PartialDate(year=year, month=month, day=day)


DateSpec = Annotated[
    PartialDate,
    BeforeValidator(_parse_date),
    WithJsonSchema({"type": "string", "pattern": _DATE_PATTERN,
                    "description": "YYYY-MM-DD, YYYY-MM, YYYY, or unknown"}),
]


def _finite(value: float | Decimal) -> float | Decimal:
    if not math.isfinite(value):
        raise ValueError("must be a finite number")
    return value


def _not_negative(value: float | Decimal) -> float | Decimal:
    if value < 0:
        raise ValueError("must not be negative")
    return value


def _currency(code: str) -> str:
    if code not in _CURRENCIES:
        raise ValueError(f"{code!r} is not an ISO 4217 currency code (e.g. EUR, USD, GBP)")
    return code


def _unit(unit: str) -> str:
    try:
        known = get_unit_name(unit, locale="en") is not None
    except UnknownUnitError:
        known = False
    if not known:
        raise ValueError(f"{unit!r} is not a CLDR unit (e.g. length-kilometer, mass-tonne)")
    return unit


_DURATION = re.compile(
    r"^P(?!$)(?:(?P<years>\d+)Y)?(?:(?P<months>\d+)M)?(?:(?P<weeks>\d+)W)?(?:(?P<days>\d+)D)?"
    r"(?:T(?=\d)(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?(?:(?P<seconds>\d+)S)?)?$"
)


def _duration(text: str) -> str:
    if not _DURATION.match(text):
        raise ValueError(f"{text!r} is not an ISO 8601 duration (e.g. P2Y, P6M, PT3H)")
    return text


@cache
def _zones() -> frozenset[str]:
    return frozenset(available_timezones())


def _zone(name: str) -> str:
    if name not in _zones():
        raise ValueError(f"{name!r} is not an IANA time zone (e.g. Europe/Paris)")
    return name


def _aware(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        raise ValueError("a date-time needs a UTC offset, e.g. 2026-01-06T15:00:00+01:00")
    return value


Amount = Annotated[Decimal, AfterValidator(_finite), AfterValidator(_not_negative)]
FiniteNumber = Annotated[Decimal, AfterValidator(_finite)]


class DateValue(StrictModel):
    """A calendar date; month-only or unknown when the source says no more."""

    date: DateSpec = Field(description="YYYY-MM-DD, YYYY-MM, YYYY, or unknown")


class DateTimeValue(StrictModel):
    """A moment with its UTC offset; `zone` names the clock to show it in."""

    datetime: Annotated[dt.datetime, AfterValidator(_aware)] = Field(
        description="ISO 8601 with offset, e.g. 2026-01-06T15:00:00+01:00")
    zone: Annotated[str, AfterValidator(_zone)] | None = Field(None, description="IANA zone, e.g. Europe/Paris")

    def local(self) -> dt.datetime:
        return self.datetime.astimezone(ZoneInfo(self.zone)) if self.zone else self.datetime


class MoneyValue(StrictModel):
    """An amount of money in an ISO 4217 currency."""

    money: Amount = Field(description="The amount in whole currency units, e.g. 90000000000")
    currency: Annotated[str, AfterValidator(_currency)] = Field(description="ISO 4217 code, e.g. EUR")


class CountValue(StrictModel):
    """A number of things (countries, soldiers); the noun stays in the text."""

    count: Annotated[int, AfterValidator(_not_negative)] = Field(description="A whole number, e.g. 35")


class QuantityValue(StrictModel):
    """A measured amount with a CLDR unit."""

    quantity: FiniteNumber = Field(description="The measured amount")
    unit: Annotated[str, AfterValidator(_unit)] = Field(description="CLDR unit, e.g. length-kilometer")


class DurationValue(StrictModel):
    """A length of time as ISO 8601 (P2Y = two years)."""

    duration: Annotated[str, AfterValidator(_duration)] = Field(description="ISO 8601 duration, e.g. P2Y")

    def parts(self) -> dict[str, int]:
        """The non-zero components, e.g. `{'years': 2}`."""
        match = _DURATION.match(self.duration)
        assert match
        return {unit: int(amount) for unit, amount in match.groupdict().items() if amount}


class PercentageValue(StrictModel):
    """A percentage given as its number: 12.5 means 12.5 %."""

    percentage: FiniteNumber = Field(description="Percent, e.g. 12.5 for 12.5 %")


_VALUE_KINDS = ("date", "datetime", "money", "count", "quantity", "duration", "percentage")


def value_kind(value: Any) -> str | None:
    """The type name of a typed value or its raw mapping: `money`, `date`, …"""
    if isinstance(value, dict):
        return next((kind for kind in _VALUE_KINDS if kind in value), None)
    if isinstance(value, BaseModel):
        return next((kind for kind in _VALUE_KINDS if kind in type(value).model_fields), None)
    return None


def _union_tag(value: Any) -> str | None:
    """Tags differ from the field names, so error locations never confuse a tag with a key."""
    kind = value_kind(value)
    return f"{kind} value" if kind else None


TypedValue = Annotated[
    Annotated[DateValue, Tag("date value")]
    | Annotated[DateTimeValue, Tag("datetime value")]
    | Annotated[MoneyValue, Tag("money value")]
    | Annotated[CountValue, Tag("count value")]
    | Annotated[QuantityValue, Tag("quantity value")]
    | Annotated[DurationValue, Tag("duration value")]
    | Annotated[PercentageValue, Tag("percentage value")],
    Discriminator(
        _union_tag,
        custom_error_type="value_kind",
        custom_error_message="a typed value needs one of the keys " + ", ".join(_VALUE_KINDS),
    ),
]
