"""Batch figures: extraction speed over the evaluation set, throughput against a loopback server.

    python bench/batch.py [EVAL_DIR]

Prints, for a run on this machine:
- `--extract-only` over all of EVAL_DIR: articles per second, whole command included;
- a batch of 50 real articles against our loopback OpenAI-compatible server answering after
  a fixed latency: wall time against the ideal articles x latency / concurrency.
"""

from __future__ import annotations

import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summariser.cli import main  # noqa: E402
from tests.stub_server import StubServer  # noqa: E402

LATENCY = 0.1


def extract_speed(eval_dir: Path, repeats: int = 3) -> None:
    rates = []
    for _ in range(repeats):
        out, err = io.StringIO(), io.StringIO()
        started = time.perf_counter()
        main(["batch", str(eval_dir), "--extract-only", "--offline", "-q"], out=out, err=err)
        seconds = time.perf_counter() - started
        count = sum('"chars"' in line for line in out.getvalue().splitlines())
        rates.append(count / seconds)
    print(
        f"extract-only: {count} articles, median {statistics.median(rates):.0f} articles/s "
        f"(min {min(rates):.0f}, max {max(rates):.0f}, {repeats} runs, imports warm)"
    )


def throughput(eval_dir: Path, concurrency: int) -> None:
    server = StubServer(delay=LATENCY).start()
    inputs = [str(eval_dir / "articles"), str(ROOT / "tests" / "data" / "kim-putin.txt")]
    with tempfile.TemporaryDirectory() as tmp:
        argv = ["batch", *inputs, "--model", "stub", "--base-url", server.url, "--no-cache"]
        argv += ["--concurrency", str(concurrency)]
        argv += ["-o", str(Path(tmp) / "out.jsonl"), "-q"]
        started = time.perf_counter()
        main(argv, out=io.StringIO(), err=io.StringIO())
        seconds = time.perf_counter() - started
    server.shutdown()
    ideal = server.calls * LATENCY / concurrency
    print(
        f"batch vs loopback server: {server.calls} articles, latency {LATENCY * 1000:.0f} ms, "
        f"concurrency {concurrency}: {seconds:.2f} s, ideal {ideal:.2f} s, "
        f"throughput {ideal / seconds:.2f} of ideal"
    )


if __name__ == "__main__":
    eval_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "eval"
    extract_speed(eval_dir)
    for concurrency in (1, 8):
        throughput(eval_dir, concurrency)
