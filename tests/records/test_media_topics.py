"""Media Topic codes in records: a wrong form is an error, a code briefing has no IPTC labels for a warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.iptc import MEDIA_TOPICS
from generator.validate import validate_content

ROOT = Path(__file__).resolve().parents[2]
TOPIC = """label: {de: Frage, en: Question}
question: {de: Wie steht das Land dazu?, en: Where does the country stand?}
iptc_media_topics: [%s]
"""


def problems(tmp_path: Path, code: str) -> list:
    (tmp_path / "topics").mkdir()
    (tmp_path / "topics" / "question.yaml").write_text(TOPIC % code, encoding="utf-8")
    return [p for p in validate_content(ROOT, tmp_path).problems if p.code != "unreferenced"]


@pytest.mark.parametrize(("code", "example"), [
    ("20000059", "medtop:20000059"), ("medtop:2000059", "medtop:16000000"), ("mediatopic:20000059", "medtop:20000059"),
    ("medtop:20000059 ", "medtop:20000059")])
def test_a_code_of_the_wrong_form_is_an_error_that_shows_the_form(tmp_path: Path, code: str, example: str) -> None:
    [problem] = problems(tmp_path, f'"{code}"')
    assert (problem.severity, problem.field, problem.line) == ("error", "iptc_media_topics[0]", 3)
    assert problem.message == (f"not a Media Topic code; write medtop: and its 8 digits, like {example} "
                               f"(got {code!r})")


def test_a_code_without_iptc_labels_here_is_a_warning(tmp_path: Path) -> None:
    [problem] = problems(tmp_path, "medtop:20000999")
    assert (problem.severity, problem.code, problem.field) == ("warning", "media-topic", "iptc_media_topics[0]")
    assert "medtop:20000999 is not a Media Topic briefing knows" in problem.message
    assert "http://cv.iptc.org/newscodes/mediatopic/20000999" in problem.hint


def test_every_code_in_use_has_iptc_labels_in_each_site_language(tmp_path: Path) -> None:
    for code, labels in MEDIA_TOPICS.items():
        assert {"en-GB", "de"} <= set(labels), code
    assert not problems(tmp_path, "medtop:20000059")
