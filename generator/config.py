"""Project configuration, read once from the `briefing` plugin entry of `mkdocs.yml`.

Why mkdocs.yml: `mkdocs build` and `briefing build` must agree on languages,
locales and rights, so there is exactly one place that says them.
"""

from __future__ import annotations

import difflib
import importlib.resources
import re
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale, UnknownLocaleError

from generator.config_yaml import ConfigFile, read_config_file, shown
from generator.errors import ConfigError
from generator.yaml_reader import DEFAULT_LIMITS, LIMIT_CEILINGS, FieldPath, Limits

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
    draft_dir: Path
    """Where a build that lets missing or stale translations through goes (`draft_dir:`, default `site-draft`
    beside `site_dir`): never the published folder, so no draft mark reaches readers or partners."""
    limits: Limits = DEFAULT_LIMITS
    """What one record file may cost to read (`limits:` in the briefing entry); pass it to `load_records`."""

    @property
    def sources(self) -> list[Path]:
        """The configured source folders, which no output may replace."""
        return [self.content_dir, self.templates_dir, self.locales_dir, self.docs_dir]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self.languages)

    def output_dir(self, allow_stale_translations: bool) -> Path:
        """The folder a build publishes into: the site, or the draft folder for a build with marked translations."""
        return self.draft_dir if allow_stale_translations else self.site_dir

    @property
    def target_languages(self) -> tuple[str, ...]:
        """Languages translated from the source language."""
        return tuple(code for code in self.languages if code != self.source_language)


SWITCHES = ("allow_stale_translations", "show_unreleased")
"""The plugin's true/false settings: `briefing serve` sets them through `!ENV` for the local preview."""
PLUGIN_OPTIONS = ("languages", "source_language", "rights", *SOURCE_OPTIONS, "limits", "draft_dir", *SWITCHES,
                  "outputs")
"""Every setting of the `briefing` entry; any other is refused as a typo (the MkDocs plugin declares the same)."""
LANGUAGE_OPTIONS = ("locale", "quotes")
RIGHTS_OPTIONS = ("publisher", "licence", "licence_url", "credit", "copyright_holder", "usage_terms")
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})*")
"""Codes name folders and URL segments (`de/briefings/…`), so they stay lowercase ISO 639 with optional subtags."""
FOLDERS = {"content_dir": "the records", "templates_dir": "the templates", "locales_dir": "the translation catalogs",
           "docs_dir": "MkDocs' own pages and may stay empty"}
"""What each folder is for, as the message about a missing one says it."""


def load_config(root: Path | None = None) -> ProjectConfig:
    """Read and check the project configuration in `<root>/mkdocs.yml`.

    Raises:
        ConfigError: the first thing wrong, as `mkdocs.yml:LINE:COL: setting: what is wrong (what to do)`.
    """
    root = (root or Path.cwd()).resolve()
    path = root / CONFIG_FILE
    if not path.is_file():
        raise ConfigError(f"{path}: not found (run briefing from the project folder, or pass --project)")
    file = read_config_file(path)
    site_name = file.text(("site_name",), "name the site, e.g. `site_name: Briefing`")
    site_url = file.url(("site_url",), ("https",), "the address the site is published at, "
                        "e.g. `site_url: https://briefing.example.org/`", site=True)
    _check_theme_language(file, root)
    base = _plugin_entry(file)
    file.refuse_unknown(base, PLUGIN_OPTIONS)
    languages = _languages(file, base + ("languages",))
    source = file.text(base + ("source_language",), "", required=False) or next(iter(languages))
    if source not in languages:
        raise file.error(base + ("source_language",), f"{source!r} is not among the languages",
                         f"use one of {', '.join(languages)}")
    folders = {key: _folder(file, root, base + (key,), default) for key, default in SOURCE_OPTIONS.items()}
    docs_dir = _folder(file, root, ("docs_dir",), "docs")
    _check_switches(file, base)
    site_dir = output_folder(root, (root / (file.text(("site_dir",), "", required=False) or "site")).resolve(),
                             [*folders.values(), docs_dir], file.where(("site_dir",)))
    return ProjectConfig(
        root=root,
        site_name=site_name,
        site_url=site_url if site_url.endswith("/") else site_url + "/",
        languages=languages,
        source_language=source,
        rights=_rights(file, base + ("rights",), languages),
        content_dir=folders["content_dir"],
        templates_dir=folders["templates_dir"],
        locales_dir=folders["locales_dir"],
        docs_dir=docs_dir,
        site_dir=site_dir,
        draft_dir=_draft_dir(file, root, base + ("draft_dir",), site_dir, [*folders.values(), docs_dir]),
        limits=_limits(file, base + ("limits",)),
    )


