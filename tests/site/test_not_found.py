"""Each language's not-found page, served as a web server would (by path prefix, as the README's nginx snippet does).

Opened in headless Chromium at a deep address that does not exist: the page
must speak its language, offer the language switch and a way home, and
search that language's pages; its styles and scripts must load from there.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from generator.outputs.site.meta import not_found_url
from generator.project import Project


class NotFoundHandler(http.server.SimpleHTTPRequestHandler):
    """Answers a missing address under /de/ or /en/ with that language's 404 page, elsewhere with the root one."""

    languages: tuple[str, ...] = ()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            return super().send_error(code, message, explain)
        language = next((c for c in self.languages if self.path.startswith(f"/{c}/")), None)
        body = (Path(self.directory) / (not_found_url(language) if language else "404.html")).read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server(site: Path, project: Project) -> Iterator[str]:
    handler = type("Handler", (NotFoundHandler,), {"languages": project.config.codes})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


@pytest.mark.parametrize("language", ["de", "en"])
def test_each_language_has_its_not_found_page(browser: Browser, server: str, project: Project, language: str) -> None:
    config = project.config
    gettext = project.translations(language).gettext
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    trouble: list[str] = []
    missing = f"{server}{language}/no/such/page/"
    # the address itself answers 404, which Chromium also logs; anything else failing is trouble
    context.on("console", lambda m: trouble.append(m.text)
               if m.type == "error" and m.location.get("url") != missing else None)
    context.on("requestfailed", lambda r: trouble.append(f"failed: {r.url}"))
    context.on("response", lambda r: trouble.append(f"{r.status} {r.url}") if r.status >= 400 and r.url != missing
               else None)
    try:
        page = context.new_page()
        response = page.goto(missing, wait_until="load")
        assert response is not None and response.status == 404
        assert page.locator("html").get_attribute("lang") == config.languages[language].html_lang
        assert page.locator("article h1").inner_text() == gettext("Page not found")
        assert page.locator(".md-search__input").get_attribute("placeholder") != ""
        switch = {a.get_attribute("hreflang"): a.evaluate("a => a.href")
                  for a in page.locator(".md-select__link").all()}
        for code, other in config.languages.items():
            assert switch[other.html_lang] == f"{server}{not_found_url(code)}", switch
        search = page.locator("input.md-search__input")
        search.click()
        person = project.graph.of_kind("people")[0].model.name[language].short_or_full
        search.press_sequentially(person, delay=40)
        page.wait_for_selector(".md-search-result__item a", timeout=20_000)
        links = page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")
        assert links and all(link.startswith(f"{server}{language}/") for link in links), links
        page.keyboard.press("Escape")
        page.locator("article").get_by_role("link", name=gettext("Go to the start page")).click()
        page.wait_for_url(f"{server}{language}/")
        assert trouble == []
    finally:
        context.close()
