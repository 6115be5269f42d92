"""Golden files for the Paris briefing in both languages, long and short.

Run with UPDATE_GOLDEN=1 to rewrite them, then read the diff as a reader would.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.outputs.briefing import briefing_markdown, briefing_page, briefing_short
from generator.project import Project, load_project
from generator.urls import page_url, relative

from ..conftest import paris_project

ROOT = paris_project()
"""The Paris story, frozen (tests/fixtures/paris-story): what these tests check exactly."""
GOLDEN = Path(__file__).parent / "golden"
BRIEFING = "paris-summit-2026-01-06"
CheckGolden = Callable[[Path, str], None]


@pytest.fixture(scope="module")
def project() -> Project:
    return load_project(ROOT)


@pytest.mark.parametrize("language", ["de", "en"])
def test_markdown(project: Project, language: str, check_golden: CheckGolden) -> None:
    here = page_url(language, "briefings", BRIEFING)
    view = project.briefing(BRIEFING, language)
    check_golden(GOLDEN / f"{BRIEFING}.{language}.md", briefing_markdown(
        project, view, lambda name: relative(here, page_url(language, name.kind, name.record_id))))


@pytest.mark.parametrize("language", ["de", "en"])
def test_standalone_page(project: Project, language: str, check_golden: CheckGolden) -> None:
    check_golden(GOLDEN / f"{BRIEFING}.{language}.html", briefing_page(project, project.briefing(BRIEFING, language)))


@pytest.mark.parametrize("language", ["de", "en"])
def test_short(project: Project, language: str, check_golden: CheckGolden) -> None:
    url = f"https://briefing.example.org/{page_url(language, 'briefings', BRIEFING)}"
    short = briefing_short(project, project.briefing(BRIEFING, language), url)
    check_golden(GOLDEN / f"{BRIEFING}.{language}.short.md", short)
