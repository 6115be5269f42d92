"""Fixtures for the records stage: loading small content folders and a no-logs guard."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from generator.errors import Problem
from generator.records.load import RecordSet, load_records

LANGUAGES = ("de", "en")

Load = Callable[[dict[str, str | bytes]], tuple[RecordSet, list[Problem]]]


@pytest.fixture(autouse=True)
def _no_logs(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """Loading reports problems as values; a logged warning is a failure."""
    yield
    logged = [record.getMessage() for record in caplog.get_records("call") if record.levelno >= logging.WARNING]
    assert not logged, f"unexpected log messages: {logged}"


@pytest.fixture
def load(write_content: Callable[[dict[str, str | bytes]], Path]) -> Load:
    """Write files into a fresh content folder and load it with languages de and en."""

    def run(files: dict[str, str | bytes]) -> tuple[RecordSet, list[Problem]]:
        return load_records(write_content(files), LANGUAGES)

    return run
