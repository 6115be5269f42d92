"""The stamp of the last complete build, so a rebuild with nothing changed does nothing.

Why it is safe: the stamp holds the hash of every file the build could read
(the project folder but for its outputs and hidden folders, briefing's code,
the installed packages, the PDF libraries, the environment variables
mkdocs.yml reads), the span of time in which the same briefings are released
(embargoes lift), and the size and modification time of every file it
published. A build whose inputs, time span and published files all match
would make the same bytes, so it returns at once; anything else (a file of
the site deleted or touched, another command publishing) builds in full.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from generator.cache import code_fingerprint, digest, project_cache
from generator.config import CONFIG_FILE
from generator.publish import MARKER
from generator.system import pdf_libraries

STAMP_FILE = "last-build.json"
_ENV_LINE = re.compile(r"!ENV\b(.*)")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True)
class BuildStamp:
    inputs: str
    target: str
    published: str
    valid_from: str | None
    valid_until: str | None
    files: int
    warnings: tuple[str, ...] = ()

    def covers(self, now: dt.datetime) -> bool:
        """Whether a build at `now` releases what the stamped build released."""
        after_start = self.valid_from is None or dt.datetime.fromisoformat(self.valid_from) <= now
        before_end = self.valid_until is None or now < dt.datetime.fromisoformat(self.valid_until)
        return after_start and before_end


def published_digest(target: Path) -> str:
    """The hash of the path, size and modification time of every file under the published folder."""
    stats = []
    for folder, _, names in os.walk(target):
        for name in names:
            path = Path(folder) / name
            status = path.stat()
            stats.append(f"{path.relative_to(target).as_posix()} {status.st_size} {status.st_mtime_ns}")
    return digest(*sorted(stats))


def inputs_digest(root: Path, target: Path, draft: bool) -> str:
    """The hash of everything a build of `root` into `target` reads, and how it was asked to build."""
    root = root.resolve()
    config = root / CONFIG_FILE
    files = _project_files(root, target.resolve())
    return digest(code_fingerprint(), pdf_libraries(), str(target.resolve()), f"draft={draft}",
                  *_environment(config),
                  *(part for path in files for part in (path.relative_to(root).as_posix(), path.read_bytes())))


def _project_files(root: Path, target: Path) -> list[Path]:
    """Every file of the project but the published site (and any other folder briefing published, such as the
    draft folder), hidden files and folders (.git, .venv, the staging folder and lock of a build) and bytecode."""
    found = []
    for folder, subfolders, names in os.walk(root):
        here = Path(folder)
        subfolders[:] = sorted(name for name in subfolders
                               if not name.startswith(".") and name != "__pycache__" and here / name != target
                               and not (here / name / MARKER).is_file())
        found += [here / name for name in sorted(names) if not name.startswith(".")]
    return found


def _environment(config: Path) -> list[str]:
    """The environment variables mkdocs.yml reads (`!ENV`), with their values."""
    try:
        text = config.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    names = sorted({name for line in _ENV_LINE.findall(text) for name in _NAME.findall(line)})
    return [f"{name}={os.environ.get(name)}" for name in names]


def last_build(root: Path) -> BuildStamp | None:
    try:
        data = json.loads((project_cache(root) / STAMP_FILE).read_text(encoding="utf-8"))
        return BuildStamp(**{**data, "warnings": tuple(data.get("warnings", ()))})
    except (OSError, ValueError, TypeError):
        return None


def still_current(root: Path, target: Path | None, draft: bool, now: dt.datetime) -> BuildStamp | None:
    """The last build's stamp if building again now would change nothing; None otherwise."""
    stamp = last_build(root)
    if stamp is None or (target is not None and str(target.resolve()) != stamp.target) or not stamp.covers(now):
        return None
    published = Path(stamp.target)
    if inputs_digest(root, published, draft) != stamp.inputs:
        return None  # the usual answer after an edit, found without walking the published site
    try:
        return stamp if published_digest(published) == stamp.published else None
    except OSError:
        return None


def remember(root: Path, stamp: BuildStamp) -> None:
    """Keep the stamp of a build that was published; a cache that cannot be written only costs speed."""
    folder = project_cache(root)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / STAMP_FILE).write_text(json.dumps(asdict(stamp), indent=1), encoding="utf-8")
    except OSError:
        return

