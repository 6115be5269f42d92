"""The one writer: every output file passes through here.

It refuses a second write to the same path and any path that would leave
the output folder, and writes in sorted order. Publishing a whole build
atomically is `generator.publish`'s.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath

from generator.errors import OutputError


class OutputTree:
    """Files of one build, collected in memory until written."""

    def __init__(self) -> None:
        self._files: dict[PurePosixPath, bytes] = {}

    def add(self, path: str, content: str | bytes) -> None:
        """Queue `content` at `path` (relative, POSIX); refuse duplicates and escapes."""
        relative = PurePosixPath(path)
        if relative.is_absolute() or ".." in relative.parts or not relative.parts:
            raise OutputError(f"output path {path!r} leaves the output folder")
        if relative in self._files:
            raise OutputError(f"two outputs write {path}")
        self._files[relative] = content.encode("utf-8") if isinstance(content, str) else content

    def update(self, files: dict[str, str | bytes]) -> None:
        for path, content in files.items():
            self.add(path, content)

    def __contains__(self, path: str) -> bool:
        return PurePosixPath(path) in self._files

    def __len__(self) -> int:
        return len(self._files)

    def content(self, path: str) -> bytes:
        return self._files[PurePosixPath(path)]

    def paths(self) -> list[str]:
        return sorted(str(path) for path in self._files)

    def write(self, root: Path, *, unchanged_from: Path | None = None) -> list[Path]:
        """Write every file under `root` in sorted order; return the paths written.

        A file whose bytes `unchanged_from` (the published site) already holds at the same path is hard-linked
        from there instead (`link_unchanged`).
        """
        root = root.resolve()
        folders: set[PurePosixPath] = set()
        written = []
        for relative in sorted(self._files):
            if relative.parent not in folders:  # each folder made and checked once: a file system call costs
                folder = (root / relative.parent).resolve()
                if folder != root and root not in folder.parents:
                    raise OutputError(f"output path {relative} leaves {root}")
                folder.mkdir(parents=True, exist_ok=True)
                folders.add(relative.parent)
            target = root / relative
            target.unlink(missing_ok=True)  # a new file, never a write into one hard-linked from the published site
            data = self._files[relative]
            if unchanged_from is None or not link_unchanged(unchanged_from / relative, target, data):
                target.write_bytes(data)
            written.append(target)
        return written


def link_unchanged(published: Path, target: Path, data: bytes) -> bool:
    """Hard-link the published file at `target` if it holds exactly `data`; whether it did.

    Why: on the disks this project runs on, writing a file costs fifty times
    reading one, and most files of a rebuild are bytes already published.
    Sharing them is safe because nothing writes into a file: every writer
    here and MkDocs write new files into a fresh staging folder. Anything but
    a regular file, or a file system without hard links, gets a written copy.
    """
    try:
        if not stat.S_ISREG(os.lstat(published).st_mode) or published.read_bytes() != data:
            return False
        os.link(published, target, follow_symlinks=False)
    except OSError:
        return False
    return True


def write_if_changed(path: Path, data: bytes) -> bool:
    """Replace `path` atomically, only when its bytes differ; say whether it changed.

    For source files the tools maintain (catalogs, confirmations): an
    unchanged run leaves them, and their timestamps, alone.
    """
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(data)
    temporary.replace(path)
    return True
