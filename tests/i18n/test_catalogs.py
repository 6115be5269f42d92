"""Template catalogs: extraction, update, compile, loading, gaps, and reproducible files."""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from generator.config import ProjectConfig, load_config
from generator.errors import ContentError
from generator.i18n.catalogs import (
    JINJA_OPTIONS,
    CatalogError,
    catalog_languages,
    catalog_path,
    compile_catalogs,
    extract_catalog,
    extract_messages,
    load_translations,
    template_gaps,
    template_path,
    update_catalogs,
)

ROOT = Path(__file__).resolve().parents[2]
MSGFMT = shutil.which("msgfmt")

PAGE = """\
<h2>{{ _("Key points") }}</h2>
{# TRANSLATORS: heading over the quotes #}
<h2>{{ _("Quotes") }}</h2>
<p>{% trans count=sources|length %}{{ count }} source{% pluralize %}{{ count }} sources{% endtrans %}</p>
<p>{% trans %}Published by the desk{% endtrans %}</p>
<p>{{ ngettext("%(num)d country", "%(num)d countries", n) }}</p>
<p>{{ pgettext("month", "May") }}</p>
"""

UK_LANGUAGE = "  uk:\n    locale: uk_UA\n    quotes: [«, », „, “]\n"


def _project(tmp_path: Path, templates: dict[str, str], extra_languages: str = "") -> ProjectConfig:
    """A project with the repository's mkdocs.yml (plus `extra_languages`) and the given templates."""
    mkdocs = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if extra_languages:
        marker = "      languages:\n"
        mkdocs = mkdocs.replace(marker, marker + textwrap.indent(extra_languages, "      "), 1)
    (tmp_path / "mkdocs.yml").write_text(mkdocs, encoding="utf-8")
    for folder in ("content", "templates", "locales", "docs"):  # the source folders mkdocs.yml names must exist
        (tmp_path / folder).mkdir(exist_ok=True)
    for name, body in templates.items():
        path = tmp_path / "templates" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    return load_config(tmp_path)


def _translate(path: Path, strings: dict[str, str | tuple[str, ...]], fuzzy: tuple[str, ...] = ()) -> None:
    """Fill msgstrs the way a translator would, keeping the file's layout."""
    from generator.i18n.catalogs import _po_bytes

    with path.open("rb") as stream:
        catalog = read_po(stream)
    for message in catalog:
        key = message.id if isinstance(message.id, str) else message.id[0]
        if key in strings:
            message.string = strings[key]
        if key in fuzzy:
            message.flags.add("fuzzy")
    path.write_bytes(_po_bytes(catalog))


@pytest.fixture
def project(tmp_path: Path) -> ProjectConfig:
    return _project(tmp_path, {"site/page.html.j2": PAGE, "site/logo.css": "a{color:red}"})


def test_extract_finds_gettext_calls_trans_blocks_plurals_and_comments(project: ProjectConfig) -> None:
    catalog = extract_messages(project)
    ids = {message.id for message in catalog if message.id}
    assert ids == {"Key points", "Quotes", ("%(count)s source", "%(count)s sources"), "Published by the desk",
                   ("%(num)d country", "%(num)d countries"), "May"}
    assert catalog.get("May", "month") is not None
    assert catalog.get("Quotes").auto_comments == ["heading over the quotes"]
    assert catalog.get("Key points").locations == [("templates/site/page.html.j2", 1)]


def test_extract_writes_a_reproducible_pot(project: ProjectConfig) -> None:
    first = extract_catalog(project)
    text = template_path(project).read_text(encoding="utf-8")
    assert first.changed and first.messages == 6
    assert "POT-Creation-Date: 2026-01-01 00:00+0000" in text, "no released briefing: the date for none"
    assert "Generated-By" not in text
    assert "#: templates/site/page.html.j2:1\n" in text, "locations carry line numbers"
    assert extract_catalog(project).changed is False


