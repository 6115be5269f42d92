"""`briefing i18n import FILE`: translations from a PO file back into the YAML records, then confirmed.

A PO file comes back from outside (an editor, Weblate, an agency), so it is
read as semi-trusted: every entry must name, by its `msgctxt`, a text that
`generator.i18n.record_texts` lists, its `msgid` must still be the source
text (else the German changed since the export, and the entry is refused),
and the records it changes must still validate and pass every check. Any
fault refuses the whole file, naming each entry; nothing is written then.
Fuzzy entries are the translator's "not done yet" and are skipped.

Only the spans of the changed texts are rewritten (`generator.i18n.yaml_splice`),
so comments, key order, quoting and the `# yaml-language-server` line stay.
"""

from __future__ import annotations

import copy
import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, read_po
from pydantic import ValidationError

from generator.checks import run_checks
from generator.config import ProjectConfig
from generator.errors import BriefingError, CatalogSyntaxError, ContentError, Problem
from generator.i18n.confirmations import (
    Confirmation,
    Key,
    fingerprint,
    load_confirmations,
    migrate,
    write_confirmations,
)
from generator.i18n.po_syntax import PoGrammarError, scan_po
from generator.i18n.record_texts import RecordText, record_texts
from generator.i18n.status import source_texts, target_language
from generator.i18n.word_diff import word_diff
from generator.i18n.yaml_splice import set_texts
from generator.records import KINDS
from generator.records.load import Record, RecordSet
from generator.records.text import Placeholder, TextSyntaxError, parse_text
from generator.records.walk import localized
from generator.write import write_if_changed
from generator.yaml_reader import FieldPath, dotted, parse_yaml

MAX_PO_BYTES = 32 * 1024 * 1024
"""A PO file of every text of a large archive is a few MiB; a larger one is no export of ours."""


@dataclass(frozen=True)
class TextChange:
    """One text the import wrote, or confirmed unchanged."""

    text: RecordText
    new: str

    @property
    def changed(self) -> bool:
        return self.new != self.text.translation


@dataclass(frozen=True)
class ImportReport:
    language: str
    changes: tuple[TextChange, ...]
    """Every entry imported, in file order (unchanged ones too: they were confirmed)."""
    confirmed: tuple[Key, ...]
    """The fields newly confirmed: those already confirmed against the same source text are not listed."""
    fuzzy: tuple[str, ...]
    """Keys of the fuzzy entries, which were not imported."""
    untranslated: int
    files: tuple[Path, ...]
    """The record files written."""


def import_po(path: Path, records: RecordSet, config: ProjectConfig) -> ImportReport:
    """Write the translations of the PO file at `path` into the records and confirm them.

    Raises:
        CatalogSyntaxError: the file is no valid PO.
        ContentError: any entry is refused; each is listed and nothing is written.
    """
    catalog = _read(path)
    language = _language(catalog, config, path)
    texts = {text.key: text for text in record_texts(records, config, language)}
    problems: list[Problem] = []
    changes: list[TextChange] = []
    fuzzy: list[str] = []
    untranslated = 0
    seen: dict[str, int] = {}
    for message in catalog:
        if not message.id:
            continue
        problem = _refusal(message, texts, seen, path)
        if problem is not None:
            problems.append(problem)
            continue
        text = texts[str(message.context)]
        if message.fuzzy:
            fuzzy.append(text.key)
        elif not str(message.string).strip():
            untranslated += 1
        else:
            change = TextChange(text, str(message.string))
            found = _translation_problem(message, change, path, config.source_language)
            problems += [found] if found else []
            changes.append(change)
    files = _new_files(changes, records, config, language, problems)
    if problems:
        raise ContentError(problems)
    written = tuple(record_path for record_path, data in files.items() if write_if_changed(record_path, data))
    confirmed = _confirm(changes, texts, records, config, language)
    return ImportReport(language, tuple(changes), confirmed, tuple(fuzzy), untranslated, written)


