"""A PDF job and what prints it: the only code a PDF worker runs.

Why a module of its own: a worker process (and the fork server it comes
from) imports the module that defines its job. Here that is WeasyPrint and
nothing of the records, the views or the templates, which `jobs` needs to
make the HTML and a worker does not: the fork server is ready, and the first
PDF starts, about half a second sooner.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.errors import PdfError

if TYPE_CHECKING:
    from generator.outputs.pdf.render import Rendered

ASSETS_FOLDER = "assets"
"""The only folder a PDF may read from (fonts, images), relative to the project root."""


@dataclass(frozen=True)
class PdfJob:
    """Everything WeasyPrint needs for one document, and what names it in an error."""

    path: str
    record_id: str
    html: str
    assets: Path


def print_job(job: PdfJob) -> Rendered:
    """Set one document as a PDF: a pure job, the same bytes wherever it runs (advisories come back with them).

    WeasyPrint is imported here, not with the module: a build whose PDFs all
    come from the cache never pays the second it takes to load.
    """
    from generator.outputs.pdf.render import RenderError, render_pdf

    try:
        return render_pdf(job.html, job.assets)
    except RenderError as error:
        failure = error.failure
        if failure.refused is not None:
            raise PdfError(f"{job.path} ({job.record_id}): {failure.refused} (asked for by a template or stylesheet"
                           f" under templates/pdf/; only files under {ASSETS_FOLDER}/ are embedded)") from None
        raise PdfError(f"{job.path} ({job.record_id}): WeasyPrint: " + "; ".join(failure.messages)) from None
