"""A build can be killed at any moment, and site_dir can never point the build at the project's own files.

The kills run the real command in a copy of the project; the site is
compared with the complete old and new builds after each. The site_dir
cases are refused before any work, with the project's sources untouched.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from .conftest import copy_project

BRIEFING = Path(sys.executable).with_name("briefing")
MKDOCS = [sys.executable, "-m", "mkdocs"]
KILLS = 20


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def build(root: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([str(BRIEFING), "build", "--project", str(root)], cwd=root,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def set_site_name(root: Path, name: str) -> None:
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace(text.splitlines()[0], f"site_name: {name}", 1), encoding="utf-8")


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".site.") and p.name != ".site.lock")


def test_twenty_kills_at_random_moments_leave_the_old_or_the_new_site(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    for path in (root / "content" / "briefings").glob("*.yaml"):  # drafts: no PDFs, so each build takes seconds
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        record["status"] = "draft"
        record.pop("embargo", None)
        path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert build(root).wait() == 0
    old = tree(root / "site")
    set_site_name(root, "Briefing New")
    start = time.monotonic()
    assert build(root).wait() == 0
    duration = time.monotonic() - start
    new = tree(root / "site")
    assert old != new
    set_site_name(root, "Briefing")
    assert build(root).wait() == 0 and tree(root / "site") == old
    chance = random.Random(20261201)
    for kill in range(KILLS):
        set_site_name(root, "Briefing New" if kill % 2 else "Briefing")
        process = build(root)
        time.sleep(chance.uniform(0.1, duration * 1.05))
        process.send_signal(signal.SIGKILL)
        process.wait()
        site = tree(root / "site")
        assert site in (old, new), f"kill {kill}: the site is neither the old nor the new build"
    assert build(root).wait() == 0
    assert leftovers(root) == [], "the next run did not clean up"


SITE_DIRS = [".", "..", "content", "content/briefings", "templates", "templates/site", "locales", "assets", "docs",
             "generator", "tests", "../elsewhere", "/tmp"]


@pytest.mark.parametrize("site_dir", SITE_DIRS)
def test_a_site_dir_that_could_destroy_the_project_is_refused(tmp_path: Path, site_dir: str) -> None:
    root = copy_project(tmp_path / "project")
    sources = {name: tree(root / name) for name in ("content", "templates", "locales", "assets", "docs")}
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_dir: site", f"site_dir: {site_dir}"),
                      encoding="utf-8")
    for command in ([str(BRIEFING), "build"], [str(BRIEFING), "export"], [*MKDOCS, "build"]):
        result = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False, timeout=300)
        assert result.returncode != 0, command
        assert "site_dir" in result.stdout + result.stderr, result.stderr[-2000:]
        assert "Traceback" not in result.stdout + result.stderr
    assert {name: tree(root / name) for name in sources} == sources
