"""Hostile sizes, bounded: a 20 MiB article read and listed, a 200 MB file and /dev/zero refused.

    python bench/bounded_inputs.py [EVAL_DIR]

Each case is `summarise batch FILE --extract-only -o OUT` in a new process (the CLI as a user
runs it), timed by wall clock with the child's peak memory (ru_maxrss). The 20 MB article is
the evaluation set's articles repeated to just under the 20 MB cap, so the id hash and every
other pass over the text run on all of it. Targets: read in seconds; refusals at once.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CAP = 20 * 1024 * 1024


def main(repeats: int = 5) -> list[tuple[str, str, str]]:
    eval_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "eval"
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(eval_dir.rglob("*.json")))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        near_cap = Path(tmp) / "long.txt"
        near_cap.write_text(_repeated(text, CAP - 100_000), encoding="utf-8")
        huge = Path(tmp) / "huge.txt"
        with huge.open("wb") as out:
            out.truncate(200 * 1024 * 1024)  # a sparse 200 MB file: its size is what counts
        for label, path, target in (
            (f"a {near_cap.stat().st_size / 2**20:.1f} MiB article, listed", near_cap, "seconds"),
            ("a 200 MB file, refused", huge, "at once"),
            ("/dev/zero by name, refused", Path("/dev/zero"), "at once"),
        ):
            walls, peaks = [], []
            for _ in range(repeats):
                wall, peak = _run(path, Path(tmp) / "out.jsonl")
                walls.append(wall)
                peaks.append(peak)
            figure = (
                f"median {statistics.median(walls):.2f} s (min {min(walls):.2f}, "
                f"max {max(walls):.2f}, {repeats} runs), peak {max(peaks):.0f} MB"
            )
            print(f"{label}: {figure}")
            rows.append((label, figure, target))
    return rows


def _repeated(text: str, size: int) -> str:
    """`text` over and over, cut at a line end just under `size` bytes of UTF-8."""
    whole = (text + "\n") * (size // max(1, len(text.encode())) + 1)
    cut = whole.encode()[:size].decode("utf-8", errors="ignore")
    return cut[: cut.rfind("\n") + 1]


def _run(path: Path, out: Path) -> tuple[float, float]:
    out.unlink(missing_ok=True)
    argv = [sys.executable, "-m", "summariser", "batch", str(path), "--extract-only", "-q"]
    started = time.perf_counter()
    child = subprocess.Popen([*argv, "-o", str(out)], cwd=ROOT, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)  # this child's own peak, not the largest so far
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"summarise batch {path} exited {child.returncode}")
    return wall, usage.ru_maxrss / 1024


if __name__ == "__main__":
    main()
