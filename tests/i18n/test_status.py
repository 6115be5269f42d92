"""Translation status of records: missing, stale, confirmed, and the confirmations file."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from generator.config import ProjectConfig, load_config
from generator.errors import BriefingError, ContentError
from generator.i18n.confirmations import Confirmation, write_confirmations
from generator.i18n.status import (
    confirm,
    confirmations_path,
    fingerprint,
    load_confirmations,
    translation_status,
)
from generator.records.load import RecordSet, load_records

from ..conftest import paris_project

ROOT = paris_project()
"""The Paris story, frozen (tests/fixtures/paris-story): what these tests check exactly."""
EU_AID = Path("content/facts/eu-aid.yaml")
FR_LANGUAGE = "  fr:\n    locale: fr_FR\n    quotes: [«, », “, ”]\n"


def _copy_project(tmp_path: Path, extra_languages: str = "") -> ProjectConfig:
    """The repository's mkdocs.yml and content/, with empty templates/, locales/ and docs/ folders."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    for folder in ("templates", "locales", "docs"):
        (tmp_path / folder).mkdir()
    mkdocs = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if extra_languages:
        marker = "      languages:\n"
        mkdocs = mkdocs.replace(marker, marker + textwrap.indent(extra_languages, "      "), 1)
    (tmp_path / "mkdocs.yml").write_text(mkdocs, encoding="utf-8")
    return load_config(tmp_path)


def _records(config: ProjectConfig) -> RecordSet:
    records, problems = load_records(config.content_dir, config.codes)
    assert not [p for p in problems if p.severity == "error"], problems
    return records


def _edit(config: ProjectConfig, relative: Path, old: str, new: str) -> None:
    path = config.root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> ProjectConfig:
    return _copy_project(tmp_path)


def test_never_confirmed_translations_are_stale(project: ProjectConfig) -> None:
    records = _records(project)
    status = translation_status(records, project)
    assert not status.clean and not status.templates
    assert {gap.kind for gap in status.records} == {"stale"}
    assert status.is_stale("eu-aid", ("text",), "en")
    problem = next(g.problem for g in status.records if (g.record_id, g.field) == ("eu-aid", "text"))
    assert problem.path == project.root / EU_AID and problem.field == "text.en"
    assert problem.line == 7 and problem.column == 7
    assert "never confirmed" in problem.message
    assert "run `briefing i18n confirm eu-aid --language en`" in problem.hint


def test_confirmed_content_is_clean(project: ProjectConfig) -> None:
    report = confirm(_records(project), project)
    assert report.changed and report.confirmed > 50
    status = translation_status(_records(project), project)
    assert status.clean, status.problems()
    assert status.flag("eu-aid", "text", "en") is None


def test_changing_the_source_text_makes_the_translation_stale(project: ProjectConfig) -> None:
    confirm(_records(project), project)
    _edit(project, EU_AID, "hat kürzlich", "hat vor Kurzem")

    status = translation_status(_records(project), project)

    assert [(g.record_id, g.field, g.language, g.kind) for g in status.records] == [("eu-aid", "text", "en", "stale")]
    assert status.is_stale("eu-aid", "text", "en") and not status.is_stale("eu-aid", "label", "en")
    assert "older than the de text" in str(status.problems()[0])


def test_rewrapping_the_source_text_is_not_a_change(project: ProjectConfig) -> None:
    confirm(_records(project), project)
    _edit(project, EU_AID, "hat kürzlich", "hat  kürzlich")
    assert translation_status(_records(project), project).clean


def test_a_missing_translation_is_reported_at_its_field(project: ProjectConfig) -> None:
    _edit(project, EU_AID, "  en: EU aid\n", "")
    confirm(_records(project), project)

    status = translation_status(_records(project), project)

    assert status.is_missing("eu-aid", ("label",), "en")
    missing = next(g.problem for g in status.records if g.field == "label")
    assert missing.field == "label" and "add `en:`" in missing.hint
    assert status.languages == ("en",)


def test_a_text_without_its_source_language_is_reported(project: ProjectConfig) -> None:
    _edit(project, EU_AID, "  de: Hilfe der EU\n", "")
    status = translation_status(_records(project), project)
    gap = next(g for g in status.records if (g.record_id, g.field) == ("eu-aid", "label"))
    assert (gap.language, gap.kind) == ("de", "missing")
    assert "source text is missing" in gap.problem.message


def test_confirm_touches_only_the_requested_ids_and_language(tmp_path: Path) -> None:
    config = _copy_project(tmp_path, FR_LANGUAGE)
    _edit(config, EU_AID, "  en: EU aid\n", "  en: EU aid\n  fr: Aide de l'UE\n")
    records = _records(config)

    confirm(records, config, language="fr", ids=["eu-aid"])
    assert load_confirmations(config) == {("eu-aid", "label", "fr"): Confirmation.of("Hilfe der EU")}
    assert load_confirmations(config)[("eu-aid", "label", "fr")].fingerprint == fingerprint("Hilfe der EU")

    confirm(records, config, language="en", ids=["eu-aid"])
    confirmed = load_confirmations(config)
    assert set(confirmed) == {("eu-aid", "label", "fr"), ("eu-aid", "label", "en"), ("eu-aid", "text", "en")}

    before = confirmed
    confirm(records, config, ids=["paris"])
    after = load_confirmations(config)
    assert {key: value for key, value in after.items() if key[0] != "paris"} == before
    assert {key[0] for key in after} == {"eu-aid", "paris"}

    status = translation_status(records, config)
    assert not status.is_stale("eu-aid", "label", "fr") and status.is_missing("eu-aid", "text", "fr")
    assert status.is_stale("nato", "name", "en")


