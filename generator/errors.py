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


class ExecutorError(BriefingError):
    """The executor named on the command line cannot be used."""


class BrokenTemplateError(BriefingError):
    """A template under templates/ does not parse or fails while rendering; names the template and line."""


class PublishError(BriefingError):
    """The output cannot be published: a foreign folder in the way, another build, a full or read-only disk."""


class RecordsInvalidError(ContentError):
    """Some records do not load, so their translations cannot be judged or confirmed."""

    def __str__(self) -> str:
        return super().__str__() + "\nfix these first (`briefing validate` lists them too)"


class SiteError(BriefingError):
    """The site cannot be built: a broken link in strict mode, a clashing page, a bad theme setting."""


class PdfError(BriefingError):
    """A PDF could not be made: a refused resource, a broken font, or a template WeasyPrint complained about."""


class CatalogError(BriefingError):
    """A template cannot be parsed or a catalog cannot be read or written."""


class CatalogSyntaxError(CatalogError):
    """A catalog that is not valid PO: one message, `path:line: what is wrong (what to do)`, for the first fault.

    Why only the first: after a broken line the parser cannot tell where the next entry starts.
    """

    def __init__(self, path: Path, line: int, message: str, hint: str):
        self.path, self.line, self.message, self.hint = path, line, message, hint
        super().__init__(f"{display_path(path)}:{line}: {message} ({hint})")

    @property
    def problem(self) -> Problem:
        """The same fault as a `Problem`, to list with others (as `validate` does)."""
        return Problem(self.path, self.line, 1, "PO syntax", self.message, self.hint, code="catalog-syntax")


class TranslationFaultsError(CatalogError, ContentError):
    """Translations that would crash formatting or put markup into the outputs; every one is listed."""


class OutputError(BriefingError):
    """Two outputs claim one path, or a path leaves the output folder."""


class VersionsError(BriefingError):
    """`published.yaml` cannot be read, or names what is not published."""
