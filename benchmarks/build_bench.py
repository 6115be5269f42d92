"""Every speed target in one run: builds, rebuilds, the live preview, the site stage and the PDFs.

    .venv/bin/python benchmarks/build_bench.py                  # Paris, 100 and 1,000 briefings: about an hour
    .venv/bin/python benchmarks/build_bench.py --quick          # Paris and 10 briefings: a few minutes
    .venv/bin/python benchmarks/build_bench.py --sizes 100 --pdf-limit 40 --json /tmp/results.json

For each content (this project's Paris content, or a synthetic corpus of N
briefings in German and English from `corpus.py`), in a fresh project folder
with a fresh, empty cache (`BRIEFING_CACHE_DIR`):

1. cold full build: `briefing build --now …`, in a fresh process;
2. no-op rebuild: the same command again (it must say nothing changed);
3. one-record edit: one word added to one fact's English text, then the command again;
4. serve reload: `briefing serve`, the same kind of edit three times, the median
   time until the briefing's served page shows it (polled every 50 ms);
5. the site stage against plain `mkdocs build` on the same pages (`site_bench.py`);
6. PDFs per second with 1 and 2 jobs, and plain WeasyPrint on the same HTML, untagged (its defaults) and
   tagged as PDF/UA-1 as ours are (`pdf_jobs_bench.py`, `pdf_bench.py`); skipped from 1,000 briefings.

The edits change English text: a German edit leaves the English translation
stale, which the strict build (the default) refuses until a translator
confirms it. Every row gives wall and CPU seconds of the same run and the
peak memory (the largest resident set of one of its processes); a build's
CPU time counts its PDF workers too. Each figure with a target says whether
it is met.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import psutil
from corpus import BRIEFINGS_PER_DOSSIER
from pdf_bench import plain_pdf
from pdf_jobs_bench import cpu_seconds, throughput
from site_bench import NOW, Usage, child, copy_setup, make_plain, make_project

from generator.outputs.pdf.jobs import pdf_jobs
from generator.outputs.pdf.printer import PdfJob
from generator.outputs.pdf.render import PDF_VARIANT
from generator.project import Project, load_project

ROOT = Path(__file__).resolve().parents[1]
BRIEFING = Path(sys.executable).with_name("briefing")
"""The command line of this virtual environment."""
REAPER = Path(__file__).with_name("reaper.py")
RESULTS = Path(__file__).with_name("results.json")
SIZES = ("paris", "100", "1000")
QUICK = ("paris", "10")
PDF_SKIP_FROM = 1000
"""From this many briefings the PDF rows are left out: the 1,000-briefing corpus has about 2,200 PDFs."""
RELOADS = 3
POLL_SECONDS = 0.05
RELOAD_TIMEOUT = 120.0
STARTUP_TIMEOUT = 3600.0
"""`briefing serve` builds the whole site before it serves a page: minutes for 1,000 briefings."""

COLD, NOOP, EDIT = "cold full build", "no-op rebuild", "one-record edit"
SERVE = f"serve reload (median of {RELOADS})"
SITE, PLAIN_SITE = "site stage", "plain mkdocs build"
PDF_ONE, PDF_TWO, PDF_PLAIN, PDF_SKIPPED = "PDFs, 1 job", "PDFs, 2 jobs", "plain WeasyPrint", "PDFs"
PDF_TAGGED = f"plain WeasyPrint, {PDF_VARIANT.upper()}"
ANY = "*"

FIGURES = {
    "pages": "{:.0f} pages",
    "cpu_ratio": "{:.2f}× plain in CPU",
    "wall_ratio": "{:.2f}× plain in wall",
    "pdfs": "{:.0f} PDFs",
    "per_second": "{:.2f} PDFs/s",
    "speed_up": "{:.2f}× 1 job",
    "ours_ratio": "ours {:.2f}× plain in CPU",
}
"""How each derived figure reads in the table."""


@dataclass(frozen=True)
class Subject:
    """One content to measure, and the fact whose English text the edits change."""

    key: str
    """`paris` or the number of briefings; the key of its targets."""
    label: str
    briefings: int | None
    record: str
    """The fact's file, relative to content/."""
    page: str
    """The site path of the briefing page that shows the fact."""


