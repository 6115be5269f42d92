"""What the language-purity test reads: the interface strings that betray another language, and the words of
every built file in the language it is written for.

Why from the catalogs: every interface word of every output goes through
them, so a German heading on an English page is a German msgstr in English
text, and an untranslated heading on a German page is an English msgid whose
German msgstr differs. Content is not what this checks (a German report may
name an English title), so what content names in its own right is taken out
before the scan: names of people, organisations, places and events in every
language, source titles, original titles and publishers, elements marked
with another `lang`, and JSON objects (ninjs associations, the dataset's
per-language texts) that say their language.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from babel.messages.pofile import read_po
from pypdf import PdfReader

from generator.config import ProjectConfig
from generator.graph import FactGraph
from generator.i18n.catalogs import MSGID_LANGUAGE, catalog_path

PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w+\}")
"""Where a catalog string takes a value: gettext's `%(name)s` and the `{page}` of CSS counters."""
URL = re.compile(r"(?:https?|mailto):\S+|\S+\.(?:json|atom|xml|pdf|txt|md|html)\b")

VOCABULARY_KEYS = frozenset({"@context", "@id", "@type", "type", "rel", "role", "contentType", "pubStatus",
                             "representationType", "profile", "literal", "slugline", "language", "inLanguage",
                             "encodingFormat", "record", "kind", "id", "date_precision", "date_from", "lang"})
"""JSON keys whose values are vocabulary for machines (`"@type": "Country"`), not words for readers."""
LANGUAGE_KEYS = ("language", "inLanguage")
"""A JSON object carrying one of these says which language its strings are in."""
TEXT_ATTRIBUTES = frozenset({"alt", "title", "aria-label", "placeholder", "label"})
META_TEXT = frozenset({"description", "keywords", "og:title", "og:description", "og:image:alt", "twitter:title",
                       "twitter:description"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                  "wbr"})


def base(tag: str | None) -> str | None:
    """`en-GB` → `en`, `de_DE` → `de`."""
    return re.split(r"[-_]", tag)[0].lower() if tag else None


@dataclass(frozen=True)
class Phrase:
    """One catalog string that must not appear in the outputs of some language."""

    text: str
    """As the catalog writes it."""
    betrays: str
    """What it shows: `German interface string` or `English msgid translated in de`."""
    pattern: re.Pattern[str]


def _literal(part: str) -> str:
    return r"\s+".join(re.escape(word) for word in part.split())


def significant(message: str) -> bool:
    """Long enough to be an interface string rather than a word both languages may write (Start, Party, in).

    Two words and five letters, one word of six letters, or of five with a
    letter outside ASCII (dafür): shorter ASCII words are often names, loans
    or ordinary words of the other language.
    """
    words = re.findall(r"[^\W\d_]+", PLACEHOLDER.sub(" ", message))
    letters = sum(len(word) for word in words)
    if len(words) >= 2:
        return letters >= 5
    return bool(words) and (len(words[0]) >= 6 or (len(words[0]) == 5 and not words[0].isascii()))


ENDS = re.compile(rf"^(?:\s*(?:{PLACEHOLDER.pattern}))+|(?:(?:{PLACEHOLDER.pattern})\s*)+$")


def core(message: str) -> str:
    """The string without the values at its ends: `%(count)s Briefings` → `Briefings`."""
    return ENDS.sub("", message).strip()


def phrase(message: str, betrays: str) -> Phrase | None:
    text = core(message)
    if not significant(text):
        return None
    body = r"\S.{0,80}?".join(_literal(part) for part in PLACEHOLDER.split(text))
    return Phrase(text, betrays, re.compile(rf"(?<!\w){body}(?!\w)"))


def _forms(value: str | tuple[str, ...]) -> tuple[str, ...]:
    return value if isinstance(value, tuple) else (value,)


def catalog_pairs(config: ProjectConfig, language: str) -> list[tuple[str, str]]:
    """(msgid form, msgstr form) of every translated, non-fuzzy entry; plural forms pair with the msgid's."""
    path = catalog_path(config, language)
    if not path.is_file():
        return []
    with path.open("rb") as handle:
        catalog = read_po(handle)
    pairs = []
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        ids, strings = _forms(message.id), _forms(message.string)
        pairs += [(ids[min(i, len(ids) - 1)], string) for i, string in enumerate(strings) if string]
    return pairs


