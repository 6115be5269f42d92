"""Strict YAML reading: scalar resolution, refusals and positions."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import yaml_reader
from generator.errors import Problem
from generator.yaml_reader import Position, UnquotedDate, YamlDocument, dotted, read_yaml

Read = Callable[[str | bytes], tuple[YamlDocument | None, list[Problem]]]


@pytest.fixture
def read(tmp_path: Path) -> Read:
    """Read text (dedented) or raw bytes as one YAML file."""

    def run(body: str | bytes) -> tuple[YamlDocument | None, list[Problem]]:
        path = tmp_path / "record.yaml"
        path.write_bytes(body if isinstance(body, bytes) else textwrap.dedent(body).encode("utf-8"))
        return read_yaml(path)

    return run


def value_of(read: Read, scalar: str) -> Any:
    document, problems = read(f"value: {scalar}\n")
    assert problems == []
    assert document is not None
    return document.data["value"]


@pytest.mark.parametrize(("scalar", "expected"), [
    ("null", None),
    ("Null", None),
    ("NULL", None),
    ("~", None),
    ("", None),
    ("true", True),
    ("True", True),
    ("FALSE", False),
    ("42", 42),
    ("-7", -7),
    ("+1", 1),
    ("0", 0),
    ("3.5", 3.5),
    ("1.", 1.0),
    (".5", 0.5),
    ("1e3", 1000.0),
    ("-2.5E-1", -0.25),
    (".inf", math.inf),
    ("-.inf", -math.inf),
    ('"no"', "no"),
    ("'on'", "on"),
    ("'0755'", "0755"),
    ('"1_000"', "1_000"),
    ('"12:30"', "12:30"),
    ('"2026-01-06"', "2026-01-06"),
    ("plain words", "plain words"),
    ("Paris", "Paris"),
])
def test_scalar_resolution(read: Read, scalar: str, expected: Any) -> None:
    value = value_of(read, scalar)
    assert value == expected
    assert type(value) is type(expected)


def test_nan_is_a_float(read: Read) -> None:
    assert math.isnan(value_of(read, ".nan"))


@pytest.mark.parametrize("scalar", ["2026-01-06", "2026-01", "2026-01-06T15:00:00+01:00", "2026-01-06 15:00"])
def test_unquoted_date_like_scalars_are_marked(read: Read, scalar: str) -> None:
    value = value_of(read, scalar)
    assert isinstance(value, UnquotedDate)
    assert value == scalar


def test_quoted_dates_are_plain_text(read: Read) -> None:
    assert type(value_of(read, "'2026-01-06'")) is str


def test_block_scalars_keep_their_text(read: Read) -> None:
    document, problems = read("""\
        value: |
          no
          on
        """)
    assert problems == []
    assert document is not None and document.data == {"value": "no\non\n"}


@pytest.mark.parametrize("scalar", ["no", "No", "NO", "yes", "Yes", "on", "On", "off", "OFF", "y", "N"])
def test_yaml11_booleans_are_refused(read: Read, scalar: str) -> None:
    document, problems = read(f"label: {scalar}\n")
    assert document is None
    [problem] = problems
    assert (problem.line, problem.column, problem.field, problem.code) == (1, 8, "label", "yaml11")
    assert problem.message == f"unquoted {scalar!r} is a boolean in YAML 1.1 and text in YAML 1.2"
    assert f'write "{scalar}" in quotes' in problem.hint


@pytest.mark.parametrize("digits", ["1" * 5000, "1." + "0" * 200])
def test_a_number_too_long_to_be_a_value_is_refused(read: Read, digits: str) -> None:
    document, problems = read(f"count: {digits}\n")
    assert document is None
    [problem] = problems
    assert (problem.line, problem.column, problem.field) == (1, 8, "count")
    assert problem.message == f"a number of {len(digits):,} characters is too long to be a value"


@pytest.mark.parametrize(("scalar", "message"), [
    ("0755", "looks like an octal or non-decimal number"),
    ("-017", "looks like an octal or non-decimal number"),
    ("00", "looks like an octal or non-decimal number"),
    ("0x1F", "looks like an octal or non-decimal number"),
    ("0o17", "looks like an octal or non-decimal number"),
    ("0b101", "looks like an octal or non-decimal number"),
    ("1_000", "is a number in YAML 1.1 and text in YAML 1.2"),
    ("1:30", "is a number in YAML 1.1 and text in YAML 1.2"),
    ("190:20:30", "is a number in YAML 1.1 and text in YAML 1.2"),
])
def test_yaml11_numbers_are_refused(read: Read, scalar: str, message: str) -> None:
    document, problems = read(f"order: {scalar}\n")
    assert document is None
    [problem] = problems
    assert (problem.line, problem.column, problem.field, problem.code) == (1, 8, "order", "yaml11")
    assert problem.message == f"unquoted {scalar!r} {message}"


def test_duplicate_key_names_the_first(read: Read) -> None:
    document, problems = read("""\
        name: one
        other: x
        name: two
        """)
    assert document is None
    [problem] = problems
    assert (problem.line, problem.column, problem.field, problem.code) == (3, 1, "name", "duplicate")
    assert problem.message == "duplicate key 'name' (first at line 1)"


def test_nested_duplicate_key_has_the_nested_path(read: Read) -> None:
    _, problems = read("""\
        text:
          de: eins
          de: zwei
        """)
    [problem] = problems
    assert (problem.line, problem.column, problem.field) == (3, 3, "text.de")


@pytest.mark.parametrize(("body", "line", "column", "field", "message", "code"), [
    ("value: &a 1\n", 1, 8, "value", "anchor &a", "alias"),
    ("value: *a\n", 1, 8, "value", "alias *a", "alias"),
    ("base: {a: 1}\n<<: {b: 2}\n", 2, 1, "<<", "merge key <<", "alias"),
    ("value: !!str 12\n", 1, 8, "value", "explicit tag tag:yaml.org,2002:str", "tag"),
    ("value: !custom x\n", 1, 8, "value", "explicit tag !custom", "tag"),
    ("items:\n  - !!int 3\n", 2, 5, "items[0]", "explicit tag tag:yaml.org,2002:int", "tag"),
    ("? [a, b]\n: 1\n", 1, 3, "", "mapping key is not a plain name", "yaml"),
])
def test_constructs_that_could_surprise_are_refused(
    read: Read, body: str, line: int, column: int, field: str, message: str, code: str
) -> None:
    document, problems = read(body)
    assert document is None
    [problem] = problems
    assert (problem.line, problem.column, problem.field, problem.message, problem.code) == (
        line, column, field, message, code)
    assert problem.hint


def test_anchor_and_alias_are_both_reported(read: Read) -> None:
    _, problems = read("a: &x 1\nb: *x\n")
    assert [(p.field, p.message) for p in problems] == [("a", "anchor &x"), ("b", "alias *x")]


@pytest.mark.parametrize(("body", "line", "column"), [
    ("a: 1\nb:\t2\n", 2, 3),
    ("a:\n\tb: 1\n", 2, 1),
    ("a: 'quoted\ttab'\n", 1, 11),
])
def test_tabs_are_refused(read: Read, body: str, line: int, column: int) -> None:
    document, problems = read(body)
    assert document is None
    assert [(p.line, p.column, p.message, p.code) for p in problems] == [(line, column, "tab character", "tab")]


def test_more_than_one_document_is_refused(read: Read) -> None:
    document, problems = read("---\na: 1\n---\nb: 2\n")
    assert document is None
    [problem] = problems
    assert (problem.line, problem.message, problem.code) == (3, "more than one YAML document", "yaml")
    assert problem.hint == "keep one record per file"


def test_one_explicit_document_is_fine(read: Read) -> None:
    document, problems = read("---\na: 1\n...\n")
    assert problems == [] and document is not None and document.data == {"a": 1}


def test_invalid_utf8_gives_line_and_column(read: Read) -> None:
    document, problems = read(b"a: 1\nb: caf\xe9\n")
    assert document is None
    [problem] = problems
    assert (problem.line, problem.column, problem.code) == (2, 7, "encoding")
    assert problem.message == "invalid UTF-8 (byte 0xe9)"
    assert problem.hint == "save the file as UTF-8"


def test_syntax_error_gives_line_and_column(read: Read) -> None:
    document, problems = read("a: [1, 2\nb: 3\n")
    assert document is None
    [problem] = problems
    assert problem.code == "syntax"
    assert problem.message.startswith("YAML syntax error: ")
    assert problem.line == 2


def test_control_character_is_a_problem_not_a_traceback(read: Read) -> None:
    document, problems = read('label: "bell\x07"\n')
    assert document is None
    [problem] = problems
    assert (problem.line, problem.column) == (1, 13)


def test_byte_order_mark_is_ignored(read: Read) -> None:
    document, problems = read("\ufeffa: 1\n".encode())
    assert problems == [] and document is not None and document.data == {"a": 1}


def test_every_refusal_in_one_run(read: Read) -> None:
    _, problems = read("""\
        a: no
        b: 0755
        c: &x 1
        a: 2
        """)
    assert [(p.line, p.code) for p in problems] == [(1, "yaml11"), (2, "yaml11"), (3, "alias"), (4, "duplicate")]


NESTED = """\
    title:
      de: Titel
      en: Title
    sections:
      - role: quotes
        items: [one, two]
      - role: context
        items:
          - three
    """


def test_positions_of_nested_values(read: Read) -> None:
    document, problems = read(NESTED)
    assert problems == [] and document is not None
    assert document.values[()] == Position(1, 1)
    assert document.values[("title",)] == Position(2, 3)
    assert document.values[("title", "en")] == Position(3, 7)
    assert document.values[("sections", 0)] == Position(5, 5)
    assert document.values[("sections", 0, "items")] == Position(6, 12)
    assert document.values[("sections", 0, "items", 1)] == Position(6, 18)
    assert document.values[("sections", 1, "items", 0)] == Position(9, 9)


def test_positions_of_keys(read: Read) -> None:
    document, _ = read(NESTED)
    assert document is not None
    assert document.keys[("title", "en")] == Position(3, 3)
    assert document.keys[("sections",)] == Position(4, 1)
    assert document.position(("title", "en"), key=True) == Position(3, 3)
    assert document.position(("title", "en")) == Position(3, 7)


def test_position_falls_back_to_the_deepest_known_part(read: Read) -> None:
    document, _ = read(NESTED)
    assert document is not None
    assert document.position(("sections", 1, "heading")) == Position(7, 5)
    assert document.position(("nowhere", "at", "all")) == Position(1, 1)


def test_data_is_plain_python(read: Read) -> None:
    document, _ = read(NESTED)
    assert document is not None
    assert document.data == {
        "title": {"de": "Titel", "en": "Title"},
        "sections": [{"role": "quotes", "items": ["one", "two"]}, {"role": "context", "items": ["three"]}],
    }


def test_empty_file_has_no_data(read: Read) -> None:
    document, problems = read("")
    assert problems == [] and document is not None and document.data is None


@pytest.mark.parametrize(("path", "text"), [
    ((), ""),
    (("title",), "title"),
    (("title", "de"), "title.de"),
    (("sections", 0, "items"), "sections[0].items"),
    (("sections", 2, "items", 1), "sections[2].items[1]"),
])
def test_dotted(path: tuple[str | int, ...], text: str) -> None:
    assert dotted(path) == text



def test_records_are_parsed_by_libyaml() -> None:
    """The locked PyYAML wheel carries libyaml; without it every load is several times slower (nothing else changes)."""
    assert yaml.__with_libyaml__ and yaml_reader._FAST is yaml.CSafeLoader


@pytest.mark.parametrize("body", ["a: {b: c d: e}\n", "a: [" + "[" * 2000 + "\n", "a: b\x01\n", "a: b\n c: d\n"])
def test_a_file_libyaml_refuses_gets_the_python_parsers_message(read: Read, body: str,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """libyaml words errors its own way, counts bytes and stops at its own depth: the message must not depend on it."""
    fast = read(body)
    assert fast[0] is None and fast[1]
    monkeypatch.setattr(yaml_reader, "_FAST", yaml.SafeLoader)
    monkeypatch.setattr(yaml_reader, "_READ", {})
    assert read(body) == fast
