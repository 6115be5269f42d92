"""Strict YAML reading that keeps the line and column of every value.

Why not a stock loader: YAML 1.1 loaders turn `no` into False, `0755` into
493 and `2026-01-06` into a date, and silently keep the last of two duplicate
keys. Canonical facts need none of that, so we build plain Python data from
the parser's events ourselves and refuse every construct that could surprise
an editor.
"""

from __future__ import annotations

import errno
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from ruamel.yaml.reader import ReaderError

from generator.errors import Problem

FieldPath = tuple[str | int, ...]


class UnquotedDate(str):
    """A plain scalar that YAML 1.1 would have read as a date.

    Date fields accept it; text fields refuse it so `title: 2026-01-06` is
    flagged instead of silently becoming text or a date.
    """


@dataclass
class Position:
    line: int
    column: int


@dataclass
class YamlDocument:
    """Plain data plus where each value and mapping key sits in the file."""

    data: Any
    values: dict[FieldPath, Position] = field(default_factory=dict)
    keys: dict[FieldPath, Position] = field(default_factory=dict)

    def position(self, path: FieldPath, *, key: bool = False) -> Position:
        """The position of the deepest known part of `path`."""
        table = self.keys if key and path in self.keys else self.values
        for end in range(len(path), -1, -1):
            found = table.get(path[:end]) or self.values.get(path[:end])
            if found:
                return found
        return Position(1, 1)


_NULL = re.compile(r"^(?:null|Null|NULL|~|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_YAML11_BOOL = re.compile(r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$")
_INT = re.compile(r"^[-+]?[0-9]+$")
_OCTAL_LIKE = re.compile(r"^[-+]?0[0-9]+$")
_OTHER_BASE = re.compile(r"^[-+]?0[oxb][0-9a-fA-F_]+$")
_UNDERSCORE_NUMBER = re.compile(r"^[-+]?[0-9][0-9_]*_[0-9_]*(?:\.[0-9_]*)?$")
_SEXAGESIMAL = re.compile(r"^[-+]?[0-9]+(?::[0-5]?[0-9])+(?:\.[0-9]*)?$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_SPECIAL_FLOAT = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}
_DATE_LIKE = re.compile(r"^[0-9]{4}-[0-9]{1,2}(?:-[0-9]{1,2})?(?:[Tt ][0-9:.]+(?:Z|[-+][0-9:]+)?)?$")


class _RefusalError(Exception):
    def __init__(self, message: str, hint: str):
        self.message, self.hint = message, hint


def _plain_scalar(text: str) -> Any:
    """Resolve an unquoted scalar by the YAML 1.2 core schema, refusing 1.1 surprises."""
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _YAML11_BOOL.match(text):
        raise _RefusalError(
            f"unquoted {text!r} is a boolean in YAML 1.1 and text in YAML 1.2",
            f'write "{text}" in quotes for text, or true/false for a yes/no field',
        )
    if _OCTAL_LIKE.match(text) or _OTHER_BASE.match(text):
        raise _RefusalError(
            f"unquoted {text!r} looks like an octal or non-decimal number",
            f'write "{text}" in quotes for text, or a plain decimal number',
        )
    if _UNDERSCORE_NUMBER.match(text) or _SEXAGESIMAL.match(text):
        raise _RefusalError(
            f"unquoted {text!r} is a number in YAML 1.1 and text in YAML 1.2",
            f'write "{text}" in quotes for text, or digits only for a number',
        )
    if _INT.match(text):
        return int(text)
    if _FLOAT.match(text):
        return float(text)
    if text.lower() in _SPECIAL_FLOAT:
        return _SPECIAL_FLOAT[text.lower()]
    if _DATE_LIKE.match(text):
        return UnquotedDate(text)
    return text


MAX_RECORD_BYTES = 1024 * 1024
"""The largest record file read: a briefing's record is a few KiB; a larger one is a mistake or an attack."""
MAX_DEPTH = 24
"""The deepest nesting of mappings and lists a record may have (the schemas need fewer than ten levels)."""


class _TooDeepError(Exception):
    def __init__(self, event: Any):
        self.event = event


def read_yaml(path: Path) -> tuple[YamlDocument | None, list[Problem]]:
    """Read one YAML file strictly; return its data or every problem found.

    Only regular files up to `MAX_RECORD_BYTES` are read, checked before a
    byte is: a FIFO would block, a device or `/dev/zero` would never end.
    """
    raw, refusal = _read_bounded(path)
    if refusal is not None:
        return None, [refusal]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - raw.rfind(b"\n", 0, exc.start)
        return None, [
            Problem(path, line, column, "", f"invalid UTF-8 (byte 0x{raw[exc.start]:02x})",
                    "save the file as UTF-8", code="encoding")
        ]
    text = text.removeprefix("\ufeff")
    problems = [
        Problem(path, number, line.index("\t") + 1, "", "tab character", "indent and separate with spaces",
                code="tab")
        for number, line in enumerate(text.splitlines(), start=1)
        if "\t" in line
    ]
    try:
        document, structure = _Builder(path, text).build()
    except ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        problems.append(Problem(path, line, column, "", f"control character {exc.character!r} is not allowed",
                                "delete it; only printable text, newlines and spaces belong in a record",
                                code="encoding"))
        return None, problems
    except _TooDeepError as exc:
        mark = exc.event.start_mark
        problems.append(Problem(path, mark.line + 1, mark.column + 1, "", f"nested deeper than {MAX_DEPTH} levels",
                                "records are shallow; check the indentation", code="size"))
        return None, problems
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if not any(p.line == line for p in problems):
            problems.append(Problem(path, line, column, "", f"YAML syntax error: {exc.problem or exc.context}",
                                    "check indentation and quoting", code="syntax"))
        return None, problems
    problems += structure
    return (None if problems else document), problems


def _read_bounded(path: Path) -> tuple[bytes, Problem | None]:
    """The file's bytes, or why it is not read: not a regular file, a broken or looping link, too large."""
    def refuse(message: str, hint: str) -> tuple[bytes, Problem]:
        return b"", Problem(path, None, None, "", message, hint, code="file")

    try:
        info = path.stat()
    except OSError as error:
        if error.errno == errno.ELOOP:
            return refuse("symbolic link loop", "replace the link with the record file itself")
        if path.is_symlink():
            return refuse("symbolic link to a file that does not exist", "replace the link with the record file")
        return refuse(f"cannot read the file: {error.strerror}", "check that it exists and is readable")
    if not stat.S_ISREG(info.st_mode):
        return refuse("not a regular file (a FIFO, a device or a socket)", "records are plain .yaml files")
    if info.st_size > MAX_RECORD_BYTES:
        return refuse(f"the file has {info.st_size:,} bytes, more than the {MAX_RECORD_BYTES:,} a record may have",
                      "split it into several records")
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_RECORD_BYTES + 1)
    except OSError as error:
        return refuse(f"cannot read the file: {error.strerror}", "check that it is readable")
    if len(raw) > MAX_RECORD_BYTES:
        return refuse(f"the file grew past the {MAX_RECORD_BYTES:,} bytes a record may have", "split it")
    return raw, None


