"""Gettext catalogs for the template strings: extract, update, compile, load, and find the gaps.

The msgids are English: templates say `{{ _("Key points") }}`, so the language
whose code is `en` (MSGID_LANGUAGE) needs no catalog: gettext falls back to
the msgid. Every other configured language has
`locales/<code>/LC_MESSAGES/messages.po`, created by `update`.

Why everything goes through Babel's API and a derived header: running
extract → update → compile on a clean checkout must change no tracked byte.
So the header comes from the project and its records, never from the clock
(`catalog_header`), messages are sorted by msgid (then context), and Babel's
version line is left out. Locations carry line numbers (`templates/x.j2:12`),
so a translator's editor opens the template where the string is used; the
price is that editing a template moves them, and `briefing i18n extract` and
`update` must run after every template change (a test says so). Builds read
the `.po` directly (`load_translations`), so compiled `.mo` files are a
convenience for other tools, never a build input.

Translators get help in the catalog itself: a `{# TRANSLATORS: … #}` comment
just before a template's call (`# TRANSLATORS: …` in Python) becomes the
entry's `#.` line, and `pgettext(context, …)` / `npgettext` give a word that
means two things a `msgctxt` of its own ("against" as a stance, "State" as
a kind of organisation).

Why every read is checked: translators edit the catalogs, and a msgstr goes
into every output as it is (newstyle gettext marks it safe in HTML and formats
it with `%`). So a catalog is read as strictly as a record: `po_checks` refuses
what Babel would misread (`msgstr Quellen"`) with one `file:line` message
(`CatalogSyntaxError`), and every translation that would crash formatting or
add markup with a `Problem` each (`TranslationFaultsError`). Builds, exports,
PDFs and `serve` read through `load_translations` and `template_gaps`, both
checked; `check_catalogs` gives the same problems as a list for `validate`.
"""

from __future__ import annotations

import datetime
import gettext
import json
import re
import tokenize
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Literal

from babel import Locale
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po, write_po
from babel.support import Translations
from jinja2 import TemplateSyntaxError

from generator.cache import Entry as CacheEntry
from generator.cache import RenderCache, code_fingerprint, digest
from generator.config import ProjectConfig
from generator.errors import (
    CatalogError,
    CatalogSyntaxError,
    Problem,
    TranslationFaultsError,
)
from generator.i18n import catalog_header
from generator.i18n.po_checks import check_message, message_field, plural_findings
from generator.i18n.po_syntax import Entry, PoGrammarError, scan_po
from generator.write import write_if_changed

MSGID_LANGUAGE = "en"
"""The language the msgids are written in; it needs no catalog."""

DOMAIN = "messages"
TEMPLATE_FILE = f"{DOMAIN}.pot"
PYTHON_DIR = "generator"
"""Python code whose `_()` calls are extracted too, relative to the project root."""

TEMPLATE_SUFFIXES = (".j2", ".jinja", ".jinja2", ".html", ".htm", ".xml", ".md", ".txt")
"""Template files searched for strings; other files under templates/ (CSS, fonts, images) are skipped."""

JINJA_OPTIONS = {
    "newstyle_gettext": "true",
    "trim_blocks": "true",
    "lstrip_blocks": "true",
    "keep_trailing_newline": "true",
    "trimmed": "false",
    "silent": "false",
}
"""Parse templates as `generator.render.make_environment` does. Whitespace settings shape the msgid of a
`{% trans %}` block, so a mismatch would look up a differently spaced msgid; a test keeps them in step."""

COMMENT_TAGS = ("TRANSLATORS:",)
"""The tag that makes a comment before a call the entry's translator comment (`#.`), as `pybabel extract -c`."""
WIDTH = 76
_GENERATED_BY = re.compile(rb'^"Generated-By: [^"]*"\n', re.MULTILINE)

GapReason = Literal["no-catalog", "not-in-catalog", "untranslated", "fuzzy"]


@dataclass(frozen=True)
class CatalogReport:
    """What one command did to one catalog file, for the CLI to print."""

    path: Path
    messages: int
    untranslated: int = 0
    fuzzy: int = 0
    changed: bool = False


@dataclass(frozen=True)
class TemplateGap:
    """A template string a reader in `language` would see in English (untranslated or fuzzy)."""

    language: str
    msgid: str
    context: str | None
    reason: GapReason
    problem: Problem


def catalog_languages(config: ProjectConfig) -> tuple[str, ...]:
    """Configured languages that need a catalog: all but the msgid language `en`."""
    return tuple(code for code in config.languages if code != MSGID_LANGUAGE)


