"""Strict YAML reading that keeps the line and column of every value.

Why not a stock loader: YAML 1.1 loaders turn `no` into False, `0755` into
493 and `2026-01-06` into a date, and silently keep the last of two duplicate
keys. Canonical facts need none of that, so we build plain Python data from
the parser's events ourselves and refuse every construct that could surprise
an editor. The events come from libyaml (PyYAML's C parser) where PyYAML was
built with it, as its wheels are: reading YAML was most of a project load,
and libyaml parses 25 times faster than a parser in Python. A file libyaml
refuses is read again by PyYAML's Python parser, whose messages and
positions editors get (libyaml words them differently, counts bytes, and
looks ahead past our nesting limit). Only the events are YAML 1.1's; what a
scalar means is decided here, by the YAML 1.2 core schema.
"""

from __future__ import annotations

import errno
import hashlib
import re
import stat
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.error import MarkedYAMLError
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.reader import ReaderError

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
    if (_INT.match(text) or _FLOAT.match(text)) and len(text) > MAX_NUMBER_LENGTH:
        raise _RefusalError(f"a number of {len(text):,} characters is too long to be a value",
                            f"no amount needs more than {MAX_NUMBER_LENGTH} characters; check what was pasted")
    if _INT.match(text):
        return int(text)
    if _FLOAT.match(text):
        return float(text)
    if text.lower() in _SPECIAL_FLOAT:
        return _SPECIAL_FLOAT[text.lower()]
    if _DATE_LIKE.match(text):
        return UnquotedDate(text)
    return text


MAX_NUMBER_LENGTH = 100
"""Longer digit strings are no value a record could print (and Python refuses to read ints of 4,300 digits)."""
MAX_RECORD_BYTES = 256 * 1024
"""The largest record file read by default: a briefing's record is a few KiB; a larger one is a mistake or an attack."""
MAX_DEPTH = 24
"""The deepest nesting of mappings and lists a record may have by default (the schemas need fewer than ten levels)."""
MAX_VALUES = 5000
"""The most values (texts, numbers, lists and mappings) a record may hold by default; the largest has about 60.

Why a count besides the size: parsing costs per value, and a file of short
values (`[a, a, a, …]`) costs about 25 s per MiB to parse."""
LIMIT_SETTING = "plugins.briefing.limits"
"""Where mkdocs.yml sets the limits, for the messages that refuse a file."""


@dataclass(frozen=True)
class Limits:
    """What one record file may cost to read, checked before it is parsed.

    Set under `limits:` in the `briefing` entry of mkdocs.yml; the defaults keep
    `briefing validate` of a bad file under a second and 100 MB.
    """

    record_bytes: int = MAX_RECORD_BYTES
    """The largest record file read, in bytes."""
    depth: int = MAX_DEPTH
    """The deepest nesting of mappings and lists in a record."""
    values: int = MAX_VALUES
    """The most values (texts, numbers, lists and mappings) in a record."""


LIMIT_CEILINGS = {"record_bytes": 64 * 1024 * 1024, "depth": 100, "values": 1_000_000}
"""The most each limit may be set to: beyond them reading one file could take seconds and gigabytes,
or nesting exhaust the reader's recursion."""
DEFAULT_LIMITS = Limits()


class _OverLimitError(Exception):
    """The parser reached a limit; parsing stops at `event`."""

    def __init__(self, event: Any, message: str, setting: str, hint: str):
        self.event, self.message, self.setting, self.hint = event, message, setting, hint


def read_yaml(path: Path, limits: Limits = DEFAULT_LIMITS) -> tuple[YamlDocument | None, list[Problem]]:
    """Read one YAML file strictly; return its data or every problem found.

    Only regular files up to `limits.record_bytes` are read, checked before a
    byte is: a FIFO would block, a device or `/dev/zero` would never end.
    Nesting deeper than `limits.depth`, or more than `limits.values` values,
    stops the parser where it starts.
    """
    raw, refusal = _read_bounded(path, limits.record_bytes)
    if refusal is not None:
        return None, [refusal]
    key = (str(path), limits, hashlib.sha256(raw).digest())
    if key not in _READ:
        if len(_READ) >= READ_KEPT:
            _READ.clear()
        _READ[key] = _parse(path, raw, limits)
    document, problems = _READ[key]
    return document, list(problems)


_READ: dict[tuple[str, Limits, bytes], tuple[YamlDocument | None, list[Problem]]] = {}
"""Files this process has read, by path, limits and content. Why: `briefing serve` loads the project again
after every edit, and reading YAML is two thirds of a load; now only the edited files are parsed again."""
READ_KEPT = 50_000


