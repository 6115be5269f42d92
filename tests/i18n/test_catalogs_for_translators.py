"""The template catalogs as translators' tools see them: header, contexts, comments, references, a Poedit save.

Read with polib (what Poedit-like tools and Weblate's Python side use) and
GNU msgfmt, not with the Babel code that writes them, so a fault Babel
would write and read back without noticing still shows.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import textwrap
from pathlib import Path

import polib
import pytest
from babel.messages.catalog import Catalog
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

import generator
from generator.config import ProjectConfig, load_config
from generator.i18n.catalogs import (
    _po_bytes,
    catalog_languages,
    catalog_path,
    check_catalogs,
    extract_catalog,
    load_translations,
    template_gaps,
    template_path,
    update_catalogs,
)
from generator.render import make_environment, render_template

from ..conftest import FIXTURES, ROOT

MSGFMT = shutil.which("msgfmt")
CONFIG = load_config(ROOT)
CATALOGS = [template_path(CONFIG)] + [catalog_path(CONFIG, code) for code in catalog_languages(CONFIG)]
PLACEHOLDER = re.compile(r"FULL NAME|EMAIL@ADDRESS|LANGUAGE|LL@li\.org|YEAR|PACKAGE|VERSION|CHARSET", re.IGNORECASE)
ADDRESS = re.compile(r"<[^<>\s]+>$")
"""How a PO header names a person or team: `Name <address>`."""

AMBIGUOUS = {
    "and": "a conjunction joins words, clauses or list items differently in many languages",
    "p.": "page, not paragraph or piano",
    "leading": "a stance (leads the effort), not an adjective",
    "against": "a stance, not a preposition",
    "in favour": "a stance",
    "State": "a country, not a condition or a status",
    "Party": "a political party, not a celebration or a side in a contract",
    "Building": "a noun, not the gerund",
    "Visit": "a noun (an event), not the imperative",
    "Country": "also a kind of place, besides the column head",
    "Source": "a cited source, not source code or an origin",
    "translated": "said of a quote, whose gender and number a translation may have to agree with",
    "Offices": "public offices, not rooms",
    "Address": "a web address, not a postal one or a speech",
    "Position": "a stance, not a job or a location",
    "Home": "the start page, not a dwelling",
    "planned": "an event's status, agreeing with the event",
    "Markdown": "the export format's name",
}
"""Words that mean two things, and what they mean here: each must have a msgctxt in the catalog."""

EXPLAINED = ("Page {page} of {pages}", "about %(amount)s", "Parts", "Places within", "Cited in", "Original version",
             "None yet.", "Briefings of %(month)s", "dozens of", "millions", "billions", "running into %(scale)s",
             "running into %(scale)s of %(currency)s", "translation missing", "date not known", "no statement",
             "Withdrawn", "Offices", "Explore", "Question", "Source %(number)s: %(title)s", "translated",
             "translated from %(language)s", "Published %(date)s", "%(site)s: exports for partners")
"""Strings whose meaning the words alone do not give (what fills a placeholder, where it stands): each has a `#.`."""


def _translated(path: Path) -> dict[tuple[str | None, str], object]:
    """Every used translation of a catalog, keyed by (msgctxt, msgid), as Babel reads it."""
    with path.open("rb") as stream:
        catalog = read_po(stream)
    return {(m.context, m.id if isinstance(m.id, str) else m.id[0]): (m.string, sorted(m.flags), m.auto_comments,
                                                                       m.locations)
            for m in catalog if m.id}


def _copy_repository(target: Path, content: bool = True) -> ProjectConfig:
    """The repository's configuration, templates, code, catalogs (and content) under `target`, to change freely."""
    for name in ("locales", "templates", "generator", *(["content"] if content else [])):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for folder in ("content", "docs"):
        (target / folder).mkdir(exist_ok=True)
    return load_config(target)


