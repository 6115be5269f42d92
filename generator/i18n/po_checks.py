"""What a translator can get wrong in a `.po` message that Babel lets through: plural rules, placeholders, markup.

Catalogs are semi-trusted input, checked as strictly as records. After
`generator.i18n.po_syntax` has read the file, `check_message` looks at
each translation that will be used:

- Placeholders. Jinja's newstyle gettext formats every translated string
  with `%` and the template's variables, even when there are none, and
  strings marked in Python (`N_` in `generator/render.py`) are translated
  by templates too. So every msgstr is a format string unless its msgid
  is not one itself (then no template can use it and Python code shows it
  as it is). See `_format_findings` for what is refused.
- Markup. In an autoescaped template newstyle gettext wraps the translation
  in `Markup`, and Markdown templates put it into Markdown as it is, so a
  msgstr's `<`, `&`, quote, `[`, `*`… would become markup in pages, feeds,
  PDFs and exports. A msgstr may have only the markup its msgid has.

Every finding is a `Problem` at the msgstr line (and column) that has it.
"""

from __future__ import annotations

import difflib
import gettext
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message

from generator.errors import Problem
from generator.i18n.po_syntax import Entry

PLAIN_TEXT = "translations are plain text; write the words only"
PLURAL_SAMPLE = range(1000)
"""The counts a plural rule is tried on: enough for every CLDR rule's cycle (…1, …21, …101)."""


_SPEC = re.compile(r"%(?:\((?P<name>\w+)\))?[#0\- +]*\d*(?:\.\d*)?[hlL]?(?P<conversion>[diouxXeEfFgGcrsa%])")
_COMPATIBLE = ({"d", "i", "u"}, {"x", "X"}, {"e", "E"}, {"f", "F", "g", "G"})
_NAME = re.compile(r"%\(\w+\)")
_TAG = re.compile(r"<[A-Za-z/!?][^<>]*>?")
"""What HTML reads as a tag (or the start of one that a later `>` of the template would close)."""
_ENTITY = re.compile(r"&#?\w+;?")
_MARKUP_CHARACTERS = {
    "<": "HTML", ">": "HTML or a Markdown quote", "&": "an HTML entity", '"': "an attribute quote",
    "'": "an attribute quote", "`": "Markdown code", "*": "Markdown emphasis", "_": "Markdown emphasis",
    "[": "a Markdown link", "]": "a Markdown link", "\\": "a Markdown escape", "|": "a Markdown table cell",
    "#": "a Markdown heading",
}


def plural_findings(catalog: Catalog, path: Path, header_line: int) -> tuple[frozenset[int], list[Problem]]:
    """The plural forms chosen for exactly one count (their msgstr may spell the number out), and faults.

    `gettext` evaluates the `Plural-Forms` expression for every count; one it cannot parse
    or that picks a form the catalog does not have would break every page.
    """
    rule_of = Catalog(locale=catalog.locale or "en")  # the locale's CLDR rule, not the header's
    expected = f"write the Plural-Forms of CLDR's rule for {rule_of.locale}: {rule_of.plural_forms}"
    try:
        rule = gettext.c2py(catalog.plural_expr)
        forms = [rule(count) for count in PLURAL_SAMPLE]
    except (ValueError, ArithmeticError) as error:
        return frozenset(), [Problem(path, header_line, 1, "Plural-Forms", f"cannot evaluate "
                                     f"plural={catalog.plural_expr}: {error}", expected, code="catalog-header")]
    wrong = sorted({form for form in forms if not 0 <= form < catalog.num_plurals})
    if wrong:
        return frozenset(), [Problem(path, header_line, 1, "Plural-Forms", f"plural={catalog.plural_expr} "
                                     f"chooses form {wrong[0]}, but nplurals={catalog.num_plurals}", expected,
                                     code="catalog-header")]
    counts = Counter(forms)
    return frozenset(form for form, count in counts.items() if count == 1), []


# --- one message ---------------------------------------------------------------------------------------


def message_field(msgid: str, context: str | None) -> str:
    """How a problem names a catalog entry: its msgid, and its msgctxt when it has one.

    Why the context: one msgid may have several entries (`against` as a stance
    and as a preposition), and the problem must say which one to fix.

    >>> message_field("leading", "stance")
    'msgctxt "stance" msgid "leading"'
    """
    return f'msgid "{msgid}"' if context is None else f'msgctxt "{context}" msgid "{msgid}"'


