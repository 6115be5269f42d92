"""What validates renders, in every section kind, every record kind and every output.

A property test with Hypothesis: briefings are generated from every section
role and every kind of record (facts, statements with and without stances,
quotes and reported speech, events, and records of kinds a section cannot
hold), added to the frozen Paris story. Each one is either refused by
validation with a problem naming its file, line and field, or it renders
in every output: the site's pages, the exports and the PDFs' HTML. Never a
traceback. The number of examples is bounded and fixed, so `make test`
stays quick and repeatable; `RENDER_EXAMPLES=200` searches further.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import ContentError
from generator.outputs.exports.files import export_files
from generator.outputs.pdf.jobs import pdf_jobs
from generator.outputs.site.run import site_pages
from generator.project import load_project
from generator.records.briefing import SectionRole

from .conftest import after_everything, paris_project

EXAMPLES = int(os.environ.get("RENDER_EXAMPLES", "0"))
RENDER = settings(max_examples=EXAMPLES or 12, derandomize=not EXAMPLES, deadline=None, database=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

ROLES: tuple[str, ...] = SectionRole.__args__
KINDS = ("facts", "statements", "events", "people", "sources")
"""Kinds of record a section might be given: the first three may be valid somewhere, the others never."""

BRIEFING = "generated-briefing"


EXTRA = {
    "statements/extra-direct-quote.yaml": """kind: quote
speaker: friedrich-merz
actor: germany
text: {de: Es geht um eine Schlüsselfrage., en: This is a key question.}
quote: {language: de, spoken_language: de}
sources: [paris-summit-report]
""",
    "statements/extra-unnamed.yaml": """kind: partial-quote
unnamed: {de: Diplomaten, en: Diplomats}
text: {de: 'Diplomaten sprechen von einer {"Schicksalswoche"}.', en: 'Diplomats speak of a {"week of destiny"}.'}
quote: {language: de}
sources: [paris-summit-report]
""",
    "events/extra-planned-session.yaml": """kind: session
name: {de: {full: Sitzung}, en: {full: Sitting}}
date: {datetime: "2026-01-08T15:05:00+01:00", zone: Europe/Berlin}
end: {datetime: "2026-01-08T17:00:00+01:00", zone: Europe/Berlin}
status: planned
summary: {de: Eine geplante Sitzung., en: A planned sitting.}
sources: [paris-summit-report]
""",
}
"""Records of the kinds the frozen Paris story lacks: a direct quote, unnamed sources, a planned event with times."""


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = shutil.copytree(paris_project(), tmp_path_factory.mktemp("base") / "project")
    for relative, text in EXTRA.items():
        (root / "content" / relative).write_text(text, encoding="utf-8")
    return root


def _ids(root: Path) -> dict[str, list[str]]:
    return {kind: sorted(path.stem for path in (root / "content" / kind).glob("*.yaml")) for kind in KINDS}


def _briefing_yaml(sections: list[tuple[str, list[str]]], summary: list[str]) -> str:
    lines = ["title: {de: Erzeugtes Briefing, en: Generated briefing}",
             "standfirst: {de: Ein erzeugter Vorspann., en: A generated standfirst.}",
             'published: {datetime: "2026-01-08T09:00:00+01:00", zone: Europe/Berlin}',
             "status: published",
             f"summary: [{', '.join(summary)}]",
             "sections:"]
    for role, items in sections:
        lines += [f"  - role: {role}", f"    items: [{', '.join(items)}]"]
    return "\n".join(lines) + "\n"


@st.composite
def briefings(draw: st.DrawFn, ids: dict[str, list[str]]) -> str:
    """A briefing whose sections draw any role and any records, mostly of kinds a briefing arranges."""
    kinds = st.sampled_from(KINDS[:3] * 3 + KINDS[3:])
    record = kinds.flatmap(lambda kind: st.sampled_from(ids[kind]))
    section = st.tuples(st.sampled_from(ROLES), st.lists(record, min_size=1, max_size=4))
    sections = draw(st.lists(section, min_size=1, max_size=4))
    summary = draw(st.lists(st.sampled_from(ids["facts"] + ids["statements"]), max_size=2))
    return _briefing_yaml(sections, summary)


def _check(root: Path, text: str) -> None:
    path = root / "content" / "briefings" / f"{BRIEFING}.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        project = load_project(root, draft=True)
    except ContentError as error:
        assert error.problems, "a refusal names its problems"
        for problem in error.problems:
            assert problem.path and problem.line, f"a problem without file or line: {problem}"
        return
    now = after_everything(root)
    assert site_pages(project, now)
    assert export_files(project, now)
    assert pdf_jobs(project, now)


def test_every_section_role_and_record_kind_validates_or_renders(base: Path) -> None:
    work = Path(tempfile.mkdtemp(prefix="briefing-render-"))
    try:
        root = shutil.copytree(base, work / "project")
        ids = _ids(root)

        @RENDER
        @given(briefings(ids))
        def property(text: str) -> None:
            _check(root, text)

        property()
    finally:
        shutil.rmtree(work, ignore_errors=True)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", KINDS)
def test_each_role_with_each_kind(base: Path, tmp_path: Path, role: str, kind: str) -> None:
    """Every pair once, so no combination depends on the search finding it."""
    root = shutil.copytree(base, tmp_path / "project")
    ids = _ids(root)[kind]
    _check(root, _briefing_yaml([(role, [ids[0], ids[-1]])], []))
