"""Editorial state: drafts never leave, embargoed briefings leave at their time, and the records say so."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from contextlib import closing
from pathlib import Path

import feedparser
import pytest

from generator.editorial import last_change, releasable, released, state
from generator.errors import ContentError
from generator.outputs.exports.files import export_files
from generator.project import Project

from .conftest import BRIEFING, NOW, MakeProject, moment

LIFTS = dt.datetime.fromisoformat("2026-03-01T12:00:00+01:00")
"""When the embargo of the fixture's embargoed briefing lifts."""

SECRETS = {
    "secret-draft": ["secret-draft", "GEHEIMER ENTWURF", "SECRET DRAFT"],
    "embargoed-news": ["embargoed-news", "GESPERRTE MELDUNG", "EMBARGOED NEWS"],
}
"""Each unreleased briefing's id and titles: none of them may appear in any byte of any export."""


@pytest.fixture
def newsroom(make_project: MakeProject) -> Project:
    """The Paris briefing (published), a draft and an embargoed briefing about the same facts."""
    return make_project(briefings={
        "secret-draft": {"title": {"de": "GEHEIMER ENTWURF", "en": "SECRET DRAFT"}, "status": "draft"},
        "embargoed-news": {"title": {"de": "GESPERRTE MELDUNG", "en": "EMBARGOED NEWS"}, "status": "embargoed",
                           "embargo": moment("2026-03-01T12:00:00+01:00"),
                           "published": moment("2026-03-01T12:00:00+01:00")},
    })


def leaks(files: dict[str, str | bytes], briefing_id: str) -> list[str]:
    """Export files that mention an unreleased briefing by id or title."""
    found = []
    for path, content in files.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        if any(secret.encode("utf-8") in data for secret in SECRETS[briefing_id]):
            found.append(path)
    return found


def released_ids(files: dict[str, str | bytes], tmp_path: Path) -> dict[str, set[str]]:
    """Which briefings each kind of export lists: index, feed, ninjs files, dataset."""
    index = json.loads(files["exports/en/index.json"])
    feed = feedparser.parse(files["exports/en/feed.atom"])
    database = tmp_path / "facts.sqlite"
    database.write_bytes(files["exports/facts.sqlite"])  # type: ignore[arg-type]
    with closing(sqlite3.connect(database)) as connection:
        dataset = {row[0] for row in connection.execute("SELECT id FROM briefings")}
    return {
        "index": {entry["id"] for entry in index["briefings"]},
        "feed": {entry.id.rstrip("/").rsplit("/", 1)[-1] for entry in feed.entries},
        "ninjs": {path.split("/")[-1].removesuffix(".ninjs.json") for path in files
                  if path.startswith("exports/en/") and path.endswith(".ninjs.json")},
        "dataset": dataset,
    }


def test_before_the_embargo_only_the_published_briefing_is_out(newsroom: Project, tmp_path: Path) -> None:
    files = export_files(newsroom, LIFTS - dt.timedelta(seconds=1))
    assert all(ids == {BRIEFING} for ids in released_ids(files, tmp_path).values())
    assert leaks(files, "secret-draft") == []
    assert leaks(files, "embargoed-news") == []


def test_at_the_embargo_time_the_embargoed_briefing_is_everywhere(newsroom: Project, tmp_path: Path) -> None:
    files = export_files(newsroom, LIFTS.astimezone(dt.UTC))
    assert all(ids == {BRIEFING, "embargoed-news"} for ids in released_ids(files, tmp_path).values())
    for code in ("de", "en"):
        for suffix in ("ninjs.json", "fragment.html", "md", "txt", "html", "short.md"):
            assert f"exports/{code}/embargoed-news.{suffix}" in files
    assert leaks(files, "secret-draft") == []


def test_a_draft_never_leaves(newsroom: Project) -> None:
    far_future = dt.datetime(2100, 1, 1, tzinfo=dt.UTC)
    assert leaks(export_files(newsroom, far_future), "secret-draft") == []
    assert not releasable(newsroom, "secret-draft", far_future)
    assert releasable(newsroom, "secret-draft", far_future, preview=True)


def test_state_at_a_moment(newsroom: Project) -> None:
    assert state(newsroom, "embargoed-news", LIFTS - dt.timedelta(minutes=1)) == "embargoed"
    assert state(newsroom, "embargoed-news", LIFTS) == "published"
    assert state(newsroom, "secret-draft", LIFTS) == "draft"
    assert released(newsroom, LIFTS) == ["embargoed-news", BRIEFING]


def test_an_embargo_binds_a_published_briefing_too(make_project: MakeProject) -> None:
    project = make_project(edits={f"briefings/{BRIEFING}.yaml": lambda data: data.update(
        embargo=moment("2026-01-07T09:00:00+01:00"))})
    assert not releasable(project, BRIEFING, dt.datetime.fromisoformat("2026-01-07T08:59:59+01:00"))
    assert releasable(project, BRIEFING, dt.datetime.fromisoformat("2026-01-07T09:00:00+01:00"))


def test_a_naive_time_is_refused(project: Project) -> None:
    with pytest.raises(ValueError, match="UTC offset"):
        releasable(project, BRIEFING, dt.datetime(2026, 2, 1))


def test_last_change_is_the_current_version(project: Project) -> None:
    assert last_change(project, BRIEFING).datetime == dt.datetime.fromisoformat("2026-01-07T09:00:00+01:00")
    assert releasable(project, BRIEFING, NOW)


@pytest.mark.parametrize(("fields", "message"), [
    ({"status": "embargoed"}, "an embargoed briefing needs `embargo:`"),
    ({"status": "withdrawn", "withdrawn": moment("2026-01-09T08:00:00+01:00")}, "needs `withdrawal:`"),
    ({"status": "withdrawn", "withdrawal": {"de": "Falsch.", "en": "Wrong."}}, "needs `withdrawn:`"),
    ({"embargo": moment("2026-01-08T09:00:00+01:00")}, "the embargo lifts after the briefing's first publication"),
    ({"corrections": [{"date": moment("2026-01-06T09:00:00+01:00"), "text": {"de": "Neu.", "en": "New."}}]},
     "a correction predates the publication"),
    ({"status": "withdrawn", "withdrawal": {"de": "Falsch.", "en": "Wrong."},
      "withdrawn": moment("2026-01-01T08:00:00+01:00")}, "the withdrawal predates the publication"),
])
def test_incomplete_editorial_state_is_an_error(make_project: MakeProject, fields: dict, message: str) -> None:
    with pytest.raises(ContentError) as raised:
        make_project(edits={f"briefings/{BRIEFING}.yaml": lambda data: data.update(fields)})
    problems = [p for p in raised.value.problems if p.code == "editorial"]
    assert [message in p.message for p in problems] == [True], raised.value
    assert problems[0].path.name == f"{BRIEFING}.yaml" and problems[0].line is not None
