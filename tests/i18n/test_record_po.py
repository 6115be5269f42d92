"""Record texts out to a PO file and back: what a translator's tool receives, and what an import may write.

The PO editor is polib, which reads and saves a file as Poedit does: a
translator fills msgstr and clears `fuzzy` (and the previous msgid) once a
stale translation is right again.
"""

from __future__ import annotations

import difflib
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from typer.testing import CliRunner

from generator.cli import app
from generator.config import ProjectConfig
from generator.errors import CatalogSyntaxError, ContentError
from generator.i18n.confirmations import confirmations_path, load_confirmations
from generator.i18n.po_export import export_po
from generator.i18n.po_import import import_po
from generator.i18n.status import confirm, translation_status

from .test_catalogs_for_translators import PLACEHOLDER
from .test_status import EU_AID, _copy_project, _edit, _records

PROTOCOLS = Path("content/facts/protocols-approved.yaml")
SOLDIERS = Path("content/facts/french-soldiers.yaml")


@pytest.fixture
def project(tmp_path: Path) -> ProjectConfig:
    """The Paris story, every translation confirmed, then the German of three texts changed."""
    config = _copy_project(tmp_path)
    confirm(_records(config), config)
    _edit(config, EU_AID, "hat kürzlich", "hat vor Kurzem")
    _edit(config, PROTOCOLS, "billigte Protokolle", "billigte am Ende Protokolle")
    _edit(config, SOLDIERS, "Tausende französische", "Mehrere tausend französische")
    return config


def _export(config: ProjectConfig, tmp_path: Path, *, stale_only: bool = False) -> polib.POFile:
    path = tmp_path / ("stale.po" if stale_only else "en.po")
    path.write_bytes(export_po(_records(config), config, "en", stale_only=stale_only))
    return polib.pofile(str(path))


def _translate(po: polib.POFile, translations: dict[str, str]) -> Path:
    """What a translator does in a PO editor: new msgstr, fuzzy cleared, previous msgid gone; then save."""
    for entry in po:
        if entry.msgctxt in translations:
            entry.msgstr = translations.pop(entry.msgctxt)
            entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
            entry.previous_msgid = None
    assert not translations, f"not in the file: {translations}"
    po.save()
    return Path(po.fpath)


def _snapshot(config: ProjectConfig) -> dict[Path, bytes]:
    files = sorted(config.content_dir.rglob("*.yaml")) + [confirmations_path(config)]
    return {path: path.read_bytes() for path in files}


def _stale(config: ProjectConfig) -> set[tuple[str, str]]:
    status = translation_status(_records(config), config, templates=False)
    return {(gap.record_id, gap.field) for gap in status.records if gap.language == "en"}



def test_the_header_names_the_desk_and_the_records_date_not_placeholders(project: ProjectConfig, tmp_path: Path
                                                                         ) -> None:
    """The same header as the template catalogs: an agency's tool shows whom to ask and when the texts date from."""
    header = _export(project, tmp_path).metadata
    for field in ("Report-Msgid-Bugs-To", "Last-Translator", "Language-Team"):
        assert project.site_url in header[field], f"{field}: {header[field]!r}"
    assert str(project.languages["en"].locale) == header["Language"]
    assert all(not PLACEHOLDER.search(value) for field, value in header.items() if field != "Content-Type"), header
    assert header["POT-Creation-Date"] == header["PO-Revision-Date"] != "2026-01-01 00:00+0000"


