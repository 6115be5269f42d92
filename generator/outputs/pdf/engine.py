"""WeasyPrint, imported in this one place, and what its messages say about the machine.

Why a module of its own: WeasyPrint loads Pango through cffi when it is
imported, so on a machine without Pango the import dies with a long
`OSError`. Checking the libraries first (`generator.system`) turns that into
one line naming the Debian package. WeasyPrint also warns, at import and
while rendering, about the machine rather than the document (no
HarfBuzz-Subset, so fonts are subset with fontTools): those are
*environment advisories*, reported once per build as a warning naming the
package, never as a fault of the briefing being printed. Importing it here
also makes Pyphen keep the hyphenation patterns it parses on disk
(`hyphenation`), for the next process.
"""

from __future__ import annotations

import logging
import re
import warnings
from dataclasses import dataclass

from generator.errors import PdfError
from generator.outputs.pdf import hyphenation
from generator.system import require_system

log = logging.getLogger("briefing")


@dataclass(frozen=True)
class Advisory:
    """A WeasyPrint message about the machine, and the Debian package that answers it."""

    pattern: re.Pattern[str]
    package: str
    effect: str

    def warning(self) -> str:
        """The one line the build prints for it."""
        return (f"WeasyPrint: {self.effect}; install {self.package} (sudo apt-get install {self.package}) "
                "for the output the project's tests expect")


ADVISORIES = (
    Advisory(re.compile(r"^Using fontTools instead of HarfBuzz-Subset"), "libharfbuzz-subset0",
             "fonts are subset with fontTools instead of HarfBuzz-Subset, which is slower and gives other bytes"),
)


def advisory_for(message: str) -> Advisory | None:
    """The advisory a WeasyPrint message is, or None when it is about the document."""
    return next((a for a in ADVISORIES if a.pattern.search(message)), None)


require_system("build")
with warnings.catch_warnings():
    # Said at import about the machine; the same cause is reported while rendering, as an advisory.
    warnings.filterwarnings("ignore", message="HarfBuzz-Subset will be required", category=DeprecationWarning)
    # WeasyPrint warns on import when the machine has no fonts at all; ours come from assets/fonts.
    warnings.filterwarnings("ignore", message="No fonts configured in FontConfig", category=UserWarning)
    from weasyprint import HTML
    from weasyprint.formatting_structure import boxes
    from weasyprint.layout.absolute import AbsolutePlaceholder
    from weasyprint.logger import LOGGER
    from weasyprint.pdf.tags import _get_pdf_tag as pdf_tag  # read by generator.outputs.pdf.tagging, not changed
    from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse
hyphenation.install()

__all__ = ["HTML", "LOGGER", "AbsolutePlaceholder", "FatalURLFetchingError", "PdfError", "URLFetcher",
           "URLFetcherResponse", "boxes", "pdf_tag"]

