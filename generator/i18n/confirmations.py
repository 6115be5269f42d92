"""`locales/confirmed.yaml`: which source text each translation was last confirmed against.

Why the source text itself, not only its fingerprint: a translator who
finds a translation stale needs to see what changed in the German, and the
PO export gives editors the previous text as gettext's `#| msgid`. Files
written before kept only a 16-digit fingerprint per translation; they still
load, and the next `briefing i18n confirm` (or `import`) fills in the source
text of every entry whose fingerprint still matches the current German.

The file is sorted by record, field and language, one source text a line,
so a confirmation shows in review as the German it vouches for.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from generator.config import ProjectConfig
from generator.errors import ContentError, Problem
from generator.write import write_if_changed
from generator.yaml_reader import LIMIT_CEILINGS, FieldPath, Limits, dotted, read_yaml

CONFIRMATIONS_FILE = "confirmed.yaml"
FINGERPRINT = re.compile(r"^[0-9a-f]{16}$")
HEADER = (
    "# Translations confirmed against their source text, written by `briefing i18n confirm` and `import`.\n"
    "# record id → field → language → source: the source-language text the translation was confirmed\n"
    "# against. When the source text changes, `briefing i18n status` reports the translation as stale and\n"
    "# shows what changed. A bare 16-digit fingerprint is an entry from before briefing kept the text.\n"
)

Key = tuple[str, str, str]
"""(record id, dotted field path, language)."""


def source_value(value: Any) -> Any:
    """The part of a source text a translation answers to: the words, without the grammar of names.

    >>> source_value("Die EU")
    'Die EU'
    """
    return value.model_dump(mode="json") if isinstance(value, BaseModel) else value


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
    value = source_value(value)
    if isinstance(value, str):
        return " ".join(unicodedata.normalize("NFC", value).split())
    if isinstance(value, dict):
        return {str(key): _normalise(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_normalise(item) for item in value]
    return value


@dataclass(frozen=True)
class Confirmation:
    """What a translation was confirmed against: the fingerprint, and the source text when it is known."""

    fingerprint: str
    source: Any = None
    """The source text (a string, or the words of a name as a mapping); None in entries from older files."""

    @classmethod
    def of(cls, source: Any) -> Confirmation:
        value = source_value(source)
        return cls(fingerprint(value), value)

    def matches(self, source: Any) -> bool:
        return self.fingerprint == fingerprint(source)


Confirmations = dict[Key, Confirmation]


def confirmations_path(config: ProjectConfig) -> Path:
    return config.locales_dir / CONFIRMATIONS_FILE


CONFIRMATION_LIMITS = Limits(record_bytes=LIMIT_CEILINGS["record_bytes"], depth=5, values=LIMIT_CEILINGS["values"])
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

    def problem(where: FieldPath, message: str) -> Problem:
        position = document.position(where)
        return Problem(path, position.line, position.column, dotted(where), message,
                       "fix or delete the entry, then run `briefing i18n confirm` for that record",
                       code="confirmations")

    if not isinstance(data, dict):
        raise ContentError([problem((), "expected a mapping of record id → field → language → source")])
    confirmed: Confirmations = {}
    problems = []
    for record_id, fields in data.items():
        if not isinstance(fields, dict):
            problems.append(problem((record_id,), "expected a mapping of field → language → source"))
            continue
        for field, languages in fields.items():
            if not isinstance(languages, dict):
                problems.append(problem((record_id, field), "expected a mapping of language → source"))
                continue
            for language, value in languages.items():
                entry = _entry(value)
                if entry is None:
                    problems.append(problem((record_id, field, language),
                                            f"{value!r} is neither `source: <text>` nor a 16-digit hex fingerprint"))
                else:
                    confirmed[(record_id, field, language)] = entry
    if problems:
        raise ContentError(problems)
    return confirmed


def _entry(value: Any) -> Confirmation | None:
    if isinstance(value, str):
        return Confirmation(value) if FINGERPRINT.match(value) else None
    if isinstance(value, dict) and set(value) == {"source"} and _is_source(value["source"]):
        return Confirmation.of(value["source"])
    return None


def _is_source(value: Any) -> bool:
    if isinstance(value, str):
        return True
    return isinstance(value, dict) and all(isinstance(item, (str, type(None))) for item in value.values())


def migrate(confirmed: Confirmations, current: dict[Key, Any]) -> Confirmations:
    """Fill in the source text of old fingerprint-only entries that still match the `current` source texts."""
    return {key: Confirmation.of(current[key]) if entry.source is None and key in current
            and entry.matches(current[key]) else entry for key, entry in confirmed.items()}


class _Dumper(yaml.SafeDumper):
    """Quotes every value and every key that a YAML 1.1 or 1.2 reader could take for something else.

    Never writes anchors and aliases: two languages confirmed against the same
    source share one value, and the strict reader refuses aliases.
    """

    def ignore_aliases(self, data: Any) -> bool:
        return True


_PLAIN_KEY = re.compile(r"^[a-z_][a-z0-9_-]*(?:\[[0-9]+\]|\.[a-z_][a-z0-9_]*)*$")
_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    plain = bool(_PLAIN_KEY.match(value)) and value not in _YAML_WORDS and not FINGERPRINT.match(value)
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=None if plain else '"')


_Dumper.add_representer(str, _represent_str)

_ONE_LINE = 1_000_000
"""The dump width: a source text stays on one line, so a changed word is a changed line in review."""


def write_confirmations(config: ProjectConfig, confirmed: Confirmations) -> bool:
    """Write the confirmations sorted, one source text a line; only when the bytes change."""
    nested: dict[str, dict[str, dict[str, Any]]] = {}
    for (record_id, field, language), entry in confirmed.items():
        value = entry.fingerprint if entry.source is None else {"source": entry.source}
        nested.setdefault(record_id, {}).setdefault(field, {})[language] = value
    body = yaml.dump(nested, Dumper=_Dumper, sort_keys=True, allow_unicode=True, default_flow_style=False,
                     width=_ONE_LINE) if confirmed else "{}\n"
    return write_if_changed(confirmations_path(config), (HEADER + body).encode("utf-8"))
