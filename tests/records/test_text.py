"""The markup inside record text, and the text types built on it."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from generator.records.base import LocalizedDict, LocalizedText, Text
from generator.records.text import Literal, Mention, Placeholder, Quotation, TextSyntaxError, Token, parse_text
from generator.yaml_reader import UnquotedDate

TEXT = TypeAdapter(Text)
LOCALIZED = TypeAdapter(LocalizedText)


@pytest.mark.parametrize(("text", "tokens"), [
    ("Plain text.", [Literal("Plain text.")]),
    ("", []),
    ("{amount}", [Placeholder("amount", None)]),
    ("EU aid of {amount:compact}.", [Literal("EU aid of "), Placeholder("amount", "compact"), Literal(".")]),
    ("{war_years:number}", [Placeholder("war_years", "number")]),
    ("{@emmanuel-macron}", [Mention(("emmanuel-macron",), "full")]),
    ("{@emmanuel-macron:short} said", [Mention(("emmanuel-macron",), "short"), Literal(" said")]),
    ("{@a,b-2,c:full}", [Mention(("a", "b-2", "c"), "full")]),
    ('{"nicht nur Worte"}', [Quotation("nicht nur Worte")]),
    ('praised {"substantial documents"}, {"not just words"}.',
     [Literal("praised "), Quotation("substantial documents"), Literal(", "), Quotation("not just words"),
      Literal(".")]),
    ("{{literal}}", [Literal("{"), Literal("literal"), Literal("}")]),
    ("a {{b}} {c}", [Literal("a "), Literal("{"), Literal("b"), Literal("}"), Literal(" "), Placeholder("c", None)]),
    ("{date} in {@paris}", [Placeholder("date", None), Literal(" in "), Mention(("paris",), "full")]),
    ("von {@bundestag:dat}", [Literal("von "), Mention(("bundestag",), "full", "dat")]),
    ("{@european-union:short:gen}", [Mention(("european-union",), "short", "gen")]),
    ("{@a:full:nom}", [Mention(("a",), "full", "nom")]),
    ("im {@bundestag:dat:bare}", [Literal("im "), Mention(("bundestag",), "full", "dat", bare=True)]),
    ("{@a,b:short:acc:bare}", [Mention(("a", "b"), "short", "acc", bare=True)]),
])
def test_parse_text(text: str, tokens: list[Token]) -> None:
    assert parse_text(text) == tuple(tokens)


@pytest.mark.parametrize(("text", "brace", "character"), [
    ("An open { brace", "{", 9),
    ("A closing } brace", "}", 11),
    ("{Amount}", "{", 1),
    ("{amount", "{", 1),
    ("{}", "{", 1),
    ('{""}', "{", 1),
    ("{@Bad-Id}", "{", 1),
    ("{@a,,b}", "{", 1),
    ("{amount:}", "{", 1),
    ('{"nested {braces}"}', "{", 1),
    ("fine {x} then }", "}", 15),
])
def test_unmatched_braces_are_errors(text: str, brace: str, character: int) -> None:
    with pytest.raises(TextSyntaxError) as caught:
        parse_text(text)
    assert str(caught.value).startswith(f"unmatched {brace!r} at character {character}: ")
    assert "{{ }} for a literal brace" in str(caught.value)


@pytest.mark.parametrize(("text", "problem"), [
    ("{@macron:medium}", "{@macron:medium} at character 1: unknown option 'medium'; "),
    ("Mit {@bundestag:dativ}", "{@bundestag:dativ} at character 5: unknown option 'dativ' (did you mean 'dat'?); "),
    ("{@a:genitiv}", "unknown option 'genitiv' (did you mean 'gen'?); "),
    ("{@a:dat:short}", "{@a:dat:short} at character 1: options repeated, out of order, or :bare without a case; "),
    ("{@a:bare}", "options repeated, out of order, or :bare without a case; "),
    ("{@a:dat:dat}", "options repeated, out of order, or :bare without a case; "),
])
def test_mention_options_name_what_is_wrong_and_the_syntax(text: str, problem: str) -> None:
    with pytest.raises(TextSyntaxError) as caught:
        parse_text(text)
    assert problem in str(caught.value)
    assert str(caught.value).endswith("write {@id} or {@id:short}, then optionally a case (nom, gen, dat, acc) as in "
                                      "{@id:short:dat}, then :bare for the name without its article")


def test_text_syntax_error_is_a_value_error() -> None:
    assert issubclass(TextSyntaxError, ValueError)


# --- Text and LocalizedText ------------------------------------------------------------------------------------


def test_text_accepts_markup() -> None:
    assert TEXT.validate_python("{@paris} on {date}") == "{@paris} on {date}"


@pytest.mark.parametrize(("value", "message"), [
    (UnquotedDate("2026-01-06"), "unquoted 2026-01-06 reads as a date in YAML 1.1; text is expected here"),
    ("", "must not be empty"),
    ("   ", "must not be empty"),
    ("a { b", "unmatched '{' at character 3"),
    (42, "Input should be a valid string"),
    (True, "Input should be a valid string"),
    (None, "Input should be a valid string"),
])
def test_text_refuses(value: Any, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        TEXT.validate_python(value)
    [error] = caught.value.errors()
    assert message in error["msg"]


def test_localized_text_is_marked_for_the_checks() -> None:
    value = LOCALIZED.validate_python({"de": "Hallo", "en": "Hello"}, context={"languages": ("de", "en")})
    assert isinstance(value, LocalizedDict)
    assert value == {"de": "Hallo", "en": "Hello"}


def test_localized_text_may_miss_a_language() -> None:
    """Missing translations are the checks' business, so one language validates."""
    assert LOCALIZED.validate_python({"de": "Hallo"}, context={"languages": ("de", "en")}) == {"de": "Hallo"}


def test_localized_text_refuses_unconfigured_languages() -> None:
    with pytest.raises(ValidationError) as caught:
        LOCALIZED.validate_python({"de": "Hallo", "fr": "Bonjour", "it": "Ciao"},
                                  context={"languages": ("de", "en")})
    [error] = caught.value.errors()
    assert error["msg"] == ("Value error, language fr, it is not configured (configured: de, en; "
                            "add it under plugins.briefing.languages in mkdocs.yml)")


def test_localized_text_without_context_accepts_any_language() -> None:
    assert LOCALIZED.validate_python({"fr": "Bonjour"}) == {"fr": "Bonjour"}


def test_localized_text_refuses_an_empty_mapping() -> None:
    with pytest.raises(ValidationError, match="give the text in at least one language"):
        LOCALIZED.validate_python({})


def test_localized_text_checks_each_text() -> None:
    with pytest.raises(ValidationError) as caught:
        LOCALIZED.validate_python({"de": "ok", "en": "a } b"})
    [error] = caught.value.errors()
    assert error["loc"] == ("en",)
    assert "unmatched '}' at character 3" in error["msg"]