def subject(key: str) -> Subject:
    """`paris` or a number of briefings (the command-line form of `--sizes`)."""
    if key == "paris":
        return Subject(key, "Paris", None, "facts/eu-aid.yaml", "en/briefings/paris-summit-2026-01-06/")
    briefings = int(key)
    if briefings < 1:
        raise ValueError(key)
    return Subject(str(briefings), f"{briefings:,} briefings", briefings, "facts/fact-0001-1.yaml",
                   "en/briefings/briefing-0001/")


@dataclass(frozen=True)
class Row:
    """One line of the table: a measurement of one content, the figures derived from it and its targets."""

    content: str
    measurement: str
    wall: float | None = None
    cpu: float | None = None
    mib: float | None = None
    figures: dict[str, float] = field(default_factory=dict)
    note: str = ""
    targets: dict[str, bool] = field(default_factory=dict)
    """Target (`≤ 3 s wall`) → met."""

    def value(self, metric: str) -> float | None:
        return getattr(self, metric) if metric in ("wall", "cpu", "mib") else self.figures.get(metric)


def usage_row(content: str, measurement: str, usage: Usage, *, figures: dict[str, float] | None = None,
              note: str = "") -> Row:
    return Row(content, measurement, usage.wall, usage.cpu, usage.mib, figures or {}, note)


@dataclass(frozen=True)
class Target:
    text: str
    metric: str
    """`wall`, `cpu`, `mib` or the name of a figure."""
    limit: float
    at_least: bool = False

    def met(self, row: Row) -> bool:
        """A figure that was not measured (a reload that timed out) misses its target."""
        value = row.value(self.metric)
        return value is not None and (value >= self.limit if self.at_least else value <= self.limit)


_PEAK = Target("peak ≤ 1 GiB", "mib", 1024)
TARGETS: dict[tuple[str, str], tuple[Target, ...]] = {
    ("paris", COLD): (Target("≤ 3 s wall", "wall", 3),),
    ("paris", NOOP): (Target("≤ 0.5 s wall", "wall", 0.5),),
    ("paris", EDIT): (Target("≤ 1.5 s wall", "wall", 1.5),),
    ("paris", SERVE): (Target("≤ 1 s wall", "wall", 1),),
    ("100", COLD): (Target("≤ 100 s wall", "wall", 100),),
    ("100", EDIT): (Target("≤ 5 s wall", "wall", 5),),
    ("1000", COLD): (_PEAK,),
    ("1000", NOOP): (Target("≤ 3 s wall", "wall", 3),),
    ("1000", EDIT): (Target("≤ 5 s wall", "wall", 5),),
    ("1000", SITE): (Target("≤ 1.0× plain in CPU", "cpu_ratio", 1.0), Target("≤ 0.6× plain in wall", "wall_ratio", 0.6),
                     _PEAK),
    (ANY, PDF_TWO): (Target("≥ 1.8× 1 job", "speed_up", 1.8, at_least=True),),
    (ANY, PDF_PLAIN): (Target("ours ≤ 1.05× plain", "ours_ratio", 1.05),),
}


def judged(key: str, row: Row) -> Row:
    """The row with its targets (those of its content, and those of every content) marked met or not."""
    targets = TARGETS.get((key, row.measurement), ()) + TARGETS.get((ANY, row.measurement), ())
    return replace(row, targets={target.text: target.met(row) for target in targets})


# --- one command, measured in a fresh process ----------------------------------------------------------------------


