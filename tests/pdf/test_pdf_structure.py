"""The PDFs as files: fonts embedded, contents pages right, metadata, language, tags, bookmarks, reproducibility."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.outputs.pdf.jobs import pdf_files
from generator.project import Project, load_project
from tests.pdf.conftest import BRIEFING, DOSSIER, LANGUAGES, NOW, ROOT, Pdf, poppler, squeeze


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("document", ["briefing", "dossier"])
def test_all_fonts_are_ours_and_embedded(tmp_path: Path, briefing_pdfs: dict[str, Pdf],
                                         dossier_pdfs: dict[str, Pdf], document: str, language: str) -> None:
    path = tmp_path / "document.pdf"
    path.write_bytes((briefing_pdfs if document == "briefing" else dossier_pdfs)[language].data)
    rows = poppler("pdffonts", str(path)).splitlines()[2:]
    assert rows, "pdffonts lists no fonts"
    for row in rows:
        name, *_, embedded, subset, unicode, _obj, _gen = row.split()
        assert (embedded, subset, unicode) == ("yes", "yes", "yes"), row
        assert name.split("+")[-1].startswith("Briefing-"), f"a font not shipped in assets/fonts: {row}"


def _contents(pdf: Pdf, page: int, prefix: str) -> list[tuple[str, int]]:
    """(destination, printed page number) of each contents entry on `page`, top to bottom.

    The dots between title and number are drawn, not text, so an entry's
    text is its title, a space and the number, on the line the entry ends.
    """
    destinations = list(dict.fromkeys(name for _, name in pdf.links(page)
                                      if name.startswith(prefix) and "-note-" not in name and "-cite-" not in name))
    text = pdf.pages[page - 1]
    body = re.sub(r"(Page|Seite) \d+ (of|von) \d+$", "", text, flags=re.MULTILINE)  # the running foot
    numbers = [int(n) for n in re.findall(r"\D (\d{1,3})$", body, re.MULTILINE)]  # not the running head's year
    assert len(numbers) == len(destinations) > 3, (numbers, destinations)
    assert ".." not in text, "the contents dots are drawn, not written into the text"
    return list(zip(destinations, numbers, strict=True))


@pytest.mark.parametrize("language", LANGUAGES)
def test_dossier_contents_page_numbers_are_where_the_headings_are(dossier_pdfs: dict[str, Pdf], language: str) -> None:
    pdf = dossier_pdfs[language]
    entries = _contents(pdf, 2, "")
    for destination, number in entries:
        assert pdf.page_of(destination) == number, destination
    profiles = next(number for destination, number in entries if destination.endswith("-profiles"))
    assert squeeze({"de": "Profile", "en": "Profiles"}[language]) in squeeze(pdf.pages[profiles - 1])
    assert entries[0][0] == BRIEFING


@pytest.mark.parametrize("language", LANGUAGES)
def test_briefing_contents_page_numbers_are_where_the_sections_are(project: Project, briefing_pdfs: dict[str, Pdf],
                                                                   language: str) -> None:
    pdf = briefing_pdfs[language]
    entries = _contents(pdf, 1, BRIEFING)
    assert len(entries) == len(project.graph.model(BRIEFING).sections) + 1
    for destination, number in entries:
        assert pdf.page_of(destination) == number, destination
    last_section = entries[-2][1]
    heading = {"de": "Wie es weitergeht", "en": "What comes next"}[language]
    assert squeeze(heading) in squeeze(pdf.pages[last_section - 1].split("\n", 1)[1])


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("document", ["briefing", "dossier"])
def test_metadata_language_and_tags(project: Project, briefing_pdfs: dict[str, Pdf], dossier_pdfs: dict[str, Pdf],
                                    document: str, language: str) -> None:
    pdf = (briefing_pdfs if document == "briefing" else dossier_pdfs)[language]
    info = pdf.reader.metadata
    root = pdf.reader.trailer["/Root"]
    title = {("briefing", "de"): "Koalition der Freiwilligen unterzeichnet in Paris",
             ("briefing", "en"): "Coalition of the Willing signs declaration of intent in Paris",
             ("dossier", "de"): "Dossier: Pariser Treffen der Koalition der Freiwilligen",
             ("dossier", "en"): "Dossier: Paris meeting of the Coalition of the Willing"}[document, language]
    assert info["/Title"].startswith(title)
    assert info["/Author"] == project.config.rights.publisher
    assert info["/Subject"] and "Ukrain" in info["/Subject"]
    assert ("Emmanuel Macron" if document == "dossier" else "Paris") in info["/Keywords"]
    created = {"briefing": "D:20260107090000+01'00", "dossier": "D:20260107"}[document]
    assert info["/CreationDate"] == created
    assert info["/ModDate"] == "D:20260107090000+01'00"
    assert root["/Lang"] == {"de": "de-DE", "en": "en-GB"}[language]
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert 'pdfuaid:part="1"' in xmp and "<xmp:CreateDate>" in xmp


def _outline_titles(outline: list, depth: int = 0) -> list[tuple[int, str]]:
    titles: list[tuple[int, str]] = []
    for entry in outline:
        if isinstance(entry, list):
            titles += _outline_titles(entry, depth + 1)
        else:
            titles.append((depth, entry.title))
    return titles


@pytest.mark.parametrize("language", LANGUAGES)
def test_bookmarks_follow_the_headings(briefing_pdfs: dict[str, Pdf], dossier_pdfs: dict[str, Pdf],
                                       language: str) -> None:
    briefing = _outline_titles(briefing_pdfs[language].reader.outline)
    dossier = _outline_titles(dossier_pdfs[language].reader.outline)
    key_points = {"de": "Das Wichtigste in Kürze", "en": "Key points"}[language]
    assert briefing[0][0] == 0 and (1, key_points) in briefing
    assert (1, key_points) in dossier
    top = [title for depth, title in dossier if depth == 0]
    assert top[0] == {"de": "Inhalt", "en": "Contents"}[language]
    assert top[-1] == {"de": "Quellen", "en": "Sources"}[language]
    assert {"de": "Chronik", "en": "Timeline"}[language] in top
    assert (1, "Emmanuel Macron") in dossier


def test_two_builds_are_byte_identical(project: Project, built: dict[str, bytes]) -> None:
    again = pdf_files(load_project(ROOT, draft=project.draft), NOW)
    assert sorted(again) == sorted(built)
    assert [path for path in built if again[path] != built[path]] == []


_ONE_PDF = """
import sys
from pathlib import Path
from generator.outputs.pdf.jobs import briefing_pdf
from generator.project import load_project
project = load_project(Path(sys.argv[1]), draft=sys.argv[2] == "draft")
sys.stdout.buffer.write(briefing_pdf(project, sys.argv[3], "de"))
"""


def test_machine_fonts_do_not_matter(tmp_path: Path, project: Project, briefing_pdfs: dict[str, Pdf]) -> None:
    """With fontconfig seeing no fonts at all, the PDF is the same to the byte: every glyph comes from assets/."""
    config = tmp_path / "fonts.conf"
    config.write_text('<?xml version="1.0"?>\n<fontconfig><cachedir>' + str(tmp_path / "cache")
                      + "</cachedir></fontconfig>\n", encoding="utf-8")
    environment = {**os.environ, "FONTCONFIG_FILE": str(config), "FONTCONFIG_PATH": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", _ONE_PDF, str(ROOT), "draft" if project.draft else "strict",
                             BRIEFING], env=environment, capture_output=True, check=True)
    assert result.stdout == briefing_pdfs["de"].data
    assert b"No fonts configured" not in result.stderr


def test_dossier_has_a_cover_without_running_header(dossier_pdfs: dict[str, Pdf]) -> None:
    pdf = dossier_pdfs["en"]
    assert "Page 1 of" not in pdf.pages[0]
    assert f"Page 2 of {len(pdf.pages)}" in pdf.pages[1]
    assert pdf.page_of(f"{DOSSIER}-cover") == 1 and pdf.page_of(f"{DOSSIER}-contents") == 2
