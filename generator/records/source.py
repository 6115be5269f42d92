"""Sources: where every statement and fact comes from."""

from __future__ import annotations

from typing import Annotated

from pydantic import AnyHttpUrl, Field

from generator.records.base import LocalizedText, StrictModel, Text
from generator.records.values import DateValue


def _language_tag() -> object:
    return Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$", description="BCP 47 language of the source, e.g. de")


class Source(StrictModel):
    """A document, report or official page that records cite."""

    title: LocalizedText = Field(description="How readers see the source named, per language")
    original_title: Text | None = Field(None, description="The title in the source's own language, when it has one")
    publisher: Text | None = Field(None, description="Who published it; leave empty when unknown")
    language: Annotated[str, _language_tag()]
    published: DateValue | None = Field(None, description="Publication date, as precisely as known")
    accessed: DateValue | None = Field(None, description="When the desk last read it")
    url: AnyHttpUrl | None = Field(None, description="Where to read it, when known")