def test_template_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    config = _project(tmp_path, {"broken.html.j2": "<p>\n{% if %}\n"})
    with pytest.raises(CatalogError, match=r"templates/broken.html.j2:2: .*fix the template syntax"):
        extract_messages(config)


def test_update_creates_catalogs_for_every_language_but_en(project: ProjectConfig) -> None:
    extract_catalog(project)
    reports = update_catalogs(project)
    assert catalog_languages(project) == ("de",)
    assert [report.path for report in reports] == [catalog_path(project, "de")]
    assert reports[0].untranslated == 6
    assert not (project.locales_dir / "en").exists()
    assert load_translations(project, "en").gettext("Key points") == "Key points"


def test_update_keeps_translations_and_marks_changed_strings_fuzzy(project: ProjectConfig) -> None:
    extract_catalog(project)
    update_catalogs(project)
    po = catalog_path(project, "de")
    _translate(po, {"Key points": "Das Wichtigste", "Quotes": "Zitate",
                    "%(count)s source": ("%(count)s Quelle", "%(count)s Quellen")})
    page = project.templates_dir / "site" / "page.html.j2"
    page.write_text(PAGE.replace('_("Quotes")', '_("Quotes:")') + '{{ _("New string") }}\n', encoding="utf-8")

    extract_catalog(project)
    update_catalogs(project)

    with po.open("rb") as stream:
        catalog = read_po(stream)
    assert catalog.get("Key points").string == "Das Wichtigste"
    assert catalog.get("Quotes:").fuzzy and catalog.get("Quotes:").string == "Zitate"
    assert catalog.get("New string").string == ""
    translations = load_translations(project, "de")
    assert translations.gettext("Key points") == "Das Wichtigste"
    assert translations.gettext("Quotes:") == "Quotes:", "fuzzy entries are not used"
    assert translations.ngettext("%(count)s source", "%(count)s sources", 3) == "%(count)s Quellen"


def test_update_without_pot_says_what_to_run(project: ProjectConfig) -> None:
    with pytest.raises(CatalogError, match="run `briefing i18n extract` first"):
        update_catalogs(project)


def test_gaps_name_the_reason_and_the_line(project: ProjectConfig) -> None:
    assert {gap.reason for gap in template_gaps(project)} == {"no-catalog"}
    extract_catalog(project)
    update_catalogs(project)
    po = catalog_path(project, "de")
    _translate(po, {"Key points": "Das Wichtigste", "Quotes": "Zitate"}, fuzzy=("Quotes",))
    (project.templates_dir / "site" / "more.html.j2").write_text('{{ _("Not extracted yet") }}\n', encoding="utf-8")

    gaps = {gap.msgid: gap for gap in template_gaps(project)}

    assert "Key points" not in gaps
    assert gaps["Quotes"].reason == "fuzzy"
    assert gaps["May"].reason == "untranslated"
    assert gaps["Not extracted yet"].reason == "not-in-catalog"
    assert gaps["Not extracted yet"].problem.path == project.templates_dir / "site" / "more.html.j2"
    untranslated = gaps["May"].problem
    assert untranslated.path == po and untranslated.field == 'msgctxt "month" msgid "May"'
    assert "write the msgstr" in untranslated.hint
    assert po.read_text(encoding="utf-8").splitlines()[untranslated.line - 1] == 'msgid "May"'


def test_compile_writes_mo_and_refuses_mismatched_placeholders(project: ProjectConfig) -> None:
    extract_catalog(project)
    update_catalogs(project)
    po = catalog_path(project, "de")
    _translate(po, {"Key points": "Das Wichtigste"})
    reports = compile_catalogs(project)
    assert [report.path for report in reports] == [po.with_suffix(".mo")] and po.with_suffix(".mo").is_file()

    _translate(po, {"%(num)d country": ("%(anzahl)d Land", "%(anzahl)d Länder")})
    with pytest.raises(ContentError) as error:
        compile_catalogs(project)
    assert error.value.problems[0].path == po and 'msgid "%(num)d country"' in str(error.value)


