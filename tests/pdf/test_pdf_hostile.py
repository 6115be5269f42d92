"""Hostile content and templates: the build fails naming the record or document, and nothing is fetched."""

from __future__ import annotations

import io
import re
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.errors import BriefingError, ContentError
from generator.outputs.pdf import fetcher as pdf_fetcher
from generator.outputs.pdf.fonts import missing_characters
from generator.outputs.pdf.jobs import briefing_pdf, pdf_files
from generator.outputs.pdf.render import RenderError, render_pdf
from generator.project import load_project
from tests.pdf.conftest import BRIEFING, DOSSIER, NOW, ROOT

FACT = "facts/eu-aid.yaml"


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A local port that records any connection attempt (none may come)."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.setblocking(False)
    yield server
    server.close()


def _no_connection(server: socket.socket) -> bool:
    try:
        connection, _ = server.accept()
    except BlockingIOError:
        return True
    connection.close()
    return False


@pytest.fixture
def fetched(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every URL WeasyPrint asked the fetcher for during the test."""
    urls: list[str] = []
    original = pdf_fetcher.AssetFetcher.fetch

    def spy(self: pdf_fetcher.AssetFetcher, url: str, headers: object = None) -> object:
        urls.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(pdf_fetcher.AssetFetcher, "fetch", spy)
    return urls


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A copy of the project to spoil: content, templates and catalogs copied, assets linked."""
    for folder in ("content", "templates", "locales", "docs"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "assets").symlink_to(ROOT / "assets")
    return tmp_path


def _spoil_fact(root: Path, markdown: str) -> None:
    path = root / "content" / FACT
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("über {period} genehmigt.", f"über {{period}} genehmigt. {markdown}"),
                    encoding="utf-8")
    assert markdown in path.read_text(encoding="utf-8")


def _assets_only(urls: list[str]) -> bool:
    return all(url.startswith((ROOT / "assets").resolve().as_uri() + "/") for url in urls)


@pytest.mark.parametrize("image", [
    "![x](file:///etc/passwd)",
    "![x](http://127.0.0.1:{port}/)",
    "![x](http://127.0.0.1:1/)",
    "![x](/etc/passwd)",
    "![x](../../content/facts/eu-aid.yaml)",
    "![x](data:image/png;base64,iVBORw0KGgo=)",
])
def test_an_image_in_content_fails_the_build_naming_the_record(
        project_copy: Path, listener: socket.socket, fetched: list[str], image: str) -> None:
    """Validation refuses it before anything is rendered, with the record's file, line and field."""
    _spoil_fact(project_copy, image.format(port=listener.getsockname()[1]))
    with pytest.raises(ContentError) as error:
        pdf_files(load_project(project_copy, draft=True), NOW)
    message = str(error.value)
    assert "eu-aid.yaml:6:" in message and "text.de" in message
    assert fetched == [] and _no_connection(listener)


def test_an_image_that_slips_past_validation_prints_as_its_text_and_fetches_nothing(
        listener: socket.socket, fetched: list[str]) -> None:
    """Belt and braces: text changed after validation still cannot make the PDF fetch anything.

    The writers never write an image (generator/markup.py), and the fetcher
    refuses what a template might ask for (tests/pdf/test_pdf_fetcher.py).
    """
    project = load_project(ROOT, draft=True)
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/"
    project.graph.model("eu-aid").text["de"] += f" ![Bildtext]({url})"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(briefing_pdf(project, BRIEFING, "de"))).pages)
    assert "Bildtext" in text
    assert _assets_only(fetched) and _no_connection(listener)


def test_a_stylesheet_in_content_is_printed_as_text_and_fetches_nothing(
        project_copy: Path, listener: socket.socket, fetched: list[str]) -> None:
    hostile = f'<style>@import url("http://127.0.0.1:{listener.getsockname()[1]}/x.css");</style>'
    _spoil_fact(project_copy, hostile)
    files = pdf_files(load_project(project_copy, draft=True), NOW)
    assert files and fetched and _assets_only(fetched)
    assert _no_connection(listener)


def test_a_stylesheet_import_in_a_template_fails_naming_the_document(
        project_copy: Path, listener: socket.socket, fetched: list[str]) -> None:
    stylesheet = project_copy / "templates" / "pdf" / "print.css.j2"
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/x.css"
    stylesheet.write_text(f'@import url("{url}");\n' + stylesheet.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(BriefingError) as error:
        pdf_files(load_project(project_copy, draft=True), NOW)
    message = str(error.value)
    assert re.search(rf"^pdf/(de|en)/({BRIEFING}|{DOSSIER})\.pdf \(\2\): ", message), message  # the first one printed
    assert url in message and "only files under assets/" in message
    assert _no_connection(listener) and not _assets_only(fetched)


@pytest.mark.parametrize("element", [
    '<img src="http://127.0.0.1:1/" alt="">',
    '<img src="file:///etc/passwd" alt="">',
    '<link rel="stylesheet" href="https://example.org/x.css">',
    '<style>@import url("file:///etc/passwd");</style>',
])
def test_the_renderer_refuses_before_reading(element: str, fetched: list[str]) -> None:
    html = f'<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>{element}<p>x</p></body></html>'
    with pytest.raises(RenderError) as error:
        render_pdf(html, ROOT / "assets")
    refused = error.value.failure.refused
    assert refused is not None and refused.url in fetched and refused.url == fetched[-1]


def test_characters_the_shipped_fonts_lack_fail_the_build_naming_the_record(
        project_copy: Path, fetched: list[str]) -> None:
    """Otherwise the machine's fonts would fill in, and PDFs would differ from machine to machine."""
    _spoil_fact(project_copy, "(ไทย ★)")
    with pytest.raises(ContentError) as error:
        pdf_files(load_project(project_copy, draft=True), NOW)
    message = str(error.value)
    assert "eu-aid.yaml:6:" in message and "text.de" in message
    assert "U+2605 BLACK STAR" in message and "U+0E44" in message and "assets/fonts/" in message
    assert fetched == []


def test_fonts_cover_the_content_scripts() -> None:
    text = "<p>Größe „Zitat“ ‚x‘ €90 – Élysée Офіс Президента України Ελλάδα ½ №</p><style>★</style>"
    assert missing_characters(text, ROOT / "assets" / "fonts") == []
