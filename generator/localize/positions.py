"""The positions matrix: who stands where on each question, by their latest statement.

One implementation for a briefing's positions section, the site's matrix
page, an organisation's profile and a dossier, so they cannot disagree: a
cell holds the stance of the actor's latest statement on the question
(by date; undated statements count as older than dated ones and keep
their order among themselves).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from generator.graph import date_key
from generator.localize.records import RecordViews
from generator.views import Cell, PositionRow, StatementView, TopicView

Cite = Callable[[Sequence[str]], tuple[int, ...]]
"""Source ids → the numbers of their notes in the document (a briefing's or a dossier's)."""


def position_matrix(views: RecordViews, statement_ids: Sequence[str], *, actors: Sequence[str] | None = None,
                    topics: Sequence[str] | None = None, cite: Cite | None = None,
                    ) -> tuple[tuple[TopicView, ...], tuple[PositionRow, ...]]:
    """The questions and one row per actor, each cell the actor's latest stance.

    Args:
        views: The language's record views.
        statement_ids: The statements that count, in reading order.
        actors: The rows, in order (default: every actor taking a stance, first seen first).
        topics: The columns, in order (default: every question answered, in the topics' own order).
        cite: Numbers the sources of each cell's statement (default: no numbers).
    """
    graph = views.graph
    latest: dict[tuple[str, str], tuple[tuple, str, int]] = {}
    for order, statement_id in enumerate(statement_ids):
        model = graph.model(statement_id)
        key = (date_key(model.date.date) if model.date else (0, 0, 0), order)
        for index, stance in enumerate(model.stances):
            slot = (model.actor, stance.topic)
            if slot not in latest or key >= latest[slot][0]:
                latest[slot] = (key, statement_id, index)
    if topics is None:
        topics = sorted({topic for _actor, topic in latest}, key=lambda t: (graph.model(t).order, t))
    if actors is None:
        actors = list(dict.fromkeys(actor for actor, _topic in latest))
    shown: dict[str, StatementView] = {}
    rows = []
    for actor in actors:
        cells: dict[str, Cell] = {}
        for topic in topics:
            if (actor, topic) in latest:
                _key, statement_id, index = latest[actor, topic]
                if statement_id not in shown:  # one view per statement, however many cells it fills
                    shown[statement_id] = views.statement(statement_id)
                statement = shown[statement_id]
                stance = statement.stances[index]
                notes = cite(graph.model(statement_id).sources) if cite else ()
                cells[topic] = Cell(stance.answer, stance.note, statement, notes)
        rows.append(PositionRow(views.name(actor), cells))
    return tuple(views.topic(topic) for topic in topics), tuple(rows)
