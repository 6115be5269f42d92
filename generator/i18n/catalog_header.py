"""The header of the template catalogs: whose strings they are, which language and plural rule, which dates.

Every field comes from the project, never from the host or a placeholder:

- `Project-Id-Version`: the site's name (`site_name` in mkdocs.yml) and the
  version of briefing, whose templates the catalogs translate.
- `Report-Msgid-Bugs-To`: the desk that writes the English strings, as
  `rights.publisher <site_url>`; mkdocs.yml names no other address.
- `Language` and `Plural-Forms`: the language's CLDR locale from mkdocs.yml
  and Babel's CLDR plural rule for it, written again at every update, so a
  catalog never keeps a rule its language does not have.
- `Last-Translator` and `Language-Team`: the translator's, as their editor
  writes them. A new catalog starts with the desk; an empty value or one of
  gettext's placeholders (`FULL NAME <EMAIL@ADDRESS>`, `LANGUAGE <LL@li.org>`)
  is replaced by it, anything else is kept.
- `POT-Creation-Date`: see `creation_date`; a catalog takes it from the POT.
- `PO-Revision-Date`: when the translation was last revised, which only the
  translator's save knows (Poedit writes it). `update` keeps it, as GNU
  msgmerge does, so a date older than the POT-Creation-Date tells the
  translator the template changed since; a new catalog starts with the
  POT-Creation-Date.

The POT itself has no `Language` and no `Plural-Forms`: it belongs to no
language, and gettext's own POTs carry only placeholders there.
"""

from __future__ import annotations

import datetime
import re

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.plurals import get_plural

import generator
from generator.config import ProjectConfig
from generator.records.load import RecordSet, load_records

NO_DATE = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
"""The POT-Creation-Date of a project whose records hold no released briefing yet, and no earlier POT."""

RELEASED = ("published", "withdrawn")
"""Briefing states whose dates count: a draft's or an embargoed briefing's date is not yet the desk's."""

_PLACEHOLDER = re.compile(r"FULL NAME|EMAIL@ADDRESS|LANGUAGE|LL@li\.org|YEAR-MO-DA|PACKAGE", re.IGNORECASE)


def desk(config: ProjectConfig) -> str:
    """The desk as a PO header names a person or team: `Briefing Desk <https://briefing.example.org/>`."""
    return f"{config.rights.publisher} <{config.site_url}>"


def template_catalog(config: ProjectConfig, comment: str) -> Catalog:
    """An empty POT with the project's header; its date is set by `creation_date`."""
    return Catalog(locale=None, header_comment=comment, project=config.site_name, version=generator.__version__,
                   msgid_bugs_address=desk(config), last_translator=desk(config), language_team=desk(config),
                   creation_date=NO_DATE, revision_date=NO_DATE, fuzzy=False)


def team(config: ProjectConfig, locale: Locale) -> str:
    """The desk's team for one language: `Briefing Desk, German (Germany) <https://briefing.example.org/>`."""
    return f"{config.rights.publisher}, {locale.english_name} <{config.site_url}>"


def language_catalog(config: ProjectConfig, locale: Locale, comment: str, date: datetime.datetime) -> Catalog:
    """A new, empty catalog for `locale` with the project's header, dated `date` (no translation revised yet)."""
    return Catalog(locale=locale, header_comment=comment, project=config.site_name, version=generator.__version__,
                   msgid_bugs_address=desk(config), last_translator=desk(config), language_team=team(config, locale),
                   creation_date=date, revision_date=date, fuzzy=False)


def stamp(catalog: Catalog, config: ProjectConfig, locale: Locale) -> None:
    """Write the project's fields into a catalog read from disk; the translator's fields stay theirs.

    Called after `Catalog.update`, which has copied the POT-Creation-Date from the template.
    """
    catalog.project, catalog.version = config.site_name, generator.__version__
    catalog.msgid_bugs_address = desk(config)
    catalog.locale = locale
    catalog.mime_headers = [("Plural-Forms", get_plural(locale).plural_forms)]
    if _placeholder(catalog.last_translator):
        catalog.last_translator = desk(config)
    if _placeholder(catalog.language_team):
        catalog.language_team = team(config, locale)
    if not isinstance(catalog.revision_date, datetime.datetime):  # "YEAR-MO-DA HO:MI+ZONE" or missing
        catalog.revision_date = catalog.creation_date


def creation_date(config: ProjectConfig, previous: datetime.datetime | None) -> datetime.datetime:
    """The POT-Creation-Date for strings that differ from the POT dated `previous` (None: no POT yet).

    It is the newest moment the records carry: when a released briefing was
    published, corrected or withdrawn. Never earlier than `previous`, and
    `extract` keeps `previous` while the strings stay the same.

    Why the records: they are the desk's own dates, in the repository, so the
    same checkout gives the same header on every machine. The clock would
    date every extraction differently, the newest file time is only the time
    of the checkout, and a constant tells a translator nothing. Why only when
    the strings change: adding a story to content/ must not change a catalog.
    """
    records, _ = load_records(config.content_dir, config.codes, config.limits)  # a broken record has no say
    return max(previous or NO_DATE, newest_release(records))


def newest_release(records: RecordSet) -> datetime.datetime:
    """When a released briefing was last published, corrected or withdrawn (`NO_DATE` before the first)."""
    moments = [NO_DATE]
    for record in records.of_kind("briefings"):
        briefing = record.model
        if briefing.status in RELEASED:
            moments += [briefing.published.datetime, *(c.date.datetime for c in briefing.corrections)]
            moments += [briefing.withdrawn.datetime] if briefing.withdrawn else []
    return max(moment.astimezone(datetime.UTC) for moment in moments)


def _placeholder(value: str | None) -> bool:
    return not (value or "").strip() or bool(_PLACEHOLDER.search(value or ""))
