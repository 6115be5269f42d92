"""Catalogs checked as strictly as records: PO syntax, placeholders, markup, the plural rule.

Every test edits the German catalog of a copy of the Paris project the way a
translator would (by hand, in a text editor) and reads it as the build does.
"""

from __future__ import annotations

import gettext
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.catalog import Catalog
from jinja2 import Environment

from generator.config import ProjectConfig, load_config
from generator.errors import ContentError
from generator.i18n.catalogs import (
    CatalogError,
    CatalogSyntaxError,
    TranslationFaultsError,
    catalog_path,
    check_catalogs,
    compile_catalogs,
    load_translations,
    template_gaps,
    update_catalogs,
)
from generator.i18n.po_checks import PLAIN_TEXT, plural_findings

from ..conftest import copy_project, paris_project

ROOT = Path(__file__).resolve().parents[2]
PARIS = paris_project()
PO = Path("locales/de/LC_MESSAGES/messages.po")
SOURCES = 'msgid "Sources"\nmsgstr "Quellen"\n'
CITES = ('msgstr[0] "Dieses Briefing stützt sich auf %(number)s Quelle."\n'
         'msgstr[1] "Dieses Briefing stützt sich auf %(number)s Quellen."\n')
VERSION = 'msgid "Version %(number)s"\nmsgstr "Version %(number)s"\n'


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ProjectConfig:
    """A copy of the Paris project, worked in as a translator would: from its folder."""
    root = copy_project(PARIS, tmp_path / "p")
    monkeypatch.chdir(root)
    return load_config(root)


def _edit(config: ProjectConfig, old: str, new: str) -> int:
    """Replace `old` (once) in the German catalog; the line where `new` starts."""
    path = catalog_path(config, "de")
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in the catalog"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


def _line_of(config: ProjectConfig, fragment: str) -> int:
    text = catalog_path(config, "de").read_text(encoding="utf-8")
    return text[:text.index(fragment)].count("\n") + 1


def _faults(config: ProjectConfig) -> TranslationFaultsError:
    with pytest.raises(TranslationFaultsError) as error:
        load_translations(config, "de")
    return error.value


# --- 1. syntax ---------------------------------------------------------------------------------------------------


def test_a_msgstr_without_its_opening_quote_is_one_message_at_its_line(project: ProjectConfig) -> None:
    line = _edit(project, SOURCES, 'msgid "Sources"\nmsgstr Quellen"\n') + 1
    with pytest.raises(CatalogSyntaxError) as error:
        load_translations(project, "de")
    assert str(error.value) == (f'{PO}:{line}: the text after msgstr does not start with a quote: Quellen" '
                                '(write it between quotes: msgstr "Quellen")')
    assert isinstance(error.value, CatalogError) and error.value.line == line


@pytest.mark.parametrize(("new", "offset", "message"), [
    ('msgid "Sources"\nmsgstr "Quellen\n', 1, "has no closing quote"),
    ('msgid "Sources"\nmsgstr "Die "Quellen""\n', 1, "a quote inside the string after msgstr is not escaped"),
    ('msgid "Sources"\nmsgstr "Quel\\qlen"\n', 1, r"unknown escape \q"),
    ('msgid "Sources"\nmsgstr "Quellen" und mehr\n', 1, "text after the closing quote"),
    ('msgid "Sources"\nmsgstr\n', 1, "msgstr has no string"),
    ('msgid "Sources"\nmsgstr "Quellen"\nmsgstr "Belege"\n', 2, "msgstr a second time for this msgid"),
    ('msgid "Sources"\nmsgstr[0] "Quellen"\n', 1, "msgstr[0] after a msgid without msgid_plural"),
    ('msgid "Sources"\nQuellen\n', 1, "not a PO keyword or string: 'Quellen'"),
    ('msgid "Sources"\n\nmsgid "Quellen"\nmsgstr "Quellen"\n', 0, "this msgid has no msgstr"),
    ('msgid "Sources"\nmsgstr "Quellen"\n\nmsgid "Sources"\nmsgstr "Belege"\n', 3,
     'msgid "Sources" is already defined on line'),
])
def test_every_syntax_error_is_one_message_with_its_line(project: ProjectConfig, new: str, offset: int,
                                                         message: str) -> None:
    line = _edit(project, SOURCES, new) + offset
    with pytest.raises(CatalogSyntaxError) as error:
        load_translations(project, "de")
    text = str(error.value)
    assert text.startswith(f"{PO}:{line}: ") and message in text and text.endswith(")"), text
    assert "\n" not in text


