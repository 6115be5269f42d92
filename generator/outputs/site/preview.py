"""The live preview (`briefing serve`): PDFs and exports made in the background, reloads, errors shown as a page.

Why in the background: a rebuild waited for every PDF (seconds each) and
the exports before the browser could reload. Here the pages are served as
soon as MkDocs wrote them; the PDFs of that build print in a pool kept for
the whole preview, the exports are made beside them,
those unchanged come from the cache at once, and they are written into the
served folder only while their build is still the latest. A failure is
logged and the preview goes on.

Why an error page: a build that fails leaves MkDocs' server waiting, so the
browser seemed to hang. A broken edit instead builds a site whose every
address answers with the error, and the page reloads itself once the edit
is fixed.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import threading
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from watchdog.events import (
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import ObservedWatch

from generator.errors import BriefingError
from generator.executors import executor_for

log = logging.getLogger("briefing.preview")
"""Outside MkDocs' loggers (in strict mode MkDocs fails a build that logged an error, and these must not);
shown by `briefing serve` beside MkDocs' messages, so not passed on to the build's warning log."""
log.propagate = False


class BackgroundPrinting:
    """One pool for the preview's lifetime, and which build's files may still be written."""

    def __init__(self) -> None:
        self._resources = ExitStack()
        self.executor = self._resources.enter_context(executor_for(background=True))
        self._lock = threading.Lock()
        self._latest = 0
        self._closed = False

    def new_build(self) -> None:
        """A rebuild started: what earlier builds are still printing is no longer wanted."""
        with self._lock:
            self._latest += 1

    def print_into(self, site_dir: Path, project: Any, now: dt.datetime, families: tuple[str, ...]) -> None:
        """Print the families' files for the current build and write them into `site_dir` when done."""
        with self._lock:
            build = self._latest
        threading.Thread(target=self._print, args=(build, site_dir, project, now, families), daemon=True).start()

    def _print(self, build: int, site_dir: Path, project: Any, now: dt.datetime, families: tuple[str, ...]) -> None:
        from generator.outputs.families import family_files

        try:
            tree = family_files(project, families, now, self.executor)
        except BriefingError as error:
            log.error(f"the preview's {' and '.join(families)} files were not made: {error}")
            return
        except Exception as error:  # a thread of its own: say why in one line, and the preview goes on
            if not self._closed:
                log.error(f"the preview's {' and '.join(families)} files were not made: "
                          f"internal error {type(error).__name__}: {error}")
            return
        with self._lock:
            if build == self._latest:
                tree.write(site_dir)
                log.info(f"{len(tree)} files written: {', '.join(families)}")

    def close(self) -> None:
        """Stop the pool; what is still printing is dropped (the preview is ending)."""
        self._closed = True
        self._resources.close()


def watch_by_notification(server: Any, watched: list[str]) -> None:
    """Hear of changes from the system (inotify on Linux) instead of MkDocs' look at every file twice a second.

    Why: that look came a quarter of a second after an edit on average, and
    it rereads every watched folder even when nothing changes. Only changes
    count: the system also reports each file a build opens and reads, which
    would start the next build, for ever. `watched` are the paths MkDocs'
    `serve` watched before the plugin's `on_serve`; they move over.
    """
    for path in watched:
        server.unwatch(path)
    server.observer = _ChangesObserver()
    for path in watched:
        server.watch(path)


class _ChangesObserver(Observer):  # type: ignore[misc,valid-type]
    """The system's observer, reporting files created, written, deleted or moved, never files only read."""

    def schedule(self, event_handler: FileSystemEventHandler, path: str | Path, *, recursive: bool = False,
                 event_filter: list[type[FileSystemEvent]] | None = None,
                 follow_symlink: bool = False) -> ObservedWatch:
        return super().schedule(event_handler, path, recursive=recursive, event_filter=event_filter or CHANGES,
                                follow_symlink=follow_symlink)


CHANGES: list[type[FileSystemEvent]] = [FileCreatedEvent, FileModifiedEvent, FileDeletedEvent, FileMovedEvent]


RELOAD_SCRIPT = "assets/javascripts/preview-reload.js"
"""Where the preview's reload script is served."""
RELOAD_SOURCE = Path(__file__).with_name("preview-reload.js")
ERROR_PAGES = ("index.html", "404.html")
"""The error page is the front page and the answer to every other address."""


def error_page(message: str, mount: str) -> str:
    """The page every address of a broken preview answers with: the error, as text, a problem per line.

    Not `<pre>`: a long line would run off the page, and the policy allows no style to wrap it.
    """
    problems = "".join(f"<li><code>{html.escape(line)}</code></li>\n" for line in message.splitlines() if line)
    policy = "default-src 'none'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'"
    return (f'<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
            "<title>The preview could not be built</title>\n</head>\n<body>\n"
            "<h1>The preview could not be built</h1>\n"
            f"<ul>\n{problems}</ul>\n"
            "<p>Fix what is named above; this page reloads when the build succeeds.</p>\n"
            f'<script src="{html.escape(mount + RELOAD_SCRIPT)}"></script>\n</body>\n</html>\n')
