"""The writer refuses clashes and escapes, and publishes atomically."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.write import OutputError, OutputTree, staged


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


def test_failed_build_leaves_the_published_folder_untouched(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("published", encoding="utf-8")
    with pytest.raises(RuntimeError), staged(site) as staging:
        (staging / "index.html").write_text("half-built", encoding="utf-8")
        raise RuntimeError("render failed")
    assert (site / "index.html").read_text(encoding="utf-8") == "published"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_successful_build_replaces_the_folder(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "stale.html").write_text("old", encoding="utf-8")
    with staged(site) as staging:
        (staging / "index.html").write_text("new", encoding="utf-8")
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_published_folder_is_readable_by_others(tmp_path: Path) -> None:
    with staged(tmp_path / "site") as staging:
        (staging / "index.html").write_text("new", encoding="utf-8")
    assert (tmp_path / "site").stat().st_mode & 0o777 == 0o755
