"""Every output in exactly its language: no interface string of another language's catalog in any built file.

The site is built from the repository's content as `briefing build` makes
it (pages, PDFs, exports, feeds, dataset), and every file with words for
readers is read in the language it is for: its folder (`en/`,
`exports/en/`, `pdf/en/`), or for the dataset the per-language texts of
each row. What it must not hold are the strings `language_purity` takes
from the catalogs. Only properties are asserted, never a story's words, so
the stories the desk adds are checked too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.outputs.exports.renditions import BriefingExport
from generator.outputs.site.run import run_mkdocs
from generator.project import Project, load_project
from generator.render import render_template

from .conftest import ROOT, after_everything
from .language_purity import (
    Phrase,
    base,
    built_files,
    content_names,
    file_words,
    foreign_phrases,
    intruders,
    language_of,
    names_pattern,
    scrub,
)

NOW = after_everything(ROOT)


@pytest.fixture(scope="module")
def project() -> Project:
    return load_project(ROOT)


@pytest.fixture(scope="module")
def site(project: Project, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's content built strictly with every family, as `briefing build` publishes it."""
    target = tmp_path_factory.mktemp("language") / "site"
    run_mkdocs(project, target, now=NOW)
    return target


@pytest.fixture(scope="module")
def phrases(project: Project) -> dict[str, list[Phrase]]:
    return foreign_phrases(project.config)


def _words(project: Project, text: str) -> str:
    return scrub(text, names_pattern(content_names(project.graph)))


def _scan(project: Project, site: Path, phrases: dict[str, list[Phrase]]) -> tuple[list[str], dict[str, set[str]]]:
    """Every foreign string in the build, and which kinds of file were read per language (to show the scan saw them)."""
    codes = project.config.codes
    names = names_pattern(content_names(project.graph))
    found, read = [], {code: set() for code in codes}
    for path in built_files(site):
        relative = path.relative_to(site).as_posix()
        folder_language = language_of(relative, codes)
        languages = [folder_language] if folder_language else ([*codes] if path.suffix == ".jsonl" else [])
        for language in languages:
            declared, chunks = file_words(path, language, codes)
            if path.suffix == ".html" and base(declared) != language:
                found.append(f"{relative}: declares lang={declared!r} in the {language} folder")
            text = scrub(" ".join(chunks), names)
            if text.strip():
                read[language].add(path.suffix)
            found += [f"{relative} ({language}): {hit}" for hit in intruders(text, phrases[language])]
    return found, read


def test_every_built_file_holds_only_its_own_language(project: Project, site: Path,
                                                      phrases: dict[str, list[Phrase]]) -> None:
    found, read = _scan(project, site, phrases)
    assert not found, f"{len(found)} interface string(s) of another language:\n" + "\n".join(found[:60])
    for language, suffixes in read.items():
        assert suffixes >= {".html", ".json", ".jsonl", ".atom", ".txt", ".md", ".pdf"}, (language, suffixes)


def test_the_catalogs_give_phrases_for_every_language(phrases: dict[str, list[Phrase]]) -> None:
    """With a translated catalog, each language has foreign strings to look for (else the scan proves nothing)."""
    assert all(phrases.values()), {code: len(found) for code, found in phrases.items()}


@pytest.mark.parametrize(("language", "catalog"), [("en", "de"), ("de", "en")])
def test_a_text_export_rendered_with_the_other_catalog_is_caught(project: Project, phrases: dict[str, list[Phrase]],
                                                                 language: str, catalog: str) -> None:
    """What the English text export and ninjs text body carried: its own text under the other language's labels.

    Until 6826ab5 the export templates imported `partials/labels.j2` without
    context while gettext was installed in the environment per render, so
    Jinja kept the labels module (and the catalog) of the first language it
    rendered and every later language got German headings and stances.
    """
    briefing_id = sorted(project.public(NOW).released)[0]
    export = BriefingExport(project, briefing_id, language)
    mixed = render_template(project.env, "export/briefing.txt.j2", project.translations(catalog), **export.context())
    assert intruders(_words(project, mixed), phrases[language])
    clean = export.text()
    assert not intruders(_words(project, clean), phrases[language])