def _check_theme_language(file: ConfigFile, root: Path) -> None:
    """theme.language must be a language Material ships a partial for (or the project's custom_dir adds)."""
    theme = file.get(("theme",))
    if not isinstance(theme, dict) or theme.get("name") != "material" or theme.get("language") is None:
        return
    language = file.text(("theme", "language"), "")
    custom_dir = theme.get("custom_dir")
    known = material_languages(root / custom_dir if isinstance(custom_dir, str) else None)
    if known and language not in known:
        lowered = {code.lower(): code for code in known}
        close = [lowered[code] for code in difflib.get_close_matches(language.lower(), lowered, n=3)]
        hint = (f"did you mean {' or '.join(close)}?" if close
                else f"use one of Material's languages: {', '.join(sorted(known))}")
        raise file.error(("theme", "language"), f"{language!r} is not a language of the Material theme", hint)


def material_languages(custom_dir: Path | None = None) -> set[str]:
    """The `theme.language` codes Material can show: its `partials/languages/*.html`, and the project's own."""
    try:
        folder = importlib.resources.files("material") / "templates" / "partials" / "languages"
    except ModuleNotFoundError:
        return set()  # MkDocs says the theme is missing when it runs
    folders = [folder, *([custom_dir / "partials" / "languages"] if custom_dir else [])]
    return {entry.name.removesuffix(".html") for folder in folders if folder.is_dir()
            for entry in folder.iterdir() if entry.name.endswith(".html")}


def _plugin_entry(file: ConfigFile) -> FieldPath:
    """Where the `briefing` entry's settings are: `plugins` is a list of entries, or a mapping."""
    plugins = file.get(("plugins",))
    at: FieldPath | None = None
    if isinstance(plugins, list):
        at = next((("plugins", index, "briefing") for index, entry in enumerate(plugins)
                   if isinstance(entry, dict) and "briefing" in entry), None)
        if at is None and "briefing" in plugins:
            at = ("plugins", plugins.index("briefing"))
    elif isinstance(plugins, dict) and "briefing" in plugins:
        at = ("plugins", "briefing")
    if at is None or at[-1] != "briefing":
        raise file.error(at or ("plugins",), "no `briefing` entry" if at is None else "`briefing` has no settings",
                         "add `- briefing:` with its languages")
    file.mapping(at, "give the settings below `briefing:`, indented")
    return at


def _languages(file: ConfigFile, at: FieldPath) -> dict[str, LanguageConfig]:
    example = "e.g. `de: {locale: de_DE, quotes: [„, “, ‚, ‘]}`"
    raw = file.mapping(at, f"give each language with its locale and quotes, {example}")
    if not raw:
        raise file.error(at, "give at least one language", example)
    languages = {}
    for code in raw:
        where = (*at, code)
        if not (isinstance(code, str) and LANGUAGE_CODE.fullmatch(code)):
            raise file.error(where, f"{shown(code)} is not a language code",
                             "use a lowercase ISO 639 code such as de or en, in quotes if YAML reads it otherwise "
                             "(`\"no\"`)", key=True)
        file.mapping(where, "give the language's locale and quotes")
        file.refuse_unknown(where, LANGUAGE_OPTIONS)
        name = file.text((*where, "locale"), "give its CLDR locale, e.g. `locale: de_DE`")
        try:
            locale = Locale.parse(name)
        except (UnknownLocaleError, ValueError) as exc:
            raise file.error((*where, "locale"), str(exc), "use a CLDR locale such as de_DE") from None
        quotes = file.get((*where, "quotes"))
        if not (isinstance(quotes, list) and len(quotes) == 4):
            raise file.error((*where, "quotes"), "give the four CLDR delimiters",
                             "[open, close, nested open, nested close], e.g. [„, “, ‚, ‘]")
        opening, closing, nested_opening, nested_closing = (
            file.text((*where, "quotes", index), "give the quotation mark") for index in range(4))
        languages[code] = LanguageConfig(code, locale, (opening, closing, nested_opening, nested_closing))
    return languages


