"""`briefing i18n …`: template catalogs and the translation status of records.

Thin wrappers over `generator.i18n.catalogs` and `generator.i18n.status`.
Why its own console and `--project` option instead of importing them from
`generator.cli`: that module mounts this one, and importing back would be a cycle.
Errors are printed by `generator.cli.main`, like those of every command.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from generator.config import ProjectConfig, load_config
from generator.errors import BriefingError, RecordsInvalidError
from generator.write import write_if_changed

if TYPE_CHECKING:
    from generator.i18n.catalogs import CatalogReport
    from generator.records.load import RecordSet

i18n_app = typer.Typer(
    help="Translate: template catalogs (extract → update → compile) and the status of record translations "
         "(status, confirm). Template msgids are English, so `en` needs no catalog.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
out = Console(highlight=False, soft_wrap=True, emoji=False)

ProjectOption = Annotated[Path, typer.Option("--project", "-p", help="Project folder holding mkdocs.yml.",
                                             file_okay=False)]
LanguageOption = Annotated[str | None, typer.Option("--language", "-l", help="Only this language, e.g. en.")]


def _print_reports(reports: list[CatalogReport], project: ProjectConfig) -> None:
    for report in reports:
        state = "updated" if report.changed else "unchanged"
        counts = f"{report.messages} message(s)"
        if report.untranslated or report.fuzzy:
            counts += f", {report.untranslated} untranslated, {report.fuzzy} fuzzy"
        out.print(f"{_relative(report.path, project)}: {counts} ({state})", markup=False)


def _relative(path: Path, config: ProjectConfig) -> str:
    try:
        return path.relative_to(config.root).as_posix()
    except ValueError:
        return str(path)


@i18n_app.command()
def extract(project: ProjectOption = Path(".")) -> None:
    """Collect the English template strings of templates/ and generator/ into locales/messages.pot."""
    from generator.i18n.catalogs import extract_catalog

    config = load_config(project)
    _print_reports([extract_catalog(config)], config)


@i18n_app.command()
def update(project: ProjectOption = Path(".")) -> None:
    """Merge locales/messages.pot into locales/<lang>/LC_MESSAGES/messages.po for every language but en.

    Creates missing catalogs and keeps every translation; changed strings come back fuzzy.
    """
    from generator.i18n.catalogs import update_catalogs

    config = load_config(project)
    _print_reports(update_catalogs(config), config)


@i18n_app.command("compile")
def compile_(project: ProjectOption = Path(".")) -> None:
    """Write messages.mo next to each catalog for gettext tools (builds read the .po files directly)."""
    from generator.i18n.catalogs import compile_catalogs

    config = load_config(project)
    _print_reports(compile_catalogs(config), config)


@i18n_app.command()
def status(project: ProjectOption = Path("."), language: LanguageOption = None) -> None:
    """List missing and stale record translations and untranslated template strings. Exit 1 if any."""
    from generator.i18n.status import translation_status

    config = load_config(project)
    if language is not None and language not in config.languages:
        raise BriefingError(f"language {language!r} is not configured (configured: {', '.join(config.codes)})")
    records = _load_records(config)
    result = translation_status(records, config)
    if language is not None:
        result = result.for_language(language)
    for code in [language] if language else config.codes:
        part = result.for_language(code)
        if part.clean:
            out.print(f"{code}: complete", markup=False)
            continue
        out.print(f"{code}: {part.summary()}", markup=False)
        for kind in ("missing", "stale"):
            for gap in sorted(part.records, key=lambda g: g.problem):
                if gap.kind == kind:
                    out.print(f"  {gap.problem}", markup=False)
        for template_gap in sorted(part.templates, key=lambda g: g.problem):
            out.print(f"  {template_gap.problem}", markup=False)
    out.print(f"{len(records)} records, {len(config.codes)} languages: {result.summary()}", markup=False)
    if not result.clean:
        raise typer.Exit(1)


@i18n_app.command()
def confirm(
    ids: Annotated[list[str] | None, typer.Argument(help="Record ids to confirm (default: all).",
                                                    show_default=False)] = None,
    language: LanguageOption = None,
    project: ProjectOption = Path("."),
) -> None:
    """Record that the translations of IDS match their current source (de) text, in locales/confirmed.yaml.

    Run it after checking or updating a translation; `status` then stops reporting it as stale
    until the source text changes again.
    """
    from generator.i18n.status import confirm as confirm_translations

    config = load_config(project)
    records = _load_records(config)
    report = confirm_translations(records, config, language=language, ids=ids or None)
    state = "updated" if report.changed else "unchanged"
    dropped = f", dropped {report.removed} outdated" if report.removed else ""
    out.print(f"{_relative(report.path, config)}: confirmed {report.confirmed} translation(s){dropped} ({state})",
              markup=False)


@i18n_app.command("export")
def export_(
    language: Annotated[str, typer.Option("--language", "-l", help="The language to translate into, e.g. en.")],
    stale_only: Annotated[bool, typer.Option("--stale-only", help="Only the texts that need a translator: "
                                             "stale (fuzzy) and missing ones.")] = False,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the PO file here (default: "
                                                "standard output).", dir_okay=False)] = None,
    project: ProjectOption = Path("."),
) -> None:
    """Write the record texts as a PO file: msgid the source (de) text, msgstr the translation.

    Stale translations come fuzzy, with the source text they were confirmed against as `#| msgid`.
    Translate in any PO editor, then `briefing i18n import FILE`.
    """
    from generator.i18n.po_export import export_po
    from generator.i18n.status import target_language

    config = load_config(project)
    data = export_po(_load_records(config), config, target_language(config, language), stale_only=stale_only)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    write_if_changed(output, data)
    entries = data.count(b"\nmsgctxt ")
    out.print(f"{output}: {entries} text(s) to translate into {language}", markup=False)


@i18n_app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="The PO file, as `briefing i18n export` wrote it and a translator "
                                         "edited it.", dir_okay=False)],
    project: ProjectOption = Path("."),
) -> None:
    """Write the translations of FILE into the records and confirm them.

    Fuzzy entries are skipped. Refuses the whole file (and writes nothing) when an entry names an unknown text,
    its source text changed since the export, or its translation would not pass the checks.
    """
    from generator.i18n.po_import import import_po
    from generator.i18n.word_diff import word_diff

    config = load_config(project)
    report = import_po(file, _load_records(config), config)
    for change in report.changes:
        where = f"{_relative(change.text.record.path, config)}: {change.text.key}"
        if change.changed and change.text.translation is None:
            out.print(f"{where}: added {change.new!r}", markup=False)
        elif change.changed:
            out.print(f"{where}: {word_diff(change.text.translation, change.new)}", markup=False)
        elif (change.text.record.id, change.text.field, report.language) in report.confirmed:
            out.print(f"{where}: confirmed as it is", markup=False)
    updated = sum(1 for change in report.changes if change.changed)
    out.print(f"{report.language}: {updated} text(s) changed in {len(report.files)} file(s), "
              f"{len(report.confirmed)} field(s) newly confirmed", markup=False)
    if report.fuzzy:
        out.print(f"{len(report.fuzzy)} fuzzy entr{'y' if len(report.fuzzy) == 1 else 'ies'} not imported "
                  f"(clear the fuzzy flag once the translation is done): {', '.join(report.fuzzy)}", markup=False)
    if report.untranslated:
        out.print(f"{report.untranslated} entr{'y' if report.untranslated == 1 else 'ies'} without a translation",
                  markup=False)


def _load_records(config: ProjectConfig) -> RecordSet:
    """All records, or an error when any fails to load: status and confirm need them all."""
    from generator.records.load import load_records

    records, problems = load_records(config.content_dir, config.codes, config.limits)
    errors = [problem for problem in problems if problem.severity == "error"]
    if errors:
        raise RecordsInvalidError(errors)
    return records
