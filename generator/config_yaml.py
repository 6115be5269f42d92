"""Reading mkdocs.yml as MkDocs does, but keeping where every key and value sits.

Why not the records' strict reader: mkdocs.yml is MkDocs' file and carries
MkDocs' tags (`!ENV [BRIEFING_DRAFT, false]`, `!!python/object/apply:…`), so
it is read with PyYAML like MkDocs reads it. `!ENV` is resolved the same way
MkDocs resolves it; every other tag reads as null (only MkDocs needs those
values). What the records' reader does refuse here too: duplicate keys, deep
nesting, control characters and oversized files, each with its line.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml_env_tag import construct_env_tag

from generator.errors import ConfigError, display_path
from generator.yaml_reader import FieldPath, Position, YamlDocument, control_character, dotted

MAX_CONFIG_BYTES = 1024 * 1024
"""The largest mkdocs.yml read: a desk's configuration has a few KiB."""
MAX_CONFIG_DEPTH = 50
"""The deepest nesting of mkdocs.yml (a navigation rarely needs ten levels); deeper would exhaust the parser."""

_MERGE = "tag:yaml.org,2002:merge"
_URL_CHARACTERS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]")
"""What RFC 3986 lets a URL hold; anything else (spaces, quotes, `<`, non-ASCII) must be percent-encoded."""
_HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]*[a-z0-9])?")


class _TooDeepError(Exception):
    def __init__(self, mark: Any):
        self.mark = mark


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader with MkDocs' `!ENV`, any other tag as null, and a bound on nesting."""

    depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        self.depth += 1
        try:
            if self.depth > MAX_CONFIG_DEPTH:
                raise _TooDeepError(self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


_Loader.add_constructor("!ENV", construct_env_tag)
_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class ConfigFile:
    """mkdocs.yml as plain data, with the position of each key and value for messages."""

    path: Path
    document: YamlDocument

    @property
    def data(self) -> Any:
        return self.document.data

    def get(self, at: FieldPath) -> Any:
        """The value at `at`, None when the file does not have it."""
        value = self.data
        for part in at:
            inside = (isinstance(value, dict) and part in value) or (
                isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value))
            if not inside:
                return None
            value = value[part]
        return value

    def position(self, at: FieldPath, *, key: bool = False) -> Position:
        """Where the value at `at` is (its key with `key`); for a missing one, the key of the setting above it."""
        keys, values = self.document.keys, self.document.values
        if at in values:
            return keys[at] if key and at in keys else values[at]
        for end in range(len(at) - 1, -1, -1):
            found = keys.get(at[:end]) or values.get(at[:end])
            if found:
                return found
        return Position(1, 1)

    def where(self, at: FieldPath, *, key: bool = False) -> str:
        """`mkdocs.yml:LINE:COL: setting`, the start of every message about the setting at `at`."""
        where = self.position(at, key=key)
        return f"{display_path(self.path)}:{where.line}:{where.column}: {setting_name(at)}"

    def error(self, at: FieldPath, message: str, hint: str, *, key: bool = False) -> ConfigError:
        """A `ConfigError` reading `mkdocs.yml:LINE:COL: setting: message (hint)` for the setting at `at`."""
        return ConfigError(f"{self.where(at, key=key)}: {message} ({hint})")


    def text(self, at: FieldPath, hint: str, *, required: bool = True) -> str:
        """A text setting: a non-empty string on one line; "" when it is optional and not set."""
        value = self.get(at)
        if value is None:
            if required:
                raise self.error(at, "missing", hint)
            return ""
        if not isinstance(value, str):
            raise self.error(at, f"{shown(value)} is not text", "write it as text, in quotes if need be")
        control = control_character(value, allowed="")  # a setting is one line: no newline or tab either
        if control is not None:
            raise self.error(at, f"control character U+{ord(control):04X} is not allowed",
                             "write it on one line, without control characters")
        if not value.strip():
            raise self.error(at, "empty", hint or "write the value or remove the setting")
        return value

    def url(self, at: FieldPath, schemes: tuple[str, ...], hint: str, *, required: bool = True,
            site: bool = False) -> str:
        """An absolute URL with one of `schemes` and a host, without user name, password or whitespace.

        With `site`, the address of a site's folder: no query or fragment either.
        """
        value = self.text(at, hint, required=required)
        if not value:
            return ""
        kind = f"an absolute {' or '.join(schemes)} URL"
        try:
            parts = urlsplit(value)
            parts.port  # noqa: B018 – raises ValueError for a port that is not a number
        except ValueError:
            raise self.error(at, f"{value!r} is not {kind}", hint) from None
        host = parts.hostname or ""
        if parts.scheme not in schemes or not (_HOST.fullmatch(host) or parts.netloc.startswith("[")):
            raise self.error(at, f"{value!r} is not {kind}", hint)
        bad = next((char for char in value if not _URL_CHARACTERS.fullmatch(char)), None)
        if bad is not None:
            raise self.error(at, f"{value!r} contains {bad!r}, which a URL cannot hold", f"percent-encode it; {hint}")
        if parts.username is not None or parts.password is not None:
            raise self.error(at, f"{value!r} has a user name or password in it", f"remove the part up to `@`; {hint}")
        if site and (parts.query or parts.fragment):
            raise self.error(at, f"{value!r} has a query or fragment", f"give the address of the site's folder; {hint}")
        return value

    def mapping(self, at: FieldPath, hint: str) -> dict[Any, Any]:
        """A mapping setting; {} when it is not set."""
        value = self.get(at)
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.error(at, f"{shown(value)} is not a mapping", hint)
        return value

    def refuse_unknown(self, at: FieldPath, known: tuple[str, ...]) -> None:
        """Refuse keys of the mapping at `at` that are not in `known`, suggesting the closest known one."""
        for key in self.get(at) or {}:
            if key not in known:
                close = difflib.get_close_matches(str(key), known, n=1)
                hint = f"did you mean `{close[0]}`?" if close else f"the settings here are {', '.join(known)}"
                raise self.error((*at, key), f"unknown setting {shown(key)}", hint, key=True)


