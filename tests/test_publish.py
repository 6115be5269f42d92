"""Publishing: the published folder is always a whole build, old or new, and only briefing's own is replaced."""

from __future__ import annotations

import errno
import fcntl
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from generator.errors import PublishError
from generator.publish import MARKER, staged


def published(site: Path, files: dict[str, str]) -> Path:
    """A site as an earlier build left it."""
    with staged(site) as staging:
        for name, text in files.items():
            (staging / name).write_text(text, encoding="utf-8")
    return site


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def beside(site: Path) -> list[str]:
    """What lies next to the site besides the site and its lock."""
    return sorted(p.name for p in site.parent.iterdir() if p.name not in (site.name, f".{site.name}.lock"))


def test_a_failed_build_leaves_the_published_folder_untouched(tmp_path: Path) -> None:
    site = published(tmp_path / "site", {"index.html": "published"})
    with pytest.raises(RuntimeError), staged(site) as staging:
        (staging / "index.html").write_text("half-built", encoding="utf-8")
        raise RuntimeError("render failed")
    assert (site / "index.html").read_text(encoding="utf-8") == "published"
    assert beside(site) == []


def test_a_successful_build_replaces_the_folder_and_marks_it(tmp_path: Path) -> None:
    site = published(tmp_path / "site", {"stale.html": "old"})
    with staged(site) as staging:
        (staging / "index.html").write_text("new", encoding="utf-8")
    assert sorted(p.name for p in site.iterdir()) == [MARKER, "index.html"]
    assert site.stat().st_mode & 0o777 == 0o755  # readable by the web server
    assert beside(site) == []


def test_starting_from_the_published_build_changes_nothing_published_until_the_swap(tmp_path: Path) -> None:
    site = published(tmp_path / "site", {"keep.html": "kept", "pdf.txt": "old pdf"})
    with staged(site, from_published=True) as staging:
        (staging / "pdf.txt").unlink()
        (staging / "pdf.txt").write_text("new pdf", encoding="utf-8")
        assert (site / "pdf.txt").read_text(encoding="utf-8") == "old pdf"
    assert tree(site)["keep.html"] == b"kept" and tree(site)["pdf.txt"] == b"new pdf"


@pytest.mark.parametrize("foreign", ["a folder of the user's", "a file"])
def test_a_folder_briefing_did_not_make_is_never_replaced(tmp_path: Path, foreign: str) -> None:
    site = tmp_path / "site"
    if foreign == "a file":
        site.write_text("notes", encoding="utf-8")
    else:
        site.mkdir()
        (site / "notes.txt").write_text("mine", encoding="utf-8")
    before = site.read_bytes() if site.is_file() else tree(site)
    with pytest.raises(PublishError, match="was not made by briefing"), staged(site):
        pytest.fail("the build must not start")
    assert (site.read_bytes() if site.is_file() else tree(site)) == before


def test_the_next_run_removes_what_an_interrupted_one_left(tmp_path: Path) -> None:
    site = published(tmp_path / "site", {"index.html": "published"})
    (tmp_path / ".site.staging-killed").mkdir()
    (tmp_path / ".site.staging-killed" / "index.html").write_text("half", encoding="utf-8")
    (tmp_path / ".site.previous").mkdir()
    with staged(site) as staging:
        (staging / "index.html").write_text("new", encoding="utf-8")
    assert beside(site) == []


def test_two_builds_never_publish_one_folder_at_once(tmp_path: Path) -> None:
    site = published(tmp_path / "site", {"index.html": "published"})
    with (tmp_path / ".site.lock").open("a") as other:
        fcntl.flock(other, fcntl.LOCK_EX)
        with pytest.raises(PublishError, match="another build is publishing"), staged(site):
            pytest.fail("the build must not start")


SNIPPET = """
import os, signal, sys
from pathlib import Path
import generator.publish as publish
site, mode = Path(sys.argv[1]), sys.argv[2]
swap = publish._swap
def killed_swap(staging, target):
    if mode == "before-swap":
        os.kill(os.getpid(), signal.SIGKILL)
    swap(staging, target)
    os.kill(os.getpid(), signal.SIGKILL)  # after the swap, before the old build is removed
publish._swap = killed_swap
with publish.staged(site) as staging:
    (staging / "index.html").write_text("new", encoding="utf-8")
"""


@pytest.mark.parametrize(("moment", "expected"), [("before-swap", "published"), ("after-swap", "new")])
def test_a_kill_during_the_publish_step_leaves_a_whole_site(tmp_path: Path, moment: str, expected: str) -> None:
    site = published(tmp_path / "site", {"index.html": "published"})
    result = subprocess.run([sys.executable, "-c", SNIPPET, str(site), moment], capture_output=True, check=False)
    assert result.returncode == -9
    assert (site / "index.html").read_text(encoding="utf-8") == expected
    assert (site / MARKER).is_file()
    with staged(site) as staging:
        (staging / "index.html").write_text("next", encoding="utf-8")
    assert beside(site) == []


BIG_FILE = """
import sys
from pathlib import Path
from generator.errors import PublishError
from generator.publish import staged
try:
    with staged(Path(sys.argv[1])) as staging:
        (staging / "big.pdf").write_bytes(b"x" * 4_000_000)
except PublishError as error:
    print(error)
    sys.exit(1)
"""


def _small_file_size_limit() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (1_000_000, 1_000_000))


def test_a_file_size_limit_ends_in_one_message(tmp_path: Path) -> None:
    site = published(tmp_path / "site", {"index.html": "published"})
    result = subprocess.run([sys.executable, "-c", BIG_FILE, str(site)], capture_output=True, text=True,
                            check=False, preexec_fn=_small_file_size_limit)
    assert result.returncode == 1, result.stderr
    assert "file-size limit" in result.stdout and "nothing was published" in result.stdout
    assert "Traceback" not in result.stderr
    assert tree(site) == {MARKER: tree(site)[MARKER], "index.html": b"published"}


@pytest.mark.parametrize(("code", "remedy"), [
    (errno.ENOSPC, "no space left on the device; free some space"),
    (errno.EDQUOT, "the disk quota is used up"),
    (errno.EROFS, "the file system is read-only; build into a writable folder"),
    (errno.EACCES, "permission denied; make the folder and its parent writable"),
])
def test_a_write_the_system_refuses_is_one_message_and_publishes_nothing(tmp_path: Path, code: int,
                                                                        remedy: str) -> None:
    """A full disk, a quota, a read-only file system or a folder without permission (as root, simulated)."""
    site = published(tmp_path / "site", {"index.html": "published"})
    before = tree(site)
    with pytest.raises(PublishError) as refused, staged(site) as staging:
        raise OSError(code, os.strerror(code), str(staging / "pdf" / "a.pdf"))
    assert remedy in str(refused.value) and "a.pdf" in str(refused.value)
    assert str(refused.value).endswith("(nothing was published)")
    assert tree(site) == before and beside(site) == []