def template_path(config: ProjectConfig) -> Path:
    return config.locales_dir / TEMPLATE_FILE


def catalog_path(config: ProjectConfig, language: str) -> Path:
    return config.locales_dir / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract_messages(config: ProjectConfig) -> Catalog:
    """Every translatable string of the templates and of `generator/**.py`, with file:line locations."""
    catalog = catalog_header.template_catalog(config, "# Template strings of briefing, in English (the msgid "
                                                      "language).\n# Written by `briefing i18n extract`; do not "
                                                      "edit, change the templates.")
    for path, method, options in _sources(config):
        relative = path.relative_to(config.root).as_posix()
        for lineno, message, comments, context in _extract_file(path, relative, method, options):
            if message:
                catalog.add(message, None, [(relative, lineno)], auto_comments=comments, context=context)
    return catalog


def extract_catalog(config: ProjectConfig) -> CatalogReport:
    """Write `locales/messages.pot` from the templates and code.

    The POT keeps its POT-Creation-Date while nothing else in it changes, and gets
    a new one from the records when something does (`catalog_header.creation_date`).
    """
    catalog = extract_messages(config)
    path = template_path(config)
    previous = _previous_date(path)
    catalog.creation_date = catalog.revision_date = previous or catalog_header.NO_DATE
    data = _po_bytes(catalog)
    if previous is None or not path.is_file() or data != path.read_bytes():
        catalog.creation_date = catalog.revision_date = catalog_header.creation_date(config, previous)
        data = _po_bytes(catalog)
    return CatalogReport(path, _count(catalog), changed=write_if_changed(path, data))


def _previous_date(path: Path) -> datetime.datetime | None:
    """The POT-Creation-Date of the POT at `path`, or None when there is none to read."""
    if not path.is_file():
        return None
    try:
        return _read(path, None).creation_date
    except CatalogError:  # a damaged POT is only replaced: it is written by `extract`, never edited
        return None


def update_catalogs(config: ProjectConfig) -> list[CatalogReport]:
    """Merge the POT into every language's catalog, creating missing ones; translations are kept.

    A msgid that changed slightly gets the old translation marked fuzzy (not used until reviewed);
    a msgid that disappeared stays at the end as obsolete (`#~`) so its translation is not lost.
    """
    template = _read(template_path(config), None, hint="run `briefing i18n extract` first")
    reports = []
    for language in catalog_languages(config):
        path = catalog_path(config, language)
        locale = config.languages[language].locale
        if path.is_file():
            catalog = _read(path, locale)
            catalog.update(template, update_header_comment=False)
        else:
            catalog = catalog_header.language_catalog(
                config, locale, f"# {locale.english_name} translations of the briefing templates.\n"
                                "# Translate the msgstr lines; `briefing i18n update` keeps them.",
                template.creation_date)
            catalog.update(template)
        catalog_header.stamp(catalog, config, locale)
        reports.append(_report(path, catalog, write_if_changed(path, _po_bytes(catalog))))
    return reports


def compile_catalogs(config: ProjectConfig) -> list[CatalogReport]:
    """Write `messages.mo` next to each catalog, for gettext tools; fuzzy entries are left out.

    Nothing is written unless every catalog passes, so no tool gets a translation the build would refuse.

    Raises:
        CatalogSyntaxError: a catalog is not valid PO.
        TranslationFaultsError: every msgstr whose placeholders or markup do not match its msgid.
    """
    catalogs, problems = [], []
    for language in catalog_languages(config):
        path = catalog_path(config, language)
        if path.is_file():
            catalog, entries = _parse(path, config.languages[language].locale)
            problems += _faults(catalog, entries, path)
            catalogs.append((path.with_suffix(".mo"), catalog))
    if problems:
        raise TranslationFaultsError(problems)
    return [_report(mo, catalog, write_if_changed(mo, _mo_bytes(catalog))) for mo, catalog in catalogs]


def load_translations(config: ProjectConfig, language: str) -> gettext.NullTranslations:
    """Translations for `language`, read from its `.po` (not the `.mo`); fuzzy entries are not used.

    `en` and a language whose catalog does not exist yet get the msgids unchanged; `status`
    reports the latter, so a strict build refuses it while a draft build still renders.

    Raises:
        CatalogSyntaxError: the catalog is not valid PO.
        TranslationFaultsError: some msgstr would crash formatting or add markup (see `po_checks`).
    """
    if language not in config.languages:
        raise CatalogError(f"language {language!r} is not configured (configured: {', '.join(config.codes)})")
    path = catalog_path(config, language)
    if language == MSGID_LANGUAGE or not path.is_file():
        return Translations()
    return Translations(BytesIO(_mo_bytes(_checked(path, config.languages[language].locale))), domain=DOMAIN)


