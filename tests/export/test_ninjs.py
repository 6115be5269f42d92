"""IPTC ninjs: every exported item validates against IPTC's schema and says what partners rely on."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import jsonschema
import pytest

from generator.iptc import MEDIA_TOPICS
from generator.outputs.exports.files import export_files
from generator.outputs.exports.newsroom import html_text, word_count
from generator.project import Project

from .conftest import BRIEFING, NOW, SCHEMAS, MakeProject, moment

SCHEMA_SHA256 = {
    "ninjs-schema_3.1.json": "404f578a299bf34e76e98f2de26ad9989882ebd7abf3a4d3cf3aa689b70a8744",
    "GeoJSON-schema.json": "e52886cce1429941ab3725a055a61d6bf8b6f5429837ff7dbca32f809e3500c2",
}
"""The schemas exactly as IPTC publishes them (see /work/shared/schemas/README.md): kept unmodified."""


def ninjs_files(files: dict[str, str | bytes]) -> dict[str, dict]:
    return {path: json.loads(content) for path, content in files.items() if path.endswith(".ninjs.json")}


def test_schemas_are_iptcs_unmodified() -> None:
    for name, digest in SCHEMA_SHA256.items():
        assert hashlib.sha256((SCHEMAS / name).read_bytes()).hexdigest() == digest, name


def test_every_ninjs_file_validates(exports: dict[str, str | bytes],
                                    ninjs_validator: jsonschema.Draft202012Validator) -> None:
    items = ninjs_files(exports)
    assert set(items) == {f"exports/{code}/{BRIEFING}.ninjs.json" for code in ("de", "en")}
    for path, item in items.items():
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in ninjs_validator.iter_errors(item)]
        assert not errors, f"{path}: {errors}"


@pytest.mark.parametrize("broken", [
    {"pubStatus": "withdrawn"},
    {"versionCreated": "7 January 2026"},
    {"uri": "not a uri"},
    {"unknownField": 1},
    {"associations": [{"uri": "https://example.org/x"}]},
])
def test_the_validator_rejects_what_the_schema_forbids(exports: dict[str, str | bytes],
                                                       ninjs_validator: jsonschema.Draft202012Validator,
                                                       broken: dict) -> None:
    """The validation above can fail: bad status, date, uri, unknown field, unnamed association."""
    item = ninjs_files(exports)[f"exports/en/{BRIEFING}.ninjs.json"] | broken
    assert list(ninjs_validator.iter_errors(item))


def test_item_carries_versions_rights_and_both_bodies(exports: dict[str, str | bytes], project: Project) -> None:
    item = ninjs_files(exports)[f"exports/en/{BRIEFING}.ninjs.json"]
    assert item["uri"] == f"https://briefing.example.org/en/briefings/{BRIEFING}/"
    assert (item["version"], item["pubStatus"], item["language"]) == ("1", "usable", "en-GB")
    assert item["firstCreated"] == item["versionCreated"] == "2026-01-07T09:00:00+01:00"
    assert "embargoedUntil" not in item
    assert item["headlines"][0]["value"].startswith("Coalition of the Willing signs")
    rights = project.config.rights
    assert (item["copyrightHolder"], item["copyrightNotice"]) == ("Briefing Desk", rights.credit["en"])
    assert item["usageTerms"] == rights.usage_terms["en"]
    assert item["rightsInfo"] == {"linkedRights": rights.licence_url}
    html, text = item["bodies"]
    assert (html["contentType"], text["contentType"]) == ("text/html", "text/plain")
    assert html["value"] == exports[f"exports/en/{BRIEFING}.fragment.html"]
    assert text["value"] == exports[f"exports/en/{BRIEFING}.txt"]


def test_entities_carry_canonical_ids(exports: dict[str, str | bytes]) -> None:
    items = ninjs_files(exports)
    for code, name in (("de", "Wolodymyr Selenskyj"), ("en", "Volodymyr Zelensky")):
        people = {p["literal"]: p for p in items[f"exports/{code}/{BRIEFING}.ninjs.json"]["people"]}
        assert people["volodymyr-zelensky"]["name"] == name
        assert people["volodymyr-zelensky"]["rel"] == "speaker"
        assert people["volodymyr-zelensky"]["uri"] == f"https://briefing.example.org/{code}/people/volodymyr-zelensky/"
    item = items[f"exports/en/{BRIEFING}.ninjs.json"]
    assert {o["literal"] for o in item["organisations"]} >= {"france", "germany", "united-states", "ukraine"}
    assert {p["literal"] for p in item["places"]} == {"elysee-palace", "paris"}
    assert [e["literal"] for e in item["events"]] == ["paris-summit-2026"]
    topics = {s["literal"] for s in item["subjects"] if s.get("rel") == "about"}
    assert topics == {"ground-troops", "ceasefire-monitoring", "security-guarantees"}


def test_associations_link_the_language_versions(exports: dict[str, str | bytes]) -> None:
    items = ninjs_files(exports)
    de, en = items[f"exports/de/{BRIEFING}.ninjs.json"], items[f"exports/en/{BRIEFING}.ninjs.json"]
    assert [(a["rel"], a["uri"], a["language"]) for a in de["associations"]] == [("translation", en["uri"], "en-GB")]
    assert [(a["rel"], a["uri"], a["language"]) for a in en["associations"]] == [("translation", de["uri"], "de-DE")]
    assert en["associations"][0]["name"] == de["headlines"][0]["value"]


def test_renditions_are_absolute_links_to_files_that_exist(exports: dict[str, str | bytes]) -> None:
    item = ninjs_files(exports)[f"exports/de/{BRIEFING}.ninjs.json"]
    site = "https://briefing.example.org/"
    for rendition in item["renditions"]:
        assert rendition["href"].startswith(site)
        if rendition["name"] != "pdf":  # the PDF stage writes that one
            assert rendition["href"].removeprefix(site) in exports


def test_embargo_and_withdrawal_as_the_schema_allows(make_project: MakeProject,
                                                     ninjs_validator: jsonschema.Draft202012Validator) -> None:
    project = make_project(briefings={
        "embargoed-briefing": {"title": {"de": "Gesperrt", "en": "Embargoed"}, "status": "embargoed",
                               "embargo": moment("2026-01-10T12:00:00+01:00"),
                               "published": moment("2026-01-10T12:00:00+01:00")},
        "withdrawn-briefing": {"title": {"de": "Zurückgezogen", "en": "Withdrawn one"}, "status": "withdrawn",
                               "withdrawal": {"de": "Die Angaben waren falsch.", "en": "The figures were wrong."},
                               "withdrawn": moment("2026-01-09T08:00:00+01:00")},
    })
    items = ninjs_files(export_files(project, NOW))
    for path, item in items.items():
        assert not list(ninjs_validator.iter_errors(item)), path
    embargoed = items["exports/en/embargoed-briefing.ninjs.json"]
    assert (embargoed["embargoedUntil"], embargoed["pubStatus"]) == ("2026-01-10T12:00:00+01:00", "usable")
    withdrawn = items["exports/en/withdrawn-briefing.ninjs.json"]
    assert (withdrawn["pubStatus"], withdrawn["versionCreated"]) == ("canceled", "2026-01-09T08:00:00+01:00")
    assert withdrawn["edNote"] == "The figures were wrong."
    body = withdrawn["bodies"][0]["value"]
    assert "The figures were wrong." in body and "Key points" not in body  # the notice, not the withdrawn text
    assert items["exports/de/withdrawn-briefing.ninjs.json"]["associations"][0]["pubStatus"] == "canceled"


def test_media_topics_of_the_briefing_and_its_questions_are_subjects(exports: dict[str, str | bytes],
                                                                     project: Project) -> None:
    """Each Media Topic once, with IPTC's URI, its qcode and IPTC's name in the item's language."""
    graph = project.graph
    wanted = [*graph.model(BRIEFING).iptc_media_topics]
    wanted += [code for topic in graph.topics_of(BRIEFING) for code in graph.model(topic).iptc_media_topics]
    for code, language in (("de", "de"), ("en", "en-GB")):
        subjects = [s for s in ninjs_files(exports)[f"exports/{code}/{BRIEFING}.ninjs.json"]["subjects"]
                    if s["literal"].startswith("medtop:")]
        assert [s["literal"] for s in subjects] == list(dict.fromkeys(wanted))
        for subject in subjects:
            assert subject["uri"] == "http://cv.iptc.org/newscodes/mediatopic/" + subject["literal"][7:]
            assert subject["name"] == MEDIA_TOPICS[subject["literal"]][language]


