"""Translation status: which localized texts are missing, and which are older than their source.

A record's localized text (every `LocalizedDict`) holds the source-language
text (`source_language`, `de`) and its translations. A translation is

- **missing** when its language key is absent, and
- **stale** when the source text changed since a person last confirmed the
  translation against it, or when it was never confirmed.

Why confirmations in one file: a translator confirms "this English matches
that German" with `briefing i18n confirm` (or by importing a PO file),
which stores the source text per record, field and language in
`locales/confirmed.yaml` (see `generator.i18n.confirmations`). Editing the
German text changes its fingerprint, and the translation turns stale without
anyone having to remember it; the stale message shows what changed.
Template strings count as missing when their catalog entry is untranslated
or fuzzy (see `generator.i18n.catalogs`).
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from generator.config import ProjectConfig
from generator.errors import BriefingError, Problem
from generator.i18n.catalogs import TemplateGap, template_gaps
from generator.i18n.confirmations import (
    Confirmation,
    Confirmations,
    Key,
    confirmations_path,
    fingerprint,
    load_confirmations,
    migrate,
    write_confirmations,
)
from generator.i18n.word_diff import word_diff
from generator.records.load import Record, RecordSet
from generator.records.walk import localized
from generator.yaml_reader import FieldPath, dotted

__all__ = ["ConfirmReport", "RecordGap", "TranslationStatus", "confirm", "confirmations_path", "fingerprint",
           "load_confirmations", "source_texts", "translation_status"]

GapKind = Literal["missing", "stale"]


@dataclass(frozen=True)
class RecordGap:
    """One localized text of a record that a reader in `language` would not get right."""

    language: str
    record_id: str
    field: str
    """Dotted path of the localized text, e.g. `sections[0].heading`."""
    kind: GapKind
    problem: Problem


@dataclass(frozen=True)
class TranslationStatus:
    """Every missing or stale translation; a strict build refuses them, a draft build marks them."""

    records: tuple[RecordGap, ...] = ()
    templates: tuple[TemplateGap, ...] = ()

    @property
    def clean(self) -> bool:
        return not self.records and not self.templates

    @cached_property
    def _flags(self) -> dict[tuple[str, str, str], GapKind]:
        return {(gap.record_id, gap.field, gap.language): gap.kind for gap in self.records}

    def flag(self, record_id: str, path: FieldPath | str, language: str) -> GapKind | None:
        """`missing`, `stale` or None for the text at `path` (tuple or dotted) of a record in `language`."""
        field = path if isinstance(path, str) else dotted(path)
        return self._flags.get((record_id, field, language))

    def is_missing(self, record_id: str, path: FieldPath | str, language: str) -> bool:
        return self.flag(record_id, path, language) == "missing"

    def is_stale(self, record_id: str, path: FieldPath | str, language: str) -> bool:
        return self.flag(record_id, path, language) == "stale"

    def untranslated_msgids(self, language: str) -> frozenset[tuple[str | None, str]]:
        """Template strings shown in English in `language` (untranslated, fuzzy or not in the catalog).

        As (msgctxt, msgid) pairs: "against" may be translated as a stance and not as a preposition.
        """
        return frozenset((gap.context, gap.msgid) for gap in self.templates if gap.language == language)

    def for_language(self, language: str) -> TranslationStatus:
        return TranslationStatus(tuple(g for g in self.records if g.language == language),
                                 tuple(g for g in self.templates if g.language == language))

    @property
    def languages(self) -> tuple[str, ...]:
        """Languages with at least one gap, sorted."""
        return tuple(sorted({g.language for g in self.records} | {g.language for g in self.templates}))

    def problems(self) -> list[Problem]:
        """All gaps as problems in file order, e.g. for `ContentError` in a strict build."""
        return sorted({g.problem for g in self.records} | {g.problem for g in self.templates})

    def summary(self) -> str:
        kinds = Counter(gap.kind for gap in self.records)
        return (f"{kinds['missing']} missing and {kinds['stale']} stale record text(s), "
                f"{len(self.templates)} untranslated template string(s)")


def translation_status(records: RecordSet, config: ProjectConfig, *, templates: bool = True) -> TranslationStatus:
    """Compare every localized text with the confirmations file and, unless `templates` is False,
    every template string with the catalogs."""
    confirmed = load_confirmations(config)
    gaps = [gap for record in records for gap in _record_gaps(record, config, confirmed)]
    return TranslationStatus(tuple(gaps), tuple(template_gaps(config)) if templates else ())


def _record_gaps(record: Record, config: ProjectConfig, confirmed: Confirmations) -> Iterator[RecordGap]:
    source = config.source_language
    for path, texts in localized(record.fields):
        field = dotted(path)
        if source not in texts:
            yield RecordGap(source, record.id, field, "missing", record.problem(
                path, f"the {source} source text is missing",
                f"add `{source}:` with the text; {source} is the language translations are made from",
                code="missing-translation"))
            continue
        current = fingerprint(texts[source])
        for language in config.target_languages:
            if language not in texts:
                yield RecordGap(language, record.id, field, "missing", record.problem(
                    path, f"{language} translation is missing",
                    f"add `{language}:` with the translation, then run `briefing i18n confirm {record.id} "
                    f"--language {language}`", code="missing-translation"))
                continue
            stored = confirmed.get((record.id, field, language))
            if stored is None or stored.fingerprint != current:
                yield RecordGap(language, record.id, field, "stale", record.problem(
                    path + (language,), f"{language} translation {_change(stored, texts[source], source)}",
                    f"check the {language} text against the {source} text and update it, then run "
                    f"`briefing i18n confirm {record.id} --language {language}`", code="stale-translation"))


def _change(stored: Confirmation | None, current: Any, source: str) -> str:
    """Why a translation is stale, with the words of the source that changed when they are known."""
    if stored is None:
        return "was never confirmed"
    if stored.source is None:
        return f"is older than the {source} text"
    return f"is older than the {source} text, which changed: {word_diff(stored.source, current)}"


@dataclass(frozen=True)
class ConfirmReport:
    """What `confirm` wrote: translations confirmed, confirmations dropped, and whether the file changed."""

    path: Path
    confirmed: int
    removed: int
    changed: bool


def confirm(records: RecordSet, config: ProjectConfig, language: str | None = None,
            ids: Sequence[str] | None = None) -> ConfirmReport:
    """Record that the present translations match the current source texts.

    Only the given `ids` (default: every record) and `language` (default: every target language)
    are touched. Within that scope the confirmations are rebuilt, so those of removed fields,
    removed translations and (when no ids are given) removed records are dropped.
    Pass only a fully loaded record set: a record that failed to load would lose its confirmations.
    """
    languages = _target_languages(config, language)
    wanted = _known_ids(records, ids)
    before = load_confirmations(config)

    def in_scope(key: Key) -> bool:
        return key[2] in languages and (ids is None or key[0] in wanted)

    current = source_texts(records, config)
    fresh: Confirmations = {}
    for record_id in wanted:
        record = records.get(record_id)
        assert record is not None
        for path, texts in localized(record.fields):
            if config.source_language in texts:
                confirmation = Confirmation.of(texts[config.source_language])
                fresh.update({(record_id, dotted(path), lang): confirmation for lang in languages if lang in texts})
    kept = migrate({key: value for key, value in before.items() if not in_scope(key)}, current)
    after = kept | fresh
    removed = sum(1 for key in before if in_scope(key) and key not in fresh)
    changed = write_confirmations(config, after)
    return ConfirmReport(confirmations_path(config), len(fresh), removed, changed)


def source_texts(records: RecordSet, config: ProjectConfig) -> dict[Key, Any]:
    """The current source text behind every (record, field, target language) a confirmation may name."""
    return {(record.id, dotted(path), language): texts[config.source_language]
            for record in records for path, texts in localized(record.fields)
            if config.source_language in texts for language in config.target_languages}


def target_language(config: ProjectConfig, language: str) -> str:
    """`language` when translations into it can be made, else an error naming the ones that can."""
    return _target_languages(config, language)[0]


def _target_languages(config: ProjectConfig, language: str | None) -> tuple[str, ...]:
    if language is None:
        return config.target_languages
    if language == config.source_language:
        raise BriefingError(f"{language} is the source language: translations are confirmed against it "
                            f"(pick one of {', '.join(config.target_languages)})")
    if language not in config.languages:
        raise BriefingError(f"language {language!r} is not configured "
                            f"(configured: {', '.join(config.codes)}; see plugins.briefing.languages in mkdocs.yml)")
    return (language,)


def _known_ids(records: RecordSet, ids: Sequence[str] | None) -> list[str]:
    if ids is None:
        return records.ids()
    unknown = [record_id for record_id in ids if records.get(record_id) is None]
    if unknown:
        hints = []
        for record_id in unknown:
            close = difflib.get_close_matches(record_id, records.ids(), n=1)
            hints.append(f"{record_id!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
        raise BriefingError(f"no record with id {', '.join(hints)}; ids are content file names without .yaml")
    return sorted(set(ids))
