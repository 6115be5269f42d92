"""The Markdown of site pages made in an earlier build, reused while nothing it was made from changed.

Why a trace: which records a page reads is known only once it is made (a
profile lists what the records hold about the person), so each page is
kept with the records it asked the graph for (`FactGraph.watched`) and what
each of them was then. A rebuild reuses the page while every one of them is
as it was: the same reads give the same page, since all else a page reads
is in the key: the code and packages, the templates, the catalogs, the
configuration (as read, environment included), the reverse indexes and what is public (a new briefing
changes those, and every page is made again). Memos that answer one page
with a view another page made count that view's reads for both
(`FactGraph.remembered`), so a trace cannot miss a record behind a memo.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from generator.cache import Entry, RenderCache, digest
from generator.graph import FactGraph
from generator.outputs.inputs import shared_inputs
from generator.project import Project
from generator.public import Public

Page = tuple[str, str]


@dataclass
class PageSources:
    """The pages of one build: made again or taken from `store`; `finish` keeps only these."""

    store: RenderCache
    graph: FactGraph
    shared: str
    keys: list[str] = field(default_factory=list)
    made: int = 0
    """How many pages this build made (the others were reused)."""

    @classmethod
    def of(cls, project: Project, scope: Public) -> PageSources:
        # the settings as read, not only mkdocs.yml's bytes: a setting may come from the environment (`!ENV`)
        shared = shared_inputs(project, repr(project.config), project.graph.indexes_digest(), scope.fingerprint())
        return cls(RenderCache.of_project(project.config.root, "page-sources"), project.graph, shared)

    def page(self, language: str, task: tuple[str, ...], make: Callable[[], Page]) -> Page:
        """The page `task` names in `language`: the kept one if what it read is unchanged, else `make()`, kept
        with its reads."""
        key = digest(self.shared, language, *task)
        self.keys.append(key)
        kept = _trace(self.store.get(key))
        if kept is not None and all(self.graph.seen(read) == seen for read, seen in kept["reads"].items()):
            self.graph.count_again(kept["reads"])
            return kept["source"], kept["markdown"]
        with self.graph.watched() as reads:
            source, markdown = make()
        self.made += 1
        trace = {"source": source, "markdown": markdown,
                 "reads": {read: self.graph.seen(read) for read in sorted(reads)}}
        self.store.put(key, Entry(json.dumps(trace).encode("utf-8")))
        return source, markdown

    def finish(self) -> None:
        """Drop the pages no longer part of the site."""
        self.store.keep_only(self.keys)


def _trace(entry: Entry | None) -> dict[str, Any] | None:
    """A kept page, or None for none (or for an entry that is not one: it is made again, never trusted)."""
    try:
        kept = json.loads(entry.data) if entry is not None else None
        return kept if isinstance(kept["reads"], dict) and isinstance(kept["markdown"], str) else None
    except (ValueError, KeyError, TypeError):
        return None
