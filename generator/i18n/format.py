"""One entry point from a typed value to its text in one locale.

Why a registry: text refers to values by placeholder (`{amount:compact}`),
and the renderer should not know which formatter serves which kind. Each
kind names its formatter and the styles it accepts, so a wrong style is
caught with the list of right ones.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.config import LanguageConfig
from generator.i18n.amounts import (
    MONEY_VALUE_STYLES,
    Gettext,
    format_count_value,
    format_money_value,
    format_quantity_value,
)
from generator.i18n.dates import DATETIME_STYLES, DAY_STYLES, format_datetime, format_partial_date
from generator.i18n.durations import DURATION_STYLES, format_duration
from generator.i18n.numbers import format_percentage
from generator.records.values import (
    CountValue,
    DateTimeValue,
    DateValue,
    DurationValue,
    MoneyValue,
    PercentageValue,
    QuantityValue,
    value_kind,
)


@dataclass(frozen=True)
class Words:
    """What formatting takes from the language's message catalog, since CLDR has no words for it."""

    unknown_date: str
    """The wording for a date nobody knows."""
    gettext: Gettext | None
    """The catalog, for amounts that are approximate, ranges, magnitudes or words (see `amounts`)."""


@dataclass(frozen=True)
class Formatter:
    """How one kind of value becomes text, and which styles it takes besides the default."""

    model: type
    """The typed value model this kind stands for."""
    format: Callable[[Any, LanguageConfig, Any, Words], str]
    """Called with the value, the language, the style (None for the default) and the catalog's words."""
    styles: tuple[str, ...] = ()


FORMATTERS: dict[str, Formatter] = {
    "date": Formatter(DateValue, lambda v, lang, style, words: format_partial_date(
        v.date, lang, unknown=words.unknown_date, style=style), DAY_STYLES),
    "datetime": Formatter(DateTimeValue, lambda v, lang, style, _: format_datetime(v, lang, style), DATETIME_STYLES),
    "money": Formatter(MoneyValue, lambda v, lang, style, words: format_money_value(v, lang, style, words.gettext),
                       MONEY_VALUE_STYLES),
    "count": Formatter(CountValue, lambda v, lang, _, words: format_count_value(v, lang, words.gettext)),
    "quantity": Formatter(QuantityValue, lambda v, lang, _, words: format_quantity_value(v, lang, words.gettext)),
    "duration": Formatter(DurationValue, lambda v, lang, style, _: format_duration(v, lang, style), DURATION_STYLES),
    "percentage": Formatter(PercentageValue, lambda v, lang, _, __: format_percentage(v.percentage, lang)),
}
"""Every kind of typed value (see `generator.records.values`) and its formatter."""


def format_value(value: Any, language: LanguageConfig, style: str | None = None, *, unknown_date: str,
                 gettext: Gettext | None = None) -> str:
    """A typed value as text in the given language and style.

    Args:
        value: A typed value model (`MoneyValue`, `DateValue`, …).
        language: The output language.
        style: A style the value's kind offers (money: long, compact, full,
            magnitude; date: weekday, weekday-date; datetime: time, date,
            weekday, weekday-date; duration: number), or None for the kind's default.
        unknown_date: The wording for an unknown date, from the message catalog.
        gettext: The language's message catalog, for the words of amounts that
            are not exact (`rund`, `zwischen`, `Tausende`); without it those
            are refused rather than shown in English.

    Raises:
        ValueError: The value is not a typed value, its kind has no such style,
            or the style does not fit the value (a weekday of a month).

    >>> from generator.i18n import language
    >>> from generator.records.values import CountValue, MoneyValue
    >>> de, en = language("de_DE", "„“‚‘"), language("en_GB", "“”‘’")
    >>> aid = MoneyValue(money=90_000_000_000, currency="EUR")
    >>> format_value(aid, de, unknown_date="unbekannt"), format_value(aid, en, "compact", unknown_date="unknown")
    ('90 Milliarden Euro', '€90bn')
    >>> format_value(CountValue(count=35), de, "compact", unknown_date="unbekannt")
    Traceback (most recent call last):
        ...
    ValueError: a count takes no style, not 'compact'
    """
    kind = value_kind(value)
    formatter = FORMATTERS.get(kind) if kind else None
    if formatter is None or not isinstance(value, formatter.model):
        raise ValueError(f"not a typed value: {value!r}")
    if style is not None and style not in formatter.styles:
        if not formatter.styles:
            raise ValueError(f"a {kind} takes no style, not {style!r}")
        raise ValueError(f"no {kind} style {style!r}; use one of: {', '.join(formatter.styles)}")
    return formatter.format(value, language, style, Words(unknown_date, gettext))
