"""Translation status: which localized texts are missing, and which are older than their source.

A record's localized text (every `LocalizedDict`) holds the source-language
text (`source_language`, `de`) and its translations. A translation is

- **missing** when its language key is absent, and
- **stale** when the source text changed since a person last confirmed the
  translation against it, or when it was never confirmed.

Why fingerprints in one file: a translator confirms "this English matches
that German" with `briefing i18n confirm`, which stores a short hash of the
source text per record, field and language in `locales/confirmed.yaml`.
The file is sorted and one value a line, so confirmations show up in review
and merge like any other change; editing the German text changes its hash,
and the translation turns stale without anyone having to remember it.
Template strings count as missing when their catalog entry is untranslated
or fuzzy (see `generator.i18n.catalogs`).
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel

from generator.config import ProjectConfig
from generator.errors import BriefingError, ContentError, Problem
from generator.i18n.catalogs import TemplateGap, template_gaps
from generator.records.load import Record, RecordSet
from generator.records.walk import localized
from generator.write import write_if_changed
from generator.yaml_reader import LIMIT_CEILINGS, FieldPath, Limits, dotted, read_yaml

CONFIRMATIONS_FILE = "confirmed.yaml"
FINGERPRINT = re.compile(r"^[0-9a-f]{16}$")
HEADER = (
    "# Translations confirmed against their source text, written by `briefing i18n confirm`.\n"
    "# record id → field → language → fingerprint of the source-language text the translation was\n"
    "# confirmed against. When the source text changes, its fingerprint no longer matches and\n"
    "# `briefing i18n status` reports the translation as stale.\n"
)

GapKind = Literal["missing", "stale"]
Key = tuple[str, str, str]
"""(record id, dotted field path, language)."""
Confirmations = dict[Key, str]
"""Fingerprint of the source text each translation was confirmed against."""


def fingerprint(value: Any) -> str:
    """A short hash of a source text, blind to Unicode form and to how the YAML wrapped it.

    >>> fingerprint("Die EU hat  kürzlich\\n genehmigt.") == fingerprint("Die EU hat kürzlich genehmigt.")
    True
    >>> fingerprint("Die EU hat kürzlich genehmigt.")
    '038ecc4a5b463f6d'
    """
    normal = _normalise(value)
    text = normal if isinstance(normal, str) else json.dumps(normal, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _normalise(value: Any) -> Any:
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json")
    if isinstance(value, str):
        return " ".join(unicodedata.normalize("NFC", value).split())
    if isinstance(value, dict):
        return {str(key): _normalise(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_normalise(item) for item in value]
    return value


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
    for path, texts in localized(record.model):
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
            if stored != current:
                change = "was never confirmed" if stored is None else f"is older than the {source} text"
                yield RecordGap(language, record.id, field, "stale", record.problem(
                    path + (language,), f"{language} translation {change}",
                    f"check the {language} text against the {source} text and update it, then run "
                    f"`briefing i18n confirm {record.id} --language {language}`", code="stale-translation"))


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

    fresh: Confirmations = {}
    for record_id in wanted:
        record = records.get(record_id)
        assert record is not None
        for path, texts in localized(record.model):
            if config.source_language in texts:
                current = fingerprint(texts[config.source_language])
                fresh.update({(record_id, dotted(path), lang): current for lang in languages if lang in texts})
    after = {key: value for key, value in before.items() if not in_scope(key)} | fresh
    removed = sum(1 for key in before if in_scope(key) and key not in fresh)
    changed = write_confirmations(config, after)
    return ConfirmReport(confirmations_path(config), len(fresh), removed, changed)


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


def confirmations_path(config: ProjectConfig) -> Path:
    return config.locales_dir / CONFIRMATIONS_FILE


CONFIRMATION_LIMITS = Limits(record_bytes=LIMIT_CEILINGS["record_bytes"], depth=4, values=LIMIT_CEILINGS["values"])
"""confirmed.yaml grows with the archive (a few values per translated field), and is the project's own file."""


def load_confirmations(config: ProjectConfig) -> Confirmations:
    """Read `locales/confirmed.yaml` strictly (duplicate keys after a merge are errors); empty if absent."""
    path = confirmations_path(config)
    if not path.is_file():
        return {}
    document, problems = read_yaml(path, CONFIRMATION_LIMITS)
    if document is None:
        raise ContentError(problems)
    data = document.data if document.data is not None else {}
    problems = list(_shape_problems(data, document, path))
    if problems:
        raise ContentError(problems)
    return {(record_id, field, language): value for record_id, fields in data.items()
            for field, languages in fields.items() for language, value in languages.items()}


def _shape_problems(data: Any, document: Any, path: Path) -> Iterator[Problem]:
    hint = "fix or delete the entry, then run `briefing i18n confirm` for that record"

    def problem(where: FieldPath, message: str) -> Problem:
        position = document.position(where)
        return Problem(path, position.line, position.column, dotted(where), message, hint, code="confirmations")

    if not isinstance(data, dict):
        yield problem((), "expected a mapping of record id → field → language → fingerprint")
        return
    for record_id, fields in data.items():
        if not isinstance(fields, dict):
            yield problem((record_id,), "expected a mapping of field → language → fingerprint")
            continue
        for field, languages in fields.items():
            if not isinstance(languages, dict):
                yield problem((record_id, field), "expected a mapping of language → fingerprint")
                continue
            for language, value in languages.items():
                if not (isinstance(value, str) and FINGERPRINT.match(value)):
                    yield problem((record_id, field, language), f"{value!r} is not a 16-digit hex fingerprint")


class _Dumper(yaml.SafeDumper):
    """Quotes every value and every key that a YAML 1.1 or 1.2 reader could take for something else."""


_PLAIN_KEY = re.compile(r"^[a-z_][a-z0-9_-]*(?:\[[0-9]+\]|\.[a-z_][a-z0-9_]*)*$")
_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    plain = bool(_PLAIN_KEY.match(value)) and value not in _YAML_WORDS and not FINGERPRINT.match(value)
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=None if plain else '"')


_Dumper.add_representer(str, _represent_str)


def write_confirmations(config: ProjectConfig, confirmed: Confirmations) -> bool:
    """Write the confirmations sorted, one fingerprint a line; only when the bytes change."""
    nested: dict[str, dict[str, dict[str, str]]] = {}
    for (record_id, field, language), value in confirmed.items():
        nested.setdefault(record_id, {}).setdefault(field, {})[language] = value
    body = yaml.dump(nested, Dumper=_Dumper, sort_keys=True, allow_unicode=True, default_flow_style=False,
                     width=120) if confirmed else "{}\n"
    data = (HEADER + body).encode("utf-8")
    return write_if_changed(confirmations_path(config), data)