def test_broken_po_names_file_and_line(project: ProjectConfig) -> None:
    extract_catalog(project)
    update_catalogs(project)
    po = catalog_path(project, "de")
    po.write_text(po.read_text(encoding="utf-8") + "\nmsgid \"dangling\"\nnonsense\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"messages.po:\d+: .*nonsense"):
        load_translations(project, "de")


def test_load_translations_reads_the_po_without_any_mo(project: ProjectConfig) -> None:
    extract_catalog(project)
    update_catalogs(project)
    _translate(catalog_path(project, "de"), {"May": "Mai"})
    assert not list(project.locales_dir.rglob("*.mo"))
    assert load_translations(project, "de").pgettext("month", "May") == "Mai"


def test_a_third_language_gets_its_plural_forms(tmp_path: Path) -> None:
    config = _project(tmp_path, {"page.html.j2": PAGE}, UK_LANGUAGE)
    extract_catalog(config)
    update_catalogs(config)
    po = catalog_path(config, "uk")
    text = po.read_text(encoding="utf-8")
    with po.open("rb") as stream:
        catalog = read_po(stream)
    assert catalog.plural_forms == get_plural("uk_UA").plural_forms  # CLDR's rule, whatever Babel ships
    assert catalog.num_plurals == 3
    assert "msgstr[2]" in text
    assert MSGFMT, "GNU gettext's msgfmt is missing (see `briefing doctor`)"
    subprocess.run([MSGFMT, "--check", "-o", "/dev/null", str(po)], check=True, capture_output=True)


def test_msgfmt_accepts_every_catalog_of_the_repository() -> None:
    assert MSGFMT, "GNU gettext's msgfmt is missing (`make test` installs gettext as root; see `briefing doctor`)"
    catalogs = sorted((ROOT / "locales").rglob("*.po"))
    assert catalogs, "the repository has no catalogs under locales/"
    for po in catalogs:
        result = subprocess.run([MSGFMT, "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True)
        assert result.returncode == 0, f"{po}: {result.stderr}"


def test_the_repository_catalogs_translate_every_string() -> None:
    gaps = template_gaps(load_config(ROOT))
    assert not gaps, "run `briefing i18n extract` and `briefing i18n update`, then translate:\n" + "\n".join(
        str(gap.problem) for gap in gaps)


def test_extract_update_compile_on_a_copy_of_the_repository_changes_no_file(tmp_path: Path) -> None:
    for name in ("locales", "templates", "generator"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    for folder in ("content", "docs"):  # must exist for mkdocs.yml; nothing in them is read here
        (tmp_path / folder).mkdir()
    before = {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()}
    config = load_config(tmp_path)

    extract_catalog(config)
    update_catalogs(config)
    compile_catalogs(config)

    after = {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file() and path.suffix != ".mo"}
    changed = sorted(str(path.relative_to(tmp_path)) for path in before if after.get(path) != before[path])
    assert not changed, f"not reproducible (or not re-extracted since templates changed): {changed}"
    assert set(after) == set(before)
    assert (tmp_path / "locales" / "de" / "LC_MESSAGES" / "messages.mo").is_file()


def test_templates_are_parsed_like_the_render_environment() -> None:
    from generator.render import make_environment

    env = make_environment(ROOT / "templates")
    assert JINJA_OPTIONS["trim_blocks"] == str(env.trim_blocks).lower()
    assert JINJA_OPTIONS["lstrip_blocks"] == str(env.lstrip_blocks).lower()
    assert JINJA_OPTIONS["keep_trailing_newline"] == str(env.keep_trailing_newline).lower()
    assert JINJA_OPTIONS["trimmed"] == str(bool(env.policies.get("ext.i18n.trimmed"))).lower()