@pytest.mark.parametrize(("new", "offset", "message"), [
    (CITES.replace("msgstr[1]", "msgstr[2]"), 1, r"expected msgstr\[1\], found msgstr\[2\]"),
    (CITES + 'msgstr[2] "Quellen"\n', 2, r"msgstr\[2\], but the header says nplurals=2"),
])
def test_plural_forms_must_be_numbered_as_the_header_says(project: ProjectConfig, new: str, offset: int,
                                                          message: str) -> None:
    line = _edit(project, CITES, new) + offset
    with pytest.raises(CatalogSyntaxError, match=rf"^{PO}:{line}: {message}"):
        load_translations(project, "de")


def test_what_babel_itself_refuses_is_one_message_too(project: ProjectConfig) -> None:
    line = _edit(project, SOURCES, 'msgid "Sources"\n# a note\nmsgstr "Quellen"\n')
    with pytest.raises(CatalogSyntaxError) as error:
        load_translations(project, "de")
    assert str(error.value) == f"{PO}:{line}: missing msgstr for msgid 'Sources' (fix the line; see `msgfmt --check`)"


def test_a_line_that_is_not_utf8_is_named(project: ProjectConfig) -> None:
    line = _edit(project, SOURCES, SOURCES)
    path = catalog_path(project, "de")
    entry = SOURCES.encode("utf-8")  # only this entry: "Quellen" is also the plural of another
    path.write_bytes(path.read_bytes().replace(entry, entry.replace(b'"Quellen"', b'"Qu\xe9llen"')))
    with pytest.raises(CatalogSyntaxError, match=rf"^{PO}:{line + 1}: this line is not UTF-8 \(save"):
        load_translations(project, "de")


@pytest.mark.parametrize(("old", "new", "message"), [
    ("charset=utf-8", "charset=latin-1", "the header says charset=latin-1"),
    ("nplurals=2;", "nplurals=two;", "the header says nplurals=two"),
])
def test_header_fields_babel_would_misread_are_refused(project: ProjectConfig, old: str, new: str,
                                                        message: str) -> None:
    line = _edit(project, old, new)
    with pytest.raises(CatalogSyntaxError, match=rf"^{PO}:{line}: {message}"):
        load_translations(project, "de")


def test_obsolete_entries_are_read_strictly_too(project: ProjectConfig) -> None:
    text = catalog_path(project, "de").read_text(encoding="utf-8")
    catalog_path(project, "de").write_text(text + '\n#~ msgid "Old"\n#~ msgstr Alt"\n', encoding="utf-8")
    line = text.count("\n") + 3
    with pytest.raises(CatalogSyntaxError, match=rf"^{PO}:{line}: the text after msgstr does not start"):
        load_translations(project, "de")


# --- 2. placeholders ---------------------------------------------------------------------------------------------


def test_a_misspelt_placeholder_names_the_line_the_msgid_and_the_placeholder_expected(project: ProjectConfig) -> None:
    line = _edit(project, CITES, CITES.replace("%(number)s Quellen", "%(nmber)s Quellen")) + 1
    error = _faults(project)
    assert str(error) == (f'{PO}:{line}:44: msgid "This briefing cites %(number)s source.": msgstr[1] uses '
                          "%(nmber)s, which the msgid does not have (write %(number)s, as in the msgid)")
    assert isinstance(error, ContentError) and [p.code for p in error.problems] == ["catalog-placeholder"]


@pytest.mark.parametrize(("msgstr", "message", "hint"), [
    ("Version %(nummer)s", "uses %(nummer)s, which the msgid does not have", "write %(number)s"),
    ("Version %(number)d", "uses %(number)d where the msgid has %(number)s", "write %(number)s"),
    ("Version %s", "has %s, but the msgid names its placeholders", "%(number)s"),
    ("Version %(number)s, 50 % neu", "has a % that is not a placeholder: '% neu'", "write %% for a percent sign"),
    ("Version %(number)", "has a % that is not a placeholder", "write %% for a percent sign"),
    ("Version", "leaves out %(number)s", "so no name, number or date goes missing"),
])
def test_placeholders_that_would_crash_or_lose_a_value_are_refused(project: ProjectConfig, msgstr: str,
                                                                   message: str, hint: str) -> None:
    line = _edit(project, VERSION, f'msgid "Version %(number)s"\nmsgstr "{msgstr}"\n') + 1
    [problem] = _faults(project).problems
    assert (problem.path.name, problem.line, problem.field) == ("messages.po", line, 'msgid "Version %(number)s"')
    assert problem.message.startswith(f"msgstr {message}") and hint in problem.hint


