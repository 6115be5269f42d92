"""Events: meetings and summits that statements and facts belong to."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.records.base import LocalizedNames, LocalizedText, Ref, SourceRefs, StrictModel
from generator.records.values import DateTimeValue, DateValue, DayOrMoment, PartialDate, day_of


class Participant(StrictModel):
    """Someone who took part, in the capacity the sources give."""

    who: Ref("people", "organisations") = Field(description="The person or organisation taking part")
    role: LocalizedText | None = Field(None, description="Their capacity at this event, e.g. US envoy")


class Event(StrictModel):
    """A meeting or other occurrence with a date and place."""

    kind: Literal["summit", "meeting", "conference", "session", "visit", "war", "other"] = Field(
        description="What sort of event; session: a sitting of a parliament")
    name: LocalizedNames = Field(description="Full and short name per language")
    date: DayOrMoment = Field(
        description="When it starts: a day as precisely as known, or a moment with its zone when the time of day is")
    end: DayOrMoment | None = Field(
        None, description="When it ends, for an event over several days (a day) or hours (a moment)")
    status: Literal["planned", "happened", "cancelled"] = Field(
        "happened", description="planned: announced, not yet held; cancelled: called off")
    place: Ref("places") | None = Field(None, description="Where it happened")
    organiser: Ref("organisations", "people") | None = Field(None, description="Host or convenor")
    participants: list[Participant] = Field(default_factory=list, description="Who took part")
    part_of: Ref("events", hierarchical=True) | None = Field(None, description="A larger event this belongs to")
    summary: LocalizedText = Field(description="What the event was, in one or two sentences")
    sources: SourceRefs

    @property
    def day(self) -> PartialDate:
        """The day it starts, on the clock of its zone (as precisely as known)."""
        return day_of(self.date)

    @property
    def day_value(self) -> DateValue:
        """The day it starts as a date value, for a `{date}` placeholder of a record at this event."""
        return DateValue(date=self.day)

    @property
    def time_of_day(self) -> tuple[int, int] | None:
        """Hours and minutes it starts at, on its own clock; None when only the day is known."""
        if isinstance(self.date, DateTimeValue):
            local = self.date.local()
            return local.hour, local.minute
        return None

