"""Every error a user can cause, kept apart from internal bugs.

A `BriefingError` is the user's to fix: the CLI prints it without a traceback
and exits with its `exit_code`. Anything else escaping is a bug in briefing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, pinned to where the user can fix it."""

    path: Path
    line: int | None
    column: int | None
    field: str
    message: str
    hint: str = ""
    severity: Severity = "error"
    code: str = "invalid"

    def __str__(self) -> str:
        where = display_path(self.path)
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        text = f"{where}: {self.field or '(record)'}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        if self.severity == "warning":
            text = text.replace(": ", ": warning: ", 1)
        return text


def display_path(path: Path) -> str:
    """Show paths relative to the working directory when that is shorter."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


class BriefingError(Exception):
    """An error in the user's input or setup; shown without a traceback."""

    exit_code = 1


class ContentError(BriefingError):
    """The content has problems; all of them are listed, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class ConfigError(BriefingError):
    """The project configuration (mkdocs.yml) is missing or wrong."""

    exit_code = 2


class SetupError(BriefingError):
    """The machine lacks something outside the project: a system library or program."""

    exit_code = 3
