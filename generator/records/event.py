"""Events: meetings and summits that statements and facts belong to."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.records.base import LocalizedNames, LocalizedText, Ref, SourceRefs, StrictModel
from generator.records.values import DateValue


class Participant(StrictModel):
    """Someone who took part, in the capacity the sources give."""

    who: Ref("people", "organisations") = Field(description="The person or organisation taking part")
    role: LocalizedText | None = Field(None, description="Their capacity at this event, e.g. US envoy")


class Event(StrictModel):
    """A meeting or other occurrence with a date and place."""

    kind: Literal["summit", "meeting", "conference", "war", "other"] = Field(description="What sort of event")
    name: LocalizedNames = Field(description="Full and short name per language")
    date: DateValue = Field(description="When it happened, as precisely as known")
    place: Ref("places") | None = Field(None, description="Where it happened")
    organiser: Ref("organisations", "people") | None = Field(None, description="Host or convenor")
    participants: list[Participant] = Field(default_factory=list, description="Who took part")
    part_of: Ref("events", hierarchical=True) | None = Field(None, description="A larger event this belongs to")
    summary: LocalizedText = Field(description="What the event was, in one or two sentences")
    sources: SourceRefs
