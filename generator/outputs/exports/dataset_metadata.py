"""The Datasette metadata shipped beside the facts database: what it is, whose, under which licence, each column.

Why a file of its own: Datasette reads titles, descriptions, licence,
source, labels and full-text settings from `--metadata`, not from the
database, so `datasette facts.sqlite --metadata facts.metadata.json` shows
an analyst what every table and column means and links every id by name.
Everything comes from the table descriptions (`dataset_schema`) and the
project's configuration (site name and address, rights), so the same
content gives the same bytes. Datasette escapes every value it shows, and
no `*_html` key is written, so no configured text becomes markup.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

from generator.config import ProjectConfig
from generator.outputs.exports.dataset_schema import TABLES, Table
from generator.outputs.safejson import dumps
from generator.urls import DATASET_FORMATS

PLUGINS = Path(__file__).parent / "datasette_plugins"
"""Datasette's `--plugins-dir` for the facts database: row pages link foreign keys by label as table pages do."""
DATABASE = PurePosixPath(DATASET_FORMATS["sqlite"]).stem
"""The name Datasette gives the database: its file name without the suffix (`facts`)."""


def facts_metadata(config: ProjectConfig) -> str:
    """Datasette's metadata for the facts database, as JSON text."""
    rights = config.rights
    languages = ", ".join(language.name for language in config.languages.values())
    document: dict[str, Any] = {
        "title": f"{config.site_name}: facts",
        "description": (f"Every fact and statement of the briefings {rights.publisher} has released, each text in "
                        f"every language of the briefings ({languages}), typed values raw and formatted, who and "
                        "what each involves, its sources and briefings. Ids link to the rows they name; search "
                        "finds texts, names and titles in their own language, with or without accents."),
        "license": rights.licence,
        **({"license_url": rights.licence_url} if rights.licence_url else {}),
        "source": rights.publisher,
        "source_url": config.site_url,
        "databases": {DATABASE: {"tables": {described.name: _table(described) for described in TABLES}}},
    }
    return dumps(document, indent=2) + "\n"


def _table(described: Table) -> dict[str, Any]:
    entry: dict[str, Any] = {"description": described.description}
    if described.label:
        entry["label_column"] = described.label
    if described.fts:
        entry.update(fts_table=described.fts, fts_pk="rowid")
    entry["columns"] = {column.name: column.description for column in described.columns}
    return entry
