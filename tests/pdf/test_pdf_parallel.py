"""PDFs printed in a pool of processes are the same bytes as PDFs printed one after another."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.errors import ExecutorError
from generator.executors import BACKGROUND_NICENESS, executor_for
from generator.outputs.pdf.jobs import briefing_job, pdf_files
from generator.outputs.pdf.printer import print_job
from generator.project import Project

from ..conftest import ROOT
from .conftest import BRIEFING, NOW

A_BUILD_WITH_A_POOL = """
import os, time
from generator.executors import executor_for
with executor_for(2) as pool:
    print(*{pool.submit(os.getpid).result() for _ in range(8)}, flush=True)
    time.sleep(300)
"""


def test_two_processes_print_the_same_bytes_as_one(project: Project, built: dict[str, bytes]) -> None:
    with executor_for(2) as executor:
        assert executor is not None
        assert pdf_files(project, NOW, executor) == built


def test_a_job_is_data_in_and_bytes_out(project: Project, built: dict[str, bytes]) -> None:
    """What a Dask worker on another machine would receive: a picklable job, no project."""
    job = pickle.loads(pickle.dumps(briefing_job(project, BRIEFING, "de")))
    assert print_job(job).pdf == built[job.path]


def test_one_job_renders_here_without_a_pool() -> None:
    with executor_for(1) as executor:
        assert executor is None


@pytest.mark.parametrize(("background", "lower_by"), [(False, 0), (True, BACKGROUND_NICENESS)])
def test_background_workers_give_way_to_the_build(background: bool, lower_by: int) -> None:
    """The preview's PDFs print at a lower priority than its next page; a build's print at the build's."""
    with executor_for(2, background=background) as pool:
        assert pool is not None
        assert {pool.submit(os.nice, 0).result() for _ in range(4)} == {os.nice(0) + lower_by}


def test_a_job_that_fails_in_a_worker_fails_where_the_build_waits_for_it() -> None:
    """The pool hands jobs over from a thread of its own (so `submit` never waits for a worker to start):
    results come back in the order asked, and an error with the job it belongs to."""
    with executor_for(2) as pool:
        assert pool is not None
        answers = [pool.submit(int, text) for text in ("1", "x", "3")]
        assert [answers[0].result(), answers[2].result()] == [1, 3]
        with pytest.raises(ValueError, match="'x'"):
            answers[1].result()


def test_a_dask_cluster_prints_the_same_bytes(project: Project, built: dict[str, bytes]) -> None:
    """`--executor dask:tcp://…`, against a LocalCluster of two worker processes on 127.0.0.1."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=":0",
                      processes=True) as cluster, executor_for(executor=f"dask:{cluster.scheduler_address}") as dask:
        assert pdf_files(project, NOW, dask) == built


@pytest.mark.parametrize(("spec", "message"), [
    ("spark://x", "give dask:tcp://HOST:PORT"),
    ("dask:tcp://127.0.0.1:9", "no Dask scheduler answers at tcp://127.0.0.1:9"),
])
def test_an_executor_that_cannot_be_used_is_one_message(spec: str, message: str) -> None:
    with pytest.raises(ExecutorError, match=message), executor_for(executor=spec):
        pass


def test_advisories_about_the_machine_come_back_with_the_pdf(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker cannot log into the build's warnings: what WeasyPrint advises travels back in the result."""
    import weasyprint

    monkeypatch.setattr(weasyprint.pdf.fonts, "harfbuzz_subset", None)
    rendered = print_job(briefing_job(project, BRIEFING, "en"))
    assert rendered.pdf.startswith(b"%PDF") and len(rendered.advisories) == 1
    assert "libharfbuzz-subset0" in rendered.advisories[0]


def running(pid: int) -> bool:
    """Alive and not a zombie (an exited child nobody has reaped yet holds nothing)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process states from /proc")
def test_the_workers_of_a_killed_build_exit_with_it() -> None:
    """A SIGKILLed build must not leave workers behind: they would hold its shared memory, and CI's mounts, for good."""
    with subprocess.Popen([sys.executable, "-c", A_BUILD_WITH_A_POOL], cwd=ROOT, stdout=subprocess.PIPE,
                          text=True) as build:
        assert build.stdout is not None
        workers = [int(pid) for pid in build.stdout.readline().split()]
        assert workers and all(map(running, workers))
        build.kill()
    deadline = time.monotonic() + 10
    while any(map(running, workers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(map(running, workers)), f"workers {workers} outlived the build"
