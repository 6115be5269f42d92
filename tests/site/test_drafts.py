"""Drafts never reach public outputs: a build that lets stale translations through writes the draft folder only.

A copy of the Paris project is built strictly (what is published), then
one German text is changed so its English is out of date: the strict
build refuses, the build with `--allow-stale-translations` writes its
marked pages, PDFs and exports into `site-draft/` and leaves `site/`
byte for byte as it was. The marks are looked for in both folders, so the
check of the published one can fail.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from generator.build import BuildReport, build_site
from generator.cli import app
from generator.config import load_config
from generator.errors import ConfigError, ContentError
from generator.project import load_project

from ..language_purity import pdf_text
from .conftest import NOW, copy_project

MARKS = ("translation out of date", "translation missing")
"""The catalog strings of the draft marks (`generator.render`); each language writes its own."""


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file()}


def marked(folder: Path, labels: set[str]) -> set[str]:
    """The files of `folder` whose words carry a draft mark (PDFs read through their text layer)."""
    found = set()
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.suffix not in (".html", ".md", ".txt", ".json", ".atom", ".pdf", ".jsonl"):
            continue
        text = pdf_text(path) if path.suffix == ".pdf" else path.read_text(encoding="utf-8")
        if 'class="translation-flag"' in text or any(label in " ".join(text.split()) for label in labels):
            found.add(path.relative_to(folder).as_posix())
    return found


def make_stale(root: Path) -> None:
    """Change the German of the first key point of the first briefing, leaving its translations as they were."""
    briefing = yaml.safe_load(sorted((root / "content" / "briefings").glob("*.yaml"))[0].read_text(encoding="utf-8"))
    item = briefing["sections"][0]["items"][0]
    path = next((root / "content").glob(f"*/{item}.yaml"))
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record["text"]["de"] += " Geändert."
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes], BuildReport]:
    """The project after a strict build, an edit that makes a translation stale, and a draft build."""
    root = copy_project(tmp_path_factory.mktemp("drafts") / "project")
    build_site(root, now=NOW)
    published = snapshot(root / "site")
    make_stale(root)
    with pytest.raises(ContentError, match="translation is older than the de text"):
        build_site(root, now=NOW)
    return root, published, build_site(root, draft=True, now=NOW)


@pytest.fixture(scope="module")
def labels(built: tuple[Path, dict[str, bytes], BuildReport]) -> set[str]:
    project = load_project(built[0], draft=True)
    return {project.translations(code).gettext(mark) for code in project.config.codes for mark in MARKS}


def test_a_build_with_stale_translations_goes_to_the_draft_folder(
        built: tuple[Path, dict[str, bytes], BuildReport]) -> None:
    root, published, report = built
    assert report.target == (root / "site-draft").resolve()
    assert snapshot(root / "site") == published, "a draft build changed the published site"


def test_published_and_partner_outputs_never_carry_draft_marks(
        built: tuple[Path, dict[str, bytes], BuildReport], labels: set[str]) -> None:
    root, _, _ = built
    draft = marked(root / "site-draft", labels)
    assert {path.split("/")[0] for path in draft} >= {"en", "exports", "pdf"}, draft
    assert any(path.endswith(".ninjs.json") for path in draft), draft
    assert not marked(root / "site", labels)


@pytest.mark.parametrize(("switch", "refusal"), [
    ("BRIEFING_ALLOW_STALE_TRANSLATIONS", "would write translation marks into the published"),
    ("BRIEFING_SHOW_UNRELEASED", "never writes drafts or embargoed briefings"),
])
def test_mkdocs_build_refuses_a_preview_switch_into_the_published_site(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, switch: str,
        refusal: str) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config as mkdocs_config
    from mkdocs.exceptions import Abort

    root = copy_project(tmp_path / "project")
    monkeypatch.setenv(switch, "true")
    with pytest.raises(Abort):
        build(mkdocs_config(config_file=str(root / "mkdocs.yml")))
    assert refusal in caplog.text
    assert not (root / "site").exists()


@pytest.mark.parametrize("setting", ["site", "site/drafts", "."])
def test_the_draft_folder_is_never_the_published_one(tmp_path: Path, setting: str) -> None:
    root = copy_project(tmp_path / "project")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - briefing:\n", f"  - briefing:\n      draft_dir: {setting}\n", 1), encoding="utf-8")
    with pytest.raises(ConfigError, match="draft_dir"):
        load_config(root)


def test_the_draft_folder_defaults_to_one_beside_the_site(tmp_path: Path) -> None:
    config = load_config(copy_project(tmp_path / "project"))
    assert config.draft_dir == config.site_dir.with_name("site-draft")


@pytest.mark.parametrize(("command", "spelling", "replacement"), [
    ("build", "--draft", "--allow-stale-translations"),
    ("export", "--draft", "--allow-stale-translations"),
    ("serve", "--drafts", "--show-unreleased"),
    ("serve", "--preview", "--show-unreleased"),
])
def test_the_old_spellings_say_what_replaced_them(command: str, spelling: str, replacement: str) -> None:
    result = CliRunner().invoke(app, [command, spelling], env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert result.exit_code == 2
    assert replacement in result.output