def measured(command: list[str], env: dict[str, str]) -> tuple[Usage, str]:
    """What `command` cost, its PDF workers included (`reaper.py`, a fresh process), and what it printed."""
    result = subprocess.run([sys.executable, str(REAPER), *command], env=env, capture_output=True, text=True,
                            check=False)
    if result.returncode:
        raise SystemExit(f"measuring {' '.join(command)} failed:\n{result.stderr[-3000:]}")
    data = json.loads(result.stdout.splitlines()[-1])
    if data["status"]:
        raise SystemExit(f"{' '.join(command)} failed:\n{data['output'][-3000:]}")
    return Usage(data["cpu"], data["wall"], data["mib"]), data["output"]


# --- the project and its edits -------------------------------------------------------------------------------------


def assemble(content: Subject, folder: Path) -> Path:
    """This project's setup around the Paris content, or around a corpus with every translation confirmed.

    Confirmed as `briefing i18n confirm` does after a translator's check, so
    the corpus builds as strictly as the Paris content.
    """
    if content.briefings is None:
        copy_setup(folder)
        shutil.copytree(ROOT / "content", folder / "content")
    else:
        make_project(folder, content.briefings)
        subprocess.run([str(BRIEFING), "i18n", "confirm", "--project", str(folder)], check=True, capture_output=True)
    return folder


_ENGLISH_TEXT = re.compile(r"^(text:\n(?:  .*\n)*?  en: .*)\.(['\"]?)$", re.MULTILINE)


def edit_record(path: Path, word: str) -> None:
    """Add `word` before the full stop of the fact's English text: a real edit of its pages, PDFs and exports."""
    text = path.read_text(encoding="utf-8")
    edited = _ENGLISH_TEXT.sub(rf"\1 {word}.\2", text, count=1)
    if edited == text:
        raise SystemExit(f"{path}: no English text ending in a full stop to edit")
    path.write_text(edited, encoding="utf-8")


def marker(number: int) -> str:
    """The word of edit `number`, unlike anything else on a page."""
    return f"benchedit{number}"


# --- the measurements ----------------------------------------------------------------------------------------------


def build_rows(content: Subject, project: Path, env: dict[str, str]) -> list[Row]:
    """A cold build into the empty cache, the same build again, and a build after one record's edit."""
    command = [str(BRIEFING), "build", "--project", str(project), "--now", NOW.isoformat()]
    cold, _ = measured(command, env)
    noop, output = measured(command, env)
    unchanged = "nothing changed since the last build" in output
    edit_record(project / "content" / content.record, marker(0))
    edit, _ = measured(command, env)
    shown = marker(0) in (project / "site" / content.page / "index.html").read_text(encoding="utf-8")
    return [usage_row(content.label, COLD, cold),
            usage_row(content.label, NOOP, noop, note="said nothing changed" if unchanged else
                      "REBUILT: it did not say nothing changed"),
            usage_row(content.label, EDIT, edit, note="edit on the page" if shown else "EDIT MISSING from the page")]


def serve_row(content: Subject, project: Path, env: dict[str, str], log: Path) -> Row:
    """Seconds from an edit until `briefing serve` serves the page with it, and the server's CPU in that time."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/{content.page}"
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen([str(BRIEFING), "serve", "--project", str(project), "--address", f"127.0.0.1:{port}"],
                                  env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        if not wait_for(url, "</html>", STARTUP_TIMEOUT, server):
            raise SystemExit(f"briefing serve did not serve {url} within {STARTUP_TIMEOUT:.0f} s; see {log}")
        reloads = []
        for number in range(1, RELOADS + 1):
            reload = reload_once(server, project / "content" / content.record, url, marker(number))
            if reload is None:
                break
            reloads.append(reload)
    finally:
        stop(server)
    return reload_summary(content.label, reloads)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, text: str, timeout: float, server: subprocess.Popen[bytes]) -> bool:
    """Poll `url` every 50 ms until its HTML contains `text`; False after `timeout` seconds."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"briefing serve stopped with exit status {server.returncode}")
        if text in fetch(url):
            return True
        time.sleep(POLL_SECONDS)
    return False


