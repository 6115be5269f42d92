"""The whole build on one page: load → validate → resolve → localize → render → write.

`load_project` does everything up to resolve and refuses bad content before
a byte is written. The site is built by MkDocs with our plugin, which adds
the PDFs and exports after the pages; everything lands in a staging folder
that replaces the published one only when all of it succeeded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.project import Project, load_project
from generator.urls import EXPORT_FOLDER, PDF_FOLDER
from generator.write import OutputTree, staged

FileMaker = Callable[[Project, dt.datetime], dict[str, str | bytes]]


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
    warnings: int


def family_files(project: Project, families: tuple[str, ...], now: dt.datetime) -> OutputTree:
    """Render the given families into one tree (nothing written yet)."""
    tree = OutputTree()
    for family in families:
        tree.update(FAMILIES[family][1]()(project, now))
    return tree


def build_site(root: Path, *, draft: bool = False, now: dt.datetime | None = None,
               site_dir: Path | None = None) -> BuildReport:
    """Site, PDFs and exports: MkDocs with our plugin, published atomically."""
    from generator.outputs.site import run_mkdocs

    project = load_project(root, draft=draft)
    target = site_dir or project.config.site_dir
    with staged(target) as staging:
        run_mkdocs(project, staging, now=now or current_time())
        files = sum(1 for path in staging.rglob("*") if path.is_file())
    return BuildReport(target, files, len(project.warnings))


def build_family(root: Path, family: str, *, draft: bool = False, now: dt.datetime | None = None,
                 site_dir: Path | None = None) -> BuildReport:
    """One family (`pdf` or `export`) alone, replacing only its own folder of the site."""
    project = load_project(root, draft=draft)
    folder, _ = FAMILIES[family]
    target = (site_dir or project.config.site_dir) / folder
    tree = family_files(project, (family,), now or current_time())
    with staged(target) as staging:
        written = OutputTree()
        for path in tree.paths():
            written.add(path.removeprefix(f"{folder}/"), tree.content(path))
        written.write(staging)
    return BuildReport(target, len(tree), len(project.warnings))


def current_time() -> dt.datetime:
    """The build's notion of now (for embargoes), taken once per build."""
    return dt.datetime.now(dt.UTC)
