"""One Jinja environment for every output, and the writers of localized inline text.

The environment is strict (undefined names are errors), escapes HTML and XML
templates, and translates template strings through gettext. Inline text is
written by `generator.markup`: parsed once, with raw HTML off and unsafe
links refused, then written for the output at hand. A Markdown template
writes CommonMark, unless its context names another `markdown_writer` (the
site's pages take HTML that Python-Markdown leaves alone).
"""

from __future__ import annotations

import base64
import hashlib
import traceback
from collections.abc import Callable
from gettext import NullTranslations
from pathlib import Path
from typing import Any

from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
    pass_context,
    select_autoescape,
)
from jinja2.exceptions import FilterArgumentError
from jinja2.runtime import Context
from markupsafe import Markup

from generator.errors import BrokenTemplateError
from generator.i18n.numbers import format_number
from generator.markup import COMMONMARK, HTML, PLAIN, LinkFor, Writer, write
from generator.records.text import CASES
from generator.views import Inline, Name


def to_html(text: Inline, link_for: LinkFor | None = None) -> Markup:
    """Safe inline HTML for one text."""
    return Markup(write(text, HTML, link_for))


def to_markdown(text: Inline, link_for: LinkFor | None = None) -> str:
    """CommonMark for one text, written from its parsed tokens."""
    return write(text, COMMONMARK, link_for)


def to_plain(text: Inline) -> str:
    """The text as a reader would copy it: no markup, no escapes."""
    return write(text, PLAIN)


def N_(message: str) -> str:  # noqa: N802 - the marker gettext tools look for
    """Mark a message for extraction; it is translated where it is used."""
    return message


def _flagged(context: Context, text: Inline, body: str, *, as_html: bool) -> str:
    if not text.flag:
        return body
    # TRANSLATORS: marks a text a draft build shows in the source language, untranslated or out of date
    message = N_("translation missing") if text.flag == "missing" else N_("translation out of date")
    label = context.call(context.resolve("gettext"), message)
    if as_html:
        return Markup('<mark class="translation-flag" data-flag="{}">[{}]</mark> <span lang="{}">{}</span>').format(
            text.flag, label, text.language, body)
    return f"**[{label}]** {body}"


def _inline(text: Inline | Name) -> Inline:
    return Inline((text,), "") if isinstance(text, Name) else text


def _markdown_writer(context: Context) -> Writer:
    return context.get("markdown_writer") or COMMONMARK


@pass_context
def html_filter(context: Context, text: Inline | Name | None, links: bool = True) -> Markup:
    """`{{ item.text | html }}`: escaped inline HTML, names linked unless `links=False`, draft flags shown."""
    if text is None:
        return Markup("")
    text = _inline(text)
    body = write(text, HTML, context.get("link_for"), links=links)
    return Markup(_flagged(context, text, body, as_html=True))


@pass_context
def markdown_filter(context: Context, text: Inline | Name | None, links: bool = True) -> str:
    """`{{ item.text | markdown }}`: the text in a Markdown template, written by its `markdown_writer`."""
    if text is None:
        return ""
    text = _inline(text)
    writer = _markdown_writer(context)
    body = write(text, writer, context.get("link_for"), links=links)
    return _flagged(context, text, body, as_html=writer is not COMMONMARK)


def plain_filter(text: Inline | Name | None) -> str:
    """`{{ title | plain }}`: text without markup, for titles and metadata."""
    return "" if text is None else to_plain(_inline(text))


@pass_context
def number_filter(context: Context, value: int | float) -> str:
    """`{{ n | number }}`: digits grouped the locale's way, for counts next to a plural form."""
    return format_number(value, context["language"])


@pass_context
def escape_md_filter(context: Context, text: str | None) -> str:
    """`{{ source.publisher | escape_md }}`: a plain string made text for the template's `markdown_writer`."""
    return "" if text is None else _markdown_writer(context).text(str(text))


