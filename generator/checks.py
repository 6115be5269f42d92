"""Cross-record checks: small functions that each yield the problems of one kind.

A record can be valid on its own and still be wrong in the whole: a
reference to nothing, a placeholder with no value, a translation missing.
Each check here takes the record set and the configured languages; the
runner collects all of them so one run shows everything.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import partial

from babel import Locale, UnknownLocaleError

from generator.config import LanguageConfig
from generator.errors import Problem
from generator.i18n import language as make_language
from generator.i18n.format import FORMATTERS, format_value
from generator.iptc import MEDIA_TOPICS, media_topic_uri
from generator.markup import markup_problems
from generator.records.base import MissingNameFormError, RefId
from generator.records.load import Record, RecordSet
from generator.records.text import Mention, Placeholder, Quotation, parse_text
from generator.records.values import value_kind
from generator.records.walk import localized, localized_texts

MENTIONABLE = ("people", "organisations", "places", "events")
ROOT_KINDS = ("briefings", "dossiers")

Check = Callable[[RecordSet, Sequence[str]], Iterator[Problem]]


def _suggest(wanted: str, candidates: list[str], otherwise: str = "create the record or fix the id") -> str:
    close = difflib.get_close_matches(wanted, candidates, n=1)
    return f"did you mean {close[0]!r}?" if close else otherwise


def placeholder_names(model: object) -> set[str]:
    """Names a record's text may use: its values, and `date` when it has a date or an event."""
    names = set(getattr(model, "values", {}))
    if getattr(model, "date", None) or getattr(model, "event", None):
        names.add("date")
    return names


def _references(record: Record) -> Iterator[tuple[tuple, str, tuple[str, ...]]]:
    """Every reference a record makes: typed fields and mentions inside text."""
    for path, value in record.fields:
        if isinstance(value, RefId):
            yield path, str(value), value.kinds
        elif isinstance(value, str) and path and not isinstance(value, RefId):
            for token in parse_text(value):
                if isinstance(token, Mention):
                    for mentioned in token.ids:
                        yield path, mentioned, MENTIONABLE


def check_references(records: RecordSet, languages: Sequence[str]) -> Iterator[Problem]:
    """Every reference resolves to an existing record of an allowed kind."""
    for record in records:
        for path, target_id, kinds in _references(record):
            target = records.get(target_id)
            if target is None and records.broken.get(target_id) in kinds:
                continue  # the target's own file is broken and reported already
            if target is None:
                candidates = [r.id for r in records if r.kind in kinds]
                yield record.problem(path, f"unknown {' or '.join(kinds)} id {target_id!r}",
                                     _suggest(target_id, candidates), code="unknown-reference")
            elif target.kind not in kinds:
                yield record.problem(path, f"{target_id!r} is in {target.kind}, expected {' or '.join(kinds)}",
                                     "refer to a record of the right kind", code="wrong-kind")


def _mentions_in_a_case(text: str) -> Iterator[tuple[str, Mention]]:
    """Each id a text mentions in a grammatical case, with its mention; a repeated mention once."""
    for token in dict.fromkeys(parse_text(text)):
        if isinstance(token, Mention) and token.case:
            for mentioned in token.ids:
                yield mentioned, token


def check_name_cases(records: RecordSet, languages: Sequence[str]) -> Iterator[Problem]:
    """A mention in a case (`{@bundestag:dat}`) names a record whose name in the text's language gives that case."""
    for record in records:
        for path, text in localized_texts(record.fields):
            language = str(path[-1])
            for mentioned, token in _mentions_in_a_case(text):
                target = records.get(mentioned)
                forms = target.model.name.get(language) if target and target.kind in MENTIONABLE else None
                if forms is None:
                    continue  # check_references and check_translations report these
                try:
                    forms.inflect(language, token.case, short=token.form == "short")
                except MissingNameFormError as missing:
                    form = "short " if token.form == "short" else ""
                    yield record.problem(
                        path, f"{mentioned!r} in the {token.case} case: its {form}{language} name {missing}",
                        f"{missing.hint} under name.{language} in {target.kind}/{mentioned}.yaml", code="name-case")


