"""Numbers, counts, percentages, quantities and money in the words of one locale.

Why a module of its own: the records hold amounts as numbers, and the house
style decides how each kind reads (small counts in words, large sums in
words of magnitude). Babel supplies every symbol, separator and pattern from
CLDR; num2words spells out small numbers, since CLDR's spell-out rules do not
ship with Babel.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from babel.numbers import (
    format_compact_currency,
    format_compact_decimal,
    format_currency,
    format_decimal,
    format_percent,
    get_currency_name,
    get_currency_symbol,
    get_currency_unit_pattern,
)
from babel.units import format_unit
from num2words import CONVERTER_CLASSES, num2words

from generator.config import LanguageConfig

Number = int | float | Decimal
MoneyStyle = Literal["long", "compact", "full"]
MONEY_STYLES: tuple[MoneyStyle, ...] = ("long", "compact", "full")

SPELLED_OUT = range(13)
"""Whole numbers the house style writes in words (Duden and most style guides: up to twelve)."""

_COMPACT_FROM = 1_000_000
"""Sums from a million read as `90 Milliarden Euro`; below, `1 Tausend Euro` would be odd, so digits stay."""

_MAGNITUDE_DECIMALS = 2
"""Decimals kept after a magnitude word: `12,25 Milliarden`, not `12 Milliarden`."""


def format_number(value: Number, language: LanguageConfig) -> str:
    """A number with the locale's separators, keeping the decimals it was given.

    >>> from generator.i18n import language
    >>> de, en = language("de_DE", "„“‚‘"), language("en_GB", "“”‘’")
    >>> format_number(Decimal("1234.5"), de), format_number(Decimal("1234.5"), en)
    ('1.234,5', '1,234.5')
    """
    return format_decimal(value, locale=language.locale, decimal_quantization=False)


def format_count(n: int, language: LanguageConfig) -> str:
    """A number of things: zero to twelve in words, larger counts in digits with grouping.

    Why num2words: Babel does not ship CLDR's rule-based number spell-out.
    A language num2words does not know keeps digits rather than failing the
    build. The words are the counting form (German `eins`), which does not
    agree with a noun's gender or case; the text around a count supplies it.

    >>> from generator.i18n import language
    >>> de, en = language("de_DE", "„“‚‘"), language("en_GB", "“”‘’")
    >>> format_count(2, de), format_count(2, en)
    ('zwei', 'two')
    >>> format_count(35, de), format_count(1000, de), format_count(1000, en)
    ('35', '1.000', '1,000')
    """
    if n in SPELLED_OUT and (converter := _num2words_language(language)):
        return num2words(n, lang=converter)
    return format_number(n, language)


def format_percentage(value: Number, language: LanguageConfig) -> str:
    """A percentage given as its number of percent (12.5 means 12.5 %).

    >>> from generator.i18n import language
    >>> de, en = language("de_DE", "„“‚‘"), language("en_GB", "“”‘’")
    >>> format_percentage(Decimal("12.5"), de), format_percentage(Decimal("12.5"), en)
    ('12,5\\xa0%', '12.5%')
    """
    return format_percent(Decimal(str(value)) / 100, locale=language.locale, decimal_quantization=False)


def format_quantity(value: Number, unit: str, language: LanguageConfig) -> str:
    """A measured amount with the long name of its CLDR unit, in the right plural form.

    >>> from generator.i18n import language
    >>> de, en = language("de_DE", "„“‚‘"), language("en_GB", "“”‘’")
    >>> format_quantity(Decimal("12.5"), "length-kilometer", de), format_quantity(1, "length-kilometer", en)
    ('12,5 Kilometer', '1 kilometre')
    """
    return format_unit(value, unit, "long", locale=language.locale)


def format_money(amount: Number, currency: str | None, language: LanguageConfig, style: MoneyStyle = "long") -> str:
    """An amount of money in one of three styles; without a currency (the source gave none), the amount alone.

    Styles:
        long: the house style for running text. From a million up, the number
            takes CLDR's long compact form (`90 Milliarden`, `90 billion`);
            below, plain digits. The currency goes where the locale's
            currency pattern puts its sign: before the number as the
            currency symbol (`€90 billion`), after it as the currency's
            display name for that amount (`90 Milliarden Euro`), since a
            symbol after a spelled-out magnitude reads badly. Checked for
            German, English, Polish and Ukrainian; French would need
            `milliards d'euros`, which CLDR's patterns do not give.
        compact: CLDR's short compact currency form (`90 Mrd. €`, `€90bn`),
            for tables and tight spaces.
        full: every digit with the currency's decimals (`90.000.000.000,00 €`).

    >>> from generator.i18n import language
    >>> de, en = language("de_DE", "„“‚‘"), language("en_GB", "“”‘’")
    >>> format_money(90_000_000_000, "EUR", de), format_money(90_000_000_000, "EUR", en)
    ('90 Milliarden Euro', '€90 billion')
    >>> format_money(90_000_000_000, "EUR", de, "compact"), format_money(90_000_000_000, "EUR", en, "compact")
    ('90\\xa0Mrd.\\xa0€', '€90bn')
    >>> format_money(90_000_000_000, "EUR", de, "full"), format_money(90_000_000_000, "EUR", en, "full")
    ('90.000.000.000,00\\xa0€', '€90,000,000,000.00')
    >>> format_money(1500, "GBP", en), format_money(Decimal("1500.5"), "USD", de)
    ('£1,500', '1.500,50 US-Dollar')
    >>> [format_money(100_000_000_000, None, de, style) for style in MONEY_STYLES]
    ['100 Milliarden', '100\xa0Mrd.', '100.000.000.000']
    >>> [format_money(100_000_000_000, None, en, style) for style in MONEY_STYLES]
    ['100 billion', '100bn', '100,000,000,000']
    """
    locale = language.locale
    if style == "full":
        return format_currency(amount, currency, locale=locale) if currency else format_number(amount, language)
    if style == "compact":
        if currency is None:
            return format_compact_decimal(amount, locale=locale, fraction_digits=_MAGNITUDE_DECIMALS)
        return format_compact_currency(amount, currency, locale=locale, fraction_digits=_MAGNITUDE_DECIMALS)
    if style != "long":
        raise ValueError(f"no money style {style!r}; use one of {', '.join(MONEY_STYLES)}")
    if abs(amount) >= _COMPACT_FROM:
        number = format_compact_decimal(amount, format_type="long", locale=locale,
                                        fraction_digits=_MAGNITUDE_DECIMALS)
    else:
        number = _plain_amount(amount, currency, language)
    if currency is None:
        return number
    prefix = locale.currency_formats["standard"].prefix[0]
    if "¤" in prefix:
        return prefix.replace("¤", get_currency_symbol(currency, locale=locale)) + number
    name = get_currency_name(currency, count=amount, locale=locale)
    return get_currency_unit_pattern(currency, count=amount, locale=locale).format(number, name)


def _plain_amount(amount: Number, currency: str | None, language: LanguageConfig) -> str:
    """Whole sums stay whole (`£1,500`); others show the currency's decimals (`1.500,50`), or their own without one."""
    if currency is None or Decimal(str(amount)) % 1 == 0:
        return format_number(amount, language)
    return language.locale.decimal_formats[None].apply(amount, language.locale, currency=currency)


def _num2words_language(language: LanguageConfig) -> str | None:
    """The num2words converter for the locale (`pt_BR` before `pt`), or None if it has none."""
    locale = language.locale
    for candidate in (f"{locale.language}_{locale.territory}", locale.language):
        if candidate in CONVERTER_CLASSES:
            return candidate
    return None