def foreign_phrases(config: ProjectConfig) -> dict[str, list[Phrase]]:
    """For each configured language, the catalog strings of the other languages that its outputs must not hold.

    Another language's msgstr where it differs from its msgid, and on a
    page not in English the English msgid its own catalog translates
    differently (English left untranslated). A string the page's own
    language also writes (`Briefings`, `Dossier`) is never foreign.
    """
    pairs = {code: catalog_pairs(config, code) for code in config.codes if code != MSGID_LANGUAGE}
    found: dict[str, list[Phrase]] = {}
    for code in config.codes:
        own = {core(s).casefold() for _, s in pairs.get(code, [])} if code != MSGID_LANGUAGE else \
            {core(i).casefold() for entries in pairs.values() for i, _ in entries}
        candidates = [(s, f"{other} interface string") for other, entries in pairs.items() if other != code
                      for i, s in entries if core(s) != core(i)]
        if code != MSGID_LANGUAGE:
            candidates += [(i, f"English msgid, translated in the {code} catalog") for i, s in pairs[code]
                           if core(s) != core(i)]
        made = (phrase(text, betrays) for text, betrays in candidates if core(text).casefold() not in own)
        found[code] = list({p.text: p for p in made if p is not None}.values())
    return found


def content_names(graph: FactGraph) -> list[str]:
    """What content names in its own right, in every language: people, bodies, places, events, sources."""
    names: set[str] = set()
    for record in graph.records:
        model = record.model
        for forms in (getattr(model, "name", None) or {}).values():
            if isinstance(forms, str):
                names.add(forms)
                continue
            names.update({forms.full, forms.short or "", *forms.full_cases.values(), *forms.short_cases.values()})
        if record.kind == "sources":
            names.update({*model.title.values(), model.original_title or "", model.publisher or ""})
    return sorted((name for name in names if name), key=len, reverse=True)