def test_the_round_trip_changes_exactly_the_translated_texts(project: ProjectConfig, tmp_path: Path) -> None:
    assert _stale(project) == {("eu-aid", "text"), ("protocols-approved", "text"), ("french-soldiers", "text")}
    po = _export(project, tmp_path)
    new_aid = "The {@european-union:short} has now approved {amount} in aid over {period}: for two years."
    new_protocols = ("The {@coalition-of-the-willing} finally approved protocols for a multinational force, with "
                     "the {@united-states:short} leading the monitoring of the ceasefire and European contributions.")
    path = _translate(po, {"eu-aid:text": new_aid, "protocols-approved:text": new_protocols})
    before = _snapshot(project)

    report = import_po(path, _records(project), project)

    after = _snapshot(project)
    changed = {file for file in before if before[file] != after[file]}
    assert changed == {project.root / EU_AID, project.root / PROTOCOLS, confirmations_path(project)}
    for relative, english in ((EU_AID, new_aid), (PROTOCOLS, new_protocols)):
        old, new = before[project.root / relative].decode(), after[project.root / relative].decode()
        diff = [line for line in difflib.ndiff(old.splitlines(), new.splitlines()) if line[:1] in "+-"]
        assert len(diff) == 2 and diff[0].startswith("-   en: ") and diff[1].startswith("+   en: "), diff
        assert english in diff[1]
    assert '  en: "The {@european-union:short} has now approved' in after[project.root / EU_AID].decode(), (
        "a text with ': ' cannot stay plain, so it is quoted")
    assert _stale(project) == {("french-soldiers", "text")}
    assert {(key[0], key[1]) for key in report.confirmed} == {("eu-aid", "text"), ("protocols-approved", "text")}
    assert report.fuzzy == ("french-soldiers:text",)
    first_line = after[project.root / EU_AID].split(b"\n", 1)[0]
    assert first_line == b"# yaml-language-server: $schema=../../schemas/facts.schema.json"


def test_a_stale_entry_carries_its_previous_msgid(project: ProjectConfig, tmp_path: Path) -> None:
    po = _export(project, tmp_path)
    entry = next(entry for entry in po if entry.msgctxt == "eu-aid:text")
    assert entry.fuzzy and "vor Kurzem" in entry.msgid
    assert entry.previous_msgid == "Die {@european-union:short} hat kürzlich {amount} Hilfe über {period} genehmigt."
    written = Path(po.fpath).read_text(encoding="utf-8")
    assert '#| msgctxt "eu-aid:text"\n#| msgid ""\n#| "Die {@european-union:short} hat kürzlich' in written
    assert "no-python-brace-format" in entry.flags and "python-brace-format" not in entry.flags
    assert any("Keep {amount}, {period} as written" in line for line in entry.comment.splitlines())
    assert entry.occurrences == [("content/facts/eu-aid.yaml", "6")]
    label = next(entry for entry in po if entry.msgctxt == "eu-aid:label")
    assert not label.fuzzy and label.msgstr == "EU aid" and label.previous_msgid is None
    paris = next(entry for entry in po if entry.msgctxt == "paris:name.full")
    assert "Page: https://briefing.example.org/en/places/paris/" in paris.comment
    if shutil.which("msgfmt"):
        subprocess.run(["msgfmt", "-c", "-o", "/dev/null", po.fpath], check=True)


def test_stale_only_exports_what_needs_a_translator(project: ProjectConfig, tmp_path: Path) -> None:
    _edit(project, Path("content/facts/eu-aid.yaml"), "  en: EU aid\n", "")
    output = tmp_path / "work.po"
    result = CliRunner().invoke(app, ["i18n", "export", "--language", "en", "--stale-only", "-o", str(output),
                                      "-p", str(project.root)])
    assert result.exit_code == 0, result.output
    po = polib.pofile(str(output))
    assert {entry.msgctxt for entry in po} == {"eu-aid:text", "eu-aid:label", "protocols-approved:text",
                                              "french-soldiers:text"}
    assert next(entry for entry in po if entry.msgctxt == "eu-aid:label").msgstr == ""


def test_a_missing_translation_is_added_after_the_source(project: ProjectConfig, tmp_path: Path) -> None:
    _edit(project, EU_AID, "  en: EU aid\n", "")
    path = _translate(_export(project, tmp_path), {"eu-aid:label": "Aid from the EU"})
    import_po(path, _records(project), project)
    assert "  de: Hilfe der EU\n  en: \"Aid from the EU\"\nfigure:" in (project.root / EU_AID).read_text("utf-8")
    assert ("eu-aid", "label") not in _stale(project)


def test_an_entry_whose_source_changed_after_the_export_is_refused(project: ProjectConfig, tmp_path: Path) -> None:
    path = _translate(_export(project, tmp_path), {"eu-aid:text": "The EU approved {amount} over {period}."})
    _edit(project, EU_AID, "hat vor Kurzem", "hat gestern")
    before = _snapshot(project)
    with pytest.raises(ContentError) as raised:
        import_po(path, _records(project), project)
    message = str(raised.value)
    assert "eu-aid:text: the source text changed since the export: " in message
    assert "[-vor Kurzem-]{+gestern+}" in message and "export again" in message
    assert _snapshot(project) == before


