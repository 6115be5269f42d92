"""Every kind of broken record in tests/fixtures/bad-content gets exactly its problem, and nothing else.

Each file there is broken in one way; `EXPECTED` says how it must be reported.
A new fixture file must be added to the table, or the completeness test fails.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.errors import Problem
from generator.validate import ValidationReport, validate_content

ROOT = Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "fixtures" / "bad-content"
WARNINGS_ONLY = ROOT / "tests" / "fixtures" / "warnings-only"
BRIEFING = Path(sys.executable).with_name("briefing")


@dataclass(frozen=True)
class Expected:
    """What one problem must say: where, which field, which code and (a key part of) the message and hint."""

    line: int | None
    column: int | None
    field: str
    code: str
    message: str
    hint: str = ""
    severity: str = "error"

    def matches(self, problem: Problem) -> bool:
        return ((problem.line, problem.column, problem.field, problem.code, problem.severity)
                == (self.line, self.column, self.field, self.code, self.severity)
                and self.message in problem.message and self.hint in problem.hint)


EXPECTED: dict[str, list[Expected]] = {
    # valid helpers: cited or used by the bad records, so those are broken in one way only
    "sources/ok-source.yaml": [],
    "organisations/ok-organisation.yaml": [],
    "briefings/ok-briefing.yaml": [],
    # syntax and YAML surprises
    "topics/duplicate-key-topic.yaml": [
        Expected(5, 1, "label", "duplicate", "duplicate key 'label' (first at line 1)", "remove one of the two")],
    "topics/anchor-topic.yaml": [Expected(1, 8, "label", "alias", "anchor &shared-label", "remove the anchor")],
    "topics/alias-topic.yaml": [Expected(2, 8, "label", "alias", "alias *shared-label", "write the value out")],
    "topics/tab-topic.yaml": [Expected(5, 7, "", "tab", "tab character", "indent and separate with spaces")],
    "topics/yaml11-boolean-topic.yaml": [
        Expected(3, 7, "label.en", "yaml11", "unquoted 'no' is a boolean in YAML 1.1", 'write "no" in quotes')],
    "topics/octal-topic.yaml": [
        Expected(5, 8, "order", "yaml11", "unquoted '0755' looks like an octal", "plain decimal number")],
    "topics/invalid-utf8-topic.yaml": [
        Expected(3, 11, "", "encoding", "invalid UTF-8 (byte 0xe4)", "save the file as UTF-8")],
    "topics/syntax-error-topic.yaml": [
        Expected(2, 9, "", "syntax", "YAML syntax error: expected ',' or '}'", "check indentation and quoting")],
    "sources/unquoted-date-source.yaml": [
        Expected(4, 17, "original_title", "value_error", "unquoted 2026-01-06 reads as a date in YAML 1.1")],
    # fields
    "topics/unknown-field-topic.yaml": [
        Expected(5, 1, "colour", "extra_forbidden", "unknown field 'colour'", "check its spelling")],
    "topics/missing-field-topic.yaml": [Expected(1, 1, "question", "missing", "Field required", "add this field")],
    "topics/Bad_Id.yaml": [Expected(1, 1, "", "id", "id 'Bad_Id' is not a slug", "rename the file")],
    "statements/sourceless-statement.yaml": [
        Expected(6, 10, "sources", "too_short", "List should have at least 1 item", "add at least one entry")],
    # typed values
    "facts/impossible-date-fact.yaml": [
        Expected(2, 14, "date.date", "value_error", "no such date 2026-02-30: February 2026 has 28 days")],
    "facts/negative-amount-fact.yaml": [
        Expected(6, 19, "values.amount.money", "value_error", "must not be negative (got -5000)")],
    "facts/infinite-amount-fact.yaml": [
        Expected(6, 19, "values.amount.money", "finite_number", "finite number (got inf)")],
    "facts/unknown-currency-fact.yaml": [
        Expected(6, 35, "values.amount.currency", "value_error", "'EUO' is not an ISO 4217 currency code")],
    "topics/media-topic-form-topic.yaml": [
        Expected(5, 21, "iptc_media_topics[0]", "value_error",
                 "not a Media Topic code; write medtop: and its 8 digits, like medtop:16000000")],
    # text and languages
    "facts/unconfigured-language-fact.yaml": [
        Expected(3, 3, "text", "value_error", "language fr is not configured (configured: de, en")],
    "facts/missing-translation-fact.yaml": [
        Expected(3, 3, "text", "missing-translation", "missing translation: en", "add `en:`")],
    "facts/unknown-placeholder-fact.yaml": [
        Expected(3, 7, "text.de", "unknown-placeholder", "placeholder {amont} has no value",
                 "did you mean 'amount'?")],
    "facts/unmatched-brace-fact.yaml": [
        Expected(3, 7, "text.de", "value_error", "unmatched '{' at character 14")],
    # references
    "facts/unknown-reference-fact.yaml": [
        Expected(2, 10, "actors[0]", "unknown-reference", "unknown people or organisations id 'ok-organisaton'",
                 "did you mean 'ok-organisation'?")],
    "statements/wrong-kind-statement.yaml": [
        Expected(2, 10, "speaker", "wrong-kind", "'ok-organisation' is in organisations, expected people")],
    "places/cycle-place-a.yaml": [
        Expected(5, 9, "within", "cycle", "reference cycle cycle-place-a → cycle-place-b → cycle-place-a",
                 "break the loop")],
    "places/cycle-place-b.yaml": [],  # the same cycle, reported once
    # a warning, not an error
    "topics/unreferenced-topic.yaml": [
        Expected(2, 1, "", "unreferenced", "nothing refers to this record", "use it in a briefing",
                 severity="warning")],
}

@pytest.fixture(scope="module")
def report() -> ValidationReport:
    return validate_content(ROOT, BAD)


def problems_of(report: ValidationReport, relative: str) -> list[Problem]:
    return [p for p in report.problems if p.path == BAD / relative]


@pytest.mark.parametrize("relative", list(EXPECTED))
def test_each_file_gets_exactly_its_problems(report: ValidationReport, relative: str) -> None:
    found = problems_of(report, relative)
    expected = EXPECTED[relative]
    assert len(found) == len(expected), "\n".join(str(p) for p in found)
    for want, got in zip(expected, found, strict=True):
        assert want.matches(got), f"expected {want}\ngot      {got!r}"


def test_every_fixture_file_is_in_the_table() -> None:
    files = {p.relative_to(BAD).as_posix() for p in BAD.rglob("*") if p.is_file() and not p.name.startswith(".")}
    assert files == set(EXPECTED)


def test_no_problem_outside_the_table(report: ValidationReport) -> None:
    assert {p.path.relative_to(BAD).as_posix() for p in report.problems} <= set(EXPECTED)


def test_totals(report: ValidationReport) -> None:
    broken = sum(1 for problems in EXPECTED.values() for p in problems if p.severity == "error")
    assert (len(report.errors), len(report.warnings)) == (broken, 1)
    loaded = ["cycle-place-a", "cycle-place-b", "missing-translation-fact", "ok-briefing", "ok-organisation",
              "ok-source", "unknown-placeholder-fact", "unknown-reference-fact", "unreferenced-topic",
              "wrong-kind-statement"]
    assert report.records.ids() == loaded
    assert report.summary() == f"10 records checked: {broken} error(s), 1 warning(s)"


def test_invalid_utf8_fixture_really_is_invalid() -> None:
    with pytest.raises(UnicodeDecodeError):
        (BAD / "topics/invalid-utf8-topic.yaml").read_bytes().decode("utf-8")
    assert b"\t" in (BAD / "topics/tab-topic.yaml").read_bytes()


def test_every_problem_has_a_hint(report: ValidationReport) -> None:
    assert [str(p) for p in report.problems if not p.hint] == []


def test_every_problem_has_a_position(report: ValidationReport) -> None:
    assert [str(p) for p in report.problems if p.line is None] == []


# --- the command -----------------------------------------------------------------------------------------------

LINE = re.compile(r"^(?P<path>[^:\s]+):(?P<line>\d+):(?P<column>\d+): (?:warning: )?(?P<field>\S+): (?P<message>.+)$")


def run_validate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BRIEFING), "validate", *args], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          check=False)


@pytest.fixture(scope="module")
def cli() -> subprocess.CompletedProcess[str]:
    return run_validate("tests/fixtures/bad-content")


def test_cli_exits_1_without_traceback(cli: subprocess.CompletedProcess[str]) -> None:
    assert cli.returncode == 1
    assert "Traceback" not in cli.stdout + cli.stderr
    assert cli.stderr == ""


def test_cli_prints_every_problem_then_the_summary(cli: subprocess.CompletedProcess[str],
                                                   report: ValidationReport) -> None:
    *lines, summary = cli.stdout.splitlines()
    assert summary == report.summary()
    assert len(lines) == len(report.problems)


def test_cli_lines_read_path_line_column_field_message(cli: subprocess.CompletedProcess[str],
                                                       report: ValidationReport) -> None:
    lines = cli.stdout.splitlines()[:-1]
    positioned = [p for p in report.problems if p.line is not None]
    matched = [LINE.match(line) for line in lines]
    parsed = [m.groupdict() for m in matched if m]
    assert len(parsed) == len(positioned), "\n".join(line for line, m in zip(lines, matched, strict=True) if not m)
    for fields, problem in zip(parsed, positioned, strict=True):
        assert Path(fields["path"]) == problem.path.relative_to(ROOT)
        assert (int(fields["line"]), int(fields["column"])) == (problem.line, problem.column)
        assert fields["field"] == (problem.field or "(record)")
        assert fields["message"].startswith(problem.message)
        if problem.hint:
            assert fields["message"].endswith(f" ({problem.hint})")


def test_cli_marks_warnings(cli: subprocess.CompletedProcess[str]) -> None:
    [warning] = [line for line in cli.stdout.splitlines() if ": warning: " in line]
    assert warning.startswith("tests/fixtures/bad-content/topics/unreferenced-topic.yaml:2:1: warning: (record): ")


def test_warnings_alone_pass_without_strict() -> None:
    result = run_validate("tests/fixtures/warnings-only")
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1] == "1 records checked: 0 error(s), 1 warning(s)"


def test_strict_fails_on_warnings() -> None:
    result = run_validate("--strict", "tests/fixtures/warnings-only")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "warning: (record): nothing refers to this record" in result.stdout
