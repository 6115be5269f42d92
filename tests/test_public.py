"""What is public at a moment, as every output family reads it: here, which dossiers and with which briefings."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from generator.project import load_project

from .conftest import after_everything, paris_project

ROOT = paris_project()


def test_a_dossier_is_public_with_its_released_briefings_only() -> None:
    project = load_project(ROOT)
    dossier = project.graph.of_kind("dossiers")[0]
    preview = project.public(dt.datetime(2000, 1, 1, tzinfo=dt.UTC), preview=True)
    assert preview.dossiers[dossier.id] == tuple(dossier.model.briefings)
    after = project.public(after_everything(ROOT))
    assert after.dossiers[dossier.id] == tuple(dossier.model.briefings)
    assert after.dossier_complete(dossier.id, project.graph)
    assert project.public(after_everything(ROOT)) is after, "one answer per moment"


def test_a_dossier_whose_briefings_are_all_drafts_is_not_public(tmp_path: Path) -> None:
    root = shutil.copytree(ROOT, tmp_path / "project")
    for path in (root / "content" / "briefings").glob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("status: published", "status: draft"),
                        encoding="utf-8")
    project = load_project(root)
    dossier = project.graph.of_kind("dossiers")[0]
    public = project.public(after_everything(root))
    assert public.dossiers == {} and not public.dossier_complete(dossier.id, project.graph)
