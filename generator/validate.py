"""Validation as a whole: load, check, and summarise for the `validate` command."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.checks import run_checks
from generator.config import load_config
from generator.errors import Problem
from generator.records.load import RecordSet, load_records


@dataclass(frozen=True)
class ValidationReport:
    records: RecordSet
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def summary(self) -> str:
        return (f"{len(self.records)} records checked: {len(self.errors)} error(s), "
                f"{len(self.warnings)} warning(s)")


def validate_content(project: Path, content_dir: Path | None = None) -> ValidationReport:
    """Load and check all records of the project (or of another content folder with its settings)."""
    config = load_config(project)
    return check_content(content_dir or config.content_dir, config.codes)


def check_content(content_dir: Path, languages: tuple[str, ...]) -> ValidationReport:
    """Load and check all records; problems of the loader and of the checks together."""
    records, problems = load_records(content_dir, languages)
    return ValidationReport(records, sorted(problems + run_checks(records, languages)))
