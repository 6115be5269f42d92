"""The small markup inside record text: placeholders, mentions and quotations.

- `{amount}` or `{amount:compact}` inserts a typed value of the record;
- `{@emmanuel-macron}` or `{@emmanuel-macron:short}` inserts a name in the
  page's language (and becomes a link on the site); `{@a,b,c}` inserts
  several as the locale's list ("A, B und C");
- `{"nicht nur Worte"}` is a quotation, set with the locale's quotation marks;
- `{{` and `}}` are literal braces.

Parsing lives here so validation and rendering read text the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SLUG = r"[a-z0-9][a-z0-9-]*"

_TOKEN = re.compile(
    r"\{\{|\}\}"
    r'|\{"(?P<quote>[^"{}]+)"\}'
    rf"|\{{@(?P<mention>{SLUG}(?:,{SLUG})*)(?::(?P<form>full|short))?\}}"
    r"|\{(?P<value>[a-z_][a-z0-9_]*)(?::(?P<style>[a-z-]+))?\}"
    r"|(?P<stray>[{}])"
)


@dataclass(frozen=True)
class Literal:
    text: str


@dataclass(frozen=True)
class Placeholder:
    name: str
    style: str | None


@dataclass(frozen=True)
class Mention:
    ids: tuple[str, ...]
    form: str


@dataclass(frozen=True)
class Quotation:
    text: str


Token = Literal | Placeholder | Mention | Quotation


class TextSyntaxError(ValueError):
    """Raised for a brace that starts no valid placeholder, mention or quotation."""


def parse_text(text: str) -> list[Token]:
    """Split text into literal runs and markup tokens.

    >>> parse_text('Die EU hat {amount:long} für {@ukraine} genehmigt.')[1]
    Placeholder(name='amount', style='long')
    """
    tokens: list[Token] = []
    position = 0
    for match in _TOKEN.finditer(text):
        if match.start() > position:
            tokens.append(Literal(text[position:match.start()]))
        position = match.end()
        if match["stray"]:
            raise TextSyntaxError(
                f"unmatched {match['stray']!r} at character {match.start() + 1}: write {{amount}}, "
                '{@record-id}, {"quoted words"}, or {{ }} for a literal brace'
            )
        if match["quote"]:
            tokens.append(Quotation(match["quote"]))
        elif match["mention"]:
            tokens.append(Mention(tuple(match["mention"].split(",")), match["form"] or "full"))
        elif match["value"]:
            tokens.append(Placeholder(match["value"], match["style"]))
        else:
            tokens.append(Literal(match[0][0]))
    if position < len(text):
        tokens.append(Literal(text[position:]))
    return tokens