def fetch(url: str) -> str:
    """The page, or nothing while the server is not up or has no such page yet."""
    try:
        with urllib.request.urlopen(url, timeout=RELOAD_TIMEOUT) as response:
            return response.read().decode("utf-8", errors="replace")
    except OSError:
        return ""


def reload_once(server: subprocess.Popen[bytes], record: Path, url: str, word: str) -> Usage | None:
    """One edit and the wait for the served page to show it; None if it did not within the timeout.

    The server answers a request only once a rebuild under way has finished, so the page that shows the edit also
    says that the rebuild is over and the next edit starts from an idle server.
    """
    process = psutil.Process(server.pid)
    cpu, start = process_cpu(process), time.perf_counter()
    edit_record(record, word)
    if not wait_for(url, word, RELOAD_TIMEOUT, server):
        return None
    return Usage(process_cpu(process) - cpu, time.perf_counter() - start, peak_mib(server.pid))


def process_cpu(process: psutil.Process) -> float:
    """User and system seconds of the server and its descendants (the PDF workers of each rebuild), live or reaped."""
    total = 0.0
    for member in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.NoSuchProcess):
            total += sum(member.cpu_times()[:4])
    return total


def peak_mib(pid: int) -> float:
    """The process's peak resident set so far (VmHWM), in MiB."""
    status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    return int(re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)[1]) / 1024  # type: ignore[index]


def stop(server: subprocess.Popen[bytes]) -> None:
    """End the server and everything it started: the process group it leads (`start_new_session`)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def reload_summary(label: str, reloads: list[Usage]) -> Row:
    if len(reloads) < RELOADS:
        return Row(label, SERVE, note=f"edit {len(reloads) + 1} not served within {RELOAD_TIMEOUT:.0f} s")
    walls = ", ".join(f"{reload.wall:.2f}" for reload in reloads)
    return Row(label, SERVE, statistics.median(r.wall for r in reloads), statistics.median(r.cpu for r in reloads),
               max(r.mib for r in reloads), note=f"reloads {walls} s")


def site_rows(content: Subject, project: Path, plain_dir: Path) -> list[Row]:
    """The site stage (`run_mkdocs`) against plain `mkdocs build` on the same pages, each in a fresh process."""
    pages = make_plain(project, plain_dir, full_nav=False)
    ours, plain = child("ours", project), child("plain", plain_dir)
    figures = {"pages": pages, "cpu_ratio": ours.cpu / plain.cpu, "wall_ratio": ours.wall / plain.wall}
    return [usage_row(content.label, SITE, ours, figures=figures), usage_row(content.label, PLAIN_SITE, plain)]


def pdf_rows(content: Subject, project: Path, limit: int | None) -> list[Row]:
    """PDFs per second with 1 and 2 jobs, then plain WeasyPrint on the same HTML in this (warm) process."""
    if content.briefings is not None and content.briefings >= PDF_SKIP_FROM:
        pdfs = 2 * (content.briefings + -(-content.briefings // BRIEFINGS_PER_DOSSIER))
        return [Row(content.label, PDF_SKIPPED, note=f"skipped: {pdfs:,} PDFs would take too long")]
    loaded = load_project(project)
    every = pdf_jobs(loaded, NOW)
    jobs = every[:limit]
    one, two = throughput(jobs, [1, 2])
    (wall, cpu), (tagged_wall, tagged_cpu) = (plain_seconds(loaded, jobs, variant) for variant in (None, PDF_VARIANT))
    note = f"the first {len(jobs)} of {len(every)} PDFs" if len(jobs) < len(every) else ""
    return [Row(content.label, PDF_ONE, one.wall, one.cpu, figures={"pdfs": len(jobs), "per_second": one.per_second},
                note=note),
            Row(content.label, PDF_TWO, two.wall, two.cpu,
                figures={"per_second": two.per_second, "speed_up": one.wall / two.wall}),
            Row(content.label, PDF_PLAIN, wall, cpu,
                figures={"per_second": len(jobs) / wall, "ours_ratio": one.cpu / cpu}),
            Row(content.label, PDF_TAGGED, tagged_wall, tagged_cpu,
                figures={"per_second": len(jobs) / tagged_wall, "ours_ratio": one.cpu / tagged_cpu},
                note="the same HTML, tagged as ours are")]


def plain_seconds(project: Project, jobs: list[PdfJob], variant: str | None) -> tuple[float, float]:
    """Wall and CPU seconds of plain WeasyPrint setting every job's HTML, in this (warm) process."""
    wall, cpu = time.perf_counter(), cpu_seconds(None)
    for job in jobs:
        plain_pdf(project, job.html, variant)
    return time.perf_counter() - wall, cpu_seconds(None) - cpu


