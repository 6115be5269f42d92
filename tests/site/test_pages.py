"""Page generation: which pages exist, what they say, and that every link between them resolves."""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
from pathlib import Path

import pytest
import yaml

from generator.errors import SiteError
from generator.outputs.site.meta import FENCE, front_matter_of
from generator.outputs.site.run import in_nav, site_nav, site_pages
from generator.project import Project, load_project
from generator.urls import export_url, feed_url, pdf_url

from .conftest import BRIEFING, NOW, body, confirm_all, copy_project, meta, moment, read_record, write_record

MARKDOWN_LINK = re.compile(r"\]\(([^)\s]+)\)")
HTML_HREF = re.compile(r'href="([^"]+)"')


def test_both_languages_have_the_same_pages(pages: dict[str, str]) -> None:
    sections = {code: {path.split("/", 1)[1] for path in pages if path.startswith(f"{code}/")} for code in ("de", "en")}
    assert sections["de"] == sections["en"]
    expected = {"index.md", "briefings/index.md", f"briefings/{BRIEFING}.md", "archive/2026-01.md",
                "timeline.md", "positions.md", "events/paris-summit-2026.md", "people/volodymyr-zelensky.md",
                "organisations/russia.md", "places/elysee-palace.md", "sources/index.md",
                "sources/paris-summit-report.md", "people/index.md", "organisations/index.md"}
    assert expected <= sections["de"]
    assert "index.md" in pages


def test_every_page_link_leads_to_a_generated_page(pages: dict[str, str]) -> None:
    checked = 0
    for path, markdown in pages.items():
        for target in MARKDOWN_LINK.findall(body(markdown)):
            if target.startswith(("#", "http://", "https://")):
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target.split("#")[0]))
            assert resolved in pages, f"{path} links to {target}"
            checked += 1
    assert checked > 500


def test_links_to_other_families_use_their_paths(pages: dict[str, str]) -> None:
    page = pages[f"de/briefings/{BRIEFING}.md"]
    hrefs = {posixpath.normpath(posixpath.join(f"de/briefings/{BRIEFING}/", href))
             for href in HTML_HREF.findall(page)}
    expected = {pdf_url("de", BRIEFING)} | {export_url("de", BRIEFING, fmt)
                                            for fmt in ("ninjs", "fragment", "markdown", "text")}
    assert expected <= hrefs
    assert meta(page)["briefing"]["feed"]["url"] == feed_url("de")


@pytest.mark.parametrize(("language", "name", "heading"), [
    ("de", "Wolodymyr Selenskyj", "## Wer was gesagt hat"),
    ("en", "Volodymyr Zelensky", "## Who said what"),
])
def test_briefing_page_is_the_shared_briefing_with_profile_links(pages: dict[str, str], language: str, name: str,
                                                                 heading: str) -> None:
    page = body(pages[f"{language}/briefings/{BRIEFING}.md"])
    assert f"[{name}](../people/volodymyr-zelensky.md)" in page
    assert heading in page
    assert "[Paris](../places/paris.md)" in page


def test_the_page_cache_reads_back_each_page_s_whole_front_matter(pages: dict[str, str]) -> None:
    """What the page cache hashes of a navigation page is exactly the front matter MkDocs reads, fences included."""
    for source, markdown in pages.items():
        block = front_matter_of(markdown)
        assert block.startswith(FENCE) and block.endswith(FENCE), source
        assert yaml.safe_load(block.removeprefix(FENCE).removesuffix(FENCE)) == meta(markdown), source
        assert markdown[len(block):].lstrip("\n") == body(markdown), source
    assert front_matter_of("# No front matter\n") == ""


def test_briefing_front_matter_names_language_alternates_and_dates(pages: dict[str, str]) -> None:
    data = meta(pages[f"en/briefings/{BRIEFING}.md"])
    briefing = data["briefing"]
    assert briefing["language"] == "en"
    assert briefing["html_lang"] == "en-GB"
    assert briefing["og_type"] == "article"
    assert briefing["published"] == "2026-01-07T09:00:00+01:00"
    assert briefing["lastmod"] == "2026-01-07"
    assert [(alt["lang"], alt["url"]) for alt in briefing["alternates"]] == [
        ("de", f"de/briefings/{BRIEFING}/"), ("en", f"en/briefings/{BRIEFING}/")]
    assert data["description"].startswith("Leaders of the Coalition of the Willing have signed")


