"""Memory: peak RSS of a batch streaming many articles through the loopback server.

    python bench/memory.py [EVAL_DIR] [COUNT]

Runs `summarise batch` (its own process, so its RSS is the batch's alone) over COUNT real
articles (default 10,000: the evaluation set's, repeated under new ids) against the loopback
server answering at once, concurrency 32, and samples the batch's resident set size and its
written records five times a second. Flat means the RSS from 20% to 90% of the records grows
by far less than the articles read: the pipeline holds a bounded window, not the batch.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from batch import articles_file  # noqa: E402
from loopback import start_loopback  # noqa: E402


def rss_mib(pid: int) -> float | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return None


def lines_in(path: Path) -> int:
    try:
        with path.open("rb") as f:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))
    except OSError:
        return 0


def memory(eval_dir: Path, count: int = 10_000, concurrency: int = 32) -> str:
    stub, url = start_loopback()
    samples: list[tuple[int, float]] = []  # (records written, RSS MiB)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            source = articles_file(eval_dir, count, Path(tmp))
            out = Path(tmp) / "out.jsonl"
            argv = [sys.executable, "-m", "summariser", "batch", str(source), "--model", "stub"]
            argv += ["--base-url", url, "--no-cache", "--concurrency", str(concurrency)]
            argv += ["-o", str(out), "-q"]
            started = time.perf_counter()
            batch = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            while batch.poll() is None:
                if (rss := rss_mib(batch.pid)) is not None:
                    samples.append((lines_in(out), rss))
                time.sleep(0.2)
            seconds = time.perf_counter() - started
            written = lines_in(out)
            if batch.returncode != 0 or written != count:
                sys.exit(f"batch failed ({batch.returncode}, {written} of {count} records)")
    finally:
        stub.terminate()
    running = [(done, rss) for done, rss in samples if done < count]  # not the exit's teardown
    peak = max(rss for _, rss in running)
    at = {share: next((r for d, r in running if d >= count * share / 100), peak) for share in
          (20, 50, 90)}  # fmt: skip
    figure = (
        f"{count:,} articles in {seconds:.0f} s: peak RSS {peak:.0f} MiB; "
        f"{at[20]:.0f} MiB at 20%, {at[50]:.0f} MiB at 50%, {at[90]:.0f} MiB at 90%; "
        f"growth from 20% to 90%: {at[90] - at[20]:+.1f} MiB"
    )
    print(f"memory: {figure}")
    return figure


def main() -> list[tuple[str, str, str]]:
    eval_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "eval"
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    return [("memory: batch streaming articles", memory(eval_dir, count), "flat")]


if __name__ == "__main__":
    main()
