"""What a running command tells its user: the stages of a build, and its warnings, each once.

Why logging for warnings: the stages that find them (loading, WeasyPrint's
advisories while a PDF is set, MkDocs) know nothing of the terminal. They log
to the `briefing` logger; the command installs a `WarningLog` that prints
each distinct message once and counts them, so an advisory raised for every
font of every PDF reads as one line.

Why a stage log: a build of thousands of briefings runs for minutes. On a
terminal the current stage shows as a live status line (rich); in CI or a
pipe every stage prints one plain line when it ends, with its count and time.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console

LOGGER_NAME = "briefing"
"""The logger every stage reports its warnings to."""


class WarningLog(logging.Handler):
    """Shows each distinct warning of the `briefing` logger once and counts them."""

    def __init__(self, show: Callable[[str], None]):
        super().__init__(logging.WARNING)
        self.show = show
        self.seen: dict[str, None] = {}

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message not in self.seen:
            self.seen[message] = None
            self.show(message)

    @property
    def count(self) -> int:
        return len(self.seen)


@contextmanager
def warning_log(show: Callable[[str], None]) -> Iterator[WarningLog]:
    """Collect the `briefing` logger's warnings for the duration of one command."""
    logger = logging.getLogger(LOGGER_NAME)
    handler = WarningLog(show)
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


class StageLog:
    """The stages of a build as they run; silent unless given a console."""

    def __init__(self, console: Console | None = None):
        self.console = console

    @contextmanager
    def stage(self, name: str, unit: str = "files") -> Iterator[Callable[[int], None]]:
        """Run one stage; the block calls the yielded function with the number of things it made."""
        counted = [0]

        def count(number: int) -> None:
            counted[0] = number

        if self.console is None:
            yield count
            return
        start = time.perf_counter()
        if self.console.is_terminal:
            with self.console.status(f"{name}…"):
                yield count
        else:
            yield count
        self.console.print(f"{name}: {counted[0]} {unit} in {time.perf_counter() - start:.1f} s",
                           markup=False, highlight=False)


QUIET = StageLog()
"""The stage log of library calls and tests: says nothing."""
