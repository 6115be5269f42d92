"""Time the PDF stage against plain WeasyPrint on the same HTML.

    .venv/bin/python benchmarks/pdf_bench.py               # Paris briefing and dossier, plus a 10-briefing dossier
    .venv/bin/python benchmarks/pdf_bench.py --repeat 5 --no-corpus

For each document and language, three timings (best of `--repeat` after one
warm-up run):

- `ours`: `briefing_pdf` / `dossier_pdf` from the loaded project: localize,
  render the templates, set the PDF with WeasyPrint as PDF/UA-1 through the
  asset-only fetcher;
- `html`: only localizing and rendering the templates (`briefing_html` / `dossier_html`);
- `plain`: `weasyprint.HTML(string=html).write_pdf()` with WeasyPrint's
  defaults (untagged, its own fetcher) on exactly the HTML `ours` sets.

The ratio `ours / plain` is the cost of our layer (templates, tagging, the
fetcher); it is the number to watch, since the machine's speed cancels out.
The 10-briefing dossier comes from the synthetic corpus (`corpus.py`).
"""

from __future__ import annotations

import argparse
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus
from weasyprint import HTML

from generator.outputs.pdf.jobs import briefing_html, briefing_pdf, dossier_html, dossier_pdf
from generator.outputs.pdf.printer import ASSETS_FOLDER
from generator.project import Project, load_project

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Row:
    document: str
    language: str
    pages: int
    ours: float
    html: float
    plain: float


def best_of(repeat: int, work: Callable[[], object]) -> float:
    """Seconds of the fastest of `repeat` runs, after one warm-up run."""
    work()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def measure(project: Project, label: str, kind: str, record_id: str, language: str, repeat: int) -> Row:
    if kind == "briefing":
        make_pdf = lambda: briefing_pdf(project, record_id, language)  # noqa: E731
        make_html = lambda: briefing_html(project, record_id, language)  # noqa: E731
    else:
        briefings = list(project.graph.model(record_id).briefings)
        make_pdf = lambda: dossier_pdf(project, record_id, language, briefings)  # noqa: E731
        make_html = lambda: dossier_html(project, record_id, language, briefings)  # noqa: E731
    html = make_html()
    plain = lambda: plain_pdf(project, html)  # noqa: E731
    pages = len(HTML(string=html, base_url=assets_url(project)).render().pages)
    return Row(label, language, pages, best_of(repeat, make_pdf), best_of(repeat, make_html), best_of(repeat, plain))


def assets_url(project: Project) -> str:
    """The base URL plain WeasyPrint resolves the fonts and images against: the project's assets folder."""
    return (project.config.root / ASSETS_FOLDER).resolve().as_uri() + "/"


def plain_pdf(project: Project, html: str, variant: str | None = None) -> bytes:
    """The same HTML set by WeasyPrint with its defaults (untagged, its own fetcher): the yardstick for ours.

    With `variant` (`pdf/ua-1`, as ours), WeasyPrint also tags the document:
    what remains between ours and that is the cost of our own layer.
    """
    return HTML(string=html, base_url=assets_url(project)).write_pdf(pdf_variant=variant)


def corpus_project(folder: Path) -> Project:
    """A copy of this project's configuration, templates and assets around a synthetic 10-briefing corpus."""
    for name in ("templates", "locales"):
        shutil.copytree(ROOT / name, folder / name)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    (folder / ASSETS_FOLDER).symlink_to(ROOT / ASSETS_FOLDER)
    (folder / "docs").mkdir()  # mkdocs.yml's docs_dir must exist, though empty
    write_corpus(folder / "content", briefings=10)
    return load_project(folder, draft=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-corpus", action="store_true", help="skip the synthetic 10-briefing dossier")
    args = parser.parse_args()
    project = load_project(ROOT, draft=True)
    rows = []
    for language in project.config.codes:
        rows.append(measure(project, "Paris briefing", "briefing", "paris-summit-2026-01-06", language, args.repeat))
        rows.append(measure(project, "Paris dossier", "dossier", "paris-summit-2026-dossier", language, args.repeat))
    if not args.no_corpus:
        with tempfile.TemporaryDirectory() as folder:
            corpus = corpus_project(Path(folder))
            rows.append(measure(corpus, "synthetic dossier (10 briefings)", "dossier", "dossier-001", "en",
                                args.repeat))
    print(f"Python {platform.python_version()}, best of {args.repeat} after a warm-up\n")
    print("| document | language | pages | ours (s) | of which HTML (s) | plain WeasyPrint (s) | ours / plain |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        print(f"| {row.document} | {row.language} | {row.pages} | {row.ours:.2f} | {row.html:.3f} | "
              f"{row.plain:.2f} | {row.ours / row.plain:.2f} |")


if __name__ == "__main__":
    main()
