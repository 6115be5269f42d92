"""The output families besides the site's pages: the folder each owns and the function that makes its files.

One registry, read by `generator.build` (`briefing build`, `pdf`, `export`)
and by the MkDocs plugin (`mkdocs build`), so a new family touches one place.
A family's module is imported only when its files are made: `briefing
export` never loads WeasyPrint.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass

from generator.project import Project
from generator.urls import EXPORT_FOLDER, PDF_FOLDER
from generator.write import OutputTree

FileMaker = Callable[..., dict[str, str | bytes]]


@dataclass(frozen=True)
class Family:
    folder: str
    """The top folder of the site the family owns."""
    module: str
    maker: str
    """`module.maker(project, now)` makes every file, by site-relative path."""
    parallel: bool = False
    """The maker takes `executor=` and renders its files there (pure jobs: inputs in, bytes out)."""

    def files(self, project: Project, now: dt.datetime, executor: Executor | None = None) -> dict[str, str | bytes]:
        make: FileMaker = getattr(importlib.import_module(self.module), self.maker)
        return make(project, now, executor=executor) if self.parallel else make(project, now)


FAMILIES: dict[str, Family] = {
    "pdf": Family(PDF_FOLDER, "generator.outputs.pdf", "pdf_files", parallel=True),
    "export": Family(EXPORT_FOLDER, "generator.outputs.export", "export_files"),
}


def family_files(project: Project, families: tuple[str, ...], now: dt.datetime,
                 executor: Executor | None = None) -> OutputTree:
    """Render the given families into one tree (nothing written yet)."""
    tree = OutputTree()
    for family in families:
        tree.update(FAMILIES[family].files(project, now, executor))
    return tree
