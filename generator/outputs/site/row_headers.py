"""Row headers in the positions matrix: the country in each row is a `<th scope="row">`, not a data cell.

Why a Markdown extension: the matrix is a Markdown table (its cells hold the
same Markdown as every page), and Markdown tables have header cells only in
their first row. So a screen reader announcing a cell says its question but
not whose stance it is. After the tables are built, this turns the first
cell of each body row of a table inside `<div class="positions-matrix">`
into a row header. Nothing from content reaches an attribute: the tag and
`scope` are fixed here.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

BLOCK_CLASS = "positions-matrix"


class _RowHeaders(Treeprocessor):
    def run(self, root: Element) -> None:
        for block in root.iter("div"):
            if BLOCK_CLASS in (block.get("class") or "").split():
                for body in block.iter("tbody"):
                    for row in body.iter("tr"):
                        first = row.find("td")
                        if first is not None and row[0] is first:
                            first.tag = "th"
                            first.set("scope", "row")


class RowHeaders(Extension):
    """Add to MkDocs' Markdown extensions: `config.markdown_extensions.append(RowHeaders())`."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.treeprocessors.register(_RowHeaders(md), "briefing_row_headers", 1)
