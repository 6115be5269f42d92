"""Where pure rendering jobs run: here, in a pool of processes on this machine, or on a Dask cluster.

Why pure jobs: a PDF is HTML in, bytes out (`generator.outputs.pdf.printer.print_job`),
so any `concurrent.futures.Executor` can run it, and the output is the same
bytes whichever runs it. `--jobs 1` renders in this process, with no pool;
`--executor dask:tcp://HOST:PORT` hands the jobs to a Dask scheduler, whose
workers need the project (its assets) at the same path and the same locked
packages (see README: Building on a cluster).
"""

from __future__ import annotations

import multiprocessing
import os
import select
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

from generator.errors import ExecutorError

PRELOAD = ["generator.outputs.pdf.printer", "generator.outputs.pdf.preload"]
"""Imported once by the fork server, so each worker starts with WeasyPrint and the hyphenation patterns loaded."""


def default_jobs() -> int:
    """Every core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


DASK = "dask:"
BACKGROUND_NICENESS = 10
"""How much lower background workers run: at 10, Linux gives a busy process of normal priority about nine
tenths of a core they share."""


@contextmanager
def executor_for(jobs: int | None = None, executor: str | None = None, *,
                 background: bool = False) -> Iterator[Executor | None]:
    """A pool of `jobs` worker processes (default: every core), a Dask cluster's executor, or None: render here.

    Workers of the pool come from a fork server (not a fork of this process,
    which may hold MkDocs' threads), started once with the PDF modules preloaded.
    `background` workers run at a lower priority (`BACKGROUND_NICENESS`), so
    the work in this process (the preview's next page) never waits for them.

    Raises:
        ExecutorError: `executor` is not `dask:ADDRESS`, or no scheduler answers there.
    """
    if executor:
        with _dask(executor) as remote:
            yield remote
        return
    jobs = jobs or default_jobs()
    if jobs <= 1:
        yield None
        return
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    with _Pool(max_workers=jobs, mp_context=context, initializer=_worker_setup,
               initargs=(os.getpid(), BACKGROUND_NICENESS if background else 0)) as pool:
        for _ in range(jobs):
            pool.submit(os.getpid)  # starts the workers now, while the project loads
        yield pool


class _Pool(ProcessPoolExecutor):
    """A process pool whose `submit` returns at once, even while its workers are still starting.

    Why: ProcessPoolExecutor starts a worker inside `submit`, under a lock,
    and a worker comes from the fork server, which first imports WeasyPrint
    and the hyphenation patterns (a second or more). Submitted here, the
    build's PDFs waited for that before MkDocs could start; now one thread
    hands the jobs to the pool, in order, while the build goes on.
    """

    def __init__(self, **options: Any):
        super().__init__(**options)
        self._handing = ThreadPoolExecutor(max_workers=1, thread_name_prefix="briefing-submit")

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        answer: Future[Any] = Future()
        self._handing.submit(self._hand_over, answer, fn, args, kwargs)
        return answer

    def _hand_over(self, answer: Future[Any], fn: Callable[..., Any], args: tuple[Any, ...],
                   kwargs: dict[str, Any]) -> None:
        try:
            running = super().submit(fn, *args, **kwargs)
        except BaseException as error:  # a broken or closed pool: the caller gets the error when it waits
            answer.set_exception(error)
            return
        running.add_done_callback(lambda done: _pass_on(done, answer))

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._handing.shutdown(wait=True)
        super().shutdown(wait=wait, cancel_futures=cancel_futures)


def _pass_on(done: Future[Any], answer: Future[Any]) -> None:
    if done.cancelled():  # by a shutdown that cancels what has not started: so is the answer
        answer.cancel()
        return
    error = done.exception()
    if error is None:
        answer.set_result(done.result())
    else:
        answer.set_exception(error)


def _worker_setup(build: int, niceness: int) -> None:
    """Lower this worker's priority by `niceness`, and make it exit as soon as the build process `build` is gone.

    Why the exit: a worker waits for jobs on a queue whose writing end it holds itself,
    so a build killed with SIGKILL (or by the OOM killer) would leave its
    workers, the fork server and their shared-memory locks behind for good.
    """
    if niceness:
        os.nice(niceness)
    if not hasattr(os, "pidfd_open"):
        return
    try:
        handle = os.pidfd_open(build)
    except ProcessLookupError:
        os._exit(0)
    threading.Thread(target=_exit_when_readable, args=(handle,), daemon=True).start()


def _exit_when_readable(handle: int) -> None:
    """A pidfd becomes readable when its process ends."""
    select.select([handle], [], [])
    os._exit(0)


@contextmanager
def _dask(spec: str) -> Iterator[Executor]:
    if not spec.startswith(DASK):
        raise ExecutorError(f"--executor {spec!r}: give dask:tcp://HOST:PORT, the address of a Dask scheduler")
    from distributed import Client

    address = spec[len(DASK):]
    try:
        client = Client(address, timeout="10s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        raise ExecutorError(f"--executor {spec}: no Dask scheduler answers at {address} ({error}); start one with "
                            "`dask scheduler` and workers with `dask worker ADDRESS` from the project folder") from None
    with client:
        yield client.get_executor()
