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

SOURCE_OPTIONS = {"content_dir": "content", "templates_dir": "templates", "locales_dir": "locales"}
"""The configurable source folders and their defaults, relative to the project."""
PROJECT_SOURCES = ("assets", "generator", "tests", "schemas", "benchmarks", ".git", ".ci")
"""Folders of the project that no output may ever replace, besides the configured ones."""


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
    docs_dir: Path
    site_dir: Path

    @property
    def sources(self) -> list[Path]:
        """The configured source folders, which no output may replace."""
        return [self.content_dir, self.templates_dir, self.locales_dir, self.docs_dir]

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
    folders = {key: _source_folder(root, options.get(key, default), f"{path}: plugins.briefing.{key}")
               for key, default in SOURCE_OPTIONS.items()}
    docs_dir = (root / str(mkdocs.get("docs_dir", "docs"))).resolve()
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
        content_dir=folders["content_dir"],
        templates_dir=folders["templates_dir"],
        locales_dir=folders["locales_dir"],
        docs_dir=docs_dir,
        site_dir=output_folder(root, (root / str(mkdocs.get("site_dir", "site"))).resolve(),
                               [*folders.values(), docs_dir], f"{path}: site_dir"),
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


def _source_folder(root: Path, raw: object, where: str) -> Path:
    """A configured source folder: inside the project, so no setting points the build at other files."""
    folder = (root / str(raw)).resolve()
    if not folder.is_relative_to(root):
        raise ConfigError(f"{where}: {raw!r} lies outside the project {root}; give a folder inside it")
    return folder


def output_folder(root: Path, folder: Path, sources: list[Path], where: str, *, inside: bool = True) -> Path:
    """The folder a build publishes into, refused when replacing it could destroy the project.

    It must be a folder of its own (inside the project, unless `inside` is
    False, as for the temporary folder `mkdocs serve` builds into): not the
    project, not a folder above it, and neither a source folder, nor inside
    one, nor above one.

    Raises:
        ConfigError: naming the setting and the folder it would endanger.
    """
    if folder == root or folder in root.parents:
        raise ConfigError(f"{where}: {folder} is the project itself or a folder above it; publishing would "
                          "replace the whole project. Use a folder of its own, such as `site`")
    if inside and not folder.is_relative_to(root):
        raise ConfigError(f"{where}: {folder} lies outside the project {root}; use a folder inside it, such as `site`")
    for source in [*sources, *(root / name for name in PROJECT_SOURCES)]:
        if folder == source or folder.is_relative_to(source) or source.is_relative_to(folder):
            raise ConfigError(f"{where}: {folder} would replace or lie inside {source.relative_to(root)}/, which "
                              "holds the project's sources; use a folder of its own, such as `site`")
    return folder
