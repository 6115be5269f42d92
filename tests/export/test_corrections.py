"""A correction raises the version everywhere; a withdrawal leaves only the notice."""

from __future__ import annotations

import calendar
import datetime as dt
import io
import json
import sqlite3
from contextlib import closing
from pathlib import Path

import feedparser
import pytest
from pypdf import PdfReader

from generator.outputs.exports.files import export_files
from generator.outputs.pdf.jobs import briefing_pdf
from generator.project import Project, load_project

from .conftest import BRIEFING, NOW, MakeProject, confirm_all, copy_project, edit_record, moment

CORRECTION = {
    "date": moment("2026-01-08T10:00:00+01:00"),
    "text": {"de": "Die Zahl der Teilnehmerländer wurde berichtigt.",
             "en": "The number of participating countries was corrected."},
}
CORRECTED = dt.datetime.fromisoformat("2026-01-08T10:00:00+01:00")


@pytest.fixture(scope="module")
def corrected_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The project with one correction to the Paris briefing, written as the README documents it."""
    root = copy_project(tmp_path_factory.mktemp("corrected"))
    edit_record(root, f"briefings/{BRIEFING}.yaml", lambda data: data.update(corrections=[CORRECTION]))
    confirm_all(root)
    return load_project(root)


@pytest.fixture(scope="module")
def corrected(corrected_project: Project) -> dict[str, str | bytes]:
    """Exports of the corrected project (built once for the module)."""
    return export_files(corrected_project, NOW)


@pytest.mark.parametrize(("language", "heading", "text"), [
    ("de", "Korrekturen", "Die Zahl der Teilnehmerländer wurde berichtigt."),
    ("en", "Corrections", "The number of participating countries was corrected."),
])
def test_correction_prints_in_the_pdf_with_its_contents_entry(corrected_project: Project, language: str,
                                                              heading: str, text: str) -> None:
    reader = PdfReader(io.BytesIO(briefing_pdf(corrected_project, BRIEFING, language)))
    pages = [page.extract_text() for page in reader.pages]
    assert any(heading in page and text.split()[-1] in page for page in pages[1:])
    target = reader.named_destinations[f"{BRIEFING}-corrections"]
    assert heading in pages[reader.get_destination_page_number(target)]


@pytest.mark.parametrize(("language", "text", "version"), [
    ("de", "Die Zahl der Teilnehmerländer wurde berichtigt.", "Version 2"),
    ("en", "The number of participating countries was corrected.", "Version 2"),
])
def test_correction_raises_the_version_everywhere(corrected: dict[str, str | bytes], tmp_path: Path,
                                                  language: str, text: str, version: str) -> None:
    item = json.loads(corrected[f"exports/{language}/{BRIEFING}.ninjs.json"])
    assert item["version"] == "2"
    assert item["firstCreated"] == "2026-01-07T09:00:00+01:00"
    assert item["versionCreated"] == "2026-01-08T10:00:00+01:00"
    assert any(d["role"] == "correction" and text in d["value"] for d in item["descriptions"])
    assert item["associations"][0]["version"] == "2"
    for suffix in ("fragment.html", "md", "txt", "html"):
        document = corrected[f"exports/{language}/{BRIEFING}.{suffix}"]
        assert isinstance(document, str)
        assert text in document and version in document, suffix
    entry = feedparser.parse(corrected[f"exports/{language}/feed.atom"]).entries[0]
    assert calendar.timegm(entry.updated_parsed) == CORRECTED.timestamp()
    assert calendar.timegm(entry.published_parsed) < CORRECTED.timestamp()
    assert text in entry.content[0].value
    index = json.loads(corrected[f"exports/{language}/index.json"])
    assert (index["briefings"][0]["version"], index["briefings"][0]["versionCreated"]) == (
        "2", "2026-01-08T10:00:00+01:00")
    database = tmp_path / "facts.sqlite"
    database.write_bytes(corrected["exports/facts.sqlite"])  # type: ignore[arg-type]
    with closing(sqlite3.connect(database)) as connection:
        assert connection.execute("SELECT version, updated FROM briefings").fetchall() == [
            (2, "2026-01-08T10:00:00+01:00")]


def test_without_corrections_the_version_is_one(exports: dict[str, str | bytes]) -> None:
    assert json.loads(exports[f"exports/en/{BRIEFING}.ninjs.json"])["version"] == "1"
    assert "Version" not in exports[f"exports/en/{BRIEFING}.fragment.html"]


def test_withdrawn_briefing_is_kept_as_its_notice(make_project: MakeProject, project: Project) -> None:
    withdrawn = make_project(edits={f"briefings/{BRIEFING}.yaml": lambda data: data.update(
        status="withdrawn", withdrawal={"de": "Die Angaben waren nicht belegt.", "en": "The details were unproven."},
        withdrawn=moment("2026-01-09T08:00:00+01:00"))})
    files = export_files(withdrawn, NOW)
    standfirst = "Leaders of the Coalition of the Willing"
    for suffix in ("fragment.html", "md", "txt", "html", "short.md"):
        document = files[f"exports/en/{BRIEFING}.{suffix}"]
        assert isinstance(document, str)
        assert "The details were unproven." in document, suffix
        assert "Withdrawn" in document, suffix
        assert standfirst not in document, suffix
        assert f"https://briefing.example.org/en/briefings/{BRIEFING}/" in document, suffix
    assert "Zurückgezogen: 9. Januar 2026, 08:00 MEZ" in files[f"exports/de/{BRIEFING}.txt"]
    item = json.loads(files[f"exports/en/{BRIEFING}.ninjs.json"])
    assert item["pubStatus"] == "canceled"
    assert "pdf" not in {rendition["name"] for rendition in item["renditions"]}
