"""Localized output as a whole: typed values identical everywhere, a third language by configuration,
and missing or stale translations refused by a strict build and marked by a draft build."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator.errors import ContentError
from generator.i18n.status import confirm
from generator.outputs.briefing import briefing_markdown, briefing_page
from generator.project import Project, load_project

from ..conftest import paris_project

ROOT = paris_project()
"""The Paris story, frozen (tests/fixtures/paris-story): what these tests check exactly."""
BRIEFING = "paris-summit-2026-01-06"


@pytest.fixture(scope="module")
def project() -> Project:
    return load_project(ROOT)


NOW = dt.datetime(2026, 2, 1, tzinfo=dt.UTC)
"""A moment after everything in the frozen Paris story was published."""


def test_templates_format_nothing_by_hand() -> None:
    """No strftime, format strings or digits-with-units in templates: filters and views do that."""
    for template in (ROOT / "templates").rglob("*.j2"):
        text = template.read_text(encoding="utf-8")
        assert "strftime" not in text and "|format" not in text.replace(" ", ""), template


def test_translated_quotes_are_marked_on_the_other_language_page(project: Project) -> None:
    english = project.briefing(BRIEFING, "en")
    quotes = next(s for s in english.sections if s.role == "quotes")
    marks = {item.id: item.translated_from for item in quotes.items}
    # The report gives his words in German; what he spoke is not recorded: translated, not "from German".
    assert marks["macron-thousands-of-soldiers"] == ""
    assert marks["macron-army-regeneration"] is None  # reported speech is our own wording
    german = project.briefing(BRIEFING, "de")
    assert all(item.translated_from is None for s in german.sections for item in s.items)
    assert "„substanzielle Dokumente“" in briefing_markdown(project, german)
    assert "“substantial documents”" in briefing_markdown(project, english)


@pytest.mark.parametrize(("origin", "german", "english"), [
    ({"language": "de", "spoken_language": "fr"}, "Französisch", "French"),
    ({"language": "de", "spoken_language": "de"}, None, "German"),
    ({"language": "de", "translation": False}, None, "German"),
    ({"language": "de", "translation": True}, "", ""),
])
def test_translated_from_names_only_the_language_spoken(project: Project, origin: dict, german: str | None,
                                                         english: str | None) -> None:
    from generator.records.statement import QuoteOrigin
    from generator.views import Inline

    statement = SimpleNamespace(quote=QuoteOrigin(**origin))
    for language, expected in (("de", german), ("en", english)):
        texts = project.localizer(language)
        assert texts.translated_from(statement, Inline((), language)) == expected, (origin, language)


def _copy_project(tmp_path: Path) -> Path:
    for name in ("content", "templates", "locales", "docs"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def test_stale_translation_is_refused_strict_and_marked_in_draft(tmp_path: Path) -> None:
    root = _copy_project(tmp_path)
    fact = root / "content/facts/eu-aid.yaml"
    fact.write_text(fact.read_text(encoding="utf-8").replace("hat kürzlich", "hat vor Kurzem"), encoding="utf-8")
    with pytest.raises(ContentError) as refused:
        load_project(root)
    assert "text.en: en translation is older than the de text" in str(refused.value)
    draft = load_project(root, draft=True)
    markdown = briefing_markdown(draft, draft.briefing(BRIEFING, "en"))
    assert "**[translation out of date]** The EU recently approved" in markdown.replace("[EU]", "EU")
    page = str(briefing_page(draft, draft.briefing(BRIEFING, "en")))
    assert '<mark class="translation-flag" data-flag="stale">[translation out of date]</mark>' in page


def test_missing_translation_is_refused_strict_and_shown_in_source_language_in_draft(tmp_path: Path) -> None:
    root = _copy_project(tmp_path)
    fact = root / "content/facts/french-soldiers.yaml"
    text = fact.read_text(encoding="utf-8")
    fact.write_text(re.sub(r"\n  en: .*", "", text), encoding="utf-8")
    with pytest.raises(ContentError) as refused:
        load_project(root)
    assert "french-soldiers.yaml" in str(refused.value) and "missing translation: en" in str(refused.value)
    draft = load_project(root, draft=True)
    page = str(briefing_page(draft, draft.briefing(BRIEFING, "en")))
    assert ('<mark class="translation-flag" data-flag="missing">[translation missing]</mark> <span lang="de">'
            "Tausende französische Soldaten") in page


UKRAINIAN = """
        uk:
          locale: uk_UA
          quotes: ["«", "»", "„", "“"]
