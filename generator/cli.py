"""The `briefing` command: thin wrappers over the stages in `generator`.

Every failure ends here as one message and an exit code, never a traceback:
a `BriefingError` is the user's to fix and prints as it is; anything else is
a bug in briefing and prints its type, message and where it happened, with
the traceback only under `--verbose`.
"""

from __future__ import annotations

import gc
import logging
import traceback
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from typer.core import TyperGroup
from typer.exceptions import TyperException

from generator.cli_i18n import i18n_app
from generator.errors import BriefingError
from generator.reporting import StageLog, warning_log


class BriefingGroup(TyperGroup):
    """Runs a command and turns whatever stops it into one message and an exit code."""

    def invoke(self, ctx: typer.Context) -> object:
        try:
            return super().invoke(ctx)
        except BriefingError as error:
            err.print(str(error), markup=False)
            ctx.exit(error.exit_code)
        except KeyboardInterrupt:
            err.print("interrupted: nothing was published", markup=False)
            ctx.exit(130)
        except (typer.Exit, typer.Abort, TyperException):
            raise  # the command line's own exits and usage errors
        except BrokenPipeError:
            raise  # the reader of the output left (`briefing … | head`): Click exits quietly, as a pipe's writer should
        except Exception as error:  # a bug in briefing: say what and where, the traceback only when asked
            err.print(internal_error(error), markup=False)
            if Settings.verbose:
                err.print("".join(traceback.format_exception(error)), markup=False)
            ctx.exit(INTERNAL_ERROR)
        return None


app = typer.Typer(
    cls=BriefingGroup,
    help="Keep the canonical facts of news stories and publish them as localized briefings, "
         "a static site, PDF dossiers and exports.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(i18n_app, name="i18n")
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

INTERNAL_ERROR = 70
"""Exit code of a bug in briefing (EX_SOFTWARE), apart from the user's errors (1–3)."""

ProjectOption = Annotated[Path, typer.Option("--project", "-p", help="Project folder holding mkdocs.yml.",
                                             file_okay=False)]


class Settings:
    verbose = False


@app.callback()
def options(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show MkDocs' messages and, for an "
                                                                           "internal error, the traceback.")] = False,
            ) -> None:
    Settings.verbose = verbose
    if verbose:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logging.getLogger("mkdocs").addHandler(handler)
        logging.getLogger("mkdocs").setLevel(logging.DEBUG)


@app.command()
def validate(
    path: Annotated[Path | None, typer.Argument(help="Content folder to check (default: the project's).")] = None,
    project: ProjectOption = Path("."),
    strict: Annotated[bool, typer.Option(help="Fail on warnings too.")] = False,
) -> None:
    """Check every record: syntax, fields, references, translations. Exit 1 on errors."""
    from generator.validate import validate_content

    report = validate_content(project, path)
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


@app.command()
def doctor() -> None:
    """Check the system libraries and programs briefing needs, and say how to install what is missing."""
    from generator.system import REQUIREMENTS, apt_line, describe

    lacking = []
    for requirement in REQUIREMENTS:
        present = requirement.present()
        if not present:
            lacking.append(requirement)
        state = "ok" if present else ("missing" if requirement.required else "recommended")
        out.print(f"{state:<12} {requirement.purpose:<6} {describe(requirement)}", markup=False)
    if lacking:
        out.print(f"install with: {apt_line(lacking)}", markup=False)
    if any(r.required for r in lacking):
        raise typer.Exit(3)


StaleOption = Annotated[bool, typer.Option(
    "--allow-stale-translations", help="Let missing and out-of-date translations through, each with a visible mark, "
                                       "into the draft folder (site-draft/, `draft_dir` in mkdocs.yml), never into "
                                       "the published site. Without it they are refused with a list of them.")]
RENAMED = {"--draft": "--allow-stale-translations (a build with it writes site-draft/, never site/)",
           "--drafts": "--show-unreleased", "--preview": "--show-unreleased"}
"""Spellings of earlier versions, one letter apart and meaning different things; each now says what replaced it."""


def _renamed(ctx: typer.Context, param: typer.CallbackParam, value: bool) -> bool:
    if value:
        raise typer.BadParameter(f"renamed: use {RENAMED[param.opts[0]]}", ctx=ctx, param=param)
    return value


def _old(*spellings: str) -> object:
    """A spelling of an earlier version, hidden, that stops with the name that replaced it."""
    return typer.Option(False, *spellings, hidden=True, callback=_renamed, expose_value=False)


NowOption = Annotated[datetime | None, typer.Option(help="The build's current time for embargoes "
                                                          "(ISO 8601 with offset); default: the clock.")]


JobsOption = Annotated[int | None, typer.Option("--jobs", "-j", min=1, help="How many processes print the PDFs "
                                                                         "(default: one per core).")]
ExecutorOption = Annotated[str | None, typer.Option(help="Print the PDFs on a Dask cluster instead: "
                                                         "dask:tcp://HOST:PORT (see README).")]


