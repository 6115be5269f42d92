"""`briefing export` as a user runs it: files under site/exports only, byte-identical, no traceback."""

from __future__ import annotations

import datetime as dt
import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import build_family
from generator.outputs.exports.files import export_files
from generator.outputs.families import FAMILIES
from generator.project import Project
from generator.publish import MARKER, MARKER_TEXT
from generator.urls import EXPORT_FOLDER

from .conftest import BRIEFING, NOW, copy_project, edit_record, moment

BRIEFING_COMMAND = Path(sys.executable).with_name("briefing")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run([str(BRIEFING_COMMAND), *args], cwd=cwd, capture_output=True, text=True, timeout=300,
                          check=False, env=env)


def test_every_file_is_under_exports(project: Project, exports: dict[str, str | bytes]) -> None:
    assert all(path.startswith(f"{EXPORT_FOLDER}/") for path in exports)
    expected = {f"exports/{code}/{name}" for code in ("de", "en")
                for name in ("feed.atom", "index.json", "index.html")}
    expected |= {f"exports/{code}/{BRIEFING}.{suffix}" for code in ("de", "en")
                 for suffix in ("ninjs.json", "fragment.html", "md", "txt", "html", "short.md")}
    expected |= {f"exports/{code}/topics/{topic.id}.atom" for code in ("de", "en")
                 for topic in project.graph.of_kind("topics")}
    expected |= {"exports/facts.jsonl", "exports/facts.sqlite", "exports/facts.metadata.json"}
    assert set(exports) == expected


@pytest.mark.parametrize("suffix", ["fragment.html", "md", "txt", "short.md"])
def test_every_rendition_carries_credit_licence_and_canonical_link(exports: dict[str, str | bytes],
                                                                   project: Project, suffix: str) -> None:
    rights = project.config.rights
    for code in ("de", "en"):
        document = exports[f"exports/{code}/{BRIEFING}.{suffix}"]
        assert isinstance(document, str)
        assert rights.credit[code] in document
        assert rights.licence_url in document
        assert f"https://briefing.example.org/{code}/briefings/{BRIEFING}/" in document


def test_same_content_same_bytes(project: Project, exports: dict[str, str | bytes]) -> None:
    assert export_files(project, NOW) == exports
    later = export_files(project, NOW + dt.timedelta(days=365))
    assert later == exports  # the clock only decides what is released, never what a file says


def test_the_build_knows_the_export_family() -> None:
    family = FAMILIES["export"]
    assert family.folder == EXPORT_FOLDER and not family.parallel
    assert getattr(importlib.import_module(family.module), family.maker) is export_files


def test_build_family_replaces_only_the_export_folder(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    site = root / "site"
    (site / "exports").mkdir(parents=True)
    (site / "exports" / "stale.txt").write_text("from an earlier build", encoding="utf-8")
    (site / "index.html").write_text("the site", encoding="utf-8")
    (site / MARKER).write_text(MARKER_TEXT, encoding="utf-8")  # as an earlier build left it
    report = build_family(root, "export", now=NOW)
    assert report.target == (site / "exports").resolve()
    assert (site / "index.html").read_text(encoding="utf-8") == "the site"
    assert not (site / "exports" / "stale.txt").exists()
    assert (site / "exports" / "en" / f"{BRIEFING}.ninjs.json").is_file()
    sources = ("content", "templates", "locales", "assets", "docs")
    before = {p for folder in sources for p in (root / folder).rglob("*")}
    outside = {p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file()} - {
        p.relative_to(tmp_path) for p in before} - {
        p.relative_to(tmp_path) for p in (site / "exports").rglob("*")}
    assert {str(p) for p in outside} == {"project/mkdocs.yml", "project/site/index.html",
                                         f"project/site/{MARKER}", "project/.site.lock"}


@pytest.fixture(scope="module")
def cli_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project whose briefing is under embargo until its publication, 7 January 2026, 09:00 CET."""
    root = copy_project(tmp_path_factory.mktemp("cli") / "project")
    edit_record(root, f"briefings/{BRIEFING}.yaml", lambda data: data.update(
        embargo=moment("2026-01-07T09:00:00+01:00")))
    return root


def test_cli_exports_at_the_given_time(cli_project: Path) -> None:
    result = run("export", "--now", "2026-01-07T09:00:00+01:00", cwd=cli_project)
    assert result.returncode == 0, result.stderr
    assert "wrote" in result.stdout
    assert (cli_project / "site" / "exports" / "de" / f"{BRIEFING}.fragment.html").is_file()
    before = run("export", "--now", "2026-01-07T08:59:59+01:00", cwd=cli_project)
    assert before.returncode == 0, before.stderr
    assert not (cli_project / "site" / "exports" / "de" / f"{BRIEFING}.fragment.html").exists()


def test_cli_refuses_a_time_without_offset(cli_project: Path) -> None:
    result = run("export", "--now", "2026-01-07T09:00:00", cwd=cli_project)
    assert result.returncode == 2
    assert "UTC offset" in result.stderr and "Traceback" not in result.stdout + result.stderr


def test_cli_bad_content_changes_nothing(cli_project: Path) -> None:
    assert run("export", "--now", "2026-02-01T00:00:00+00:00", cwd=cli_project).returncode == 0
    exports = cli_project / "site" / "exports"
    before = {p: p.read_bytes() for p in exports.rglob("*") if p.is_file()}
    briefing = cli_project / "content" / "briefings" / f"{BRIEFING}.yaml"
    original = briefing.read_text(encoding="utf-8")
    assert "status: published" in original
    briefing.write_text(original.replace("status: published", "status: withdrawn"), encoding="utf-8")
    try:
        result = run("export", "--now", "2026-02-01T00:00:00+00:00", cwd=cli_project)
    finally:
        briefing.write_text(original, encoding="utf-8")
    assert result.returncode == 1
    assert "a withdrawn briefing needs `withdrawal:`" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert {p: p.read_bytes() for p in exports.rglob("*") if p.is_file()} == before
