"""A built site in headless Chromium: served from 127.0.0.1, every other host refused, every error recorded.

Shared by the site's browser tests and the hostile-input test: a page that
logs a console error (a Content-Security-Policy refusal is one), fails a
request, throws, or asks another host for anything fails the test that
opened it.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Response, Route

Visit = Callable[[str], Page]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def served(folder: Path) -> Iterator[str]:
    """`folder` on a free port of 127.0.0.1, as a base URL."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@dataclass
class Trouble:
    """What went wrong while pages were open: console errors, failed responses, requests to other hosts, dialogs."""

    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@contextmanager
def visiting(browser: Browser, base: str, width: int = 1280, height: int = 900,
             color_scheme: Literal["light", "dark"] = "light") -> Iterator[Visit]:
    """Open site paths in fresh pages of one context (a reader whose system prefers `color_scheme`);
    on leaving, assert nothing went wrong on any of them."""
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=color_scheme)
    trouble = Trouble()

    def route(route: Route) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            trouble.outside.append(route.request.url)
            route.abort()

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            trouble.errors.append(f"console: {message.text} ({message.location.get('url')})")

    def response(response: Response) -> None:
        if response.status >= 400:
            trouble.errors.append(f"HTTP {response.status}: {response.url}")

    def failed(request: Request) -> None:
        # ERR_ABORTED: the page was left while the request ran (a test moving on), not an error of the site.
        if urlsplit(request.url).hostname == "127.0.0.1" and request.failure != "net::ERR_ABORTED":
            trouble.errors.append(f"failed: {request.url} ({request.failure})")

    context.route("**/*", route)
    context.on("console", console)
    context.on("response", response)
    context.on("requestfailed", failed)
    context.on("weberror", lambda error: trouble.errors.append(f"page error: {error.error}"))

    def open_page(path: str) -> Page:
        page = context.new_page()
        page.on("dialog", lambda dialog: (trouble.dialogs.append(f"{path}: {dialog.message}"), dialog.dismiss()))
        page.goto(base + path, wait_until="load")
        return page

    try:
        yield open_page
    finally:
        context.close()
    assert trouble.dialogs == [], "a page opened a dialog"
    assert trouble.outside == [], "pages tried to reach other hosts"
    assert trouble.errors == []
