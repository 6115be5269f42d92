"""The Paris story (frozen in tests/fixtures/paris-story) models every fact of its seed report, in German and English.

Seed: shared/seeds/paris-summit-2026-01-06.de.txt. Each test names the sentence it checks.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from generator.records import Briefing, Event, Fact, Person, Statement
from generator.records.base import LocalizedDict
from generator.records.load import Record, RecordSet
from generator.records.text import Mention, Placeholder, Quotation, parse_text
from generator.records.values import CountValue, DateValue, DurationValue, MoneyValue, PartialDate
from generator.records.walk import walk
from generator.validate import ValidationReport, validate_content

from ..conftest import paris_project

LANGUAGES = ("de", "en")


@pytest.fixture(scope="module")
def report() -> ValidationReport:
    return validate_content(paris_project())


@pytest.fixture(scope="module")
def records(report: ValidationReport) -> RecordSet:
    return report.records


def model(records: RecordSet, record_id: str) -> Any:
    record = records.get(record_id)
    assert record is not None, f"no record {record_id!r}"
    return record.model


def mentions(text: str) -> set[str]:
    return {i for token in parse_text(text) if isinstance(token, Mention) for i in token.ids}


def quotations(text: str) -> list[str]:
    return [token.text for token in parse_text(text) if isinstance(token, Quotation)]


def placeholders(text: str) -> set[str]:
    return {token.name for token in parse_text(text) if isinstance(token, Placeholder)}


def test_content_validates_cleanly(report: ValidationReport) -> None:
    assert [str(p) for p in report.problems] == []
    assert report.summary().endswith(": 0 error(s), 0 warning(s)")


def test_every_text_is_in_both_languages(records: RecordSet) -> None:
    missing = [(record.id, path) for record in records for path, value in walk(record.model)
               if isinstance(value, LocalizedDict) and set(value) != set(LANGUAGES)]
    assert missing == []


# --- "Am 6. Januar 2026 fand im Élysée-Palast in Paris ein entscheidendes Treffen ... statt" ---------------------


def test_the_event(records: RecordSet) -> None:
    event = model(records, "paris-summit-2026")
    assert isinstance(event, Event)
    assert event.date == DateValue(date=PartialDate(year=2026, month=1, day=6))
    assert event.place == "elysee-palace"
    assert event.name["de"].full == "Pariser Treffen der Koalition der Freiwilligen"
    assert event.name["en"].full == "Paris meeting of the Coalition of the Willing"
    assert "paris-summit-report" in event.sources


def test_the_place(records: RecordSet) -> None:
    palace, paris = model(records, "elysee-palace"), model(records, "paris")
    assert (palace.name["de"].full, palace.name["en"].full) == ("Élysée-Palast", "Élysée Palace")
    assert (palace.kind, palace.within, palace.country) == ("building", "paris", "france")
    assert (paris.kind, paris.name["de"].full, paris.name["en"].full) == ("city", "Paris", "Paris")


def test_participants(records: RecordSet) -> None:
    event = model(records, "paris-summit-2026")
    who = [p.who for p in event.participants]
    for person in ("emmanuel-macron", "volodymyr-zelensky", "keir-starmer", "friedrich-merz", "steve-witkoff",
                   "jared-kushner"):
        assert person in who
    assert "coalition-of-the-willing" in who


@pytest.mark.parametrize("envoy", ["steve-witkoff", "jared-kushner"])
def test_us_envoys(records: RecordSet, envoy: str) -> None:
    [participant] = [p for p in model(records, "paris-summit-2026").participants if p.who == envoy]
    assert participant.role == {"de": "US-Gesandter", "en": "US envoy"}
    person = model(records, envoy)
    assert person.country == "united-states"
    assert person.roles[0].title == {"de": "US-Gesandter", "en": "US envoy"}
    assert person.roles[0].sources == ["paris-summit-report"]


# --- "das 35 mit der Ukraine verbündete Länder zusammenbrachte" --------------------------------------------------


def test_35_countries_is_a_typed_count(records: RecordSet) -> None:
    fact = model(records, "countries-at-meeting")
    assert isinstance(fact, Fact)
    assert fact.values == {"countries": CountValue(count=35)}
    assert fact.event == "paris-summit-2026"
    for language in LANGUAGES:
        assert placeholders(fact.text[language]) == {"date", "countries"}
        assert "35" not in fact.text[language]
        assert {"ukraine", "steve-witkoff", "jared-kushner", "elysee-palace", "paris"} <= mentions(fact.text[language])
    assert "verbündete Länder" in fact.text["de"]
    assert "countries allied with" in fact.text["en"]


# --- "unterzeichneten ... eine Absichtserklärung zur Entsendung einer multinationalen Truppe" ---------------------


def test_declaration_of_intent(records: RecordSet) -> None:
    fact = model(records, "declaration-of-intent")
    assert fact.kind == "decision"
    assert {"emmanuel-macron", "volodymyr-zelensky", "keir-starmer"} <= set(fact.actors)
    assert "Absichtserklärung zur Entsendung einer multinationalen Truppe" in fact.text["de"]
    assert "declaration of intent to deploy a multinational force" in fact.text["en"]
    for language in LANGUAGES:
        assert {"paris", "coalition-of-the-willing", "emmanuel-macron", "volodymyr-zelensky", "keir-starmer",
                "ukraine", "russia"} <= mentions(fact.text[language])


def test_russia_is_the_ceasefire_party(records: RecordSet) -> None:
    fact = model(records, "declaration-of-intent")
    assert "Waffenstillstand mit {@russia}" in fact.text["de"]
    assert "ceasefire with {@russia}" in fact.text["en"]
    assert "russia" in model(records, "progress-depends-on-ceasefire").actors


# --- "Die Koalition billigte Protokolle für eine multinationale Truppe, mit US-Führung ..." ----------------------


def test_protocols_approved(records: RecordSet) -> None:
    fact = model(records, "protocols-approved")
    assert fact.kind == "decision"
    assert "united-states" in fact.actors
    assert "billigte Protokolle für eine multinationale Truppe" in fact.text["de"]
    assert "europäischen Beiträgen" in fact.text["de"]
    assert "approved protocols for a multinational force" in fact.text["en"]
    assert "European contributions" in fact.text["en"]


def test_meeting_aim_with_us_lead_in_monitoring(records: RecordSet) -> None:
    fact = model(records, "meeting-aim")
    assert "rechtlich bindende Sicherheitsgarantien" in fact.text["de"]
    assert "legally binding security guarantees" in fact.text["en"]
    assert "Überwachung des Waffenstillstands" in fact.text["de"]
    assert "monitoring of the ceasefire" in fact.text["en"]


def test_us_leads_ceasefire_monitoring(records: RecordSet) -> None:
    statement = model(records, "us-ceasefire-monitoring")
    assert (statement.kind, statement.actor, statement.speaker) == ("position", "united-states", None)
    [stance] = statement.stances
    assert (stance.topic, stance.answer) == ("ceasefire-monitoring", "leads")
    assert "Überwachung des Waffenstillstands" in statement.text["de"]
    assert "monitoring the ceasefire" in statement.text["en"]


def test_us_backs_the_force(records: RecordSet) -> None:
    statement = model(records, "us-backing-force")
    assert (statement.kind, statement.actor) == ("position", "united-states")
    [stance] = statement.stances
    assert (stance.topic, stance.answer) == ("security-guarantees", "yes")
    assert "im Falle eines russischen Angriffs zu unterstützen" in statement.text["de"]
    assert "backing the force in the event of a Russian attack" in statement.text["en"]


def test_thousands_of_french_soldiers(records: RecordSet) -> None:
    fact = model(records, "french-soldiers")
    assert fact.actors == ["france"]
    assert "Tausende französische Soldaten" in fact.text["de"]
    assert "Thousands of French soldiers" in fact.text["en"]


def test_a_year_of_efforts(records: RecordSet) -> None:
    fact = model(records, "year-of-efforts")
    for language in LANGUAGES:
        assert mentions(fact.text[language]) == {"emmanuel-macron", "volodymyr-zelensky", "keir-starmer",
                                                 "friedrich-merz"}
    assert "ein Jahr der Bemühungen" in fact.text["de"]
    assert "a year of efforts" in fact.text["en"]


# --- quotes and positions ----------------------------------------------------------------------------------------

STATEMENTS = [
    # id, kind, speaker, actor, German quoted words, English quoted words
    ("macron-thousands-of-soldiers", "partial-quote", "emmanuel-macron", "france",
     ["Tausende von Soldaten zur Wahrung des Friedens in der Ukraine eingesetzt werden könnten"],
     ["thousands of soldiers could be deployed to keep the peace in Ukraine"]),
    ("macron-army-regeneration", "reported", "emmanuel-macron", "france", [], []),
    ("starmer-military-hubs", "partial-quote", "keir-starmer", "united-kingdom", ["Militärzentren"], ["military hubs"]),
    ("merz-compromises", "partial-quote", "friedrich-merz", "germany", ["Kompromissen"], ["compromises"]),
    ("merz-troops-neighbouring-country", "reported", "friedrich-merz", "germany", [], []),
    ("meloni-no-ground-troops", "position", "giorgia-meloni", "italy", [], []),
    ("zelensky-substantial-documents", "partial-quote", "volodymyr-zelensky", "ukraine",
     ["substanzielle Dokumente", "nicht nur Worte"], ["substantial documents", "not just words"]),
    ("us-backing-force", "position", None, "united-states", [], []),
    ("us-ceasefire-monitoring", "position", None, "united-states", [], []),
]


@pytest.mark.parametrize(("record_id", "kind", "speaker", "actor", "quoted_de", "quoted_en"), STATEMENTS)
def test_statement(records: RecordSet, record_id: str, kind: str, speaker: str | None, actor: str,
                   quoted_de: list[str], quoted_en: list[str]) -> None:
    statement = model(records, record_id)
    assert isinstance(statement, Statement)
    assert (statement.kind, statement.speaker, statement.actor) == (kind, speaker, actor)
    assert statement.sources == ["paris-summit-report"]
    assert quotations(statement.text["de"]) == quoted_de
    assert quotations(statement.text["en"]) == quoted_en
    if speaker:
        for language in LANGUAGES:
            assert speaker in mentions(statement.text[language])


def test_quotes_are_worded_in_german(records: RecordSet) -> None:
    quotes = [r.model for r in records.of_kind("statements") if r.model.kind == "partial-quote"]
    assert len(quotes) == 4
    assert all(q.quote is not None and q.quote.language == "de" for q in quotes)
    assert all(q.quote.spoken_language is None and q.quote.translation is None for q in quotes)


def test_every_country_of_the_report_has_a_statement(records: RecordSet) -> None:
    actors = [r.model.actor for r in records.of_kind("statements")]
    assert sorted(set(actors)) == ["france", "germany", "italy", "ukraine", "united-kingdom", "united-states"]
    assert actors.count("germany") == 2


@pytest.mark.parametrize(("record_id", "de", "en"), [
    ("macron-army-regeneration", "Regeneration der ukrainischen Armee", "regeneration of the Ukrainian army"),
    ("merz-troops-neighbouring-country", "vorerst ohne Eintritt in die {@ukraine}",
     "without entering {@ukraine} for the time being"),
    ("meloni-no-ground-troops", "Bodentruppen zu entsenden", "send ground troops"),
])
def test_reported_speech(records: RecordSet, record_id: str, de: str, en: str) -> None:
    statement = model(records, record_id)
    assert de in statement.text["de"]
    assert en in statement.text["en"]


def test_merz_neighbouring_nato_country(records: RecordSet) -> None:
    statement = model(records, "merz-troops-neighbouring-country")
    for language in LANGUAGES:
        assert {"nato", "ukraine"} <= mentions(statement.text[language])
    [stance] = statement.stances
    assert (stance.topic, stance.answer) == ("ground-troops", "conditional")


def test_meloni_refuses_ground_troops(records: RecordSet) -> None:
    [stance] = model(records, "meloni-no-ground-troops").stances
    assert (stance.topic, stance.answer) == ("ground-troops", "no")


# --- "Die EU hat kürzlich 90 Milliarden Euro Hilfe über zwei Jahre genehmigt." -----------------------------------


def test_eu_aid(records: RecordSet) -> None:
    fact = model(records, "eu-aid")
    assert fact.actors == ["european-union"]
    assert fact.values["amount"] == MoneyValue(money=Decimal(90000000000), currency="EUR")
    assert fact.values["period"] == DurationValue(duration="P2Y")
    assert fact.values["period"].parts() == {"years": 2}
    assert fact.date is not None and fact.date.date.precision == "unknown"
    for language in LANGUAGES:
        assert placeholders(fact.text[language]) == {"amount", "period"}
    assert "kürzlich" in fact.text["de"]
    assert "recently" in fact.text["en"]


# --- "... inmitten von vier Jahren Krieg." -----------------------------------------------------------------------


def test_four_years_of_war(records: RecordSet) -> None:
    fact = model(records, "progress-depends-on-ceasefire")
    assert fact.values == {"war": DurationValue(duration="P4Y")}
    assert "abhängig von einem Waffenstillstand" in fact.text["de"]
    assert "dependent on a ceasefire" in fact.text["en"]
    for language in LANGUAGES:
        assert placeholders(fact.text[language]) == {"war"}


# --- people ------------------------------------------------------------------------------------------------------

ROLES = [
    ("emmanuel-macron", "france", "Präsident der Französischen Republik", "President of the French Republic"),
    ("keir-starmer", "united-kingdom", "Premierminister des Vereinigten Königreichs",
     "Prime Minister of the United Kingdom"),
    ("friedrich-merz", "germany", "Bundeskanzler der Bundesrepublik Deutschland", "Federal Chancellor of Germany"),
    ("giorgia-meloni", "italy", "Ministerpräsidentin Italiens", "Prime Minister of Italy"),
    ("volodymyr-zelensky", "ukraine", "Präsident der Ukraine", "President of Ukraine"),
]


@pytest.mark.parametrize(("person_id", "country", "de", "en"), ROLES)
def test_roles_cite_a_source_record(records: RecordSet, person_id: str, country: str, de: str, en: str) -> None:
    person = model(records, person_id)
    assert isinstance(person, Person)
    assert person.country == country
    [role] = person.roles
    assert role.title == {"de": de, "en": en}
    assert role.organisation == country
    assert role.sources
    for source in role.sources:
        record = records.get(source)
        assert record is not None and record.kind == "sources"


def test_zelensky_name_forms(records: RecordSet) -> None:
    name = model(records, "volodymyr-zelensky").name
    assert (name["de"].full, name["de"].short) == ("Wolodymyr Selenskyj", "Selenskyj")
    assert (name["en"].full, name["en"].short) == ("Volodymyr Zelensky", "Zelensky")


def test_coalition_name_forms(records: RecordSet) -> None:
    name = model(records, "coalition-of-the-willing").name
    assert (name["de"].full, name["en"].full) == ("Koalition der Freiwilligen", "Coalition of the Willing")


# --- sources and the briefing ------------------------------------------------------------------------------------


def sourced(records: RecordSet) -> list[Record]:
    return records.of_kind("statements") + records.of_kind("facts")


def test_every_statement_and_fact_has_a_source(records: RecordSet) -> None:
    assert len(sourced(records)) == 17
    for record in sourced(records):
        assert record.model.sources, record.id
        for source in record.model.sources:
            target = records.get(source)
            assert target is not None and target.kind == "sources", (record.id, source)


def test_the_report_is_a_german_source_without_invented_publisher(records: RecordSet) -> None:
    source = model(records, "paris-summit-report")
    assert (source.language, source.publisher, source.url, source.published) == ("de", None, None, None)


def test_briefing_references_exist(records: RecordSet) -> None:
    briefing = model(records, "paris-summit-2026-01-06")
    assert isinstance(briefing, Briefing)
    assert briefing.event == "paris-summit-2026"
    assert briefing.status == "published"
    referenced = [*briefing.summary, *(item for section in briefing.sections for item in section.items)]
    assert len(referenced) > 20
    for target in referenced:
        record = records.get(target)
        assert record is not None and record.kind in ("facts", "statements", "events"), target
    roles = [section.role for section in briefing.sections]
    assert roles == ["key-points", "key-figures", "quotes", "positions", "context", "outlook"]


def test_briefing_uses_every_statement_and_fact(records: RecordSet) -> None:
    briefing = model(records, "paris-summit-2026-01-06")
    used = {item for section in briefing.sections for item in section.items}
    assert {r.id for r in sourced(records)} <= used


def test_dossier_collects_the_briefing(records: RecordSet) -> None:
    dossier = model(records, "paris-summit-2026-dossier")
    assert dossier.briefings == ["paris-summit-2026-01-06"]
    for profile in dossier.profiles:
        record = records.get(profile)
        assert record is not None and record.kind in ("people", "organisations")
