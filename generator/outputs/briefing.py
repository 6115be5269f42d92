"""Briefing documents: site Markdown, the standalone HTML page and the short newsletter brief.

Pure functions from a localized view to text; only the writer touches disk.
"""

from __future__ import annotations

from generator.markup import COMMONMARK, Writer
from generator.project import Project
from generator.render import LinkFor, render_template
from generator.views import BriefingView


def briefing_markdown(project: Project, view: BriefingView, link_for: LinkFor | None = None,
                      writer: Writer = COMMONMARK) -> str:
    """The whole briefing as Markdown for `writer` (see `generator.markup`); names link where `link_for` says."""
    return render_template(project.env, "briefing/briefing.md.j2", project.translations(view.language.code),
                           b=view, language=view.language, link_for=link_for, markdown_writer=writer)


def briefing_page(project: Project, view: BriefingView, link_for: LinkFor | None = None) -> str:
    """A standalone HTML page: no site chrome, no external assets."""
    code = view.language.code
    credit = project.config.rights.credit.get(code, "")
    return render_template(project.env, "briefing/standalone.html.j2", project.translations(code),
                           b=view, language=view.language, link_for=link_for, credit=credit)


def briefing_short(project: Project, view: BriefingView, url: str) -> str:
    """The five-sentence brief for newsletters, linking to the full briefing."""
    return render_template(project.env, "briefing/short.md.j2", project.translations(view.language.code),
                           b=view, language=view.language, url=url, link_for=None)
