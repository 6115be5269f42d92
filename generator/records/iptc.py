"""IPTC NewsCodes in records: Media Topic codes, genres and urgency, checked for their form.

Why here and not in the outputs: a code that cannot be one (`medtop:2000059`,
`20000059`) is a content mistake like an impossible date, reported by
`briefing validate` with file, line and field. Whether a well-formed code
names a real concept is checked against IPTC's own labels in
`generator.iptc`, which the outputs read.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, WithJsonSchema

MEDIA_TOPIC = re.compile(r"medtop:\d{8}")
"""A Media Topic qcode: IPTC's scheme alias `medtop:` and the concept's eight digits."""


def _media_topic(value: str) -> str:
    """The code as written, when it has the form of a Media Topic qcode.

    >>> _media_topic("medtop:20000059")
    'medtop:20000059'
    >>> _media_topic("20000059")
    Traceback (most recent call last):
    ...
    ValueError: not a Media Topic code; write medtop: and its 8 digits, like medtop:20000059
    """
    if not MEDIA_TOPIC.fullmatch(value):
        digits = re.sub(r"\D", "", value)
        example = f"medtop:{digits}" if len(digits) == 8 else "medtop:16000000"
        raise ValueError(f"not a Media Topic code; write medtop: and its 8 digits, like {example}")
    return value


MediaTopicCode = Annotated[
    str, AfterValidator(_media_topic),
    WithJsonSchema({"type": "string", "pattern": f"^{MEDIA_TOPIC.pattern}$",
                    "description": "IPTC Media Topic qcode, e.g. medtop:20000059 (peacekeeping force)"}),
]
"""An IPTC Media Topic, as its qcode `medtop:NNNNNNNN`."""

Genre = Literal["Summary", "Current", "Curtain_Raiser", "Preview", "Analysis", "Background", "Synopsis",
                "Special_Report", "Fact_Check", "Retrospective"]
"""The IPTC genres (cv.iptc.org/newscodes/genre) a briefing desk writes, by their code; none is retired.

`Summary` is what IPTC now labels "Briefing" (a summary of a number of news
items); `Curtain_Raiser` a piece for an event about to take place.
"""

DEFAULT_GENRES: tuple[Genre, ...] = ("Summary",)

Urgency = Annotated[int, Field(ge=1, le=9)]
"""IPTC urgency: 1 the most urgent, 9 the least; 5 is the desk's normal."""

DEFAULT_URGENCY = 5
