"""A loaded, checked project: the stages before rendering, done once and shared by every output.

`load_project` runs load → validate → resolve and refuses the build on any
error, so no output ever starts from content with problems. A draft build
lets missing and stale translations through as warnings; outputs mark them.
"""

from __future__ import annotations

import datetime as dt
import gettext
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from jinja2 import Environment

from generator.cache import compiled_templates
from generator.config import ProjectConfig, load_config
from generator.errors import ContentError, Problem
from generator.graph import FactGraph, resolve
from generator.i18n.catalogs import load_translations
from generator.i18n.status import TranslationStatus, translation_status
from generator.localize import Localizer
from generator.public import Public, public_at
from generator.render import make_environment
from generator.validate import check_content
from generator.views import BriefingView

TRANSLATION_CODES = {"missing-translation", "stale-translation", "missing-template-translation"}


@dataclass
class Project:
    """Configuration, the fact graph, translation status and the one Jinja environment."""

    config: ProjectConfig
    graph: FactGraph
    status: TranslationStatus
    draft: bool
    warnings: list[Problem] = field(default_factory=list)
    _public: dict[tuple[dt.datetime, bool], Public] = field(default_factory=dict, repr=False)
    _localizers: dict[str, Localizer] = field(default_factory=dict, repr=False)

    @cached_property
    def env(self) -> Environment:
        return make_environment(self.config.templates_dir, compiled_templates(self.config.root))

    @cached_property
    def _translations(self) -> dict[str, gettext.NullTranslations]:
        return {code: load_translations(self.config, code) for code in self.config.codes}

    def translations(self, language: str) -> gettext.NullTranslations:
        return self._translations[language]

    def localizer(self, language: str) -> Localizer:
        """One per language for the project's life: the site, the PDFs and the exports share its views."""
        if language not in self._localizers:
            stale = (lambda record_id, path, code: self.status.flag(record_id, path, code)) if self.draft else None
            self._localizers[language] = Localizer(self.graph, self.config, language,
                                                   self.translations(language).gettext, stale)
        return self._localizers[language]

    def public(self, now: dt.datetime, *, preview: bool = False) -> Public:
        """What every output may show at `now`: decided once per moment, read by every family."""
        key = (now, preview)
        if key not in self._public:
            self._public[key] = public_at(self, now, preview=preview)
        return self._public[key]

    def briefing(self, briefing_id: str, language: str) -> BriefingView:
        return self.localizer(language).briefing(briefing_id)


def load_project(root: Path, *, draft: bool = False) -> Project:
    """Load, check and resolve the project at `root`; raise `ContentError` listing every error."""
    config = load_config(root)
    report = check_content(config)
    records, problems = report.records, list(report.problems)
    status = translation_status(records, config)
    problems += [p for p in status.problems() if p.code != "missing-translation"]  # the checks report those
    problems = sorted(set(problems))
    if draft:
        problems = [_as_warning(p) if p.code in TRANSLATION_CODES else p for p in problems]
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise ContentError(errors)
    return Project(config, resolve(records), status, draft, [p for p in problems if p.severity == "warning"])


def _as_warning(problem: Problem) -> Problem:
    return Problem(problem.path, problem.line, problem.column, problem.field, problem.message, problem.hint,
                   "warning", problem.code)
