"""The one writer: every output file passes through here.

It refuses a second write to the same path and any path that would leave
the output folder, and writes in sorted order. Publishing a whole build
atomically is `generator.publish`'s.
"""

from __future__ import annotations

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

    def write(self, root: Path) -> list[Path]:
        """Write every file under `root` in sorted order; return the paths written."""
        root = root.resolve()
        written = []
        for relative in sorted(self._files):
            target = (root / relative).resolve()
            if root not in target.parents:
                raise OutputError(f"output path {relative} leaves {root}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.unlink(missing_ok=True)  # a new file, never a write into one hard-linked from the published site
            target.write_bytes(self._files[relative])
            written.append(target)
        return written


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