def test_confirming_again_after_a_change_only_updates_that_record(project: ProjectConfig) -> None:
    confirm(_records(project), project)
    _edit(project, EU_AID, "hat kürzlich", "hat vor Kurzem")
    _edit(project, Path("content/places/paris.yaml"), "de: {full: Paris", "de: {full: Paris ")
    before = load_confirmations(project)

    confirm(_records(project), project, ids=["eu-aid"])

    after = load_confirmations(project)
    assert {key for key in after if after[key] != before[key]} == {("eu-aid", "text", "en")}
    assert translation_status(_records(project), project).clean


def test_full_confirm_drops_confirmations_of_removed_records(project: ProjectConfig) -> None:
    confirm(_records(project), project)
    (project.root / "content/places/elysee-palace.yaml").unlink()
    _edit(project, Path("content/events/paris-summit-2026.yaml"), "place: elysee-palace\n", "")
    report = confirm(_records(project), project)
    assert report.removed >= 1
    assert not [key for key in load_confirmations(project) if key[0] == "elysee-palace"]


def test_confirm_refuses_unknown_ids_and_the_source_language(project: ProjectConfig) -> None:
    records = _records(project)
    with pytest.raises(BriefingError, match="did you mean 'eu-aid'"):
        confirm(records, project, ids=["eu-aud"])
    with pytest.raises(BriefingError, match="de is the source language"):
        confirm(records, project, language="de")
    with pytest.raises(BriefingError, match="'xx' is not configured"):
        confirm(records, project, language="xx")
    assert not confirmations_path(project).exists()


def test_the_confirmations_file_is_sorted_and_reproducible(project: ProjectConfig) -> None:
    records = _records(project)
    confirm(records, project)
    first = confirmations_path(project).read_bytes()
    assert confirm(records, project).changed is False
    confirmations_path(project).unlink()
    confirm(records, project, ids=list(reversed(records.ids())))
    assert confirmations_path(project).read_bytes() == first

    text = first.decode("utf-8")
    data = yaml.safe_load(text)
    assert list(data) == sorted(data)
    assert all(list(fields) == sorted(fields) for fields in data.values())
    eu_aid = '"Die {@european-union:short} hat kürzlich {amount} Hilfe über {period} genehmigt."'
    assert f"      source: {eu_aid}\n" in text, "each source text is quoted, on one line"


def test_a_broken_confirmations_file_is_a_clear_error(project: ProjectConfig) -> None:
    path = confirmations_path(project)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('eu-aid:\n  text:\n    en: "0123456789abcdef"\n  text:\n    en: "x"\n', encoding="utf-8")
    with pytest.raises(ContentError, match=r"confirmed.yaml:4:\d+: .*duplicate key"):
        load_confirmations(project)
    path.write_text('eu-aid:\n  text:\n    en: "nothex"\n', encoding="utf-8")
    with pytest.raises(ContentError, match=r"confirmed.yaml:3:\d+: eu-aid.text.en: 'nothex' is neither"):
        load_confirmations(project)


def test_the_repository_content_is_translated_and_confirmed() -> None:
    config = load_config(ROOT)
    status = translation_status(_records(config), config, templates=False)
    assert status.clean, "update the translations, then run `briefing i18n confirm`:\n" + "\n".join(
        str(problem) for problem in status.problems())


def test_cli_status_lists_gaps_and_confirm_clears_them(project: ProjectConfig) -> None:
    from generator.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["i18n", "status", "-p", str(project.root)])
    assert result.exit_code == 1
    assert "facts/eu-aid.yaml:7:7: text.en: en translation was never confirmed" in result.output
    assert "0 missing and" in result.output.splitlines()[-1]

    result = runner.invoke(app, ["i18n", "confirm", "eu-aid", "--language", "en", "-p", str(project.root)])
    assert result.exit_code == 0 and "confirmed 2 translation(s)" in result.output

    runner.invoke(app, ["i18n", "confirm", "-p", str(project.root)])
    result = runner.invoke(app, ["i18n", "status", "-p", str(project.root)])
    assert result.exit_code == 0, result.output
    assert "en: complete" in result.output


def test_cli_reports_user_errors_without_traceback(project: ProjectConfig) -> None:
    from generator.cli import app

    result = CliRunner().invoke(app, ["i18n", "confirm", "eu-aud", "-p", str(project.root)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert "did you mean 'eu-aid'" in result.output


def test_two_languages_confirmed_against_one_name_are_written_out_twice(project: ProjectConfig) -> None:
    """One source value shared by two languages must not become a YAML alias, which the strict reader refuses."""
    source = Confirmation.of({"full": "Ukraine", "short": None})
    write_confirmations(project, {("ukraine", "name", "en"): source, ("ukraine", "name", "uk"): source})
    assert "&" not in confirmations_path(project).read_text(encoding="utf-8")
    assert load_confirmations(project) == {("ukraine", "name", "en"): source, ("ukraine", "name", "uk"): source}