class _Text(HTMLParser):
    """The words of an HTML document for readers (data, text attributes, JSON-LD), in its language only."""

    def __init__(self, language: str | None, chunks: list[str]):
        super().__init__(convert_charrefs=True)
        self.language, self.chunks = language, chunks
        self.stack: list[tuple[str, bool]] = []
        self.json_ld = False

    @property
    def skipping(self) -> bool:
        return any(skip for _, skip in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html" and self.language is None:
            self.language = base(values.get("lang"))
        lang = base(values.get("lang"))
        foreign = lang is not None and self.language is not None and lang != self.language
        if not (self.skipping or foreign):
            self.chunks += [value for name, value in attrs if name in TEXT_ATTRIBUTES and value]
            if tag == "meta" and (values.get("name") or values.get("property")) in META_TEXT:
                self.chunks.append(values.get("content") or "")
        if tag not in VOID:
            self.stack.append((tag, foreign or tag in {"style", "template"} or
                               (tag == "script" and values.get("type") != "application/ld+json")))
        self.json_ld = tag == "script" and values.get("type") == "application/ld+json"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                break
        self.json_ld = False

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.json_ld:
            json_strings(json.loads(data), self.language, self.chunks)
        else:
            self.chunks.append(data)


def html_text(markup: str, language: str | None, chunks: list[str]) -> str | None:
    """Append the document's words in `language` (its `<html lang>` when None); return the language it declares."""
    parser = _Text(language, chunks)
    parser.feed(markup)
    parser.close()
    return parser.language


def json_strings(value: Any, language: str | None, chunks: list[str], codes: frozenset[str] = frozenset()) -> None:
    """Append the strings for readers in `value` that are in `language`; objects saying another language are left out.

    A mapping whose keys are language codes (the dataset's `{"de": …, "en": …}`) holds each language's
    text under its code: only `language`'s is read.
    """
    if isinstance(value, dict):
        said = next((base(value[key]) for key in LANGUAGE_KEYS if isinstance(value.get(key), str)), None)
        if said is not None and said != language:
            return
        if value and codes and set(value) <= codes:
            if language in value:
                json_strings(value[language], language, chunks, codes)
            return
        for key, item in value.items():
            if key not in VOCABULARY_KEYS:
                json_strings(item, language, chunks, codes)
    elif isinstance(value, list):
        for item in value:
            json_strings(item, language, chunks, codes)
    elif isinstance(value, str) and language is not None:
        if "<" in value and ">" in value:
            html_text(value, language, chunks)
        else:
            chunks.append(value)


def feed_text(markup: str, language: str, chunks: list[str]) -> None:
    """Atom: every element's text, the `type="html"` ones read as HTML; elements with another `xml:lang` left out."""
    lang_attribute = "{http://www.w3.org/XML/1998/namespace}lang"

    def walk(element: ElementTree.Element) -> None:
        if base(element.get(lang_attribute)) not in (None, language):
            return
        chunks.append(element.get("label") or "")
        if element.text and element.text.strip():
            if element.get("type") in ("html", "xhtml"):
                html_text(element.text, language, chunks)
            else:
                chunks.append(element.text)
        for child in element:
            walk(child)

    walk(ElementTree.fromstring(markup))


def pdf_text(path: Path) -> str:
    """The PDF's text layer, with words split at a line end joined again."""
    text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return re.sub(r"(\w)[\u00ad\u2010-]\s*\n\s*(\w)", r"\1\2", text)


@dataclass(frozen=True)
class BuiltFile:
    path: Path
    relative: str
    language: str


def language_of(relative: str, codes: tuple[str, ...]) -> str | None:
    """`en/…`, `exports/en/…`, `pdf/en/…` → `en`; anything else (assets, sitemap, dataset) has no one language."""
    parts = relative.split("/")
    if parts[0] in codes:
        return parts[0]
    return parts[1] if len(parts) > 2 and parts[1] in codes else None


def file_words(path: Path, language: str | None, codes: tuple[str, ...]) -> tuple[str | None, list[str]]:
    """The words in `path` meant for readers of `language`, and the language the file declares (HTML)."""
    chunks: list[str] = []
    suffix = path.suffix
    declared = None
    if suffix == ".html":
        declared = html_text(path.read_text(encoding="utf-8"), language, chunks)
    elif suffix in (".json", ".jsonl"):
        lines = path.read_text(encoding="utf-8").splitlines() if suffix == ".jsonl" else [path.read_text("utf-8")]
        for line in lines:
            json_strings(json.loads(line), language, chunks, frozenset(codes))
    elif suffix == ".atom" and language is not None:
        feed_text(path.read_text(encoding="utf-8"), language, chunks)
    elif suffix in (".txt", ".md") and language is not None:
        chunks.append(path.read_text(encoding="utf-8"))
    elif suffix == ".pdf" and language is not None:
        chunks.append(pdf_text(path))
    return declared, chunks


SCANNED = (".html", ".json", ".jsonl", ".atom", ".txt", ".md", ".pdf")


def built_files(site: Path) -> Iterator[Path]:
    """Every file of the build with words for readers; the theme's own assets are not ours to check."""
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.suffix in SCANNED and "assets" not in path.relative_to(site).parts[:1]:
            yield path


def scrub(text: str, names: re.Pattern[str]) -> str:
    """One line of words: addresses and what content names in its own right taken out."""
    return names.sub(" ", URL.sub(" ", " ".join(text.split())))


def names_pattern(names: list[str]) -> re.Pattern[str]:
    """Any of `names` as whole words, longest first (so `Russia` leaves `Russian` alone)."""
    return re.compile(r"(?<!\w)(?:" + ("|".join(_literal(name) for name in names) or r"(?!)") + r")(?!\w)")


def intruders(text: str, phrases: list[Phrase]) -> list[str]:
    """Each foreign phrase found in `text`, with the words around it."""
    found = []
    for candidate in phrases:
        for match in candidate.pattern.finditer(text):
            start, end = max(match.start() - 30, 0), match.end() + 30
            found.append(f"{candidate.betrays} {candidate.text!r}: …{text[start:end]}…")
    return found
