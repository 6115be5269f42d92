"""Project configuration, read once from the `briefing` plugin entry of `mkdocs.yml`.

Why mkdocs.yml: `mkdocs build` and `briefing build` must agree on languages,
locales and rights, so there is exactly one place that says them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from babel import Locale, UnknownLocaleError

from generator.errors import ConfigError

CONFIG_FILE = "mkdocs.yml"


@dataclass(frozen=True)
class LanguageConfig:
    """One output language and the CLDR locale house style picked for it."""

    code: str
    locale: Locale
    quotes: tuple[str, str, str, str]
    """Primary open/close and nested open/close quotation marks (CLDR delimiters)."""

    @property
    def html_lang(self) -> str:
        """BCP 47 tag for `lang` attributes, e.g. `de-DE`."""
        return str(self.locale).replace("_", "-")

    @property
    def name(self) -> str:
        """The language's own name for itself, e.g. `Deutsch`."""
        return (self.locale.get_language_name(self.locale) or self.code).capitalize()


@dataclass(frozen=True)
class Rights:
    """Copyright and licence carried into every output."""

    publisher: str
    licence: str
    licence_url: str
    credit: dict[str, str] = field(default_factory=dict)
    copyright_holder: str = ""
    """Who claims the copyright (ninjs `copyrightHolder`); the publisher when not configured."""
    usage_terms: dict[str, str] = field(default_factory=dict)
    """Per language: what a partner may do with the content (ninjs `usageTerms`, feed rights)."""


@dataclass(frozen=True)
class ProjectConfig:
    root: Path
    site_name: str
    site_url: str
    languages: dict[str, LanguageConfig]
    source_language: str
    rights: Rights
    content_dir: Path
    templates_dir: Path
    locales_dir: Path
    site_dir: Path

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self.languages)

    @property
    def target_languages(self) -> tuple[str, ...]:
        """Languages translated from the source language."""
        return tuple(code for code in self.languages if code != self.source_language)


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml while ignoring MkDocs-specific tags such as `!ENV`."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def load_config(root: Path | None = None) -> ProjectConfig:
    """Read the project configuration from `<root>/mkdocs.yml`."""
    root = (root or Path.cwd()).resolve()
    path = root / CONFIG_FILE
    if not path.is_file():
        raise ConfigError(f"{path}: not found (run briefing from the project folder, or pass --project)")
    with path.open(encoding="utf-8") as stream:
        mkdocs = yaml.load(stream, Loader=_TolerantLoader) or {}
    options = _plugin_options(mkdocs, path)
    languages = _languages(options.get("languages"), path)
    source = options.get("source_language", next(iter(languages)))
    if source not in languages:
        raise ConfigError(f"{path}: plugins.briefing.source_language: {source!r} is not among the languages")
    rights = options.get("rights") or {}
    return ProjectConfig(
        root=root,
        site_name=str(mkdocs.get("site_name", "briefing")),
        site_url=str(mkdocs.get("site_url") or "https://example.org/"),
        languages=languages,
        source_language=source,
        rights=Rights(
            publisher=str(rights.get("publisher", mkdocs.get("site_name", ""))),
            licence=str(rights.get("licence", "All rights reserved")),
            licence_url=str(rights.get("licence_url", "")),
            credit={str(k): str(v) for k, v in (rights.get("credit") or {}).items()},
            copyright_holder=str(rights.get("copyright_holder") or rights.get("publisher")
                                 or mkdocs.get("site_name", "")),
            usage_terms={str(k): str(v) for k, v in (rights.get("usage_terms") or {}).items()},
        ),
        content_dir=root / options.get("content_dir", "content"),
        templates_dir=root / options.get("templates_dir", "templates"),
        locales_dir=root / options.get("locales_dir", "locales"),
        site_dir=root / str(mkdocs.get("site_dir", "site")),
    )


def _plugin_options(mkdocs: dict[str, Any], path: Path) -> dict[str, Any]:
    for entry in mkdocs.get("plugins") or []:
        if isinstance(entry, dict) and "briefing" in entry:
            return entry["briefing"] or {}
    raise ConfigError(f"{path}: plugins: no `briefing` entry (add `- briefing:` with its languages)")


def _languages(raw: Any, path: Path) -> dict[str, LanguageConfig]:
    if not isinstance(raw, dict) or not raw:
        raise ConfigError(f"{path}: plugins.briefing.languages: give at least one language, "
                          "e.g. `de: {locale: de_DE, quotes: [„, “, ‚, ‘]}`")
    languages = {}
    for code, options in raw.items():
        where = f"{path}: plugins.briefing.languages.{code}"
        options = options or {}
        try:
            locale = Locale.parse(options.get("locale", code))
        except (UnknownLocaleError, ValueError) as exc:
            raise ConfigError(f"{where}.locale: {exc} (use a CLDR locale such as de_DE)") from None
        quotes = options.get("quotes")
        if not (isinstance(quotes, list) and len(quotes) == 4 and all(isinstance(q, str) for q in quotes)):
            raise ConfigError(f"{where}.quotes: give the four CLDR delimiters "
                              "[open, close, nested open, nested close]")
        languages[str(code)] = LanguageConfig(str(code), locale, tuple(quotes))
    return languages
