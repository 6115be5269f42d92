"""Load `content/` into a `RecordSet`, collecting every problem in one pass."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.cache import digest
from generator.errors import Problem
from generator.records import KINDS
from generator.records.base import SLUG_PATTERN
from generator.records.walk import walk
from generator.yaml_reader import DEFAULT_LIMITS, FieldPath, Limits, YamlDocument, dotted, read_yaml


@dataclass(frozen=True)
class Record:
    """A validated record with the file it came from, for messages and links."""

    kind: str
    id: str
    model: Any
    path: Path
    document: YamlDocument

    @cached_property
    def fields(self) -> tuple[tuple[FieldPath, Any], ...]:
        """Every value of the model with its field path (`walk`), walked once: each check and status reads them."""
        return tuple(walk(self.model))

    @cached_property
    def fingerprint(self) -> str:
        """The hash of the validated content (comments and layout of the YAML do not count), taken once: the
        published versions and the cache keys of the outputs that read the record compare it."""
        return digest(self.model.model_dump_json())

    def problem(self, path: FieldPath, message: str, hint: str = "", *, severity: str = "error",
                code: str = "invalid", key: bool = False) -> Problem:
        """A problem located at `path` inside this record's file."""
        where = self.document.position(path, key=key)
        return Problem(self.path, where.line, where.column, dotted(path), message, hint, severity, code)


class RecordSet:
    """All records, addressable by id; ids are unique across kinds."""

    def __init__(self, records: Sequence[Record], broken: dict[str, str] | None = None):
        self._by_id = {record.id: record for record in records}
        self.broken = broken or {}
        """Ids (→ kind) of files that exist but failed to load, so references to them are not reported twice."""
        self._ordered = sorted(self._by_id.values(), key=lambda r: (r.kind, r.id))
        self._by_kind: dict[str, list[Record]] = {}
        for record in self._ordered:
            self._by_kind.setdefault(record.kind, []).append(record)

    def __iter__(self) -> Iterator[Record]:
        return iter(self._ordered)

    def __len__(self) -> int:
        return len(self._by_id)

    def get(self, record_id: str) -> Record | None:
        return self._by_id.get(record_id)

    def of_kind(self, kind: str) -> list[Record]:
        """The records of one kind by id: a copy, sorted once (pages ask for a kind thousands of times)."""
        return list(self._by_kind.get(kind, ()))

    def ids(self) -> list[str]:
        return sorted(self._by_id)


MAX_ID_LENGTH = 80
"""Ids become file names and URL segments in every output; 80 characters leave room on every file system."""


def load_records(content_dir: Path, languages: Sequence[str], limits: Limits = DEFAULT_LIMITS
                 ) -> tuple[RecordSet, list[Problem]]:
    """Read and validate every record file under `content_dir`.

    Args:
        content_dir: the folder with one subfolder per record kind.
        languages: the configured language codes, which localized text must use.
        limits: what one file may cost to read (`ProjectConfig.limits`, from mkdocs.yml).

    Returns:
        The records that validated and the problems of all that did not.
    """
    problems: list[Problem] = []
    records: dict[str, Record] = {}
    broken: dict[str, str] = {}
    if not content_dir.is_dir():
        return RecordSet([]), [Problem(content_dir, None, None, "", "content folder not found",
                                       "create it or set content_dir in mkdocs.yml")]
    for path in sorted(content_dir.rglob("*")):
        hidden = any(part.startswith(".") for part in path.relative_to(content_dir).parts)
        if path.is_dir() or hidden or path.name == "README.md":
            continue
        kind, record_id, problem = _identify(content_dir, path)
        if problem:
            problems.append(problem)
            continue
        record, found = _load_one(path, kind, record_id, languages, limits)
        problems += found
        if record is None:
            broken[record_id] = kind
        if record and record_id in records:
            other = records[record_id].path
            problems.append(Problem(path, 1, 1, "", f"id {record_id!r} is already used by {other}",
                                    "ids are unique across all kinds; rename one file", code="duplicate-id"))
        elif record:
            records[record_id] = record
    return RecordSet(list(records.values()), broken), problems