@pytest.mark.parametrize("language", ["de", "en"])
def test_news_article_json_ld(pages: dict[str, str], language: str) -> None:
    article = json.loads(meta(pages[f"{language}/briefings/{BRIEFING}.md"])["briefing"]["jsonld"])
    url = f"https://briefing.example.org/{language}/briefings/{BRIEFING}/"
    other = "en" if language == "de" else "de"
    assert article["@context"] == "https://schema.org"
    assert article["@type"] == "NewsArticle"
    assert article["url"] == url
    assert article["inLanguage"] == {"de": "de-DE", "en": "en-GB"}[language]
    assert article["datePublished"] == "2026-01-07T09:00:00+01:00"
    assert article["dateModified"] == "2026-01-07T09:00:00+01:00"
    assert article["author"]["name"] == article["publisher"]["name"] == "Briefing Desk"
    assert [c["name"] for c in article["citation"]] == [
        {"de": "Bericht über das Pariser Treffen der Koalition der Freiwilligen",
         "en": "Report on the Paris meeting of the Coalition of the Willing"}[language]]
    event, *terms = article["about"]
    assert (event["@type"], event["startDate"]) == ("Event", "2026-01-06")
    assert article["dateline"] == {"de": "Paris, 6. Januar 2026", "en": "Paris, 6 January 2026"}[language]
    assert article["genre"] == ["http://cv.iptc.org/newscodes/genre/Summary"]
    peacekeeping = {"@type": "DefinedTerm", "@id": "http://cv.iptc.org/newscodes/mediatopic/20000059",
                    "termCode": "medtop:20000059", "inDefinedTermSet": "http://cv.iptc.org/newscodes/mediatopic/",
                    "name": {"de": "Friedenstruppe", "en": "peacekeeping force"}[language]}
    assert peacekeeping in terms and all(term["@type"] == "DefinedTerm" for term in terms)
    people = {m["name"] for m in article["mentions"] if m["@type"] == "Person"}
    assert {"de": "Wolodymyr Selenskyj", "en": "Volodymyr Zelensky"}[language] in people
    other_url = f"https://briefing.example.org/{other}/briefings/{BRIEFING}/"
    if language == "de":  # the source language: its translations
        assert [work["url"] for work in article["workTranslation"]] == [other_url]
        assert "translationOfWork" not in article
    else:
        assert article["translationOfWork"]["url"] == other_url
        assert article["translationOfWork"]["inLanguage"] == "de-DE"
        assert "workTranslation" not in article


def test_positions_matrix_has_a_row_for_every_state(pages: dict[str, str]) -> None:
    page = body(pages["de/positions.md"])
    rows = {line.split("|")[1].strip(): line for line in page.splitlines() if line.startswith("| **")}
    states = ["Deutschland", "Frankreich", "Italien", "Russland", "Ukraine", "Vereinigte Staaten",
              "Vereinigtes Königreich"]
    assert [re.search(r"\[(.+?)\]", name).group(1) for name in rows] == states
    russia = next(line for name, line in rows.items() if "Russland" in name)
    assert russia.count("keine Äußerung") == 3
    france = next(line for name, line in rows.items() if "Frankreich" in name)
    troops = france.split("|")[2]
    assert "dafür" in troops and "Tausende Soldaten könnten eingesetzt werden" in troops
    assert "[Bericht über das Pariser Treffen der Koalition der Freiwilligen](sources/paris-summit-report.md)" in troops
    assert "[Macron](people/emmanuel-macron.md)" in troops


def test_profile_lists_offices_statements_events_and_briefings(pages: dict[str, str]) -> None:
    page = body(pages["de/people/volodymyr-zelensky.md"])
    assert page.startswith("# Wolodymyr Selenskyj\n")
    assert "- Präsident der Ukraine, seit 20. Mai 2019" in page
    assert "Selenskyj](volodymyr-zelensky.md) lobte „substanzielle Dokumente“" in page
    assert "**Garantien**: <span class=\"stance stance-yes\">dafür</span>" in page
    assert "[Pariser Treffen der Koalition der Freiwilligen](../events/paris-summit-2026.md): " in page
    assert f"](../briefings/{BRIEFING}.md)" in page


def test_organisation_profile_shows_every_question(pages: dict[str, str]) -> None:
    page = body(pages["en/organisations/russia.md"])
    assert page.count("no statement") == 3
    assert f"](../briefings/{BRIEFING}.md)" in page


def test_source_page_lists_what_cites_it(pages: dict[str, str]) -> None:
    page = body(pages["en/sources/paris-summit-report.md"])
    assert "## Briefings relying on this source" in page
    assert f"](../briefings/{BRIEFING}.md)" in page
    assert "reiterated Italy's refusal to send ground troops" in page
    assert "- Publisher: not named by the source" in page
    listing = body(pages["en/sources/index.md"])
    assert "[Report on the Paris meeting of the Coalition of the Willing](paris-summit-report.md)" in listing


