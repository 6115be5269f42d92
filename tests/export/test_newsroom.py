"""The newsroom metadata ninjs and JSON-LD share: dateline, edNote, counts."""

from __future__ import annotations

import pytest

from generator.outputs.exports.newsroom import dateline, editorial_note, html_text, word_count
from generator.project import Project

from .conftest import BRIEFING, MakeProject


@pytest.mark.parametrize(("language", "expected"), [("de", "Paris, 6. Januar 2026"), ("en", "Paris, 6 January 2026")])
def test_dateline_names_the_city_of_the_event_and_its_day(project: Project, language: str, expected: str) -> None:
    """The event took place in the Élysée Palace; a dateline names the city it is in."""
    assert dateline(project, project.briefing(BRIEFING, language)) == expected


def test_dateline_leaves_out_what_is_not_known(make_project: MakeProject) -> None:
    project = make_project(edits={"events/paris-summit-2026.yaml": lambda data: data.update(date={"date": "unknown"})},
                           briefings={"no-event": {"title": {"de": "Ohne Anlass", "en": "No event"}, "event": None}})
    assert dateline(project, project.briefing(BRIEFING, "en")) == "Paris"
    assert dateline(project, project.briefing("no-event", "en")) is None


def test_dateline_of_an_event_at_an_hour_names_its_day(make_project: MakeProject) -> None:
    """Late at night in Paris is already the next day in UTC: the day is the event's own."""
    moment = {"datetime": "2026-01-06T23:30:00+01:00", "zone": "Europe/Paris"}
    project = make_project(edits={"events/paris-summit-2026.yaml": lambda data: data.update(date=moment)})
    assert dateline(project, project.briefing(BRIEFING, "de")) == "Paris, 6. Januar 2026"


def test_ed_note_names_the_original_language_in_the_item_language(project: Project) -> None:
    assert editorial_note(project, project.briefing(BRIEFING, "en")).endswith(" Translated from German.")
    assert editorial_note(project, project.briefing(BRIEFING, "de")).endswith(" Originalfassung, keine Übersetzung.")


def test_counts_read_the_text_not_the_markup() -> None:
    html = '<article><h2>Key points</h2><p>The <a href="https://x.example/">EU</a> approved €90bn.</p></article>'
    assert html_text(html) == "Key points The EU approved €90bn."
    assert word_count(html_text(html)) == 6
