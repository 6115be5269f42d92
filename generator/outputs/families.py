"""The output families besides the site's pages: the folder each owns and the function that makes its files.

One registry, read by `generator.build` (`briefing build`, `pdf`, `export`)
and by the MkDocs plugin (`mkdocs build`), so a new family touches one place.
A family's module is imported only when its files are made: `briefing
export` never loads WeasyPrint. A parallel family's files start at once in the
build's executor, so PDFs print while MkDocs builds the pages.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
from collections.abc import Callable, Iterable
from concurrent.futures import Executor
from dataclasses import dataclass

from generator.cache import RenderCache
from generator.project import Project
from generator.urls import EXPORT_FOLDER, PDF_FOLDER
from generator.write import OutputTree

Pending = Callable[[], dict[str, str | bytes]]
"""Waits for a family's files that are being made, and returns them by site-relative path."""


@dataclass(frozen=True)
class Family:
    folder: str
    """The top folder of the site the family owns."""
    module: str
    maker: str
    """`module.maker(project, now, cache)` makes every file, by site-relative path, reusing what its
    `RenderCache` kept; for a parallel family, `module.maker(project, now, executor, cache)` starts making
    them and returns the `Pending` that waits."""
    parallel: bool = False
    """Its files are pure jobs (inputs in, bytes out), made in `executor`."""

    def start(self, project: Project, now: dt.datetime, executor: Executor | None = None) -> Pending:
        """Start making the family's files (a parallel family's jobs begin at once in `executor`)."""
        make = getattr(importlib.import_module(self.module), self.maker)
        cache = RenderCache.of_project(project.config.root, self.folder)
        if not self.parallel:
            return functools.partial(make, project, now, cache)
        return make(project, now, executor, cache)


FAMILIES: dict[str, Family] = {
    "pdf": Family(PDF_FOLDER, "generator.outputs.pdf.jobs", "start_pdf_files", parallel=True),
    "export": Family(EXPORT_FOLDER, "generator.outputs.exports.files", "export_files"),
}


def finishing_order(families: Iterable[str]) -> list[str]:
    """The families made in this process first, then those whose jobs run elsewhere: while those print, this
    process makes the others instead of waiting (an edit's PDFs took as long as its exports after MkDocs)."""
    return sorted(families, key=lambda family: FAMILIES[family].parallel)


def family_files(project: Project, families: tuple[str, ...], now: dt.datetime,
                 executor: Executor | None = None) -> OutputTree:
    """Render the given families into one tree (nothing written yet), all of them started before any is awaited."""
    pending = {family: FAMILIES[family].start(project, now, executor) for family in families}
    tree = OutputTree()
    for family in finishing_order(pending):
        tree.update(pending[family]())
    return tree