def test_genre_urgency_and_counts(exports: dict[str, str | bytes], project: Project) -> None:
    briefing = project.graph.model(BRIEFING)
    for code, name in (("de", "Briefing"), ("en", "Briefing")):
        item = ninjs_files(exports)[f"exports/{code}/{BRIEFING}.ninjs.json"]
        assert item["genres"] == [{"name": name, "uri": "http://cv.iptc.org/newscodes/genre/Summary",
                                   "literal": "genre:Summary"}]
        assert item["urgency"] == briefing.urgency == 5  # the documented default: the record sets none
        html, text = item["bodies"]
        assert text["wordCount"] == word_count(text["value"]) > 300
        assert html["wordCount"] == word_count(html_text(html["value"])) > 300
        assert text["charCount"] >= len(" ".join(text["value"].split())) > text["wordCount"]


def test_ed_note_says_how_the_text_was_made(exports: dict[str, str | bytes]) -> None:
    de, en = (ninjs_files(exports)[f"exports/{code}/{BRIEFING}.ninjs.json"]["edNote"] for code in ("de", "en"))
    assert de.startswith("Von der Software briefing aus strukturierten Datensätzen")
    assert f"Briefing {BRIEFING}, Version 1" in de and de.endswith("Originalfassung, keine Übersetzung.")
    assert en.startswith("Rendered by the briefing software from structured records")
    assert f"briefing {BRIEFING}, version 1" in en and en.endswith("Translated from German.")


