"""Publishing a build: at every instant the published folder is complete, the old build or the new one.

A build is written into a staging folder beside the target. When all of it
succeeded, the two folders are swapped in one step (Linux `renameat2` with
`RENAME_EXCHANGE`), so there is no moment without a site, and the old build,
now under the staging name, is removed. A kill at any point leaves either
the old site or the new one; whatever it leaves beside them (a staging
folder) the next run removes, under a lock that keeps two builds from
publishing the same folder at once.

Only a folder briefing made is ever replaced: each published folder holds
a marker file, and a target without one (a folder of the user's, `content/`
by mistake) is refused before any work.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.errors import PublishError

MARKER = ".briefing-site"
"""The file in every folder briefing publishes; only a folder holding it is ever replaced."""
MARKER_TEXT = "Made by briefing: `briefing build` replaces this folder as a whole.\n"


@contextmanager
def staged(target: Path, *, from_published: bool = False) -> Iterator[Path]:
    """A fresh folder beside `target` that replaces it atomically when the block succeeds.

    Args:
        target: The folder to publish (the site).
        from_published: Start from a copy of what is published (hard links, so
            it costs no space): for a build that replaces only part of it.

    Raises:
        PublishError: `target` is not briefing's, another build holds it, or
            the disk refused a write; nothing published changes.
    """
    target = target.resolve()
    with _disk_errors(target), _lock(target):
        _remove_leftovers(target)
        _refuse_foreign(target)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.staging-", dir=target.parent))
        try:
            staging.chmod(0o755)  # mkdtemp makes it private; a published site must be readable by the web server
            if from_published and target.is_dir():
                shutil.copytree(target, staging, copy_function=os.link, dirs_exist_ok=True)
            yield staging
            marker = staging / MARKER
            marker.unlink(missing_ok=True)
            marker.write_text(MARKER_TEXT, encoding="utf-8")
            _swap(staging, target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)  # the failed build, or after the swap the old one


def tidy(target: Path) -> None:
    """Remove what killed builds left beside `target`, as a build does first (for a build with nothing to do).

    Raises:
        PublishError: another build is publishing the folder.
    """
    target = target.resolve()
    with _disk_errors(target), _lock(target):
        _remove_leftovers(target)


def _swap(staging: Path, target: Path) -> None:
    """Put `staging` in `target`'s place in one step; the old build ends up under the staging name."""
    if not target.exists():
        os.rename(staging, target)
    elif not _exchange(staging, target):
        # A file system without RENAME_EXCHANGE: two renames, with a moment between them without a site.
        previous = staging.with_name(staging.name + ".previous")
        os.rename(target, previous)
        os.rename(staging, target)
        os.rename(previous, staging)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically (renameat2); False where the system or file system cannot."""
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


@contextmanager
def _lock(target: Path) -> Iterator[None]:
    """Hold `.<target>.lock` beside the target for the whole build, or refuse when another build does."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with (target.parent / f".{target.name}.lock").open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise PublishError(f"{target}: another build is publishing this folder; wait for it to finish") from None
        yield


def _remove_leftovers(target: Path) -> None:
    """Staging folders of builds that were killed or interrupted (no build runs while the lock is held)."""
    for leftover in [*target.parent.glob(f".{target.name}.staging-*"), target.with_name(f".{target.name}.previous")]:
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)


def _refuse_foreign(target: Path) -> None:
    if target.is_symlink() or (target.exists() and not (target / MARKER).is_file()):
        raise PublishError(f"{target}: this folder was not made by briefing (it has no {MARKER} file), so the "
                           "build will not replace it; move it away, or set site_dir in mkdocs.yml to a new folder")


@contextmanager
def _disk_errors(target: Path) -> Iterator[None]:
    """A write the system refused, as one message saying what to free or fix."""
    try:
        yield
    except OSError as error:
        raise PublishError(disk_problem(error, target)) from None


def disk_problem(error: OSError, fallback: Path) -> str:
    """What a refused write means for the user, naming the path.

    >>> disk_problem(OSError(28, "No space left on device", "site/a.pdf"), Path("site"))
    'cannot write site/a.pdf: no space left on the device; free some space and build again (nothing was published)'
    """
    where = error.filename or fallback
    remedies = {
        errno.ENOSPC: "no space left on the device; free some space and build again",
        errno.EDQUOT: "the disk quota is used up; free some space and build again",
        errno.EFBIG: "the file is larger than the file-size limit allows (ulimit -f); raise the limit",
        errno.EROFS: "the file system is read-only; build into a writable folder",
        errno.EACCES: "permission denied; make the folder and its parent writable for this user",
        errno.EPERM: "permission denied; make the folder and its parent writable for this user",
    }
    remedy = remedies.get(error.errno or 0, error.strerror or str(error))
    return f"cannot write {where}: {remedy} (nothing was published)"
