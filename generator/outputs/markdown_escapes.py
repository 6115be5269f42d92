"""A Python-Markdown extension: the backslash escapes of CommonMark that our Markdown writers use.

Why: `generator.render.escape_markdown` keeps names and values as text by
backslash-escaping what CommonMark would read as markup, including `<`, `&`,
`|` and `~`. MkDocs renders with Python-Markdown, which honours fewer escapes
and would show `AT\\&T` for AT&T. This extension makes Python-Markdown honour
the same ones, so a name reads the same on the site as in every export.
It is listed under `markdown_extensions` in mkdocs.yml.

>>> import markdown
>>> markdown.markdown(r"AT\\&T \\<b\\> a\\|b \\~", extensions=[CommonMarkEscapes()])
'<p>AT&amp;T &lt;b&gt; a|b ~</p>'
"""

from __future__ import annotations

from typing import Any

from markdown import Extension, Markdown

EXTRA_ESCAPES = ("<", "&", "|", "~", '"', "'", "=", "^", "$", "%", "@", ",", "/", ":", ";", "?")
"""ASCII punctuation CommonMark lets a backslash escape and Python-Markdown does not by default."""


class CommonMarkEscapes(Extension):
    """Adds CommonMark's backslash-escapable punctuation to Python-Markdown's."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's hook name
        md.ESCAPED_CHARS = [*md.ESCAPED_CHARS, *(c for c in EXTRA_ESCAPES if c not in md.ESCAPED_CHARS)]


def makeExtension(**kwargs: Any) -> CommonMarkEscapes:  # noqa: N802 - Python-Markdown's entry point name
    return CommonMarkEscapes(**kwargs)