def measure(content: Subject, pdf_limit: int | None) -> list[Row]:
    """Every row of one content, each printed to stderr as soon as it is measured."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as folder:
        work = Path(folder)
        project = assemble(content, work / "project")
        cache = work / "cache"
        cache.mkdir()
        env = {**os.environ, "BRIEFING_CACHE_DIR": str(cache)}
        phases: list[Callable[[], list[Row]]] = [
            lambda: build_rows(content, project, env),
            lambda: [serve_row(content, project, env, work / "serve.log")],
            lambda: site_rows(content, project, work / "plain"),  # after the builds: it writes project/out/
            lambda: pdf_rows(content, project, pdf_limit),
        ]
        for phase in phases:
            for row in phase():
                rows.append(judged(content.key, row))
                print(line(rows[-1]), file=sys.stderr, flush=True)
    return rows


# --- the report ----------------------------------------------------------------------------------------------------


def line(row: Row) -> str:
    result = [FIGURES[name].format(value) for name, value in row.figures.items()] + ([row.note] if row.note else [])
    targets = "; ".join(f"{text}: {'met' if met else 'UNMET'}" for text, met in row.targets.items())
    return (f"| {row.content} | {row.measurement} | {_number(row.wall, 2)} | {_number(row.cpu, 2)} "
            f"| {_number(row.mib, 0)} | {', '.join(result) or '–'} | {targets or '–'} |")


def _number(value: float | None, digits: int) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def table(rows: list[Row]) -> str:
    header = ["| content | measurement | wall (s) | CPU (s) | peak (MiB) | result | target |",
              "| --- | --- | ---: | ---: | ---: | --- | --- |"]
    return "\n".join(header + [line(row) for row in rows])


def write_json(path: Path, rows: list[Row], pdf_limit: int | None) -> None:
    data = {"date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "python": platform.python_version(),
            "cores": os.cpu_count(), "now": NOW.isoformat(), "pdf_limit": pdf_limit,
            "rows": [asdict(row) for row in rows]}
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sizes = parser.add_mutually_exclusive_group()
    sizes.add_argument("--sizes", nargs="+", type=subject, metavar="SIZE",
                       help="paris and/or numbers of briefings (default: paris 100 1000)")
    sizes.add_argument("--quick", action="store_true", help="paris and 10 briefings: a smoke run of a few minutes")
    parser.add_argument("--pdf-limit", type=int, metavar="N", help="time only the first N PDFs of each content")
    parser.add_argument("--json", type=Path, default=RESULTS, help=f"where to write the rows (default {RESULTS})")
    args = parser.parse_args(argv)
    contents = args.sizes or [subject(key) for key in (QUICK if args.quick else SIZES)]
    rows = [row for content in contents for row in measure(content, args.pdf_limit)]
    print(f"\nPython {platform.python_version()}, {os.cpu_count()} cores, builds at --now {NOW.isoformat()}; "
          "wall and CPU seconds of the same run, CPU of every process it started; peak: the largest process\n")
    print(table(rows))
    write_json(args.json, rows, args.pdf_limit)
    print(f"\nwrote {args.json}")


if __name__ == "__main__":
    main()
