"""People: participants, envoys and speakers, with the offices they held."""

from __future__ import annotations

from pydantic import Field

from generator.records.base import Aliases, LocalizedNames, LocalizedText, Ref, SourceRefs, StrictModel
from generator.records.values import DateValue


class Role(StrictModel):
    """An office or function, as the sources give it."""

    title: LocalizedText = Field(description="The role, e.g. {de: Präsident Frankreichs, en: President of France}")
    organisation: Ref("organisations") | None = Field(None, description="The state or body the role belongs to")
    since: DateValue | None = Field(None, description="When the role began, as far as known")
    until: DateValue | None = Field(None, description="When it ended; empty while held")
    sources: SourceRefs


class Membership(StrictModel):
    """Belonging to a party or another body: not an office, so profiles list it apart."""

    organisation: Ref("organisations") = Field(description="The party or body, e.g. cdu")
    since: DateValue | None = Field(None, description="When it began, as far as known")
    until: DateValue | None = Field(None, description="When it ended; empty while it lasts")
    sources: SourceRefs


class Person(StrictModel):
    """A person with the name forms of each language."""

    name: LocalizedNames = Field(description="Full and short name per language")
    aliases: Aliases
    country: Ref("organisations") | None = Field(None, description="The state the person acts for")
    roles: list[Role] = Field(default_factory=list, description="Offices and functions, with sources")
    memberships: list[Membership] = Field(default_factory=list, description="Parties and bodies the person "
                                          "belongs to, with sources")
    summary: LocalizedText | None = Field(None, description="One sentence for the profile page")
