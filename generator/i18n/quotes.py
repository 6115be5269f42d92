"""Quotation marks of one locale around quoted speech.

Why from configuration: Babel does not ship CLDR's delimiters, so each
language in `mkdocs.yml` names its four marks (`LanguageConfig.quotes`).
"""

from __future__ import annotations

from generator.config import LanguageConfig


def quote_marks(language: LanguageConfig, nested: bool = False) -> tuple[str, str]:
    """The opening and closing mark, kept apart for writers that escape the text between them."""
    opening, closing = language.quotes[2:] if nested else language.quotes[:2]
    return opening, closing


def quote(text: str, language: LanguageConfig, nested: bool = False) -> str:
    """Put text in the locale's primary marks, or its nested marks for a quote within a quote.

    >>> from generator.i18n import language
    >>> de, en = language("de_DE", "„“‚‘"), language("en_GB", "“”‘’")
    >>> quote("Wir stehen zusammen.", de), quote("We stand together.", en)
    ('„Wir stehen zusammen.“', '“We stand together.”')
    >>> quote("Frieden", de, nested=True), quote("peace", en, nested=True)
    ('‚Frieden‘', '‘peace’')
    """
    opening, closing = quote_marks(language, nested)
    return f"{opening}{text}{closing}"
