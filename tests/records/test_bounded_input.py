"""Input that would hang, exhaust or escape is refused before it is parsed, with file, line and field."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.config import load_config
from generator.records.load import MAX_ID_LENGTH, load_records
from generator.yaml_reader import DEFAULT_LIMITS, MAX_DEPTH, MAX_RECORD_BYTES, MAX_VALUES, TABS_LISTED, Limits

from ..conftest import ROOT

LANGUAGES = ("de", "en")
TOPIC = "label: {de: Hilfe, en: Aid}\nquestion: {de: Wer hilft?, en: Who helps?}\n"
"""A valid record two levels deep (`label.de`)."""


def problems_of(folder: Path, limits: Limits = DEFAULT_LIMITS) -> dict[str, str]:
    """`{file name: message}` of every problem found in the content folder."""
    records, problems = load_records(folder, LANGUAGES, limits)
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


def test_a_file_of_many_short_values_is_refused_where_the_count_passes_the_limit(facts: Path) -> None:
    (facts / "wide.yaml").write_text("kind: figure\nx: [" + "a, " * (MAX_VALUES + 100) + "]\n", encoding="utf-8")
    column = 5 + 3 * (MAX_VALUES - 3)  # the record, its kind and the list count too: item MAX_VALUES - 2 is over
    assert f"wide.yaml:2:{column}: (record): more than {MAX_VALUES:,} values (a record holds a few dozen; split it " \
           "into several records, or raise plugins.briefing.limits.values in mkdocs.yml)" in problems_of(
        facts.parent)["wide.yaml"]


def test_a_file_full_of_tabs_gives_a_few_lines_not_one_per_tab(facts: Path) -> None:
    (facts / "tabs.yaml").write_text("kind: figure\n" + "\tx\n" * 1000, encoding="utf-8")
    _, problems = load_records(facts.parent, LANGUAGES)
    assert len(problems) == TABS_LISTED + 1
    assert str(problems[-1]).endswith(f"tabs.yaml:{TABS_LISTED + 2}:1: (record): tab characters on "
                                      f"{1000 - TABS_LISTED} more lines from here (indent and separate with spaces)")


def test_control_characters_written_as_yaml_escapes_are_refused(facts: Path) -> None:
    (facts / "nul.yaml").write_text('kind: figure\ntext: {de: "a\\0b"}\n', encoding="utf-8")
    assert "nul.yaml:2:12: text.de: control character U+0000" in problems_of(facts.parent)["nul.yaml"]
    (facts / "nul.yaml").write_text('kind: figure\ntext: {en: "c\\ed"}\n', encoding="utf-8")
    assert "control character U+001B" in problems_of(facts.parent)["nul.yaml"]


def test_an_overlong_id_is_refused(facts: Path) -> None:
    name = "a" * (MAX_ID_LENGTH + 1)
    (facts / f"{name}.yaml").write_text("kind: figure\n", encoding="utf-8")
    assert f"id is {MAX_ID_LENGTH + 1} characters long" in problems_of(facts.parent)[f"{name}.yaml"]


def test_the_limits_default_to_the_module_constants() -> None:
    assert DEFAULT_LIMITS == Limits(record_bytes=MAX_RECORD_BYTES, depth=MAX_DEPTH, values=MAX_VALUES) == Limits()


def test_a_lowered_size_limit_refuses_a_file_the_default_accepts(tmp_path: Path) -> None:
    topics = tmp_path / "content" / "topics"
    topics.mkdir(parents=True)
    (topics / "aid.yaml").write_text(TOPIC + "# " + "x" * 2000 + "\n", encoding="utf-8")
    size = (topics / "aid.yaml").stat().st_size
    records, problems = load_records(topics.parent, LANGUAGES)
    assert (len(records), problems) == (1, [])
    assert problems_of(topics.parent, Limits(record_bytes=1000))["aid.yaml"].endswith(
        f"aid.yaml: (record): the file has {size:,} bytes, more than the 1,000 a record may have (split it into "
        "several records, or raise plugins.briefing.limits.record_bytes in mkdocs.yml)")


def test_a_lowered_values_limit_refuses_a_file_the_default_accepts(tmp_path: Path) -> None:
    topics = tmp_path / "content" / "topics"
    topics.mkdir(parents=True)
    (topics / "aid.yaml").write_text(TOPIC, encoding="utf-8")
    assert problems_of(topics.parent, Limits(values=4))["aid.yaml"].endswith(
        "aid.yaml:2:11: (record): more than 4 values (a record holds a few dozen; split it into several records, "
        "or raise plugins.briefing.limits.values in mkdocs.yml)")


def test_a_lowered_depth_limit_refuses_a_file_the_default_accepts(tmp_path: Path) -> None:
    topics = tmp_path / "content" / "topics"
    topics.mkdir(parents=True)
    (topics / "aid.yaml").write_text(TOPIC, encoding="utf-8")
    records, problems = load_records(topics.parent, LANGUAGES)
    assert (len(records), problems) == (1, [])
    assert problems_of(topics.parent, Limits(depth=1))["aid.yaml"].endswith(
        "aid.yaml:1:13: (record): nested deeper than 1 level (records are shallow; check the indentation, "
        "or raise plugins.briefing.limits.depth in mkdocs.yml)")


def test_the_limits_set_in_mkdocs_yml_reach_the_reader(tmp_path: Path) -> None:
    mkdocs = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    marker = "      languages:\n"
    assert marker in mkdocs
    (tmp_path / "mkdocs.yml").write_text(mkdocs.replace(marker, "      limits: {depth: 1}\n" + marker, 1),
                                         encoding="utf-8")
    for name in ("templates", "locales", "docs"):
        (tmp_path / name).mkdir()
    (tmp_path / "content" / "topics").mkdir(parents=True)
    (tmp_path / "content" / "topics" / "aid.yaml").write_text(TOPIC, encoding="utf-8")
    config = load_config(tmp_path)
    assert config.limits == Limits(depth=1)
    records, problems = load_records(config.content_dir, config.codes, config.limits)
    assert len(records) == 0
    assert [problem.message for problem in problems] == ["nested deeper than 1 level"]
