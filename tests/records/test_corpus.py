"""The benchmark corpus is valid content of the promised size, the same for the same seed."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from generator.validate import validate_content

ROOT = Path(__file__).resolve().parents[2]

MKDOCS_DE_EN_FR = """\
site_name: Corpus
site_url: https://briefing.example.org/
plugins:
  - briefing:
      rights: {publisher: Briefing Desk, licence: CC BY 4.0}
      languages:
        de: {locale: de_DE, quotes: ["„", "“", "‚", "‘"]}
        en: {locale: en_GB, quotes: ["“", "”", "‘", "’"]}
        fr: {locale: fr_FR, quotes: ["«", "»", "“", "”"]}
"""


@pytest.fixture(scope="module")
def corpus() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus", ROOT / "benchmarks" / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.yaml"))}


@pytest.mark.parametrize("briefings", [1, 12])
def test_corpus_validates_cleanly(corpus: ModuleType, tmp_path: Path, briefings: int) -> None:
    count = corpus.write_corpus(tmp_path, briefings)
    assert count == corpus.corpus_size(briefings) == len(files_of(tmp_path))
    report = validate_content(ROOT, tmp_path)
    assert [str(p) for p in report.problems] == []
    assert len(report.records) == count


def test_corpus_has_the_shape_of_a_news_desk(corpus: ModuleType, tmp_path: Path) -> None:
    corpus.write_corpus(tmp_path, 11)
    kinds = {kind.name: len(list(kind.glob("*.yaml"))) for kind in tmp_path.iterdir()}
    assert kinds == {"briefings": 11, "events": 11, "facts": 55, "statements": 44, "people": 33,
                     "organisations": 22, "places": 22, "sources": 8, "topics": 3, "dossiers": 2}
    report = validate_content(ROOT, tmp_path)
    values = [kind for r in report.records.of_kind("facts") for kind in r.model.values]
    assert {"countries", "amount", "period", "share", "talks", "deadline"} <= set(values)
    quotes = [r.model for r in report.records.of_kind("statements") if r.model.kind == "partial-quote"]
    assert len(quotes) == 22
    assert all('{"' in q.text["de"] and "{@" in q.text["en"] for q in quotes)


def test_corpus_is_deterministic(corpus: ModuleType, tmp_path: Path) -> None:
    corpus.write_corpus(tmp_path / "a", 3)
    corpus.write_corpus(tmp_path / "b", 3)
    corpus.write_corpus(tmp_path / "c", 3, seed=7)
    assert files_of(tmp_path / "a") == files_of(tmp_path / "b")
    assert files_of(tmp_path / "a") != files_of(tmp_path / "c")


def test_corpus_in_three_languages(corpus: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_DE_EN_FR, encoding="utf-8")
    for folder in ("templates", "locales", "docs"):
        (tmp_path / folder).mkdir()
    corpus.write_corpus(tmp_path / "content", 2, ("de", "en", "fr"))
    report = validate_content(tmp_path)
    assert [str(p) for p in report.problems] == []
    fact = report.records.get("fact-0001-1")
    assert fact is not None and set(fact.model.text) == {"de", "en", "fr"}
    assert fact.model.text["fr"].startswith("[fr] ")


def test_corpus_sizes(corpus: ModuleType) -> None:
    assert [corpus.corpus_size(corpus.briefings_for(n)) for n in (250, 500, 1000, 2000)] == [247, 500, 1007, 2002]
    with pytest.raises(ValueError, match="at least one briefing"):
        corpus.write_corpus(Path("unused"), 0)
