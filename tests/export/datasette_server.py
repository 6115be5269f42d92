"""Datasette over exported files, as its own process on 127.0.0.1, for the tests that look at it.

Run from the test environment's own `bin/` (a test dependency, pinned in
requirements.lock), on a free port, with the dataset's metadata and the
row-page plugin; it fetches nothing. Stopped and waited for on exit, so no
process outlives its test.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from generator.outputs.exports.dataset_metadata import PLUGINS

DATASETTE = Path(sys.executable).with_name("datasette")
DATASET_FILES = ("facts.sqlite", "facts.metadata.json")


def write_dataset(exports: dict[str, str | bytes], folder: Path) -> Path:
    """The exported database and its metadata, side by side as the build writes them, in `folder`."""
    for name in DATASET_FILES:
        content = exports[f"exports/{name}"]
        (folder / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return folder


def get(url: str) -> str:
    """The body of a page that must answer 200."""
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200, url
        return response.read().decode("utf-8")


@contextmanager
def running_datasette(folder: Path) -> Iterator[str]:
    """Datasette serving `folder`'s dataset; yields its origin (`http://127.0.0.1:PORT`)."""
    assert DATASETTE.is_file(), f"{DATASETTE} missing: install the test dependencies"
    port = _free_port()
    log = folder / "datasette.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [str(DATASETTE), "serve", str(folder / "facts.sqlite"), "--metadata", str(folder / "facts.metadata.json"),
             "--plugins-dir", str(PLUGINS), "--host", "127.0.0.1", "--port", str(port)],
            stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    origin = f"http://127.0.0.1:{port}"
    try:
        _wait_for(process, origin, log)
        yield origin
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _free_port() -> int:
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(process: subprocess.Popen[bytes], origin: str, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"datasette exited with {process.returncode}:\n{log.read_text(encoding='utf-8')}")
        try:
            get(f"{origin}/-/versions.json")
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    pytest.fail(f"datasette did not answer within 60 s:\n{log.read_text(encoding='utf-8')}")
