"""The `briefing` command: thin wrappers over the stages in `generator`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from generator.errors import BriefingError

app = typer.Typer(
    help="Keep the canonical facts of news stories and publish them as localized briefings, "
         "a static site, PDF dossiers and exports.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
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


def main() -> None:
    app()
