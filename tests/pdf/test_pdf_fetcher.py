"""The PDF fetcher serves the assets folder and small inline images, and refuses everything else."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from generator.outputs.pdf.fetcher import MAX_DATA_BYTES, AssetFetcher, RefusedFetch
from tests.pdf.conftest import ROOT

ASSETS = ROOT / "assets"


@pytest.fixture
def fetcher() -> AssetFetcher:
    return AssetFetcher(ASSETS)


def test_serves_a_font_from_the_assets(fetcher: AssetFetcher) -> None:
    font = ASSETS / "fonts" / "NotoSerif-Regular.ttf"
    response = fetcher.fetch(font.as_uri())
    assert response.read() == font.read_bytes()
    assert response.content_type == "font/ttf"
    assert fetcher.requested == [font.as_uri()]


@pytest.mark.parametrize("url", [
    "file:///etc/passwd",
    (ASSETS / "fonts" / ".." / ".." / "content" / "facts" / "eu-aid.yaml").as_uri(),
    (ROOT / "content" / "facts" / "eu-aid.yaml").as_uri(),
    (ASSETS / "fonts" / "missing.ttf").as_uri(),
    "file://otherhost/share/file.ttf",
    "http://127.0.0.1:1/",
    "https://example.org/font.ttf",
    "ftp://example.org/file",
    "fonts/NotoSerif-Regular.ttf",
    "data:text/html,<script>alert(1)</script>",
    "data:image/png;base64,not*base64",
    "data:image/png;base64," + base64.b64encode(b"x" * (MAX_DATA_BYTES + 1)).decode(),
])
def test_refuses_everything_else(fetcher: AssetFetcher, url: str) -> None:
    with pytest.raises(RefusedFetch) as refused:
        fetcher.fetch(url)
    assert refused.value.url == url and "refused to fetch" in str(refused.value)


def test_a_symlink_cannot_lead_out_of_the_assets(tmp_path: Path) -> None:
    assets = tmp_path / "assets"
    assets.mkdir()
    (assets / "passwd.png").symlink_to("/etc/passwd")
    with pytest.raises(RefusedFetch, match="only files under assets/"):
        AssetFetcher(assets).fetch((assets / "passwd.png").as_uri())


def test_serves_a_small_inline_image(fetcher: AssetFetcher) -> None:
    pixel = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\0" * 50).decode()
    response = fetcher.fetch(f"data:image/png;base64,{pixel}")
    assert response.read().startswith(b"\x89PNG") and response.content_type == "image/png"
