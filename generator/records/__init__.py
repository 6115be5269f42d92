"""Typed records: one kind per folder of `content/`, one record per file."""

from __future__ import annotations

from pydantic import BaseModel

from generator.records.briefing import Briefing
from generator.records.dossier import Dossier
from generator.records.event import Event
from generator.records.fact import Fact
from generator.records.organisation import Organisation
from generator.records.person import Person
from generator.records.place import Place
from generator.records.source import Source
from generator.records.statement import Statement
from generator.records.topic import Topic

KINDS: dict[str, type[BaseModel]] = {
    "sources": Source,
    "people": Person,
    "organisations": Organisation,
    "places": Place,
    "events": Event,
    "topics": Topic,
    "statements": Statement,
    "facts": Fact,
    "briefings": Briefing,
    "dossiers": Dossier,
}
"""Folder name → model. The folder is the kind; the file stem is the id."""

__all__ = ["KINDS", "Briefing", "Dossier", "Event", "Fact", "Organisation", "Person", "Place", "Source",
           "Statement", "Topic"]
