"""Whatever stops `briefing build` prints its cause, with the file it concerns, and exits non-zero.

Each case breaks one thing in a copy of the project and runs the command as
a user does. Nothing is published by a failed build, and no traceback is
printed: a user's error shows as it is, a bug in briefing as one line
(the traceback only under --verbose).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import weasyprint.pdf.fonts
import yaml
from typer.testing import CliRunner

from generator import system
from generator.cli import app

from .conftest import NOW as NOW_MOMENT
from .conftest import copy_project

BRIEFING = Path(sys.executable).with_name("briefing")
NOW = NOW_MOMENT.isoformat()


def run(root: Path, *args: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run([str(BRIEFING), *args, "--project", str(root)], cwd=root, capture_output=True, text=True,
                          timeout=timeout, check=False, env=env)


def assert_fails_with(result: subprocess.CompletedProcess[str], root: Path, *causes: str, code: int = 1) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == code, output
    assert "Traceback" not in output
    assert "Aborted with a BuildError" not in output
    for cause in causes:
        assert cause in output, output
    assert not (root / "site").exists(), "a failed build published something"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


@pytest.mark.parametrize(("template", "broken", "cause"), [
    ("site/home.md.j2", "{{ no_such_name.title }}\n", "'no_such_name' is undefined"),  # a page
    ("export/briefing.txt.j2", "{% if %}\n", "Expected an expression"),  # an export, a syntax error
])
def test_a_broken_template_is_named_with_its_line(root: Path, template: str, broken: str, cause: str) -> None:
    path = root / "templates" / template
    lines = path.read_text(encoding="utf-8").count("\n")
    append(path, broken)
    result = run(root, "build", "--now", NOW)
    assert_fails_with(result, root, f"{path.name}:{lines + 1}", cause)


def test_a_refused_fetch_in_a_pdf_names_the_document(root: Path) -> None:
    stylesheet = root / "templates" / "pdf" / "print.css.j2"
    stylesheet.write_text('@import url("http://example.org/print.css");\n' + stylesheet.read_text(encoding="utf-8"),
                          encoding="utf-8")
    result = run(root, "build", "--now", NOW)
    assert_fails_with(result, root, "pdf/de/", "refused to fetch http://example.org/print.css")


def test_a_broken_link_under_strict_shows_what_mkdocs_said(root: Path) -> None:
    append(root / "templates" / "site" / "home.md.j2", "\n[Gone](people/nobody.md)\n")
    result = run(root, "build", "--now", NOW)
    assert_fails_with(result, root, "people/nobody.md", "strict mode")


def test_a_missing_font_file_is_named(root: Path) -> None:
    (root / "assets" / "fonts" / "NotoSans-Bold.ttf").unlink()
    result = run(root, "build", "--now", NOW)
    assert_fails_with(result, root, "NotoSans-Bold.ttf", "no such file under assets/")


def test_a_damaged_font_file_is_named_with_how_to_restore_it(root: Path) -> None:
    (root / "assets" / "fonts" / "NotoSerif-Regular.ttf").write_bytes(b"not a font at all")
    result = run(root, "build", "--now", NOW)
    assert_fails_with(result, root, "NotoSerif-Regular.ttf: not a readable font", "restore it")


def _edit_first_german_text(root: Path) -> None:
    """Change the German of one fact without touching its translations: they become stale."""
    path = sorted((root / "content" / "facts").glob("*.yaml"))[0]
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record["text"]["de"] += " Geändert."
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def test_a_draft_build_prints_the_warnings_it_counts(root: Path) -> None:
    _edit_first_german_text(root)
    strict = run(root, "build", "--now", NOW)
    assert_fails_with(strict, root, "translation is older than the de text")
    draft = run(root, "build", "--allow-stale-translations", "--now", NOW)
    assert draft.returncode == 0, draft.stderr
    warnings = [line for line in draft.stderr.splitlines() if line.startswith("warning:")]
    assert warnings and all("translation is older than the de text" in line for line in warnings)
    assert f"({len(warnings)} warning(s))" in draft.stdout


def test_serve_on_a_port_that_is_taken_says_so(root: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run(root, "serve", "--address", f"127.0.0.1:{port}", timeout=240)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    assert f"cannot serve on 127.0.0.1:{port}: another program is using that port" in output


def test_a_missing_system_library_is_named_before_any_work(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    absent = system.Requirement("libbriefing-absent0", "build", "testing the preflight",
                                library="libbriefing-absent.so.0")
    monkeypatch.setattr(system, "REQUIREMENTS", (*system.REQUIREMENTS, absent))
    result = CliRunner().invoke(app, ["build", "--project", str(root)])
    assert result.exit_code == 3, result.output
    assert "libbriefing-absent0 (for testing the preflight)" in result.output
    assert "sudo apt-get install libbriefing-absent0" in result.output
    assert not (root / "site").exists()


def test_a_bug_in_briefing_is_one_line_and_the_traceback_comes_with_verbose(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("something internal broke")

    monkeypatch.setattr("generator.build.build_site", broken)
    quiet = CliRunner().invoke(app, ["build", "--project", str(root)])
    assert quiet.exit_code == 70
    assert "internal error: RuntimeError: something internal broke" in quiet.output
    assert "Traceback" not in quiet.output and "--verbose" in quiet.output
    verbose = CliRunner().invoke(app, ["--verbose", "build", "--project", str(root)])
    assert verbose.exit_code == 70 and "Traceback" in verbose.output


def test_the_fonttools_advisory_is_one_warning_naming_the_package(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """WeasyPrint's own fallback path, as on a machine without libharfbuzz-subset0: a warning, not an error.

    One job, so the PDFs print in this process, where the library is patched away; a worker's advisories
    come back with its PDF and are logged the same way (`test_pdf_parallel.py`).
    """
    monkeypatch.setattr(weasyprint.pdf.fonts, "harfbuzz_subset", None)
    result = CliRunner().invoke(app, ["build", "--now", NOW, "--project", str(root), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    advisories = [line for line in result.output.splitlines() if "libharfbuzz-subset0" in line]
    assert len(advisories) == 1 and advisories[0].startswith("warning: WeasyPrint: fonts are subset with fontTools")
    assert "(1 warning(s))" in result.output
    assert any((root / "site" / "pdf").rglob("*.pdf"))
