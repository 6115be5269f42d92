"""The examples in the site modules' docstrings run (pytest collects doctests under tests/ only)."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ("generator.outputs.site_pages", "generator.outputs.site_meta", "generator.outputs.search_index",
           "generator.outputs.markdown_escapes", "generator.urls")


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
