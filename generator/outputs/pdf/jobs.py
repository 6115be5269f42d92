"""PDF briefings and dossiers: our templates and print CSS, set by WeasyPrint.

`pdf_files` is the family's file maker (see `generator.outputs.families`):
one PDF per released briefing and language, and one per dossier and
language, at the paths `generator.urls.pdf_url` gives. This module decides
what goes into each document and its metadata, and renders the HTML here;
setting it as a PDF is a pure job (`PdfJob` in, bytes out: `printer.print_job`), so
the jobs can run in a pool of processes or on other machines and give the
same bytes. Failures always name the record.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.cache import Entry, RenderCache, code_fingerprint, digest, tree_digest
from generator.editorial import last_change
from generator.errors import ContentError, PdfError, Problem
from generator.outputs.inputs import document_inputs, shared_inputs
from generator.outputs.pdf.fonts import describe, missing_characters
from generator.outputs.pdf.notes import Endnote, Endnotes
from generator.outputs.pdf.printer import ASSETS_FOLDER, PdfJob, print_job
from generator.project import Project
from generator.records.values import DateTimeValue
from generator.render import plain_filter, render_template
from generator.reporting import LOGGER_NAME
from generator.system import pdf_libraries
from generator.urls import pdf_url
from generator.views import BriefingView, DossierView, Name

if TYPE_CHECKING:
    from generator.outputs.pdf.render import Rendered

log = logging.getLogger(LOGGER_NAME)


@dataclass(frozen=True)
class Metadata:
    """What the PDF's document information and XMP metadata say; dates in W3C/ISO 8601."""

    title: str
    author: str
    subject: str
    keywords: tuple[str, ...]
    created: str
    modified: str


@dataclass(frozen=True)
class PdfDocument:
    """One PDF to make: a briefing, or a dossier of the released `briefings` among its own, in one language."""

    record_id: str
    language: str
    briefings: tuple[str, ...] | None = None
    """For a dossier: the briefings it holds at this moment."""

    @property
    def path(self) -> str:
        return pdf_url(self.language, self.record_id)

    def job(self, project: Project) -> PdfJob:
        if self.briefings is None:
            return briefing_job(project, self.record_id, self.language)
        return dossier_job(project, self.record_id, self.language, list(self.briefings))


def pdf_documents(project: Project, now: dt.datetime) -> list[PdfDocument]:
    """Every PDF of the project: each briefing released at `now` and each dossier, per language."""
    public = project.public(now)
    documents: list[PdfDocument] = []
    for language in project.config.codes:
        documents += [PdfDocument(briefing_id, language) for briefing_id in sorted(public.released)]
        documents += [PdfDocument(dossier_id, language, tuple(included))
                      for dossier_id, included in public.dossiers.items()]
    return documents


def pdf_jobs(project: Project, now: dt.datetime) -> list[PdfJob]:
    """The job of every PDF of the project (`pdf_documents`), its HTML rendered.

    Raises:
        ContentError: a record's text has characters the shipped fonts lack (each record named).
    """
    return [document.job(project) for document in pdf_documents(project, now)]


def start_pdf_files(project: Project, now: dt.datetime, executor: Executor | None = None,
                    cache: RenderCache | None = None) -> Callable[[], dict[str, bytes]]:
    """Start printing every PDF of the project; the returned function waits for them, by site-relative path.

    A PDF none of whose inputs changed (`input_key`) comes from `cache`
    without its HTML being rendered. For the others the HTML is rendered
    here, at once; a PDF whose job `cache` already holds (an edit that did
    not change the document) is not printed again. The rest are handed to
    `executor` (a process pool, a Dask client's executor) at once, so they
    print while the caller goes on (MkDocs builds the pages), or are printed
    in this process when the caller waits, if there is no executor.

    Raises (here or when waiting):
        ContentError: a record's text has characters the shipped fonts lack (each record named).
        PdfError: WeasyPrint was asked for something outside the assets, or complained.
    """
    documents = pdf_documents(project, now)
    assets = tree_digest(project.config.root / ASSETS_FOLDER) if documents else ""
    shared = shared_inputs(project, pdf_libraries(), assets) if cache and documents else ""
    inputs = {document.path: input_key(project, document, shared) for document in documents} if cache else {}
    keys = {path: pointer.data.decode("ascii") for path, key in inputs.items()
            if cache and (pointer := cache.get(key))}
    cached = {path: entry for path, key in keys.items() if cache and (entry := cache.get(key))}
    pointed = set(cached)
    jobs = [document.job(project) for document in documents if document.path not in cached]
    keys.update((job.path, job_key(job, assets)) for job in jobs)
    cached.update((job.path, entry) for job in jobs if cache and (entry := cache.get(keys[job.path])))
    missing = sorted((job for job in jobs if job.path not in cached), key=lambda job: -len(job.html))
    # longest first, so no worker is left with a dossier at the end
    futures = {job.path: executor.submit(print_job, job) for job in missing} if executor else {}

    def finish() -> dict[str, bytes]:
        for job in missing:
            cached[job.path] = _entry(futures[job.path].result() if executor else print_job(job))
            if cache:
                cache.put(keys[job.path], cached[job.path])
        if cache:
            for path in inputs.keys() - pointed:
                cache.put(inputs[path], Entry(keys[path].encode("ascii")))
            cache.keep_only([*keys.values(), *inputs.values()])
        return {document.path: _logged(cached[document.path]) for document in documents}

    return finish