def _identify(content_dir: Path, path: Path) -> tuple[str, str, Problem | None]:
    parts = path.relative_to(content_dir).parts
    kind, record_id = (parts[0] if len(parts) > 1 else ""), path.stem
    if len(parts) != 2 or kind not in KINDS:
        return kind, record_id, Problem(path, 1, 1, "", "file is not in a record folder",
                                        f"put records in content/<kind>/ with kind one of {', '.join(KINDS)}",
                                        code="layout")
    if path.suffix != ".yaml":
        return kind, record_id, Problem(path, 1, 1, "", f"unexpected file type {path.suffix or '(none)'}",
                                        "records are .yaml files", code="layout")
    if len(record_id) > MAX_ID_LENGTH:
        return kind, record_id, Problem(path, 1, 1, "", f"id is {len(record_id)} characters long",
                                        f"rename the file to at most {MAX_ID_LENGTH} characters", code="id")
    target = Path(os.path.realpath(path))  # unlike Path.resolve, never raises on a link loop
    if path.is_symlink() and not target.is_relative_to(os.path.realpath(content_dir)):
        return kind, record_id, Problem(path, None, None, "", f"symbolic link to {target}, outside the "
                                        "content folder", "put the record itself in the content folder",
                                        code="file")
    if not re.match(SLUG_PATTERN, record_id):
        return kind, record_id, Problem(path, 1, 1, "", f"id {record_id!r} is not a slug",
                                        "rename the file to lowercase letters, digits and hyphens, "
                                        "starting with a letter or digit", code="id")
    return kind, record_id, None


def _load_one(path: Path, kind: str, record_id: str, languages: Sequence[str], limits: Limits
              ) -> tuple[Record | None, list[Problem]]:
    document, problems = read_yaml(path, limits)
    if document is None:
        return None, problems
    if not isinstance(document.data, dict):
        return None, [Problem(path, 1, 1, "", "a record file must hold a mapping of fields",
                              f"see schemas/{kind}.schema.json", code="layout")]
    model_class: type[BaseModel] = KINDS[kind]
    try:
        model = model_class.model_validate(document.data, context={"languages": tuple(languages)})
    except ValidationError as exc:
        return None, [_problem_from(error, path, document) for error in exc.errors(include_url=False)]
    return Record(kind, record_id, model, path, document), []


def _problem_from(error: Any, path: Path, document: YamlDocument) -> Problem:
    """Map a pydantic error onto the file position and field path the user wrote."""
    field = _align(document.data, tuple(error["loc"]))
    if error["type"] == "missing":
        field += (error["loc"][-1],)
    position = document.position(field, key=error["type"] == "extra_forbidden")
    message = error["msg"].removeprefix("Value error, ")
    hint = _HINTS.get(error["type"], "see the field's description in the schema under schemas/")
    if error["type"] == "extra_forbidden":
        message = f"unknown field {field[-1]!r}"
    elif error["type"] != "missing" and not isinstance(error.get("input"), (dict, list)):
        message += f" (got {error['input']!r})" if "got" not in message and "input" in error else ""
    return Problem(path, position.line, position.column, dotted(field), message, hint, code=error["type"])


_HINTS = {
    "missing": "add this field",
    "extra_forbidden": "remove it or check its spelling against the schema",
    "string_pattern_mismatch": "ids are lowercase letters, digits and hyphens",
    "literal_error": "use one of the values listed",
    "too_short": "add at least one entry",
    "finite_number": "write a finite number",
}


def _align(data: Any, loc: FieldPath) -> FieldPath:
    """The longest path through `data` that follows `loc`, skipping union tags pydantic adds."""
    if not loc:
        return ()
    head, rest = loc[0], loc[1:]
    best = _align(data, rest)
    inside = (isinstance(data, dict) and head in data) or (
        isinstance(data, list) and isinstance(head, int) and 0 <= head < len(data))
    if inside:
        consumed = (head,) + _align(data[head], rest)
        if len(consumed) >= len(best):
            best = consumed
    return best
