"""The Debian packages briefing needs: checked, installed as root, or named in one apt-get line."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from generator import system
from generator.cli import app
from generator.errors import SetupError

ABSENT = system.Requirement("libbriefing-absent0", "build", "testing", library="libbriefing-absent.so.0")
ABSENT_EXTRA = system.Requirement("briefing-absent-tool", "test", "testing", program="briefing-absent-tool",
                                  required=False)


@pytest.fixture
def lacking(monkeypatch: pytest.MonkeyPatch) -> None:
    """This machine as one that lacks a required and a recommended package, and cannot install them."""
    monkeypatch.setattr(system, "REQUIREMENTS", (*system.REQUIREMENTS, ABSENT, ABSENT_EXTRA))
    monkeypatch.setattr(system, "_can_install", lambda: False)


def test_this_machine_has_everything_the_tests_need() -> None:
    assert system.missing(["build", "test"]) == []


def test_a_user_who_cannot_install_gets_the_one_apt_get_line_and_a_failure(
    lacking: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert system.main(["install", "build", "test"]) == 1
    err = capsys.readouterr().err
    assert "missing: libbriefing-absent0 (for testing)" in err
    assert "recommended: briefing-absent-tool (for testing)" in err
    assert "install with: sudo apt-get install briefing-absent-tool libbriefing-absent0" in err


def test_only_recommended_packages_missing_is_no_failure(monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(system, "REQUIREMENTS", (*system.REQUIREMENTS, ABSENT_EXTRA))
    monkeypatch.setattr(system, "_can_install", lambda: False)
    assert system.main(["install", "test"]) == 0
    assert "sudo apt-get install briefing-absent-tool" in capsys.readouterr().err


def test_a_wrong_call_says_how_to_call(capsys: pytest.CaptureFixture[str]) -> None:
    assert system.main(["install", "everything"]) == 2
    assert "usage:" in capsys.readouterr().err


def test_work_that_needs_a_missing_library_is_refused_naming_it(lacking: None) -> None:
    with pytest.raises(SetupError, match=r"libbriefing-absent0 \(for testing\).*sudo apt-get install libbriefing"):
        system.require_system("build")
    system.require_system("test")  # only a recommended package is missing there


def test_doctor_lists_every_requirement_and_fails_on_a_missing_one(lacking: None) -> None:
    result = CliRunner().invoke(app, ["doctor"])
    assert result.exit_code == 3
    for requirement in system.REQUIREMENTS:
        assert requirement.package in result.output
    assert "missing      build  libbriefing-absent0" in result.output
    assert "install with: sudo apt-get install" in result.output
