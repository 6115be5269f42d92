"""Localized views: what templates get, every value already formatted for one language.

Plain frozen dataclasses, produced by `generator.localize.Localizer` and read by
the templates and outputs; nothing here formats or loads anything.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

from generator.config import LanguageConfig

Flag = Literal["missing", "stale"]


@dataclass(frozen=True)
class Words:
    """Literal text of the record; may carry inline Markdown."""

    markdown: str


@dataclass(frozen=True)
class Name:
    """A person, organisation, place or event, in the page's language."""

    record_id: str
    kind: str
    text: str
    cases: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)
    """The name in each grammatical case its record can give, with its article ("der Europäischen Union")."""

    def in_case(self, case: str) -> Name:
        """The name declined for `case`, with its article where it takes one (`dat`: "dem Deutschen Bundestag").

        Why it falls back to the name as it is: a template cannot be refused at
        render time, and a record without grammatical data prints as before.
        """
        return replace(self, text=self.cases[case]) if case in self.cases else self


@dataclass(frozen=True)
class Value:
    """A typed value, already formatted for the locale."""

    text: str
    kind: str


@dataclass(frozen=True)
class Quoted:
    """Quoted words with the locale's quotation marks."""

    text: str
    open: str
    close: str


Run = Words | Name | Value | Quoted


@dataclass(frozen=True)
class Inline:
    """A localized text: its runs, the language they are in, and a draft flag."""

    runs: tuple[Run, ...]
    language: str
    flag: Flag | None = None


@dataclass(frozen=True)
class SourceNote:
    """A numbered source as the reader sees it."""

    number: int
    id: str
    title: Inline
    original_title: str | None
    publisher: str | None
    language: str
    published: str | None
    url: str | None


@dataclass(frozen=True)
class Item:
    """A fact or statement placed in a briefing, with its source numbers."""

    id: str
    kind: str
    text: Inline
    notes: tuple[int, ...]
    speaker: Name | None = None
    actor: Name | None = None
    by: Inline | None = None
    """Who made a statement: the speaker, the unnamed sources in the report's words, or the state or body."""
    verbatim: bool = False
    """The text is the speaker's own words (a quote), set as a quotation; else reported speech."""
    translated_from: str | None = None
    figure: str | None = None
    label: Inline | None = None
    when: str | None = None
    """An event's date or span, as a section of the briefing places it."""
    status: str = "happened"
    """An event's `happened`, `planned` or `cancelled`."""


@dataclass(frozen=True)
class Cell:
    """One actor's position on one question: the stance of its latest statement on it."""

    answer: str
    note: Inline
    statement: StatementView
    notes: tuple[int, ...]
    """Numbers of the statement's sources in the document's notes (none outside a briefing or dossier)."""


@dataclass(frozen=True)
class PositionRow:
    actor: Name
    cells: dict[str, Cell]


@dataclass(frozen=True)
class TopicView:
    id: str
    label: Inline
    question: Inline


@dataclass(frozen=True)
class Section:
    role: str
    heading: Inline | None
    items: tuple[Item, ...]
    topics: tuple[TopicView, ...] = ()
    rows: tuple[PositionRow, ...] = ()


@dataclass(frozen=True)
class CorrectionView:
    date: str
    date_iso: str
    text: Inline


@dataclass(frozen=True)
class BriefingView:
    """Everything a template needs to write one briefing in one language."""

    id: str
    language: LanguageConfig
    title: Inline
    standfirst: Inline
    published: str
    published_iso: str
    updated_iso: str
    event: Name | None
    event_date: str | None
    place: Name | None
    sections: tuple[Section, ...]
    summary: tuple[Item, ...]
    sources: tuple[SourceNote, ...]
    corrections: tuple[CorrectionView, ...]
    status: str
    version: int
    withdrawal: Inline | None
    mentioned: tuple[Name, ...] = field(default=())


# -- views of the site: appended for profiles, events, statements and lists ------


@dataclass(frozen=True)
class SourceRef:
    """A source by id and title, for a link to its page."""

    id: str
    title: Inline


@dataclass(frozen=True)
class StanceView:
    """Where a statement places its actor on one question."""

    topic: TopicView
    answer: str
    note: Inline


