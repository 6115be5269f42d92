"""The inline writers: hostile content stays text, names link, Markdown stays Markdown."""

from __future__ import annotations

from gettext import NullTranslations
from pathlib import Path

import pytest
from jinja2 import UndefinedError
from markdown_it import MarkdownIt

from generator.errors import BrokenTemplateError
from generator.markup import markup_problems
from generator.render import make_environment, render_template, to_html, to_markdown, to_plain
from generator.views import Inline, Name, Quoted, Value, Words

HOSTILE = Inline((Words("<script>alert(1)</script> & *emphasis* "),
                  Name("evil", "people", "Bobby <b>Tables</b> [x](javascript:alert(1))"),
                  Words(" said "), Quoted("<img src=x onerror=alert(1)>", "„", "“"),
                  Words(" "), Value("1 < 2 & *3*", "count")), "de")


def test_html_escapes_raw_html_and_markup_in_names_and_values() -> None:
    html = str(to_html(HOSTILE, lambda name: f"../people/{name.record_id}/"))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<em>emphasis</em>" in html  # the editor's own Markdown still works
    assert '<a href="../people/evil/">Bobby &lt;b&gt;Tables&lt;/b&gt; [x](javascript:alert(1))</a>' in html
    assert "„&lt;img src=x onerror=alert(1)&gt;“" in html
    assert "1 &lt; 2 &amp; *3*" in html
    assert "javascript:" not in html.replace("[x](javascript:alert(1))", "")


def test_markdown_escapes_what_would_become_markup() -> None:
    markdown = to_markdown(HOSTILE)
    assert markdown.startswith("\\<script\\>alert(1)\\</script\\> \\& *emphasis* ")
    assert "Bobby \\<b\\>Tables\\</b\\> \\[x\\](javascript:alert(1))" in markdown
    assert "1 \\< 2 \\& \\*3\\*" in markdown
    # a partner's renderer, even with raw HTML on, reads back only text and the editor's emphasis
    rendered = MarkdownIt("commonmark", {"html": True}).render(markdown)
    assert rendered == f"<p>{to_html(HOSTILE)}</p>\n"


def test_plain_text_has_no_markup() -> None:
    assert to_plain(HOSTILE).startswith("<script>alert(1)</script> & emphasis Bobby <b>Tables</b>")


def test_unsafe_links_and_images_are_reported() -> None:
    assert markup_problems("see [site](https://example.org/) or [mail](mailto:desk@example.org)") == []
    assert markup_problems("[x](javascript:alert(1))") == ["link to 'javascript:alert(1)'"]
    assert markup_problems("![x](http://127.0.0.1:1/)") == ["image 'http://127.0.0.1:1/' in text"]
    assert markup_problems("[x](file:///etc/passwd)") == ["link to 'file:///etc/passwd'"]
    assert markup_problems("<javascript:alert(1)> and [rel](people.md)") == [
        "link to 'people.md'", "link to 'javascript:alert(1)'"]
    assert markup_problems("[x][r]\n\n[r]: javascript:alert(1)") == ["reference definition '[r]: javascript:alert(1)'"]


def test_environment_is_strict_and_autoescapes_html(tmp_path: Path) -> None:
    (tmp_path / "page.html.j2").write_text("{{ title }}", encoding="utf-8")
    (tmp_path / "page.md.j2").write_text("{{ title }}", encoding="utf-8")
    (tmp_path / "broken.html.j2").write_text("{{ missing }}", encoding="utf-8")
    env = make_environment(tmp_path)
    assert env.get_template("page.html.j2").render(title="<b>") == "&lt;b&gt;"
    assert env.get_template("page.md.j2").render(title="<b>") == "<b>"
    with pytest.raises(UndefinedError, match="'missing' is undefined"):
        env.get_template("broken.html.j2").render()


UNION = Name("european-union", "organisations", "Europäische Union",
             {"nom": "die Europäische Union", "dat": "der Europäischen Union"})


def test_case_filter_declines_a_name_after_the_catalogs_preposition(tmp_path: Path) -> None:
    (tmp_path / "event.html.j2").write_text("Veranstaltet von {{ organiser | case('dat') | html }}", encoding="utf-8")
    html = make_environment(tmp_path).get_template("event.html.j2").render(
        organiser=UNION, link_for=lambda name: f"../organisations/{name.record_id}/")
    assert html == 'Veranstaltet von <a href="../organisations/european-union/">der Europäischen Union</a>'


def test_case_filter_leaves_a_name_without_that_case_as_it_is(tmp_path: Path) -> None:
    (tmp_path / "page.md.j2").write_text("{{ (name | case('gen')).text }} / {{ (plain | case('dat')).text }}",
                                         encoding="utf-8")
    rendered = make_environment(tmp_path).get_template("page.md.j2").render(
        name=UNION, plain=Name("france", "organisations", "Frankreich"))
    assert rendered == "Europäische Union / Frankreich"


def test_case_filter_refuses_an_unknown_case_with_the_template_line(tmp_path: Path) -> None:
    (tmp_path / "page.md.j2").write_text("\n{{ organiser | case('dative') }}", encoding="utf-8")
    with pytest.raises(BrokenTemplateError, match=r"page\.md\.j2:2: case\('dative'\): use one of nom, gen, dat, acc"):
        render_template(make_environment(tmp_path), "page.md.j2", NullTranslations(), organiser=UNION)