def _read(path: Path) -> Catalog:
    if not path.is_file():
        raise BriefingError(f"{path}: no such file (give the PO file `briefing i18n export` wrote)")
    if path.stat().st_size > MAX_PO_BYTES:
        raise BriefingError(f"{path}: larger than {MAX_PO_BYTES // 2**20} MiB, no export of record texts")
    data = path.read_bytes()
    try:
        scan_po(data)
        return read_po(BytesIO(data), abort_invalid=True)
    except PoGrammarError as fault:
        raise CatalogSyntaxError(path, fault.line, fault.message, fault.hint) from None
    except PoFileError as exc:
        raise CatalogSyntaxError(path, exc.lineno + 1, str(exc).rsplit(" on ", 1)[0],
                                 "fix the line; see `msgfmt --check`") from None
    except ValueError as exc:
        raise CatalogSyntaxError(path, 1, f"cannot read the header: {exc}",
                                 "keep the header `briefing i18n export` wrote") from None


def _language(catalog: Catalog, config: ProjectConfig, path: Path) -> str:
    """The configured language whose locale (`en_GB`, as the export writes it) or code (`en`) the header names."""
    if catalog.locale is None:
        raise BriefingError(f"{path}: the header names no Language; keep the header `briefing i18n export` wrote")
    named = str(catalog.locale)
    by_locale = {str(language.locale): code for code, language in config.languages.items()}
    return target_language(config, by_locale.get(named, named))


def _refusal(message: Message, texts: dict[str, RecordText], seen: dict[str, int], path: Path) -> Problem | None:
    """Why an entry cannot be imported at all: not ours, twice in the file, or its source text changed."""
    line = message.lineno
    key = str(message.context) if message.context else ""

    def refuse(text: str, hint: str) -> Problem:
        return Problem(path, line, 1, key or "(no msgctxt)", text, hint, code="import")

    if not key:
        return refuse("entry without msgctxt", "import only files that `briefing i18n export` wrote")
    if isinstance(message.id, (list, tuple)):
        return refuse("entry with plural forms", "record texts have none; export the file again")
    if key in seen:
        return refuse(f"msgctxt {key!r} is already used on line {seen[key]}", "keep one of the two entries")
    seen[key] = line
    text = texts.get(key)
    if text is None:
        close = difflib.get_close_matches(key, list(texts), n=1)
        record = key.split(":", 1)[0]
        known = any(other.startswith(record + ":") for other in texts)
        why = "that record has no such translatable field" if known else "no record has that id"
        return refuse(f"unknown text {key!r}: {why}", f"did you mean {close[0]!r}?" if close
                      else "export the file again; records or fields may have been renamed")
    if fingerprint(message.id) != fingerprint(text.source):
        return refuse(f"the source text changed since the export: {word_diff(message.id, text.source)}",
                      f"export again (`briefing i18n export --language ...`) and translate the new text; "
                      f"nothing was imported from {path.name}")
    return None


def _translation_problem(message: Message, change: TextChange, path: Path, source: str) -> Problem | None:
    """A translation that would break the text: bad markup, or not the placeholders of the source."""
    def values(text: str) -> set[str]:
        return {token.name for token in parse_text(text) if isinstance(token, Placeholder)}

    try:
        wanted, found = values(change.text.source), values(change.new)
    except TextSyntaxError as error:
        return Problem(path, message.lineno, 1, change.text.key, f"msgstr: {error}", "fix the markup",
                       code="import")
    if wanted != found:
        names = ", ".join(f"{{{name}}}" for name in sorted(wanted ^ found))
        return Problem(path, message.lineno, 1, change.text.key,
                       f"msgstr does not have the placeholders of the {source} text ({names})",
                       "keep every {name} of the msgid, once or more, and add none", code="import")
    return None


def _new_files(changes: list[TextChange], records: RecordSet, config: ProjectConfig, language: str,
               problems: list[Problem]) -> dict[Path, bytes]:
    """The new bytes of every record file with a changed text, checked as a build would check them."""
    by_record: dict[str, dict[FieldPath, str]] = {}
    for change in changes:
        if change.changed:
            by_record.setdefault(change.text.record.id, {})[change.text.yaml_path(language)] = change.new
    files: dict[Path, bytes] = {}
    replaced: dict[str, Record] = {}
    for record_id, values in by_record.items():
        record = records.get(record_id)
        assert record is not None
        data, new = _spliced(record, values, config)
        files[record.path] = data
        if isinstance(new, Record):
            replaced[record_id] = new
        else:
            problems.extend(new)
    if replaced and not problems:
        problems.extend(_new_check_problems(records, replaced, config))
    return files