def check_catalogs(config: ProjectConfig) -> list[Problem]:
    """Every fault of every language's catalog as problems, without raising: for `validate`.

    A syntax error is one problem for its file (nothing after it can be read).
    """
    problems: list[Problem] = []
    for language in catalog_languages(config):
        path = catalog_path(config, language)
        if not path.is_file():
            continue
        try:
            problems += _faults(*_parse(path, config.languages[language].locale), path)
        except CatalogSyntaxError as error:
            problems.append(error.problem)
    return problems


def template_gaps(config: ProjectConfig) -> list[TemplateGap]:
    """Template strings that some language does not translate, against a fresh extraction.

    Fresh, so a string added to a template but not yet extracted counts as missing too.
    Raises like `load_translations` for a broken catalog, so the build stops at its load stage.
    """
    expected = expected_messages(config)
    gaps = []
    for language in catalog_languages(config):
        path = catalog_path(config, language)
        catalog = _checked(path, config.languages[language].locale) if path.is_file() else None
        gaps += [_gap(config, language, path, message, catalog) for message in expected]
    return [gap for gap in gaps if gap is not None]


@dataclass(frozen=True)
class Expected:
    """A template string every catalog must translate, and where the templates use it first."""

    id: str | tuple[str, ...]
    context: str | None
    source: str
    lineno: int


def expected_messages(config: ProjectConfig) -> list[Expected]:
    """The strings of a fresh extraction, kept in the cache by the hash of the files extracted from.

    Why a cache: extracting from every template costs about a second, at
    every load, while the templates rarely change between two builds.
    """
    sources = [path for path, _, _ in _sources(config)]
    key = digest(code_fingerprint(), *(part for path in sources
                                       for part in (path.relative_to(config.root).as_posix(), path.read_bytes())))
    cache = RenderCache.of_project(config.root, "messages")
    if (entry := cache.get(key)) is None:
        fresh = [[m.id, m.context, *m.locations[0]] for m in extract_messages(config) if m.id]
        entry = CacheEntry(json.dumps(fresh).encode("utf-8"))
        cache.put(key, entry)
        cache.keep_only([key])
    return [Expected(tuple(id_) if isinstance(id_, list) else id_, context, source, lineno)
            for id_, context, source, lineno in json.loads(entry.data)]


def _gap(config: ProjectConfig, language: str, path: Path, expected: Expected, catalog: Catalog | None
         ) -> TemplateGap | None:
    msgid = _singular(expected.id)
    at_template = (config.root / expected.source, expected.lineno)
    entry = catalog.get(expected.id, expected.context) if catalog is not None else None
    relative = _display(config, path)
    if catalog is None:
        reason: GapReason = "no-catalog"
        where, message, hint = at_template, f"no {language} catalog", f"run `briefing i18n update` to create {relative}"
    elif entry is None:
        reason, where, message = "not-in-catalog", at_template, f"not in the {language} catalog"
        hint = f"run `briefing i18n extract` and `briefing i18n update`, then translate it in {relative}"
    elif entry.fuzzy:
        reason, where, message = "fuzzy", (path, entry.lineno), f"{language} translation is marked fuzzy"
        hint = "check the msgstr, then remove the `#, fuzzy` line"
    elif not _translated(entry):
        reason, where, message = "untranslated", (path, entry.lineno), f"not translated into {language}"
        hint = "write the msgstr" + ("s for every plural form" if entry.pluralizable else "")
    else:
        return None
    problem = Problem(where[0], where[1], 1, message_field(msgid, expected.context), message, hint,
                      code="missing-template-translation")
    return TemplateGap(language, msgid, expected.context, reason, problem)


def _singular(msgid: str | tuple[str, ...]) -> str:
    return msgid if isinstance(msgid, str) else msgid[0]


def _translated(message: Message) -> bool:
    strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
    return all(strings)


def _sources(config: ProjectConfig) -> Iterator[tuple[Path, str, dict[str, str]]]:
    """Files to extract from, in a stable order: templates first, then Python code."""
    templates = config.templates_dir
    if templates.is_dir():
        for path in sorted(templates.rglob("*")):
            if path.is_file() and path.suffix in TEMPLATE_SUFFIXES and not _hidden(path, templates):
                yield path, "jinja2.ext:babel_extract", JINJA_OPTIONS
    code = config.root / PYTHON_DIR
    if code.is_dir():
        for path in sorted(code.rglob("*.py")):
            if not _hidden(path, code):
                yield path, "python", {}