@dataclass(frozen=True)
class StatementView:
    """A statement outside a briefing: its own sources instead of a briefing's numbers."""

    id: str
    kind: str
    text: Inline
    by: Inline
    """Who made it: the speaker, the unnamed sources in the report's words, or the state or body."""
    actor: Name | None
    speaker: Name | None
    event: Name | None
    date: str | None
    date_iso: str | None
    stances: tuple[StanceView, ...]
    sources: tuple[SourceRef, ...]
    translated_from: str | None


@dataclass(frozen=True)
class FactView:
    """A fact outside a briefing."""

    id: str
    kind: str
    text: Inline
    figure: str | None
    label: Inline | None
    date: str | None
    date_iso: str | None
    event: Name | None
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class RoleView:
    """An office a person holds or held."""

    title: Inline
    organisation: Name | None
    since: str | None
    until: str | None
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class MembershipView:
    """A party or body a person belongs to."""

    organisation: Name
    since: str | None
    until: str | None
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class ProfileView:
    """What a person's, organisation's or place's own record says."""

    id: str
    kind: str
    name: Name
    short_name: Name
    category: str | None
    """The organisation's or place's kind (`state`, `city`…); None for people."""
    summary: Inline | None
    country: Name | None
    part_of: Name | None
    """The larger body of an organisation, or the place containing a place."""
    roles: tuple[RoleView, ...]
    memberships: tuple[MembershipView, ...] = ()


@dataclass(frozen=True)
class ParticipantView:
    who: Name
    role: Inline | None


@dataclass(frozen=True)
class EventView:
    """An event with everything its own record says."""

    id: str
    name: Name
    kind: str
    date: str
    """When it starts, or the span to when it ends."""
    status: str
    """`happened`, `planned` or `cancelled`."""
    date_iso: str | None
    place: Name | None
    organiser: Name | None
    part_of: Name | None
    participants: tuple[ParticipantView, ...]
    summary: Inline
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class BriefingRef:
    """A briefing as a list entry."""

    id: str
    title: Inline
    standfirst: Inline
    published: str
    published_iso: str
    status: str


# -- views of a dossier (PDF): appended for profiles in context and the timeline --


@dataclass(frozen=True)
class Participation:
    """An event a profiled person or body took part in, and in which capacity."""

    event: Name
    date: str | None
    role: Inline | None


@dataclass(frozen=True)
class AboutView:
    """What the records in scope hold about a person, body or place (`FactGraph.about`), localized."""

    statements: tuple[StatementView, ...]
    facts: tuple[FactView, ...]
    events: tuple[EventView, ...]


@dataclass(frozen=True)
class DossierProfile:
    """A profile as a dossier prints it: the record's own data plus what the dossier's briefings hold about it."""

    profile: ProfileView
    statements: tuple[StatementView, ...]
    facts: tuple[FactView, ...]
    participations: tuple[Participation, ...]
    """The events of the dossier it took part in, organised or hosted, with its capacity where the event gives one."""


@dataclass(frozen=True)
class TimelineEntry:
    """One line of a timeline (the site's page or a dossier's chapter)."""

    date: str
    date_iso: str | None
    kind: str
    """`event`, `office` (a person took up a role), `statement`, `fact` or `briefing`."""
    record_id: str
    name: Name | None
    """The event, or the person taking office."""
    text: Inline | None
    sources: tuple[SourceRef, ...]
    category: str | None
    """The event's kind (`summit`…); None for other entries."""
    by: Inline | None
    """Who made a statement; None for other entries."""
    status: str
    """An event's `happened`, `planned` or `cancelled`; `happened` for every other entry."""
    sort_key: tuple

    @property
    def dated(self) -> bool:
        """Whether the sources give at least the year."""
        return not self.sort_key[0]


@dataclass(frozen=True)
class DossierView:
    """Everything the dossier PDF prints, in one language."""

    id: str
    language: LanguageConfig
    title: Inline
    subtitle: Inline | None
    date: str
    date_iso: str | None
    briefings: tuple[BriefingView, ...]
    profiles: tuple[DossierProfile, ...]
    timeline: tuple[TimelineEntry, ...]
    positions: Section | None
    """Every stance taken in the dossier's briefings, as one matrix; its notes number into `sources`."""
    sources: tuple[SourceNote, ...]