def _spliced(record: Record, values: dict[FieldPath, str], config: ProjectConfig
             ) -> tuple[bytes, Record | list[Problem]]:
    """The record file with `values` set, read back: the first spelling that says what was meant."""
    text = record.path.read_text(encoding="utf-8")
    expected = _expected(record.document.data, values)
    for quoted in (False, True):
        data = set_texts(text, _grouped(record.document.data, values), after_key=config.source_language,
                         quoted=quoted).encode("utf-8")
        document, _ = parse_yaml(record.path, data, config.limits)
        if document is not None and document.data == expected:
            break
    else:
        raise AssertionError(f"{record.path}: the spliced YAML does not read back as written")
    try:
        model = KINDS[record.kind].model_validate(document.data, context={"languages": config.codes})
    except ValidationError as error:
        return data, [Problem(record.path, None, None, ".".join(map(str, e["loc"])), e["msg"],
                              "fix the translation in the PO file", code="import")
                      for e in error.errors(include_url=False)]
    return data, Record(record.kind, record.id, model, record.path, document)


def _grouped(data: Any, values: dict[FieldPath, str]) -> dict[FieldPath, Any]:
    """The values, those under a mapping the file lacks (a name's `en:`) gathered into one new mapping."""
    grouped: dict[FieldPath, Any] = {}
    for path, value in values.items():
        if _exists(data, path[:-1]):
            grouped[path] = value
        else:
            grouped.setdefault(path[:-1], {})[path[-1]] = value
    return grouped


def _exists(data: Any, path: FieldPath) -> bool:
    for part in path:
        inside = (isinstance(data, dict) and part in data) or (
            isinstance(data, list) and isinstance(part, int) and part < len(data))
        if not inside:
            return False
        data = data[part]
    return True


def _expected(data: Any, values: dict[FieldPath, str]) -> Any:
    expected = copy.deepcopy(data)
    for path, value in values.items():
        node = expected
        for part in path[:-1]:
            node = node.setdefault(part, {}) if isinstance(node, dict) else node[part]
        node[path[-1]] = value
    return expected


def _new_check_problems(records: RecordSet, replaced: dict[str, Record], config: ProjectConfig
                        ) -> Iterator[Problem]:
    """Errors the checks find in the changed records that they did not find before."""
    after = RecordSet([replaced.get(record.id, record) for record in records], records.broken)
    paths = {record.path for record in replaced.values()}

    def errors(found: list[Problem]) -> set[tuple[Any, ...]]:
        return {(p.path, p.field, p.message) for p in found if p.severity == "error" and p.path in paths}

    before = errors(run_checks(records, config.codes, config.languages))
    for problem in run_checks(after, config.codes, config.languages):
        if problem.severity == "error" and problem.path in paths and (
                problem.path, problem.field, problem.message) not in before:
            yield Problem(problem.path, problem.line, problem.column, problem.field, problem.message,
                          "fix the translation in the PO file and import it again", code="import")


def _confirm(changes: list[TextChange], texts: dict[str, RecordText], records: RecordSet, config: ProjectConfig,
             language: str) -> tuple[Key, ...]:
    """Confirm every field whose every string (a name's every form) the file translated."""
    imported = {change.text.key for change in changes}
    units: dict[Key, list[str]] = {}
    for text in texts.values():
        units.setdefault((text.record.id, text.field, language), []).append(text.key)
    done = sorted(key for key, members in units.items() if all(member in imported for member in members))
    if not done:
        return ()
    before = load_confirmations(config)
    confirmed = migrate(before, source_texts(records, config))
    for record_id, field, lang in done:
        record = records.get(record_id)
        assert record is not None
        confirmed[(record_id, field, lang)] = Confirmation.of(_source(record, field, config.source_language))
    write_confirmations(config, confirmed)
    return tuple(key for key in done if key not in before or before[key].fingerprint != confirmed[key].fingerprint)


def _source(record: Record, field: str, source: str) -> Any:
    return next(value[source] for path, value in localized(record.fields) if dotted(path) == field)