@dataclass(frozen=True)
class _Placeholder:
    name: str | None
    conversion: str
    text: str
    offset: int


def placeholders(text: str) -> tuple[list[_Placeholder], int | None]:
    """The `%` placeholders of `text` and the offset of the first `%` that is not one (None when all are).

    >>> [p.text for p in placeholders("%(count)s of %(total)d, 50 %%")[0]]
    ['%(count)s', '%(total)d']
    >>> placeholders("50 % mehr")[1]
    3
    """
    found, position = [], 0
    while (position := text.find("%", position)) != -1:
        match = _SPEC.match(text, position)
        if match is None:
            return found, position
        if match["conversion"] != "%":
            found.append(_Placeholder(match["name"], match["conversion"], match.group(), position))
        position = match.end()
    return found, None


def check_message(message: Message, entry: Entry, path: Path, singletons: frozenset[int]) -> Iterator[Problem]:
    """Every fault of one translated, non-fuzzy message: placeholders first, then markup, per msgstr."""
    msgids = (message.id,) if isinstance(message.id, str) else tuple(message.id)
    strings = (message.string,) if isinstance(message.string, str) else tuple(message.string)
    plural = len(msgids) > 1
    field_name = message_field(msgids[0], message.context)
    for index, text in enumerate(strings):
        if not text:
            continue
        label = f"msgstr[{index}]" if plural else "msgstr"
        may_omit = plural and index in singletons
        for offset, problem, hint, code in [*_format_findings(msgids, text, index, may_omit),
                                            *_markup_findings(msgids, text)]:
            line, column = entry.where(index, offset)
            yield Problem(path, line, column, field_name, f"{label} {problem}", hint, code=code)


def _format_findings(msgids: tuple[str, ...], text: str, index: int, may_omit: bool
                     ) -> Iterator[tuple[int | None, str, str, str]]:
    """Placeholders of one msgstr against its msgid (and msgid_plural).

    Refused, because formatting would crash or print the wrong thing:
    a `%` that is no placeholder (`50 %` for `50 %%`: ValueError), a name the
    msgid does not have (KeyError, even `%(num)s`, which Jinja's ngettext
    happens to pass), a conversion that does not fit the msgid's (`%(count)d`
    for `%(count)s`, which gets a formatted number: TypeError), and unnamed
    placeholders where the msgid names them.

    Refused too, though it would not crash: a msgstr that leaves out a
    placeholder. Newstyle gettext would format it without complaint, but the
    name, number or date it stands for would silently be missing in one
    language, the very thing typed values exist to prevent. The one exception is
    a plural form that the language's rule picks for a single count (German
    msgstr[0], only for 1): "eine Quelle" states the number in words. A form
    picked for several counts (Ukrainian msgstr[0]: 1, 21, 31…) must keep it.

    Every form may use the placeholders of msgid and msgid_plural alike:
    both forms are formatted with the same variables.
    """
    expected = [placeholders(msgid) for msgid in msgids]
    if any(bad is not None for _, bad in expected):
        return  # the msgid is no format string: no template can use it, Python shows it as it is
    named = {p.name: p for found, _ in expected for p in found if p.name}
    unnamed = [p for p in expected[min(index, len(expected) - 1)][0] if p.name is None]
    found, bad = placeholders(text)
    if bad is not None:
        yield (bad, f"has a % that is not a placeholder: {text[bad:bad + 12]!r}",
               "write %% for a percent sign" + (f"; placeholders are written as in the msgid: {_list(named)}"
                                                if named else ""), "catalog-placeholder")
        return
    if unnamed:
        got = [p for p in found if p.name is None]
        if len(got) != len(unnamed) or any(p.name for p in found) or not all(
                _compatible(a.conversion, b.conversion) for a, b in zip(unnamed, got, strict=False)):
            yield (found[0].offset if found else None,
                   f"has placeholders {_texts(found) or 'none'} where the msgid has {_texts(unnamed)}",
                   f"write {_texts(unnamed)} in the same order, as in the msgid", "catalog-placeholder")
        return
    for placeholder in found:
        wanted = named.get(placeholder.name) if placeholder.name else None
        if placeholder.name is None:
            yield (placeholder.offset, f"has {placeholder.text}, but the msgid names its placeholders"
                   if named else f"has {placeholder.text}, but the msgid has no placeholders",
                   _hint_for(placeholder, named), "catalog-placeholder")
        elif wanted is None:
            yield (placeholder.offset, f"uses {placeholder.text}, which the msgid does not have",
                   _hint_for(placeholder, named), "catalog-placeholder")
        elif not _compatible(placeholder.conversion, wanted.conversion):
            yield (placeholder.offset, f"uses {placeholder.text} where the msgid has {wanted.text}",
                   f"write {wanted.text}, as in the msgid", "catalog-placeholder")
    used = {p.name for p in found}
    missing = [p for name, p in named.items() if name not in used]
    if missing and not may_omit and used <= set(named):  # a misspelt one was reported above, with the fix
        yield (None, f"leaves out {_texts(missing)}",
               f"keep every placeholder of the msgid ({_list(named)}), so no name, number or date goes missing",
               "catalog-placeholder")


