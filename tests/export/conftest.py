"""Fixtures for the export tests: the real project, its exports, and edited copies of it.

Edited copies are whole projects in `tmp_path` (mkdocs.yml, templates/,
locales/ and content/), changed record by record and with their
translations confirmed, so they load with the strict (publishing) build
exactly like the repository does.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema
import pytest
import yaml
from referencing import Registry, Resource

from generator.config import load_config
from generator.i18n.status import confirm
from generator.outputs.exports.files import export_files
from generator.project import Project, load_project
from generator.records.load import load_records

from ..conftest import copy_project as copy_of
from ..conftest import paris_project

ROOT = paris_project()
"""The Paris story, frozen (tests/fixtures/paris-story): what these tests check exactly."""
SCHEMAS = Path(__file__).parent / "schemas"
BRIEFING = "paris-summit-2026-01-06"
NOW = dt.datetime(2026, 2, 1, tzinfo=dt.UTC)
"""A moment after everything in the frozen Paris story was published."""

Edit = Callable[[dict[str, Any]], None]
MakeProject = Callable[..., Project]


@pytest.fixture(scope="session")
def project() -> Project:
    """The repository's project, loaded strictly."""
    return load_project(ROOT)


@pytest.fixture(scope="session")
def exports(project: Project) -> dict[str, str | bytes]:
    """Every export file of the repository's content at `NOW`."""
    return export_files(project, NOW)


def copy_project(target: Path) -> Path:
    """The Paris project, without built output, under `target`."""
    return copy_of(ROOT, target)


def edit_record(root: Path, relative: str, edit: Edit) -> None:
    """Change one record file through a function on its data (the YAML is rewritten)."""
    path = root / "content" / relative
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def add_briefing(root: Path, briefing_id: str, title: dict[str, str], **fields: Any) -> None:
    """A second briefing: the Paris one under another id and title, with `fields` replaced."""
    source = root / "content" / "briefings" / f"{BRIEFING}.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data.update(title=title, **fields)
    (root / "content" / "briefings" / f"{briefing_id}.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def confirm_all(root: Path) -> None:
    """Mark every present translation as checked, as a translator would after reviewing the edits."""
    project_config = load_config(root)
    records, problems = load_records(project_config.content_dir, project_config.codes)
    assert not [p for p in problems if p.severity == "error"], problems
    confirm(records, project_config)


@pytest.fixture
def make_project(tmp_path: Path) -> MakeProject:
    """Build an edited copy of the project: `make_project(edits={path: edit}, briefings={id: fields})`."""

    def make(edits: dict[str, Edit] | None = None, briefings: dict[str, dict[str, Any]] | None = None,
             name: str = "project") -> Project:
        root = copy_project(tmp_path / name)
        for relative, edit in (edits or {}).items():
            edit_record(root, relative, edit)
        for briefing_id, fields in (briefings or {}).items():
            add_briefing(root, briefing_id, **fields)
        confirm_all(root)
        return load_project(root)

    return make


def moment(iso: str, zone: str = "Europe/Berlin") -> dict[str, str]:
    """A `DateTimeValue` as YAML data."""
    return {"datetime": iso, "zone": zone}


@pytest.fixture(scope="session")
def ninjs_validator() -> jsonschema.Draft202012Validator:
    """IPTC's ninjs 3.1 schema with the GeoJSON schema registered locally: validation never fetches."""
    ninjs = json.loads((SCHEMAS / "ninjs-schema_3.1.json").read_text(encoding="utf-8"))
    geojson = json.loads((SCHEMAS / "GeoJSON-schema.json").read_text(encoding="utf-8"))
    registry = Registry().with_resource("https://geojson.org/schema/GeoJSON.json", Resource.from_contents(geojson))
    validator_class = jsonschema.validators.validator_for(ninjs)
    validator_class.check_schema(ninjs)
    return validator_class(ninjs, registry=registry, format_checker=format_checker())


def format_checker() -> jsonschema.FormatChecker:
    """`date-time` (RFC 3339) and `uri` (absolute, RFC 3986) checked with the standard library.

    Why our own: jsonschema checks these formats only when optional packages
    are installed, and would otherwise pass any string silently.
    """
    checker = jsonschema.FormatChecker(formats=())
    rfc3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")

    @checker.checks("date-time", raises=ValueError)
    def date_time(value: object) -> bool:
        if not isinstance(value, str):
            return True
        if not rfc3339.match(value):
            raise ValueError(f"{value!r} is not RFC 3339")
        dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        return True

    @checker.checks("uri")
    def uri(value: object) -> bool:
        if not isinstance(value, str):
            return True
        parts = urlsplit(value)
        return bool(parts.scheme) and (bool(parts.netloc) or bool(parts.path)) and " " not in value

    return checker
