"""Typed values: the numbers, dates and amounts that text refers to by placeholder.

Each value is a mapping whose first key names its type (`{money: 90000000000,
currency: EUR}`), so a reader of the YAML sees the type, and Babel formats it
per locale later. Money, counts and quantities also say how exact they are,
as the source does: approximate (`qualifier: about`), a range (`to:`), or,
for counts, the words a source used (`{count: thousands}`).

Nothing here formats; it only guarantees the value is valid, and valid means
printable: every value accepted here formats in every locale (the bounds
below; `generator.checks.check_formatting` is the safety net, and
`tests/records/test_printable_values.py` the property test that holds them
together).
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, Literal, get_args
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
    ValidationError,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from generator.records.base import StrictModel

_CURRENCIES = frozenset(list_currencies())

MAX_NUMBER = 10**15
"""Every number in a record (amount, count, quantity, percentage, part of a duration) stays below it.

Why 10^15, a thousand trillion: CLDR's compact forms, which the house style
uses for large sums, name magnitudes up to trillions (`999 Billionen Euro`,
`€999tn`) in every locale Babel ships (Japanese alone goes further); beyond,
Babel prints `1000000 Billionen`, and from 28 digits (the precision of
Python's default decimal context, in which Babel computes) it fails outright. News rarely comes near: the largest state
budgets are about 10^13 US dollars, world GDP about 10^14. The exception is a
currency in hyperinflation (rial, old Zimbabwe dollar), best restated in a
stable currency, as the sources mostly do.
"""

MAX_DECIMALS = 6
"""Decimal places a number may have: a millionth is still a figure a reader takes in.

Why a limit at all: Babel prints every decimal it is given (`1e-300` becomes
three hundred zeros), and six decimals with fifteen digits before the point
stay within the 28 digits of Babel's decimal arithmetic.
"""

MIN_YEAR, MAX_YEAR = 1, 9999
"""The years a date or a moment can show, on the clock it is shown on.

Why all of them rather than a "plausible" window: it is exactly what Python's
dates and Babel's formats can print, and history is news too (the battle in
the Teutoburg Forest was in the year 9). There is no year 0 (1 BC is followed
by AD 1), and dates before AD 1 cannot be written as ISO dates here.
"""


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
        return "-".join(f"{part:0{width}d}" for part, width in ((self.year, 4), (self.month, 2), (self.day, 2))
                        if part)


_DATE_PATTERN = r"^(unknown|[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)$"


def _parse_date(value: Any) -> Any:
    if isinstance(value, PartialDate):
        return value  # built by the code itself, e.g. the day of a moment
    if isinstance(value, int) and not isinstance(value, bool):
        value = f"{value:04d}"  # an unquoted year reads as a number
    if not isinstance(value, str) or not re.fullmatch(_DATE_PATTERN, value):
        raise ValueError("expected a date as YYYY-MM-DD, YYYY-MM, YYYY or unknown")
    if value == "unknown":
        return PartialDate()
    parts = [int(part) for part in value.split("-")]
    year, month, day = (parts + [None, None])[:3]
    if year < MIN_YEAR:
        raise ValueError(f"no year 0 in {value}: the calendar goes from 1 BC straight to AD 1, "
                         f"so years run from {MIN_YEAR:04d} to {MAX_YEAR}")
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
    if not (value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)):  # isfinite(1E+400) is False
        raise ValueError("must be a finite number")
    return value


_TOO_LARGE = "must be below 10^15 (a thousand trillion), the largest magnitude every language has a word for"


def _printable(larger: str = "", smaller: str = "") -> AfterValidator:
    """Below `MAX_NUMBER` and with at most `MAX_DECIMALS` decimal places; `-0` becomes `0` (Babel prints `-0`).

    Args:
        larger: What else to do with a number too large, after "check the digits".
        smaller: What else to do with too many decimals, after "round it".
    """

    def check(value: Decimal | int) -> Decimal | int:
        if abs(value) >= MAX_NUMBER:
            raise ValueError(f"{_TOO_LARGE}; check the digits{larger}")
        if isinstance(value, Decimal):
            exponent = value.as_tuple().exponent
            assert isinstance(exponent, int)  # _finite ran first
            if exponent < -MAX_DECIMALS:
                raise ValueError(f"must have at most {MAX_DECIMALS} decimal places; round it{smaller}")
        return value if value else abs(value)

    return AfterValidator(check)


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
    r"P(?!$)(?:(?P<years>[0-9]+)Y)?(?:(?P<months>[0-9]+)M)?(?:(?P<weeks>[0-9]+)W)?(?:(?P<days>[0-9]+)D)?"
    r"(?:T(?=[0-9])(?:(?P<hours>[0-9]+)H)?(?:(?P<minutes>[0-9]+)M)?(?:(?P<seconds>[0-9]+)S)?)?"
)
"""Used with `fullmatch`, and with ASCII digits only (`\\d` would take `P٢Y`)."""


def _duration(text: str) -> str:
    match = _DURATION.fullmatch(text)
    if not match:
        raise ValueError(f"{text!r} is not an ISO 8601 duration (e.g. P2Y, P6M, PT3H)")
    for unit, digits in match.groupdict().items():
        if digits and len(digits.lstrip("0")) > len(str(MAX_NUMBER - 1)):  # before int(): it refuses 4,300 digits
            larger = "" if unit == "years" else ", or count in a larger unit"
            raise ValueError(f"the {unit} must be below 10^15 (a thousand trillion); check the digits{larger}")
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
    try:
        value.astimezone(dt.UTC)
    except OverflowError:
        raise ValueError(_outside_the_calendar(value, "in UTC")) from None
    return value


def _outside_the_calendar(value: dt.datetime, where: str) -> str:
    edge = "after 31 December 9999" if value.year == MAX_YEAR else "before 1 January 0001"
    return (f"falls {edge} {where}, outside the years {MIN_YEAR}–{MAX_YEAR} a date can show; "
            "check the year and the offset")


Amount = Annotated[Decimal, AfterValidator(_finite), _printable(", or restate the sum in another currency"),
                   AfterValidator(_not_negative)]
FiniteNumber = Annotated[Decimal, AfterValidator(_finite), _printable()]
Measure = Annotated[Decimal, AfterValidator(_finite), _printable(", or give it in a larger unit",
                                                                 ", or give it in a smaller unit")]


def _refused(model: BaseModel, field: str, message: str, shown: Any) -> ValidationError:
    """A validation error at one field of `model`, for a fault a model validator finds in a combination of fields.

    Why at one field: the loader turns the location into the file position,
    so the problem points at the field the author is most likely to fix.
    """
    return ValidationError.from_exception_data(type(model).__name__, [InitErrorDetails(
        type=PydanticCustomError("value_error", message), loc=(field,), input=shown)])


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

    @model_validator(mode="after")
    def _shown_within_the_calendar(self) -> DateTimeValue:
        """The moment stays within the years 1–9999 on the clock of its zone, where it is shown.

        Why a ValidationError with a location: the fault is the combination,
        but the fix is usually the date-time, so the problem points there.
        """
        try:
            self.local()
        except OverflowError:
            message = _outside_the_calendar(self.datetime, f"on the clock of {self.zone}")
            raise _refused(self, "datetime", message, self.datetime.isoformat()) from None
        return self


Qualifier = Literal["about", "at-least", "more-than", "less-than", "up-to"]
"""How an amount relates to its number: `rund`/`about`, `mindestens`/`at least`, `mehr als`/`more than`, …"""

Qualified = Annotated[Qualifier | None, Field(description="about, at-least, more-than, less-than or up-to: how the "
                                                          "amount relates to the number, when the source says so")]

CountWord = Literal["dozens", "hundreds", "thousands", "tens-of-thousands", "hundreds-of-thousands"]
"""Counts the sources give in words (`Tausende Soldaten`), as the words they are: no number is made up for them."""

COUNT_WORDS: tuple[str, ...] = get_args(CountWord)


def _count_word(word: str) -> str:
    if word not in COUNT_WORDS:
        raise ValueError(f"expected a whole number (e.g. 35) or a count in words: {', '.join(COUNT_WORDS)}")
    return word


def _number_or_word(value: Any) -> str:
    """Lowercase letters and hyphens are a word; anything else is read, and refused, as a number."""
    return "word" if isinstance(value, str) and re.fullmatch(r"[a-z][a-z-]*", value) else "number"


WholeCount = Annotated[int, _printable(), AfterValidator(_not_negative)]
Count = Annotated[
    Annotated[WholeCount, Tag("number")]
    | Annotated[str, AfterValidator(_count_word), WithJsonSchema({"enum": list(COUNT_WORDS)}), Tag("word")],
    Discriminator(_number_or_word),
]


class _Bounded(StrictModel):
    """What money, counts and quantities share: an amount that may be approximate (`qualifier`) or a range (`to`).

    Each kind declares `to` and `qualifier` itself, so its own number comes first in the schema and in the YAML.
    """

    if TYPE_CHECKING:
        to: Any
        qualifier: Qualifier | None

    def ends(self) -> tuple[Any, Any]:
        """The amount and the upper end of its range (None when it is no range)."""
        kind = value_kind(self)
        assert kind is not None
        return getattr(self, kind), self.to

    @model_validator(mode="after")
    def _one_kind_of_bound(self) -> _Bounded:
        """A range, a qualifier or a count in words: each says how exact the amount is, so they do not combine."""
        first, to = self.ends()
        qualifier = self.qualifier
        if isinstance(first, str) and qualifier:
            raise _refused(self, "qualifier", f"{first!r} is approximate already; drop qualifier, or give a number "
                                              "(count: 3000, qualifier: about)", qualifier)
        if isinstance(first, str) and to is not None:
            raise _refused(self, "to", f"a range starts from a number, not from {first!r}; drop to, or give both "
                                       "ends as numbers (count: 1000, to: 5000)", str(to))
        if to is not None and qualifier:
            raise _refused(self, "qualifier", "a range takes no qualifier; drop qualifier, or drop to", qualifier)
        if to is not None and to <= first:
            start = f"{Decimal(first).normalize():f}"
            raise _refused(self, "to", f"a range ends above where it starts; to must be more than {start} "
                                       "(are the two numbers swapped?)", str(to))
        return self


class MoneyValue(_Bounded):
    """An amount of money, in an ISO 4217 currency when the source names one: exact, approximate or a range."""

    money: Amount = Field(description="The amount in whole currency units, e.g. 90000000000")
    to: Amount | None = Field(None, description="The upper end of a range, e.g. 999000000000 (money is the lower)")
    currency: Annotated[str, AfterValidator(_currency)] | None = Field(
        None, description="ISO 4217 code, e.g. EUR; left out when the source gives none")
    qualifier: Qualified = None


class CountValue(_Bounded):
    """A number of things (countries, soldiers): exact, approximate, a range or in words; the noun stays in the text."""

    count: Count = Field(description="A whole number, e.g. 35, or a count in words: " + ", ".join(COUNT_WORDS))
    to: WholeCount | None = Field(None, description="The upper end of a range, e.g. 50 (count is the lower)")
    qualifier: Qualified = None


class QuantityValue(_Bounded):
    """A measured amount with a CLDR unit: exact, approximate or a range."""

    quantity: Measure = Field(description="The measured amount")
    to: Measure | None = Field(None, description="The upper end of a range (quantity is the lower)")
    unit: Annotated[str, AfterValidator(_unit)] = Field(description="CLDR unit, e.g. length-kilometer")
    qualifier: Qualified = None


class DurationValue(StrictModel):
    """A length of time as ISO 8601 (P2Y = two years)."""

    duration: Annotated[str, AfterValidator(_duration)] = Field(description="ISO 8601 duration, e.g. P2Y")

    def parts(self) -> dict[str, int]:
        """The non-zero components, e.g. `{'years': 2}`."""
        match = _DURATION.fullmatch(self.duration)
        assert match
        return {unit: int(amount) for unit, amount in match.groupdict().items() if amount}


class PercentageValue(StrictModel):
    """A percentage given as its number: 12.5 means 12.5 %."""

    percentage: FiniteNumber = Field(description="Percent, e.g. 12.5 for 12.5 %")


def day_of(value: DateValue | DateTimeValue) -> PartialDate:
    """The calendar day of a date or a moment (a moment on the clock of its zone)."""
    if isinstance(value, DateValue):
        return value.date
    local = value.local()
    return PartialDate(year=local.year, month=local.month, day=local.day)


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


DayOrMoment = Annotated[
    Annotated[DateValue, Tag("date value")] | Annotated[DateTimeValue, Tag("datetime value")],
    Discriminator(
        _union_tag,
        custom_error_type="value_kind",
        custom_error_message="a day {date: …} or a moment {datetime: …, zone: …}",
    ),
]
"""When something happens: a day as precisely as known, or a moment when the time of day is known too."""
