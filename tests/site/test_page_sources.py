"""Pages made in an earlier build are reused only while every record they read is unchanged.

The trace of a page (`FactGraph.watched`) must name every record the page
reads even when memos answer for it: a view another page made counts its
reads again. So each page's trace, taken with every memo warm, holds what
the same page reads when made alone from cold memos (the indexes built
beforehand, as a build does: what they hold is in every page's key).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.outputs.site.pages import LanguagePages
from generator.outputs.site.run import PAGE_SOURCES, site_pages
from generator.outputs.traced import Traced
from generator.project import Project, load_project

from .conftest import NOW, ROOT, copy_of


def traces(project: Project, code: str) -> dict[tuple[str, ...], frozenset[str]]:
    """Every page of the language, made in order as a build makes them, with what each read."""
    section = LanguagePages(project, code, project.public(NOW))
    found = {}
    for task in section.tasks():
        with project.graph.watched() as reads:
            section.make(task)
        found[task] = frozenset(reads)
    return found


@pytest.mark.parametrize("code", ["de", "en"])
def test_a_page_made_from_warm_memos_still_names_every_record_it_reads(code: str) -> None:
    project = load_project(ROOT)
    for other in project.config.codes:  # every view of every language made once, as in a build
        traces(project, other)
    warm = traces(project, code)
    for task, reads in warm.items():
        cold = load_project(ROOT)
        cold.graph.indexes_digest()  # as a build does: what the indexes hold is part of every page's key
        section = LanguagePages(cold, code, cold.public(NOW))
        with cold.graph.watched() as alone:
            section.make(task)
        assert alone <= reads, f"{code} {task}: the trace misses {sorted(alone - reads)}"


def made_after(root: Path, edit: str, new: str, record: str) -> Traced:
    """The page sources of a build after replacing `edit` by `new` in the content file `record`."""
    path = root / "content" / record
    path.write_text(path.read_text(encoding="utf-8").replace(edit, new, 1), encoding="utf-8")
    project = load_project(root)
    sources = Traced.of(project, project.public(NOW), PAGE_SOURCES)
    section = LanguagePages(project, "en", project.public(NOW))
    for task in section.tasks():
        sources.value(("en", *task), lambda task=task: section.make(task))
    return sources


def test_an_edit_makes_again_only_the_pages_that_read_the_record(tmp_path: Path) -> None:
    root = copy_of(ROOT, tmp_path / "project")
    first = load_project(root)
    pages = site_pages(first, NOW, reuse=True)
    fact = next(path for path in sorted((root / "content/facts").glob("*.yaml")) if "money:" in path.read_text())
    reading = [task for task, reads in traces(first, "en").items() if fact.stem in reads]
    text = fact.read_text(encoding="utf-8")
    amount = text[text.index("money:"):].split("\n", 1)[0]
    again = made_after(root, amount, amount.replace("money: ", "money: 1"), f"facts/{fact.name}")
    assert 0 < again.made <= len(reading) < len(pages) / 4
    assert site_pages(load_project(root), NOW) == site_pages(load_project(root), NOW, reuse=True)


def test_nothing_changed_makes_no_page(tmp_path: Path) -> None:
    root = copy_of(ROOT, tmp_path / "project")
    site_pages(load_project(root), NOW, reuse=True)
    assert made_after(root, "", "", "facts/eu-aid.yaml").made == 0


def test_a_damaged_entry_is_made_again(tmp_path: Path) -> None:
    root = copy_of(ROOT, tmp_path / "project")
    pages = site_pages(load_project(root), NOW, reuse=True)
    store = Traced.of(project := load_project(root), project.public(NOW), PAGE_SOURCES).store
    for number, entry in enumerate(sorted(store.folder.iterdir())):
        entry.write_bytes([b"[]\n{", b'[]\n{"reads": 1, "value": 2}', b"[]\n[]"][number % 3])
    assert site_pages(load_project(root), NOW, reuse=True) == pages