def test_archive_and_month_pages(pages: dict[str, str]) -> None:
    assert "- [Januar 2026](../archive/2026-01.md): 1 Briefing" in body(pages["de/briefings/index.md"])
    month = body(pages["en/archive/2026-01.md"])
    assert month.startswith("# Briefings of January 2026")
    assert f"](../briefings/{BRIEFING}.md)" in month


def test_timeline_is_newest_first(pages: dict[str, str]) -> None:
    page = body(pages["en/timeline/2026-01.md"])
    briefing = page.index('<time datetime="2026-01-07">7 January 2026</time>')
    meeting = page.index('<time datetime="2026-01-06">6 January 2026</time>')
    assert page.startswith("# Timeline: January 2026") and briefing < meeting
    assert "[All months](../timeline.md)" in page


def test_the_timeline_has_a_page_per_month_newest_first(pages: dict[str, str]) -> None:
    """However large the archive grows, a timeline page holds one month, and an edit makes one month again."""
    front = body(pages["de/timeline.md"])
    months = re.findall(r"^- \[(.+)\]\(timeline/(\d{4}(?:-\d{2})?)\.md\)$", front, re.MULTILINE)
    assert months[0] == ("Januar 2026", "2026-01") and "<time" not in front
    assert [key for _title, key in months] == sorted((key for _title, key in months), reverse=True)
    assert {f"de/timeline/{key}.md" for _title, key in months} == {p for p in pages if p.startswith("de/timeline/")}


def test_home_lists_latest_briefing_and_key_figures(pages: dict[str, str]) -> None:
    page = body(pages["de/index.md"])
    assert "### [Koalition der Freiwilligen unterzeichnet in Paris" in page
    assert '<span class="key-figure-value">90 Milliarden Euro</span>' in page
    assert "../pdf/de/paris-summit-2026-dossier.pdf" in page


def test_front_door_has_each_language_in_its_own_words(pages: dict[str, str]) -> None:
    page = body(pages["index.md"])
    assert '<div class="language-entry" lang="de-DE" markdown>' in page
    assert "## [Deutsch](de/index.md)" in page and "## [English](en/index.md)" in page
    assert "Briefings, Profile, Chronik und Positionen auf Deutsch." in page
    assert "Briefings, profiles, timeline and positions in English." in page


def test_navigation_holds_only_the_fixed_pages(project: Project) -> None:
    nav = site_nav(project)
    assert [next(iter(section)) for section in nav] == ["Deutsch", "English"]
    german = nav[0]["Deutsch"]
    assert german[0] == {"Start": "de/index.md"}
    assert german[1:] == ["de/briefings/index.md", "de/timeline.md", "de/positions.md", "de/people/index.md",
                          "de/organisations/index.md", "de/places/index.md", "de/events/index.md",
                          "de/sources/index.md"]
    assert len(in_nav(project)) == 18


# -- edited copies of the project --------------------------------------------------

SECRET = {
    "kind": "position",
    "speaker": "keir-starmer",
    "actor": "united-kingdom",
    "text": {"de": "Geheime Zusage zur Luftverteidigung.", "en": "Secret pledge on air defence."},
    "sources": ["paris-summit-report"],
}


def embargoed_project(root: Path) -> Project:
    """The repository's project plus a briefing under embargo until 1 March 2026, with a statement of its own."""
    copy_project(root)
    write_record(root, "statements/secret-pledge.yaml", SECRET)
    briefing = read_record(root, f"briefings/{BRIEFING}.yaml")
    briefing.update(title={"de": "Geheimes Briefing", "en": "Secret briefing"}, status="embargoed",
                    embargo=moment("2026-03-01T06:00:00+01:00"), published=moment("2026-03-01T06:00:00+01:00"),
                    summary=[], sections=[{"role": "key-points", "items": ["secret-pledge"]}])
    write_record(root, "briefings/secret-briefing.yaml", briefing)
    confirm_all(root)
    return load_project(root)


def test_embargoed_briefing_and_its_statements_stay_out_until_the_embargo_lifts(tmp_path: Path) -> None:
    project = embargoed_project(tmp_path / "project")
    before = site_pages(project, NOW)
    assert "en/briefings/secret-briefing.md" not in before
    assert not [path for path, page in before.items() if "Secret pledge" in page or "Geheime Zusage" in page]
    after = site_pages(project, dt.datetime(2026, 3, 2, tzinfo=dt.UTC))
    assert "en/briefings/secret-briefing.md" in after
    assert "Secret pledge on air defence." in after["en/people/keir-starmer.md"]
    assert "](../archive/2026-03.md)" in after["en/briefings/index.md"]
    preview = site_pages(project, NOW, preview=True)
    assert "en/briefings/secret-briefing.md" in preview


