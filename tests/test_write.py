"""The writer refuses clashes and escapes, and publishes atomically."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import OutputError
from generator.write import OutputTree


def test_refuses_duplicate_and_escaping_paths() -> None:
    tree = OutputTree()
    tree.add("de/a.html", "one")
    with pytest.raises(OutputError, match=r"two outputs write de/a\.html"):
        tree.add("de/a.html", "two")
    for bad in ("../outside.txt", "/etc/passwd", "de/../../x"):
        with pytest.raises(OutputError, match="leaves the output folder"):
            tree.add(bad, "x")


def test_writes_sorted_files_under_root(tmp_path: Path) -> None:
    tree = OutputTree()
    tree.update({"b/2.txt": "two", "a/1.txt": b"one"})
    written = tree.write(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in written] == ["a/1.txt", "b/2.txt"]
    assert (tmp_path / "a/1.txt").read_bytes() == b"one"


