"""The small markup inside record text: placeholders, mentions and quotations.

- `{amount}` or `{amount:compact}` inserts a typed value of the record;
- `{@emmanuel-macron}` or `{@emmanuel-macron:short}` inserts a name in the
  page's language (and becomes a link on the site); `{@a,b,c}` inserts
  several as the locale's list ("A, B und C");
- `{@bundestag:dat}` or `{@european-union:short:gen}` inserts the name in a
  grammatical case (`nom`, `gen`, `dat`, `acc`) with its definite article
  where it takes one ("dem Deutschen Bundestag", "der EU"; in English "the
  EU", which has no cases); `{@bundestag:dat:bare}` is the declined name
  without the article, after a contraction ("im Deutschen Bundestag");
- `{"nicht nur Worte"}` is a quotation, set with the locale's quotation marks;
- `{{` and `}}` are literal braces.

Parsing lives here so validation and rendering read text the same way.
"""

from __future__ import annotations

import difflib
import functools
import re
import typing
from dataclasses import dataclass

SLUG = r"[a-z0-9][a-z0-9-]*"

Case = typing.Literal["nom", "gen", "dat", "acc"]
"""A grammatical case a mention may ask for: nominative, genitive, dative, accusative."""
CASES: tuple[Case, ...] = typing.get_args(Case)

_TOKEN = re.compile(
    r"\{\{|\}\}"
    r'|\{"(?P<quote>[^"{}]+)"\}'
    rf"|\{{@(?P<mention>{SLUG}(?:,{SLUG})*)(?P<options>(?::[a-z]+)*)\}}"
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


_OPTIONS = re.compile(rf"(?::(?P<form>full|short))?(?::(?P<case>{'|'.join(CASES)})(?P<bare>:bare)?)?")
_OPTION_WORDS = ("full", "short", *CASES, "bare")


@dataclass(frozen=True)
class Mention:
    ids: tuple[str, ...]
    form: str
    case: Case | None = None
    """A grammatical case: the name declined, with its article unless `bare`."""
    bare: bool = False


@dataclass(frozen=True)
class Quotation:
    text: str


Token = Literal | Placeholder | Mention | Quotation


class TextSyntaxError(ValueError):
    """Raised for a brace that starts no valid placeholder, mention or quotation."""


@functools.lru_cache(maxsize=1 << 16)
def parse_text(text: str) -> tuple[Token, ...]:
    """Split text into literal runs and markup tokens.

    Each distinct text is parsed once: the checks, the localizer and the
    exports read the same texts again and again.

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
            tokens.append(_mention(match["mention"], match["options"], match.start() + 1))
        elif match["value"]:
            tokens.append(Placeholder(match["value"], match["style"]))
        else:
            tokens.append(Literal(match[0][0]))
    if position < len(text):
        tokens.append(Literal(text[position:]))
    return tuple(tokens)


def _mention(ids: str, options: str, at: int) -> Mention:
    """A mention from its ids and its `:option` words, which come in the order form, case, bare."""
    chosen = _OPTIONS.fullmatch(options)
    if chosen is None:
        raise TextSyntaxError(
            f"{{@{ids}{options}}} at character {at}: {_option_problem(options)}; write {{@id}} or {{@id:short}}, "
            f"then optionally a case ({', '.join(CASES)}) as in {{@id:short:dat}}, then :bare for the name "
            "without its article")
    return Mention(tuple(ids.split(",")), chosen["form"] or "full", chosen["case"], bool(chosen["bare"]))


def _option_problem(options: str) -> str:
    unknown = [word for word in options.split(":")[1:] if word not in _OPTION_WORDS]
    if not unknown:
        return "options repeated, out of order, or :bare without a case"
    close = difflib.get_close_matches(unknown[0], _OPTION_WORDS, n=1)
    return f"unknown option {unknown[0]!r}" + (f" (did you mean {close[0]!r}?)" if close else "")