def _hint_for(placeholder: _Placeholder, named: dict[str, _Placeholder]) -> str:
    if not named:
        return "remove it; write %% for a percent sign"
    close = difflib.get_close_matches(placeholder.name or "", list(named), n=1)
    if close:
        return f"write {named[close[0]].text}, as in the msgid"
    return f"use the msgid's placeholders as they are: {_list(named)}"


def _compatible(first: str, second: str) -> bool:
    return first == second or any(first in group and second in group for group in _COMPATIBLE)


def _texts(found: list[_Placeholder]) -> str:
    return ", ".join(p.text for p in found)


def _list(named: dict[str, _Placeholder]) -> str:
    return ", ".join(p.text for p in named.values())


def _markup_findings(msgids: tuple[str, ...], text: str) -> Iterator[tuple[int | None, str, str, str]]:
    """Markup in a msgstr that its msgid does not have, found by comparing the two.

    Tags (`<b>`, `<img …`) and entities (`&lt;`) must appear in the msgid as they
    are, any other markup character (quotes, `[`, `*`, `_`, backticks, line breaks…)
    no more often than there. Only the singular msgid counts for a plural
    entry: it is the key gettext looks the entry up by, while a changed
    msgid_plural would go unnoticed. Placeholder names (`%(start_date)s`) are
    not text and are left out of the count.
    """
    reference = _NAME.sub("", msgids[0])
    target = _NAME.sub(lambda m: "%" + "x" * (len(m.group()) - 1), text)  # same offsets, names left out
    found: list[tuple[int, str]] = []
    for pattern in (_TAG, _ENTITY):
        allowed = Counter(pattern.findall(reference))
        for match in pattern.finditer(target):
            if allowed[match.group()] > 0:
                allowed[match.group()] -= 1
            else:
                found.append((match.start(), match.group()))
    allowed_characters = Counter(c for c in reference if _is_markup(c))
    for offset, character in enumerate(target):
        if _is_markup(character):
            if allowed_characters[character] > 0:
                allowed_characters[character] -= 1
            elif not any(start <= offset < start + len(token) for start, token in found):
                found.append((offset, character))
    if not found:
        return
    tokens = list(dict.fromkeys(token for _, token in sorted(found)))
    shown = ", ".join(_describe(token) for token in tokens[:4]) + (", …" if len(tokens) > 4 else "")
    hint = PLAIN_TEXT + ("; use typographic quotes („…“, ’)" if any(t in "\"'" for _, t in found) else "")
    yield min(found)[0], f"has markup the msgid does not have: {shown}", hint, "catalog-markup"


def _is_markup(character: str) -> bool:
    return character in _MARKUP_CHARACTERS or unicodedata.category(character) in ("Cc", "Zl", "Zp")


def _describe(token: str) -> str:
    if len(token) > 1:
        kind = "an HTML entity" if token.startswith("&") else "an HTML tag"
        return f"{token[:30]!r} ({kind})"
    if token in _MARKUP_CHARACTERS:
        return f"{token!r} ({_MARKUP_CHARACTERS[token]})"
    return f"{token!r} (a line break or control character)"