def test_a_percent_sign_in_a_template_string_is_written_double(project: ProjectConfig) -> None:
    _edit(project, SOURCES, 'msgid "Sources"\nmsgstr "Quellen (100 %%)"\n')
    assert load_translations(project, "de").gettext("Sources") == "Quellen (100 %%)"  # the template formats it


def test_a_plural_form_for_one_count_may_spell_the_number_out(project: ProjectConfig) -> None:
    _edit(project, CITES, CITES.replace("auf %(number)s Quelle.", "auf eine Quelle."))
    translations = load_translations(project, "de")
    assert translations.ngettext("This briefing cites %(number)s source.",
                                 "This briefing cites %(number)s sources.", 1) == "Dieses Briefing stützt sich auf " \
                                                                                  "eine Quelle."


def test_a_plural_form_for_many_counts_must_keep_the_number(project: ProjectConfig) -> None:
    line = _edit(project, CITES, CITES.replace("auf %(number)s Quellen.", "auf vielen Quellen.")) + 1
    [problem] = _faults(project).problems
    assert problem.line == line and problem.message == "msgstr[1] leaves out %(number)s"


def test_which_plural_forms_stand_for_a_single_count() -> None:
    here = Path("messages.po")
    assert plural_findings(Catalog(locale=Locale.parse("de_DE")), here, 1) == (frozenset({0}), [])
    assert plural_findings(Catalog(locale=Locale.parse("uk_UA")), here, 1) == (frozenset(), [])  # 1, 21, 31…


@pytest.mark.parametrize(("old", "new", "message"), [
    ("plural=(n != 1);", "plural=(n !!= 1);", "cannot evaluate plural=(n !!= 1)"),
    ("plural=(n != 1);", "plural=(n > 1 ? 3 : 0);", "chooses form 3, but nplurals=2"),
])
def test_a_plural_rule_gettext_cannot_use_is_refused(project: ProjectConfig, old: str, new: str, message: str) -> None:
    line = _edit(project, old, new)
    [problem] = _faults(project).problems
    assert (problem.line, problem.field) == (line, "Plural-Forms") and message in problem.message
    assert "nplurals=2; plural=(n != 1);" in problem.hint


# --- 3. markup ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("msgstr", "found"), [
    ("<b>Quellen</b>", "'<b>' (an HTML tag), '</b>' (an HTML tag)"),
    ("Quellen<script>alert(1)</script>", "'<script>' (an HTML tag), '</script>' (an HTML tag)"),
    ("Quellen <img src=x onerror=alert(1)", "'<img src=x onerror=alert(1)' (an HTML tag)"),
    ("[Quellen](javascript:alert(1))", "'[' (a Markdown link), ']' (a Markdown link)"),
    ("**Quellen**", "'*' (Markdown emphasis)"),
    ("`Quellen`", "'`' (Markdown code)"),
    ("Quellen&lt;b&gt;", "'&lt;' (an HTML entity), '&gt;' (an HTML entity)"),
    ('Quellen\\" onmouseover=\\"alert(1)', "'\"' (an attribute quote)"),
    ("Quellen\\n\\n# Titel", "'\\n' (a line break or control character), '#' (a Markdown heading)"),
    ("Quellen | Belege", "'|' (a Markdown table cell)"),
])
def test_markup_in_a_msgstr_is_refused(project: ProjectConfig, msgstr: str, found: str) -> None:
    line = _edit(project, SOURCES, f'msgid "Sources"\nmsgstr "{msgstr}"\n') + 1
    [problem] = _faults(project).problems
    assert (problem.line, problem.field, problem.code) == (line, 'msgid "Sources"', "catalog-markup")
    assert problem.message == f"msgstr has markup the msgid does not have: {found}"
    assert problem.hint.startswith(PLAIN_TEXT)


def test_the_column_points_at_the_markup(project: ProjectConfig) -> None:
    line = _edit(project, SOURCES, 'msgid "Sources"\nmsgstr ""\n"Quellen "\n"<b>und mehr</b>"\n') + 2
    [problem] = _faults(project).problems
    assert (problem.line, problem.column) == (line + 1, 2)