"""


def _write(root: Path, path: str, text: str) -> None:
    (root / path).parent.mkdir(parents=True, exist_ok=True)
    (root / path).write_text(text, encoding="utf-8")


def _third_language_project(root: Path) -> Path:
    mkdocs = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    _write(root, "mkdocs.yml", mkdocs.replace('          quotes: ["“", "”", "‘", "’"]\n',
                                              '          quotes: ["“", "”", "‘", "’"]\n' + UKRAINIAN.lstrip("\n")))
    shutil.copytree(ROOT / "templates", root / "templates")
    (root / "docs").mkdir()
    _write(root, "locales/uk/LC_MESSAGES/messages.po",
           (Path(__file__).parents[1] / "fixtures/third-language/messages.po").read_text(encoding="utf-8"))
    shutil.copytree(ROOT / "locales/de", root / "locales/de")
    _write(root, "content/organisations/ukraine.yaml",
           "kind: state\nname:\n  de: {full: Ukraine}\n  en: {full: Ukraine}\n  uk: {full: Україна}\n")
    for number in range(1, 6):
        _write(root, f"content/sources/report-{number}.yaml",
               "title:\n  de: Bericht\n  en: Report\n  uk: Звіт\nlanguage: de\n")
    for count in (1, 2, 5):
        sources = ", ".join(f"report-{n}" for n in range(1, count + 1))
        _write(root, f"content/facts/aid-{count}.yaml", f"""kind: decision
actors: [ukraine]
text:
  de: "{{@ukraine}} erhält {{amount}} über {{period}} von {{countries}} Ländern."
  en: "{{@ukraine}} receives {{amount}} over {{period}} from {{countries}} countries."
  uk: "{{@ukraine}} отримує {{amount}} протягом {{period}} від {{countries}} країн."
values:
  amount: {{money: 90000000000, currency: EUR}}
  period: {{duration: P2Y}}
  countries: {{count: 11}}
sources: [{sources}]
""")
        _write(root, f"content/briefings/brief-{count}.yaml", f"""title: {{de: Hilfe, en: Aid, uk: Допомога}}
standfirst: {{de: "Hilfe für die {{@ukraine}}.", en: "Aid for {{@ukraine}}.", uk: "Допомога {{@ukraine}}."}}
published: {{datetime: "2026-01-07T09:00:00+02:00", zone: Europe/Kyiv}}
status: published
summary: [aid-{count}]
sections:
  - role: key-points
    items: [aid-{count}]
""")
    return root


def test_third_language_by_configuration_and_catalog_alone(tmp_path: Path) -> None:
    root = _third_language_project(tmp_path)
    project = load_project(root, draft=True)
    records = project.graph.records
    assert confirm(records, project.config).confirmed > 0
    project = load_project(root, draft=True)
    pages = {count: briefing_markdown(project, project.briefing(f"brief-{count}", "uk")) for count in (1, 2, 5)}
    assert "Україна отримує 90 мільярдів євро протягом два роки від одинадцять країн." in pages[1]
    assert "Опубліковано: 7 січня 2026\u202fр., 09:00 +0200" in pages[1]
    assert "## Головне" in pages[1]
    assert "Цей брифінг посилається на 1 джерело." in pages[1]  # CLDR one
    assert "Цей брифінг посилається на 2 джерела." in pages[2]  # CLDR few
    assert "Цей брифінг посилається на 5 джерел." in pages[5]  # CLDR many
    assert "translation" not in pages[1] and "переклад" not in pages[1]
    assert "Dieses Briefing stützt sich auf 2 Quellen." in briefing_markdown(
        project, project.briefing("brief-2", "de"))
