"""Every benchmark in turn, then one Markdown table of the figures (for BENCHMARKS.md).

    python bench/run_all.py [EVAL_DIR] > figures.md

Run it on an idle machine: the figures are wall-clock times and ratios measured in the same run.
"""

from __future__ import annotations

import contextlib
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import batch
import floor
import memory
import overhead
import rerun
import startup


def main() -> None:
    rows: list[tuple[str, str, str]] = []
    with contextlib.redirect_stdout(sys.stderr):  # progress lines on stderr, table on stdout
        for bench in (startup, overhead, rerun, batch, memory, floor):
            rows += bench.main()
    print(
        f"Machine: {platform.processor() or platform.machine()}, {_cores()} cores, "
        f"Python {platform.python_version()}\n"
    )
    print("| benchmark | measured | target |\n| --- | --- | --- |")
    for name, figure, target in rows:
        print(f"| {name} | {figure} | {target} |")


def _cores() -> int:
    import os

    return os.cpu_count() or 1


if __name__ == "__main__":
    main()
