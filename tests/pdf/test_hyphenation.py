"""Hyphenation patterns parsed once are kept, found again by the next process, and never trusted when damaged."""

from __future__ import annotations

import os
from pathlib import Path

import pyphen
import pytest

from generator.outputs.pdf.hyphenation import KeptDictionaries

WORDS = ["Bundesregierung", "Sicherheitsgarantien", "Waffenstillstandsüberwachung", "Koalitionsvereinbarung"]
GERMAN = pyphen.LANGUAGES["de_DE"]


def hyphenated(dictionaries: KeptDictionaries, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setattr(pyphen, "hdcache", dictionaries)
    hyphenator = pyphen.Pyphen(lang="de_DE")
    return [hyphenator.inserted(word) for word in WORDS]


def not_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: pyphen.HyphDict, path: Path) -> None:
        raise AssertionError(f"{path.name} was parsed again")

    monkeypatch.setattr(pyphen.HyphDict, "__init__", refuse)


def test_a_kept_dictionary_hyphenates_as_the_parsed_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed = hyphenated(KeptDictionaries(tmp_path), monkeypatch)
    assert [file.name.startswith("hyph_de_DE-") for file in tmp_path.iterdir()] == [True]
    not_parsed(monkeypatch)
    assert hyphenated(KeptDictionaries(tmp_path), monkeypatch) == parsed
    assert parsed[0] == "Bun-des-re-gie-rung"


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"maxlen": 5}', b'{"maxlen": 5, "patterns": [1, 2]}',
                                    b'{"maxlen": 5, "patterns": {"ab": 3}}'])
def test_a_damaged_kept_file_is_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: bytes) -> None:
    parsed = hyphenated(KeptDictionaries(tmp_path), monkeypatch)
    [kept] = tmp_path.iterdir()
    kept.write_bytes(damage)
    assert hyphenated(KeptDictionaries(tmp_path), monkeypatch) == parsed
    assert kept.read_bytes() != damage, "the parsed patterns are kept again"


def test_a_changed_dictionary_file_is_not_answered_with_old_patterns(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "hyph_de_DE.dic"
    copy.write_bytes(GERMAN.read_bytes())
    kept = KeptDictionaries(tmp_path / "kept")
    kept[copy] = pyphen.HyphDict(copy)
    os.utime(copy, ns=(0, 0))
    assert copy not in KeptDictionaries(tmp_path / "kept")


def test_nonstandard_hyphenation_is_not_kept(tmp_path: Path) -> None:
    """Hungarian patterns change letters at the break (`ssz` → `sz-sz`): their values are not plain numbers."""
    hungarian = pyphen.LANGUAGES["hu_HU"]
    KeptDictionaries(tmp_path)[hungarian] = pyphen.HyphDict(hungarian)
    assert not any(tmp_path.iterdir())


def test_warming_loads_every_kept_dictionary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the fork server does before it forks the PDF workers."""
    hyphenated(KeptDictionaries(tmp_path), monkeypatch)
    warmed = KeptDictionaries(tmp_path)
    not_parsed(monkeypatch)
    warmed.warm()
    assert dict.__contains__(warmed, GERMAN)