def _msgfmt_check(path: Path) -> str:
    assert MSGFMT, "GNU gettext's msgfmt is missing (`make test` installs gettext as root; see `briefing doctor`)"
    result = subprocess.run([MSGFMT, "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, f"{path}: {result.stderr}"
    return result.stderr


# --- the header -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", CATALOGS, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_the_header_names_project_desk_team_and_dates_without_placeholders(path: Path) -> None:
    header = polib.pofile(str(path)).metadata
    assert header["Project-Id-Version"] == f"{CONFIG.site_name} {generator.__version__}"
    for field in ("Report-Msgid-Bugs-To", "Last-Translator", "Language-Team"):
        assert ADDRESS.search(header[field]), f"{field} names no address: {header[field]!r}"
    for field in ("POT-Creation-Date", "PO-Revision-Date"):
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d[+-]\d{4}", header[field]), f"{field}: {header[field]!r}"
    for field, value in header.items():
        assert not PLACEHOLDER.search(value) or field == "Content-Type", f"{field} keeps a placeholder: {value!r}"
    assert header["POT-Creation-Date"] == polib.pofile(str(template_path(CONFIG))).metadata["POT-Creation-Date"]


@pytest.mark.parametrize("language", catalog_languages(CONFIG))
def test_a_catalog_names_its_language_and_the_cldr_plural_rule(language: str) -> None:
    header = polib.pofile(str(catalog_path(CONFIG, language))).metadata
    locale = CONFIG.languages[language].locale
    assert header["Language"] == str(locale)
    assert header["Plural-Forms"] == get_plural(locale).plural_forms


def test_the_pot_belongs_to_no_language() -> None:
    header = polib.pofile(str(template_path(CONFIG))).metadata
    assert "Plural-Forms" not in header and not header.get("Language")


def test_update_replaces_placeholders_and_a_wrong_plural_rule_but_keeps_the_translator(tmp_path: Path) -> None:
    config = _copy_repository(tmp_path, content=False)
    po = catalog_path(config, "de")
    text = po.read_text(encoding="utf-8")
    team = '"Language-Team: LANGUAGE <LL@li.org>\\\\n"\n'
    text = re.sub(r'"Language-Team: [^"]*"\n(?:"[^"]*"\n)*?(?="Plural-Forms)', team, text, count=1)
    text = re.sub(r'"Plural-Forms: [^"]*"', '"Plural-Forms: nplurals=2; plural=(n > 1);\\\\n"', text, count=1)
    text = re.sub(r'"Last-Translator: [^"]*"', '"Last-Translator: Jana Übersetzerin <jana@example.org>\\\\n"', text,
                  count=1)
    text = re.sub(r'"PO-Revision-Date: [^"]*"', '"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\\\n"', text, count=1)
    po.write_text(text, encoding="utf-8")

    update_catalogs(config)

    header = polib.pofile(str(po)).metadata
    assert header["Last-Translator"] == "Jana Übersetzerin <jana@example.org>", "the translator's, kept"
    assert header["Language-Team"] == f"{config.rights.publisher}, German (Germany) <{config.site_url}>"
    assert header["Plural-Forms"] == get_plural("de_DE").plural_forms
    assert header["PO-Revision-Date"] == header["POT-Creation-Date"]


def test_a_new_catalog_gets_a_complete_header(tmp_path: Path) -> None:
    _copy_repository(tmp_path, content=False)
    mkdocs = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    marker = "      languages:\n"
    (tmp_path / "mkdocs.yml").write_text(mkdocs.replace(marker, marker + "        uk:\n          locale: uk_UA\n"
                                                        "          quotes: [«, », „, “]\n", 1), encoding="utf-8")
    config = load_config(tmp_path)
    update_catalogs(config)
    po = catalog_path(config, "uk")
    header = polib.pofile(str(po)).metadata
    assert header["Language"] == "uk_UA" and header["Plural-Forms"] == get_plural("uk_UA").plural_forms
    assert header["Language-Team"] == f"{config.rights.publisher}, Ukrainian (Ukraine) <{config.site_url}>"
    assert not [value for value in header.values() if PLACEHOLDER.search(value) and "charset" not in value]
    assert "warning" not in _msgfmt_check(po)


# --- dates from the records, not the clock ----------------------------------------------------------------


def _release_a_later_briefing(config: ProjectConfig, moment: str) -> None:
    """A released briefing published at `moment`, from the synthetic story: newer than any the desk has."""
    fixture = next((FIXTURES / "synthetic-story" / "briefings").glob("*.yaml"))
    text = re.sub(r"published: \{datetime: \"[^\"]+\"", f'published: {{datetime: "{moment}"', fixture.read_text())
    (config.content_dir / "briefings" / fixture.name).write_text(text, encoding="utf-8")


def test_the_creation_date_moves_with_the_strings_to_the_newest_released_briefing(tmp_path: Path) -> None:
    config = _copy_repository(tmp_path)
    pot, po = template_path(config), catalog_path(config, "de")
    before = pot.read_bytes(), po.read_bytes()

    _release_a_later_briefing(config, "2031-05-05T10:00:00+02:00")
    assert not extract_catalog(config).changed and not any(r.changed for r in update_catalogs(config)), \
        "a new story changes no catalog"
    assert (pot.read_bytes(), po.read_bytes()) == before

    page = config.templates_dir / "site" / "not_found.md.j2"
    page.write_text(page.read_text(encoding="utf-8") + "{{ _('A string added today') }}\n", encoding="utf-8")
    assert extract_catalog(config).changed
    update_catalogs(config)
    pot_header, po_header = polib.pofile(str(pot)).metadata, polib.pofile(str(po)).metadata
    assert pot_header["POT-Creation-Date"] == po_header["POT-Creation-Date"] == "2031-05-05 08:00+0000"
    assert po_header["PO-Revision-Date"] == polib.pofile(str(ROOT / po.relative_to(tmp_path))).metadata[
        "PO-Revision-Date"], "the translator's date stays until they revise the translation"

    after = pot.read_bytes(), po.read_bytes()
    assert not extract_catalog(config).changed and not any(r.changed for r in update_catalogs(config))
    assert (pot.read_bytes(), po.read_bytes()) == after


# --- contexts, comments, references -----------------------------------------------------------------------


def test_every_ambiguous_word_has_a_context() -> None:
    entries = polib.pofile(str(template_path(CONFIG)))
    for word, meaning in AMBIGUOUS.items():
        found = [entry for entry in entries if entry.msgid == word]
        assert found, f"{word!r} is no longer a msgid: take it off AMBIGUOUS"
        assert any(entry.msgctxt for entry in found), f"{word!r} has no msgctxt ({meaning})"


def test_strings_that_do_not_explain_themselves_have_a_translator_comment() -> None:
    entries = polib.pofile(str(template_path(CONFIG)))
    for msgid in EXPLAINED:
        found = [entry for entry in entries if entry.msgid == msgid]
        assert found, f"{msgid!r} is no longer a msgid: take it off EXPLAINED"
        assert all(entry.comment for entry in found), f"{msgid!r} has no translator comment (#.)"
    for entry in entries:  # a name declined for a preposition or verb: the translator must know the case
        if any("case(" in line for line in _source_lines(entry)) and "%(" in entry.msgid:
            assert entry.comment, f"{entry.msgid!r}: say which case the name or place comes in"


def _source_lines(entry: polib.POEntry) -> list[str]:
    return [(ROOT / path).read_text(encoding="utf-8").splitlines()[int(line) - 1] for path, line in entry.occurrences]


@pytest.mark.parametrize("path", CATALOGS, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_every_reference_has_the_line_of_the_call(path: Path) -> None:
    for entry in (entry for entry in polib.pofile(str(path)) if not entry.obsolete):
        assert entry.occurrences, f"{entry.msgid!r} has no reference"
        for source, line in entry.occurrences:
            assert line.isdigit(), f"{entry.msgid!r}: {source} without a line number"
            text = (ROOT / source).read_text(encoding="utf-8").splitlines()[int(line) - 1]
            assert re.search(r"\b(_|N_|gettext|ngettext|pgettext|npgettext)\(|\{% trans", text), \
                f"{source}:{line} has no gettext call: {text.strip()[:80]}"


def test_contexts_are_used_when_rendering(tmp_path: Path) -> None:
    """One msgid, two contexts (and none): each call gets its own translation, with placeholders formatted."""
    from .test_catalogs import _project

    page = textwrap.dedent("""\
        <p>{{ _('against') }} / {{ pgettext('stance', 'against') }}</p>
        <p>{{ npgettext('stance', '%(num)d country against', '%(num)d countries against', n) }}</p>
        """)
    config = _project(tmp_path, {"page.html.j2": page})
    extract_catalog(config)
    update_catalogs(config)
    po = catalog_path(config, "de")
    with po.open("rb") as stream:
        catalog = read_po(stream)
    catalog.get("against").string = "gegen"
    catalog.get("against", "stance").string = "dagegen"
    catalog.get(("%(num)d country against", "%(num)d countries against"), "stance").string = (
        "%(num)d Land dagegen", "%(num)d Länder dagegen")
    po.write_bytes(_po_bytes(catalog))

    html = render_template(make_environment(config.templates_dir), "page.html.j2", load_translations(config, "de"), n=3)
    assert html == "<p>gegen / dagegen</p>\n<p>3 Länder dagegen</p>\n"


def test_a_gap_is_the_entry_of_its_context_not_every_entry_of_its_msgid(tmp_path: Path) -> None:
    from generator.i18n.status import TranslationStatus

    from .test_catalogs import _project

    config = _project(tmp_path, {"page.html.j2": "{{ _('against') }} {{ pgettext('stance', 'against') }}\n"})
    extract_catalog(config)
    update_catalogs(config)
    po = catalog_path(config, "de")
    with po.open("rb") as stream:
        catalog = read_po(stream)
    catalog.get("against").string = "gegen"  # the preposition only
    po.write_bytes(_po_bytes(catalog))
    gaps = TranslationStatus(templates=tuple(template_gaps(config)))
    assert gaps.untranslated_msgids("de") == {("stance", "against")}
    assert [gap.problem.field for gap in gaps.templates] == ['msgctxt "stance" msgid "against"']


def test_a_fault_in_a_translation_with_a_context_names_the_context(tmp_path: Path) -> None:
    config = _copy_repository(tmp_path, content=False)
    po = catalog_path(config, "de")
    with po.open("rb") as stream:
        catalog = read_po(stream)
    catalog.get("translated from %(language)s", "quote").string = "übersetzt aus %(sprache)s"
    po.write_bytes(_po_bytes(catalog))
    [problem] = check_catalogs(config)
    assert problem.field == 'msgctxt "quote" msgid "translated from %(language)s"'
    assert "%(language)s" in problem.hint


# --- what translators' tools do to the files --------------------------------------------------------------


@pytest.mark.parametrize("path", CATALOGS, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_msgfmt_check_passes(path: Path) -> None:
    warnings = [line for line in _msgfmt_check(path).splitlines() if "warning" in line]
    if path == template_path(CONFIG):
        warnings = [line for line in warnings if "'Language'" not in line]  # a POT belongs to no language
    assert not warnings, f"{path}: {warnings}"


def _poedit_save(path: Path) -> None:
    """What saving in Poedit does: polib's writer (its wrapping), the editor's name, the translator, the clock."""
    catalog = polib.pofile(str(path), wrapwidth=79)
    catalog.metadata.update({"Last-Translator": "Jana Übersetzerin <jana@example.org>",
                             "PO-Revision-Date": "2031-02-03 14:15+0100", "X-Generator": "Poedit 3.4.2"})
    catalog.save(str(path))


@pytest.mark.parametrize("language", catalog_languages(CONFIG))
def test_a_poedit_save_leaves_the_catalog_equivalent_and_the_build_reads_it(tmp_path: Path, language: str) -> None:
    config = _copy_repository(tmp_path, content=False)
    po = catalog_path(config, language)
    original, entries = po.read_bytes(), _translated(po)

    _poedit_save(po)

    assert _translated(po) == entries, "every translation, flag, comment and reference as before"
    assert "warning" not in _msgfmt_check(po)
    assert not template_gaps(config) and not check_catalogs(config)
    assert _everything_shown(config, language) == _everything_shown(CONFIG, language)

    update_catalogs(config)  # the desk's next update brings the file back to Babel's layout

    header = polib.pofile(str(po)).metadata
    assert header["Last-Translator"] == "Jana Übersetzerin <jana@example.org>"
    assert header["PO-Revision-Date"] == "2031-02-03 14:15+0100"
    restored = re.sub(rb'"(Last-Translator|PO-Revision-Date): [^"]*"\n', b"", po.read_bytes())
    assert restored == re.sub(rb'"(Last-Translator|PO-Revision-Date): [^"]*"\n', b"", original)


def _everything_shown(config: ProjectConfig, language: str) -> list[str]:
    """What a build shows for every msgid of the repository's catalog, through the build's own loader."""
    translations = load_translations(config, language)
    shown = []
    with catalog_path(CONFIG, language).open("rb") as stream:
        for message in read_po(stream):
            if isinstance(message.id, str) and message.id:
                shown.append(translations.pgettext(message.context, message.id) if message.context
                             else translations.gettext(message.id))
            elif message.id:
                shown += [translations.npgettext(message.context, *message.id[:2], n) if message.context
                          else translations.ngettext(*message.id[:2], n) for n in (1, 2, 5)]
    return shown


@pytest.mark.parametrize("path", CATALOGS, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_a_babel_save_changes_no_byte(path: Path) -> None:
    """Reading and writing with Babel, as `pybabel update` and our commands do, gives the file back as it is."""
    with path.open("rb") as stream:
        catalog: Catalog = read_po(stream)
    assert _po_bytes(catalog) == path.read_bytes()