def check_cycles(records: RecordSet, languages: Sequence[str]) -> Iterator[Problem]:
    """Containment (`within`, `part_of`) never loops back on itself."""
    parent: dict[str, tuple[str, tuple]] = {}
    for record in records:
        for path, value in record.fields:
            if isinstance(value, RefId) and value.hierarchical:
                parent[record.id] = (str(value), path)
    reported: set[str] = set()
    for start in sorted(parent):
        chain, current = [start], parent[start][0]
        while current in parent and current not in chain:
            chain.append(current)
            current = parent[current][0]
        if current == start and start not in reported:
            reported.update(chain)
            record = records.get(start)
            assert record is not None
            loop = " → ".join(chain + [start])
            yield record.problem(parent[start][1], f"reference cycle {loop}", "break the loop", code="cycle")


def check_translations(records: RecordSet, languages: Sequence[str]) -> Iterator[Problem]:
    """Every localized text has every configured language."""
    for record in records:
        for path, value in localized(record.fields):
            for language in languages:
                if language not in value:
                    yield record.problem(path, f"missing translation: {language}",
                                         f"add `{language}:` with the text in that language",
                                         code="missing-translation")


def check_placeholders(records: RecordSet, languages: Sequence[str]) -> Iterator[Problem]:
    """Placeholders name a value of the record; every value is used in every language."""
    for record in records:
        values = getattr(record.model, "values", {})
        available = placeholder_names(record.model)
        for path, text in localized_texts(record.fields):
            names = {t.name for t in parse_text(text) if isinstance(t, Placeholder)}
            for name in sorted(names - available):
                yield record.problem(path, f"placeholder {{{name}}} has no value",
                                     _suggest(name, sorted(available), f"add {name}: under values"),
                                     code="unknown-placeholder")
            if path[:-1] == ("text",):
                for name in sorted(set(values) - names):
                    yield record.problem(path, f"value {name!r} is not used in the text",
                                         f"write {{{name}}} where it belongs", code="unused-value")


def check_placeholder_styles(records: RecordSet, languages: Sequence[str]) -> Iterator[Problem]:
    """A placeholder style (`{amount:compact}`) exists for the kind of value it formats."""
    for record in records:
        values = getattr(record.model, "values", {})
        available = placeholder_names(record.model)  # check_placeholders reports the other names
        for path, text in localized_texts(record.fields):
            for token in parse_text(text):
                if not isinstance(token, Placeholder) or token.style is None or token.name not in available:
                    continue
                kind = value_kind(values[token.name]) if token.name in values else "date"
                allowed = FORMATTERS[kind].styles if kind else ()
                if token.style not in allowed:
                    hint = f"use one of: {', '.join(allowed)}" if allowed else "remove the style"
                    yield record.problem(path, f"{{{token.name}:{token.style}}}: a {kind} "
                                         f"has no style {token.style!r}", hint, code="unknown-style")


_TYPED_VALUES = tuple(formatter.model for formatter in FORMATTERS.values())


