"""Record text, parsed once and written for every output by writers we own.

Why our own writers: record text comes from many contributors, so it may
carry only the few inline forms a news text needs (emphasis, strong
emphasis, code, links to web and mail addresses) and nothing else.
markdown-it parses it inline, with raw HTML off: no block syntax, no
reference definitions, no attribute syntax, no images. Each output then
writes the parsed tokens itself, escaping every text for its own format:

- `HTML`: pages, PDFs, fragments, the dataset;
- `SITE`: HTML that Python-Markdown (which MkDocs runs over the site's
  pages) passes through untouched, so content is never parsed twice;
- `COMMONMARK`: the Markdown exports, re-written from the tokens, so what a
  partner's renderer reads is exactly what we checked;
- `PLAIN`: titles, metadata and search text.

Whatever the parser yields outside the allow-list is written as its text.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

from generator.views import Inline, Name, Quoted, Words

LinkFor = Callable[[Name], str | None]

SAFE_SCHEMES = ("https:", "http:", "mailto:")
"""The only link targets content may write; names link to our own pages."""

_PARSER = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~!#])")
_UNESCAPED_BANG = re.compile(r"(?<!\\)(?:\\\\)*!$")


def safe_link(url: str) -> bool:
    """Web and mail addresses, and relative links within the site; never javascript:, data:, file: or //host.

    >>> [safe_link(u) for u in ("https://a.org/", "../people/x.md#p", "//evil.org/", "JavaScript:x", "data:,x")]
    [True, True, False, False, False]
    """
    url = url.strip().lower()
    if url.startswith(SAFE_SCHEMES):
        return True
    path = url.split("#", 1)[0].split("?", 1)[0]
    return not url.startswith("//") and "\\" not in url and ":" not in path


_PARSER.validateLink = safe_link


def escape_markdown(text: str) -> str:
    """Backslash-escape what CommonMark would read as markup, so names and values stay text.

    >>> escape_markdown("AT&T *bold* [x]")
    'AT\\\\&T \\\\*bold\\\\* \\\\[x\\\\]'
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _words_source(text: str) -> str:
    """Content Markdown with `&` as text: no character reference can smuggle in a control character."""
    return text.replace("&", "&amp;")


def source(text: Inline, link_for: LinkFor | None) -> str:
    """The CommonMark the parser reads: content's own Markdown, names and values escaped, names linked."""
    parts = []
    for run in text.runs:
        if isinstance(run, Words):
            parts.append(_words_source(run.markdown))
        elif isinstance(run, Quoted):
            parts.append(run.open + escape_markdown(run.text) + run.close)
        elif isinstance(run, Name):
            url = link_for(run) if link_for else None
            if url and parts and _UNESCAPED_BANG.search(parts[-1]):
                parts[-1] = parts[-1][:-1] + "\\!"  # "Wow!" before a linked name must not make it an image
            parts.append(f"[{escape_markdown(run.text)}](<{url}>)" if url else escape_markdown(run.text))
        else:
            parts.append(escape_markdown(run.text))
    return "".join(parts)


@functools.lru_cache(maxsize=65_536)
def tokens(markdown: str) -> tuple[Token, ...]:
    """The inline tokens of one text (the parser's only output for it), to read, not to change.

    Kept: the same statement or fact is written on its briefing, on the
    profile of everyone it names and in every export, each time parsed anew.
    """
    blocks = _PARSER.parseInline(markdown)
    return tuple(blocks[0].children or []) if blocks else ()


@dataclass(frozen=True)
class Writer:
    """How one output writes text, the allowed elements and links."""

    text: Callable[[str], str]
    """Escapes a run of text (whitespace already collapsed)."""
    tags: dict[str, tuple[str, str]]
    """Opening and closing markup of `em` and `strong`."""
    code: Callable[[str], str]
    """Writes a code span from its text."""
    link: Callable[[str, str], str]
    """Writes a link from its target and its already written label."""
    start: Callable[[str], str] = str
    """Adjusts the whole text once written (the site guards its first characters)."""


_SPACE = re.compile(r"\s*\n\s*")
_ELEMENTS = {"em", "strong"}


