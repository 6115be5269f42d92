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
from dataclasses import dataclass
from pathlib import Path

from generator.editorial import current_time
from generator.executors import executor_for
from generator.outputs.families import FAMILIES, family_files
from generator.project import Project, load_project
from generator.publish import staged
from generator.reporting import LOGGER_NAME, QUIET, StageLog

log = logging.getLogger(LOGGER_NAME)


@dataclass(frozen=True)
class BuildReport:
    target: Path
    files: int


def build_site(root: Path, *, draft: bool = False, now: dt.datetime | None = None, site_dir: Path | None = None,
               jobs: int | None = None, executor: str | None = None, stages: StageLog = QUIET) -> BuildReport:
    """Site, PDFs and exports, published atomically.

    PDFs print in `jobs` processes (default: every core), or on the Dask
    cluster `executor` names (`dask:tcp://HOST:PORT`).
    """
    from generator.outputs.site import run_mkdocs

    project = _load(root, draft, stages)
    moment = now or current_time()
    target = site_dir or project.config.site_dir
    with staged(target) as staging, executor_for(jobs, executor) as pool:
        with stages.stage("site", "pages") as count:
            count(run_mkdocs(project, staging, now=moment, outputs=[]))
        for family in FAMILIES:
            with stages.stage(family) as count:
                tree = family_files(project, (family,), moment, pool)
                tree.write(staging)
                count(len(tree))
        files = sum(1 for path in staging.rglob("*") if path.is_file())
    return BuildReport(target, files)


def build_family(root: Path, family: str, *, draft: bool = False, now: dt.datetime | None = None,
                 site_dir: Path | None = None, jobs: int | None = None, executor: str | None = None,
                 stages: StageLog = QUIET) -> BuildReport:
    """One family (`pdf` or `export`) alone: the published site with only that family's folder replaced."""
    project = _load(root, draft, stages)
    folder = FAMILIES[family].folder
    target = site_dir or project.config.site_dir
    parallel = FAMILIES[family].parallel
    with stages.stage(family) as count, executor_for(jobs if parallel else 1, executor if parallel else None) as pool:
        tree = family_files(project, (family,), now or current_time(), pool)
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
