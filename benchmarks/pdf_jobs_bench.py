"""PDFs per second with 1, 2, … processes: the throughput `--jobs` buys on this machine.

    .venv/bin/python benchmarks/pdf_jobs_bench.py                  # the project's content and a 10-briefing corpus
    .venv/bin/python benchmarks/pdf_jobs_bench.py --briefings 50 --jobs 1 2

Each run prints every PDF of the content (`pdf_files`, the build's PDF
stage) once per job count, after a warm-up run that starts the pool: wall
time, CPU time of this process and its workers, PDFs per second, and the
speed-up over one job. The outputs of every run are compared: they must be
the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import psutil
from corpus import write_corpus

from generator.executors import executor_for
from generator.outputs.pdf import pdf_files
from generator.project import Project, load_project

ROOT = Path(__file__).resolve().parents[1]
NOW = dt.datetime(2100, 1, 1, tzinfo=dt.UTC)


def cpu_seconds(executor: object) -> float:
    """CPU time of this process and of the pool's workers (children of the fork server, not of this process)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = getattr(executor, "_processes", None) or {}
    return own.ru_utime + own.ru_stime + sum(sum(psutil.Process(pid).cpu_times()[:2]) for pid in workers)


def measure(name: str, project: Project, jobs: list[int]) -> None:
    reference: dict[str, bytes] | None = None
    serial = None
    for count in jobs:
        with executor_for(count) as executor:
            pdf_files(project, NOW, executor)  # warm-up: starts the workers, loads fonts
            wall, cpu = time.perf_counter(), cpu_seconds(executor)
            files = pdf_files(project, NOW, executor)
            wall, cpu = time.perf_counter() - wall, cpu_seconds(executor) - cpu
        reference = reference or files
        assert files == reference, "a pool printed other bytes than one process"
        serial = serial or wall
        print(f"{name:<22} jobs={count}  {len(files):>4} PDFs  wall {wall:6.1f} s  cpu {cpu:6.1f} s  "
              f"{len(files) / wall:5.2f} PDFs/s  speed-up {serial / wall:4.2f}×", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--briefings", type=int, default=10, help="briefings of the synthetic corpus (0: none)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    options = parser.parse_args()
    measure("project content", load_project(ROOT), options.jobs)
    if options.briefings:
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            for name in ("mkdocs.yml", "templates", "locales", "assets", "docs"):
                source = ROOT / name
                (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
            write_corpus(root / "content", options.briefings)
            measure(f"corpus of {options.briefings} briefings", load_project(root, draft=True), options.jobs)


if __name__ == "__main__":
    main()
