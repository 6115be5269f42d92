"""The PDFs of the Paris content, built once per test session, and helpers to read them back."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import cached_property

import pytest
from pypdf import PdfReader

from generator.outputs.pdf.jobs import pdf_files
from generator.project import Project, load_project
from generator.urls import pdf_url

from ..conftest import paris_project

ROOT = paris_project()
"""The Paris story, frozen (tests/fixtures/paris-story): what these tests check exactly."""
BRIEFING = "paris-summit-2026-01-06"
DOSSIER = "paris-summit-2026-dossier"
LANGUAGES = ("de", "en")
NOW = dt.datetime(2026, 2, 1, tzinfo=dt.UTC)
"""A moment after everything in the frozen Paris story was published."""

_BREAKS = re.compile(r"[\s\-\u2010\u00ad]+")


def squeeze(text: str) -> str:
    """Text without whitespace and hyphens, so line breaks and hyphenation do not matter when comparing."""
    return _BREAKS.sub("", text)


@dataclass
class Pdf:
    """One PDF read back: its bytes, pages' text and the reader for structure."""

    data: bytes

    @cached_property
    def reader(self) -> PdfReader:
        return PdfReader(io.BytesIO(self.data))

    @cached_property
    def pages(self) -> list[str]:
        return [page.extract_text() for page in self.reader.pages]

    @cached_property
    def text(self) -> str:
        return "\n".join(self.pages)

    def page_of(self, destination: str) -> int:
        """The 1-based page a named destination (an element id) is on."""
        return self.reader.get_destination_page_number(self.reader.named_destinations[destination]) + 1

    def links(self, page: int) -> list[tuple[float, str]]:
        """(top, destination) of the internal links on a 1-based page, top to bottom."""
        annotations = [a.get_object() for a in self.reader.pages[page - 1].get("/Annots", [])]
        return sorted((-float(a["/Rect"][1]), str(a["/Dest"])) for a in annotations if "/Dest" in a)


@pytest.fixture(scope="session")
def project() -> Project:
    return load_project(ROOT)


@pytest.fixture(scope="session")
def built(project: Project) -> dict[str, bytes]:
    return pdf_files(project, NOW)


@pytest.fixture(scope="session")
def briefing_pdfs(built: dict[str, bytes]) -> dict[str, Pdf]:
    return {language: Pdf(built[pdf_url(language, BRIEFING)]) for language in LANGUAGES}


@pytest.fixture(scope="session")
def dossier_pdfs(built: dict[str, bytes]) -> dict[str, Pdf]:
    return {language: Pdf(built[pdf_url(language, DOSSIER)]) for language in LANGUAGES}


def poppler(tool: str, *args: str) -> str:
    """Run a poppler-utils tool (`make test` installs them) and return its output."""
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} is missing: install poppler-utils (make test does it when run as root)")
    return subprocess.run([tool, *args], check=True, capture_output=True, text=True).stdout
