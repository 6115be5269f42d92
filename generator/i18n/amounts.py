"""Amounts as exact as their source: about, at least, more than, less than, up to, between two, a magnitude, words.

Why the words come from the message catalog: CLDR has none for them. Of
CLDR's patterns for such amounts (`approximately`, `atLeast`, `atMost`,
`range`), Babel ships only the approximately sign (`≈`, `~`), and news prose
writes them as words anyway (`rund`, `mehr als`, `in dreistelliger
Milliardenhöhe`). So each phrase is a msgid of the project's catalog,
written out below as `_("…")` so that `briefing i18n extract` finds it, and
translated like every template string; a configured language whose catalog
lacks one is refused by a strict build and listed by `briefing i18n status`.
The numbers inside the phrases stay CLDR's (see `numbers`).

Limit: the words are in the case of a subject or object; a phrase cannot
decline them or the noun of its number. German `zwischen` takes the dative
(`zwischen 5 und 10 Kilometern`), and CLDR's unit names in Babel have no
cases, so a range of quantities reads `zwischen 5 und 10 Kilometer`; money
and counts are not affected (`Milliarden Euro`). A count in words is the
form before a noun (`Tausende Soldaten`, `thousands of soldiers`), not after
a preposition (`mit Tausenden Soldaten`).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from babel.numbers import get_currency_name

from generator.config import LanguageConfig
from generator.i18n.numbers import MONEY_STYLES, format_count, format_money, format_quantity
from generator.records.values import CountValue, CountWord, MoneyValue, Qualifier, QuantityValue

Gettext = Callable[[str], str]
"""A message catalog's `gettext`: a msgid in, the language's words out (the msgid itself for English)."""

Phrase = Callable[[Gettext], str]
"""One msgid, translated by the catalog it is given."""

MONEY_VALUE_STYLES: tuple[str, ...] = (*MONEY_STYLES, "magnitude")
"""The money styles of `format_money`, and the magnitude a record's amount can be shown as."""

QUALIFIERS: dict[Qualifier, Phrase] = {
    # TRANSLATORS: approximately (not "concerning"): "about €90 billion"
    "about": lambda _: _("about %(amount)s"),
    "at-least": lambda _: _("at least %(amount)s"),
    "more-than": lambda _: _("more than %(amount)s"),
    "less-than": lambda _: _("less than %(amount)s"),
    "up-to": lambda _: _("up to %(amount)s"),
}

COUNTS_IN_WORDS: dict[CountWord, Phrase] = {
    # TRANSLATORS: a count in words, before the noun the text writes: "dozens of countries", German "Dutzende Länder"
    "dozens": lambda _: _("dozens of"),
    # TRANSLATORS: a count in words, before the noun the text writes: "hundreds of soldiers", German "Hunderte Soldaten"
    "hundreds": lambda _: _("hundreds of"),
    # TRANSLATORS: a count in words, before the noun the text writes: "thousands of soldiers"
    "thousands": lambda _: _("thousands of"),
    # TRANSLATORS: a count in words, before the noun the text writes: "tens of thousands of refugees"
    "tens-of-thousands": lambda _: _("tens of thousands of"),
    # TRANSLATORS: a count in words, before the noun the text writes: "hundreds of thousands of refugees"
    "hundreds-of-thousands": lambda _: _("hundreds of thousands of"),
}
"""Counts in words, in the form before a noun, which the text writes (`{soldiers} Soldaten`, `{soldiers} soldiers`)."""

SCALES: dict[int, Phrase] = {
    # TRANSLATORS: the scale an amount is counted in, as a plural noun, for %(scale)s in "running into …"
    10**6: lambda _: _("millions"),
    # TRANSLATORS: the scale an amount is counted in (10⁹), as a plural noun, for %(scale)s in "running into …"
    10**9: lambda _: _("billions"),
    # TRANSLATORS: the scale an amount is counted in (10¹²), as a plural noun, for %(scale)s in "running into …"
    10**12: lambda _: _("trillions"),
}
"""The magnitudes money is counted in, as plural nouns (English `billions` is no CLDR form)."""

