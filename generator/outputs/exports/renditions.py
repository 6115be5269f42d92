"""The readable renditions of one briefing for partners: fragment, Markdown, text, page and short brief.

Why a module apart from `generator.outputs.briefing`: partners republish
these files on their own sites, so every link is absolute, every document
carries the credit line, licence and canonical link, and a withdrawn
briefing is rendered as its withdrawal notice instead of its text. The
body itself is the shared one (`briefing/body.html.j2`, `briefing_markdown`,
`briefing_page`, `briefing_short`), so the site, the PDF and the exports
never disagree about what a briefing says.
"""

from __future__ import annotations

from typing import Any

from generator.editorial import last_change
from generator.i18n.dates import iso_datetime
from generator.outputs.briefing import briefing_markdown, briefing_page, briefing_short
from generator.outputs.exports.formats import RENDITIONS
from generator.project import Project
from generator.render import LinkFor, render_template
from generator.urls import PAGE_KINDS, absolute_url, page_url
from generator.views import BriefingView, Name


def absolute_links(project: Project, language: str) -> LinkFor:
    """Names link to their page on our site, as absolute URLs (kinds without pages stay text)."""
    site = project.config.site_url

    def link_for(name: Name) -> str | None:
        return absolute_url(site, page_url(language, name.kind, name.record_id)) if name.kind in PAGE_KINDS else None

    return link_for


def canonical_url(project: Project, language: str, briefing_id: str) -> str:
    """The briefing's page on our site: where republished copies point back to."""
    return absolute_url(project.config.site_url, page_url(language, "briefings", briefing_id))


class BriefingExport:
    """One briefing in one language, with what every rendition of it shares."""

    def __init__(self, project: Project, briefing_id: str, language: str):
        self.project = project
        self.view: BriefingView = project.briefing(briefing_id, language)
        self.language = language
        self.canonical = canonical_url(project, language, briefing_id)
        self.link_for = absolute_links(project, language)
        self.withdrawn = self.view.status == "withdrawn"
        self.updated = last_change(project, briefing_id)

    @property
    def updated_iso(self) -> str:
        """The moment of this version (withdrawal, last correction or publication), ISO 8601."""
        return iso_datetime(self.updated)

    def context(self) -> dict[str, Any]:
        """What the export templates see besides gettext."""
        rights = self.project.config.rights
        return {
            "b": self.view,
            "language": self.view.language,
            "link_for": self.link_for,
            "canonical": self.canonical,
            "credit": rights.credit.get(self.language, rights.publisher),
            "licence": rights.licence,
            "licence_url": rights.licence_url,
            "withdrawn": self.project.localizer(self.language).moment(self.updated) if self.withdrawn else "",
            "withdrawn_iso": self.updated_iso if self.withdrawn else "",
        }

    def render(self, template: str) -> str:
        return render_template(self.project.env, template, self.project.translations(self.language),
                               **self.context())

    def fragment(self) -> str:
        """Semantic HTML of the article with its attribution; no chrome, styles or external assets."""
        return self.render("export/fragment.html.j2")

    def markdown(self) -> str:
        """CommonMark of the briefing (or the notice) with the attribution."""
        if self.withdrawn:
            body = self.render("export/notice.md.j2")
        else:
            body = briefing_markdown(self.project, self.view, self.link_for)
        return body + self.render("export/attribution.md.j2")

    def text(self) -> str:
        """Plain text, for systems that take no markup."""
        return self.render("export/briefing.txt.j2")

    def page(self) -> str:
        """A standalone HTML page (the shared one), or the notice page once withdrawn."""
        if self.withdrawn:
            return self.render("export/notice-page.html.j2")
        return briefing_page(self.project, self.view, self.link_for)

    def short(self) -> str:
        """The five-sentence brief linking to the canonical page (the notice once withdrawn), with the credit."""
        if self.withdrawn:
            body = self.render("export/notice.md.j2")
        else:
            body = briefing_short(self.project, self.view, self.canonical)
        return body + self.render("export/attribution.md.j2")

    def renditions(self) -> dict[str, str]:
        """Every readable rendition (`generator.outputs.exports.formats.RENDITIONS`), by format name."""
        return {name: getattr(self, name)() for name in RENDITIONS}
