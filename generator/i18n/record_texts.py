"""Every string of the records a translator translates, one entry each, with its stable key.

A localized field (`LocalizedDict`) holds a text per language, or a name's
forms per language. A translation tool wants one source string per entry,
so a name becomes one entry per form (`name.full`, `name.short`). The key
`record-id:field.path` is what PO files carry as `msgctxt`; an import looks
a key up here and nowhere else, so a file can only ever name a text that
exists, never a path of its own making.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from generator.config import ProjectConfig
from generator.i18n.confirmations import Confirmation, Confirmations, fingerprint
from generator.i18n.status import TranslationStatus
from generator.records.load import Record, RecordSet
from generator.records.walk import localized
from generator.yaml_reader import FieldPath, dotted

TextState = Literal["current", "stale", "missing"]


@dataclass(frozen=True)
class RecordText:
    """One translatable string of a record: a text, or one form of a name."""

    record: Record
    path: FieldPath
    """The localized field, e.g. `("sections", 0, "heading")`; the languages are keys below it."""
    part: str | None
    """`full` or `short` for a name's forms, None for a text."""
    source: str
    translation: str | None
    """The translation in the language asked for; None when there is none."""

    @property
    def field(self) -> str:
        """The localized field's dotted path, as `confirmed.yaml` and `briefing i18n status` name it."""
        return dotted(self.path)

    @property
    def key(self) -> str:
        """`record-id:field.path`, e.g. `eu-aid:text` or `emmanuel-macron:name.short`."""
        return f"{self.record.id}:{self.field}" + (f".{self.part}" if self.part else "")

    def yaml_path(self, language: str) -> FieldPath:
        """Where this string sits in the record's YAML for `language`."""
        return self.path + (language,) + ((self.part,) if self.part else ())

    def previous(self, confirmation: Confirmation | None) -> str | None:
        """The source text this string's translation was confirmed against, when that is known."""
        if confirmation is None or confirmation.source is None:
            return None
        stored = confirmation.source
        if self.part is None:
            return stored if isinstance(stored, str) else None
        return stored.get(self.part) if isinstance(stored, dict) else None


def record_texts(records: RecordSet, config: ProjectConfig, language: str) -> Iterator[RecordText]:
    """Every translatable string, in record order (kind, id) and field order."""
    for record in records:
        for path, texts in localized(record.fields):
            source = texts.get(config.source_language)
            if source is None:
                continue  # nothing to translate from; `briefing i18n status` reports it
            for part, words in _parts(source):
                target = _part(texts.get(language), part)
                yield RecordText(record, path, part, words, target)


def _parts(value: Any) -> Iterator[tuple[str | None, str]]:
    if isinstance(value, str):
        yield None, value
    elif isinstance(value, BaseModel):
        for part, words in value.model_dump(mode="json").items():
            if isinstance(words, str):
                yield part, words


def _part(value: Any, part: str | None) -> str | None:
    if part is None:
        return value if isinstance(value, str) else None
    words = getattr(value, part, None) if isinstance(value, BaseModel) else None
    return words if isinstance(words, str) else None


def text_state(text: RecordText, status: TranslationStatus, confirmed: Confirmations, language: str) -> TextState:
    """Whether a translator must look at this string: missing, stale (its source changed), or current.

    A name counts per form: when only the short form of the German changed,
    the full form's translation stays current.
    """
    if text.translation is None:
        return "missing"
    if not status.is_stale(text.record.id, text.path, language):
        return "current"
    confirmation = confirmed.get((text.record.id, text.field, language))
    previous = text.previous(confirmation)
    if text.part is not None and previous is not None and fingerprint(previous) == fingerprint(text.source):
        return "current"
    return "stale"
