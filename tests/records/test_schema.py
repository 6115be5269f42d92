"""The committed JSON Schemas are current, and every content file names its schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from generator.records import KINDS
from generator.schema import SCHEMA_DIR, modeline, render_schemas, schema_for
from generator.yaml_reader import read_yaml

ROOT = Path(__file__).resolve().parents[2]
CONTENT_FILES = sorted((ROOT / "content").glob("*/*.yaml"))


def test_schemas_are_current() -> None:
    """If this fails, run `briefing schema` and commit schemas/."""
    committed = {path.name: path.read_text(encoding="utf-8") for path in (ROOT / SCHEMA_DIR).glob("*.schema.json")}
    assert committed == render_schemas()


def test_one_schema_per_kind() -> None:
    assert sorted(render_schemas()) == sorted(f"{kind}.schema.json" for kind in KINDS)


@pytest.mark.parametrize("kind", list(KINDS))
def test_schema_is_titled_and_strict(kind: str) -> None:
    schema = schema_for(kind)
    assert schema["$id"] == f"{kind}.schema.json"
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["additionalProperties"] is False
    assert json.loads(render_schemas()[f"{kind}.schema.json"]) == schema


def test_there_is_content() -> None:
    assert len(CONTENT_FILES) > 40


@pytest.mark.parametrize("path", CONTENT_FILES, ids=lambda p: p.relative_to(ROOT / "content").as_posix())
def test_content_file_starts_with_its_modeline(path: Path) -> None:
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == modeline(path.parent.name)


def test_modeline_points_at_the_schema_file() -> None:
    line = modeline("people")
    assert line == "# yaml-language-server: $schema=../../schemas/people.schema.json"
    target = (ROOT / "content" / "people" / line.split("=", 1)[1]).resolve()
    assert target == ROOT / "schemas" / "people.schema.json"
    assert target.is_file()


@pytest.mark.parametrize("path", CONTENT_FILES, ids=lambda p: p.relative_to(ROOT / "content").as_posix())
def test_content_passes_its_schema(path: Path) -> None:
    """What the loader accepts, an editor using the schema accepts too."""
    document, problems = read_yaml(path)
    assert problems == [] and document is not None
    validator = Draft202012Validator(schema_for(path.parent.name))
    assert [error.message for error in validator.iter_errors(document.data)] == []


@pytest.mark.parametrize(("kind", "data"), [
    ("topics", {"label": {"de": "a"}, "question": {"de": "b"}, "colour": "red"}),
    ("topics", {"label": {"de": "a"}}),
    ("facts", {"kind": "figure", "text": {"de": "a"}, "sources": []}),
    ("facts", {"kind": "rumour", "text": {"de": "a"}, "sources": ["s"]}),
    ("places", {"kind": "city", "name": {"de": {"full": "P"}}, "within": "Not_A_Slug"}),
])
def test_schema_flags_what_the_loader_refuses(kind: str, data: dict[str, object]) -> None:
    assert list(Draft202012Validator(schema_for(kind)).iter_errors(data))


def _fact_with(value: object) -> dict[str, object]:
    return {"kind": "figure", "text": {"de": "{x}", "en": "{x}"}, "sources": ["s"], "values": {"x": value}}


@pytest.mark.parametrize("value", [
    {"money": 100000000000, "to": 999000000000}, {"money": 90000000000, "currency": "EUR", "qualifier": "about"},
    {"count": "thousands"}, {"count": 4000, "qualifier": "more-than"}, {"count": 100, "to": 200},
    {"quantity": 5, "to": 10, "unit": "length-kilometer", "qualifier": None},
])
def test_schema_accepts_amounts_as_exact_as_their_source(value: object) -> None:
    assert list(Draft202012Validator(schema_for("facts")).iter_errors(_fact_with(value))) == []


@pytest.mark.parametrize("value", [{"count": "lots"}, {"money": 5, "qualifier": "roughly"}, {"count": 1.5},
                                   {"money": 5, "upto": 7}])
def test_schema_flags_amounts_the_loader_refuses(value: object) -> None:
    assert list(Draft202012Validator(schema_for("facts")).iter_errors(_fact_with(value)))
