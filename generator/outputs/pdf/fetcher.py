"""The only way WeasyPrint may read anything: files under the project's assets, and small inline images.

Why a fetcher of our own: WeasyPrint's default fetcher follows any `file:`,
`http(s):` or `ftp:` URL it meets, so a Markdown image in a record, a
stylesheet `@import` or a font URL could read local files or reach the
network while a PDF is built. This one answers only from the assets folder
(after resolving symlinks, so nothing can point out of it) and decodes small
`data:` images itself; everything else is refused with `RefusedFetch`, which
WeasyPrint turns into a fatal error that the PDF stage reports per record.
"""

from __future__ import annotations

import base64
import binascii
from pathlib import Path
from urllib.parse import unquote, unquote_to_bytes, urlsplit
from urllib.request import url2pathname

from generator.outputs.pdf.engine import URLFetcher, URLFetcherResponse

MAX_DATA_BYTES = 64 * 1024
"""Largest inline (`data:`) image served: enough for an icon or a logo, not for smuggling documents."""

DATA_IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml"})

CONTENT_TYPES = {
    ".css": "text/css",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
}


class RefusedFetch(Exception):  # noqa: N818 - it names what happened, like the stdlib's PermissionError
    """WeasyPrint asked for something outside what a PDF may read."""

    def __init__(self, url: str, reason: str):
        self.url = url
        self.reason = reason
        super().__init__(f"refused to fetch {shorten(url)}: {reason}")


class AssetFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that serves the assets folder and nothing else.

    Args:
        assets_dir: The folder whose files may be embedded (fonts, logos).

    `requested` lists every URL WeasyPrint asked for, in order, so tests can
    show that a refused URL was the only thing tried.
    """

    def __init__(self, assets_dir: Path):
        # fail_on_errors: WeasyPrint then stops at the first refusal instead of warning and going on.
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False, fail_on_errors=True)
        self.root = assets_dir.resolve()
        self.requested: list[str] = []

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        """Serve `url` or raise `RefusedFetch`; never opens a connection."""
        self.requested.append(url)
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme == "file":
            return self._file(url)
        if scheme == "data":
            return self._data(url)
        raise RefusedFetch(url, f"only files under {self.root.name}/ are embedded, never {scheme or 'relative'} URLs")

    def asset_path(self, url: str) -> Path:
        """The file under the assets folder that an absolute `file:` URL names; `RefusedFetch` otherwise."""
        parts = urlsplit(url)
        if parts.scheme.lower() != "file":
            raise RefusedFetch(url, f"only files under {self.root.name}/ are embedded, never "
                                    f"{parts.scheme or 'relative'} URLs")
        if parts.netloc not in ("", "localhost"):
            raise RefusedFetch(url, "file URLs on other hosts are never read")
        path = Path(url2pathname(unquote(parts.path))).resolve()
        if not path.is_relative_to(self.root):
            raise RefusedFetch(url, f"only files under {self.root.name}/ are embedded")
        if not path.is_file():
            raise RefusedFetch(url, f"no such file under {self.root.name}/")
        return path

    def _file(self, url: str) -> URLFetcherResponse:
        path = self.asset_path(url)
        content_type = CONTENT_TYPES.get(path.suffix.lower(), "application/octet-stream")
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": content_type})

    def _data(self, url: str) -> URLFetcherResponse:
        header, comma, payload = url[len("data:"):].partition(",")
        if not comma:
            raise RefusedFetch(url, "malformed data URL")
        media_type, *params = header.split(";")
        media_type = media_type.strip().lower()
        if media_type not in DATA_IMAGE_TYPES:
            raise RefusedFetch(url, f"inline data is allowed only for images, not {media_type or 'text/plain'}")
        try:
            body = (base64.b64decode(unquote(payload), validate=True) if "base64" in params
                    else unquote_to_bytes(payload))
        except (binascii.Error, ValueError):
            raise RefusedFetch(url, "the inline image is not valid base64") from None
        if len(body) > MAX_DATA_BYTES:
            raise RefusedFetch(url, f"inline images may be at most {MAX_DATA_BYTES // 1024} KiB; "
                                    "put larger ones in the assets folder")
        return URLFetcherResponse(url, body, {"Content-Type": media_type})


def shorten(url: str, limit: int = 120) -> str:
    """The URL as an error message shows it: data URLs and long URLs cut down.

    >>> shorten("data:image/png;base64," + "A" * 500)[-3:]
    'AA…'
    >>> shorten("http://127.0.0.1:1/")
    'http://127.0.0.1:1/'
    """
    return url if len(url) <= limit else url[:limit] + "…"