def check_formatting(records: RecordSet, languages: Sequence[str],
                     locales: Mapping[str, LanguageConfig] | None = None) -> Iterator[Problem]:
    """Every typed value formats in every language: in its default style, and in each style its text asks for.

    Why, besides the bounds in `generator.records.values`: the bounds give the
    friendly message, and this check makes "what validates, builds" true by
    construction. It formats exactly what the outputs will format, so any
    value the bounds miss is refused here, with its file, line and field,
    instead of stopping the build with a traceback.

    Args:
        locales: The configured language of each code (`de` → de_DE); where
            a code has none, Babel's locale of that code.
    """
    configured = {code: lang for code in languages if (lang := (locales or {}).get(code) or _language_of(code))}
    for record in records:
        for path, value in record.fields:
            if not isinstance(value, _TYPED_VALUES):
                continue
            failures = {str(lang.locale): error for lang in configured.values()
                        if (error := _format_error(value, lang, None))}
            if failures:
                yield record.problem(path, f"cannot be printed in {', '.join(failures)}: "
                                     f"{next(iter(failures.values()))}",
                                     "change the value; validation should have refused it, so please report "
                                     "this case too", code="unprintable")
        for path, text in localized_texts(record.fields):
            lang = configured.get(str(path[-1]))
            for token in parse_text(text):
                if lang is None or not isinstance(token, Placeholder) or token.style is None:
                    continue
                value = _placeholder_value(record, token.name, records)
                kind = value_kind(value) if value is not None else None
                if kind is None or token.style not in FORMATTERS[kind].styles:
                    continue  # check_placeholders and check_placeholder_styles report these
                if error := _format_error(value, lang, token.style):
                    yield record.problem(path, f"{{{token.name}:{token.style}}}: {error}",
                                         "drop the style or change the value", code="unprintable")


def _placeholder_value(record: Record, name: str, records: RecordSet) -> object | None:
    """The typed value `{name}` stands for: a value of the record, or for `date` its own or its event's date."""
    model = record.model
    values = getattr(model, "values", {})
    if name in values or name != "date":
        return values.get(name)
    event = records.get(model.event) if getattr(model, "event", None) else None
    return getattr(model, "date", None) or (getattr(event.model, "date", None) if event else None)


def _language_of(code: str) -> LanguageConfig | None:
    """Babel's locale for a language code; None when it has none (the configuration reports that)."""
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return None
    return make_language(str(locale), "\"\"''")  # the quotation marks play no part in formatting


def _format_error(value: object, lang: LanguageConfig, style: str | None) -> str | None:
    """Why `value` does not format in `lang` and `style`, or None when it does.

    The words a catalog gives (`rund`, `Tausende`) are the English msgids here:
    whether a value prints does not depend on them, and whether each language
    translates them is the template catalogs' check (`briefing i18n status`).
    """
    try:
        format_value(value, lang, style, unknown_date="?", gettext=_msgid)
    except Exception as exc:  # any failure here would be a traceback in the build
        return str(exc) if isinstance(exc, ValueError) else f"{type(exc).__name__}: {exc}"
    return None


def _msgid(message: str) -> str:
    return message


def check_markup(records: RecordSet, languages: Sequence[str]) -> Iterator[Problem]:
    """Inline Markdown in text stays prose: no images, only web and mail links."""
    for record in records:
        for path, text in localized_texts(record.fields):
            for message in markup_problems(text):
                yield record.problem(path, message, "text may link to https:// or mailto: addresses only; "
                                     "images belong in the templates", code="markup")


