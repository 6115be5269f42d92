"""The registry of a briefing's export formats: adding a format is one entry here.

Every other place reads this table: the file names (`generator.urls.export_url`),
the files the export family writes, the renditions a ninjs item lists, the
export index, and the downloads a briefing page offers (whose labels are in
`templates/site/briefing.md.j2`). Pure data, so `generator.urls` can read it
without loading any renderer.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExportFormat:
    suffix: str
    """The file name after the briefing's id: `paris-summit-2026-01-06.ninjs.json`."""
    media_type: str
    rendition: bool = True
    """A readable rendition: made by `BriefingExport.<name>()` and listed in the ninjs item's renditions."""
    offered: bool = False
    """The briefing page links to it as a download."""


FORMATS: dict[str, ExportFormat] = {
    "ninjs": ExportFormat("ninjs.json", "application/json", rendition=False, offered=True),
    "fragment": ExportFormat("fragment.html", "text/html", offered=True),
    "markdown": ExportFormat("md", "text/markdown", offered=True),
    "text": ExportFormat("txt", "text/plain", offered=True),
    "page": ExportFormat("html", "text/html"),
    "short": ExportFormat("short.md", "text/markdown"),
}

RENDITIONS = tuple(name for name, export_format in FORMATS.items() if export_format.rendition)
"""The readable renditions, in the order they are made and listed."""
