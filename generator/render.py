"""One Jinja environment for every output, and the writers of localized inline text.

The environment is strict (undefined names are errors), escapes HTML and XML
templates, and translates template strings through gettext. Inline text is
written from runs: Markdown first (names and values escaped, so content can
never inject markup), then markdown-it turns it into HTML with raw HTML off
and unsafe link schemes refused.
"""

from __future__ import annotations

import html
import re
import traceback
from collections.abc import Callable
from gettext import NullTranslations
from pathlib import Path
from typing import Any

from jinja2 import (
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
    pass_context,
    select_autoescape,
)
from jinja2.runtime import Context
from markdown_it import MarkdownIt
from markupsafe import Markup

from generator.errors import BriefingError
from generator.i18n.numbers import format_number
from generator.views import Inline, Name, Quoted, Words

LinkFor = Callable[[Name], str | None]

_MARKDOWN = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_SAFE_SCHEMES = re.compile(r"^(?:https?:|mailto:|#|/|\.)", re.IGNORECASE)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~!#])")


def _validate_link(url: str) -> bool:
    """Only web, mail and relative links; never javascript:, data:, file: or the like."""
    return bool(_SAFE_SCHEMES.match(url.strip()))


_MARKDOWN.validateLink = _validate_link


def markup_problems(text: str) -> list[str]:
    """What in a text's inline Markdown would embed or link something unsafe."""
    problems = []
    for block in _MARKDOWN.parseInline(text):
        for token in block.children or []:
            if token.type == "image":
                problems.append(f"image {token.attrGet('src')!r} in text")
    for target in re.findall(r"\]\(\s*<?([^)\s>]+)", text):
        if not _validate_link(target) or target.startswith(("/", ".")):
            problems.append(f"link to {target!r}")
    return problems


def escape_markdown(text: str) -> str:
    """Backslash-escape what Markdown would read as markup, so names and values stay text.

    >>> escape_markdown("AT&T *bold* [x]")
    'AT\\\\&T \\\\*bold\\\\* \\\\[x\\\\]'
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _words_markdown(text: str) -> str:
    """Content Markdown with raw HTML neutralised (it is shown as text, never run)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_markdown(text: Inline, link_for: LinkFor | None = None) -> str:
    """CommonMark for one inline text; names become links where `link_for` gives a URL."""
    parts = []
    for run in text.runs:
        if isinstance(run, Words):
            parts.append(_words_markdown(run.markdown))
        elif isinstance(run, Quoted):
            parts.append(run.open + escape_markdown(run.text) + run.close)
        elif isinstance(run, Name):
            url = link_for(run) if link_for else None
            parts.append(f"[{escape_markdown(run.text)}]({url})" if url else escape_markdown(run.text))
        else:
            parts.append(escape_markdown(run.text))
    return "".join(parts)


def to_html(text: Inline, link_for: LinkFor | None = None) -> Markup:
    """Safe inline HTML for one text."""
    return Markup(_MARKDOWN.renderInline(to_markdown(text, link_for)))


_TAG = re.compile(r"<[^>]+>")


def to_plain(text: Inline) -> str:
    """The text as a reader would copy it: no markup, entities decoded."""
    return html.unescape(_TAG.sub("", str(to_html(text))))


def N_(message: str) -> str:  # noqa: N802 - the marker gettext tools look for
    """Mark a message for extraction; it is translated where it is used."""
    return message


def _flagged(context: Context, text: Inline, body: str, *, as_html: bool) -> str:
    if not text.flag:
        return body
    message = N_("translation missing") if text.flag == "missing" else N_("translation out of date")
    label = context.call(context.resolve("gettext"), message)
    if as_html:
        return Markup('<mark class="translation-flag" data-flag="{}">[{}]</mark> <span lang="{}">{}</span>').format(
            text.flag, label, text.language, body)
    return f"**[{label}]** {body}"


def _inline(text: Inline | Name) -> Inline:
    return Inline((text,), "") if isinstance(text, Name) else text


def _link_for(context: Context, links: bool) -> LinkFor | None:
    return context.get("link_for") if links else None


@pass_context
def html_filter(context: Context, text: Inline | Name | None, links: bool = True) -> Markup:
    """`{{ item.text | html }}`: escaped inline HTML, names linked unless `links=False`, draft flags shown."""
    if text is None:
        return Markup("")
    text = _inline(text)
    return Markup(_flagged(context, text, to_html(text, _link_for(context, links)), as_html=True))


@pass_context
def markdown_filter(context: Context, text: Inline | Name | None, links: bool = True) -> str:
    """`{{ item.text | markdown }}`: CommonMark for Markdown outputs."""
    if text is None:
        return ""
    text = _inline(text)
    return _flagged(context, text, to_markdown(text, _link_for(context, links)), as_html=False)


def plain_filter(text: Inline | Name | None) -> str:
    """`{{ title | plain }}`: text without markup, for titles and metadata."""
    return "" if text is None else to_plain(_inline(text))


@pass_context
def number_filter(context: Context, value: int | float) -> str:
    """`{{ n | number }}`: digits grouped the locale's way, for counts next to a plural form."""
    return format_number(value, context["language"])


def escape_md_filter(text: str | None) -> str:
    """`{{ source.publisher | escape_md }}`: a plain string made safe inside Markdown."""
    return "" if text is None else escape_markdown(text)


FILTERS: dict[str, Callable[..., Any]] = {
    "html": html_filter,
    "markdown": markdown_filter,
    "plain": plain_filter,
    "escape_md": escape_md_filter,
    "number": number_filter,
}
"""Every filter the templates may use; formatting happens before, in localize."""

AUTOESCAPED = ("html", "xml", "html.j2", "xml.j2", "svg")


def make_environment(templates_dir: Path) -> Environment:
    """The single Jinja environment: strict, autoescaping HTML/XML, with gettext."""
    env = Environment(
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
    env.install_null_translations(newstyle=True)
    return env


class BrokenTemplateError(BriefingError):
    """A template under templates/ does not parse or fails while rendering; names the template and line."""


def render_template(env: Environment, name: str, translations: NullTranslations, **context: Any) -> str:
    """Render one template with the language's catalog installed.

    Raises:
        BrokenTemplateError: the template (or one it includes) is broken, with its file and line.
    """
    env.install_gettext_translations(translations, newstyle=True)
    try:
        return env.get_template(name).render(**context)
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
