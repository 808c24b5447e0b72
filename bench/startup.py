"""Cold start: wall time of `summarise --help` and `python -c "import summariser"`.

    python bench/startup.py

Each is a fresh process; median and spread over repeats. Target: <= 0.3 s on this machine.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

SUMMARISE = Path(sys.executable).with_name("summarise")


def wall(argv: list[str], repeats: int = 7) -> list[float]:
    subprocess.run(argv, capture_output=True, check=True)  # warm the OS file cache
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return times


def main() -> list[tuple[str, str, str]]:
    rows = []
    for name, argv in (
        ("summarise --help", [str(SUMMARISE), "--help"]),
        ("import summariser", [sys.executable, "-c", "import summariser"]),
        ("python -c pass (baseline)", [sys.executable, "-c", "pass"]),
    ):
        times = wall(argv)
        figure = (
            f"median {statistics.median(times):.3f} s (min {min(times):.3f}, max {max(times):.3f})"
        )
        print(f"cold start, {name}: {figure}")
        target = "(reference)" if "baseline" in name else "<= 0.3 s"
        rows.append((f"cold start: {name}", figure, target))
    return rows


if __name__ == "__main__":
    main()
