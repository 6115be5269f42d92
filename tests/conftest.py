"""Fixtures shared by every test module: where the project is, and content written on the fly."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
"""The repository root, holding mkdocs.yml and content/."""

WriteContent = Callable[[dict[str, str | bytes]], Path]


@pytest.fixture(scope="session")
def project_root() -> Path:
    """The repository root: the project whose mkdocs.yml configures languages."""
    return ROOT


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
