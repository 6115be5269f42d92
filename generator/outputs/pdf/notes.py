"""Source notes for one PDF: one numbering for the whole document, and links both ways.

Why not WeasyPrint footnotes: a briefing cites the same source after nearly
every sentence, and `float: footnote` makes a new footnote for every call, so
each page would repeat the same reference five times. A publisher sets such
notes as numbered endnotes instead, one per source, and each note lists where
the source is cited (section and page) with links back to those places.

Why a stateful collector: the templates write the citations in reading order
and the notes after them, so the numbers and back references are complete by
the time the notes are written. Numbers follow the order of first citation in
the document, across every chapter of a dossier.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from markupsafe import Markup

from generator.views import SourceNote


class HasSources(Protocol):
    """A localized view whose items carry note numbers into its `sources` (a briefing or dossier view)."""

    id: str
    sources: tuple[SourceNote, ...]


class HasId(Protocol):
    id: str


@dataclass(frozen=True)
class BackReference:
    """The first citation of a source within one scope (a section or chapter)."""

    scope: object
    """What the template passed: a briefing `Section`, or a chapter heading as text."""
    anchor: str


@dataclass
class Endnote:
    """One source as the notes list shows it."""

    number: int
    source: SourceNote
    anchor: str
    back_references: list[BackReference] = field(default_factory=list)


class Endnotes:
    """Numbers the sources of one document as the templates cite them, and remembers where.

    Args:
        prefix: Makes the anchors unique in the document (the record id).
        describe: The source as the notes list shows it, by source id
            (`Localizer.source`); its own `number` is replaced by the document's.
        label: What a note mark says to a screen reader (its `aria-label`,
            the PDF link's description): a bare "1" says nothing.
    """

    def __init__(self, prefix: str, describe: Callable[[str, int], SourceNote], label: Callable[[Endnote], str]):
        self.prefix = prefix
        self.describe = describe
        self.label = label
        self._notes: dict[str, Endnote] = {}
        self._scopes: set[tuple[str, object]] = set()
        self._citations = 0

    def ref(self, view: HasSources, number: int, scope: object = None) -> Markup:
        """The note mark for the view's source `number`, cited in `scope`: a superscript link to the note."""
        source_id = next(source.id for source in view.sources if source.number == number)
        return self.cite(source_id, scope, owner=view.id)

    def cite(self, source_id: str, scope: object = None, *, owner: str = "") -> Markup:
        """The note mark for a source; records the first citation per scope for the back links."""
        note = self._notes.get(source_id)
        if note is None:
            number = len(self._notes) + 1
            note = self._notes[source_id] = Endnote(number, self.describe(source_id, number),
                                                    f"{self.prefix}-note-{number}")
        self._citations += 1
        anchor = f"{self.prefix}-cite-{self._citations}"
        key = (source_id, (owner, id(scope)) if scope is not None and not isinstance(scope, str) else scope)
        if scope is not None and key not in self._scopes:
            self._scopes.add(key)
            note.back_references.append(BackReference(scope, anchor))
        return Markup('<a class="note-ref" id="{}" href="#{}" aria-label="{}">{}</a>').format(
            anchor, note.anchor, self.label(note), note.number)

    def cite_all(self, sources: Iterable[HasId], scope: object = None) -> Markup:
        """Note marks for several sources (`SourceRef`s or `SourceNote`s), in the order given."""
        return Markup("").join(self.cite(source.id, scope) for source in sources)

    def notes(self) -> list[Endnote]:
        """Every note, by number; call after the citations are written."""
        return sorted(self._notes.values(), key=lambda note: note.number)

    def __len__(self) -> int:
        return len(self._notes)