def _parse(path: Path, raw: bytes, limits: Limits) -> tuple[YamlDocument | None, list[Problem]]:
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
    problems = _tabs(path, text)
    try:
        document, structure = _build(path, text, limits)
    except ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        problems.append(Problem(path, line, column, "", f"control character {exc.character!r} is not allowed",
                                "delete it; only printable text, newlines and spaces belong in a record",
                                code="encoding"))
        return None, problems
    except _OverLimitError as exc:
        mark = exc.event.start_mark
        problems.append(Problem(path, mark.line + 1, mark.column + 1, "", exc.message,
                                f"{exc.hint}, or raise {LIMIT_SETTING}.{exc.setting} in mkdocs.yml", code="size"))
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


_FAST = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser; PyYAML built without libyaml has only its Python one, with the same events."""


def _build(path: Path, text: str, limits: Limits) -> tuple[YamlDocument, list[Problem]]:
    """The document from libyaml's events, or, where libyaml refuses the file, from the Python parser's.

    Raises:
        ReaderError, MarkedYAMLError: from the Python parser, the file is no YAML we read.
        _OverLimitError: the file is too deep or holds too many values.
    """
    try:
        return _Builder(path, limits, yaml.parse(text, Loader=_FAST)).build()
    except yaml.YAMLError:
        return _Builder(path, limits, yaml.parse(text, Loader=yaml.SafeLoader)).build()


TABS_LISTED = 10
"""Lines with a tab reported one by one; the rest are counted in one problem, so a file of tabs prints ten lines."""


def _tabs(path: Path, text: str) -> list[Problem]:
    """A problem for each of the first `TABS_LISTED` lines with a tab, and one that counts the others."""
    lines = [(number, line.index("\t") + 1) for number, line in enumerate(text.splitlines(), start=1) if "\t" in line]
    problems = [Problem(path, number, column, "", "tab character", "indent and separate with spaces", code="tab")
                for number, column in lines[:TABS_LISTED]]
    if len(lines) > TABS_LISTED:
        number, column = lines[TABS_LISTED]
        problems.append(Problem(path, number, column, "", f"tab characters on {len(lines) - TABS_LISTED:,} more "
                                "lines from here", "indent and separate with spaces", code="tab"))
    return problems


def _read_bounded(path: Path, most: int) -> tuple[bytes, Problem | None]:
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
    raise_it = f"or raise {LIMIT_SETTING}.record_bytes in mkdocs.yml"
    if info.st_size > most:
        return refuse(f"the file has {info.st_size:,} bytes, more than the {most:,} a record may have",
                      f"split it into several records, {raise_it}")
    try:
        with path.open("rb") as stream:
            raw = stream.read(most + 1)
    except OSError as error:
        return refuse(f"cannot read the file: {error.strerror}", "check that it is readable")
    if len(raw) > most:
        return refuse(f"the file grew past the {most:,} bytes a record may have", f"split it, {raise_it}")
    return raw, None


def control_character(text: str, allowed: str = "\n\t") -> str | None:
    """The first control character in a decoded scalar other than `allowed` (a YAML escape such as "\\0" makes one)."""
    return next((char for char in text if char not in allowed and unicodedata.category(char) == "Cc"), None)


class _Builder:
    """Turns parser events into plain data, recording positions and refusals."""

    def __init__(self, path: Path, limits: Limits, events: Iterator[Any]):
        self.path = path
        self.limits = limits
        self.count = 0
        """Values read so far, against `limits.values`."""
        self.events = iter(events)
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
        self.count += 1
        if len(path) > self.limits.depth:
            depth = self.limits.depth
            raise _OverLimitError(event, f"nested deeper than {depth} level{'s' * (depth != 1)}", "depth",
                                  "records are shallow; check the indentation")
        if self.count > self.limits.values:
            raise _OverLimitError(event, f"more than {self.limits.values:,} values", "values",
                                  "a record holds a few dozen; split it into several records")
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
        control = control_character(event.value)
        if control is not None:
            self._refuse(event, path, f"control character U+{ord(control):04X} (written as an escape)",
                         "delete it; only printable text, newlines and spaces belong in a record", "encoding")
            return event.value
        if event.style:  # quoted or a block scalar; plain is "" from libyaml, None from the Python parser
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


def parse_yaml(path: Path, raw: bytes, limits: Limits = DEFAULT_LIMITS) -> tuple[YamlDocument | None, list[Problem]]:
    """Like `read_yaml`, for bytes not yet on disk: an import checks the file it is about to write."""
    return _parse(path, raw, limits)
