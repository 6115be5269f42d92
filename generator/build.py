"""The whole build on one page: load → validate → resolve → localize → render → write.

`load_project` does everything up to resolve and refuses bad content before
a byte is written. MkDocs, with our plugin, renders the site's pages; the
PDF and export families are rendered beside it, here: the PDFs start
printing in the executor's processes before MkDocs starts, so both use the
machine's cores at once. Everything lands in a
staging folder that replaces the published one only when all of it
succeeded. Each stage reports to a `StageLog`, warnings go to the `briefing`
logger.

A build whose inputs did not change since the last one returns at once
(`generator.manifest`); the modules of the records and the outputs are
imported only after that check, so it costs a fraction of a second.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.config import load_config
from generator.editorial import current_time, unchanged_between
from generator.executors import executor_for
from generator.manifest import BuildStamp, inputs_digest, published_digest, remember, still_current
from generator.publish import staged, tidy
from generator.reporting import LOGGER_NAME, QUIET, StageLog

if TYPE_CHECKING:
    from generator.project import Project

log = logging.getLogger(LOGGER_NAME)


@dataclass(frozen=True)
class BuildReport:
    target: Path
    files: int
    unchanged: bool = False
    """Nothing the build reads changed since the last build, which is still what is published."""


def build_site(root: Path, *, draft: bool = False, now: dt.datetime | None = None, site_dir: Path | None = None,
               jobs: int | None = None, executor: str | None = None, stages: StageLog = QUIET) -> BuildReport:
    """Site, PDFs and exports, published atomically; nothing at all when nothing changed.

    PDFs print in `jobs` processes (default: every core), or on the Dask
    cluster `executor` names (`dask:tcp://HOST:PORT`), while MkDocs builds the
    pages; those whose job is in the cache are not printed again. A `draft`
    build (missing and stale translations let through, marked) goes to the
    draft folder, never to the published site.
    """
    moment = now or current_time()
    current = still_current(root, site_dir, draft, moment)
    if current is not None:
        tidy(Path(current.target))
        for warning in current.warnings:
            log.warning(warning)
        return BuildReport(Path(current.target), current.files, unchanged=True)
    from generator.outputs.families import FAMILIES, finishing_order
    from generator.outputs.site.run import run_mkdocs
    from generator.write import OutputTree

    target = (site_dir or load_config(root).output_dir(draft)).resolve()
    with executor_for(jobs, executor) as pool:
        inputs = inputs_digest(root, target, draft)  # while the pool's workers start
        project = _load(root, draft, stages)
        warnings = [str(problem) for problem in project.warnings] + _version_changes(project, moment)
        with staged(target) as staging:
            pending = {name: family.start(project, moment, pool) for name, family in FAMILIES.items()}
            with stages.stage("site", "pages") as count:
                count(run_mkdocs(project, staging, now=moment, published=target, outputs=[]))
            for name in finishing_order(pending):
                with stages.stage(name) as count:
                    tree = OutputTree()
                    tree.update(pending[name]())
                    tree.write(staging, unchanged_from=target)
                    count(len(tree))
            files = sum(len(names) for _, _, names in os.walk(staging))
    valid_from, valid_until = unchanged_between(project, moment)
    remember(root, BuildStamp(inputs, str(target), published_digest(target), _iso(valid_from), _iso(valid_until), files,
                              tuple(warnings)))
    return BuildReport(target, files)


def _iso(moment: dt.datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def build_family(root: Path, family: str, *, draft: bool = False, now: dt.datetime | None = None,
                 site_dir: Path | None = None, jobs: int | None = None, executor: str | None = None,
                 stages: StageLog = QUIET) -> BuildReport:
    """One family (`pdf` or `export`) alone: the published site with only that family's folder replaced."""
    from generator.outputs.families import FAMILIES, family_files

    project = _load(root, draft, stages)
    folder = FAMILIES[family].folder
    target = site_dir or project.config.output_dir(draft)
    parallel = FAMILIES[family].parallel
    with stages.stage(family) as count, executor_for(jobs if parallel else 1, executor if parallel else None) as pool:
        tree = family_files(project, (family,), now or current_time(), pool)
        count(len(tree))
    with staged(target, from_published=True) as staging:
        shutil.rmtree(staging / folder, ignore_errors=True)
        tree.write(staging)
    return BuildReport(target / folder, len(tree))


def _version_changes(project: Project, now: dt.datetime) -> list[str]:
    """Published briefings and dossiers that a changed shared record alters at the same version, logged."""
    from generator.versions import changes

    found = [str(change) for change in changes(project, now)]
    for message in found:
        log.warning(message)
    return found


def _load(root: Path, draft: bool, stages: StageLog) -> Project:
    """Load and check the project; its warnings (translations a draft lets through) go to the log."""
    from generator.project import load_project

    with stages.stage("load", "records") as count:
        project = load_project(root, draft=draft)
        count(len(project.graph.records))
    for problem in project.warnings:
        log.warning(str(problem))
    return project
