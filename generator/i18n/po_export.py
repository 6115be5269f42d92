"""`briefing i18n export`: the record texts as a PO file for Poedit, Weblate or a translation agency.

One entry per translatable string (see `generator.i18n.record_texts`):
the German as `msgid`, the translation as `msgstr` (empty when missing),
the key `record-id:field.path` as `msgctxt` so equal German texts stay
apart, and as comments the record, its kind, its field, its page and what
its placeholders are. A stale translation comes `#, fuzzy`, with the German
it was confirmed against as gettext's previous msgid (`#| msgid`), which
Poedit and Weblate show as the change.

Why no `python-brace-format`: `{@emmanuel-macron:short}` and `{"…"}` are
no Python format fields, so `msgfmt -c` would reject the file and tools
would check the wrong thing. The entries say `no-python-brace-format`, and
`briefing i18n import` checks the placeholders itself.
"""

from __future__ import annotations

from io import BytesIO

from babel.messages.pofile import normalize, write_po

from generator.config import ProjectConfig
from generator.i18n.catalog_header import language_catalog, newest_release
from generator.i18n.confirmations import load_confirmations
from generator.i18n.record_texts import RecordText, record_texts, text_state
from generator.i18n.status import translation_status
from generator.records.load import RecordSet
from generator.records.text import Mention, Placeholder, Quotation, TextSyntaxError, parse_text
from generator.urls import PAGE_KINDS, absolute_url, page_url

WIDTH = 76
NOT_BRACE_FORMAT = "no-python-brace-format"
BABEL_GUESSES = frozenset({"python-format", "python-brace-format"})
"""Flags Babel sets by the look of a msgid; record texts are neither format (`{@x}` is no Python field)."""


def export_po(records: RecordSet, config: ProjectConfig, language: str, *, stale_only: bool = False) -> bytes:
    """The PO file of every record text in `language` (only the stale and missing ones with `stale_only`)."""
    status = translation_status(records, config, templates=False)
    confirmed = load_confirmations(config)
    catalog = language_catalog(config, config.languages[language].locale, _header(config, language, stale_only),
                               newest_release(records))  # the records' own date: the same content, the same bytes
    previous_ids: dict[str, str] = {}
    for text in record_texts(records, config, language):
        state = text_state(text, status, confirmed, language)
        if stale_only and state == "current":
            continue
        confirmation = confirmed.get((text.record.id, text.field, language))
        previous = text.previous(confirmation) if state == "stale" else None
        flags = ({"fuzzy"} if state == "stale" else set()) | ({NOT_BRACE_FORMAT} if "{" in text.source else set())
        message = catalog.add(text.source, text.translation or "", locations=[_location(text, config)],
                              flags=flags, auto_comments=_comments(text, config, language, state, previous),
                              context=text.key)
        message.flags -= BABEL_GUESSES
        if previous is not None:
            previous_ids[text.key] = previous
    buffer = BytesIO()
    write_po(buffer, catalog, width=WIDTH, sort_output=False)
    text = buffer.getvalue().decode("utf-8").replace('"Generated-By: Babel ', '"X-Generator: briefing with Babel ', 1)
    return _with_previous(text, previous_ids).encode("utf-8")


def _with_previous(text: str, previous_ids: dict[str, str]) -> str:
    """Each stale entry with its previous msgctxt and msgid as `#|` lines, right before its msgctxt.

    Why not Babel's `include_previous`: it wraps a long previous msgid as a
    comment, which breaks the string across `#|` lines no PO reader accepts.
    """
    for key, previous in previous_ids.items():
        context = f"msgctxt {normalize(key, width=WIDTH)}\n"
        lines = f"msgctxt {normalize(key, width=WIDTH)}\nmsgid {normalize(previous, width=WIDTH)}\n"
        block = "".join(f"#| {line}\n" for line in lines.splitlines())
        assert text.count(context) == 1, key
        text = text.replace(context, block + context, 1)
    return text


def _header(config: ProjectConfig, language: str, stale_only: bool) -> str:
    scope = "the stale and missing" if stale_only else "all"
    return (f"# {scope.capitalize()} record texts of {config.site_name}, {config.source_language} → {language}.\n"
            "# Translate msgstr; clear `fuzzy` once a stale translation matches its msgid again.\n"
            f"# Then: briefing i18n import <this file> (it refuses texts whose {config.source_language} "
            "changed since this export).")


def _location(text: RecordText, config: ProjectConfig) -> tuple[str, int]:
    where = text.record.document.position(text.yaml_path(config.source_language))
    try:
        name = text.record.path.relative_to(config.root).as_posix()
    except ValueError:
        name = text.record.path.as_posix()
    return name, where.line


def _comments(text: RecordText, config: ProjectConfig, language: str, state: str, previous: str | None
              ) -> list[str]:
    kind = getattr(text.record.model, "kind", None)
    what = f"{text.record.kind}, {kind}" if isinstance(kind, str) else text.record.kind
    comments = [f"Record {text.record.id} ({what}), field {text.field}"
                + (f", the {text.part} form of the name" if text.part else "")]
    if text.record.kind in PAGE_KINDS:
        comments.append("Page: " + absolute_url(config.site_url, page_url(language, text.record.kind, text.record.id)))
    if state == "stale" and previous is None:
        comments.append(f"Stale: never confirmed, or confirmed against a {config.source_language} text this file "
                        "cannot show; check the translation against the msgid")
    comments += _placeholder_notes(text.source)
    return comments


def _placeholder_notes(source: str) -> list[str]:
    """What the markup in a text is, so a translator keeps what the site fills in."""
    try:
        tokens = parse_text(source)
    except TextSyntaxError:
        return []
    values = sorted({f"{{{t.name}" + (f":{t.style}" if t.style else "") + "}" for t in tokens
                     if isinstance(t, Placeholder)})
    mentions = sorted({"{@" + ",".join(t.ids) + "}" for t in tokens if isinstance(t, Mention)})
    notes = []
    if values:
        notes.append(f"Keep {', '.join(values)} as written: the site puts in a number, date or amount, "
                     "formatted for the reader's language.")
    if mentions:
        notes.append(f"Names: {', '.join(mentions)} print the name of that record in the reader's language; keep "
                     "the id after @. Options after a colon choose the form (:short) and a grammatical case (:nom, "
                     ":gen, :dat, :acc, :bare) where the language declines names.")
    if any(isinstance(t, Quotation) for t in tokens):
        notes.append('{"…"} is a quotation set in the reader\'s quotation marks: translate the words inside, '
                     'keep {" and "}.')
    if "{{" in source or "}}" in source:
        notes.append("{{ and }} are literal braces.")
    return notes
