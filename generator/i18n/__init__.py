"""Localization: locales, formatting, catalogs and translation status.

Every formatter in this package takes the output language as an explicit
`LanguageConfig`; none falls back to Babel's defaults or the host's locale.
`language()` builds one without a project file, for doctests and tests.
"""

from __future__ import annotations

from collections.abc import Sequence

from babel import Locale

from generator.config import LanguageConfig


def language(locale: str, quotes: Sequence[str]) -> LanguageConfig:
    """A `LanguageConfig` for a CLDR locale, as `mkdocs.yml` would give it.

    Args:
        locale: A CLDR locale identifier such as `de_DE`; its language is the code.
        quotes: The four delimiters open, close, nested open, nested close; a
            four-character string such as `„“‚‘` will do.

    >>> de = language("de_DE", "„“‚‘")
    >>> de.code, str(de.locale), de.quotes
    ('de', 'de_DE', ('„', '“', '‚', '‘'))
    """
    parsed = Locale.parse(locale)
    marks = tuple(quotes)
    if len(marks) != 4:
        raise ValueError(f"give four quotation marks (open, close, nested open, nested close), not {quotes!r}")
    return LanguageConfig(parsed.language, parsed, marks)
