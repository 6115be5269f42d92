"""A PDF none of whose records changed comes from the cache without its HTML being rendered again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cache import RenderCache
from generator.outputs.pdf import jobs
from generator.outputs.pdf.jobs import pdf_files
from generator.project import load_project
from generator.urls import pdf_url

from ..conftest import copy_project
from .conftest import BRIEFING, DOSSIER, LANGUAGES, NOW, ROOT


def rendered_while(monkeypatch: pytest.MonkeyPatch,
                   build: Callable[[], dict[str, bytes]]) -> tuple[dict[str, bytes], set[str]]:
    """The PDFs `build` makes, and the documents whose HTML it rendered on the way."""
    rendered: set[str] = set()
    for name in ("briefing_job", "dossier_job"):
        original = getattr(jobs, name)
        monkeypatch.setattr(jobs, name, lambda project, record_id, *rest, original=original:
                            (rendered.add(record_id), original(project, record_id, *rest))[1])
    return build(), rendered


def test_an_edit_renders_again_only_the_pdfs_that_read_the_record(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The source of a profiled office is read by the dossier alone: the briefing's PDFs are not made again."""
    root = copy_project(ROOT, tmp_path / "project")
    cache = RenderCache(tmp_path / "cache")
    first, rendered = rendered_while(monkeypatch, lambda: pdf_files(load_project(root), NOW, cache=cache))
    assert rendered == {BRIEFING, DOSSIER}

    source = root / "content/sources/bundeskanzler-friedrich-merz.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("publisher: Presse- und Informationsamt der Bundesregierung",
                                   "publisher: Bundesregierung"), encoding="utf-8")
    edited, rendered = rendered_while(monkeypatch, lambda: pdf_files(load_project(root), NOW, cache=cache))
    assert rendered == {DOSSIER}
    assert edited == pdf_files(load_project(root), NOW), "the cached and the made PDFs differ from a clean run"
    for language in LANGUAGES:
        assert edited[pdf_url(language, BRIEFING)] == first[pdf_url(language, BRIEFING)]
        assert edited[pdf_url(language, DOSSIER)] != first[pdf_url(language, DOSSIER)]

    again, rendered = rendered_while(monkeypatch, lambda: pdf_files(load_project(root), NOW, cache=cache))
    assert (again, rendered) == (edited, set())
