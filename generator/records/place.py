"""Places: cities, buildings and regions where things happen."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.records.base import Aliases, LocalizedNames, Ref, StrictModel


class Place(StrictModel):
    """A location with its name forms per language."""

    kind: Literal["city", "building", "region", "country"] = Field(description="What sort of place this is")
    name: LocalizedNames = Field(description="Full and short name per language")
    aliases: Aliases
    within: Ref("places", hierarchical=True) | None = Field(None, description="The place that contains this one")
    country: Ref("organisations") | None = Field(None, description="The state the place lies in")
