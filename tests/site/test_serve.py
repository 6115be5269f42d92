"""The live preview as a desk uses it: `briefing serve`, an edit, the browser reloading by itself.

The server runs as the command does, in a process of its own, on a copy of
the Paris story; the browser is headless Chromium under the pages' own
Content-Security-Policy, which refuses inline scripts: the preview reloads
through a script of the site, and MkDocs' inline one is not injected.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from .conftest import BRIEFING, ROOT, copy_of

AMOUNT = "content/facts/eu-aid.yaml"
PAGE = f"de/briefings/{BRIEFING}/"
PDF = f"pdf/de/{BRIEFING}.pdf"
WAIT = 120.0
"""Seconds an answer may take: the machine may be busy with other tests."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, b""


def until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        assert time.monotonic() < deadline, f"waited {WAIT:.0f} s for {what}"
        time.sleep(0.1)


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A running `briefing serve` on a copy of the Paris story: (project, address)."""
    root = copy_of(ROOT, tmp_path / "project")
    address = f"http://127.0.0.1:{free_port()}/"
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen([str(Path(sys.executable).with_name("briefing")), "serve", "--project", str(root),
                               "--address", address.removeprefix("http://").rstrip("/")],
                              stdout=log, stderr=subprocess.STDOUT, start_new_session=True, env=os.environ.copy())
    try:
        until(lambda: fetch(address + PAGE)[0] == 200 or server.poll() is not None, "the first build")
        assert server.poll() is None, (tmp_path / "serve.log").read_text(encoding="utf-8")
        until(lambda: fetch(address + PDF)[0] == 200, "the first PDFs")
        yield root, address
        assert server.poll() is None, "the server stopped"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()


def set_amount(root: Path, billions: int) -> None:
    path = root / AMOUNT
    text = path.read_text(encoding="utf-8")
    start = text.index("money: ") + len("money: ")
    end = text.index(",", start)
    path.write_text(text[:start] + f"{billions}000000000" + text[end:], encoding="utf-8")


def shows(address: str, text: str) -> Callable[[], bool]:
    return lambda: text.encode() in fetch(address + PAGE)[1]


def test_an_edit_reloads_the_page_in_the_browser_and_its_pdf_follows(preview: tuple[Path, str],
                                                                     browser: Browser) -> None:
    root, address = preview
    page = browser.new_page()
    refused: list[str] = []
    page.on("console", lambda message: refused.append(message.text) if message.type == "error" else None)
    page.goto(address + PAGE)
    assert "90 Milliarden Euro" in page.inner_text("main")
    with page.expect_navigation(timeout=WAIT * 1000):
        set_amount(root, 91)
    page.wait_for_load_state()
    assert "91 Milliarden Euro" in page.inner_text("main"), "the page reloaded without the edit"
    until(lambda: b"91 Milliarden" in _pdf_text(address), "the PDF of the edit")
    assert not refused, "the preview's pages load without an error in the console"
    page.close()


def test_a_broken_edit_shows_the_error_and_fixing_it_recovers(preview: tuple[Path, str]) -> None:
    root, address = preview
    record = root / AMOUNT
    good = record.read_text(encoding="utf-8")
    record.write_text(good + "values: [\n", encoding="utf-8")
    until(lambda: b"could not be built" in fetch(address + PAGE)[1], "the error page")
    status, body = fetch(address + PAGE)
    assert status == 404 and b"eu-aid.yaml:" in body and b"YAML syntax error" in body
    record.write_text(good, encoding="utf-8")
    until(shows(address, "90 Milliarden Euro"), "the page to come back")


def _pdf_text(address: str) -> bytes:
    status, pdf = fetch(address + PDF)
    if status != 200 or not shutil.which("pdftotext"):
        return b""
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=False).stdout


def test_an_edit_of_the_configuration_rebuilds_too(preview: tuple[Path, str]) -> None:
    """mkdocs.yml stays watched when the preview moves MkDocs' watches over to the system's change notices."""
    root, address = preview
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("site_name:"))
    config.write_text(text.replace(line, "site_name: Edited Desk Briefings"), encoding="utf-8")
    until(shows(address, "Edited Desk Briefings"), "the page with the edited site name")