@pytest.mark.parametrize(("context", "msgstr", "expected"), [
    ("nobody:text", "x", "unknown text 'nobody:text': no record has that id"),
    ("eu-aid:../../../etc/passwd", "x", "that record has no such translatable field"),
    ("eu-aid:label", "EU aid {amount}", "does not have the placeholders of the de text ({amount})"),
    ("eu-aid:label", "EU {aid", "msgstr: unmatched '{'"),
    ("eu-aid:label", "EU aid for {@nobody}", "label.en: unknown people or organisations or places or events id"),
])
def test_unknown_or_breaking_entries_refuse_the_whole_file(project: ProjectConfig, tmp_path: Path, context: str,
                                                           msgstr: str, expected: str) -> None:
    po = _export(project, tmp_path)
    good = next(entry for entry in po if entry.msgctxt == "meeting-aim:text")
    good.msgstr += " Changed."
    label = next(entry for entry in po if entry.msgctxt == "eu-aid:label")
    po.append(polib.POEntry(msgctxt=context, msgid=label.msgid if context.startswith("eu-aid") else "Text",
                            msgstr=msgstr))
    if context == "eu-aid:label":
        po.remove(label)
    po.save()
    before = _snapshot(project)
    with pytest.raises(ContentError, match=expected.replace("(", r"\(").replace(")", r"\)").replace("{", r"\{")):
        import_po(Path(po.fpath), _records(project), project)
    assert _snapshot(project) == before


def test_a_duplicate_or_context_free_entry_is_refused(project: ProjectConfig, tmp_path: Path) -> None:
    po = _export(project, tmp_path)
    po.append(polib.POEntry(msgctxt="eu-aid:label", msgid="Hilfe der EU (2)", msgstr="x"))
    po.append(polib.POEntry(msgid="Hallo", msgstr="Hello"))
    po.save()
    with pytest.raises(ContentError) as raised:
        import_po(Path(po.fpath), _records(project), project)
    assert "msgctxt 'eu-aid:label' is already used on line" in str(raised.value)
    assert "entry without msgctxt" in str(raised.value)


def test_a_broken_po_file_is_a_syntax_error(project: ProjectConfig, tmp_path: Path) -> None:
    path = tmp_path / "broken.po"
    path.write_text('msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgctxt "eu-aid:label"\nmsgid "Hilfe der EU"\n'
                    'msgstr EU aid"\n', encoding="utf-8")
    with pytest.raises(CatalogSyntaxError, match=r"broken.po:7: the text after msgstr does not start with a quote"):
        import_po(path, _records(project), project)


def test_cli_import_prints_each_change_and_the_fuzzy_entries(project: ProjectConfig, tmp_path: Path) -> None:
    path = _translate(_export(project, tmp_path), {"eu-aid:text": "The {@european-union:short} has now approved "
                                                                  "{amount} in aid over {period}."})
    result = CliRunner().invoke(app, ["i18n", "import", str(path), "-p", str(project.root)])
    assert result.exit_code == 0, result.output
    assert "content/facts/eu-aid.yaml: eu-aid:text: The {@european-union:short} [-recently-]{+has now+} approved" \
        in result.output
    assert "en: 1 text(s) changed in 1 file(s), 1 field(s) newly confirmed" in result.output
    assert "2 fuzzy entries not imported" in result.output and "french-soldiers:text" in result.output


def test_old_fingerprint_files_load_and_the_next_confirm_fills_in_the_source(tmp_path: Path) -> None:
    config = _copy_project(tmp_path)
    shutil.copy(Path(__file__).parents[1] / "fixtures/paris-story/confirmed.yaml", confirmations_path(config))
    assert translation_status(_records(config), config, templates=False).clean
    old = load_confirmations(config)
    assert all(entry.source is None for entry in old.values())

    confirm(_records(config), config, ids=["paris"])

    new = load_confirmations(config)
    assert set(new) == set(old) and all(entry.source is not None for entry in new.values())
    assert {key: entry.fingerprint for key, entry in new.items()} == {k: e.fingerprint for k, e in old.items()}
    _edit(config, EU_AID, "hat kürzlich", "hat vor Kurzem")
    problem = str(translation_status(_records(config), config, templates=False).problems()[0])
    assert "en translation is older than the de text, which changed: Die {@european-union:short} hat " \
           "[-kürzlich-]{+vor Kurzem+} {amount} Hilfe über …" in problem
