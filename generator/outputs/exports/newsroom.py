"""What a newsroom system sorts and routes a briefing by: subjects, genres, urgency, length, dateline, edNote.

One module for the ninjs items and the pages' JSON-LD, so both say the same
thing: the Media Topics of the briefing and of the questions it answers
(`generator.iptc` names them), its IPTC genres, its urgency, how long its
text is, where and when it happened, and how the text was made.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

from generator.iptc import MEDIA_TOPIC_SCHEME, genre_uri, media_topic_label, media_topic_uri
from generator.project import Project
from generator.records.values import DateTimeValue
from generator.render import N_
from generator.views import BriefingView

GENRE_NAMES: dict[str, str] = {
    "Summary": N_("Briefing"),
    "Current": N_("Current events"),
    "Curtain_Raiser": N_("Curtain raiser"),
    "Preview": N_("Preview"),
    "Analysis": N_("Analysis"),
    "Background": N_("Background"),
    "Synopsis": N_("Synopsis"),
    "Special_Report": N_("Special report"),
    "Fact_Check": N_("Fact check"),
    "Retrospective": N_("Retrospective"),
}
"""Each genre a briefing may have (`generator.records.iptc.Genre`), after IPTC's English label."""

WORD = re.compile(r"\w+(?:[-'’.]\w+)*")
"""A word as editors count it: letters or digits, hyphenated, with an apostrophe or inner dots kept in one."""


def media_topics(project: Project, briefing_id: str) -> list[str]:
    """The briefing's own Media Topic codes, then those of the questions it answers, each once.

    Why both: a briefing without a positions section answers no question,
    and its own codes are then all it has.
    """
    graph = project.graph
    codes = [*graph.model(briefing_id).iptc_media_topics]
    codes += [code for topic in graph.topics_of(briefing_id) for code in graph.model(topic).iptc_media_topics]
    return list(dict.fromkeys(codes))


def media_topic_subjects(project: Project, briefing_id: str, html_lang: str) -> list[dict[str, str]]:
    """The Media Topics as ninjs subjects: IPTC's URI, the qcode and IPTC's name in the item's language."""
    found = []
    for code in media_topics(project, briefing_id):
        subject = {"uri": media_topic_uri(code), "literal": code}
        label = media_topic_label(code, html_lang)
        if label:
            subject["name"] = label
        found.append(subject)
    return found


def genres(project: Project, briefing_id: str, gettext: Callable[[str], str]) -> list[dict[str, str]]:
    """The briefing's IPTC genres as ninjs genres, named in the item's language."""
    return [{"name": gettext(GENRE_NAMES[genre]), "uri": genre_uri(genre), "literal": f"genre:{genre}"}
            for genre in project.graph.model(briefing_id).genres]


def word_count(text: str) -> int:
    """How many words a text has.

    >>> word_count("Die EU hat kürzlich 90 Mrd. € Hilfe genehmigt.")
    8
    >>> word_count("The EU's post-ceasefire force: €90bn")
    5
    """
    return len(WORD.findall(text))


def char_count(text: str) -> int:
    """How many characters a text has, a run of spaces and line breaks counting as one.

    >>> char_count("Key points\\n\\n- One")
    16
    """
    return len(" ".join(text.split()))


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(markup: str) -> str:
    """The text an HTML fragment shows, for counting its words.

    >>> html_text("<p>AT&amp;T <b>said</b></p><p>no</p>")
    'AT&T said no'
    """
    parser = _Text()
    parser.feed(markup.replace("><", "> <"))
    parser.close()
    return " ".join("".join(parser.parts).split())


def lengths(text: str) -> dict[str, int]:
    """ninjs' `wordCount` and `charCount` of a body's text."""
    return {"charCount": char_count(text), "wordCount": word_count(text)}


def dateline_place(project: Project, place_id: str) -> str:
    """The place a dateline names: the city a building lies in, not the building (`Paris`, not `Élysée Palace`).

    Why: a dateline says where the story was filed from, and newsrooms write
    the city there; a region or country stands as it is.
    """
    place, seen = place_id, {place_id}
    while project.graph.model(place).kind == "building":
        within = project.graph.model(place).within
        if within is None or within in seen:
            break
        place = within
        seen.add(place)
    return place


def dateline(project: Project, view: BriefingView) -> str | None:
    """Where and when the story happened, as newsrooms write it: `Paris, 6 January 2026`.

    Only what is known: the city of the briefing's event, and its day (on the
    clock of the event's zone) when that is known; None when neither is.
    """
    if view.event is None:
        return None
    event = project.graph.model(view.event.record_id)
    localizer = project.localizer(view.language.code)
    place = localizer.name(dateline_place(project, event.place)).text if event.place else None
    if isinstance(event.date, DateTimeValue):
        day = localizer.day(event.date)  # the day, not the hour: `17 December 2025`
    else:
        day = view.event_date if event.date.date.year is not None else None
    return ", ".join(part for part in (place, day) if part) or None


def editorial_note(project: Project, view: BriefingView) -> str:
    """For the partner's editors, not for print: how the text was made, and whether it is a translation."""
    gettext = project.localizer(view.language.code).gettext
    made = gettext(N_("Rendered by the briefing software from structured records (facts, statements and their "
                      "sources); briefing %(id)s, version %(version)s.")) % {"id": view.id, "version": view.version}
    source = project.config.source_language
    if view.language.code == source:
        return made + " " + gettext(N_("Original version, not a translation."))
    language = project.localizer(view.language.code).language_name(source)
    return made + " " + gettext(N_("Translated from %(language)s.")) % {"language": language}


def jsonld_about(project: Project, view: BriefingView, html_lang: str) -> list[dict[str, Any]]:
    """The Media Topics as schema.org `DefinedTerm`s, for the `about` of the page's `NewsArticle`."""
    terms = []
    for subject in media_topic_subjects(project, view.id, html_lang):
        term = {"@type": "DefinedTerm", "@id": subject["uri"], "termCode": subject["literal"],
                "inDefinedTermSet": MEDIA_TOPIC_SCHEME}
        if "name" in subject:
            term["name"] = subject["name"]
        terms.append(term)
    return terms
