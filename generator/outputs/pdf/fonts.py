"""Which characters the shipped fonts can set, so no PDF silently borrows a glyph from the machine.

Why: when a character is missing from every font the stylesheet names,
WeasyPrint (through Pango and fontconfig) takes it from whatever font the
machine has, and the same content then gives different PDFs on different
machines. Checking the document's text against the fonts under
`assets/fonts/` before rendering turns that into an error naming the record.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont

from generator.errors import PdfError

FONT_SUFFIXES = (".ttf", ".otf")
_TAG = re.compile(r"<[^>]*>")
_STYLE = re.compile(r"<style\b.*?</style>", re.DOTALL | re.IGNORECASE)


@cache
def _coverage(fonts_dir: Path) -> frozenset[int]:
    """Code points present in any font of the folder (a character needs only one of them)."""
    if not fonts_dir.is_dir():
        raise PdfError(f"{fonts_dir}: the PDF fonts are missing; restore the folder (git checkout -- {fonts_dir.name})")
    points: set[int] = set()
    for path in sorted(fonts_dir.iterdir()):
        if path.suffix.lower() in FONT_SUFFIXES:
            points.update(_cmap(path))
    return frozenset(points)


def _cmap(path: Path) -> dict[int, str]:
    """The font's character map; a damaged file is named, with how to get it back."""
    try:
        with TTFont(path, lazy=True) as font:
            cmap = font.getBestCmap()
    except Exception as error:  # fontTools raises a dozen different types for a damaged file
        raise PdfError(f"{path}: not a readable font ({type(error).__name__}: {error}); "
                       "restore it from the repository (see assets/fonts/README.md)") from None
    if not cmap:
        raise PdfError(f"{path}: the font has no character map; restore it from the repository")
    return cmap


def coverage(fonts_dir: Path) -> frozenset[int]:
    """The code points the fonts in `fonts_dir` cover (read once per folder)."""
    return _coverage(fonts_dir.resolve())


def missing_characters(document: str, fonts_dir: Path) -> list[str]:
    """Characters of the document's text (markup and stylesheet left out) that no shipped font has.

    Spaces and invisible format characters (soft hyphens, joiners) are not
    drawn and so need no glyph.
    """
    text = html.unescape(_TAG.sub(" ", _STYLE.sub(" ", document)))
    covered = coverage(fonts_dir)
    return sorted({char for char in text if ord(char) not in covered
                   and not char.isspace() and unicodedata.category(char) not in ("Cf", "Cc")})


def describe(chars: list[str]) -> str:
    """Characters as an error message shows them.

    >>> describe(["ไ", "★"])
    "'ไ' (U+0E44 THAI CHARACTER SARA AI MAIMALAI), '★' (U+2605 BLACK STAR)"
    """
    return ", ".join(f"'{char}' (U+{ord(char):04X} {unicodedata.name(char, 'unnamed')})" for char in chars)
