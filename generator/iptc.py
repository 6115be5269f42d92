"""The IPTC NewsCodes briefing writes into ninjs and JSON-LD: Media Topics and genres, with their URIs and names.

Why a table of labels here: partners' systems show a subject by its name in
the item's language, and IPTC publishes those names; fetching them at build
time would make the build depend on the network. The labels below are
IPTC's own (`prefLabel` in cv.iptc.org/newscodes/mediatopic, release of
2 July 2026, CC BY 4.0, IPTC), for the codes the records use. A record may
name a well-formed code missing here: `briefing validate` warns, and ninjs
carries the code and its URI without a name until its labels are added.
Genre names are in the template catalog (`generator.outputs.exports.newsroom`), as
IPTC labels genres in English only.
"""

from __future__ import annotations

from collections.abc import Mapping

MEDIA_TOPIC_SCHEME = "http://cv.iptc.org/newscodes/mediatopic/"
GENRE_SCHEME = "http://cv.iptc.org/newscodes/genre/"
FALLBACK_LABEL = "en-GB"
"""IPTC's reference language: the label used where it has none in the item's language."""

MEDIA_TOPICS: Mapping[str, Mapping[str, str]] = {
    "medtop:04000000": {"en-GB": "economy, business and finance", "de": "Wirtschaft und Finanzen"},
    "medtop:11000000": {"en-GB": "politics and government", "de": "Politik"},
    "medtop:16000000": {"en-GB": "conflict, war and peace", "de": "Krise, Krieg, Konflikte"},
    "medtop:20000059": {"en-GB": "peacekeeping force", "de": "Friedenstruppe"},
    "medtop:20000073": {"en-GB": "peace process", "de": "Friedensprozess"},
    "medtop:20000598": {"en-GB": "national security", "de": "Verteidigung"},
    "medtop:20000638": {"en-GB": "international relations", "de": "Internationale Beziehung"},
    "medtop:20000640": {"en-GB": "summit meeting", "de": "Gipfel"},
    "medtop:20000642": {"en-GB": "economic sanction", "de": "Wirtschaftliche Sanktion"},
    "medtop:20000643": {"en-GB": "foreign aid", "de": "Auslandshilfe"},
}
"""IPTC's labels of the Media Topics in use, by language tag as IPTC writes it; each code checked there."""

def media_topic_uri(code: str) -> str:
    """The concept's URI, which partners match on.

    >>> media_topic_uri("medtop:20000059")
    'http://cv.iptc.org/newscodes/mediatopic/20000059'
    """
    return MEDIA_TOPIC_SCHEME + code.removeprefix("medtop:")


def media_topic_label(code: str, html_lang: str) -> str | None:
    """IPTC's name of the concept in a language (`de-DE` reads `de`), else in English; None if unknown here.

    >>> media_topic_label("medtop:20000059", "de-DE"), media_topic_label("medtop:20000059", "en-GB")
    ('Friedenstruppe', 'peacekeeping force')
    >>> media_topic_label("medtop:20000059", "uk-UA"), media_topic_label("medtop:99999999", "de-DE")
    ('peacekeeping force', None)
    """
    labels = MEDIA_TOPICS.get(code)
    if labels is None:
        return None
    return labels.get(html_lang) or labels.get(html_lang.split("-")[0]) or labels[FALLBACK_LABEL]


def genre_uri(genre: str) -> str:
    """The genre's URI.

    >>> genre_uri("Summary")
    'http://cv.iptc.org/newscodes/genre/Summary'
    """
    return GENRE_SCHEME + genre
