"""HTML to PDF bytes with WeasyPrint: sealed off from the network, the disk and the clock.

Why a module of its own: this is the one place that talks to WeasyPrint, so
its settings (PDF/UA-1 with the tags it leaves out added by `tagging`, the
fetcher, how its log messages are treated) are decided once for briefings
and dossiers alike.

Reproducibility: the creation and modification dates come from the
`dcterms.created`/`dcterms.modified` meta elements the templates fill from
the content and the fonts come from the assets folder only, so the same
content gives the same bytes on any machine, whatever fonts it has installed.

Why no file identifier (`/ID`): PDF 1.7 and PDF/UA-1 ask for one only in an
encrypted file, and pydyf computes its second half by compressing every
stream a second time, about a quarter of the time spent writing the file.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.outputs.pdf.engine import HTML, LOGGER, FatalURLFetchingError, advisory_for
from generator.outputs.pdf.fetcher import AssetFetcher, RefusedFetch
from generator.outputs.pdf.tagging import TaggingError, complete_tags

PDF_VARIANT = "pdf/ua-1"
"""Tagged PDF with the structure, language and title PDF/UA-1 asks for (see README: PDF output)."""


@dataclass(frozen=True)
class RenderFailure:
    """Why WeasyPrint stopped: the refused URL, or its log messages."""

    refused: RefusedFetch | None
    messages: tuple[str, ...] = ()


class RenderError(Exception):
    """Raised by `render_pdf`; the caller turns it into a `PdfError` that names the record."""

    def __init__(self, failure: RenderFailure):
        self.failure = failure
        super().__init__(str(failure.refused) if failure.refused else "; ".join(failure.messages))


@dataclass(frozen=True)
class Rendered:
    """A PDF and the advisories about the machine WeasyPrint gave while setting it (for the caller to log)."""

    pdf: bytes
    advisories: tuple[str, ...] = ()


def render_pdf(html: str, assets_dir: Path) -> Rendered:
    """Set `html` as a PDF; resources are read through `AssetFetcher(assets_dir)` only.

    Args:
        html: The whole document, print CSS included.
        assets_dir: The folder fonts and images may come from; also the base URL.

    Raises:
        RenderError: A resource was refused, or WeasyPrint logged a warning or
            error (an unsupported CSS rule, a broken anchor): a template bug
            that must not pass silently; or its structure tree was not the
            one `tagging` completes (a WeasyPrint that tags differently).
            Its advisories about the machine (no HarfBuzz-Subset) are
            returned instead, so a worker process can hand them back to the
            build that logs them.
    """
    fetcher = AssetFetcher(assets_dir)
    base_url = assets_dir.resolve().as_uri() + "/"
    with _collected_messages() as collector:
        try:
            document = HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(pdf_variant=PDF_VARIANT)
            pdf = document.write_pdf(pdf_variant=PDF_VARIANT, finisher=complete_tags)
        except FatalURLFetchingError as error:
            cause = error.__cause__
            refused = cause if isinstance(cause, RefusedFetch) else RefusedFetch(_url_of(error), str(cause))
            raise RenderError(RenderFailure(refused)) from None
        except TaggingError as error:
            raise RenderError(RenderFailure(None, (f"its tags could not be completed: {error}",))) from None
    if collector.messages:
        raise RenderError(RenderFailure(None, tuple(collector.messages)))
    return Rendered(pdf, tuple(dict.fromkeys(collector.advisories)))


def _url_of(error: FatalURLFetchingError) -> str:
    text = str(error)
    return text.split('"')[1] if text.count('"') >= 2 else text


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []
        self.advisories: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        advisory = advisory_for(message)
        if advisory is None:
            self.messages.append(message)
        else:
            self.advisories.append(advisory.warning())


@contextmanager
def _collected_messages() -> Iterator[_Collector]:
    """WeasyPrint's warnings while rendering, kept from the console and returned to the caller.

    WeasyPrint warns through `warnings` when the machine has no fonts at all;
    ours come from the assets folder, so that one is expected and dropped.
    """
    collector = _Collector()
    LOGGER.addHandler(collector)
    propagate, LOGGER.propagate = LOGGER.propagate, False
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="No fonts configured in FontConfig", category=UserWarning)
            yield collector
    finally:
        LOGGER.removeHandler(collector)
        LOGGER.propagate = propagate
