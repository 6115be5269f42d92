"""Input that would hang, exhaust or escape is refused before it is parsed, with file, line and field."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.records.load import MAX_ID_LENGTH, load_records
from generator.records.yaml_reader import MAX_DEPTH, MAX_RECORD_BYTES

LANGUAGES = ("de", "en")


def problems_of(folder: Path) -> dict[str, str]:
    """`{file name: message}` of every problem found in the content folder."""
    records, problems = load_records(folder, LANGUAGES)
    assert len(records) == 0
    return {problem.path.name: str(problem) for problem in problems}


@pytest.fixture
def facts(tmp_path: Path) -> Path:
    folder = tmp_path / "content" / "facts"
    folder.mkdir(parents=True)
    return folder


def test_files_that_are_not_records_are_never_opened(facts: Path) -> None:
    os.mkfifo(facts / "fifo.yaml")  # opening it would block for ever
    (facts / "zero.yaml").symlink_to("/dev/zero")  # reading it would never end
    (facts / "passwd.yaml").symlink_to("/etc/passwd")
    (facts / "loop.yaml").symlink_to("loop.yaml")
    (facts / "dangling.yaml").symlink_to("missing.yaml")
    found = problems_of(facts.parent)
    assert "not a regular file" in found["fifo.yaml"]
    assert "outside the content folder" in found["zero.yaml"] and "/dev/zero" in found["zero.yaml"]
    assert "outside the content folder" in found["passwd.yaml"]
    assert "symbolic link loop" in found["loop.yaml"]
    assert "does not exist" in found["dangling.yaml"]


def test_a_device_linked_from_inside_the_content_folder_is_refused_too(facts: Path) -> None:
    os.mkfifo(facts.parent / ".pipe")
    (facts / "pipe.yaml").symlink_to(facts.parent / ".pipe")
    assert "not a regular file" in problems_of(facts.parent)["pipe.yaml"]


def test_a_file_over_the_size_limit_is_refused_before_parsing(facts: Path) -> None:
    (facts / "big.yaml").write_text("kind: figure\nx: " + "a" * MAX_RECORD_BYTES, encoding="utf-8")
    assert f"more than the {MAX_RECORD_BYTES:,}" in problems_of(facts.parent)["big.yaml"]


def test_deep_nesting_is_refused_at_its_line(facts: Path) -> None:
    (facts / "deep.yaml").write_text("kind: figure\nx: " + "[" * 10_000 + "]" * 10_000 + "\n", encoding="utf-8")
    assert f"deep.yaml:2:{3 + MAX_DEPTH + 1}: (record): nested deeper than {MAX_DEPTH} levels" in problems_of(
        facts.parent)["deep.yaml"]


def test_control_characters_written_as_yaml_escapes_are_refused(facts: Path) -> None:
    (facts / "nul.yaml").write_text('kind: figure\ntext: {de: "a\\0b"}\n', encoding="utf-8")
    assert "nul.yaml:2:12: text.de: control character U+0000" in problems_of(facts.parent)["nul.yaml"]
    (facts / "nul.yaml").write_text('kind: figure\ntext: {en: "c\\ed"}\n', encoding="utf-8")
    assert "control character U+001B" in problems_of(facts.parent)["nul.yaml"]


def test_an_overlong_id_is_refused(facts: Path) -> None:
    name = "a" * (MAX_ID_LENGTH + 1)
    (facts / f"{name}.yaml").write_text("kind: figure\n", encoding="utf-8")
    assert f"id is {MAX_ID_LENGTH + 1} characters long" in problems_of(facts.parent)[f"{name}.yaml"]
