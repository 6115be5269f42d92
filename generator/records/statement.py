"""Statements: direct quotes, reported speech and positions."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.records.base import LocalizedText, Ref, SourceRefs, StrictModel
from generator.records.values import DateValue, TypedValue


class QuoteOrigin(StrictModel):
    """What is known about the words of a quotation."""

    language: str = Field(pattern=r"^[a-z]{2,3}$", description="Language of the wording the source prints")
    spoken_language: str | None = Field(None, pattern=r"^[a-z]{2,3}$",
                                        description="Language the speaker used; empty when unknown")
    translation: bool | None = Field(None, description="Whether the source's wording is itself a translation; "
                                                       "empty when the source does not say")


class Stance(StrictModel):
    """Where the statement places its actor on one question of the positions matrix."""

    topic: Ref("topics")
    answer: Literal["yes", "no", "conditional", "leads"] = Field(description="The actor's position")
    note: LocalizedText = Field(description="The position in a few words, for the matrix cell")


class Statement(StrictModel):
    """Something said or a position held, attributed and sourced."""

    kind: Literal["quote", "partial-quote", "reported", "position"] = Field(
        description="quote: the text is the speaker's own words, verbatim; partial-quote: reported speech with "
                    'a few quoted words as {"…"}; reported: indirect speech, no quoted words; position: a stance held')
    speaker: Ref("people") | None = Field(None, description="Who spoke; empty for a state's position")
    actor: Ref("organisations") | None = Field(
        None, description="The state or body the statement speaks for; empty when the report does not say")
    unnamed: LocalizedText | None = Field(
        None, description="Who, when the report names no one, in its words: Regierungskreise, diplomats…")
    event: Ref("events") | None = Field(None, description="Where it was said, when known")
    date: DateValue | None = Field(None, description="When it was said, when known")
    text: LocalizedText = Field(description='The statement: a quote\'s words without quotation marks, else '
                                'the report\'s sentence with quoted words as {"…"}')
    values: dict[str, TypedValue] = Field(default_factory=dict, description="Typed values the text refers to")
    quote: QuoteOrigin | None = Field(None, description="The words' language; required for quote and partial-quote")
    stances: list[Stance] = Field(default_factory=list, description="Cells of the positions matrix")
    sources: SourceRefs
