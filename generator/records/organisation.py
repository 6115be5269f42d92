"""Organisations: states, alliances, coalitions and institutions."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.records.base import Aliases, LocalizedNames, LocalizedText, Ref, StrictModel


class Organisation(StrictModel):
    """A state, alliance, coalition or institution such as the EU or NATO."""

    kind: Literal["state", "alliance", "coalition", "institution", "government", "party"] = Field(
        description="What sort of body this is")
    name: LocalizedNames = Field(description="Full and short name per language")
    aliases: Aliases
    part_of: Ref("organisations", hierarchical=True) | None = Field(
        None, description="The larger body this belongs to")
    summary: LocalizedText | None = Field(None, description="One sentence for the profile page")