def pdf_files(project: Project, now: dt.datetime, executor: Executor | None = None,
              cache: RenderCache | None = None) -> dict[str, bytes]:
    """Every PDF of the project, by site-relative path; only briefings released at `now` are printed."""
    return start_pdf_files(project, now, executor, cache)()


def job_key(job: PdfJob, assets_digest: str) -> str:
    """The hash of everything a job's bytes depend on: its inputs, the assets, the code, the libraries, Pango."""
    return digest(code_fingerprint(), pdf_libraries(), job.path, job.record_id, job.html, assets_digest)


def input_key(project: Project, document: PdfDocument, shared: str) -> str:
    """The hash of everything a document's HTML is made from (`generator.outputs.inputs`), known before rendering
    it; under it the cache keeps the document's `job_key`, so an unchanged document costs no rendering at all."""
    return document_inputs(project, document.record_id, shared, document.path, repr(document.briefings))


def briefing_pdf(project: Project, briefing_id: str, language: str) -> bytes:
    """One briefing in one language as a PDF."""
    return _logged(_entry(print_job(briefing_job(project, briefing_id, language))))


def briefing_job(project: Project, briefing_id: str, language: str) -> PdfJob:
    return _job(project, briefing_id, pdf_url(language, briefing_id), briefing_html(project, briefing_id, language))


def briefing_html(project: Project, briefing_id: str, language: str) -> str:
    """The HTML (print CSS inline) WeasyPrint sets as the briefing's PDF."""
    localizer = project.localizer(language)
    view = localizer.briefing(briefing_id)
    notes = _endnotes(project, language, view.id)
    return render_template(project.env, "pdf/briefing.html.j2", project.translations(language),
                           b=view, meta=briefing_metadata(project, view), **_context(project, language, notes))


def dossier_pdf(project: Project, dossier_id: str, language: str, briefing_ids: list[str]) -> bytes:
    """One dossier in one language: cover, contents, briefings, profiles, timeline, positions, sources."""
    return _logged(_entry(print_job(dossier_job(project, dossier_id, language, briefing_ids))))


def dossier_job(project: Project, dossier_id: str, language: str, briefing_ids: list[str]) -> PdfJob:
    html = dossier_html(project, dossier_id, language, briefing_ids)
    return _job(project, dossier_id, pdf_url(language, dossier_id), html)


def dossier_html(project: Project, dossier_id: str, language: str, briefing_ids: list[str]) -> str:
    """The HTML (print CSS inline) WeasyPrint sets as the dossier's PDF."""
    localizer = project.localizer(language)
    view = localizer.dossier(dossier_id, briefing_ids)
    notes = _endnotes(project, language, view.id)
    return render_template(project.env, "pdf/dossier.html.j2", project.translations(language),
                           d=view, meta=dossier_metadata(project, view), **_context(project, language, notes))


# -- metadata -------------------------------------------------------------------


def briefing_metadata(project: Project, view: BriefingView) -> Metadata:
    """Title, author, subject and keywords of a briefing; dates from its publication and last change.

    Keywords: the event, the place, the countries of the positions table, its
    topics, and the people, by their full names (who speaks, who the text names).
    """
    names = [view.event, view.place] + [row.actor for s in view.sections for row in s.rows]
    topics = [topic.label for s in view.sections for topic in s.topics]
    people = [project.localizer(view.language.code).name(person) for person in briefing_people(view)]
    return Metadata(
        title=plain_filter(view.title),
        author=project.config.rights.publisher,
        subject=plain_filter(view.standfirst),
        keywords=_unique([plain_filter(n) for n in names + people if n] + [plain_filter(t) for t in topics]),
        created=view.published_iso,
        modified=_iso(last_change(project, view.id)),
    )


def briefing_people(view: BriefingView) -> list[str]:
    """Record ids of the people a briefing quotes or names, in reading order."""
    items = [item for section in view.sections for item in section.items]
    named = [run for item in items for run in item.text.runs if isinstance(run, Name)]
    return [name.record_id for name in [item.speaker for item in items if item.speaker] + named
            if name.kind == "people"]


