"""A compact word diff of two source texts, for the message that calls a translation stale.

Why words and `[-old-]{+new+}`: it is `git diff --word-diff=plain`'s
notation, readable in a terminal line and a build log; a translator sees
what changed in the German without opening two versions side by side.
"""

from __future__ import annotations

import difflib
from typing import Any

CONTEXT = 3
"""Unchanged words kept on each side of a change; longer runs are shortened to `…`."""


def as_words(value: Any) -> list[str]:
    """The words of a source text; a name's forms as `full: … short: …`.

    >>> as_words({"full": "Deutscher Bundestag", "short": "Bundestag"})
    ['full:', 'Deutscher', 'Bundestag', 'short:', 'Bundestag']
    """
    if isinstance(value, dict):
        return [word for key in sorted(value) if value[key] for word in [f"{key}:", *str(value[key]).split()]]
    return str(value).split()


def word_diff(old: Any, new: Any) -> str:
    """The changed words of `new` against `old`, with a little context.

    >>> word_diff("Die EU hat kürzlich 90 Mrd. Hilfe genehmigt.", "Die EU hat vor Kurzem 90 Mrd. Hilfe genehmigt.")
    'Die EU hat [-kürzlich-]{+vor Kurzem+} 90 Mrd. Hilfe …'
    >>> word_diff("a b c d e f g h i", "a b c d e f g h i j")
    '… g h i {+j+}'
    """
    before, after = as_words(old), as_words(new)
    parts: list[str] = []
    opcodes = difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes()
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            parts += _context(before[i1:i2], first=index == 0, last=index == len(opcodes) - 1)
            continue
        change = ""
        if i2 > i1:
            change += f"[-{' '.join(before[i1:i2])}-]"
        if j2 > j1:
            change += f"{{+{' '.join(after[j1:j2])}+}}"
        parts.append(change)
    return " ".join(parts)


def _context(words: list[str], *, first: bool, last: bool) -> list[str]:
    """An unchanged run: all of it when short, else its ends next to the changes."""
    if len(words) <= CONTEXT * 2 + 1 and not (first or last):
        return words
    head = [] if first else words[:CONTEXT]
    tail = [] if last else words[-CONTEXT:]
    if len(head) + len(tail) >= len(words):
        return words
    return [*head, "…", *tail]
