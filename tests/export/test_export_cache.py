"""A briefing's export files none of whose records changed come from the cache, not rendered again."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cache import RenderCache
from generator.outputs.exports import files
from generator.outputs.exports.files import export_files
from generator.project import load_project

from .conftest import BRIEFING, NOW, copy_project, edit_record


def made_while(root: Path, cache: RenderCache, monkeypatch: pytest.MonkeyPatch) -> tuple[dict, list[str]]:
    """Every export file with the cache, and the briefings (per language) whose files were rendered for it."""
    rendered: list[str] = []
    original = files.briefing_files
    monkeypatch.setattr(files, "briefing_files", lambda project, briefing_id, *rest:
                        (rendered.append(briefing_id), original(project, briefing_id, *rest))[1])
    return export_files(load_project(root), NOW, cache), rendered


def test_only_an_edit_the_briefing_reads_renders_its_files_again(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_project(tmp_path / "project")
    cache = RenderCache(tmp_path / "cache")
    first, rendered = made_while(root, cache, monkeypatch)
    assert rendered == [BRIEFING, BRIEFING]  # German and English

    # read by the dossier alone: the briefing's files come from the cache, the same bytes as a clean run
    edit_record(root, "sources/bundeskanzler-friedrich-merz.yaml", lambda data: data.update(publisher="Bund"))
    unrelated, rendered = made_while(root, cache, monkeypatch)
    assert (unrelated, rendered) == (first, [])

    edit_record(root, "facts/eu-aid.yaml", lambda data: data["values"]["amount"].update(money=91000000000))
    edited, rendered = made_while(root, cache, monkeypatch)
    assert rendered == [BRIEFING, BRIEFING]
    assert edited != first
    assert edited == export_files(load_project(root), NOW), "the cached files differ from a clean run"
