"""Atom feeds as a real client reads them: feedparser, language, entries and their update times."""

from __future__ import annotations

import calendar
import datetime as dt
import xml.etree.ElementTree as ET

import feedparser
import pytest

from generator.outputs.exports.feeds import EMPTY_FEED_UPDATED, atom_feed
from generator.outputs.exports.files import export_files
from generator.project import Project

from .conftest import BRIEFING, NOW, MakeProject, moment

ATOM = "{http://www.w3.org/2005/Atom}"


def parse(feed: str | bytes) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(feed)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def utc(struct: object) -> dt.datetime:
    """feedparser's UTC time tuple as an aware datetime."""
    return dt.datetime.fromtimestamp(calendar.timegm(struct), dt.UTC)  # type: ignore[arg-type]


@pytest.mark.parametrize(("language", "tag", "title"), [
    ("de", "de-DE", "Koalition der Freiwilligen unterzeichnet"),
    ("en", "en-GB", "Coalition of the Willing signs"),
])
def test_feed_parses_with_language_and_times(exports: dict[str, str | bytes], language: str, tag: str,
                                             title: str) -> None:
    feed = parse(exports[f"exports/{language}/feed.atom"])
    assert feed.version == "atom10"
    assert feed.feed.language == tag
    assert feed.feed.links[0].href == f"https://briefing.example.org/exports/{language}/feed.atom"
    [entry] = feed.entries
    assert entry.id == f"https://briefing.example.org/{language}/briefings/{BRIEFING}/"
    assert entry.title.startswith(title)
    published = dt.datetime(2026, 1, 7, 8, 0, tzinfo=dt.UTC)  # 09:00 CET
    assert utc(entry.published_parsed) == utc(entry.updated_parsed) == published
    assert utc(feed.feed.updated_parsed) == published
    assert entry.content[0].type == "text/html"
    assert entry.rights == feed.feed.rights


def test_entry_links_to_the_other_language_and_the_ninjs(exports: dict[str, str | bytes]) -> None:
    entry = parse(exports["exports/de/feed.atom"]).entries[0]
    hrefs = {(link.get("type"), link.get("hreflang"), link.href) for link in entry.links}
    assert ("text/html", "en-GB", f"https://briefing.example.org/en/briefings/{BRIEFING}/") in hrefs
    assert ("application/json", None, f"https://briefing.example.org/exports/de/{BRIEFING}.ninjs.json") in hrefs


def test_feed_module_and_export_agree(project: Project, exports: dict[str, str | bytes]) -> None:
    """One implementation: the site's link target is the file the exports write."""
    assert atom_feed(project, "en", NOW) == exports["exports/en/feed.atom"]


def test_entries_newest_version_first_and_feed_updated_is_newest(make_project: MakeProject) -> None:
    project = make_project(briefings={
        "later-briefing": {"title": {"de": "Später", "en": "Later"},
                           "published": moment("2026-01-20T10:00:00+01:00")},
    })
    feed = parse(atom_feed(project, "en", NOW))
    assert [entry.title for entry in feed.entries] == ["Later", feed.entries[1].title]
    assert feed.entries[1].title.startswith("Coalition of the Willing")
    assert utc(feed.feed.updated_parsed) == dt.datetime(2026, 1, 20, 9, 0, tzinfo=dt.UTC)


def test_empty_feed_is_valid_and_stable(make_project: MakeProject) -> None:
    """With nothing released (the only briefing is a draft) the feed is still valid Atom, and stable."""
    project = make_project(edits={f"briefings/{BRIEFING}.yaml": lambda data: data.update(status="draft")})
    text = atom_feed(project, "de", NOW)
    feed = parse(text)
    assert feed.entries == []
    root = ET.fromstring(text)
    assert root.findtext(f"{ATOM}updated") == EMPTY_FEED_UPDATED
    assert text == atom_feed(project, "de", NOW + dt.timedelta(days=300))


def test_feed_xml_is_well_formed_with_one_updated_per_entry(exports: dict[str, str | bytes]) -> None:
    root = ET.fromstring(exports["exports/en/feed.atom"])
    assert root.tag == f"{ATOM}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en-GB"
    for entry in root.iter(f"{ATOM}entry"):
        assert len(entry.findall(f"{ATOM}updated")) == 1


def test_withdrawal_updates_the_entry(make_project: MakeProject) -> None:
    project = make_project(edits={f"briefings/{BRIEFING}.yaml": lambda data: data.update(
        status="withdrawn", withdrawal={"de": "Falsche Angaben.", "en": "Wrong details."},
        withdrawn=moment("2026-01-09T08:00:00+01:00"))})
    entry = parse(export_files(project, NOW)["exports/en/feed.atom"]).entries[0]
    assert entry.title.startswith("Withdrawn: ")
    assert entry.summary == "Wrong details."
    assert utc(entry.updated_parsed) == dt.datetime(2026, 1, 9, 7, 0, tzinfo=dt.UTC)
    assert "Key points" not in entry.content[0].value
