"""What the PDFs tell assistive technology and text tools, read back with pypdf.

No PDF/UA validator (veraPDF, PAC) is installable here, so these tests check
what WeasyPrint's tagging leaves out and `generator.outputs.pdf.tagging`
adds, one property at a time: `/Lang` on every element in another language,
`/Scope` on table headers, link descriptions in words, hyphens a text tool
rejoins, the people among the keywords, and room under the running head.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import pydyf
import pytest
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from generator.outputs.pdf.engine import HTML
from generator.outputs.pdf.jobs import briefing_html, briefing_people, dossier_html
from generator.outputs.pdf.render import render_pdf
from generator.outputs.pdf.tagging import TaggingError, complete_tags
from generator.project import Project
from generator.render import plain_filter
from tests.pdf.conftest import BRIEFING, DOSSIER, LANGUAGES, Pdf

MM = 72 / 25.4
"""PDF points per millimetre."""


def _elements(pdf: Pdf) -> Iterator[DictionaryObject]:
    """Every structure element, in document order."""
    stack = [pdf.reader.trailer["/Root"]["/StructTreeRoot"].get_object()]
    while stack:
        node = stack.pop()
        if "/S" in node:
            yield node
        kids = node.get("/K")
        kids = kids if isinstance(kids, ArrayObject) else [kids]
        stack += reversed([kid.get_object() for kid in kids if isinstance(kid, IndirectObject)
                           and isinstance(kid.get_object(), DictionaryObject) and "/S" in kid.get_object()])


def _links(pdf: Pdf) -> list[DictionaryObject]:
    return [a.get_object() for page in pdf.reader.pages for a in page.get("/Annots", [])
            if a.get_object().get("/Subtype") == "/Link"]


def _documents(briefing_pdfs: dict[str, Pdf], dossier_pdfs: dict[str, Pdf]) -> Iterator[tuple[str, str, Pdf]]:
    for language in LANGUAGES:
        yield "briefing", language, briefing_pdfs[language]
        yield "dossier", language, dossier_pdfs[language]


def _cited_sources(project: Project, document: str, language: str) -> list[str]:
    """Ids of the sources whose notes the document prints."""
    localizer = project.localizer(language)
    if document == "briefing":
        return [source.id for source in localizer.briefing(BRIEFING).sources]
    dossier = localizer.dossier(DOSSIER)
    ids = [s.id for b in dossier.briefings for s in b.sources] + [s.id for s in dossier.sources]
    ids += [ref.id for p in dossier.profiles for role in p.profile.roles for ref in role.sources]
    ids += [ref.id for p in dossier.profiles for st in p.statements for ref in st.sources]
    ids += [ref.id for entry in dossier.timeline for ref in entry.sources]
    return list(dict.fromkeys(ids))


@pytest.mark.parametrize("language", LANGUAGES)
def test_foreign_source_names_carry_their_language(project: Project, dossier_pdfs: dict[str, Pdf],
                                                   language: str) -> None:
    """A source's original title and publisher are tagged with the source's language, so they are read in it."""
    pdf = dossier_pdfs[language]
    document = str(pdf.reader.trailer["/Root"]["/Lang"]).lower()
    expected = set()
    for source_id in _cited_sources(project, "dossier", language):
        source = project.graph.model(source_id)
        if (source.original_title or source.publisher) and not document.startswith(source.language):
            expected.add(source.language)
    tagged = [element for element in _elements(pdf) if "/Lang" in element]
    assert len(expected) >= 3, "the Paris dossier cites French, Italian and Ukrainian sources"
    assert {str(element["/Lang"]) for element in tagged} == expected
    assert all(not document.startswith(str(element["/Lang"]).lower()) for element in tagged), \
        "only where the language changes"


def test_language_tags_follow_lang_attributes(project: Project) -> None:
    """On a small document: the element saying another language is tagged, its text inherits, nested ones too."""
    page = ('<html lang="de"><body><p>Gesagt: <span lang="fr">bonjour <em>à tous</em></span> und '
            '<span lang="de">weiter</span>.</p><ul><li>eins</li><li lang="it">due</li></ul></body></html>')
    rendered = render_pdf(page, project.config.root / "assets")
    pdf = Pdf(rendered.pdf)
    tagged = [(str(e["/S"]), str(e["/Lang"])) for e in _elements(pdf) if "/Lang" in e]
    assert tagged == [("/Span", "fr"), ("/LI", "it")]


@pytest.mark.parametrize("language", LANGUAGES)
def test_table_headers_have_a_scope(project: Project, briefing_pdfs: dict[str, Pdf], dossier_pdfs: dict[str, Pdf],
                                    language: str) -> None:
    view = project.localizer(language).briefing(BRIEFING)
    positions = next(section for section in view.sections if section.role == "positions")
    for pdf in (briefing_pdfs[language], dossier_pdfs[language]):
        scopes = [str(e["/A"].get("/Scope")) for e in _elements(pdf) if e["/S"] == "/TH"]
        assert scopes, "the positions table has header cells"
        assert scopes[:len(positions.topics) + 1] == ["/Column"] * (len(positions.topics) + 1)
        assert scopes.count("/Row") >= len(positions.rows)
        assert set(scopes) == {"/Column", "/Row"}


def test_links_are_described_in_words(project: Project, briefing_pdfs: dict[str, Pdf],
                                      dossier_pdfs: dict[str, Pdf]) -> None:
    """No link is announced as its target: an anchor id, or a bare note number."""
    for document, language, pdf in _documents(briefing_pdfs, dossier_pdfs):
        links = _links(pdf)
        titles = {plain_filter(project.localizer(language).source(source_id, 0).title)
                  for source_id in _cited_sources(project, document, language)}
        for link in links:
            description = str(link.get("/Contents", ""))
            assert re.search(r"[^\W\d]{3}", description), (document, language, description)
            if "/Dest" in link:
                assert description != str(link["/Dest"]) and description not in pdf.reader.named_destinations
                if "-note-" in str(link["/Dest"]):
                    assert any(title in description for title in titles), description
        assert any("-cite-" in str(link.get("/Dest")) for link in links), "back references are links"


def _words(page: str) -> set[str]:
    """The words of an HTML document (note marks left out: in the PDF's text they follow the word)."""
    body = re.sub(r'<a class="note-ref"[^>]*>\d+</a>', "", page.split("<body", 1)[1])
    return set(re.findall(r"[\w-]+", html.unescape(re.sub(r"<[^>]+>", " ", body))))


def test_hyphenated_words_rejoin(project: Project, briefing_pdfs: dict[str, Pdf],
                                 dossier_pdfs: dict[str, Pdf]) -> None:
    """A word broken at a line end ends in a hyphen-minus (not U+2010) that, dropped, gives the word back."""
    for document, language, pdf in _documents(briefing_pdfs, dossier_pdfs):
        assert "\u2010" not in pdf.text, f"{document} ({language}) writes hyphenation as U+2010"
        source = (briefing_html(project, BRIEFING, language) if document == "briefing" else
                  dossier_html(project, DOSSIER, language, list(project.graph.model(DOSSIER).briefings)))
        words = _words(source)
        splits = [(head, tail.rstrip("0123456789") or tail) for head, tail in re.findall(r"(\w+)-\n(\w+)", pdf.text)]
        assert splits, f"{document} ({language}) hyphenates no word: nothing to check"
        broken = [f"{head}-{tail}" for head, tail in splits
                  if head + tail not in words and f"{head}-{tail}" not in words]
        assert not broken, f"{document} ({language}): split words that do not rejoin: {broken}"


def test_keywords_name_the_people(project: Project, briefing_pdfs: dict[str, Pdf],
                                  dossier_pdfs: dict[str, Pdf]) -> None:
    """The people a briefing quotes or names are in the keywords of its PDF and its dossier's, by full name."""
    for document, language, pdf in _documents(briefing_pdfs, dossier_pdfs):
        localizer = project.localizer(language)
        people = {localizer.name(person).text for person in briefing_people(localizer.briefing(BRIEFING))}
        keywords = set(str(pdf.reader.metadata["/Keywords"]).split(", "))
        assert len(people) > 3 and people <= keywords, (document, language, people - keywords)


def _baselines(pdf: Pdf, page: int) -> list[float]:
    """The heights of the text baselines on a 1-based page, top first."""
    heights: set[float] = set()

    def visit(text: str, matrix: list[float], text_matrix: list[float], _font: object, _size: float) -> None:
        if text.strip():
            heights.add(round(text_matrix[5] * matrix[3] + matrix[5], 1))

    pdf.reader.pages[page - 1].extract_text(visitor_text=visit)
    return sorted(heights, reverse=True)


def test_text_keeps_clear_of_the_running_head(briefing_pdfs: dict[str, Pdf], dossier_pdfs: dict[str, Pdf]) -> None:
    """From page 2 the first line stands clear of the running head's rule, even when a section goes on there."""
    for document, language, pdf in _documents(briefing_pdfs, dossier_pdfs):
        for page in range(2 if document == "briefing" else 3, len(pdf.pages) + 1):
            head, first = _baselines(pdf, page)[:2]
            assert head - first >= 9 * MM, f"{document} ({language}) page {page}: {(head - first) / MM:.1f} mm"


def test_tags_it_does_not_predict_stop_the_pdf(project: Project) -> None:
    """Structure elements that do not follow the boxes (another WeasyPrint's tagging) are refused, not guessed at."""
    document = HTML(string='<html lang="de"><body><p>Text</p></body></html>',
                    base_url=(project.config.root / "assets").as_uri() + "/").render()
    with pytest.raises(TaggingError, match="predict"):
        complete_tags(document, pydyf.PDF())
