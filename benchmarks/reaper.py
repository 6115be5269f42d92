"""Run a command and print, as JSON, what it and every process it started cost: wall, CPU, peak memory.

    python benchmarks/reaper.py briefing build --project /tmp/project

Why a subreaper: RUSAGE_CHILDREN counts only descendants that were waited
for, and the build's PDF workers are children of the pool's fork server,
which outlives the build by a moment. Adopted by this process and waited
for here, it brings its workers' CPU time and memory along. Only the
standard library is imported, so nothing else this process ran is counted.
Linux only (prctl).
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import resource
import subprocess
import sys
import time

PR_SET_CHILD_SUBREAPER = 36
"""From <linux/prctl.h>."""


def become_subreaper() -> None:
    """Adopt orphaned descendants, so this process waits for them."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_CHILD_SUBREAPER) failed")


def main(command: list[str]) -> None:
    """Wall seconds until `command` exits; CPU seconds and the largest resident set of it and all its descendants."""
    become_subreaper()
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    with contextlib.suppress(ChildProcessError):
        while True:
            os.wait()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "mib": usage.ru_maxrss / 1024,
                      "status": result.returncode, "output": result.stdout + result.stderr}))


if __name__ == "__main__":
    main(sys.argv[1:])
