"""Validation as a whole: load, check records and catalogs, and summarise for the `validate` command."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.checks import run_checks
from generator.config import ProjectConfig, load_config
from generator.errors import Problem
from generator.i18n.catalogs import check_catalogs
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
    return check_content(load_config(project), content_dir)


def check_content(config: ProjectConfig, content_dir: Path | None = None) -> ValidationReport:
    """Load and check all records and the catalogs: the loader's, the checks' and the catalogs' problems together."""
    records, problems = load_records(content_dir or config.content_dir, config.codes, config.limits)
    problems += run_checks(records, config.codes, config.languages)
    problems += check_catalogs(config)
    return ValidationReport(records, sorted(problems))
