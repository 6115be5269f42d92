"""Fuzzing with Hypothesis: the YAML reader, the text syntax and every text writer, on any input.

Each property is success or a clear refusal, never a traceback; the writers'
output, read back by the software that reads it (Chromium's HTML parser
stand-in, Python-Markdown as MkDocs runs it, a CommonMark renderer with raw
HTML on), holds only the elements text may have and only safe links. The
number of examples is bounded so `make test` stays quick (and repeatable).
"""

from __future__ import annotations

import html
import html.parser
import os
import re
import tempfile
from pathlib import Path

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from generator.errors import Problem
from generator.markup import COMMONMARK, HTML, PLAIN, SITE, Writer, markup_problems, safe_link, write
from generator.records.text import TextSyntaxError, parse_text
from generator.views import Inline, Name, Quoted, Value, Words
from generator.yaml_reader import read_yaml

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "0"))
"""`FUZZ_EXAMPLES=5000 pytest tests/hostile/test_fuzz.py` searches further, with new random examples each run."""
FUZZ = settings(max_examples=EXAMPLES or 150, derandomize=not EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow])
"""In `make test`: 150 examples per property, the same ones every run, so CI never turns red by chance."""

PIECES = ["*", "**", "_", "`", "[", "]", "(", ")", "<", ">", "&", "!", "#", "|", "\\", "{", "}", ":", "=", "-", "+",
          ".", "1.", "\n", "    ", "> ", "# ", "- ", "[x]: ", "](", "javascript:alert(1)", "https://example.org/a_b",
          "mailto:desk@example.org", "//evil.example/", "data:text/html,x", "file:///etc/passwd", "<script>",
          "<img src=x onerror=alert(1)>", "onerror=", "{: onfocus=x}", "&#0;", "&lt;", "&amp;", "\u00a0", "é", "\u2028"]
READABLE = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=4)
"""Any characters validation lets into a record's text (control characters are refused when it is read)."""
MARKDOWNISH = st.lists(st.sampled_from(PIECES) | READABLE, max_size=24).map("".join)
"""Text built from Markdown's, HTML's and URLs' special pieces, so the search spends its time where it matters."""

TEXT_TAGS = {"em", "strong", "code", "a"}


class _Elements(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.problems: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if tag != "a" or name != "href" or not safe_link(value or ""):
                self.problems.append(f"<{tag} {name}={value!r}>")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def elements(document: str) -> _Elements:
    parser = _Elements()
    parser.feed(document)
    parser.close()
    return parser


def _text(document: str) -> str:
    return " ".join("".join(elements(document).text).split())


def inline(text: str, name: str = "Name") -> Inline:
    return Inline((Words(text), Name("someone", "people", name), Quoted(text, "„", "“"), Value(text, "count")), "de")


@FUZZ
@given(st.binary(max_size=400) | MARKDOWNISH.map(lambda s: s.encode("utf-8")))
def test_the_yaml_reader_reads_or_refuses_any_bytes(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "record.yaml"
        path.write_bytes(data)
        document, problems = read_yaml(path)
    assert document is not None or problems
    assert all(isinstance(problem, Problem) and problem.path == path and problem.message for problem in problems)


@FUZZ
@given(MARKDOWNISH)
def test_the_text_syntax_parses_or_names_the_stray_brace(text: str) -> None:
    try:
        tokens = parse_text(text)
    except TextSyntaxError as error:
        assert re.match(r"unmatched '[{}]' at character \d+", str(error))
    else:
        assert tokens is not None
    assert all(isinstance(problem, str) for problem in markup_problems(text))


@FUZZ
@given(MARKDOWNISH, MARKDOWNISH)
def test_html_holds_only_text_elements_and_safe_links(text: str, name: str) -> None:
    found = elements(write(inline(text, name), HTML, lambda n: "../people/someone/"))
    assert set(found.tags) <= TEXT_TAGS and found.problems == []


@FUZZ
@given(MARKDOWNISH, MARKDOWNISH)
def test_python_markdown_reads_the_site_text_as_the_same_text(text: str, name: str) -> None:
    """What MkDocs makes of the site's text, at a line start too, is exactly what the HTML writer wrote."""
    link_for = lambda n: "../people/someone.md"  # noqa: E731 - the site's links point at Markdown sources
    written = write(inline(text, name), SITE, link_for)
    pages = markdown.Markdown(extensions=["md_in_html", "tables", "toc"])
    for line in (written, f"- {written}", f"| {written} |\n|---|\n| {written} |"):
        rendered = pages.reset().convert(line)
        found = elements(rendered)
        assert set(found.tags) - {"p", "ul", "li", "table", "thead", "tbody", "tr", "th", "td"} <= TEXT_TAGS, line
        assert found.problems == []
    expected = _text(write(inline(text, name), HTML, link_for))
    assert _text(pages.reset().convert(written)) == expected


@FUZZ
@given(MARKDOWNISH, MARKDOWNISH)
def test_commonmark_read_back_with_raw_html_on_is_the_same_text(text: str, name: str) -> None:
    """A partner's renderer, even one that lets raw HTML through, reads the Markdown export as we meant it."""
    link_for = lambda n: "https://briefing.example.org/de/people/someone/"  # noqa: E731
    written = write(inline(text, name), COMMONMARK, link_for)
    rendered = MarkdownIt("commonmark", {"html": True}).render(written)
    found = elements(rendered)
    assert set(found.tags) - {"p"} <= TEXT_TAGS and found.problems == []
    assert _text(rendered) == _text(write(inline(text, name), HTML, link_for))


@FUZZ
@given(MARKDOWNISH)
def test_plain_text_is_the_html_text(text: str) -> None:
    assert " ".join(write(inline(text), PLAIN).split()) == " ".join(html.unescape(
        re.sub(r"<[^>]+>", "", write(inline(text), HTML))).split())


@FUZZ
@given(MARKDOWNISH, st.sampled_from([HTML, SITE, COMMONMARK, PLAIN]))
def test_links_off_leaves_no_link(text: str, writer: Writer) -> None:
    written = write(inline(text), writer, lambda n: "https://example.org/", links=False)
    assert ("<a " not in written and "](" not in written.replace("\\]", "").replace("&#93;", "")) or "](" in text
