"""The CLDR plural category of a number in one locale.

Why: templates and catalogs choose a noun form by category (`one`, `few`,
`many`, `other`), and the categories differ by language, so nothing may
assume English's two.
"""

from __future__ import annotations

from decimal import Decimal

from generator.config import LanguageConfig


def plural_category(n: int | float | Decimal, language: LanguageConfig) -> str:
    """`one`, `two`, `few`, `many`, `zero` or `other`, by the locale's CLDR plural rules.

    >>> from generator.i18n import language
    >>> de, en = language("de_DE", "„“‚‘"), language("en_GB", "“”‘’")
    >>> [plural_category(n, de) for n in (1, 2, 5)], [plural_category(n, en) for n in (1, 2, 5)]
    (['one', 'other', 'other'], ['one', 'other', 'other'])
    """
    return language.locale.plural_form(n)
