"""The `briefing` command: thin wrappers over the stages in `generator`."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from generator.cli_i18n import i18n_app
from generator.errors import BriefingError

app = typer.Typer(
    help="Keep the canonical facts of news stories and publish them as localized briefings, "
         "a static site, PDF dossiers and exports.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(i18n_app, name="i18n")
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

ProjectOption = Annotated[Path, typer.Option("--project", "-p", help="Project folder holding mkdocs.yml.",
                                             file_okay=False)]


def _fail(error: BriefingError) -> typer.Exit:
    err.print(str(error), markup=False)
    return typer.Exit(error.exit_code)


@app.command()
def validate(
    path: Annotated[Path | None, typer.Argument(help="Content folder to check (default: the project's).")] = None,
    project: ProjectOption = Path("."),
    strict: Annotated[bool, typer.Option(help="Fail on warnings too.")] = False,
) -> None:
    """Check every record: syntax, fields, references, translations. Exit 1 on errors."""
    from generator.validate import validate_content

    try:
        report = validate_content(project, path)
    except BriefingError as error:
        raise _fail(error) from None
    for problem in report.problems:
        out.print(str(problem), markup=False)
    out.print(report.summary(), markup=False)
    if report.errors or (strict and report.warnings):
        raise typer.Exit(1)


@app.command()
def schema(project: ProjectOption = Path(".")) -> None:
    """Write the JSON Schema of every record kind to schemas/ for editor completion."""
    from generator.schema import write_schemas

    for path in write_schemas(project.resolve()):
        out.print(f"wrote {path}", markup=False)


DraftOption = Annotated[bool, typer.Option("--draft/--strict", help="--strict (the default) refuses missing and "
                                                                   "stale translations with a list of them; --draft "
                                                                   "renders them with a visible mark.")]
NowOption = Annotated[datetime | None, typer.Option(help="The build's current time for embargoes "
                                                          "(ISO 8601 with offset); default: the clock.")]


def _now(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        raise typer.BadParameter("give a UTC offset, e.g. 2026-01-07T09:00:00+01:00", param_hint="--now")
    return value


@app.command()
def build(project: ProjectOption = Path("."), draft: DraftOption = False, now: NowOption = None) -> None:
    """Build the site, PDFs and exports into the site folder, replacing it only on success."""
    from generator.build import build_site

    try:
        report = build_site(project, draft=draft, now=_now(now))
    except BriefingError as error:
        raise _fail(error) from None
    out.print(f"built {report.files} files into {report.target} ({report.warnings} warning(s))", markup=False)


def _family(family: str, project: Path, draft: bool, now: datetime | None) -> None:
    from generator.build import build_family

    try:
        report = build_family(project, family, draft=draft, now=_now(now))
    except BriefingError as error:
        raise _fail(error) from None
    out.print(f"wrote {report.files} files into {report.target}", markup=False)


@app.command()
def pdf(project: ProjectOption = Path("."), draft: DraftOption = False, now: NowOption = None) -> None:
    """Print every briefing and dossier as PDF (site/pdf/), without rebuilding the site."""
    _family("pdf", project, draft, now)


@app.command()
def export(project: ProjectOption = Path("."), draft: DraftOption = False, now: NowOption = None) -> None:
    """Write the partner exports (site/exports/): ninjs, fragments, Markdown, text, feeds, facts dataset."""
    _family("export", project, draft, now)


@app.command()
def serve(
    project: ProjectOption = Path("."),
    draft: DraftOption = False,
    preview: Annotated[bool, typer.Option("--drafts", "--preview", help="Show drafts and briefings under embargo too "
                                                            "(for the desk only; never publish this).")] = False,
    address: Annotated[str, typer.Option("--address", "-a", help="Where to serve, host:port.")] = "127.0.0.1:8000",
) -> None:
    """Live preview of the site: rebuilds and reloads when content, templates or catalogs change."""
    from generator.outputs.site import serve_site

    try:
        serve_site(project, draft=draft, preview=preview, address=address)
    except BriefingError as error:
        raise _fail(error) from None


def main() -> None:
    app()
