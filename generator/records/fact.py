"""Facts: decisions, pledges, figures, assessments and context."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.records.base import LocalizedText, Ref, SourceRefs, StrictModel
from generator.records.values import DateValue, TypedValue


class Fact(StrictModel):
    """One sourced claim, with its numbers as typed values."""

    kind: Literal["decision", "pledge", "figure", "assessment", "context"] = Field(description="What sort of fact")
    actors: list[Ref("people", "organisations")] = Field(default_factory=list, description="Who it is about")
    event: Ref("events") | None = Field(None, description="The event it belongs to")
    date: DateValue | None = Field(None, description="When it happened; unknown stays unknown")
    text: LocalizedText = Field(description="The fact as a sentence; {name} inserts values[name]")
    label: LocalizedText | None = Field(None, description="Caption when shown as a key figure")
    figure: str | None = Field(None, description="The value shown as the key figure, by its name in values")
    values: dict[str, TypedValue] = Field(default_factory=dict, description="Typed values the text refers to")
    sources: SourceRefs