def shown(value: Any) -> str:
    """A value as a message quotes it: lists and mappings by kind only (one may be huge or refer to itself)."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool) or value is None:
        return {True: "true", False: "false", None: "null"}[value]
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def setting_name(at: FieldPath) -> str:
    """How messages name a setting: `plugins.briefing.rights.licence_url`, without the plugin's list index.

    >>> setting_name(("plugins", 1, "briefing", "languages", "de"))
    'plugins.briefing.languages.de'
    >>> setting_name(("theme", "features", 0))
    'theme.features[0]'
    """
    if len(at) > 2 and at[0] == "plugins" and isinstance(at[1], int):
        at = (at[0], *at[2:])
    return dotted(at)


def _error(path: Path, where: Position, name: str, message: str, hint: str) -> ConfigError:
    prefix = f"{display_path(path)}:{where.line}:{where.column}: "
    return ConfigError(f"{prefix}{name + ': ' if name else ''}{message} ({hint})")


def read_config_file(path: Path) -> ConfigFile:
    """Read mkdocs.yml; raise one `ConfigError` with line and column for anything that is not plain YAML.

    Raises:
        ConfigError: too large, not UTF-8, a control character, a syntax error, a duplicate key,
            nesting deeper than `MAX_CONFIG_DEPTH`, or no mapping at the top.
    """
    def refuse(line: int, column: int, message: str, hint: str) -> ConfigError:
        return _error(path, Position(line, column), "", message, hint)

    with path.open("rb") as stream:
        raw = stream.read(MAX_CONFIG_BYTES + 1)
    if len(raw) > MAX_CONFIG_BYTES:
        raise refuse(1, 1, f"the file has more than {MAX_CONFIG_BYTES:,} bytes", "a configuration has a few KiB; "
                     "check that this is the right file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = raw.count(b"\n", 0, exc.start) + 1, exc.start - raw.rfind(b"\n", 0, exc.start)
        raise refuse(line, column, f"invalid UTF-8 (byte 0x{raw[exc.start]:02x})", "save the file as UTF-8") from None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        document = YamlDocument(None)
        if node is not None:
            _record(loader, node, (), document, set(), path)
            document.data = loader.construct_document(node)
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        raise refuse(line, column, f"control character {exc.character!r} is not allowed", "delete it") from None
    except _TooDeepError as exc:
        raise refuse(exc.mark.line + 1, exc.mark.column + 1, f"nested deeper than {MAX_CONFIG_DEPTH} levels",
                     "check the indentation") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = _end_of_text(text, mark.index) if mark else (1, 1)
        problem = exc.problem or exc.context or "not valid YAML"
        if exc.context and exc.problem:
            problem = f"{exc.context}: {problem}"
        raise refuse(line, column, f"YAML syntax error: {problem}",
                     "check the indentation and quoting; a value with `: `, `#`, `[` or `{` needs quotes") from None
    finally:
        loader.dispose()
    if document.data is None:
        document.data = {}
    if not isinstance(document.data, dict):
        raise refuse(1, 1, "the file must hold a mapping of settings", "start with `site_name: …` and `site_url: …`")
    return ConfigFile(path, document)


def _end_of_text(text: str, index: int) -> tuple[int, int]:
    """Line and column of `index`; past the last character that is not blank, just after that character.

    Why: an unclosed `[` or quote is reported at the end of the stream,
    below the line the editor has to fix.
    """
    index = min(index, len(text.rstrip()))
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def _record(loader: _Loader, node: Node, at: FieldPath, document: YamlDocument, seen: set[int], path: Path) -> None:
    """Note the position of `node` and everything in it; refuse duplicate keys.

    An alias is the node it names, so each node is entered once: a file of
    nested aliases ("billion laughs") costs no more than its text.
    """
    document.values[at] = Position(node.start_mark.line + 1, node.start_mark.column + 1)
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            _record(loader, item, (*at, index), document, seen, path)
    elif isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag == _MERGE:
                continue
            key = loader.construct_object(key_node, deep=True)
            where = Position(key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            first = document.keys.get((*at, key))
            if first is not None:
                raise _error(path, where, setting_name((*at, key)), f"given twice, first at line {first.line}",
                             "remove one of the two")
            document.keys[(*at, key)] = where
            _record(loader, value_node, (*at, key), document, seen, path)