def test_newsroom_fields_follow_the_briefing(make_project: MakeProject,
                                             ninjs_validator: jsonschema.Draft202012Validator) -> None:
    """Urgency, genres and a briefing's own Media Topics come from its record; a code without IPTC labels here
    still reaches partners, by its URI."""
    project = make_project(briefings={
        "flash": {"title": {"de": "Eilmeldung", "en": "Flash"}, "urgency": 1,
                  "genres": ["Current", "Curtain_Raiser"], "iptc_media_topics": ["medtop:16000000", "medtop:20000999"]},
    })
    items = ninjs_files(export_files(project, NOW))
    for path, item in items.items():
        assert not list(ninjs_validator.iter_errors(item)), path
    de, en = items["exports/de/flash.ninjs.json"], items["exports/en/flash.ninjs.json"]
    assert de["urgency"] == en["urgency"] == 1
    assert [g["name"] for g in de["genres"]] == ["Aktuelles", "Vorbericht"]
    assert [g["name"] for g in en["genres"]] == ["Current events", "Curtain raiser"]
    assert [s for s in de["subjects"] if "uri" in s][:2] == [  # the briefing's own first, then its questions'
        {"uri": "http://cv.iptc.org/newscodes/mediatopic/16000000", "literal": "medtop:16000000",
         "name": "Krise, Krieg, Konflikte"},
        {"uri": "http://cv.iptc.org/newscodes/mediatopic/20000999", "literal": "medtop:20000999"}]


def test_json_is_safe_to_embed(exports: dict[str, str | bytes]) -> None:
    for path, content in exports.items():
        if path.endswith((".json", ".jsonl")):
            assert isinstance(content, str)
            assert not set("<>&") & set(content), path


def test_schema_folder_holds_only_the_published_files() -> None:
    assert sorted(p.name for p in SCHEMAS.iterdir()) == sorted(SCHEMA_SHA256)
    assert Path(SCHEMAS / "ninjs-schema_3.1.json").read_text(encoding="utf-8").startswith("{")
