"""Dates, date ranges and moments in the words of one locale.

Why a module of its own: the records keep dates as partial as the sources
are (a day, a month, a year, or nothing), and each precision needs its own
CLDR form. Every pattern here comes from CLDR through Babel: a named format
(`long`) or a skeleton (`yMMMM`). Where Babel's skeleton matching stops short
of CLDR's rules (it finds `yMMMd` for `yMMMMd` but does not widen the month,
and it cannot show a zone with a short time), `_adjust` applies the field
adjustment that UTS #35 prescribes, so no pattern is written by hand; a time
alone takes the word of the locale's hour pattern (German `Uhr`, see
`format_time`), and a weekday CLDR's day names.

Nothing here reads the clock: Babel treats a missing date as "now", so every
function takes its date as a required argument.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

from babel.dates import (
    format_date,
    format_skeleton,
    get_datetime_format,
    get_day_names,
    match_skeleton,
    tokenize_pattern,
    untokenize_pattern,
)
from babel.dates import format_datetime as babel_format_datetime

from generator.config import LanguageConfig
from generator.records.values import DateTimeValue, PartialDate

DayStyle = Literal["date", "weekday", "weekday-date"]
DAY_STYLES: tuple[DayStyle, ...] = ("weekday", "weekday-date")
"""Styles of a date known to the day (`date` is its default, so not a style of its own there)."""
DateTimeStyle = Literal["time", DayStyle]
DATETIME_STYLES: tuple[DateTimeStyle, ...] = ("time", "date", *DAY_STYLES)
"""Styles of a moment: one part of it, on the clock of its zone."""

_MONTH_FIELDS = frozenset("ML")
_ZONE_FIELDS = frozenset("zZvVOX")


def format_partial_date(date: PartialDate, language: LanguageConfig, *, unknown: str,
                        style: DayStyle | None = None) -> str:
    """A date as precise as it is known: day, month or year.

    Args:
        date: The date from the record.
        language: The output language.
        unknown: The wording for a date nobody knows; the caller takes it from
            its message catalog, since CLDR has no word for it.
        style: None for the date as known; a style of `format_day` for a
            date known to the day.

    Raises:
        ValueError: A style asks for the day of a date known only to the month or year.

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
    >>> format_partial_date(day, de, unknown="unbekannt", style="weekday")
    'Dienstag'
    >>> format_partial_date(month, en, unknown="unknown", style="weekday")
    Traceback (most recent call last):
        ...
    ValueError: style 'weekday' needs a date known to the day, and 2026-01 gives only the month; \
