"""Golden files for the Paris briefing in both languages, long and short.

Run with UPDATE_GOLDEN=1 to rewrite them, then read the diff as a reader would.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.outputs.briefing import briefing_markdown, briefing_page, briefing_short
from generator.project import Project, load_project
from generator.urls import page_url, relative

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden"
BRIEFING = "paris-summit-2026-01-06"


@pytest.fixture(scope="module")
def project() -> Project:
    return load_project(ROOT)


def _check(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs; rerun with UPDATE_GOLDEN=1 and review"


@pytest.mark.parametrize("language", ["de", "en"])
def test_markdown(project: Project, language: str) -> None:
    here = page_url(language, "briefings", BRIEFING)
    view = project.briefing(BRIEFING, language)
    _check(f"{BRIEFING}.{language}.md", briefing_markdown(
        project, view, lambda name: relative(here, page_url(language, name.kind, name.record_id))))


@pytest.mark.parametrize("language", ["de", "en"])
def test_standalone_page(project: Project, language: str) -> None:
    _check(f"{BRIEFING}.{language}.html", briefing_page(project, project.briefing(BRIEFING, language)))


@pytest.mark.parametrize("language", ["de", "en"])
def test_short(project: Project, language: str) -> None:
    url = f"https://briefing.example.org/{page_url(language, 'briefings', BRIEFING)}"
    _check(f"{BRIEFING}.{language}.short.md", briefing_short(project, project.briefing(BRIEFING, language), url))
