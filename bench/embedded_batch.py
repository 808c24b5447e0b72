"""The embedded model's batch throughput with N articles decoded together (issue 25).

    python bench/embedded_batch.py [EVAL_DIR] [COUNT] [N...]

`summarise eval --limit COUNT` (16): the first gold articles of the evaluation set through the
batch, a new process for each N (default 1 2 4 8), no cache, the embedded model. Printed:
articles per hour, wall time, the process's peak memory (its own ru_maxrss, `os.wait4`), and
the eval's quality figures, since answers decoded together are not bit-identical to answers
decoded alone. Run it on an idle machine: about half an hour.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> list[tuple[str, str, str]]:
    eval_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "eval"
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 16
    widths = [int(n) for n in sys.argv[3:]] or [1, 2, 4, 8]
    rows = []
    base = None
    with tempfile.TemporaryDirectory() as tmp:
        for width in widths:
            report = Path(tmp) / f"n{width}.json"
            argv = [sys.executable, "-m", "summariser", "eval", str(eval_dir), "--no-cache"]
            argv += ["--limit", str(count), "--model", "embedded", "--concurrency", str(width)]
            started = time.perf_counter()
            argv += ["-o", str(report)]
            child = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.DEVNULL)
            _, status, usage = os.wait4(child.pid, 0)
            wall = time.perf_counter() - started
            figures = json.loads(report.read_text(encoding="utf-8"))["figures"]
            per_hour = count * 3600 / wall
            base = base or per_hour
            figure = (
                f"{per_hour:.0f} articles/h ({per_hour / base:.2f}x), {wall:.0f} s, "
                f"peak {usage.ru_maxrss / 1024:.0f} MB, exit {status >> 8}"
            )
            quality = ", ".join(f"{k} {v}" for k, v in figures.items() if k in _SHOWN)
            print(f"N={width}: {figure}; {quality}", flush=True)
            rows.append((f"embedded batch, N={width}", figure, ">= 2.5x N=1, <= 4 GB"))
    return rows


_SHOWN = ("who_recall", "where_recall", "when_accuracy", "allegations_matching_gold",
          "made_by_right", "defects_per_briefing", "grounded")  # fmt: skip


if __name__ == "__main__":
    main()
