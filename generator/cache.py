"""What earlier builds made, kept so a rebuild makes only what changed.

Why content addressing: an output is stored under the hash of everything it
is made from (its job's inputs, the code and the installed libraries that
run it), so a changed input can never be answered with stale bytes, and no
bookkeeping of which record feeds which file is needed to stay correct.

Why outside the project: a cached file goes out as published output, so it
must not arrive through a pull request. The cache lives in the user's cache
folder (`$BRIEFING_CACHE_DIR`, else `$XDG_CACHE_HOME/briefing`, else
`~/.cache/briefing`), one folder per project path. Deleting it is always
safe: the next build makes everything again.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import generator

ENVIRONMENT_VARIABLE = "BRIEFING_CACHE_DIR"


def cache_root() -> Path:
    """The folder holding every project's cache."""
    configured = os.environ.get(ENVIRONMENT_VARIABLE)
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "briefing"


def project_cache(root: Path) -> Path:
    """The cache folder of the project at `root` (one per project path)."""
    resolved = root.resolve()
    return cache_root() / f"{resolved.name}-{digest(str(resolved))[:16]}"


def digest(*parts: str | bytes) -> str:
    """The sha256 of the parts, each length-prefixed so no two lists of parts collide."""
    hashed = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hashed.update(len(data).to_bytes(8, "big"))
        hashed.update(data)
    return hashed.hexdigest()


def tree_digest(folder: Path) -> str:
    """The hash of every file under `folder`: relative paths and contents (an absent folder hashes as empty)."""
    files = sorted(path for path in folder.rglob("*") if path.is_file()) if folder.is_dir() else []
    return digest(*(part for path in files for part in (path.relative_to(folder).as_posix(), path.read_bytes())))


@functools.cache
def code_fingerprint() -> str:
    """The hash of briefing's own code and of every installed package's name and version.

    Why every package: the locked versions of Jinja, Babel, MkDocs, Material
    and WeasyPrint all shape the bytes. They are read from the names of the
    `NAME-VERSION.dist-info` folders on `sys.path`, which the installer
    writes from the metadata: parsing every package's METADATA took a
    quarter of a second, half of a rebuild that finds nothing changed.
    """
    package = Path(generator.__file__).parent
    sources = sorted(path for path in package.rglob("*") if path.suffix in (".py", ".js"))
    return digest(*(path.read_bytes() for path in sources), *installed_packages())


def installed_packages() -> list[str]:
    """`NAME-VERSION` of every installed distribution, once each (a project folder on `sys.path` repeats ours)."""
    found: set[str] = set()
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        found.update(name.rsplit(".", 1)[0] for name in names if name.endswith((".dist-info", ".egg-info")))
    return sorted(found)


def compiled_templates(root: Path) -> Path | None:
    """Where Jinja keeps the project's compiled templates for this version of the code; None if not writable.

    Jinja checks each template's source against its compiled copy itself;
    the folder is per code version because the compiler and our settings
    shape the compiled code too. Folders of other versions are removed.
    """
    folder = project_cache(root) / "jinja" / code_fingerprint()[:16]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for other in folder.parent.iterdir():
            if other != folder:
                shutil.rmtree(other, ignore_errors=True)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK) else None


@dataclass(frozen=True)
class Entry:
    """One cached output and the notes (advisories) that came with it."""

    data: bytes
    notes: tuple[str, ...] = ()


class RenderCache:
    """Outputs of one family by key; entries not used by the latest complete run are dropped by `keep_only`.

    An entry is one file: a line with its notes (JSON), then its bytes. Why one:
    a rebuild looks up every page and document, and on this project's disks
    opening a file costs more than reading it.
    """

    def __init__(self, folder: Path):
        self.folder = folder

    @classmethod
    def of_project(cls, root: Path, family: str) -> RenderCache:
        return cls(project_cache(root) / family)

    def get(self, key: str) -> Entry | None:
        try:
            notes, data = (self.folder / key).read_bytes().split(b"\n", 1)
            return Entry(data, tuple(json.loads(notes)))
        except (OSError, ValueError):
            return None

    def put(self, key: str, entry: Entry) -> None:
        """Store an entry; a cache that cannot be written only costs speed, never the build."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomically(self.folder / key, json.dumps(list(entry.notes)).encode("utf-8") + b"\n" + entry.data)
        except OSError:
            return

    def keep_only(self, keys: Iterable[str]) -> None:
        """Drop every entry but `keys`, so the cache holds one build's worth, not every build's."""
        kept = set(keys)
        if not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.name not in kept:
                path.unlink(missing_ok=True)


def write_atomically(path: Path, data: bytes) -> None:
    """Write beside the path and rename, so a killed build never leaves half an entry."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".partial-")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
