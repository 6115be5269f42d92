"""Topics: the questions the positions matrix asks of every country."""

from __future__ import annotations

from pydantic import Field

from generator.records.base import LocalizedText, StrictModel
from generator.records.iptc import MediaTopicCode


class Topic(StrictModel):
    """A question such as 'ground troops in Ukraine?'."""

    label: LocalizedText = Field(description="Column heading in the positions matrix")
    question: LocalizedText = Field(description="The question in full")
    order: int = Field(0, description="Position of the column, lowest first")
    iptc_media_topics: list[MediaTopicCode] = Field(
        default_factory=list, description="IPTC Media Topics the question belongs to (medtop:NNNNNNNN), most specific "
        "first; partners' systems route the briefings that answer it by them")