def _now(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        raise typer.BadParameter("give a UTC offset, e.g. 2026-01-07T09:00:00+01:00", param_hint="--now")
    return value


def _show_warning(message: str) -> None:
    err.print(f"warning: {message}", markup=False)


@app.command()
def build(project: ProjectOption = Path("."), allow_stale_translations: StaleOption = False, now: NowOption = None,
          jobs: JobsOption = None, executor: ExecutorOption = None, _draft: bool = _old("--draft")) -> None:
    """Build the site, PDFs and exports into the site folder, replacing it only on success."""
    from generator.build import build_site
    from generator.system import require_system

    require_system("build")
    with warning_log(_show_warning) as warnings:
        report = build_site(project, draft=allow_stale_translations, now=_now(now), jobs=jobs, executor=executor,
                            stages=StageLog(err))
    done = "nothing changed since the last build of" if report.unchanged else "built"
    out.print(f"{done} {report.files} files into {report.target} ({warnings.count} warning(s))", markup=False)


def _family(family: str, project: Path, draft: bool, now: datetime | None, jobs: int | None = None,
            executor: str | None = None) -> None:
    from generator.build import build_family

    with warning_log(_show_warning) as warnings:
        report = build_family(project, family, draft=draft, now=_now(now), jobs=jobs, executor=executor,
                              stages=StageLog(err))
    out.print(f"wrote {report.files} files into {report.target} ({warnings.count} warning(s))", markup=False)


@app.command()
def pdf(project: ProjectOption = Path("."), allow_stale_translations: StaleOption = False, now: NowOption = None,
        jobs: JobsOption = None, executor: ExecutorOption = None, _draft: bool = _old("--draft")) -> None:
    """Print every briefing and dossier as PDF (site/pdf/), without rebuilding the site."""
    from generator.system import require_system

    require_system("build")
    _family("pdf", project, allow_stale_translations, now, jobs, executor)


@app.command()
def export(project: ProjectOption = Path("."), allow_stale_translations: StaleOption = False, now: NowOption = None,
           _draft: bool = _old("--draft")) -> None:
    """Write the partner exports (site/exports/): ninjs, fragments, Markdown, text, feeds, facts dataset."""
    _family("export", project, allow_stale_translations, now)


versions_app = typer.Typer(help="Published versions: what each published briefing and dossier read, so a change "
                                  "to a shared record is reported by the build.", no_args_is_help=True,
                             pretty_exceptions_enable=False, add_completion=False)
app.add_typer(versions_app, name="versions")


@versions_app.command("confirm")
def confirm_versions(
    ids: Annotated[list[str] | None, typer.Argument(help="Briefing or dossier ids (default: every published one).",
                                                    show_default=False)] = None,
    project: ProjectOption = Path("."), now: NowOption = None,
) -> None:
    """Record in published.yaml what the published briefings and dossiers read now, at their current version.

    Run it when a briefing is published, and after checking a change to a shared record that the build reported.
    """
    from generator.editorial import current_time
    from generator.project import load_project
    from generator.versions import confirm

    loaded = load_project(project, draft=True)
    path, count, changed = confirm(loaded, _now(now) or current_time(), ids or None)
    out.print(f"{path.name}: confirmed {count} published briefing(s) and dossier(s) "
              f"({'updated' if changed else 'unchanged'})", markup=False)


@app.command()
def serve(
    project: ProjectOption = Path("."),
    allow_stale_translations: Annotated[bool, typer.Option(
        "--allow-stale-translations", help="Show missing and out-of-date translations with a visible mark instead "
                                           "of refusing them.")] = False,
    show_unreleased: Annotated[bool, typer.Option(
        "--show-unreleased", help="Show briefings with status draft and those under embargo too (the desk's "
                                  "preview, served from memory; never published).")] = False,
    address: Annotated[str, typer.Option("--address", "-a", help="Where to serve, host:port.")] = "127.0.0.1:8000",
    _draft: bool = _old("--draft"),
    _drafts: bool = _old("--drafts", "--preview"),
) -> None:
    """Live preview of the site: rebuilds and reloads when content, templates or catalogs change."""
    from generator.outputs.site.run import serve_site
    from generator.system import require_system

    require_system("build")
    with warning_log(_show_warning):
        serve_site(project, allow_stale_translations=allow_stale_translations, show_unreleased=show_unreleased,
                   address=address)


def main() -> None:
    """Run the command asked for; then leave the objects it made to the exit, uncollected.

    Why `gc.freeze`: at exit the interpreter collected every object of the
    build (the records, MkDocs' pages) once more, a quarter of a second of a
    one-record edit; frozen, they are freed without that.
    """
    try:
        app()
    finally:
        gc.freeze()


def internal_error(error: BaseException) -> str:
    """One line for an unexpected exception: its type, message and innermost place in the code."""
    frames = traceback.extract_tb(error.__traceback__)
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    return (f"internal error: {type(error).__name__}: {error}{where}. This is a bug in briefing, not in your "
            "content; run again with --verbose for the traceback and report it")


if __name__ == "__main__":
    main()