def dossier_metadata(project: Project, view: DossierView) -> Metadata:
    """A dossier's metadata: created on its date, modified when its newest briefing last changed."""
    briefings = view.briefings
    changes = sorted(last_change(project, b.id).datetime for b in briefings)
    created = view.date_iso or briefings[0].published_iso
    modified = max(_iso_value(changes[-1]), created, key=_moment)
    keywords = [plain_filter(p.profile.name) for p in view.profiles] + [
        keyword for b in briefings for keyword in briefing_metadata(project, b).keywords]
    return Metadata(
        title=plain_filter(view.title),
        author=project.config.rights.publisher,
        subject=plain_filter(view.subtitle) if view.subtitle else plain_filter(briefings[0].standfirst),
        keywords=_unique(keywords),
        created=created,
        modified=modified,
    )


def _iso(value: DateTimeValue) -> str:
    return value.local().isoformat()


def _iso_value(moment: dt.datetime) -> str:
    return moment.isoformat()


def _moment(iso: str) -> dt.datetime:
    """A W3C date or date-time as a comparable moment (a bare date counts from its start, UTC)."""
    moment = dt.datetime.fromisoformat(iso if "T" in iso else (iso + "-01-01")[:10])
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _unique(values: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


# -- template helpers -----------------------------------------------------------

_CSS_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def css_content(pattern: str, **counters: str) -> str:
    """A translated pattern as a CSS `content` value: `{page}` placeholders become counters.

    >>> css_content("Seite {page} von {pages}", page="counter(page)", pages="counter(pages)")
    '"Seite " counter(page) " von " counter(pages)'
    >>> css_content('Say "hi"</style>')
    '"Say \\\\"hi\\\\"\\\\3C /style>"'
    """
    parts = []
    for index, part in enumerate(_CSS_PLACEHOLDER.split(pattern)):
        if index % 2:
            parts.append(counters[part])
        elif part:
            parts.append(css_string(part))
    return " ".join(parts)


def css_string(text: str) -> str:
    """Text as a quoted CSS string that cannot end the string or the `<style>` element."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3C ").replace("\n", "\\A ")
    return f'"{escaped}"'


def _endnotes(project: Project, language: str, prefix: str) -> Endnotes:
    """The source notes of one document, each mark labelled for screen readers in the document's language."""
    gettext = project.translations(language).gettext
    return Endnotes(prefix, project.localizer(language).source, lambda note: _mark_label(gettext, note))


def _mark_label(_: Callable[[str], str], note: Endnote) -> str:
    """`Source 1: <title>`; the catalog's function is named `_` so that `i18n extract` finds the message."""
    # TRANSLATORS: what a screen reader says for an endnote mark in a PDF: the note's number and the source's title
    return _("Source %(number)s: %(title)s") % {"number": note.number, "title": plain_filter(note.source.title)}


def _context(project: Project, language: str, notes: Endnotes) -> dict[str, object]:
    """What every PDF template gets besides its view and metadata.

    Names are not linked (`link_for=None`): a printed name has nowhere to go.
    """
    rights = project.config.rights
    return {
        "endnotes": notes, "note_ref": notes.ref, "link_for": None,
        "rights": rights, "credit": rights.credit.get(language, ""),
        "css_content": css_content, "css_string": css_string,
        "source_language": lambda source_id: project.graph.model(source_id).language,
    }


# -- rendering and errors -------------------------------------------------------


def _job(project: Project, record_id: str, path: str, html: str) -> PdfJob:
    """The document's job, once its text is known to be settable by the shipped fonts."""
    assets = project.config.root / ASSETS_FOLDER
    missing = missing_characters(html, assets / "fonts")
    if missing:
        problems = list(_records_with(project, missing))
        if problems:
            raise ContentError(problems)
        raise PdfError(f"{path} ({record_id}): the fonts under {ASSETS_FOLDER}/fonts/ lack {describe(missing)}")
    return PdfJob(path, record_id, html, assets)


def _logged(printed: Entry) -> bytes:
    """The PDF, its advisories logged here, in the build, wherever (and whenever) it was printed."""
    for advisory in printed.notes:
        log.warning(advisory)
    return printed.data


def _entry(rendered: Rendered) -> Entry:
    return Entry(rendered.pdf, rendered.advisories)


def _records_with(project: Project, chars: list[str]) -> Iterator[Problem]:
    """Where the characters the fonts lack come from: each text of a record that uses them."""
    for record in project.graph.records:
        for field, value in record.fields:
            found = [char for char in chars if isinstance(value, str) and char in value]
            if found:
                yield record.problem(field, f"the PDF fonts cannot set {describe(found)}",
                                     f"add a font covering them under {ASSETS_FOLDER}/fonts/ (see its README), "
                                     "or write the text without them")
