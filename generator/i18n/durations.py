"""Lengths of time (`P2Y`, `P1Y6M`) as words of one locale.

Why a module of its own: a duration is several numbers, each with a CLDR
unit (`duration-year` …) whose plural form depends on the number, joined by
the locale's list pattern, and the numbers follow the house rule for counts.

Why not `babel.units.format_unit` with a spelled-out number: given a string,
it always takes the singular pattern (`zwei Jahr`; see `format_unit` in
`babel/units.py`). So `_unit_phrase` picks the CLDR pattern for the number's
plural category itself, from the same table `babel.dates.format_timedelta`
reads.

Limit: a spelled-out one has to agree with its noun (German `ein Jahr`,
`eine Woche`), which neither Babel's CLDR data nor num2words can tell, so a
component of one keeps its digit: `1 Jahr und sechs Monate`. The same holds,
unresolved, for two in Polish and Ukrainian before feminine units
(`dwie godziny`, `дві години`): the words are the masculine counting form.
"""

from __future__ import annotations

from typing import Literal

from generator.config import LanguageConfig
from generator.i18n.lists import format_list
from generator.i18n.numbers import format_count, format_number
from generator.records.values import DurationValue

DurationStyle = Literal["number"]
DURATION_STYLES: tuple[DurationStyle, ...] = ("number",)

CLDR_UNITS = {
    "years": "duration-year",
    "months": "duration-month",
    "weeks": "duration-week",
    "days": "duration-day",
    "hours": "duration-hour",
    "minutes": "duration-minute",
    "seconds": "duration-second",
}
"""Each component of an ISO 8601 duration and the CLDR unit that names it, largest first."""


def format_duration(value: DurationValue, language: LanguageConfig, style: DurationStyle | None = None) -> str:
    """A duration in words: each component as a CLDR long unit, joined as a list.

    Args:
        value: The duration from the record.
        language: The output language.
        style: None for the full phrase; `number` for the bare number of a
            single-component duration, for text that writes the noun itself
            in a case CLDR does not cover (`inmitten von {war:number} Jahren Krieg`).

    >>> from generator.i18n import language
    >>> de, en = language("de_DE", "„“‚‘"), language("en_GB", "“”‘’")
    >>> format_duration(DurationValue(duration="P2Y"), de), format_duration(DurationValue(duration="P2Y"), en)
    ('zwei Jahre', 'two years')
    >>> format_duration(DurationValue(duration="P18M"), de), format_duration(DurationValue(duration="P18M"), en)
    ('18 Monate', '18 months')
    >>> format_duration(DurationValue(duration="P1Y6M"), de), format_duration(DurationValue(duration="P1Y6M"), en)
    ('1 Jahr und sechs Monate', '1 year and six months')
    >>> format_duration(DurationValue(duration="P4Y"), de, "number")
    'vier'
    """
    parts = value.parts()
    if style == "number":
        if len(parts) != 1:
            raise ValueError(f"style 'number' needs a duration of one component (such as P4Y), not {value.duration}")
        return _amount(next(iter(parts.values())), language)
    if style is not None:
        raise ValueError(f"no duration style {style!r}; use one of {', '.join(DURATION_STYLES)}")
    return format_list([_unit_phrase(parts[name], unit, language) for name, unit in CLDR_UNITS.items()
                        if name in parts], language)


def _amount(n: int, language: LanguageConfig) -> str:
    """The house rule for counts, except that one keeps its digit (see the module's limit)."""
    return format_number(n, language) if n == 1 else format_count(n, language)


def _unit_phrase(n: int, unit: str, language: LanguageConfig) -> str:
    """`zwei Jahre`: the CLDR long pattern for the plural category of `n`, around the house-style amount."""
    locale = language.locale
    patterns = locale._data["unit_patterns"][unit]["long"]
    pattern = patterns.get(locale.plural_form(n)) or patterns["other"]
    return pattern.format(_amount(n, language))