MAGNITUDES: dict[int, tuple[Phrase, Phrase]] = {
    1: (
        # TRANSLATORS: after a noun, 1 to 9 of a scale ("in einstelliger Milliardenhöhe"); %(scale)s: "billions"
        lambda _: _("running into %(scale)s"),
        # TRANSLATORS: as "running into %(scale)s", with a currency; %(currency)s is its plural name: "euros"
        lambda _: _("running into %(scale)s of %(currency)s"),
    ),
    2: (
        # TRANSLATORS: after a noun, 10 to 99 of a scale ("in zweistelliger Milliardenhöhe"); %(scale)s: "billions"
        lambda _: _("running into tens of %(scale)s"),
        # TRANSLATORS: as "running into tens of %(scale)s", with a currency; %(currency)s is its plural name: "euros"
        lambda _: _("running into tens of %(scale)s of %(currency)s"),
    ),
    3: (
        # TRANSLATORS: after a noun, 100 to 999 of a scale ("in dreistelliger Milliardenhöhe"); %(scale)s: "billions"
        lambda _: _("running into hundreds of %(scale)s"),
        # TRANSLATORS: as "running into hundreds of %(scale)s", with a currency; %(currency)s is its plural name
        lambda _: _("running into hundreds of %(scale)s of %(currency)s"),
    ),
}
"""By the digits of the amount counted in its scale: without a currency, and with one."""


def _between(_: Gettext) -> str:
    # TRANSLATORS: two amounts with their units; a unit that follows both numbers is given once, with %(high)s
    return _("between %(low)s and %(high)s")


def format_money_value(value: MoneyValue, language: LanguageConfig, style: str | None,
                       gettext: Gettext | None) -> str:
    """An amount of money as exact as the record has it, in a style of `format_money` or as a magnitude.

    The `magnitude` style names only how large the amount is, as the idiom
    after a noun (`Staatsvermögen in dreistelliger Milliardenhöhe`, `assets
    running into hundreds of billions of euros`): the number of digits it has
    counted in millions, billions or trillions. It takes an amount of at
    least a million, or a range whose ends have the same magnitude, and no
    qualifier, since it says how exact it is itself.

    >>> from generator.i18n import language
    >>> de, en = language("de_DE", "„“‚‘"), language("en_GB", "“”‘’")
    >>> english = str  # the msgids are English: returned as they are
    >>> german = {"between %(low)s and %(high)s": "zwischen %(low)s und %(high)s", "billions": "Milliarden",
    ...           "running into hundreds of %(scale)s": "in dreistelliger %(scale)shöhe"}
    >>> assets = MoneyValue(money=100_000_000_000, to=999_000_000_000, currency="EUR")
    >>> format_money_value(assets, de, None, german.get), format_money_value(assets, en, "compact", english)
    ('zwischen 100 und 999 Milliarden Euro', 'between €100bn and €999bn')
    >>> format_money_value(MoneyValue(money=100_000_000_000, to=999_000_000_000), de, "magnitude", german.get)
    'in dreistelliger Milliardenhöhe'
    >>> format_money_value(MoneyValue(money=90e9, currency="EUR", qualifier="about"), en, None, english)
    'about €90 billion'
    """
    if style == "magnitude":
        return _magnitude(value, language, _catalog(gettext))
    return _bounded(value, lambda amount: format_money(amount, value.currency, language, style or "long"), gettext)


def format_count_value(value: CountValue, language: LanguageConfig, gettext: Gettext | None) -> str:
    """A count as exact as the record has it: a number (`format_count`), approximate, a range, or in words.

    >>> from generator.i18n import language
    >>> de = language("de_DE", "„“‚‘")
    >>> format_count_value(CountValue(count="thousands"), de, {"thousands of": "Tausende"}.get)
    'Tausende'
    >>> between = {"between %(low)s and %(high)s": "zwischen %(low)s und %(high)s"}
    >>> format_count_value(CountValue(count=2, to=5), de, between.get)
    'zwischen zwei und fünf'
    """
    if isinstance(value.count, str):
        return COUNTS_IN_WORDS[value.count](_catalog(gettext))
    return _bounded(value, lambda count: format_count(count, language), gettext)


