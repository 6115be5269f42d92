"""A shared record changed for a new story never alters a published briefing or dossier silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import VersionsError
from generator.project import load_project
from generator.versions import VERSIONS_FILE, changes, confirm

from .conftest import BRIEFING, NOW, confirm_all, copy_project, edit_record, moment

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
