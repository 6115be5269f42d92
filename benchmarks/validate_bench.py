"""Time `validate_content` (strict YAML loading, models and cross-record checks) on synthetic corpora.

    .venv/bin/python benchmarks/validate_bench.py            # 250, 500, 1000 and 2000 records
    .venv/bin/python benchmarks/validate_bench.py 100 5000   # other sizes

Each size: one corpus from `corpus.write_corpus` in a temporary folder, one
warm-up run, then the best of `--repeat` timed runs; a separate run under
tracemalloc gives the peak of Python allocations (tracemalloc slows that run,
so it is not the timed one).
"""

from __future__ import annotations

import argparse
import gc
import platform
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import briefings_for, write_corpus

from generator.validate import validate_content

ROOT = Path(__file__).resolve().parents[1]
SIZES = (250, 500, 1000, 2000)


@dataclass(frozen=True)
class Measurement:
    records: int
    seconds: float
    peak_mib: float

    @property
    def ms_per_100(self) -> float:
        return self.seconds * 1000 / self.records * 100


def measure(size: int, repeat: int) -> Measurement:
    """Validate a corpus of about `size` records; fail loudly if the corpus itself has problems."""
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as folder:
        content = Path(folder) / "content"
        records = write_corpus(content, briefings_for(size))
        report = validate_content(ROOT, content)
        if report.problems or len(report.records) != records:
            raise SystemExit(f"corpus of {records} records is not clean: {report.summary()}")
        times = []
        for _ in range(repeat):
            gc.collect()
            start = time.perf_counter()
            validate_content(ROOT, content)
            times.append(time.perf_counter() - start)
        gc.collect()
        tracemalloc.start()
        validate_content(ROOT, content)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return Measurement(records, min(times), peak / 2**20)


def table(measurements: list[Measurement]) -> str:
    lines = ["| records | seconds | ms per 100 records | peak MiB |", "| ---: | ---: | ---: | ---: |"]
    lines += [f"| {m.records} | {m.seconds:.2f} | {m.ms_per_100:.0f} | {m.peak_mib:.1f} |" for m in measurements]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=list(SIZES), help="approximate record counts")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per size; the best counts (default 3)")
    args = parser.parse_args(argv)
    validate_content(ROOT)  # imports, Babel data and zone lists once, outside every measurement
    print(f"Python {platform.python_version()} on {platform.machine()}, best of {args.repeat}")
    print(table([measure(size, args.repeat) for size in args.sizes]))


if __name__ == "__main__":
    main()
