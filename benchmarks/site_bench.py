"""Site stage against plain MkDocs: synthetic corpora of 250, 500 and 1,000 briefings per language.

For each size, a copy of this project's configuration, templates,
catalogs and fonts around a synthetic corpus (`corpus.py`) is built twice,
each in a fresh process so time and peak memory belong to that build alone:

- ours: `run_mkdocs` with the briefing plugin (pages generated from the
  records, Material with our overrides, the per-language search indexes);
  the PDF and export families are left out, they have their own benchmarks;
- plain: `mkdocs build` with Material on exactly the same Markdown pages
  written to `docs/`, the same navigation (the fixed pages of each language,
  every other page `not_in_nav`), the same Markdown extensions and search,
  and no plugin.

`--full-nav` adds plain MkDocs with every page in the navigation, the
layout the bounded navigation avoids, for the sizes given.

    .venv/bin/python benchmarks/site_bench.py                      # 250, 500, 1000: about 20 minutes
    .venv/bin/python benchmarks/site_bench.py 25 50 --full-nav 25 50
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus

from generator.outputs.site.run import run_mkdocs, site_nav, site_pages
from generator.project import load_project

ROOT = Path(__file__).resolve().parents[1]
NOW = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
"""After every synthetic briefing's publication."""
PROJECT_FILES = ("mkdocs.yml", "templates", "locales", "assets", "docs")


@dataclass(frozen=True)
class Usage:
    """What one build in its own process cost."""

    cpu: float
    wall: float
    mib: float


@dataclass(frozen=True)
class Row:
    briefings: int
    pages: int
    ours: float
    ours_mib: float
    plain: float
    plain_mib: float
    full_nav: float | None = None

    @property
    def ratio(self) -> float:
        return self.ours / self.plain

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.ours / self.pages


def copy_setup(folder: Path) -> None:
    """Everything of this project but its content: configuration, templates, catalogs, fonts, the docs folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, folder / name)


def make_project(folder: Path, briefings: int) -> None:
    """This project's setup (`copy_setup`) around a corpus with `briefings` briefings."""
    copy_setup(folder)
    write_corpus(folder / "content", briefings=briefings)


def make_plain(project_dir: Path, plain_dir: Path, *, full_nav: bool) -> int:
    """The same pages as plain Markdown files with a plain mkdocs.yml; return the number of pages."""
    project = load_project(project_dir, draft=True)
    pages = site_pages(project, NOW)
    for path, markdown in pages.items():
        target = plain_dir / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")
    config = {
        "site_name": project.config.site_name,
        "site_url": project.config.site_url,
        "docs_dir": "docs",
        "theme": {"name": "material", "font": False, "features": ["search.suggest", "search.highlight", "toc.follow"]},
        "plugins": [{"search": {"lang": list(project.config.codes)}}],
        "nav": site_nav(project) if not full_nav else _full_nav(project, pages),
        # patterns, not a list of every page: MkDocs matches each file against each pattern
        "not_in_nav": "" if full_nav else "\n".join(["/index.md", "/*/*/*.md", "!/*/*/index.md"]),
    }
    text = yaml.dump(config, allow_unicode=True) + _top_level_block(project_dir / "mkdocs.yml", "markdown_extensions")
    (plain_dir / "mkdocs.yml").write_text(text, encoding="utf-8")
    return len(pages)


def _top_level_block(path: Path, key: str) -> str:
    """One top-level entry of a YAML file, verbatim (its tags need MkDocs' loader, so it is copied as text)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    end = next((i for i in range(start + 1, len(lines)) if lines[i][:1] not in (" ", "\n", "#", "")), len(lines))
    return "".join(lines[start:end])


def _full_nav(project: object, pages: dict[str, str]) -> list[dict[str, list[str]]]:
    """Every page of a language under its section: the layout that grows with the square of the pages."""
    return [{code: [path for path in pages if path.startswith(f"{code}/")]}
            for code in project.config.codes]  # type: ignore[attr-defined]


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_one(mode: str, folder: Path) -> None:
    """In a child process: build once and print CPU seconds, wall seconds and peak memory as JSON.

    CPU time is what the table reports: this machine's two cores are shared
    with other work, which stretches wall time unevenly but not CPU time.
    """
    if mode == "ours":
        project = load_project(folder, draft=True)  # loading the records is measured by validate_bench.py
        start, cpu = time.perf_counter(), cpu_seconds()
        run_mkdocs(project, folder / "out", now=NOW, outputs=[])
    else:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        start, cpu = time.perf_counter(), cpu_seconds()
        build(load_config(config_file=str(folder / "mkdocs.yml"), site_dir=str(folder / "out")))
    wall, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"cpu": cpu, "wall": wall, "mib": peak}))


def child(mode: str, folder: Path) -> Usage:
    """Build `folder` in a fresh process (`run_one`), so its time and peak memory are that build's alone."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, __file__, "--child", mode, str(folder)], capture_output=True, text=True,
                            env=env, check=False)
    if result.returncode:
        raise SystemExit(f"{mode} build of {folder} failed:\n{result.stderr[-3000:]}")
    return Usage(**json.loads(result.stdout.strip().splitlines()[-1]))


def measure(briefings: int, full_nav: bool) -> Row:
    with tempfile.TemporaryDirectory() as work:
        project_dir, plain_dir, full_dir = Path(work, "project"), Path(work, "plain"), Path(work, "full")
        make_project(project_dir, briefings)
        pages = make_plain(project_dir, plain_dir, full_nav=False)
        ours, plain = child("ours", project_dir), child("plain", plain_dir)
        full = None
        if full_nav:
            make_plain(project_dir, full_dir, full_nav=True)
            full = child("plain", full_dir).cpu
        return Row(briefings, pages, ours.cpu, ours.mib, plain.cpu, plain.mib, full)


def table(rows: list[Row]) -> str:
    lines = ["| briefings per language | pages | ours (CPU s) | ms per page | peak MiB | plain MkDocs (CPU s) "
             "| peak MiB | ours / plain | plain, every page in nav (CPU s) |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for row in rows:
        full = f"{row.full_nav:.1f}" if row.full_nav is not None else "–"
        lines.append(f"| {row.briefings} | {row.pages} | {row.ours:.1f} | {row.ms_per_page:.1f} | {row.ours_mib:.0f} "
                     f"| {row.plain:.1f} | {row.plain_mib:.0f} | {row.ratio:.2f} | {full} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[250, 500, 1000], help="briefings per language")
    parser.add_argument("--full-nav", nargs="*", type=int, default=[], metavar="SIZE",
                        help="also time plain MkDocs with every page in the navigation for these sizes")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        run_one(args.child[0], Path(args.child[1]))
        return
    rows = []
    for size in args.sizes:
        rows.append(measure(size, size in args.full_nav))
        print(f"{size} briefings: {rows[-1]}", file=sys.stderr)
    print(f"Python {platform.python_version()}, {os.cpu_count()} cores, CPU seconds of one build per cell, "
          "each in its own process\n")
    print(table(rows))


if __name__ == "__main__":
    main()
