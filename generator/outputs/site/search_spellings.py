"""Every spelling of a name the search knows, as words of one language's index.

Why: a page names a person, organisation or place in its own language
("Volodymyr Zelensky" on /en/), and lunr only finds the words a page holds.
Readers type what they know: the other language's form ("Selenskyj"), a
transliteration a record lists under `aliases` ("Zelenskyy"), a genitive
("Selenskyjs"). Each language's search index therefore carries a small map
from every such word (lower case, accents folded, as the site's search
worker folds them) to the words of the language's own name, and the worker
(templates/site/overrides/assets/javascripts/workers/briefing-search.js)
searches for those as well.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from generator.project import Project

NAMED_KINDS = ("people", "organisations", "places")
"""The kinds whose records have names per language and may list `aliases`."""

SEPARATOR = re.compile(r"[\s\-]+")
"""How Material's search splits words (plugins.search.separator, its default)."""

SHORTEST_WORD = 4
"""Words shorter than this stand for a name only as the whole of it ("EU", "USA"): inside a longer
name they are articles and particles ("der", "of", "the"), which would find everything."""


def fold(text: str) -> str:
    """Lower case without accents, as the search worker folds what it indexes and what readers type.

    >>> fold("Élysée-Palast Straße")
    'elysee-palast strasse'
    """
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().replace("ß", "ss")


def words(name: str) -> list[str]:
    """The folded words of a name, as the index holds them.

    >>> words("Élysée-Palast")
    ['elysee', 'palast']
    """
    return [word for word in SEPARATOR.split(fold(name)) if word]


def name_forms(model: object, language: str) -> list[str]:
    """A record's names in `language`: full and short, in every case given."""
    forms = getattr(model, "name", {}).get(language)
    if forms is None:
        return []
    return [forms.full, *([forms.short] if forms.short else []), *forms.full_cases.values(),
            *forms.short_cases.values()]


def spellings(project: Project, language: str) -> dict[str, list[str]]:
    """`{word: [words of the language's own name]}` for every other spelling of every named record.

    A variant with as many words as one of the language's own forms maps word
    for word (Wolodymyr → volodymyr, Selenskyj → zelensky); any other maps
    each of its words to all words of the full name.
    """
    found: dict[str, set[str]] = {}
    for kind in NAMED_KINDS:
        for record in project.graph.of_kind(kind):
            model = project.graph.model(record.id)
            own = [words(form) for form in name_forms(model, language)]
            if not own:
                continue
            known = {word for form in own for word in form}
            for variant in _variants(model, project.config.codes, language):
                for word, targets in _pairs(words(variant), own):
                    if word not in known and targets:
                        found.setdefault(word, set()).update(targets)
    return {word: sorted(targets) for word, targets in sorted(found.items())}


def _variants(model: object, languages: Iterable[str], language: str) -> list[str]:
    """The record's names in the other languages and its aliases."""
    others = [form for code in languages if code != language for form in name_forms(model, code)]
    return [*others, *getattr(model, "aliases", [])]


def _pairs(variant: list[str], own: list[list[str]]) -> Iterable[tuple[str, list[str]]]:
    """Each word of a variant with the own words it stands for."""
    aligned = next((form for form in own if len(form) == len(variant)), None)
    if aligned is not None:
        yield from ((word, [target]) for word, target in zip(variant, aligned, strict=True)
                    if len(variant) == 1 or len(word) >= SHORTEST_WORD)
        return
    full = [word for word in own[0] if len(own[0]) == 1 or len(word) >= SHORTEST_WORD]
    yield from ((word, full) for word in variant if len(variant) == 1 or len(word) >= SHORTEST_WORD)
