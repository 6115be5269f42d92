"""Rebuilds reusing earlier work give exactly the bytes of a clean build; one with nothing to do does nothing.

Each edit below is made to one project in turn, built with the cache of
all the builds before it; a clean build of the same project (an empty
cache, another folder) must give the same files, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from generator.build import build_site
from generator.cache import ENVIRONMENT_VARIABLE, RenderCache, project_cache
from generator.manifest import STAMP_FILE
from generator.outputs.site.meta import front_matter_of, split_front_matter

from .conftest import NOW, ROOT, confirm_all, copy_of

Tree = dict[str, bytes]


def tree(folder: Path) -> Tree:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file()}


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer has {old!r}; pick another edit"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def clean_build(root: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> Tree:
    """The project built from nothing: an empty cache, a site folder of its own (hidden, so not an input)."""
    with monkeypatch.context() as patch:
        patch.setenv(ENVIRONMENT_VARIABLE, str(folder / "cache"))
        report = build_site(root, now=NOW, site_dir=root / f".{folder.name}" / "site")
    assert not report.unchanged
    return tree(report.target)


def add_person(root: Path) -> None:
    (root / "content/people/ada-example.yaml").write_text(
        "name:\n  de: {full: Ada Example, short: Example}\n  en: {full: Ada Example, short: Example}\n",
        encoding="utf-8")
    confirm_all(root)


def rename_a_mentioned_person(root: Path) -> None:
    """A person other records' texts name (`{@id}`) gets a longer English name: every page naming them changes
    through the memo of names, not through a record the page holds."""
    texts = "\n".join(path.read_text(encoding="utf-8") for path in (root / "content").rglob("*.yaml"))
    person = next(path for path in sorted((root / "content/people").glob("*.yaml")) if f"{{@{path.stem}" in texts)
    data = yaml.safe_load(person.read_text(encoding="utf-8"))
    data["name"]["en"]["full"] += " Example"
    person.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    confirm_all(root)


EDITS: list[tuple[str, Callable[[Path], None]]] = [
    ("a record", lambda root: replace(root / "content/facts/eu-aid.yaml", "money: 900", "money: 910")),
    ("a site template", lambda root: replace(root / "templates/site/briefing.css", "size: 0.85em", "size: 0.8em")),
    ("a PDF template", lambda root: replace(root / "templates/pdf/print.css.j2", "h1 { font-size: 20pt",
                                            "h1 { font-size: 19pt")),
    ("a catalog entry", lambda root: replace(root / "locales/de/LC_MESSAGES/messages.po", '"Start"', '"Startseite"')),
    ("a configuration value", lambda root: replace(root / "mkdocs.yml", "description: Canonical", "description: The")),
    ("an asset", lambda root: shutil.copy(root / "assets/fonts/NotoSerif-Italic.ttf",
                                          root / "assets/fonts/NotoSerif-BoldItalic.ttf")),
    ("a name other texts mention", rename_a_mentioned_person),
    ("a new record", add_person),
    ("a deleted record", lambda root: ((root / "content/people/ada-example.yaml").unlink(), confirm_all(root))),
]


def test_after_each_edit_the_incremental_build_equals_a_clean_one(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_of(ROOT, tmp_path / "project")
    build_site(root, now=NOW)
    for number, (what, edit) in enumerate(EDITS):
        edit(root)
        report = build_site(root, now=NOW)
        assert not report.unchanged, f"after {what}, the build took the old site as current"
        clean = clean_build(root, tmp_path / f"clean-{number}", monkeypatch)
        assert tree(report.target) == clean, f"after {what}, the incremental build differs from a clean one"


def rendered_pages(root: Path) -> set[str]:
    """The keys of the pages the page cache holds: one per page of the last build."""
    return {path.name for path in RenderCache.of_project(root, "pages").folder.iterdir()}


def test_an_edit_renders_again_only_the_pages_that_show_it(tmp_path: Path) -> None:
    """The amount is on its briefing, the start page and a few profiles: the rest of the site comes from the cache."""
    root = copy_of(ROOT, tmp_path / "project")
    build_site(root, now=NOW)
    before = rendered_pages(root)
    replace(root / "content/facts/eu-aid.yaml", "money: 900", "money: 910")
    build_site(root, now=NOW)
    after = rendered_pages(root)
    assert len(after) == len(before)
    assert 0 < len(after - before) < len(after) / 5, f"{len(after - before)} of {len(after)} pages rendered again"


def test_a_page_whose_front_matter_alone_changed_is_rendered_again(tmp_path: Path) -> None:
    """The theme prints a page's metadata (here its description) into its HTML, so the page's rendering is
    kept under the hash of its whole Markdown, front matter included, not only of the text MkDocs converts."""
    root = copy_of(ROOT, tmp_path / "project")
    build_site(root, now=NOW)
    sources = RenderCache.of_project(root, "page-sources")
    kept, notes, page = next((path, notes, page) for path in sorted(sources.folder.iterdir())
                             for notes, trace in [path.read_text(encoding="utf-8").split("\n", 1)]
                             for page in [json.loads(trace)]
                             if page["value"][0].startswith("en/people/")
                             and "description" in split_front_matter(page["value"][1])[0])
    source, markdown = page["value"]
    meta, text = split_front_matter(markdown)
    page["value"][1] = front_matter_of(markdown).replace(json.dumps(meta["description"]), '"Said otherwise"') + text
    kept.write_text(notes + "\n" + json.dumps(page), encoding="utf-8")
    (project_cache(root) / STAMP_FILE).unlink()  # build again, with the page's Markdown as the cache now holds it
    report = build_site(root, now=NOW)
    html = (report.target / source.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="Said otherwise">' in html


def test_a_build_with_nothing_changed_does_nothing_until_something_does(tmp_path: Path) -> None:
    root = copy_of(ROOT, tmp_path / "project")
    built = build_site(root, now=NOW)
    published = tree(built.target)
    again = build_site(root, now=NOW)
    assert again.unchanged and again.files == built.files and tree(again.target) == published
    (root / "site" / "index.html").unlink()
    assert not build_site(root, now=NOW).unchanged, "a file deleted from the site was not restored"
    assert tree(root / "site") == published
    assert not build_site(root, now=NOW, draft=True).unchanged, "another way of building is another build"


def test_a_rebuild_after_an_embargo_lifts_is_a_build(tmp_path: Path) -> None:
    root = copy_of(ROOT, tmp_path / "project")
    briefing = root / "content/briefings/paris-summit-2026-01-06.yaml"
    lifts = "{datetime: '2026-01-07T08:00:00+01:00', zone: Europe/Berlin}"  # an hour before its publication
    briefing.write_text(briefing.read_text(encoding="utf-8") + f"embargo: {lifts}\n", encoding="utf-8")
    before = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    build_site(root, now=before)
    assert build_site(root, now=before + dt.timedelta(days=5)).unchanged, "nothing lifts between the two builds"
    assert not build_site(root, now=NOW).unchanged, "the embargo lifted in between"
    assert not build_site(root, now=before).unchanged, "going back before the embargo is another build"


def test_the_cache_lives_where_the_environment_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_of(ROOT, tmp_path / "project")
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, str(tmp_path / "cache"))
    build_site(root, now=NOW)
    assert any((tmp_path / "cache").rglob("pdf/*")), "no PDF was kept"
    assert not any(name.startswith(".briefing") for name in os.listdir(root) if name != ".briefing-site")


def test_search_reads_again_only_the_pages_rendered_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The entries of a page from the cache come from the cache: Material's search parses only the others."""
    from material.plugins.search.plugin import Parser

    root = copy_of(ROOT, tmp_path / "project")
    build_site(root, now=NOW)
    before = rendered_pages(root)
    read: list[str] = []
    feed = Parser.feed
    monkeypatch.setattr(Parser, "feed", lambda parser, data: (read.append(data) if data else None, feed(parser, data)))
    replace(root / "content/facts/eu-aid.yaml", "money: 900", "money: 910")
    build_site(root, now=NOW)
    rendered_again = rendered_pages(root) - before
    assert 0 < len(read) <= len(rendered_again), f"search read {len(read)} pages; {len(rendered_again)} were rendered"


def test_pages_shared_with_the_previous_build_are_never_written_into(tmp_path: Path) -> None:
    """An unchanged page of a rebuild is the published file, hard-linked; a changed one is a new file, so a
    reader of the old build (or a copy linked elsewhere) never sees bytes change under it."""
    root = copy_of(ROOT, tmp_path / "project")
    site = build_site(root, now=NOW).target
    held = {path: tmp_path / f"held-{number}" for number, path in enumerate(sorted(site.rglob("*.html")))}
    for path, copy in held.items():
        os.link(path, copy)
    before = {path: copy.read_bytes() for path, copy in held.items()}
    replace(root / "content/facts/eu-aid.yaml", "money: 900", "money: 910")
    build_site(root, now=NOW)
    assert all(copy.read_bytes() == before[path] for path, copy in held.items())
    shared = [path for path, copy in held.items() if path.exists() and path.stat().st_ino == copy.stat().st_ino]
    changed = [path for path in held if path.exists() and path.read_bytes() != before[path]]
    assert changed and len(shared) > len(held) / 2, f"{len(shared)} of {len(held)} pages shared"
