"""Dates, date ranges and moments in the words of one locale.

Why a module of its own: the records keep dates as partial as the sources
are (a day, a month, a year, or nothing), and each precision needs its own
CLDR form. Every pattern here comes from CLDR through Babel: a named format
(`long`) or a skeleton (`yMMMM`). Where Babel's skeleton matching stops short
of CLDR's rules (it finds `yMMMd` for `yMMMMd` but does not widen the month,
and it cannot show a zone with a short time), `_adjust` applies the field
adjustment that UTS #35 prescribes, so no pattern is written by hand.

Nothing here reads the clock: Babel treats a missing date as "now", so every
function takes its date as a required argument.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import (
    format_date,
    format_skeleton,
    get_datetime_format,
    match_skeleton,
    tokenize_pattern,
    untokenize_pattern,
)
from babel.dates import format_datetime as babel_format_datetime

from generator.config import LanguageConfig
from generator.records.values import DateTimeValue, PartialDate

_MONTH_FIELDS = frozenset("ML")
_ZONE_FIELDS = frozenset("zZvVOX")


def format_partial_date(date: PartialDate, language: LanguageConfig, *, unknown: str) -> str:
    """A date as precise as it is known: day, month or year.

    Args:
        date: The date from the record.
        language: The output language.
        unknown: The wording for a date nobody knows; the caller takes it from
            its message catalog, since CLDR has no word for it.

    >>> from generator.i18n import language
    >>> de, en = language("de_DE", "„“‚‘"), language("en_GB", "“”‘’")
    >>> day, month = PartialDate(year=2026, month=1, day=6), PartialDate(year=2026, month=1)
    >>> format_partial_date(day, de, unknown="unbekannt"), format_partial_date(day, en, unknown="unknown")
    ('6. Januar 2026', '6 January 2026')
    >>> format_partial_date(month, de, unknown="unbekannt"), format_partial_date(month, en, unknown="unknown")
    ('Januar 2026', 'January 2026')
    >>> format_partial_date(PartialDate(year=2026), de, unknown="unbekannt")
    '2026'
    >>> format_partial_date(PartialDate(), en, unknown="date unknown")
    'date unknown'
    """
    if date.year is None:
        return unknown
    locale = language.locale
    if date.day and date.month:
        return format_date(dt.date(date.year, date.month, date.day), "long", locale=locale)
    skeleton = "yMMMM" if date.month else "y"
    return format_skeleton(skeleton, dt.date(date.year, date.month or 1, 1), locale=locale)


def format_date_range(start: dt.date, end: dt.date, language: LanguageConfig) -> str:
    """Two days as one span, sharing what they share (CLDR interval formats).

    Why not `babel.dates.format_interval`: for `yMMMMd` it falls back to the
    abbreviated `yMMMd` (`6.–8. Jan. 2026`); UTS #35 widens the month to the
    asked-for length, which keeps a range in the same style as a single date.

    >>> from generator.i18n import language
    >>> de, en = language("de_DE", "„“‚‘"), language("en_GB", "“”‘’")
    >>> first, third = dt.date(2026, 1, 6), dt.date(2026, 1, 8)
    >>> format_date_range(first, third, de), format_date_range(first, third, en)
    ('6.–8. Januar 2026', '6\u2009–\u20098 January 2026')
    >>> format_date_range(dt.date(2025, 12, 30), first, de)
    '30. Dezember 2025\\u2009–\\u20096. Januar 2026'
    >>> format_date_range(first, first, en)
    '6 January 2026'
    """
    if end < start:
        raise ValueError(f"a date range cannot end ({end}) before it starts ({start})")
    locale = language.locale
    if start == end:
        return format_date(start, "long", locale=locale)
    skeleton = "yMMMMd"
    intervals = locale.interval_formats
    patterns = intervals[skeleton if skeleton in intervals else match_skeleton(skeleton, intervals)]
    differs = "y" if start.year != end.year else "M" if start.month != end.month else "d"
    first, second = (_adjust(pattern, skeleton) for pattern in patterns[differs])
    return format_date(start, first, locale=locale) + format_date(end, second, locale=locale)


def format_datetime(value: DateTimeValue, language: LanguageConfig) -> str:
    """A moment on the clock of its zone, or with its UTC offset when no zone is named.

    The date takes the locale's long form, the time the locale's hours and
    minutes with the zone's short name (CLDR `z`, e.g. MEZ/CET), or the
    localized GMT offset (CLDR `ZZZZ`) for a bare offset; the locale's long
    date-time pattern joins the two.

    >>> from generator.i18n import language
    >>> de, en = language("de_DE", "„“‚‘"), language("en_GB", "“”‘’")
    >>> moment = DateTimeValue(datetime="2026-01-07T09:00:00+01:00", zone="Europe/Berlin")
    >>> format_datetime(moment, de), format_datetime(moment, en)
    ('7. Januar 2026, 09:00 MEZ', '7 January 2026, 09:00 CET')
    >>> format_datetime(DateTimeValue(datetime="2026-01-07T09:00:00+01:00"), en)
    '7 January 2026, 09:00 GMT+01:00'
    """
    locale = language.locale
    zone = "z" if value.zone else "ZZZZ"
    skeletons = locale.datetime_skeletons
    matched = match_skeleton(f"{_hour_field(language)}mv", skeletons)  # CLDR lists times with the generic zone v
    time = _adjust(skeletons[matched].pattern, zone)
    date = locale.date_formats["long"].pattern
    pattern = get_datetime_format("long", locale=locale).replace("{1}", date).replace("{0}", time)
    return babel_format_datetime(value.local(), pattern, locale=locale)


def iso_date(date: PartialDate) -> str | None:
    """The machine-readable form for HTML `<time datetime>`; None when unknown.

    >>> iso_date(PartialDate(year=2026, month=1)), iso_date(PartialDate())
    ('2026-01', None)
    """
    return None if date.year is None else date.iso()


def iso_datetime(value: DateTimeValue) -> str:
    """The moment as ISO 8601 with the offset of its zone, for `<time datetime>`.

    >>> iso_datetime(DateTimeValue(datetime="2026-01-07T08:00:00Z", zone="Europe/Berlin"))
    '2026-01-07T09:00:00+01:00'
    """
    return value.local().isoformat()


def _hour_field(language: LanguageConfig) -> str:
    """`H` or `h`: the hour cycle of the locale's short time format (what UTS #35's `j` stands for)."""
    fields = (value[0] for kind, value in tokenize_pattern(language.locale.time_formats["short"].pattern)
              if kind == "field")
    return next((char for char in fields if char in "HhKk"), "H")


def _adjust(pattern: str, skeleton: str) -> str:
    """Give a matched CLDR pattern the month width and zone form that `skeleton` asked for (UTS #35 §2.6.2.1)."""
    wanted = dict(value for kind, value in tokenize_pattern(skeleton) if kind == "field")
    month = next((width for char, width in wanted.items() if char in _MONTH_FIELDS), None)
    zone = next(((char, width) for char, width in wanted.items() if char in _ZONE_FIELDS), None)
    tokens = []
    for kind, value in tokenize_pattern(pattern):
        if kind == "field" and value[0] in _MONTH_FIELDS and month and min(month, value[1]) >= 3:
            value = (value[0], month)
        elif kind == "field" and value[0] in _ZONE_FIELDS and zone:
            value = zone
        tokens.append((kind, value))
    return untokenize_pattern(tokens)