def _hidden(path: Path, top: Path) -> bool:
    return any(part.startswith((".", "__pycache__")) for part in path.relative_to(top).parts)


def _extract_file(path: Path, relative: str, method: str, options: dict[str, str]) -> list:
    try:
        return extract_from_file(method, path, DEFAULT_KEYWORDS, COMMENT_TAGS, options, strip_comment_tags=True)
    except TemplateSyntaxError as exc:
        raise CatalogError(f"{relative}:{exc.lineno}: {exc.message} (fix the template syntax)") from None
    except (SyntaxError, tokenize.TokenError, UnicodeDecodeError) as exc:
        raise CatalogError(f"{relative}: cannot read strings: {exc} (save it as valid UTF-8)") from None


def _read(path: Path, locale: Locale | None, hint: str = "") -> Catalog:
    """A catalog read strictly (see `_parse`), its translations not yet checked."""
    return _parse(path, locale, hint)[0]


def _checked(path: Path, locale: Locale | None) -> Catalog:
    """A catalog whose every used translation passed `po_checks`."""
    catalog, entries = _parse(path, locale)
    errors = [problem for problem in _faults(catalog, entries, path) if problem.severity == "error"]
    if errors:
        raise TranslationFaultsError(errors)
    return catalog


def _parse(path: Path, locale: Locale | None, hint: str = "") -> tuple[Catalog, dict[int, Entry]]:
    """The catalog, and where each entry's strings are, after checking every line against the PO grammar.

    Why `scan_po` before Babel: `read_po(abort_invalid=True)` still takes
    `msgstr Quellen"` for "uellen", keeps the first of two msgstrs and the
    last of two entries for one msgid, all without a word.
    """
    if not path.is_file():
        raise CatalogError(f"{path}: not found" + (f" ({hint})" if hint else ""))
    data = path.read_bytes()
    try:
        entries = scan_po(data)
    except PoGrammarError as fault:
        raise CatalogSyntaxError(path, fault.line, fault.message, fault.hint) from None
    try:
        return read_po(BytesIO(data), locale=locale, abort_invalid=True), entries
    except PoFileError as exc:
        what, text = str(exc).rsplit(" on ", 1)[0], exc.line.strip()
        raise CatalogSyntaxError(path, exc.lineno + 1, what + (f": {text!r}" if text else ""),
                                 "fix the line; see `msgfmt --check`") from None
    except ValueError as exc:  # a header Babel cannot parse, e.g. nplurals=two
        raise CatalogSyntaxError(path, _header_line(entries, "Plural-Forms"), f"cannot read the header: {exc}",
                                 "write the header as `briefing i18n update` does") from None


def _faults(catalog: Catalog, entries: dict[int, Entry], path: Path) -> list[Problem]:
    """What `po_checks` finds in the plural rule and in every translation that is used (not fuzzy, not empty)."""
    singletons, problems = plural_findings(catalog, path, _header_line(entries, "Plural-Forms"))
    for message in catalog:
        if message.id and not message.fuzzy:
            entry = entries.get(message.lineno) or Entry(message.lineno or 1)  # found by line, never skipped
            problems += check_message(message, entry, path, singletons)
    return problems


def _header_line(entries: dict[int, Entry], name: str) -> int:
    """The line of header field `name` (or of the header, or 1)."""
    header = next((e for e in entries.values() if e.msgid == "" and e.context is None), None)
    if header is None:
        return 1
    segments = header.strings.get(0, [])
    return next((s.line for s in segments if s.text.startswith(f"{name}:")), header.line)



def _po_bytes(catalog: Catalog) -> bytes:
    buffer = BytesIO()
    write_po(buffer, catalog, width=WIDTH, sort_output=True, include_lineno=True)
    return _GENERATED_BY.sub(b"", buffer.getvalue())


def _mo_bytes(catalog: Catalog) -> bytes:
    buffer = BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def _count(catalog: Catalog) -> int:
    return sum(1 for message in catalog if message.id)


def _report(path: Path, catalog: Catalog, changed: bool) -> CatalogReport:
    messages = [message for message in catalog if message.id]
    return CatalogReport(path, len(messages), sum(1 for m in messages if not m.fuzzy and not _translated(m)),
                         sum(1 for m in messages if m.fuzzy), changed)


def _display(config: ProjectConfig, path: Path) -> str:
    try:
        return path.relative_to(config.root).as_posix()
    except ValueError:
        return str(path)