def check_quotes(records: RecordSet, languages: Sequence[str]) -> Iterator[Problem]:
    """Only verbatim words are quoted, every statement says who made it, and quoted words say their language.

    Why: a reader takes quotation marks and block quotes as the speaker's own
    words, so reported speech must not look like a quote, and a quote must
    not hide its quoted words in reported speech.
    """
    for record in records.of_kind("statements"):
        statement = record.model
        quoted = {str(path[-1]): any(isinstance(t, Quotation) for t in parse_text(text))
                  for path, text in localized_texts(record.fields) if path[:-1] == ("text",)}
        if statement.kind in ("quote", "partial-quote") and statement.quote is None:
            yield record.problem(("kind",), f"a {statement.kind} needs `quote:` with the language of its wording",
                                 "add quote: {language: de} (and spoken_language when known)", code="quote")
        for language, has_quoted_words in quoted.items():
            if statement.kind == "quote" and has_quoted_words:
                yield record.problem(("text", language), 'a quote is the speaker\'s words alone, without {"…"}',
                                     'write the words without quotation marks, or use kind: partial-quote for '
                                     'reported speech with quoted words', code="quote")
            elif statement.kind == "partial-quote" and not has_quoted_words:
                yield record.problem(("text", language), 'a partial-quote marks its quoted words as {"…"}',
                                     'put the speaker\'s own words in {"…"}, or use kind: reported', code="quote")
            elif statement.kind in ("reported", "position") and has_quoted_words:
                yield record.problem(("text", language), f'{{"…"}} marks quoted words, which a {statement.kind} '
                                     "statement has none of", "use kind: partial-quote", code="quote")
        if statement.speaker is None and statement.actor is None and statement.unnamed is None:
            yield record.problem(("kind",), "a statement needs someone who made it",
                                 "add speaker:, actor:, or unnamed: {de: Regierungskreise, en: government "
                                 "sources} as the report words it", code="attribution")
        if statement.speaker is not None and statement.unnamed is not None:
            yield record.problem(("unnamed",), "a statement with a speaker is not from unnamed sources",
                                 "keep speaker: or unnamed:, not both", code="attribution")
        if statement.stances and statement.actor is None:
            yield record.problem(("stances",), "a stance in the positions matrix belongs to a state or body",
                                 "add actor: with the state or body it speaks for", code="attribution")
        if statement.kind == "position" and statement.speaker is None and not statement.stances:
            yield record.problem(("stances",), "a position without a speaker needs at least one stance",
                                 "add stances: [{topic: …, answer: …, note: …}]", code="quote")


SECTION_KINDS: dict[str, tuple[str, ...]] = {
    "key-points": ("facts", "statements", "events"),
    "key-figures": ("facts",),
    "quotes": ("statements",),
    "positions": ("statements",),
    "context": ("facts", "statements", "events"),
    "outlook": ("facts", "statements", "events"),
}
"""The kinds of record each section role lays out; anything else cannot be shown there."""


def check_sections(records: RecordSet, languages: Sequence[str]) -> Iterator[Problem]:
    """Each section holds only what its role can show: what validates, renders.

    Why a check of its own: a section's items are typed as facts, statements
    or events, but a quote needs someone who said it, a key figure a value
    and a caption, and a positions matrix stances.
    """
    for record in records.of_kind("briefings"):
        for index, section in enumerate(record.model.sections):
            accepted = SECTION_KINDS[section.role]
            for position, item_id in enumerate(section.items):
                item = records.get(item_id)
                path = ("sections", index, "items", position)
                if item is None:
                    continue  # check_references reports it
                if item.kind not in accepted:
                    yield record.problem(path, f"a {section.role} section cannot show {item.kind} ({item_id!r})",
                                         f"it shows {' and '.join(accepted)}; move {item_id!r} to a key-points, "
                                         "context or outlook section", code="section")
                elif section.role == "positions" and not item.model.stances:
                    yield record.problem(path, f"{item_id!r} takes no stance, so the positions matrix has no "
                                         "cell for it", "add stances: to the statement, or show it under quotes",
                                         code="section")
                elif section.role == "key-figures" and (item.model.figure is None or item.model.label is None):
                    missing = " and ".join(f"`{name}:`" for name in ("figure", "label")
                                           if getattr(item.model, name) is None)
                    yield record.problem(path, f"{item_id!r} has no {missing}, so it has no key figure to show",
                                         f"add figure: <one of {', '.join(item.model.values) or 'its values'}> "
                                         "and label: {de: …, en: …} to the fact", code="section")


def check_key_figures(records: RecordSet, languages: Sequence[str]) -> Iterator[Problem]:
    """A fact's `figure` names one of its values."""
    for record in records.of_kind("facts"):
        fact = record.model
        if fact.figure is not None and fact.figure not in fact.values:
            yield record.problem(("figure",), f"figure {fact.figure!r} is not one of the fact's values",
                                 _suggest(fact.figure, sorted(fact.values), "add it under values"), code="figure")


