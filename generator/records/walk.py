"""Walk a record's model tree, yielding every value with its field path."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import BaseModel

from generator.records.base import LocalizedDict
from generator.yaml_reader import FieldPath


def walk(node: Any, path: FieldPath = ()) -> Iterator[tuple[FieldPath, Any]]:
    """Depth-first over models, lists and dicts, in field order.

    >>> [p for p, _ in walk({'a': [1]})]
    [(), ('a',), ('a', 0)]
    """
    yield path, node
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from walk(getattr(node, name), path + (name,))
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from walk(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, path + (index,))


def localized(fields: Iterable[tuple[FieldPath, Any]]) -> Iterator[tuple[FieldPath, LocalizedDict]]:
    """Every mapping of language → text or names among walked fields (`Record.fields`, `walk(model)`)."""
    for path, value in fields:
        if isinstance(value, LocalizedDict):
            yield path, value


def localized_texts(fields: Iterable[tuple[FieldPath, Any]]) -> Iterator[tuple[FieldPath, str]]:
    """Every text a reader sees among walked fields, with its path down to the language: `('text', 'de')`."""
    for path, value in localized(fields):
        for language, text in value.items():
            if isinstance(text, str):
                yield path + (language,), text
