"""A Datasette plugin: a row page links every foreign key by its label, as Datasette's table pages do.

Why: Datasette 0.65 expands foreign keys into `<a href=…>Label</a>` on table
pages but shows the raw id on a row page (simonw/datasette#1592), so a
statement's own page would name its speaker only as `friedrich-merz`.
Loaded with `datasette … --plugins-dir generator/outputs/exports/datasette_plugins`;
not imported by briefing. The label and the id are escaped, and the link is
Datasette's own row URL with the id tilde-encoded, so no text of the data
becomes markup.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import markupsafe
from datasette import hookimpl
from datasette.app import Datasette
from datasette.utils import escape_sqlite, tilde_encode

LINK = markupsafe.Markup('<a href="{url}">{label}</a>&nbsp;<em>{id}</em>')
"""Datasette's own link of a labelled foreign key (`LINK_WITH_LABEL` in `datasette.views.table`)."""


@hookimpl
def render_cell(value: Any, column: str, table: str | None, database: str,
                datasette: Datasette) -> Callable[[], Awaitable[markupsafe.Markup | None]] | None:
    """A plain value of a foreign-key column becomes a link labelled by the row it names.

    Table pages hand expanded keys over as dicts, and query pages have no
    table; both are left to Datasette.
    """
    if table is None or not isinstance(value, str | int) or value == "":
        return None

    async def link() -> markupsafe.Markup | None:
        db = datasette.get_database(database)
        keys = {key["column"]: key for key in await db.foreign_keys_for_table(table)}
        key = keys.get(column)
        label_column = key and await db.label_column_for_table(key["other_table"])
        if not key or not label_column:
            return None
        found = (await db.execute(
            f"SELECT {escape_sqlite(label_column)} FROM {escape_sqlite(key['other_table'])} "
            f"WHERE {escape_sqlite(key['other_column'])} = ?", [value])).first()
        if found is None or found[0] in (None, ""):
            return None
        url = datasette.urls.row(database, key["other_table"], tilde_encode(str(value)))
        return LINK.format(url=url, label=found[0], id=value)

    return link
