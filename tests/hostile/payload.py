"""Hostile strings put into every text of a project, and the checks that they arrived as text only.

The payload is what validation lets through (raw HTML, event handlers,
attribute syntax, reference links, entities): what is refused outright
(unsafe links, images, reference definitions) has tests of its own, listed
in tests/hostile/README.md.
"""

from __future__ import annotations

import html.parser
from pathlib import Path
from typing import Any

import yaml

PAYLOAD = ('<img src=x onerror=alert(1)> <svg onload=alert(2)> <script>alert(3)</script> '
           '"\'><b onmouseover=alert(4)>b</b> {{: autofocus onfocus=alert(5)}} [r][r] '
           '<a href="javascript:alert(6)">a</a> &lt;i&gt; &#0; `x`')
"""As written in a record (text fields read `{{` as a literal brace)."""
SHOWN = '<img src=x onerror=alert(1)> <svg onload=alert(2)> <script>alert(3)</script>'
"""What every reader must see of it, as text."""
MARKER = "onerror=alert(1)"

TEXT_KEYS = {"de", "en", "full", "short", "publisher"}
"""Keys whose string values are text readers see (localized texts, names' forms, publishers)."""


def spoil(value: Any, key: str | None = None) -> Any:
    """The record data with the payload appended to every text a reader sees."""
    if isinstance(value, dict):
        return {k: spoil(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [spoil(v, key) for v in value]
    if isinstance(value, str) and key in TEXT_KEYS:
        return f"{value} {PAYLOAD}"
    return value


def spoil_content(content: Path) -> int:
    """Append the payload to every text of every record under `content`; returns how many texts."""
    count = 0
    for path in sorted(content.rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        spoiled = spoil(data)
        count += str(spoiled).count(MARKER)
        path.write_text(yaml.safe_dump(spoiled, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    return count


FORBIDDEN_TAGS = {"script", "img", "svg", "iframe", "object", "embed", "style", "link", "base", "form", "input",
                  "textarea", "b", "frame", "video", "audio", "source", "math"}
SAFE_SCHEMES = ("https:", "http:", "mailto:")
"""The schemes a link target may name (a target without a scheme is relative, within the page's site)."""


class _Markup(html.parser.HTMLParser):
    """Collects what in a document could run, fetch or set attributes."""

    def __init__(self, allowed_tags: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.allowed_tags = allowed_tags
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in FORBIDDEN_TAGS - self.allowed_tags:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name in ("autofocus", "srcdoc", "formaction"):
                self.problems.append(f"<{tag} {name}>")
            foreign = value is not None and ":" in value and not value.strip().lower().startswith(SAFE_SCHEMES)
            if name in ("href", "src", "action") and foreign:
                self.problems.append(f"<{tag} {name}={value!r}>")


def markup_problems(document: str, allowed_tags: frozenset[str] = frozenset()) -> list[str]:
    """Tags, attributes and link targets in an HTML document that content could have put there."""
    parser = _Markup(allowed_tags)
    parser.feed(document)
    parser.close()
    return parser.problems
