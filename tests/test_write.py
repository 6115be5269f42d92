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




def test_files_already_published_are_shared_and_the_rest_written(tmp_path: Path) -> None:
    published, staging = tmp_path / "site", tmp_path / "staging"
    old = OutputTree()
    old.update({"same.txt": "kept", "changed.txt": "old", "linked.txt": "target"})
    old.write(published)
    (published / "elsewhere.txt").symlink_to(published / "linked.txt")
    tree = OutputTree()
    tree.update({"same.txt": "kept", "changed.txt": "new", "elsewhere.txt": "target", "fresh/new.txt": "x"})
    tree.write(staging, unchanged_from=published)
    assert (staging / "same.txt").stat().st_ino == (published / "same.txt").stat().st_ino
    assert (staging / "changed.txt").read_text() == "new" and (published / "changed.txt").read_text() == "old"
    assert not (staging / "elsewhere.txt").is_symlink(), "a symbolic link is never shared, only a regular file"
    assert (staging / "elsewhere.txt").stat().st_ino != (published / "linked.txt").stat().st_ino
    assert (staging / "fresh/new.txt").read_text() == "x"


def test_a_file_system_without_hard_links_gets_copies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    published = tmp_path / "site"
    old = OutputTree()
    old.add("same.txt", "kept")
    old.write(published)

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError("no hard links here")

    monkeypatch.setattr(os, "link", refuse)
    tree = OutputTree()
    tree.add("same.txt", "kept")
    tree.write(tmp_path / "staging", unchanged_from=published)
    assert (tmp_path / "staging/same.txt").read_text() == "kept"