def case_filter(name: Name, case: str) -> Name:
    """`{{ _('Organised by %(name)s', name=m.name(e.organiser | case('dat'))) }}`: the name after a preposition.

    The catalog string holds the preposition, the name brings its article and
    declension: "Veranstaltet von der Europäischen Union", "Organised by the
    European Union". The case is the one the German string governs (`von` +
    `dat`); English, without cases, takes only its article.
    """
    if case not in CASES:
        raise FilterArgumentError(f"case({case!r}): use one of {', '.join(CASES)}")
    return name.in_case(case)


def csp_hash_filter(text: str) -> Markup:
    """`{{ css | csp_hash }}`: the Content-Security-Policy source that allows exactly this inline style."""
    digest = base64.b64encode(hashlib.sha256(str(text).encode("utf-8")).digest()).decode("ascii")
    return Markup(f"'sha256-{digest}'")  # base64 and quotes only: nothing to escape


FILTERS: dict[str, Callable[..., Any]] = {
    "html": html_filter,
    "markdown": markdown_filter,
    "plain": plain_filter,
    "escape_md": escape_md_filter,
    "number": number_filter,
    "case": case_filter,
    "csp_hash": csp_hash_filter,
}
"""Every filter the templates may use; formatting happens before, in localize."""

AUTOESCAPED = ("html", "xml", "html.j2", "xml.j2", "svg")

CATALOG = "translations"
"""The context variable holding the language's catalog, which `_()`, `ngettext()`, `pgettext()` and `npgettext()` read.

Why the context and not the environment: the environment is built once and
never changed by a render, so renders in several languages (and threads)
can share it.
"""


@pass_context
def _gettext(context: Context, message: str) -> str:
    return context[CATALOG].gettext(message)


@pass_context
def _ngettext(context: Context, singular: str, plural: str, count: int) -> str:
    return context[CATALOG].ngettext(singular, plural, count)


@pass_context
def _pgettext(context: Context, message_context: str, message: str) -> str:
    return context[CATALOG].pgettext(message_context, message)


@pass_context
def _npgettext(context: Context, message_context: str, singular: str, plural: str, count: int) -> str:
    return context[CATALOG].npgettext(message_context, singular, plural, count)


def make_environment(templates_dir: Path, compiled: Path | None = None) -> Environment:
    """The single Jinja environment: strict, autoescaping HTML/XML, with gettext.

    Args:
        templates_dir: Where the templates are.
        compiled: A folder keeping the compiled templates between runs
            (compiling them all costs about a second per process).
    """
    env = Environment(
        bytecode_cache=FileSystemBytecodeCache(str(compiled)) if compiled else None,
        loader=FileSystemLoader(templates_dir),
        autoescape=select_autoescape(enabled_extensions=AUTOESCAPED, default_for_string=True),
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(FILTERS)
    env.install_gettext_callables(_gettext, _ngettext, newstyle=True, pgettext=_pgettext, npgettext=_npgettext)
    return env


def render_template(env: Environment, name: str, translations: NullTranslations, **context: Any) -> str:
    """Render one template with the language's catalog.

    Raises:
        BrokenTemplateError: the template (or one it includes) is broken, with its file and line.
    """
    try:
        return env.get_template(name).render({CATALOG: translations, **context})
    except TemplateSyntaxError as error:
        raise BrokenTemplateError(f"{error.filename or error.name}:{error.lineno}: {error.message}") from None
    except TemplateError as error:
        raise BrokenTemplateError(f"{_template_line(error, env, name)}: {error.message or error}") from None


def _template_line(error: Exception, env: Environment, name: str) -> str:
    """Where in the templates a rendering error happened: Jinja maps its frames to template lines."""
    folder = getattr(env.loader, "searchpath", [""])[0]
    frames = [frame for frame in traceback.extract_tb(error.__traceback__)
              if folder and frame.filename.startswith(str(folder))]
    if not frames:
        return f"{folder}/{name}" if folder else name
    return f"{frames[-1].filename}:{frames[-1].lineno}"
