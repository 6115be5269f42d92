"""Partner exports: every file partners take into their own systems, under `exports/` of the site.

For each briefing released at `now` (see `generator.editorial`) and each
language: IPTC ninjs, an HTML fragment, Markdown, plain text, a standalone
page and the short brief; per language an Atom feed, one per topic, and an index; once, the
facts dataset as JSON Lines and SQLite, with Datasette's metadata for it. Pure: it returns the files, the
writer writes them.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field

from generator.cache import Entry, RenderCache
from generator.outputs.exports.dataset import facts_dataset, facts_jsonl
from generator.outputs.exports.dataset_metadata import facts_metadata
from generator.outputs.exports.dataset_sqlite import facts_sqlite
from generator.outputs.exports.feeds import atom_feed, feed_entry
from generator.outputs.exports.index import IndexEntry, index_entry, index_html, index_json
from generator.outputs.exports.ninjs import ninjs_item, ninjs_json
from generator.outputs.exports.renditions import BriefingExport
from generator.outputs.inputs import document_inputs, shared_inputs
from generator.project import Project
from generator.urls import dataset_url, export_index_url, export_url, feed_url


def export_files(project: Project, now: dt.datetime, cache: RenderCache | None = None) -> dict[str, str | bytes]:
    """Every export file, keyed by its path from the site root (all under `exports/`).

    A briefing's files none of whose inputs changed (`generator.outputs.inputs`)
    come from `cache` with its index line, without being rendered again.
    """
    files: dict[str, str | bytes] = {}
    briefing_ids = sorted(project.public(now).released)
    kept = _Kept(cache, shared_inputs(project)) if cache else None
    make = kept.briefing_files if kept else briefing_files
    for language in project.config.codes:
        entries: list[IndexEntry] = []
        for briefing_id in briefing_ids:
            files.update(make(project, briefing_id, language, entries))
        made = {briefing_id: feed_entry(project, briefing_id, language,
                                        str(files[export_url(language, briefing_id, "fragment")]))
                for briefing_id in briefing_ids}
        files[feed_url(language)] = atom_feed(project, language, now, made)
        for topic in project.graph.of_kind("topics"):
            files[feed_url(language, topic.id)] = atom_feed(project, language, now, made, topic.id)
        files[export_index_url(language, "json")] = index_json(project, language, entries)
        files[export_index_url(language, "html")] = index_html(project, language, entries)
    dataset = facts_dataset(project, now, reuse=cache is not None)
    files[dataset_url("jsonl")] = facts_jsonl(dataset)
    files[dataset_url("sqlite")] = facts_sqlite(dataset)
    files[dataset_url("metadata")] = facts_metadata(project.config)
    if kept:
        kept.store.keep_only(kept.keys)
    return files


def briefing_files(project: Project, briefing_id: str, language: str,
                   entries: list[IndexEntry]) -> dict[str, str]:
    """The files of one briefing in one language; appends its line of the index to `entries`."""
    export = BriefingExport(project, briefing_id, language)
    renditions = export.renditions()
    item = ninjs_item(export, renditions)
    entries.append(index_entry(project, language, item))
    files = {export_url(language, briefing_id, name): text for name, text in renditions.items()}
    return {export_url(language, briefing_id, "ninjs"): ninjs_json(item), **files}


@dataclass
class _Kept:
    """The export cache of one build: the store, the hash of what every briefing's files share, the keys used."""

    store: RenderCache
    shared: str
    keys: list[str] = field(default_factory=list)

    def briefing_files(self, project: Project, briefing_id: str, language: str,
                       entries: list[IndexEntry]) -> dict[str, str]:
        """`briefing_files`, from the store when none of the briefing's inputs changed."""
        key = document_inputs(project, briefing_id, self.shared, language)
        self.keys.append(key)
        stored = self.store.get(key)
        if stored is not None:
            record = json.loads(stored.data)
            entries.append(IndexEntry(**record["entry"]))
            return record["files"]
        made = briefing_files(project, briefing_id, language, entries)
        self.store.put(key, Entry(json.dumps({"files": made, "entry": asdict(entries[-1])}).encode("utf-8")))
        return made
