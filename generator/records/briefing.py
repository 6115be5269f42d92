"""Briefings: the story as readers get it, arranged from the records."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.records.base import LocalizedText, Ref, StrictModel
from generator.records.iptc import DEFAULT_GENRES, DEFAULT_URGENCY, Genre, MediaTopicCode, Urgency
from generator.records.values import DateTimeValue

SectionRole = Literal["key-points", "key-figures", "quotes", "positions", "context", "outlook"]


class Section(StrictModel):
    """A titled part of the briefing listing records in reading order."""

    role: SectionRole = Field(description="How the section is laid out")
    heading: LocalizedText | None = Field(None, description="Overrides the standard heading of the role")
    items: list[Ref("facts", "statements", "events")] = Field(min_length=1, description="Records, in order")


class Correction(StrictModel):
    """A published correction; each raises the briefing's version."""

    date: DateTimeValue
    text: LocalizedText = Field(description="What changed")


class Briefing(StrictModel):
    """A briefing: headline, standfirst and ordered sections."""

    title: LocalizedText = Field(description="Headline")
    standfirst: LocalizedText = Field(description="Two or three sentences under the headline")
    event: Ref("events") | None = Field(None, description="The event the briefing is about")
    published: DateTimeValue = Field(description="First publication, with offset and zone")
    status: Literal["draft", "embargoed", "published", "withdrawn"] = Field("draft", description="Editorial state")
    embargo: DateTimeValue | None = Field(None, description="Not released before this moment")
    summary: list[Ref("facts", "statements")] = Field(
        default_factory=list, description="Records for the five-sentence short version, in order")
    iptc_media_topics: list[MediaTopicCode] = Field(
        default_factory=list, description="IPTC Media Topics of the briefing as a whole (medtop:NNNNNNNN); the "
        "Media Topics of the questions it answers are added")
    genres: list[Genre] = Field(default_factory=lambda: list(DEFAULT_GENRES), min_length=1,
                                description="IPTC genres (cv.iptc.org/newscodes/genre); default Summary, which "
                                "IPTC labels Briefing")
    urgency: Urgency = Field(DEFAULT_URGENCY, description="IPTC urgency, 1 (most urgent) to 9; default 5, the "
                             "desk's normal")
    sections: list[Section] = Field(min_length=1, description="The body, in reading order")
    corrections: list[Correction] = Field(default_factory=list, description="Corrections, oldest first")
    withdrawal: LocalizedText | None = Field(None, description="Notice shown when status is withdrawn")
    withdrawn: DateTimeValue | None = Field(
        None, description="When it was withdrawn; required with status withdrawn (feeds show it as the update)")
