"""Published versions: nothing already published changes silently when a shared record changes.

Why: stories share records (Merz, the EU, a source), so an edit made for
today's story can change yesterday's briefing or dossier. `briefing
versions confirm` records, in `published.yaml`, each published briefing's
version and a fingerprint of every record its outputs read; a build then
reports every published briefing or dossier whose records changed while
its version stayed the same, naming the records, so the desk either adds a
correction (which raises the version and tells partners) or confirms the
change on purpose. A briefing not recorded yet is not reported.

The fingerprint is the record's validated content, so comments and
formatting in its YAML do not count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.editorial import version
from generator.errors import ContentError, VersionsError, display_path
from generator.graph import FactGraph
from generator.project import Project
from generator.public import Public
from generator.write import write_if_changed
from generator.yaml_reader import read_yaml

VERSIONS_FILE = "published.yaml"
"""In the project root, committed with the content it describes."""

HEADER = (
    "# What each published briefing and dossier read when it was confirmed, written by `briefing versions confirm`.\n"
    "# id → version, and record id → fingerprint of the record's content. A build reports a record that changed\n"
    "# while the version stayed the same: add a correction, or confirm the change.\n"
)


@dataclass(frozen=True)
class Change:
    """A published briefing or dossier whose records changed since it was confirmed, at the same version."""

    record_id: str
    kind: str
    version: int
    changed: tuple[str, ...]
    """Ids of the records that changed or were deleted."""

    def __str__(self) -> str:
        what = "briefing" if self.kind == "briefings" else "dossier"
        remedy = ("add a correction to raise its version" if self.kind == "briefings"
                  else "check the dossier's profiles and timeline")
        return (f"{VERSIONS_FILE}: the published {what} {self.record_id!r} (version {self.version}) changes with "
                f"{', '.join(self.changed)}; {remedy}, or run `briefing versions confirm {self.record_id}`")


def fingerprints(graph: FactGraph, record_ids: Iterable[str]) -> dict[str, str]:
    return {str(record_id): graph.get(record_id).fingerprint for record_id in record_ids}


def changes(project: Project, now: dt.datetime) -> list[Change]:
    """The published briefings and dossiers recorded in `published.yaml` whose records changed at the same version."""
    recorded = load_published(project.config.root)
    public = project.public(now)
    found = []
    for record_id in sorted(recorded):
        entry = recorded[record_id]
        record = project.graph.records.get(record_id)
        if record is None or not _published(project, record_id, public):
            continue
        current = _version(project, record_id)
        if current != entry["version"]:
            continue
        now_reads = fingerprints(project.graph, project.graph.reads(record_id))
        changed = [rid for rid, fingerprint in entry["records"].items() if now_reads.get(rid) != fingerprint]
        changed += [rid for rid in now_reads if rid not in entry["records"]]
        if changed:
            found.append(Change(record_id, record.kind, current, tuple(sorted(changed))))
    return found


def confirm(project: Project, now: dt.datetime, ids: Sequence[str] | None = None) -> tuple[Path, int, bool]:
    """Record what the published briefings and dossiers (or only `ids`) read now; (file, how many, changed)."""
    public = project.public(now)
    candidates = [r.id for kind in ("briefings", "dossiers") for r in project.graph.of_kind(kind)
                  if _published(project, r.id, public)]
    unknown = sorted(set(ids or ()) - set(candidates))
    if unknown:
        raise VersionsError(f"not published at {now.isoformat()}, so there is no version to confirm: "
                            f"{', '.join(unknown)}")
    recorded = load_published(project.config.root)
    for record_id in ids or candidates:
        recorded[record_id] = {"version": _version(project, record_id),
                               "records": fingerprints(project.graph, project.graph.reads(record_id))}
    path = project.config.root / VERSIONS_FILE
    body = yaml.safe_dump(recorded, sort_keys=True, default_flow_style=False, width=120)
    return path, len(ids or candidates), write_if_changed(path, (HEADER + body).encode("utf-8"))


def _published(project: Project, record_id: str, public: Public) -> bool:
    """A briefing released at `now`, or a dossier all of whose briefings are."""
    if project.graph.get(record_id).kind == "briefings":
        return record_id in public.released
    return public.dossier_complete(record_id, project.graph)


def _version(project: Project, record_id: str) -> int:
    """A briefing's version; a dossier has no corrections, so it stays at 1."""
    return version(project, record_id) if project.graph.get(record_id).kind == "briefings" else 1


def load_published(root: Path) -> dict[str, dict]:
    """`published.yaml`, read strictly; empty when absent."""
    path = root / VERSIONS_FILE
    if not path.is_file():
        return {}
    document, problems = read_yaml(path)
    if document is None:
        raise ContentError(problems)
    data = document.data or {}
    for record_id, entry in (data.items() if isinstance(data, dict) else [(None, None)]):
        if not (isinstance(entry, dict) and isinstance(entry.get("version"), int)
                and isinstance(entry.get("records"), dict)):
            raise VersionsError(f"{display_path(path)}: {record_id!r} is not a version with its records; "
                                "restore the file from version control, or rewrite it with `briefing versions "
                                "confirm`")
    return dict(data)