def check_unreferenced(records: RecordSet, languages: Sequence[str]) -> Iterator[Problem]:
    """Warn about records that no briefing, dossier or other record uses."""
    used = {target for record in records for _, target, _ in _references(record)}
    for record in records:
        if record.kind not in ROOT_KINDS and record.id not in used:
            yield record.problem((), "nothing refers to this record", "use it in a briefing or delete it",
                                 severity="warning", code="unreferenced")


def check_editorial(records: RecordSet, languages: Sequence[str]) -> Iterator[Problem]:
    """A briefing's editorial state is complete and its dates agree.

    Why errors, not warnings: every output decides from these fields whether a
    briefing may leave the house (see `generator.editorial`); an embargo
    without a time or a withdrawal without its notice cannot be honoured.
    """
    for record in records.of_kind("briefings"):
        briefing = record.model
        if briefing.status == "embargoed" and briefing.embargo is None:
            yield record.problem(("status",), "an embargoed briefing needs `embargo:` with the time it lifts",
                                 'add embargo: {datetime: "2026-01-07T09:00:00+01:00", zone: Europe/Berlin}',
                                 code="editorial")
        if briefing.status == "withdrawn":
            for field, hint in (("withdrawal", "add withdrawal: {de: …, en: …} saying why"),
                                ("withdrawn", 'add withdrawn: {datetime: "…+01:00", zone: Europe/Berlin}')):
                if getattr(briefing, field) is None:
                    yield record.problem(("status",), f"a withdrawn briefing needs `{field}:`", hint,
                                         code="editorial")
        if briefing.embargo and briefing.embargo.datetime > briefing.published.datetime:
            yield record.problem(("embargo",), "the embargo lifts after the briefing's first publication",
                                 "set published to the embargo time or later", code="editorial")
        previous = briefing.published.datetime
        for index, correction in enumerate(briefing.corrections):
            if correction.date.datetime < previous:
                yield record.problem(("corrections", index, "date"),
                                     "a correction predates the publication or the correction before it",
                                     "list corrections oldest first, after published", code="editorial")
            previous = max(previous, correction.date.datetime)
        if briefing.withdrawn and briefing.withdrawn.datetime < previous:
            yield record.problem(("withdrawn",), "the withdrawal predates the publication or a correction",
                                 "a briefing is withdrawn after it was published", code="editorial")


def check_media_topics(records: RecordSet, languages: Sequence[str]) -> Iterator[Problem]:
    """Warn about a well-formed Media Topic code whose IPTC labels `generator.iptc` lacks.

    Why a warning: the code may be real (ninjs carries it with its URI), but
    until its labels are added no one has checked it against IPTC, and
    partners' systems show it without a name.
    """
    for record in [*records.of_kind("topics"), *records.of_kind("briefings")]:
        for index, code in enumerate(record.model.iptc_media_topics):
            if code not in MEDIA_TOPICS:
                yield record.problem(("iptc_media_topics", index), f"{code} is not a Media Topic briefing knows",
                                     f"check it at {media_topic_uri(code)} and add its labels to generator/iptc.py",
                                     severity="warning", code="media-topic")


CHECKS: tuple[Check, ...] = (
    check_references,
    check_name_cases,
    check_cycles,
    check_translations,
    check_placeholders,
    check_placeholder_styles,
    check_formatting,
    check_markup,
    check_quotes,
    check_sections,
    check_key_figures,
    check_unreferenced,
    check_editorial,
    check_media_topics,
)


def run_checks(records: RecordSet, languages: Sequence[str],
               locales: Mapping[str, LanguageConfig] | None = None) -> list[Problem]:
    """All problems every check finds, in file order.

    Args:
        locales: The configured language of each code, for `check_formatting`.
    """
    checks = [partial(check_formatting, locales=locales) if check is check_formatting else check
              for check in CHECKS]
    return sorted(problem for check in checks for problem in check(records, languages))