def format_quantity_value(value: QuantityValue, language: LanguageConfig, gettext: Gettext | None) -> str:
    """A quantity as exact as the record has it (see the module's limit for ranges).

    >>> from generator.i18n import language
    >>> distance = QuantityValue(quantity=5, to=10, unit="length-kilometer")
    >>> format_quantity_value(distance, language("en_GB", "“”‘’"), str)  # str: the English msgids as they are
    'between 5 and 10 kilometres'
    """
    return _bounded(value, lambda quantity: format_quantity(quantity, value.unit, language), gettext)


def _bounded(value: MoneyValue | CountValue | QuantityValue, number: Callable[[Any], str],
             gettext: Gettext | None) -> str:
    """The amount by `number`, inside the catalog's phrase for its range or qualifier, if it has one."""
    first, to = value.ends()
    if to is not None:
        low, high = _unit_once(number(first), number(to))
        return _between(_catalog(gettext)) % {"low": low, "high": high}
    if value.qualifier:
        return QUALIFIERS[value.qualifier](_catalog(gettext)) % {"amount": number(first)}
    return number(first)


def _unit_once(low: str, high: str) -> tuple[str, str]:
    """The ends of a range, with the unit after the lower number left out when both numbers end in it.

    `100 Milliarden Euro` and `999 Milliarden Euro` read `100 und 999 Milliarden
    Euro`. Only when nothing stands before the numbers: `€100 and €999 billion`
    would read as a hundred euros. Ends in different plural forms (`1 Milliarde`,
    `2 Milliarden`) keep theirs.
    """
    unit = _after_the_number(low)
    if unit and unit == _after_the_number(high) and low[:1].isdecimal() and high[:1].isdecimal():
        return low[:-len(unit)], high
    return low, high


def _after_the_number(text: str) -> str:
    digits = [index for index, char in enumerate(text) if char.isdecimal()]
    return text[digits[-1] + 1:] if digits else ""


def _magnitude(value: MoneyValue, language: LanguageConfig, catalog: Gettext) -> str:
    """The catalog's phrase for the magnitude of the amount (or of both ends of its range)."""
    if value.qualifier:
        raise ValueError(f"style 'magnitude' says how exact the amount is itself; drop qualifier: {value.qualifier} "
                         "or the style")
    first, to = value.ends()
    scale, digits = _order(first)
    if to is not None and _order(to) != (scale, digits):
        raise ValueError(f"style 'magnitude' needs both ends of the range in one magnitude (such as 100 to 999 "
                         f"billion), not {_plain(first)} to {_plain(to)}; drop the style")
    without, with_currency = MAGNITUDES[digits]
    words = {"scale": SCALES[scale](catalog)}
    if value.currency is None:
        return without(catalog) % words
    currency = get_currency_name(value.currency, count=first, locale=language.locale)
    return with_currency(catalog) % (words | {"currency": currency})


def _order(amount: Decimal) -> tuple[int, int]:
    """The scale an amount is counted in and its digits there: 250 billion is (10**9, 3)."""
    scale = max((scale for scale in SCALES if amount >= scale), default=None)
    if scale is None:
        raise ValueError(f"style 'magnitude' counts in millions, billions or trillions, and {_plain(amount)} is "
                         "less than a million; drop the style")
    return scale, len(str(int(amount // scale)))


def _plain(amount: Decimal) -> str:
    return f"{amount.normalize():f}"


def _catalog(gettext: Gettext | None) -> Gettext:
    """The catalog, which an approximate, ranged or worded amount cannot do without."""
    if gettext is None:
        raise ValueError("this amount is worded by the message catalog (about, between, thousands…), and no "
                         "catalog was given")
    return gettext
