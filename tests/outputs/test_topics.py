"""Topic pages and topic feeds over the real content, as properties: every question of the matrix has a page per
language and an Atom feed whose entries are exactly the released briefings answering it; a corrected briefing
says so in its header, an uncorrected one does not."""

from __future__ import annotations

import dataclasses
import re

import feedparser
import pytest

from generator.outputs.briefing import briefing_markdown
from generator.outputs.exports.feeds import atom_feed
from generator.outputs.site.meta import split_front_matter
from generator.outputs.site.run import site_pages
from generator.project import Project, load_project
from generator.urls import absolute_url, feed_url, page_source, page_url, relative, source_url
from generator.views import CorrectionView

from ..conftest import ROOT, after_everything

NOW = after_everything(ROOT)
_BRIEFING_LINK = re.compile(r"\]\(\.\./briefings/([a-z0-9-]+)\.md\)")


@pytest.fixture(scope="module")
def project() -> Project:
    return load_project(ROOT)


@pytest.fixture(scope="module")
def pages(project: Project) -> dict[str, str]:
    return site_pages(project, NOW)


def touching(project: Project, topic_id: str) -> set[str]:
    """Released briefings whose statements answer the topic, found without the index under test."""
    return {b for b in project.public(NOW).released if topic_id in project.graph.topics_of(b)}


def topic_ids(project: Project) -> list[str]:
    ids = [record.id for record in project.graph.of_kind("topics")]
    assert ids, "content/ has no topics"
    return ids


def test_every_topic_has_a_page_per_language_listing_its_briefings(project: Project, pages: dict[str, str]) -> None:
    for topic_id in topic_ids(project):
        for language in project.config.codes:
            source = page_source(language, "topics", topic_id)
            page = pages[source]
            assert set(_BRIEFING_LINK.findall(page)) == touching(project, topic_id)
            assert relative(source_url(source), feed_url(language, topic_id)) in page
            meta, _ = split_front_matter(page)
            assert meta["briefing"]["feed"]["url"] == feed_url(language, topic_id)  # announced as the page's feed


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_topic_feed_holds_exactly_the_briefings_touching_it(project: Project, language: str) -> None:
    site = project.config.site_url
    for topic_id in topic_ids(project):
        feed = feedparser.parse(atom_feed(project, language, NOW, topic=topic_id))
        assert not feed.bozo, feed.get("bozo_exception")
        assert feed.version == "atom10"
        assert feed.feed.id == absolute_url(site, feed_url(language, topic_id))
        assert feed.feed.link == absolute_url(site, page_url(language, "topics", topic_id))
        assert {entry.id for entry in feed.entries} == {
            absolute_url(site, page_url(language, "briefings", b)) for b in touching(project, topic_id)}
        assert all(topic_id in {tag.term for tag in entry.tags} for entry in feed.entries)


def test_the_language_feed_is_not_narrowed(project: Project) -> None:
    feed = feedparser.parse(atom_feed(project, "en", NOW))
    assert len(feed.entries) == len(project.public(NOW).released)


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_corrected_briefing_says_when_and_links_to_its_corrections(project: Project, language: str) -> None:
    briefing_id = project.public(NOW).briefings[0]
    view = project.briefing(briefing_id, language)
    plain = dataclasses.replace(view, corrections=())
    corrected = dataclasses.replace(view, corrections=(
        CorrectionView("1 Jan", "2026-01-01T00:00:00Z", view.standfirst),
        CorrectionView("LATEST-DAY", "2026-02-03T10:00:00Z", view.standfirst)))
    word = project.translations(language).gettext("Corrected %(date)s").split("%")[0].strip()
    without = briefing_markdown(project, plain)
    assert "(#corrections)" not in without and word not in without.split("\n## ")[0]
    header = briefing_markdown(project, corrected).split("\n## ")[0]
    assert f'[{word} <time datetime="2026-02-03T10:00:00Z">LATEST-DAY</time>](#corrections)' in header
    assert '<span id="corrections"></span>' in briefing_markdown(project, corrected)
