"""People: participants, envoys and speakers, with the offices they held."""

from __future__ import annotations

from pydantic import Field

from generator.records.base import LocalizedNames, LocalizedText, Ref, SourceRefs, StrictModel
from generator.records.values import DateValue


class Role(StrictModel):
    """An office or function, as the sources give it."""

    title: LocalizedText = Field(description="The role, e.g. {de: Präsident Frankreichs, en: President of France}")
    organisation: Ref("organisations") | None = Field(None, description="The state or body the role belongs to")
    since: DateValue | None = Field(None, description="When the role began, as far as known")
    until: DateValue | None = Field(None, description="When it ended; empty while held")
    sources: SourceRefs


class Person(StrictModel):
    """A person with the name forms of each language."""

    name: LocalizedNames = Field(description="Full and short name per language")
    country: Ref("organisations") | None = Field(None, description="The state the person acts for")
    roles: list[Role] = Field(default_factory=list, description="Offices and functions, with sources")
    summary: LocalizedText | None = Field(None, description="One sentence for the profile page")
