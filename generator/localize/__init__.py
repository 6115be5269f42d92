"""Localize: the fact graph as one language sees it.

Text becomes a sequence of runs (words, names, formatted values, quotations)
rather than finished HTML, because each output writes the same runs its own
way: linked HTML on the site, plain names in a PDF, Markdown in exports.
All formatting happens here, through Babel, so every output of a language
shows a value identically.

One module per concern, each building on the one before:

| module | views |
| --- | --- |
| `texts` | a record's text as runs, names, dates, values, topics and sources |
| `records` | one statement, fact, profile, event or briefing entry on its own |
| `briefings` | a briefing with its sections and numbered sources |
| `positions` | the positions matrix (briefing sections, site page, profiles, dossiers) |
| `timeline` | the timeline (site page and dossiers) |
| `dossiers` | a dossier: briefings, profiles, timeline and matrix together |
"""

from generator.localize.dossiers import Localizer

__all__ = ["Localizer"]
