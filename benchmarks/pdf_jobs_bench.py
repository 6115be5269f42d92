"""PDFs per second with 1, 2, … processes: the throughput `--jobs` buys on this machine.

    .venv/bin/python benchmarks/pdf_jobs_bench.py                  # the project's content and a 10-briefing corpus
    .venv/bin/python benchmarks/pdf_jobs_bench.py --briefings 50 --jobs 1 2

Each run prints every PDF of the content once per job count, as the build's
PDF stage does (the jobs of `pdf_jobs`, handed to the pool longest first),
after a warm-up run of every job (it starts the pool's workers, and each
process has set documents before, as the plain WeasyPrint it is compared
with has by then): wall
time, CPU time of this process and its workers, PDFs per second, and the
speed-up over one job. The HTML is rendered once, before the runs. The
outputs of every run are compared: they must be the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sys
import tempfile
import time
from concurrent.futures import Executor
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import psutil
from site_bench import make_project

from generator.executors import executor_for
from generator.outputs.pdf.jobs import pdf_jobs
from generator.outputs.pdf.printer import PdfJob, print_job
from generator.project import load_project

ROOT = Path(__file__).resolve().parents[1]
NOW = dt.datetime(2100, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Throughput:
    """One run over every job with `jobs` processes."""

    jobs: int
    pdfs: int
    wall: float
    cpu: float

    @property
    def per_second(self) -> float:
        return self.pdfs / self.wall


def cpu_seconds(executor: object) -> float:
    """CPU time of this process and of the pool's workers (children of the fork server, not of this process)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = getattr(executor, "_processes", None) or {}
    return own.ru_utime + own.ru_stime + sum(sum(psutil.Process(pid).cpu_times()[:2]) for pid in workers)


def print_all(jobs: list[PdfJob], executor: Executor | None) -> dict[str, bytes]:
    """Every job's PDF by path, longest first as the build hands them out, so no worker ends on a dossier alone."""
    ordered = sorted(jobs, key=lambda job: -len(job.html))
    if executor is None:
        return {job.path: print_job(job).pdf for job in ordered}
    futures = {job.path: executor.submit(print_job, job) for job in ordered}
    return {path: future.result().pdf for path, future in futures.items()}


def throughput(jobs: list[PdfJob], counts: list[int]) -> list[Throughput]:
    """Print `jobs` once per job count; every count must give the same bytes."""
    reference: dict[str, bytes] | None = None
    runs = []
    for count in counts:
        with executor_for(count) as executor:
            print_all(jobs, executor)  # a whole run first: the workers start, and every document was set once
            wall, cpu = time.perf_counter(), cpu_seconds(executor)
            files = print_all(jobs, executor)
            wall, cpu = time.perf_counter() - wall, cpu_seconds(executor) - cpu
        reference = reference or files
        assert files == reference, "a pool printed other bytes than one process"
        runs.append(Throughput(count, len(files), wall, cpu))
    return runs


def report(name: str, runs: list[Throughput]) -> None:
    for run in runs:
        print(f"{name:<22} jobs={run.jobs}  {run.pdfs:>4} PDFs  wall {run.wall:6.1f} s  cpu {run.cpu:6.1f} s  "
              f"{run.per_second:5.2f} PDFs/s  speed-up {runs[0].wall / run.wall:4.2f}×", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--briefings", type=int, default=10, help="briefings of the synthetic corpus (0: none)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    options = parser.parse_args()
    report("project content", throughput(pdf_jobs(load_project(ROOT), NOW), options.jobs))
    if options.briefings:
        with tempfile.TemporaryDirectory() as folder:
            make_project(Path(folder), options.briefings)
            corpus = load_project(Path(folder), draft=True)
            report(f"corpus of {options.briefings} briefings", throughput(pdf_jobs(corpus, NOW), options.jobs))


if __name__ == "__main__":
    main()
