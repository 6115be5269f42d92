"""A shared record changed for a new story never alters a published briefing or dossier silently."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cached_property
from pathlib import Path

import pytest

from generator.errors import VersionsError
from generator.graph import FactGraph
from generator.outputs.exports.files import briefing_files
from generator.outputs.pdf.jobs import briefing_html, dossier_html
from generator.project import Project, load_project
from generator.versions import VERSIONS_FILE, changes, confirm

from ..conftest import ROOT as REPOSITORY
from .conftest import BRIEFING, NOW, confirm_all, copy_project, edit_record, moment

LATER = dt.datetime(2100, 1, 1, tzinfo=dt.UTC)
"""When everything in content/ is published."""

DOSSIER = "paris-summit-2026-dossier"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """The Paris project with what it published confirmed in published.yaml."""
    root = copy_project(tmp_path / "project")
    confirm(load_project(root), NOW)
    return root


def _changes(root: Path) -> dict[str, tuple[str, ...]]:
    return {change.record_id: change.changed for change in changes(load_project(root), NOW)}


def test_nothing_is_reported_while_nothing_changed(root: Path) -> None:
    assert (root / VERSIONS_FILE).is_file()
    assert _changes(root) == {}


def test_a_shared_record_edited_for_another_story_is_reported_for_every_output_it_alters(root: Path) -> None:
    edit_record(root, "people/friedrich-merz.yaml", lambda data: data["roles"][0].update(since={"date": "2025-05"}))
    found = changes(load_project(root), NOW)
    assert {c.record_id: c.changed for c in found} == {BRIEFING: ("friedrich-merz",), DOSSIER: ("friedrich-merz",)}
    message = str(next(c for c in found if c.record_id == BRIEFING))
    assert "version 1" in message and "add a correction" in message
    assert f"briefing versions confirm {BRIEFING}" in message


def test_a_record_a_published_output_does_not_read_is_not_reported(root: Path) -> None:
    (root / "content" / "places" / "lyon.yaml").write_text(
        "kind: city\nname: {de: {full: Lyon, article: false, full_cases: {gen: Lyons}}, "
        "en: {full: Lyon, article: false}}\ncountry: france\n", encoding="utf-8")
    confirm_all(root)
    assert _changes(root) == {}


def test_a_source_behind_a_profiled_office_belongs_to_the_dossier_only(root: Path) -> None:
    edit_record(root, "sources/bundeskanzler-friedrich-merz.yaml",
                lambda data: data.update(publisher="Bundesregierung"))
    assert _changes(root) == {DOSSIER: ("bundeskanzler-friedrich-merz",)}


def test_formatting_and_comments_are_no_change(root: Path) -> None:
    path = root / "content" / "people" / "friedrich-merz.yaml"
    path.write_text("# reformatted by a contributor\n" + path.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    assert _changes(root) == {}


def test_a_correction_raises_the_version_and_confirming_settles_the_rest(root: Path) -> None:
    edit_record(root, "people/friedrich-merz.yaml", lambda data: data["roles"][0].update(since={"date": "2025-05"}))
    edit_record(root, f"briefings/{BRIEFING}.yaml", lambda data: data.update(corrections=[{
        "date": moment("2026-01-08T10:00:00+01:00"),
        "text": {"de": "Das Amtsdatum wurde berichtigt.", "en": "The date of office was corrected."}}]))
    confirm_all(root)
    assert set(_changes(root)) == {DOSSIER}  # the briefing is at version 2 now; the dossier has no versions
    confirm(load_project(root), NOW, [DOSSIER])
    assert _changes(root) == {}


def test_a_broken_versions_file_and_an_unpublished_id_are_refused_with_what_to_do(root: Path) -> None:
    with pytest.raises(VersionsError, match="not published"):
        confirm(load_project(root), NOW, ["no-such-briefing"])
    (root / VERSIONS_FILE).write_text(f"{BRIEFING}: 3\n", encoding="utf-8")
    with pytest.raises(VersionsError, match="briefing versions confirm"):
        _changes(root)


def _documents(project: Project) -> list[tuple[str, str, Callable[[Project], object]]]:
    """(record id, what, how to render it) for every published briefing's PDF and exports and every dossier."""
    public = project.public(LATER)
    found: list[tuple[str, str, Callable[[Project], object]]] = []
    for language in project.config.codes:
        for b in sorted(public.released):
            found.append((b, f"{language} PDF", lambda p, b=b, language=language: briefing_html(p, b, language)))
            found.append((b, f"{language} exports",
                          lambda p, b=b, language=language: briefing_files(p, b, language, [])))
        for d, included in public.dossiers.items():
            found.append((d, f"{language} PDF",
                          lambda p, d=d, language=language, included=list(included): dossier_html(p, d, language,
                                                                                                    included)))
    return found


def test_the_records_an_output_reads_are_all_fingerprinted(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every record a PDF or an export asks the graph for is one `reads` names: else an edit of it would go
    unreported. All of content/, every story; each document is rendered with views of its own, and the graph's
    indexes (built over every record, then narrowed) are built beforehand."""
    project = load_project(REPOSITORY)
    for name, attribute in vars(FactGraph).items():
        if isinstance(attribute, cached_property):
            getattr(project.graph, name)
    asked: set[str] = set()
    get = FactGraph.get
    monkeypatch.setattr(FactGraph, "get", lambda graph, record_id: (asked.add(record_id), get(graph, record_id))[1])
    documents = _documents(project)
    assert any(" PDF" in what for _id, what, _render in documents)
    for record_id, what, render in documents:
        asked.clear()
        render(Project(project.config, project.graph, project.status, project.draft))
        unread = asked - set(project.graph.reads(record_id))
        assert not unread, f"{record_id} ({what}) shows {sorted(unread)}, which reads() leaves out"