def _control_character(text: str) -> str | None:
    """The first control character in a decoded scalar (a YAML escape such as "\\0" or "\\e" makes one)."""
    return next((char for char in text if char not in "\n\t" and unicodedata.category(char) == "Cc"), None)


class _Builder:
    """Turns parser events into plain data, recording positions and refusals."""

    def __init__(self, path: Path, text: str):
        self.path = path
        self.events = iter(YAML(typ="safe", pure=True).parse(text))
        self.document = YamlDocument(None)
        self.problems: list[Problem] = []
        self.documents = 0

    def build(self) -> tuple[YamlDocument, list[Problem]]:
        for event in self.events:
            if isinstance(event, DocumentStartEvent):
                self.documents += 1
                if self.documents > 1:
                    self._refuse(event, (), "more than one YAML document", "keep one record per file")
                    break
                self.document.data = self._node(next(self.events), ())
            elif isinstance(event, StreamEndEvent):
                break
        return self.document, self.problems

    def _refuse(self, event: Any, path: FieldPath, message: str, hint: str, code: str = "yaml") -> None:
        mark = event.start_mark
        self.problems.append(
            Problem(self.path, mark.line + 1, mark.column + 1, dotted(path), message, hint, code=code)
        )

    def _node(self, event: Any, path: FieldPath) -> Any:
        if len(path) > MAX_DEPTH:
            raise _TooDeepError(event)
        mark = event.start_mark
        self.document.values[path] = Position(mark.line + 1, mark.column + 1)
        if isinstance(event, AliasEvent):
            self._refuse(event, path, f"alias *{event.anchor}", "write the value out in full", "alias")
            return None
        if getattr(event, "anchor", None):
            self._refuse(event, path, f"anchor &{event.anchor}", "remove the anchor; repeat values explicitly",
                         "alias")
        tag = getattr(event, "tag", None)
        if tag and tag != "!":
            self._refuse(event, path, f"explicit tag {tag}", "remove the tag; types come from the schema", "tag")
        if isinstance(event, MappingStartEvent):
            return self._mapping(path)
        if isinstance(event, SequenceStartEvent):
            return self._sequence(path)
        assert isinstance(event, ScalarEvent)
        control = _control_character(event.value)
        if control is not None:
            self._refuse(event, path, f"control character U+{ord(control):04X} (written as an escape)",
                         "delete it; only printable text, newlines and spaces belong in a record", "encoding")
            return event.value
        if event.style is not None:
            return event.value
        try:
            return _plain_scalar(event.value)
        except _RefusalError as refusal:
            self._refuse(event, path, refusal.message, refusal.hint, "yaml11")
            return event.value

    def _mapping(self, path: FieldPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for event in self.events:
            if isinstance(event, MappingEndEvent):
                return result
            if not isinstance(event, ScalarEvent):
                self._refuse(event, path, "mapping key is not a plain name", "use simple text keys")
                self._node(event, path + ("?",))
                self._node(next(self.events), path + ("?",))
                continue
            key = event.value
            key_path = path + (key,)
            if key == "<<":
                self._refuse(event, key_path, "merge key <<", "write the merged fields out in full", "alias")
            if key in result:
                first = self.document.keys[key_path]
                self._refuse(event, key_path, f"duplicate key {key!r} (first at line {first.line})",
                             "remove one of the two", "duplicate")
            self.document.keys.setdefault(key_path, Position(event.start_mark.line + 1,
                                                             event.start_mark.column + 1))
            value = self._node(next(self.events), key_path)
            result.setdefault(key, value)
        return result

    def _sequence(self, path: FieldPath) -> list[Any]:
        result: list[Any] = []
        for event in self.events:
            if isinstance(event, SequenceEndEvent):
                return result
            result.append(self._node(event, path + (len(result),)))
        return result


def dotted(path: FieldPath) -> str:
    """`('sections', 0, 'items')` → `sections[0].items`, the form every message uses."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