def test_record_named_index_is_refused_with_its_file(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    person = read_record(root, "people/jared-kushner.yaml")
    (root / "content/people/jared-kushner.yaml").unlink()
    write_record(root, "people/index.yaml", person)
    for path in (root / "content").rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if "jared-kushner" in text:
            path.write_text(text.replace("jared-kushner", "index"), encoding="utf-8")
    confirm_all(root)
    with pytest.raises(SiteError, match=r"people/index\.yaml: the id 'index' is taken"):
        site_pages(load_project(root), NOW)


def test_hostile_names_stay_text(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    person = read_record(root, "people/jared-kushner.yaml")
    person["name"] = {code: {"full": "<script>alert(1)</script> [x](javascript:alert(2)) *Kushner*"}
                      for code in ("de", "en")}
    write_record(root, "people/jared-kushner.yaml", person)
    confirm_all(root)
    pages = site_pages(load_project(root), NOW)
    profile = body(pages["en/people/jared-kushner.md"])
    assert profile.startswith(
        "# &lt;script&gt;alert(1)&lt;/script&gt; &#91;x&#93;(javascript:alert(2)) &#42;Kushner&#42;")
    assert "<script>" not in profile
    assert "<script>" not in body(pages[f"en/briefings/{BRIEFING}.md"])


def test_names_in_a_case_in_text_and_after_a_catalog_strings_preposition(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    union = read_record(root, "organisations/european-union.yaml")
    union["name"]["de"].update(gender="feminine", article=True,
                               full_cases={"gen": "Europäischen Union", "dat": "Europäischen Union"})
    union["name"]["en"]["article"] = True
    write_record(root, "organisations/european-union.yaml", union)
    event = read_record(root, "events/paris-summit-2026.yaml")
    write_record(root, "events/paris-summit-2026.yaml", {**event, "organiser": "european-union"})
    aid = read_record(root, "facts/eu-aid.yaml")
    aid["text"] = {"de": "Von {@european-union:dat} sind {amount} Hilfe über {period} genehmigt, aus dem Haushalt "
                         "der {@european-union:short:gen:bare}.",
                   "en": "{amount} in aid over {period} was approved by {@european-union:short:nom}."}
    write_record(root, "facts/eu-aid.yaml", aid)
    write_record(root, "organisations/bundestag.yaml", {"kind": "institution", "part_of": "germany", "name": {
        "de": {"full": "Deutscher Bundestag", "gender": "masculine", "article": True,
               "full_cases": {"gen": "Deutschen Bundestages", "dat": "Deutschen Bundestag",
                              "acc": "Deutschen Bundestag"}},
        "en": {"full": "German Bundestag", "article": True}}})
    confirm_all(root)
    pages = site_pages(load_project(root), NOW)
    event_de, event_en = (body(pages[f"{code}/events/paris-summit-2026.md"]) for code in ("de", "en"))
    assert "Veranstaltet von [der Europäischen Union](../organisations/european-union.md)" in event_de
    assert "Organised by [the European Union](../organisations/european-union.md)" in event_en
    briefing_de, briefing_en = (body(pages[f"{code}/briefings/{BRIEFING}.md"]) for code in ("de", "en"))
    assert ("Von [der Europäischen Union](../organisations/european-union.md) sind 90 Milliarden Euro Hilfe über "
            "zwei Jahre genehmigt, aus dem Haushalt der [EU](../organisations/european-union.md).") in briefing_de
    assert "was approved by [the EU](../organisations/european-union.md)." in briefing_en
    bundestag_de, bundestag_en = (body(pages[f"{code}/organisations/bundestag.md"]) for code in ("de", "en"))
    assert "Teil von [Deutschland](germany.md)" in bundestag_de  # Germany's record gives no grammar: as it is
    assert "Noch kein veröffentlichtes Briefing betrifft den Deutschen Bundestag." in bundestag_de
    assert "No published briefing involves the German Bundestag yet." in bundestag_en


@pytest.mark.parametrize(("language", "one", "several"), [("de", "Quelle: ", "Quellen: "),
                                                         ("en", "Source: ", "Sources: ")])
def test_the_source_label_agrees_with_the_number_of_sources(tmp_path: Path, language: str, one: str,
                                                            several: str) -> None:
    root = copy_project(tmp_path / "project")
    fact = read_record(root, "facts/eu-aid.yaml")
    fact["sources"] = [*fact["sources"], "elysee-emmanuel-macron"]
    write_record(root, "facts/eu-aid.yaml", fact)
    confirm_all(root)
    page = body(site_pages(load_project(root), NOW)[f"{language}/organisations/european-union.md"])
    cited = [line.split("record-meta\">", 1)[1] for line in page.splitlines() if "record-meta" in line]
    assert any(several in line and line.count("](../sources/") == 2 for line in cited), cited
    assert all(one in line for line in cited if line.count("](../sources/") == 1), cited
