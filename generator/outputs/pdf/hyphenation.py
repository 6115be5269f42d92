"""WeasyPrint's hyphenation dictionaries, parsed once per machine instead of once per process.

Why: `hyphens: auto` makes WeasyPrint ask Pyphen for the patterns of each
language a document uses, and Pyphen parses a language's patterns file the
first time a process needs it: 0.3 to 0.7 s for German (`de-DE` and a bare
`de` are two files), 0.2 s for English. Every build starts new PDF workers,
so each worker paid that again, about as much as printing a briefing. The
parsed patterns are kept as JSON in the cache folder (`generator.cache`),
read back in a tenth of the time; the fork server loads every dictionary
kept there before it forks the workers (`warm`), so a worker pays nothing.

A kept file that cannot be read as patterns is ignored (the dictionary is
parsed again), so a damaged cache costs speed, never a wrong hyphen: the
file's name holds the Pyphen version and the dictionary file's size and
modification time, so an upgraded dictionary is never answered with old
patterns.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyphen

from generator.cache import cache_root, digest, write_atomically

FOLDER = "hyphenation"


class KeptDictionaries(dict):
    """Pyphen's dictionary cache (`pyphen.hdcache`, by patterns file), backed by the JSON files in `folder`.

    Pyphen asks `path in hdcache` before parsing and stores what it parsed
    with `hdcache[path] = ...`: the first reads a kept file, the second keeps one.
    """

    def __init__(self, folder: Path):
        super().__init__()
        self.folder = folder

    def __contains__(self, path: object) -> bool:
        if super().__contains__(path):
            return True
        if not isinstance(path, Path):
            return False
        kept = _read(self._file(path))
        if kept is None:
            return False
        super().__setitem__(path, kept)
        return True

    def __setitem__(self, path: Path, dictionary: pyphen.HyphDict) -> None:
        super().__setitem__(path, dictionary)
        data = _patterns_json(dictionary)
        if data is not None:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                write_atomically(self._file(path), data)
            except OSError:
                return

    def _file(self, path: Path) -> Path:
        try:
            stat = path.stat()
        except OSError:
            return self.folder / "missing"
        key = digest(pyphen.__version__, str(path), str(stat.st_size), str(stat.st_mtime_ns))[:24]
        return self.folder / f"{path.stem}-{key}.json"

    def warm(self) -> None:
        """Load every dictionary kept so far, so that processes forked from this one find them loaded."""
        for path in set(pyphen.LANGUAGES.values()):
            path in self  # noqa: B015 -- the lookup loads a kept one; a file not kept is not read


def install() -> KeptDictionaries:
    """Make Pyphen keep and find its parsed dictionaries in this machine's cache folder."""
    if not isinstance(pyphen.hdcache, KeptDictionaries):
        pyphen.hdcache = KeptDictionaries(cache_root() / FOLDER)
    return pyphen.hdcache


def _patterns_json(dictionary: pyphen.HyphDict) -> bytes | None:
    """The patterns as JSON; None for a dictionary with nonstandard hyphenation (values that are not plain numbers)."""
    patterns = dictionary.patterns
    if not all(type(value) is int for _, values in patterns.values() for value in values):
        return None
    return json.dumps({"maxlen": dictionary.maxlen, "patterns": patterns}, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


def _read(file: Path) -> pyphen.HyphDict | None:
    """A kept dictionary, or None when there is none or it is not one."""
    try:
        kept = json.loads(file.read_bytes())
        patterns = {tags: (start, tuple(values)) for tags, (start, values) in kept["patterns"].items()}
        maxlen = int(kept["maxlen"])
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None
    if not patterns or not all(isinstance(tags, str) for tags in patterns):
        return None
    dictionary = pyphen.HyphDict.__new__(pyphen.HyphDict)
    dictionary.patterns, dictionary.cache, dictionary.maxlen = patterns, {}, maxlen
    return dictionary

