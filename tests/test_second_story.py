"""A second story added to a copy of the project leaves the whole suite green.

The copy gets the synthetic story of `tests/fixtures/synthetic-story/`
(invented, clearly marked, never in the real `content/`), published a month
after the Paris story and reusing its entities. The desk's steps follow:
confirm the translations, then the whole test suite runs in the copy. A
test that counts or lists the real content, or assumes one story, fails
there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FIXTURES, ROOT

NESTED = "BRIEFING_SECOND_STORY"
"""Set inside the copy, so the copy's run of this module does not copy itself again."""
TOP_LEFT_OUT = {".git", ".venv", "site", "build"}
"""Folders of the project root that are not the project (templates/site/ is, so only the top level counts)."""
LEFT_OUT = {"__pycache__", ".pytest_cache", ".ruff_cache"}


def _left_out(folder: str, names: list[str]) -> list[str]:
    top = Path(folder) == ROOT
    return [name for name in names if name in LEFT_OUT or (top and name in TOP_LEFT_OUT)]


@pytest.mark.skipif(bool(os.environ.get(NESTED)), reason="already running inside the copy with the second story")
def test_a_second_story_leaves_the_whole_suite_green(tmp_path: Path) -> None:
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=_left_out)
    story = FIXTURES / "synthetic-story"
    shutil.copytree(story, copy / "content", dirs_exist_ok=True, ignore=shutil.ignore_patterns("README.md"))
    briefing = Path(sys.executable).with_name("briefing")
    confirmed = subprocess.run([str(briefing), "i18n", "confirm", "--project", str(copy)], capture_output=True,
                               text=True, check=False)
    assert confirmed.returncode == 0, confirmed.stdout + confirmed.stderr
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=copy,
                            env={**os.environ, NESTED: "1"}, capture_output=True, text=True, check=False,
                            timeout=3600)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
