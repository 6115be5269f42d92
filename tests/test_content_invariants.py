"""What must hold for whatever stories `content/` holds: every record renders in every output.

These tests read the real `content/` and assert invariants only, never an
inventory (counts, titles, ids): the desk adds a story a day, and
`tests/test_second_story.py` runs the whole suite again with a synthetic
story added to prove none of them depends on which stories are there.
Exact expectations of one story belong to its frozen copy under
`tests/fixtures/`.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import build_site
from generator.editorial import released
from generator.project import Project, load_project
from generator.records.text import Literal, Placeholder, parse_text
from generator.records.walk import localized_texts
from generator.urls import export_url, page_source, pdf_url

from .conftest import ROOT, after_everything

NOW = after_everything(ROOT)
EXPORT_FORMATS = ("fragment", "markdown", "text", "page", "ninjs")


@pytest.fixture(scope="module")
def project() -> Project:
    return load_project(ROOT)


@pytest.fixture(scope="module")
def site(project: Project, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content built as `briefing build` builds it: site, PDFs and exports."""
    target = tmp_path_factory.mktemp("real") / "site"
    build_site(ROOT, now=NOW, site_dir=target)
    return target


def briefings() -> list[str]:
    return released(load_project(ROOT), NOW)


def test_there_is_content_to_check(project: Project) -> None:
    assert released(project, NOW), "content/ holds no released briefing"


@pytest.mark.parametrize("briefing_id", briefings())
def test_every_released_briefing_is_in_every_channel(project: Project, site: Path, briefing_id: str) -> None:
    for language in project.config.codes:
        page = site / page_source(language, "briefings", briefing_id).removesuffix(".md") / "index.html"
        assert page.is_file(), page
        assert (site / pdf_url(language, briefing_id)).stat().st_size > 0
        for export_format in EXPORT_FORMATS:
            assert (site / export_url(language, briefing_id, export_format)).stat().st_size > 0


def _rendered(site: Path, language: str, briefing_id: str) -> dict[str, str]:
    """The text of every output of one briefing in one language, entities unescaped."""
    page = site / page_source(language, "briefings", briefing_id).removesuffix(".md") / "index.html"
    outputs = {"site": html.unescape(page.read_text(encoding="utf-8"))}
    for export_format in EXPORT_FORMATS:
        text = (site / export_url(language, briefing_id, export_format)).read_text(encoding="utf-8")
        outputs[export_format] = (json.dumps(json.loads(text), ensure_ascii=False) if export_format == "ninjs"
                                  else html.unescape(text))
    return outputs


@pytest.mark.parametrize("briefing_id", briefings())
def test_every_typed_value_appears_formatted_identically(project: Project, site: Path, briefing_id: str) -> None:
    """Each placeholder's Babel formatting is what every output of each language shows."""
    for language in project.config.codes:
        localizer = project.localizer(language)
        expected = set()
        for record_id in project.graph.briefing_records(briefing_id):
            record = project.graph.get(record_id)
            text = record.model.text if hasattr(record.model, "text") else record.model.summary  # events: summary
            for token in parse_text(text[language]):
                if isinstance(token, Placeholder):
                    expected.add(localizer.value(localizer._placeholder(record, token.name), token.style))
        for name, output in _rendered(site, language, briefing_id).items():
            missing = [text for text in expected if text.replace("\u00a0", " ") not in output.replace("\u00a0", " ")]
            assert not missing, f"{briefing_id} [{language}] {name}: {missing}"


def test_no_hand_typed_numbers_in_content_text(project: Project) -> None:
    """Numbers and dates in reader-visible text come from typed values, never from typed digits."""
    offenders = []
    for record in project.graph.records:
        for path, text in localized_texts(record.fields):
            literal = "".join(t.text for t in parse_text(text) if isinstance(t, Literal))
            if re.search(r"\d", literal):
                offenders.append(f"{record.id} {path}: {literal}")
    assert offenders == []


def test_mkdocs_build_strict_from_the_project_root(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "out")],
                            cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                            check=False)
    assert result.returncode == 0, result.stderr[-3000:]
