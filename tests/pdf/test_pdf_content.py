"""What a reader finds in the PDFs: every Paris fact in both languages, the locale's quotation marks, every note."""

from __future__ import annotations

import pytest

from generator.project import Project
from generator.render import plain_filter
from tests.pdf.conftest import BRIEFING, DOSSIER, LANGUAGES, Pdf, squeeze


def _facts(project: Project, language: str, document: str = "dossier") -> dict[str, str]:
    """Plain text of every fact and statement of the Paris briefing, by record id.

    The dossier prints every one in full. The briefing prints a statement that
    appears only in the positions matrix as its stance notes (the matrix is its
    place), so for those the notes stand in for the text.
    """
    localizer = project.localizer(language)
    items = project.graph.briefing_records(BRIEFING)
    texts = {item_id: plain_filter(localizer.item(item_id).text) for item_id in items}
    if document == "briefing":
        view = localizer.briefing(BRIEFING)
        shown = {item.id for section in view.sections if section.role != "positions" for item in section.items}
        for row in (row for section in view.sections for row in section.rows):
            for topic, cell in row.cells.items():
                if cell.statement.id not in shown:
                    texts.pop(cell.statement.id, None)
                    texts[f"{cell.statement.id} ({topic})"] = plain_filter(cell.note)
    return texts


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("document", ["briefing", "dossier"])
def test_every_fact_and_statement_is_printed(project: Project, briefing_pdfs: dict[str, Pdf],
                                             dossier_pdfs: dict[str, Pdf], document: str, language: str) -> None:
    pdf = (briefing_pdfs if document == "briefing" else dossier_pdfs)[language]
    printed = squeeze(pdf.text)
    texts = _facts(project, language, document)
    missing = [item_id for item_id, text in texts.items() if squeeze(text) not in printed]
    assert not missing, f"{document} ({language}) lacks the text of {missing}"
    assert len(texts) >= 16


@pytest.mark.parametrize("language", LANGUAGES)
def test_facts_differ_by_language(project: Project, briefing_pdfs: dict[str, Pdf], language: str) -> None:
    """The other language's wording is not what was printed (the test above cannot pass by accident)."""
    other = "en" if language == "de" else "de"
    printed = squeeze(briefing_pdfs[language].text)
    assert not any(squeeze(text) in printed for text in _facts(project, other).values() if len(text) > 40)


@pytest.mark.parametrize(("language", "quoted"), [
    ("de", "„Tausende von Soldaten zur Wahrung des Friedens in der Ukraine eingesetzt werden könnten“"),
    ("en", "“thousands of soldiers could be deployed to keep the peace in Ukraine”"),
])
def test_quotes_use_the_locale_marks(briefing_pdfs: dict[str, Pdf], language: str, quoted: str) -> None:
    assert squeeze(quoted) in squeeze(briefing_pdfs[language].text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_key_figures_are_localized(briefing_pdfs: dict[str, Pdf], language: str) -> None:
    figure = {"de": "90 Milliarden Euro", "en": "€90 billion"}[language]
    assert squeeze(figure) in squeeze(briefing_pdfs[language].pages[0])


def _cited_sources(project: Project, document: str, language: str) -> list[str]:
    """Titles of every source the document cites: the briefing's, and in the dossier its profiles' and timeline's."""
    localizer = project.localizer(language)
    if document == "briefing":
        view = localizer.briefing(BRIEFING)
        return [plain_filter(source.title) for source in view.sources]
    dossier = localizer.dossier(DOSSIER)
    ids = [s.id for b in dossier.briefings for s in b.sources] + [s.id for s in dossier.sources]
    ids += [ref.id for p in dossier.profiles for role in p.profile.roles for ref in role.sources]
    ids += [ref.id for p in dossier.profiles for st in p.statements for ref in st.sources]
    ids += [ref.id for entry in dossier.timeline for ref in entry.sources]
    return [plain_filter(localizer.source(source_id, 0).title) for source_id in dict.fromkeys(ids)]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("document", ["briefing", "dossier"])
def test_every_cited_source_has_its_note(project: Project, briefing_pdfs: dict[str, Pdf],
                                         dossier_pdfs: dict[str, Pdf], document: str, language: str) -> None:
    pdf = (briefing_pdfs if document == "briefing" else dossier_pdfs)[language]
    titles = _cited_sources(project, document, language)
    notes_page = squeeze(pdf.pages[-1])
    assert all(squeeze(title) in notes_page for title in titles), "a cited source has no note"
    cited_in = {"de": "Zitiert in:", "en": "Cited in:"}[language]
    assert pdf.pages[-1].count(cited_in) == len(titles), "one note per cited source, each linking back"
    if document == "dossier":
        assert len(titles) > 1, "profiles cite their own sources"
    notes = [name for name in pdf.reader.named_destinations if "-note-" in name]
    assert len(notes) == len(titles)


@pytest.mark.parametrize("language", LANGUAGES)
def test_notes_link_both_ways(briefing_pdfs: dict[str, Pdf], language: str) -> None:
    pdf = briefing_pdfs[language]
    destinations = {name for page in range(1, len(pdf.pages) + 1) for _, name in pdf.links(page)}
    note_marks = {name for name in destinations if "-note-" in name}
    back_links = {name for name in destinations if "-cite-" in name}
    assert note_marks == {f"{BRIEFING}-note-1"}
    assert back_links and all(name in pdf.reader.named_destinations for name in back_links)
