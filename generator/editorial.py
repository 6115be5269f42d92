"""Editorial state: which briefings may leave the house at a given moment.

Why one module: the site, the PDFs, the exports and the feeds must agree on
what is public. A briefing is released when it is `published` or
`withdrawn` (kept as a withdrawal notice), or `embargoed` once its embargo
has passed; a `draft` never is. An embargo binds whatever the status says,
so a `published` briefing with a future embargo stays in. The moment comes
from the build (`--now` or the clock, taken once), never from here.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:  # the build asks `current_time` before it loads the records' modules
    from generator.graph import FactGraph
    from generator.records.values import DateTimeValue

State = Literal["draft", "embargoed", "published", "withdrawn"]
"""What a reader may see of a briefing now: nothing (draft, embargoed), all of it, or the withdrawal notice."""


class HasGraph(Protocol):
    """Anything with a fact graph: a `Project`, or a test's stand-in."""

    graph: FactGraph


def state(project: HasGraph, briefing_id: str, now: dt.datetime) -> State:
    """The briefing's state at `now`: its status, with an embargo that has not lifted counting as `embargoed`.

    Raises:
        ValueError: `now` has no UTC offset (a naive time cannot be compared with an embargo).
    """
    if now.tzinfo is None:
        raise ValueError("the build's time needs a UTC offset")
    briefing = project.graph.model(briefing_id)
    if briefing.status == "draft":
        return "draft"
    if briefing.embargo is not None and now < briefing.embargo.datetime:
        return "embargoed"
    return "published" if briefing.status == "embargoed" else briefing.status


def releasable(project: HasGraph, briefing_id: str, now: dt.datetime, *, preview: bool = False) -> bool:
    """Whether any output may show the briefing at `now`.

    Args:
        project: The loaded project (only its graph is read).
        briefing_id: The briefing's id.
        now: The build's time, with offset (from `--now` or the clock).
        preview: True only for the local preview (`briefing serve --show-unreleased`),
            which shows drafts and embargoed briefings to the desk.
    """
    return preview or state(project, briefing_id, now) in ("published", "withdrawn")


def released(project: HasGraph, now: dt.datetime, *, preview: bool = False) -> list[str]:
    """Ids of every briefing any output may show at `now`, sorted."""
    return [record.id for record in project.graph.of_kind("briefings")
            if releasable(project, record.id, now, preview=preview)]


def last_change(project: HasGraph, briefing_id: str) -> DateTimeValue:
    """The moment of the briefing's current version: withdrawal, else last correction, else first publication.

    Feeds and ninjs show it as the update time, so a correction or a withdrawal
    reaches partners' systems as a change.
    """
    briefing = project.graph.model(briefing_id)
    if briefing.status == "withdrawn" and briefing.withdrawn is not None:
        return briefing.withdrawn
    return briefing.corrections[-1].date if briefing.corrections else briefing.published


def version(project: HasGraph, briefing_id: str) -> int:
    """The briefing's version: 1, raised by one with each correction."""
    return 1 + len(project.graph.model(briefing_id).corrections)


def unchanged_between(project: HasGraph, now: dt.datetime) -> tuple[dt.datetime | None, dt.datetime | None]:
    """The span around `now` in which what is released stays the same: from the last embargo lifted
    at or before `now` up to the next one (None: no such embargo).

    Only embargoes move with time, so a build in this span shows the same briefings as one at `now`.
    """
    lifts = sorted(record.model.embargo.datetime for record in project.graph.of_kind("briefings")
                   if record.model.status != "draft" and record.model.embargo is not None)
    before = [lift for lift in lifts if lift <= now]
    after = [lift for lift in lifts if lift > now]
    return (before[-1] if before else None), (after[0] if after else None)


def current_time() -> dt.datetime:
    """The build's notion of now (for embargoes), taken once per build."""
    return dt.datetime.now(dt.UTC)
