"""What earlier builds made from the graph, reused while every record it read is as it was.

Why a trace: which records a site page or a dataset row reads is known only
once it is made (a profile lists what the records hold about the person),
so each is kept with the records it asked the graph for
(`FactGraph.watched`) and what each of them was then. A rebuild reuses it
while every one of them is as it was: the same reads give the same result,
since all else it reads is in the key: the code and packages, the
templates, the catalogs, the configuration (as read, environment included),
the reverse indexes and what is public (a new briefing changes those, and
everything is made again). Memos that answer one page with a view another
page made count that view's reads for both (`FactGraph.remembered`), so a
trace cannot miss a record behind a memo.

A value is kept as JSON and handed out as JSON gives it back, made or
reused, so a rebuild gives the bytes a clean build gives.
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


@dataclass
class Traced:
    """The values of one build, each made again or taken from `store`; `finish` keeps only these."""

    store: RenderCache
    graph: FactGraph
    shared: str
    keys: list[str] = field(default_factory=list)
    made: int = 0
    """How many values this build made (the others were reused)."""

    @classmethod
    def of(cls, project: Project, scope: Public, family: str) -> Traced:
        """The kept values of `family` (a folder of the project's cache) for a build of what `scope` makes public."""
        # the settings as read, not only mkdocs.yml's bytes: a setting may come from the environment (`!ENV`)
        shared = shared_inputs(project, repr(project.config), project.graph.indexes_digest(), scope.fingerprint())
        return cls(RenderCache.of_project(project.config.root, family), project.graph, shared)

    def value(self, name: tuple[str, ...], make: Callable[[], Any]) -> Any:
        """The value `name` names: the kept one if what it read is unchanged, else `make()`, kept with its reads."""
        key = digest(self.shared, *name)
        self.keys.append(key)
        kept = _trace(self.store.get(key))
        if kept is not None and all(self.graph.seen(read) == seen for read, seen in kept["reads"].items()):
            self.graph.count_again(kept["reads"])
            return kept["value"]
        with self.graph.watched() as reads:
            made = make()
        self.made += 1
        trace = json.dumps({"value": made, "reads": {read: self.graph.seen(read) for read in sorted(reads)}})
        self.store.put(key, Entry(trace.encode("utf-8")))
        return json.loads(trace)["value"]

    def finish(self) -> None:
        """Drop the values no longer made."""
        self.store.keep_only(self.keys)


def _trace(entry: Entry | None) -> dict[str, Any] | None:
    """A kept value, or None for none (or for an entry that is not one: it is made again, never trusted)."""
    try:
        kept = json.loads(entry.data) if entry is not None else None
        return kept if isinstance(kept["reads"], dict) and "value" in kept else None
    except (ValueError, KeyError, TypeError):
        return None