def write(text: Inline, writer: Writer, link_for: LinkFor | None = None, *, links: bool = True) -> str:
    """One text written for an output; `links=False` keeps link labels only (for text inside a link)."""
    out: list[str] = []
    stack: list[tuple[int, str]] = []
    for token in tokens(source(text, link_for if links else None)):
        kind = token.type
        if kind in ("text", "softbreak", "hardbreak"):
            out.append(writer.text(_SPACE.sub(" ", token.content or " ")))
        elif kind == "code_inline":
            out.append(writer.code(_SPACE.sub(" ", token.content)))
        elif kind.endswith("_open") and kind[:-5] in _ELEMENTS:
            out.append(writer.tags[kind[:-5]][0])
        elif kind.endswith("_close") and kind[:-6] in _ELEMENTS:
            out.append(writer.tags[kind[:-6]][1])
        elif kind == "link_open":
            stack.append((len(out), str(token.attrGet("href") or "")))
        elif kind == "link_close" and stack:
            at, href = stack.pop()
            label = "".join(out[at:])
            del out[at:]
            out.append(writer.link(href, label) if links and safe_link(href) else label)
        else:  # an image (its description), or anything new a parser release may bring: its text only
            words = "".join(child.content for child in token.children or []) if token.children else token.content
            out.append(writer.text(_SPACE.sub(" ", words)))
    return writer.start("".join(out))


def _html_text(text: str) -> str:
    return html.escape(text, quote=False)


_HTML_TAGS = {"em": ("<em>", "</em>"), "strong": ("<strong>", "</strong>")}

HTML = Writer(
    text=_html_text,
    tags=_HTML_TAGS,
    code=lambda text: f"<code>{_html_text(text)}</code>",
    link=lambda href, label: f'<a href="{html.escape(href)}">{label}</a>',
)

_PYTHON_MARKDOWN = {ord(c): f"&#{ord(c)};" for c in "\\`*_[]{}|!"}
"""What Python-Markdown could read as markup inside a line, written as character references it keeps."""
_LINE_START = re.compile(r"^(\d*)([-+.)=#])")


def _site_text(text: str) -> str:
    return html.escape(text, quote=False).translate(_PYTHON_MARKDOWN)


def _line_start(encode: Callable[[str], str]) -> Callable[[str], str]:
    """A text at the start of a line must not open a list, quotation, heading or code block in Markdown.

    >>> _line_start(lambda c: f"&#{ord(c)};")("  1. Januar")
    '1&#46; Januar'
    """
    return lambda written: _LINE_START.sub(lambda m: m[1] + encode(m[2]), written.lstrip(), count=1)


_site_start = _line_start(lambda c: f"&#{ord(c)};")

_HREF_UNSAFE = {ord(c): f"%{ord(c):02X}" for c in " ()<>\"'|\\`"}


def _site_link(href: str, label: str) -> str:
    """A Markdown link, so MkDocs still checks and rewrites links between pages (it does not touch raw HTML)."""
    return f"[{label}]({href.translate(_HREF_UNSAFE)})"


SITE = Writer(
    text=_site_text,
    tags=_HTML_TAGS,
    code=lambda text: f"<code>{_site_text(text)}</code>",
    link=_site_link,
    start=_site_start,
)


def _code_span(text: str) -> str:
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    return fence + (f" {text} " if text.startswith("`") or text.endswith("`") else text) + fence


def _markdown_link(href: str, label: str) -> str:
    target = f"<{href}>" if re.search(r"[\s()<>]", href) else href
    return f"[{label}]({target})"


COMMONMARK = Writer(
    text=escape_markdown,
    tags={"em": ("*", "*"), "strong": ("**", "**")},
    code=_code_span,
    link=_markdown_link,
    start=_line_start(lambda c: f"\\{c}"),
)

PLAIN = Writer(text=str, tags={"em": ("", ""), "strong": ("", "")}, code=str, link=lambda href, label: label)


_INLINE_TARGET = re.compile(r"\]\(\s*<?((?:[^\s()<>]|\([^\s()]*\))+)>?")
_AUTOLINK = re.compile(r"<([a-z][a-z0-9+.-]{1,31}:[^\s<>]*)>", re.IGNORECASE)


def markup_problems(text: str) -> list[str]:
    """What in a record's text would not print as its writer meant: images, unsafe or relative links, references.

    >>> markup_problems("[Quelle](javascript:alert(1)) und ![Bild](https://example.org/x.png)")
    ["link to 'javascript:alert(1)'", "image 'https://example.org/x.png' in text"]
    """
    targets = _INLINE_TARGET.findall(text) + _AUTOLINK.findall(text)
    problems = [f"link to {target!r}" for target in targets if not target.lower().startswith(SAFE_SCHEMES)]
    problems += [f"image {token.attrGet('src')!r} in text" for token in tokens(_words_source(text))
                 if token.type == "image"]
    problems += [f"reference definition {line.strip()!r}" for line in text.splitlines()
                 if re.match(r"\s{0,3}\[[^\]]+\]:", line)]
    return problems
