"""The whole build on one page: load → validate → resolve → localize → render → write.

`load_project` does everything up to resolve and refuses bad content before
a byte is written. MkDocs, with our plugin, renders the site's pages; the
PDF and export families are rendered beside it, here. Everything lands in a
staging folder that replaces the published one only when all of it
succeeded. Each stage reports to a `StageLog`, warnings go to the `briefing`
logger.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.project import Project, load_project
from generator.publish import staged
from generator.reporting import LOGGER_NAME, QUIET, StageLog
from generator.urls import EXPORT_FOLDER, PDF_FOLDER
from generator.write import OutputTree

FileMaker = Callable[[Project, dt.datetime], dict[str, str | bytes]]

log = logging.getLogger(LOGGER_NAME)


def pdf_family() -> FileMaker:
    from generator.outputs.pdf import pdf_files

    return pdf_files


def export_family() -> FileMaker:
    from generator.outputs.export import export_files

    return export_files


FAMILIES: dict[str, tuple[str, Callable[[], FileMaker]]] = {
    "pdf": (PDF_FOLDER, pdf_family),
    "export": (EXPORT_FOLDER, export_family),
}
"""Output family → (the top folder it owns, how to get its file maker)."""


@dataclass(frozen=True)
class BuildReport:
    target: Path
    files: int


def family_files(project: Project, families: tuple[str, ...], now: dt.datetime) -> OutputTree:
    """Render the given families into one tree (nothing written yet)."""
    tree = OutputTree()
    for family in families:
        tree.update(FAMILIES[family][1]()(project, now))
    return tree


def build_site(root: Path, *, draft: bool = False, now: dt.datetime | None = None,
               site_dir: Path | None = None, stages: StageLog = QUIET) -> BuildReport:
    """Site, PDFs and exports, published atomically."""
    from generator.outputs.site import run_mkdocs

    project = _load(root, draft, stages)
    moment = now or current_time()
    target = site_dir or project.config.site_dir
    with staged(target) as staging:
        with stages.stage("site", "pages") as count:
            count(run_mkdocs(project, staging, now=moment, outputs=[]))
        for family in FAMILIES:
            with stages.stage(family) as count:
                tree = family_files(project, (family,), moment)
                tree.write(staging)
                count(len(tree))
        files = sum(1 for path in staging.rglob("*") if path.is_file())
    return BuildReport(target, files)


def build_family(root: Path, family: str, *, draft: bool = False, now: dt.datetime | None = None,
                 site_dir: Path | None = None, stages: StageLog = QUIET) -> BuildReport:
    """One family (`pdf` or `export`) alone: the published site with only that family's folder replaced."""
    project = _load(root, draft, stages)
    folder, _ = FAMILIES[family]
    target = site_dir or project.config.site_dir
    with stages.stage(family) as count:
        tree = family_files(project, (family,), now or current_time())
        count(len(tree))
    with staged(target, from_published=True) as staging:
        shutil.rmtree(staging / folder, ignore_errors=True)
        tree.write(staging)
    return BuildReport(target / folder, len(tree))


def _load(root: Path, draft: bool, stages: StageLog) -> Project:
    """Load and check the project; its warnings (translations a draft lets through) go to the log."""
    with stages.stage("load", "records") as count:
        project = load_project(root, draft=draft)
        count(len(project.graph.records))
    for problem in project.warnings:
        log.warning(str(problem))
    return project


def current_time() -> dt.datetime:
    """The build's notion of now (for embargoes), taken once per build."""
    return dt.datetime.now(dt.UTC)
