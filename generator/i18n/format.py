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
from generator.i18n.dates import format_datetime, format_partial_date
from generator.i18n.durations import DURATION_STYLES, format_duration
from generator.i18n.numbers import MONEY_STYLES, format_count, format_money, format_percentage, format_quantity
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
class Formatter:
    """How one kind of value becomes text, and which styles it takes besides the default."""

    model: type
    """The typed value model this kind stands for."""
    format: Callable[[Any, LanguageConfig, Any, str], str]
    """Called with the value, the language, the style (None for the default) and the wording for an unknown date."""
    styles: tuple[str, ...] = ()


FORMATTERS: dict[str, Formatter] = {
    "date": Formatter(DateValue, lambda v, lang, _, unknown: format_partial_date(v.date, lang, unknown=unknown)),
    "datetime": Formatter(DateTimeValue, lambda v, lang, _, __: format_datetime(v, lang)),
    "money": Formatter(MoneyValue, lambda v, lang, style, _: format_money(v.money, v.currency, lang, style or "long"),
                       MONEY_STYLES),
    "count": Formatter(CountValue, lambda v, lang, _, __: format_count(v.count, lang)),
    "quantity": Formatter(QuantityValue, lambda v, lang, _, __: format_quantity(v.quantity, v.unit, lang)),
    "duration": Formatter(DurationValue, lambda v, lang, style, _: format_duration(v, lang, style), DURATION_STYLES),
    "percentage": Formatter(PercentageValue, lambda v, lang, _, __: format_percentage(v.percentage, lang)),
}
"""Every kind of typed value (see `generator.records.values`) and its formatter."""


def format_value(value: Any, language: LanguageConfig, style: str | None = None, *, unknown_date: str) -> str:
    """A typed value as text in the given language and style.

    Args:
        value: A typed value model (`MoneyValue`, `DateValue`, …).
        language: The output language.
        style: A style the value's kind offers (money: long, compact, full;
            duration: number), or None for the kind's default.
        unknown_date: The wording for an unknown date, from the message catalog.

    Raises:
        ValueError: The value is not a typed value, or its kind has no such style.

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
    return formatter.format(value, language, style, unknown_date)