def test_a_msgid_that_has_markup_characters_may_keep_them(project: ProjectConfig) -> None:
    text = catalog_path(project, "de").read_text(encoding="utf-8")
    catalog_path(project, "de").write_text(text + '\nmsgid "Q&A on %(start_date)s"\nmsgstr "F&A am %(start_date)s"\n'
                                                  '\nmsgid "a < b"\nmsgstr "a < c"\n', encoding="utf-8")
    assert load_translations(project, "de").gettext("Q&A on %(start_date)s") == "F&A am %(start_date)s"


def test_a_msgid_with_one_markup_character_allows_no_more(project: ProjectConfig) -> None:
    text = catalog_path(project, "de").read_text(encoding="utf-8")
    catalog_path(project, "de").write_text(text + '\nmsgid "a < b"\nmsgstr "<img src=x onerror=alert(1) "\n',
                                           encoding="utf-8")
    [problem] = _faults(project).problems
    assert problem.field == 'msgid "a < b"' and "'<img src=x onerror=alert(1) ' (an HTML tag)" in problem.message


def test_why_markup_must_be_refused_newstyle_gettext_does_not_escape_translations() -> None:
    class German(gettext.NullTranslations):
        def gettext(self, message: str) -> str:
            return {"Sources": "<b>Quellen</b>"}.get(message, message)

    env = Environment(autoescape=True, extensions=["jinja2.ext.i18n"])
    env.install_gettext_translations(German(), newstyle=True)
    assert env.from_string("{{ _('Sources') }} {{ value }}").render(value="<b>") == "<b>Quellen</b> &lt;b&gt;"


def test_fuzzy_and_empty_translations_are_not_checked_as_they_are_not_used(project: ProjectConfig) -> None:
    _edit(project, SOURCES, '#, fuzzy\nmsgid "Sources"\nmsgstr "<script>Quellen"\n')
    assert load_translations(project, "de").gettext("Sources") == "Sources"


def test_every_fault_of_the_catalog_is_listed_at_once(project: ProjectConfig) -> None:
    _edit(project, SOURCES, 'msgid "Sources"\nmsgstr "<b>Quellen</b>"\n')
    _edit(project, VERSION, 'msgid "Version %(number)s"\nmsgstr "Version %(nummer)s"\n')
    assert [p.code for p in _faults(project).problems] == ["catalog-markup", "catalog-placeholder"]


# --- 4. every reader checks ----------------------------------------------------------------------------------------


def test_template_gaps_and_compile_refuse_a_faulty_catalog_too(project: ProjectConfig) -> None:
    catalog_path(project, "de").with_suffix(".mo").unlink(missing_ok=True)  # a working copy may have compiled one
    _edit(project, SOURCES, 'msgid "Sources"\nmsgstr "<b>Quellen</b>"\n')
    with pytest.raises(TranslationFaultsError):
        template_gaps(project)
    with pytest.raises(TranslationFaultsError):
        compile_catalogs(project)
    assert not catalog_path(project, "de").with_suffix(".mo").exists()


def test_update_still_merges_a_catalog_with_faulty_translations(project: ProjectConfig) -> None:
    _edit(project, SOURCES, 'msgid "Sources"\nmsgstr "<b>Quellen</b>"\n')
    update_catalogs(project)
    assert 'msgstr "<b>Quellen</b>"' in catalog_path(project, "de").read_text(encoding="utf-8")


def test_check_catalogs_lists_problems_without_raising(project: ProjectConfig) -> None:
    assert check_catalogs(project) == []
    _edit(project, VERSION, 'msgid "Version %(number)s"\nmsgstr "Version %(nummer)s"\n')
    assert [p.code for p in check_catalogs(project)] == ["catalog-placeholder"]
    line = _line_of(project, 'msgstr "Version') + 0
    _edit(project, 'msgstr "Version %(nummer)s"', 'msgstr Version"')
    [problem] = check_catalogs(project)
    assert (problem.line, problem.code, problem.field) == (line, "catalog-syntax", "PO syntax")
    assert str(problem).startswith(f"{PO}:{line}:1: PO syntax: the text after msgstr does not start with a quote")


def test_the_repository_catalogs_pass_every_check() -> None:
    assert check_catalogs(load_config(ROOT)) == []
