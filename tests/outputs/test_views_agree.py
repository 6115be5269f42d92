"""The timeline and the positions matrix have one implementation each: every place that shows them agrees."""

from __future__ import annotations

import datetime as dt
import itertools
from types import SimpleNamespace

import pytest

from generator.localize.positions import position_matrix
from generator.outputs.site.pages import LanguagePages
from generator.project import Project, load_project
from generator.records.values import PartialDate

from ..conftest import after_everything, paris_project

ROOT = paris_project()


@pytest.fixture(scope="module")
def project() -> Project:
    return load_project(ROOT)


@pytest.fixture(scope="module")
def now() -> dt.datetime:
    return after_everything(ROOT)


@pytest.mark.parametrize("language", ["de", "en"])
def test_site_and_dossier_timelines_place_the_same_records_in_the_same_order(
        project: Project, now: dt.datetime, language: str) -> None:
    pages = LanguagePages(project, language, project.public(now))
    site = [entry for month in project.public(now).timeline for entry in pages.timeline_entries(month)]
    dossier_id = project.graph.of_kind("dossiers")[0].id
    dossier = project.localizer(language).dossier(dossier_id).timeline
    common = {e.record_id for e in site} & {e.record_id for e in dossier}
    assert len(common) >= 2, "the fixture's dossier and site share the summit and the briefing"
    site_order = [(e.record_id, e.date) for e in site if e.record_id in common]
    newest_day_first = sorted(dossier, key=lambda e: e.sort_key[1:4], reverse=True)  # stable: a day keeps its order
    assert [(e.record_id, e.date) for e in newest_day_first if e.record_id in common] == site_order
    assert len({e.sort_key[1:4] for e in dossier if e.record_id in common}) >= 2, "the order of days is tested"


@pytest.mark.parametrize("language", ["de", "en"])
def test_briefing_site_and_dossier_matrices_show_the_same_stances(
        project: Project, now: dt.datetime, language: str) -> None:
    localizer = project.localizer(language)
    pages = LanguagePages(project, language, project.public(now))
    site_topics, site_rows = pages.matrix(*pages.matrix_rows())
    site = {(row.actor.record_id, topic): (cell.statement.id, cell.answer)
            for row in site_rows for topic, cell in row.cells.items()}
    dossier = localizer.dossier(project.graph.of_kind("dossiers")[0].id).positions
    briefing = next(section for b in project.graph.of_kind("briefings")
                    for section in localizer.briefing(b.id).sections if section.role == "positions")
    for shown in (briefing, dossier):
        cells = {(row.actor.record_id, topic): (cell.statement.id, cell.answer)
                 for row in shown.rows for topic, cell in row.cells.items()}
        assert cells and all(site[slot] == cell for slot, cell in cells.items())
    shown_topics = [t.id for t in briefing.topics]
    assert shown_topics == [t.id for t in site_topics if t.id in shown_topics]


def _statement(actor: str, date: tuple[int, int, int] | None, answer: str) -> SimpleNamespace:
    day = SimpleNamespace(date=PartialDate(year=date[0], month=date[1], day=date[2])) if date else None
    return SimpleNamespace(actor=actor, date=day, sources=[], stances=[SimpleNamespace(topic="troops", answer=answer)])


class _Views:
    """Just enough of the record views for the matrix: the graph and plain names."""

    def __init__(self, statements: dict[str, SimpleNamespace]):
        models = {**statements, "troops": SimpleNamespace(order=1)}
        self.graph = SimpleNamespace(model=models.__getitem__)
        self.statements = statements

    def statement(self, statement_id: str) -> SimpleNamespace:
        model = self.statements[statement_id]
        return SimpleNamespace(id=statement_id, stances=[SimpleNamespace(answer=s.answer, note=s.answer)
                                                          for s in model.stances])

    def name(self, record_id: str) -> SimpleNamespace:
        return SimpleNamespace(record_id=record_id)

    def topic(self, topic_id: str) -> SimpleNamespace:
        return SimpleNamespace(id=topic_id)


def test_the_latest_dated_statement_wins_in_any_order() -> None:
    statements = {"later": _statement("france", (2026, 1, 6), "yes"),
                  "undated": _statement("france", None, "no"),
                  "earlier": _statement("france", (2025, 12, 1), "conditional")}
    for order in itertools.permutations(statements):
        _topics, rows = position_matrix(_Views(statements), list(order))
        assert rows[0].cells["troops"].statement.id == "later", order


def test_among_undated_statements_the_last_read_wins() -> None:
    statements = {"first": _statement("italy", None, "no"), "second": _statement("italy", None, "yes")}
    _topics, rows = position_matrix(_Views(statements), ["first", "second"])
    assert rows[0].cells["troops"].answer == "yes"


def test_rows_follow_the_given_actors_and_an_actor_without_a_stance_has_empty_cells() -> None:
    statements = {"a": _statement("france", None, "yes")}
    _topics, rows = position_matrix(_Views(statements), ["a"], actors=["italy", "france"], topics=["troops"])
    assert [row.actor.record_id for row in rows] == ["italy", "france"]
    assert rows[0].cells == {} and rows[1].cells["troops"].answer == "yes"