def _rights(file: ConfigFile, at: FieldPath, languages: dict[str, LanguageConfig]) -> Rights:
    """Rights are required: every output and export carries them."""
    if file.get(at) is None:
        raise file.error(at, "missing", "add `rights:` with publisher and licence (and licence_url, credit, "
                         "usage_terms); every output carries them")
    file.mapping(at, "give publisher, licence and the other rights below `rights:`")
    file.refuse_unknown(at, RIGHTS_OPTIONS)
    publisher = file.text((*at, "publisher"), "who publishes the briefings, e.g. `publisher: Briefing Desk`")
    return Rights(
        publisher=publisher,
        licence=file.text((*at, "licence"), "the licence partners republish under, e.g. `licence: CC BY 4.0`"),
        licence_url=file.url((*at, "licence_url"), ("https", "http"), "give the licence's web address, "
                         "e.g. https://creativecommons.org/licenses/by/4.0/", required=False),
        credit=_per_language(file, (*at, "credit"), languages),
        copyright_holder=file.text((*at, "copyright_holder"), "", required=False) or publisher,
        usage_terms=_per_language(file, (*at, "usage_terms"), languages),
    )


def _per_language(file: ConfigFile, at: FieldPath, languages: dict[str, LanguageConfig]) -> dict[str, str]:
    """A text per configured language, e.g. `credit: {de: …, en: …}`."""
    raw = file.mapping(at, "give one text per language, e.g. `de: …` and `en: …`")
    for code in raw:
        if code not in languages:
            raise file.error((*at, code), f"{shown(code)} is not a configured language",
                             f"use {', '.join(languages)}", key=True)
    return {code: file.text((*at, code), "write the text for this language") for code in raw}


def _folder(file: ConfigFile, root: Path, at: FieldPath, default: str) -> Path:
    """A source folder that exists inside the project, so no setting points the build at other files.

    Why docs_dir too: MkDocs publishes every file of it, so `docs_dir: /etc` would put /etc on the site.
    """
    name = file.text(at, "give a folder name", required=False)
    folder = (root / (name or default)).resolve()
    if not folder.is_relative_to(root):
        raise file.error(at, f"{name!r} lies outside the project {root}", "give a folder inside it")
    if not folder.is_dir():
        what = FOLDERS[str(at[-1])]
        if not name:
            raise file.error(at, f"the folder {default}/ (the default) does not exist",
                             f"create {default}/ or set `{at[-1]}:` to another folder; it holds {what}")
        raise file.error(at, f"the folder {name!r} does not exist", f"create it or correct the name; it holds {what}")
    return folder


def _draft_dir(file: ConfigFile, root: Path, at: FieldPath, site_dir: Path, sources: list[Path]) -> Path:
    """The draft folder: a folder of its own like the site's, and neither the site nor inside or above it."""
    name = file.text(at, "", required=False)
    folder = output_folder(root, (root / name).resolve() if name else site_dir.with_name(f"{site_dir.name}-draft"),
                           sources, file.where(at))
    if folder == site_dir or folder.is_relative_to(site_dir) or site_dir.is_relative_to(folder):
        raise file.error(at, f"{folder} is or holds the published site {site_dir}",
                         "a draft build must never write into what is published; give a folder beside it, "
                         "such as `site-draft`")
    return folder


def _check_switches(file: ConfigFile, at: FieldPath) -> None:
    """The switches and `outputs` are MkDocs' to read; their types are checked here so every command agrees."""
    for name in SWITCHES:
        value = file.get((*at, name))
        if value is not None and not isinstance(value, bool):
            raise file.error((*at, name), f"{shown(value)} is not true or false", "write true or false")
    outputs = file.get((*at, "outputs"))
    if outputs is not None and not (isinstance(outputs, list) and all(isinstance(o, str) for o in outputs)):
        raise file.error((*at, "outputs"), f"{shown(outputs)} is not a list of output families",
                         "write e.g. `outputs: [pdf, export]`, or `[]` for pages only")


def _limits(file: ConfigFile, at: FieldPath) -> Limits:
    """`limits:` of what one record file may cost to read; each a whole number up to its ceiling."""
    file.mapping(at, f"give e.g. `record_bytes: {DEFAULT_LIMITS.record_bytes}` and `depth: {DEFAULT_LIMITS.depth}` "
                 "below `limits:`")
    file.refuse_unknown(at, tuple(LIMIT_CEILINGS))
    values = {}
    for name, ceiling in LIMIT_CEILINGS.items():
        value = file.get((*at, name))
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= ceiling:
            raise file.error((*at, name), f"{shown(value)} is not a whole number from 1 to {ceiling:,}",
                             f"the default is {getattr(DEFAULT_LIMITS, name)}")
        values[name] = value
    return Limits(**values)


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
