"""Fixtures shared by every test module: where the project is, and content written on the fly."""

from __future__ import annotations

import atexit
import datetime as dt
import functools
import os
import shutil
import tempfile
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
"""The repository root, holding mkdocs.yml and content/."""

os.environ["BRIEFING_CACHE_DIR"] = tempfile.mkdtemp(prefix="briefing-cache-")
"""Builds of the tests (and the commands they start) keep their cache here, never in the user's, gone at exit."""
atexit.register(shutil.rmtree, os.environ["BRIEFING_CACHE_DIR"], True)

FIXTURES = Path(__file__).parent / "fixtures"
PROJECT_FILES = ("mkdocs.yml", "templates", "locales", "docs", "assets")
"""What a project is besides its content: configuration, templates, catalogs, the docs folder, fonts."""


def assemble_project(target: Path, content: Path, confirmed: Path | None = None) -> Path:
    """A project under `target`: the repository's files around another content folder (and its confirmations)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy(source, target / name)
    shutil.copytree(content, target / "content")
    if confirmed is not None:
        shutil.copy(confirmed, target / "locales" / "confirmed.yaml")
    return target


@functools.cache
def copy_project(project: Path, target: Path) -> Path:
    """A copy of a test project under `target`, without built output, to edit freely."""
    return assemble_project(target, project / "content", project / "locales" / "confirmed.yaml")


def paris_project() -> Path:
    """The Paris story frozen as first published (tests/fixtures/paris-story), as a whole project.

    The tests of exact things of that story (goldens, counts, titles, times)
    read this one, so stories the desk adds to content/ never break them.
    Made once per test run, in a temporary folder removed at exit.
    """
    folder = Path(tempfile.mkdtemp(prefix="briefing-paris-"))
    atexit.register(shutil.rmtree, folder, True)
    story = FIXTURES / "paris-story"
    return assemble_project(folder / "project", story / "content", story / "confirmed.yaml")


def after_everything(root: Path) -> dt.datetime:
    """The moment the tests build at: a day after the last publication, embargo, correction or withdrawal.

    Derived from the content, not fixed, so a story the desk adds tomorrow is
    released in the tests too.
    """
    from generator.editorial import last_change
    from generator.project import load_project

    project = load_project(root, draft=True)
    moments = [last_change(project, record.id).datetime for record in project.graph.of_kind("briefings")]
    moments += [b.model.embargo.datetime for b in project.graph.of_kind("briefings") if b.model.embargo]
    return max(moments) + dt.timedelta(days=1)

WriteContent = Callable[[dict[str, str | bytes]], Path]


@pytest.fixture
def write_content(tmp_path: Path) -> WriteContent:
    """Write files into a fresh content folder and return the folder.

    Keys are paths relative to the folder (`facts/eu-aid.yaml`); text values
    are dedented so tests can indent their YAML, bytes are written as they are.
    """
    folder = tmp_path / "content"

    def write(files: dict[str, str | bytes]) -> Path:
        folder.mkdir(exist_ok=True)
        for relative, body in files.items():
            path = folder / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(body, bytes):
                path.write_bytes(body)
            else:
                path.write_text(textwrap.dedent(body), encoding="utf-8")
        return folder

    return write


CheckGolden = Callable[[Path, str], None]


@pytest.fixture(scope="session")
def check_golden() -> CheckGolden:
    """The golden-file comparison: `check_golden(path, actual)`."""
    return _check_golden


def _check_golden(path: Path, actual: str) -> None:
    """Compare `actual` with the golden file; `UPDATE_GOLDEN=1` rewrites it (then read the diff as a reader would)."""
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"{path} is missing; run with UPDATE_GOLDEN=1 and review it"
    assert actual == path.read_text(encoding="utf-8"), f"{path.name} differs; rerun with UPDATE_GOLDEN=1 and review"


CHROMIUM = Path("/usr/bin/chromium")
"""Debian's Chromium: Playwright's own browser download is not available here, and not wanted."""
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Chromium; its absence fails the browser tests (never skips them), saying what to install."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: the browser tests need Debian's chromium and libatomic1 "
                    "(`make test` installs them as root; `briefing doctor` says what is missing)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
