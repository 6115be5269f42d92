"""Fixtures for the site tests: the real project, its pages, the built site, and edited copies.

The built site is made once per session (`run_mkdocs`, strict, with the PDF
and export families), and the build and browser tests read the same files.
Edited copies are whole projects in a temporary folder (mkdocs.yml,
templates/, locales/, content/, docs/) with their translations confirmed, so
they load with the strict build exactly as the repository does.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser

from generator.config import load_config
from generator.i18n.status import confirm
from generator.outputs.site.run import run_mkdocs, site_pages
from generator.project import Project, load_project
from generator.records.load import load_records

from ..browsing import Visit, served, visiting
from ..conftest import copy_project as copy_of
from ..conftest import paris_project

ROOT = paris_project()
"""The Paris story, frozen (tests/fixtures/paris-story): what these tests check exactly."""
BRIEFING = "paris-summit-2026-01-06"
NOW = dt.datetime(2026, 2, 1, tzinfo=dt.UTC)
"""A moment after everything in the frozen Paris story was published."""

FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)

Edit = Callable[[dict[str, Any]], None]


@pytest.fixture(scope="session")
def project() -> Project:
    """The repository's project, loaded strictly (as `briefing build` does)."""
    return load_project(ROOT)


@pytest.fixture(scope="session")
def pages(project: Project) -> dict[str, str]:
    """Every generated page of the repository's content at `NOW`."""
    return site_pages(project, NOW)


@pytest.fixture(scope="session")
def site(project: Project, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's site, built once, strictly, with PDFs and exports."""
    target = tmp_path_factory.mktemp("site") / "site"
    run_mkdocs(project, target, now=NOW)
    return target


def meta(markdown: str) -> dict[str, Any]:
    """The front matter of a generated page."""
    match = FRONT_MATTER.match(markdown)
    assert match, markdown[:200]
    return yaml.safe_load(match.group(1))


def body(markdown: str) -> str:
    """A generated page without its front matter."""
    return FRONT_MATTER.sub("", markdown, count=1).lstrip("\n")


def copy_project(target: Path) -> Path:
    """The Paris project, without built output, under `target`."""
    return copy_of(ROOT, target)


def write_record(root: Path, relative: str, data: dict[str, Any]) -> None:
    path = root / "content" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def read_record(root: Path, relative: str) -> dict[str, Any]:
    return yaml.safe_load((root / "content" / relative).read_text(encoding="utf-8"))


def confirm_all(root: Path) -> None:
    """Mark every present translation as checked, as a translator would after reviewing the edits."""
    config = load_config(root)
    records, problems = load_records(config.content_dir, config.codes)
    assert not [p for p in problems if p.severity == "error"], problems
    confirm(records, config)


def moment(iso: str, zone: str = "Europe/Berlin") -> dict[str, str]:
    """A `DateTimeValue` as YAML data."""
    return {"datetime": iso, "zone": zone}


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    """The built site on a free port of 127.0.0.1."""
    with served(site) as url:
        yield url


@pytest.fixture
def visit(browser: Browser, server: str) -> Iterator[Visit]:
    """Open a site path in a fresh page; after the test, assert nothing went wrong on any page."""
    with visiting(browser, server) as open_page:
        yield open_page
