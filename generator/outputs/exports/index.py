"""The index of one language's exports: what a partner's system polls, and a page for people.

Why both: an ingest job reads `index.json` to find new versions (it lists
each briefing's version, status and update time with the URL of every
file), while a partner's editor opens `index.html` to pick a format.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.outputs.exports.formats import FORMATS
from generator.outputs.safejson import dumps
from generator.project import Project
from generator.render import render_template
from generator.urls import DATASET_FORMATS, absolute_url, dataset_url, export_url, feed_url


@dataclass(frozen=True)
class IndexEntry:
    """One briefing's line in the index, taken from its ninjs item."""

    id: str
    headline: str
    version: str
    pub_status: str
    first_created: str
    version_created: str
    embargoed_until: str | None
    canonical: str
    files: dict[str, str]


def index_entry(project: Project, language: str, item: dict[str, Any]) -> IndexEntry:
    """The index line of a briefing from the ninjs item built for it."""
    briefing_id = item["slugline"]
    site = project.config.site_url
    return IndexEntry(
        id=briefing_id,
        headline=item["headlines"][0]["value"],
        version=item["version"],
        pub_status=item["pubStatus"],
        first_created=item["firstCreated"],
        version_created=item["versionCreated"],
        embargoed_until=item.get("embargoedUntil"),
        canonical=item["uri"],
        files={name: absolute_url(site, export_url(language, briefing_id, name)) for name in FORMATS},
    )


def _links(project: Project, language: str) -> dict[str, Any]:
    site = project.config.site_url
    return {
        "feed": absolute_url(site, feed_url(language)),
        "dataset": {name: absolute_url(site, dataset_url(name)) for name in DATASET_FORMATS},
    }


def index_json(project: Project, language: str, entries: list[IndexEntry]) -> str:
    """The machine-readable index: rights, feed, dataset and every released briefing."""
    rights = project.config.rights
    document = {
        "language": project.config.languages[language].html_lang,
        **_links(project, language),
        "rights": {
            "publisher": rights.publisher,
            "copyrightHolder": rights.copyright_holder,
            "licence": rights.licence,
            "licenceUrl": rights.licence_url,
            "credit": rights.credit.get(language, rights.publisher),
            "usageTerms": rights.usage_terms.get(language, ""),
        },
        "briefings": [{
            "id": entry.id,
            "headline": entry.headline,
            "version": entry.version,
            "pubStatus": entry.pub_status,
            "firstCreated": entry.first_created,
            "versionCreated": entry.version_created,
            "embargoedUntil": entry.embargoed_until,
            "canonical": entry.canonical,
            "files": entry.files,
        } for entry in entries],
    }
    return dumps(document, indent=2) + "\n"


def index_html(project: Project, language: str, entries: list[IndexEntry]) -> str:
    """The same index as a small page with links, in the language it lists."""
    rights = project.config.rights
    return render_template(project.env, "export/index.html.j2", project.translations(language),
                           entries=entries, language=project.config.languages[language],
                           links=_links(project, language),
                           site_name=project.config.site_name, credit=rights.credit.get(language, rights.publisher),
                           usage_terms=rights.usage_terms.get(language, ""), licence=rights.licence,
                           licence_url=rights.licence_url)
