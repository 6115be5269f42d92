"""IPTC ninjs 3.1: one news item per briefing and language, for partners' editorial systems.

Why these fields: a partner's system decides from `pubStatus`, `version`,
`versionCreated` and `embargoedUntil` whether and when to run or replace the
item, from the rights fields whether it may, and from `associations` which
items are the same briefing in other languages. People, organisations,
places and events carry our record id as `literal`, so a partner can join
items on them across languages and over time. What a newsroom system sorts
and routes by comes from `generator.outputs.exports.newsroom`: IPTC Media
Topics among the subjects, genres, urgency, the bodies' word and character
counts and an edNote saying how the text was made. Every field is within IPTC's
schema (tests validate each file against it); a withdrawn briefing becomes a
`canceled` item whose bodies are the withdrawal notice.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.editorial import last_change, version
from generator.i18n.dates import iso_datetime
from generator.outputs.exports.formats import FORMATS, RENDITIONS
from generator.outputs.exports.newsroom import editorial_note, genres, html_text, lengths, media_topic_subjects
from generator.outputs.exports.renditions import BriefingExport, canonical_url
from generator.outputs.safejson import dumps
from generator.project import Project
from generator.render import to_plain
from generator.urls import PAGE_KINDS, absolute_url, export_url, page_url, pdf_url

STANDARD = {"name": "ninjs", "version": "3.1", "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"}


def ninjs_item(export: BriefingExport, renditions: Mapping[str, str]) -> dict[str, Any]:
    """The ninjs object of one briefing in one language."""
    project, view, code = export.project, export.view, export.language
    rights = project.config.rights
    briefing = project.graph.model(view.id)
    item: dict[str, Any] = {
        "uri": export.canonical,
        "standard": STANDARD,
        "type": "text",
        "representationType": "full",
        "profile": "briefing",
        "version": str(view.version),
        "firstCreated": view.published_iso,
        "versionCreated": export.updated_iso,
        "pubStatus": "canceled" if export.withdrawn else "usable",
        "language": view.language.html_lang,
        "slugline": view.id,
        "altIds": [{"role": "briefing-id", "value": view.id}],
        "headlines": [{"role": "main", "contentType": "text/plain", "value": to_plain(view.title)}],
        "descriptions": _descriptions(export),
        "bodies": [
            {"role": "main", "contentType": "text/html", "value": renditions["fragment"],
             **lengths(html_text(renditions["fragment"]))},
            {"role": "main", "contentType": "text/plain", "value": renditions["text"], **lengths(renditions["text"])},
        ],
        "urgency": briefing.urgency,
        "genres": genres(project, view.id, project.localizer(code).gettext),
        "edNote": editorial_note(project, view),
        "by": rights.publisher,
        "copyrightHolder": rights.copyright_holder,
        "copyrightNotice": rights.credit.get(code, rights.publisher),
        "usageTerms": rights.usage_terms.get(code) or rights.credit.get(code, rights.licence),
        "infoSources": [{"name": rights.publisher, "role": "originator", "uri": project.config.site_url}]
        + [_source(export, source_id) for source_id in project.graph.sources_of(view.id)],
        "subjects": _subjects(export),
        "renditions": _renditions(export),
        "associations": _translations(project, view.id, code),
    }
    if briefing.embargo is not None:
        item["embargoedUntil"] = iso_datetime(briefing.embargo)
    if rights.licence_url:
        item["rightsInfo"] = {"linkedRights": rights.licence_url}
    if export.withdrawn:
        item["edNote"] = to_plain(view.withdrawal) if view.withdrawal else ""
    if view.place is not None:
        item["located"] = view.place.text
    item.update(_entities(export))
    return item


def ninjs_json(item: dict[str, Any]) -> str:
    """The item as the file partners fetch: indented, markup characters escaped."""
    return dumps(item, indent=2) + "\n"


def _descriptions(export: BriefingExport) -> list[dict[str, str]]:
    view = export.view
    if export.withdrawn:
        return [{"role": "withdrawal", "contentType": "text/plain", "value": to_plain(view.withdrawal)}
                ] if view.withdrawal else []
    found = [{"role": "summary", "contentType": "text/plain", "value": to_plain(view.standfirst)}]
    found += [{"role": "correction", "contentType": "text/plain", "value": f"{c.date}: {to_plain(c.text)}"}
              for c in view.corrections]
    return found


def _renditions(export: BriefingExport) -> list[dict[str, str]]:
    site, code, briefing_id = export.project.config.site_url, export.language, export.view.id
    found = [{"name": name, "href": absolute_url(site, export_url(code, briefing_id, name)),
              "contentType": FORMATS[name].media_type} for name in RENDITIONS]
    if not export.withdrawn:
        found.append({"name": "pdf", "href": absolute_url(site, pdf_url(code, briefing_id)),
                      "contentType": "application/pdf"})
    return found


def _translations(project: Project, briefing_id: str, language: str) -> list[dict[str, Any]]:
    """The same briefing in the other languages, as ninjs associations with `rel: translation`."""
    record = project.graph.get(briefing_id)
    briefing = record.model
    found = []
    for other in project.config.codes:
        if other == language:
            continue
        found.append({
            "name": to_plain(project.localizer(other).text(record, ("title",), briefing.title)),
            "rel": "translation",
            "uri": canonical_url(project, other, briefing_id),
            "type": "text",
            "language": project.config.languages[other].html_lang,
            "version": str(version(project, briefing_id)),
            "versionCreated": iso_datetime(last_change(project, briefing_id)),
            "pubStatus": "canceled" if briefing.status == "withdrawn" else "usable",
            "renditions": [{"name": "ninjs", "contentType": "application/json",
                            "href": absolute_url(project.config.site_url, export_url(other, briefing_id, "ninjs"))}],
        })
    return found


def _source(export: BriefingExport, source_id: str) -> dict[str, str]:
    source = export.project.graph.model(source_id)
    title = to_plain(export.project.localizer(export.language).source(source_id, 0).title)
    found = {"name": title, "role": "source", "literal": source_id}
    if source.url:
        found["uri"] = str(source.url)
    return found


def _subjects(export: BriefingExport) -> list[dict[str, str]]:
    """The questions of the positions matrix the briefing answers (topic records), then its IPTC Media Topics."""
    localizer = export.project.localizer(export.language)
    topics = [{"name": to_plain(localizer.topic(topic).label), "rel": "about", "literal": topic}
              for topic in export.project.graph.topics_of(export.view.id)]
    return topics + media_topic_subjects(export.project, export.view.id, export.view.language.html_lang)


def _entities(export: BriefingExport) -> dict[str, list[dict[str, str]]]:
    """People, organisations, places and events, each with how the briefing relates to it.

    Our record kinds are named like ninjs' arrays, so the kind is the key.
    """
    project, code = export.project, export.language
    localizer = project.localizer(code)
    found: dict[str, list[dict[str, str]]] = {}
    for record_id, rel in project.graph.related(export.view.id):
        kind = project.graph.get(record_id).kind
        entry = {"name": localizer.name(record_id).text, "rel": rel, "literal": record_id}
        if kind in PAGE_KINDS:
            entry["uri"] = absolute_url(project.config.site_url, page_url(code, kind, record_id))
        found.setdefault(kind, []).append(entry)
    return found
