"""Topics: the questions the positions matrix asks of every country."""

from __future__ import annotations

from pydantic import Field

from generator.records.base import LocalizedText, StrictModel


class Topic(StrictModel):
    """A question such as 'ground troops in Ukraine?'."""

    label: LocalizedText = Field(description="Column heading in the positions matrix")
    question: LocalizedText = Field(description="The question in full")
    order: int = Field(0, description="Position of the column, lowest first")
