"""The `briefing` command, run as a user runs it: a subprocess, exit codes, stdout and stderr."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from generator.cli import BriefingGroup
from generator.schema import render_schemas

ROOT = Path(__file__).resolve().parents[1]
BRIEFING = Path(sys.executable).with_name("briefing")

SITE = "site_name: Test\nsite_url: https://test.example.org/\n"
MKDOCS = SITE + """\
plugins:
  - briefing:
      languages:
        de: {locale: de_DE, quotes: ["„", "“", "‚", "‘"]}
      rights: {publisher: Test Desk, licence: CC BY 4.0}
"""


def minimal_project(root: Path, mkdocs: str = MKDOCS) -> Path:
    """mkdocs.yml and the folders it names (empty), as load_config requires them."""
    (root / "mkdocs.yml").write_text(mkdocs, encoding="utf-8")
    for name in ("content", "templates", "locales", "docs"):
        (root / name).mkdir(exist_ok=True)
    return root


def briefing(*args: str, cwd: Path = ROOT, command: tuple[str, ...] = (str(BRIEFING),)
             ) -> subprocess.CompletedProcess[str]:
    """Run the installed command; a wide terminal keeps help text on one line per entry."""
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run([*command, *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False,
                          env=env)


def no_traceback(result: subprocess.CompletedProcess[str]) -> bool:
    return "Traceback" not in result.stdout + result.stderr


# --- help ------------------------------------------------------------------------------------------------------


def test_help_lists_the_commands() -> None:
    result = briefing("--help")
    assert result.returncode == 0
    assert "Usage: briefing" in result.stdout
    assert "localized briefings" in result.stdout
    assert re.search(r"validate\s+.*Check every record", result.stdout)
    assert re.search(r"schema\s+.*Write the JSON Schema", result.stdout)


def test_the_module_runs_as_the_command() -> None:
    """`python -m generator.cli` is how a checkout without the entry point runs it: it must not silently do nothing."""
    result = briefing("--help", command=(sys.executable, "-m", "generator.cli"))
    assert result.returncode == 0
    assert re.search(r"validate\s+.*Check every record", result.stdout)


@pytest.mark.parametrize(("command", "description", "options"), [
    ("validate", "Check every record: syntax, fields, references, translations.", ["--strict", "--project"]),
    ("schema", "Write the JSON Schema of every record kind", ["--project"]),
])
def test_subcommand_help(command: str, description: str, options: list[str]) -> None:
    result = briefing(command, "--help")
    assert result.returncode == 0
    assert f"Usage: briefing {command}" in result.stdout
    assert description in result.stdout
    for option in options:
        assert option in result.stdout


# --- validate --------------------------------------------------------------------------------------------------


def test_validate_the_repository_content() -> None:
    result = briefing("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.fullmatch(r"\d+ records checked: 0 error\(s\), 0 warning\(s\)\n", result.stdout)
    assert result.stderr == ""


def test_validate_strict_on_the_repository_content() -> None:
    assert briefing("validate", "--strict").returncode == 0


def test_validate_a_missing_folder(tmp_path: Path) -> None:
    result = briefing("validate", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert "content folder not found" in result.stdout
    assert no_traceback(result)


def test_validate_uses_the_projects_languages(tmp_path: Path) -> None:
    minimal_project(tmp_path)
    (tmp_path / "content" / "topics").mkdir(parents=True)
    (tmp_path / "content" / "topics" / "t.yaml").write_text("label: {de: T}\nquestion: {de: F?}\n", encoding="utf-8")
    result = briefing("validate", "--project", str(tmp_path))
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1] == "1 records checked: 0 error(s), 1 warning(s)"


def test_validate_control_character_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "topics").mkdir()
    (tmp_path / "topics" / "t.yaml").write_text('label: {de: "A\x07", en: B}\nquestion: {de: C, en: D}\n')
    result = briefing("validate", str(tmp_path))
    assert result.returncode == 1
    assert no_traceback(result)


# --- configuration errors --------------------------------------------------------------------------------------


def test_missing_mkdocs_yml(tmp_path: Path) -> None:
    result = briefing("validate", "--project", str(tmp_path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"{tmp_path / 'mkdocs.yml'}: not found (run briefing from the project folder, or pass " \
                            "--project)\n"


def test_missing_mkdocs_yml_in_the_working_directory(tmp_path: Path) -> None:
    result = briefing("validate", cwd=tmp_path)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert "mkdocs.yml: not found" in result.stderr
    assert no_traceback(result)


@pytest.mark.parametrize(("mkdocs", "message"), [
    ("", "plugins: no `briefing` entry"),
    ("plugins:\n  - search\n  - briefing:\n", "plugins.briefing.languages: give at least one language"),
    ("plugins:\n  - briefing:\n      languages:\n        de: {locale: xx_YY, quotes: [a, b, c, d]}\n",
     "plugins.briefing.languages.de.locale:"),
    ("plugins:\n  - briefing:\n      languages:\n        de: {locale: de_DE, quotes: [a, b]}\n",
     "plugins.briefing.languages.de.quotes: give the four CLDR delimiters"),
    ("plugins:\n  - briefing:\n      source_language: fr\n      languages:\n"
     "        de: {locale: de_DE, quotes: [a, b, c, d]}\n",
     "plugins.briefing.source_language: 'fr' is not among the languages"),
])
def test_configuration_errors_are_one_line(tmp_path: Path, mkdocs: str, message: str) -> None:
    minimal_project(tmp_path, SITE + textwrap.dedent(mkdocs))
    result = briefing("validate", "--project", str(tmp_path))
    assert result.returncode == 2
    assert no_traceback(result)
    [line] = result.stderr.splitlines()
    assert re.match(rf"{re.escape(os.path.relpath(tmp_path / 'mkdocs.yml', ROOT))}:\d+:\d+: ", line), line
    assert message in line


def test_mkdocs_tags_are_tolerated(tmp_path: Path) -> None:
    minimal_project(tmp_path, MKDOCS + "extra:\n  key: !ENV [SOME_KEY, default]\n")
    result = briefing("validate", "--project", str(tmp_path))
    assert result.returncode == 0
    assert result.stdout == "0 records checked: 0 error(s), 0 warning(s)\n"


# --- schema ----------------------------------------------------------------------------------------------------


def test_schema_writes_every_kind(tmp_path: Path) -> None:
    result = briefing("schema", "--project", str(tmp_path))
    assert result.returncode == 0
    expected = render_schemas()
    written = {path.name: path.read_text(encoding="utf-8") for path in (tmp_path / "schemas").iterdir()}
    assert written == expected
    assert result.stdout.splitlines() == [f"wrote {tmp_path / 'schemas' / name}" for name in expected]


def test_an_unusable_executor_is_one_message_and_publishes_nothing(tmp_path: Path) -> None:
    from .conftest import copy_project, paris_project

    root = copy_project(paris_project(), tmp_path / "project")
    result = briefing("build", "--executor", "spark://somewhere", cwd=root)
    assert result.returncode == 1
    assert "--executor 'spark://somewhere': give dask:tcp://HOST:PORT" in result.stderr
    assert "Traceback" not in result.stderr and not (root / "site").exists()


def test_a_reader_that_stops_reading_ends_the_command_quietly() -> None:
    """`briefing build --help | head -1`: output outliving its pipe is the reader's choice, not a bug in briefing."""
    app = typer.Typer(cls=BriefingGroup)

    @app.command()
    def write() -> None:
        raise BrokenPipeError(32, "Broken pipe")

    @app.command()
    def fail() -> None:
        raise ValueError("a bug")

    result = CliRunner().invoke(app, ["write"])
    assert result.exit_code == 1 and "internal error" not in result.output
    assert "internal error: ValueError" in CliRunner().invoke(app, ["fail"]).output  # what the test tells apart
