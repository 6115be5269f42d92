"""Lists of names or phrases joined the way one locale joins them.

Why only `standard` and `or`: every CLDR locale defines both completely;
Babel fails (KeyError) or falls back to the wrong pattern for the partial
`unit` and `-short`/`-narrow` data of locales such as German and Ukrainian.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from babel.lists import format_list as babel_format_list

from generator.config import LanguageConfig

ListStyle = Literal["standard", "or"]
LIST_STYLES: tuple[ListStyle, ...] = ("standard", "or")


def format_list(items: Sequence[str], language: LanguageConfig, style: ListStyle = "standard") -> str:
    """Join items with the locale's separators: `and` lists (`standard`) or `or` lists.

    >>> from generator.i18n import language
    >>> de, en = language("de_DE", "„“‚‘"), language("en_GB", "“”‘’")
    >>> format_list(["Macron", "Selenskyj", "Starmer"], de)
    'Macron, Selenskyj und Starmer'
    >>> format_list(["Macron", "Zelensky", "Starmer"], en)
    'Macron, Zelensky and Starmer'
    >>> format_list(["Paris", "London"], en, "or")
    'Paris or London'
    """
    if style not in LIST_STYLES:
        raise ValueError(f"no list style {style!r}; use one of {', '.join(LIST_STYLES)}")
    return babel_format_list(list(items), style=style, locale=language.locale)
