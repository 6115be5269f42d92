"""A broken catalog stops every command that reads it, with one message and no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.i18n.po_checks import PLAIN_TEXT

from ..conftest import copy_project, paris_project

BRIEFING = Path(sys.executable).with_name("briefing")
PARIS = paris_project()
PO = "locales/de/LC_MESSAGES/messages.po"
SOURCES = 'msgid "Sources"\nmsgstr "Quellen"\n'
CITES = 'msgstr[1] "Dieses Briefing stützt sich auf %(number)s Quellen."\n'


def _broken(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    """A copy of the Paris project whose German catalog has `new` for `old`; the line where `new` starts."""
    root = copy_project(PARIS, tmp_path / "p")
    po = root / PO
    text = po.read_text(encoding="utf-8")
    assert text.count(old) == 1
    po.write_text(text.replace(old, new), encoding="utf-8")
    return root, text[:text.index(old)].count("\n") + 1


def _run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run([str(BRIEFING), *args], cwd=root, capture_output=True, text=True, timeout=300,
                          check=False, env=env)


def _refused(result: subprocess.CompletedProcess[str], message: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert message in result.stderr.splitlines(), output
    assert "Traceback" not in output and "bug in briefing" not in output and "internal error" not in output


@pytest.mark.parametrize("command", [("export",), ("build",), ("i18n", "status"), ("i18n", "compile")])
def test_a_syntax_error_stops_the_command_with_one_message(tmp_path: Path, command: tuple[str, ...]) -> None:
    root, line = _broken(tmp_path, SOURCES, 'msgid "Sources"\nmsgstr Quellen"\n')
    result = _run(root, *command)
    _refused(result, f'{PO}:{line + 1}: the text after msgstr does not start with a quote: Quellen" '
                     '(write it between quotes: msgstr "Quellen")')
    assert not (root / "site").exists(), "a refused build publishes nothing"


def test_a_misspelt_placeholder_stops_the_build_before_rendering(tmp_path: Path) -> None:
    root, line = _broken(tmp_path, CITES, CITES.replace("%(number)s", "%(nmber)s"))
    result = _run(root, "build")
    _refused(result, f'{PO}:{line}:44: msgid "This briefing cites %(number)s source.": msgstr[1] uses %(nmber)s, '
                     "which the msgid does not have (write %(number)s, as in the msgid)")
    assert "KeyError" not in result.stderr
    assert not (root / "site").exists()


def test_markup_in_a_translation_stops_the_export(tmp_path: Path) -> None:
    root, line = _broken(tmp_path, SOURCES, 'msgid "Sources"\nmsgstr "<script>alert(1)</script>Quellen"\n')
    result = _run(root, "export")
    _refused(result, f"{PO}:{line + 1}:9: msgid \"Sources\": msgstr has markup the msgid does not have: "
                     f"'<script>' (an HTML tag), '</script>' (an HTML tag) ({PLAIN_TEXT})")
    assert not (root / "site").exists()
