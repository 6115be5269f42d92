"""Set a few text values in a YAML file and leave every other byte as it was.

Why not dump a ruamel round-trip tree: it re-indents sequences
(`summary:\n  - a` becomes `summary:\n- a`) in most of our records, so an
import would rewrite lines nobody translated. Instead ruamel's parser
events give each value's exact span and style, and only those spans are
replaced (or a key is added after the source language's entry). The caller
reads the result back to check it says what was meant (`set_texts` keeps
a value's style when it can and falls back to double quotes).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.events import (
    CollectionStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
)

from generator.yaml_reader import FieldPath


@dataclass
class _Node:
    start: int
    end: int
    style: str | None = None
    """A scalar's style: None (plain), `'`, `"`, `|` or `>`; collections have none."""
    flow: bool = False
    mapping: bool = False
    column: int = 0
    """The column of a block mapping's keys."""
    children: dict[str | int, FieldPath] = field(default_factory=dict)


def _index(text: str) -> dict[FieldPath, _Node]:
    """Every value's span, by field path, from the parser's events."""
    nodes: dict[FieldPath, _Node] = {}
    events = iter(YAML(typ="safe", pure=True).parse(text))

    def node(event: Any, path: FieldPath, in_flow: bool) -> _Node:
        if isinstance(event, ScalarEvent):
            found = _Node(event.start_mark.index, event.end_mark.index, event.style, in_flow)
        else:
            assert isinstance(event, CollectionStartEvent), event
            flow = in_flow or bool(event.flow_style)
            found = _Node(event.start_mark.index, event.end_mark.index, flow=flow,
                          mapping=isinstance(event, MappingStartEvent))
            for key, child in _children(found, path, flow):
                found.children[key] = path + (key,)
                found.end = max(found.end, child.end)
        nodes[path] = found
        return found

    def _children(parent: _Node, path: FieldPath, flow: bool) -> Iterator[tuple[str | int, _Node]]:
        position = 0
        for event in events:
            if isinstance(event, (MappingEndEvent, SequenceEndEvent)):
                if flow:
                    parent.end = event.end_mark.index
                return
            if parent.mapping:
                key = str(event.value)
                if not parent.children:
                    parent.column = event.start_mark.column
                yield key, node(next(events), path + (key,), flow)
            else:
                yield position, node(event, path + (position,), flow)
                position += 1

    for event in events:
        if isinstance(event, (ScalarEvent, CollectionStartEvent)):
            node(event, (), False)
            break
    return nodes


def set_texts(text: str, values: Mapping[FieldPath, Any], *, after_key: str, quoted: bool = False) -> str:
    """`text` with each path set to its value: a string, or a mapping of strings for a key not yet there.

    Args:
        after_key: where a new key goes in its mapping: after this key (the source language) if present,
            else after the last one.
        quoted: write every new value double-quoted, instead of keeping a value's style where it can.
    """
    nodes = _index(text)
    edits: list[tuple[int, int, str]] = []
    for path, value in values.items():
        found = nodes.get(path)
        if found is not None:
            edits.append((found.start, found.end, _scalar(value, '"' if quoted else found.style, text, found)))
            continue
        parent = nodes.get(path[:-1])
        if parent is None or not parent.mapping:
            raise KeyError(path)
        edits.append(_insertion(text, nodes, parent, str(path[-1]), value, after_key))
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def _scalar(value: str, style: str | None, text: str, found: _Node) -> str:
    span = text[found.start:found.end]
    trailing = span[len(span.rstrip()):] if style in ("|", ">") else ""
    if style is None and "\n" not in value and value == value.strip() and value:
        return value
    if style == "'" and "\n" not in value:
        return "'" + value.replace("'", "''") + "'"
    return _quoted(value) + trailing


def _quoted(value: Any) -> str:
    """A double-quoted scalar (JSON's escapes are YAML's), or a flow mapping of them."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {_quoted(item)}" for key, item in value.items()) + "}"
    return json.dumps(value, ensure_ascii=False)


def _insertion(text: str, nodes: dict[FieldPath, _Node], parent: _Node, key: str, value: Any, after_key: str
               ) -> tuple[int, int, str]:
    sibling = parent.children.get(after_key) or list(parent.children.values())[-1]
    end = nodes[sibling].end
    if parent.flow:
        return end, end, f", {key}: {_quoted(value)}"
    line = f"{' ' * parent.column}{key}: {_quoted(value)}\n"
    if end and text[end - 1] == "\n":
        return end, end, line
    newline = text.find("\n", end)
    if newline == -1:
        return len(text), len(text), "\n" + line.rstrip("\n")
    return newline + 1, newline + 1, line
