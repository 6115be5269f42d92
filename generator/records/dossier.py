"""Dossiers: briefings and profiles printed together."""

from __future__ import annotations

from pydantic import Field

from generator.records.base import LocalizedText, Ref, StrictModel
from generator.records.values import DateValue


class Dossier(StrictModel):
    """A collection to print as one PDF."""

    title: LocalizedText
    subtitle: LocalizedText | None = None
    date: DateValue = Field(description="The dossier's date, printed on the cover and in the metadata")
    briefings: list[Ref("briefings")] = Field(min_length=1)
    profiles: list[Ref("people", "organisations")] = Field(default_factory=list,
                                                           description="People and bodies to profile")