give the day (YYYY-MM-DD) or drop the style
    """
    if date.year and date.month and date.day:
        return format_day(dt.date(date.year, date.month, date.day), language, style or "date")
    if style is not None:
        known = "the date is unknown" if date.year is None else f"{date.iso()} gives only the {date.precision}"
        raise ValueError(f"style {style!r} needs a date known to the day, and {known}; "
                         "give the day (YYYY-MM-DD) or drop the style")
    if date.year is None:
        return unknown
    skeleton = "yMMMM" if date.month else "y"
    return format_skeleton(skeleton, dt.date(date.year, date.month or 1, 1), locale=language.locale)


def format_day(day: dt.date, language: LanguageConfig, style: DayStyle = "date") -> str:
    """A day in one of three styles, each a CLDR form.

    Styles:
        date: the long date format (`18. Dezember 2025`).
        weekday: the day's wide name alone, in CLDR's format context (the form
            for use inside text, not the stand-alone one of calendar headers),
            for text such as `am {start:weekday}`.
        weekday-date: the full date format, which is the long date with the
            weekday in the locale's order and punctuation.

    >>> from generator.i18n import language
    >>> de, en = language("de_DE", "„“‚‘"), language("en_GB", "“”‘’")
    >>> thursday = dt.date(2025, 12, 18)
    >>> format_day(thursday, de, "weekday"), format_day(thursday, en, "weekday")
    ('Donnerstag', 'Thursday')
    >>> format_day(thursday, de, "weekday-date"), format_day(thursday, en, "weekday-date")
    ('Donnerstag, 18. Dezember 2025', 'Thursday, 18 December 2025')
    """
    locale = language.locale
    if style == "weekday":
        return get_day_names("wide", "format", locale=locale)[day.weekday()]
    if style not in ("date", "weekday-date"):
        raise ValueError(f"no date style {style!r}; use one of {', '.join(get_args(DayStyle))}")
    return format_date(day, "long" if style == "date" else "full", locale=locale)


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


def format_datetime(value: DateTimeValue, language: LanguageConfig, style: DateTimeStyle | None = None) -> str:
    """A moment on the clock of its zone, or with its UTC offset when no zone is named.

    By default the date takes the locale's long form, the time the locale's
    hours and minutes with the zone's short name (CLDR `z`, e.g. MEZ/CET), or
    the localized GMT offset (CLDR `ZZZZ`) for a bare offset; the locale's
    long date-time pattern joins the two. A style shows one part of the
    moment: `time` (see `format_time`), or its day as `format_day` does.

    >>> from generator.i18n import language
    >>> de, en = language("de_DE", "„“‚‘"), language("en_GB", "“”‘’")
    >>> moment = DateTimeValue(datetime="2026-01-07T09:00:00+01:00", zone="Europe/Berlin")
    >>> format_datetime(moment, de), format_datetime(moment, en)
    ('7. Januar 2026, 09:00 MEZ', '7 January 2026, 09:00 CET')
    >>> format_datetime(DateTimeValue(datetime="2026-01-07T09:00:00+01:00"), en)
    '7 January 2026, 09:00 GMT+01:00'
    >>> format_datetime(moment, de, "weekday-date"), format_datetime(moment, en, "time")
    ('Mittwoch, 7. Januar 2026', '09:00')
    """
    if style == "time":
        return format_time(value, language)
    if style is not None:
        return format_day(value.local().date(), language, style)
    locale = language.locale
    zone = "z" if value.zone else "ZZZZ"
    skeletons = locale.datetime_skeletons
    matched = match_skeleton(f"{_hour_field(language)}mv", skeletons)  # CLDR lists times with the generic zone v
    time = _adjust(skeletons[matched].pattern, zone)
    date = locale.date_formats["long"].pattern
    pattern = get_datetime_format("long", locale=locale).replace("{1}", date).replace("{0}", time)
    return babel_format_datetime(value.local(), pattern, locale=locale)


def format_time(value: DateTimeValue, language: LanguageConfig) -> str:
    """The time of day on the clock of the value's zone: `15:05 Uhr`, `15:05`, and `3:05 PM` in a 12-hour locale.

    The pattern is CLDR's hours and minutes for the locale's hour cycle
    (UTS #35 `jm`), followed by the word that the locale's hour-alone pattern
    (`j`) sets after the hour, if it has one.

    Why that word: German writes a time of day in running text as `15:05 Uhr`
    (Duden; dpa's `15.05 Uhr`). CLDR's German `Hm` is the bare `HH:mm` of
    timetables, but its hour-alone pattern is `HH 'Uhr'` (`15 Uhr`), the place
    where CLDR says that German names the time of day with `Uhr`; CLDR's own
    Bulgarian and Upper Sorbian patterns keep that word with the minutes
    (`HH:mm 'ч'.`). Only a word that stands apart from the hour is carried
    over: Chinese, Japanese and Korean write their hour unit onto the hour
    (`15時`), which a time with minutes does not take. So British English,
    French, Polish and Ukrainian (`HH`) get the bare time, and no pattern is
    written by hand.

    >>> from generator.i18n import language
    >>> de, en = language("de_DE", "„“‚‘"), language("en_GB", "“”‘’")
    >>> start = DateTimeValue(datetime="2025-12-17T14:05:00Z", zone="Europe/Berlin")
    >>> format_time(start, de), format_time(start, en), format_time(start, language("en_US", "“”‘’"))
    ('15:05 Uhr', '15:05', '3:05 PM')
    """
    skeletons = language.locale.datetime_skeletons
    hour = _hour_field(language)
    time = tokenize_pattern(skeletons[match_skeleton(f"{hour}m", skeletons)].pattern)
    word = _trailing_text(tokenize_pattern(skeletons[match_skeleton(hour, skeletons)].pattern))
    if word[:1].isspace() and _trailing_text(time) != word:
        time.append(("chars", word))
    return babel_format_datetime(value.local(), untokenize_pattern(time), locale=language.locale)


def _trailing_text(tokens: list) -> str:
    """The literal text after the last field of a tokenized pattern (`' Uhr'` of `HH 'Uhr'`)."""
    text = ""
    for kind, value in reversed(tokens):
        if kind != "chars":
            break
        text = value + text
    return text


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
