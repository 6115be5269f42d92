"""JSON Schemas for the record kinds, so editors offer completion and checks.

Each content file names its schema in a first-line comment that the YAML
language server (VS Code, JetBrains, Neovim) reads:
`# yaml-language-server: $schema=../../schemas/people.schema.json`.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.records import KINDS

SCHEMA_DIR = "schemas"


def schema_for(kind: str) -> dict:
    """The JSON Schema of one record kind, titled for editors."""
    schema = KINDS[kind].model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"{kind}.schema.json"
    return schema


def render_schemas() -> dict[str, str]:
    """File name → JSON text for every kind, stable so the committed files can be compared."""
    return {f"{kind}.schema.json": json.dumps(schema_for(kind), indent=2, ensure_ascii=False) + "\n"
            for kind in KINDS}


def modeline(kind: str) -> str:
    """The comment that ties a content file to its schema."""
    return f"# yaml-language-server: $schema=../../{SCHEMA_DIR}/{kind}.schema.json"


def write_schemas(root: Path) -> list[Path]:
    """Write every schema under `<root>/schemas/`; return the paths written."""
    folder = root / SCHEMA_DIR
    folder.mkdir(exist_ok=True)
    written = []
    for name, text in render_schemas().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
