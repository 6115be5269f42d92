"""What WeasyPrint's PDF/UA tagging leaves out, added to its structure tree before the file is written.

WeasyPrint 70 tags the document (`weasyprint/pdf/tags.py`) but gives no
structure element a `/Lang` (a French source title is read out in the
document's German), gives table header cells no `/Scope`, and sets each
link's `/Contents`, which assistive technology announces, to the link's target:
an internal id such as `paris-summit-2026-01-06-note-1`, or a URL. The
`finisher` of `Document.write_pdf` is WeasyPrint's public hook for changing
the PDF's objects before they are written; `complete_tags` is ours.

How the element of a box is found: WeasyPrint makes the structure elements
by walking each page's boxes, one element per box, in pre-order, and keeps no
link from element to box. `_element_boxes` walks the boxes the same way and
says which tag each gets; the two sequences are zipped and compared tag by
tag, so a WeasyPrint that walks differently stops the PDF with `TaggingError`
instead of labelling the wrong elements (a test reads the tags back).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pydyf

from generator.outputs.pdf.engine import AbsolutePlaceholder, boxes, pdf_tag

_SCOPES = {"row": "/Row", "col": "/Column", "rowgroup": "/Row", "colgroup": "/Column"}
"""HTML `scope` to PDF `/Scope`; a header cell without one is a column header, as WeasyPrint maps it."""


class TaggingError(Exception):
    """WeasyPrint's structure elements are not the ones the boxes predict (its tagging changed)."""


def complete_tags(document: Any, pdf: pydyf.PDF) -> None:
    """Add `/Lang`, `/Scope` and link descriptions to the tagged PDF WeasyPrint is about to write.

    Raises:
        TaggingError: the structure elements do not follow the boxes as expected.
    """
    elements = [obj for obj in pdf.objects
                if isinstance(obj, pydyf.Dictionary) and obj.get("Type") == "/StructElem"][1:]  # after /Document
    predicted = [entry for page in document.pages for entry in _element_boxes(page._page_box, "Document")]
    if len(predicted) != len(elements):
        raise TaggingError(f"WeasyPrint made {len(elements)} structure elements, the boxes predict {len(predicted)}")
    for element, (tag, box, language) in zip(elements, predicted, strict=True):
        if element["S"] != f"/{tag}":
            raise TaggingError(f"a structure element is {element['S']}, its box predicts /{tag}")
        if language:
            element["Lang"] = pydyf.String(language)
        if box is None:
            continue
        if tag == "TH":
            element["A"]["Scope"] = _SCOPES.get(box.element.get("scope", "col"), "/Column")
        if box.link_annotation is not None:
            box.link_annotation["Contents"] = pydyf.String(link_description(box.element))


def link_description(element: Any) -> str:
    """What a link says to someone who cannot see it: its accessible name, as HTML computes one.

    `aria-label` first (a note mark's bare number needs words), else the
    link's text, else its `title`.
    """
    text = " ".join("".join(element.itertext()).split())
    return element.get("aria-label") or text or element.get("title") or ""


def _element_boxes(box: Any, parent: str, language: str | None = None) -> Iterator[tuple[str, Any, str | None]]:
    """(tag, box, new language) of each structure element WeasyPrint makes for `box`, in the order it makes them.

    Mirrors `weasyprint.pdf.tags._build_box_tree`: html, body and page boxes
    make none, margin boxes make theirs apart from the tree, list items
    without a marker get a wrapping LI, text in a link makes no element, any
    other text one Span. `parent` is the tag of the element the new one goes
    in; `language` the language in force (`lang` of the nearest element saying one).
    The new language is the element's own `lang` where it differs from the
    language in force around it, else None: the elements inside inherit it.
    """
    if isinstance(box, AbsolutePlaceholder):
        box = box._box
    element_tag = None if box.element is None else box.element_tag
    own = box.element.get("lang") if box.element is not None and ":" not in element_tag else None
    new = own if own and not _within(own, language) else None
    language = own or language
    tag = pdf_tag(element_tag)
    if element_tag in ("html", "body") or isinstance(box, boxes.PageBox | boxes.MarginBox):
        if isinstance(box, boxes.ParentBox) and not isinstance(box, boxes.LineBox):
            for child in box.children:
                yield from _element_boxes(child, parent, language)
            return
    elif tag in ("TD", "TH") and parent in ("TD", "TH"):
        tag = "NonStruct"
    elif tag == "LI":
        if parent == "LI":
            tag = "LBody"
        elif parent == "LBody":
            tag = "NonStruct"
        elif box.element_tag in ("dt", "dd") or (box.element_tag == "li" and (
                "list-item" not in box.style["display"] or box.style["list_style_type"] == "none")):
            yield "LI", None, new
            yield from _element_boxes(box, "LI", language)
            return
    yield tag, box, new
    if box.widget_annotation:
        yield "Form", None, None
    for child in _children(box, tag):
        for inline in child.children if isinstance(child, boxes.LineBox) else [child]:
            if isinstance(inline, boxes.TextBox):
                if tag != "Link":
                    yield "Span", inline, None
            else:
                nested_list = inline.element_tag in ("ul", "ol") and tag == "LI"
                yield from _element_boxes(inline, parent if nested_list else tag, language)


def _within(tag: str, language: str | None) -> bool:
    """Whether language tag `tag` says no more than `language` does (`de` inside `de-DE`)."""
    tag, outer = tag.lower(), (language or "").lower()
    return outer == tag or outer.startswith(tag + "-")


def _children(box: Any, tag: str) -> list[Any]:
    """The boxes WeasyPrint walks under `box`: a table's wrapper stands for the table, captions included."""
    if tag == "Table" and box.is_table_wrapper and (table := box.get_wrapped_table()):
        return [grand for child in box.children for grand in (child.children if child is table else [child])]
    return list(getattr(box, "children", ()))
