"""Batch figures: extraction speed over the evaluation set, throughput against a loopback server.

    python bench/batch.py [EVAL_DIR]

Prints, for a run on this machine:
- `--extract-only` over all of EVAL_DIR: articles per second, whole command included;
- batches of real articles against our loopback OpenAI-compatible server (its own process, so
  it takes no CPU from the batch's interpreter) answering after a fixed latency: wall time
  against the ideal articles x latency / concurrency, median over repeats. The 256 x 500 ms
  x 32 batch runs twice: all in one process (--workers 1) and with the default, which reads
  and grounds in worker processes from concurrency 16 on.
"""

from __future__ import annotations

import io
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loopback import start_loopback  # noqa: E402

from summariser.cli import main as cli  # noqa: E402


def extract_speed(eval_dir: Path, repeats: int = 3) -> str:
    rates, count = [], 0
    for _ in range(repeats):
        out, err = io.StringIO(), io.StringIO()
        started = time.perf_counter()
        cli(["batch", str(eval_dir), "--extract-only", "--offline", "-q"], out=out, err=err)
        seconds = time.perf_counter() - started
        count = sum('"chars"' in line for line in out.getvalue().splitlines())
        rates.append(count / seconds)
    if not count:
        sys.exit(f"no articles found in {eval_dir}: pass the evaluation folder")
    figure = (
        f"{count} articles, median {statistics.median(rates):.0f} articles/s "
        f"(min {min(rates):.0f}, max {max(rates):.0f}, {repeats} runs)"
    )
    print(f"extract-only: {figure}")
    return figure


def articles_file(eval_dir: Path, count: int, folder: Path) -> Path:
    """`count` real articles: the evaluation set's, repeated under new ids when needed."""
    originals = [
        json.loads(path.read_text(encoding="utf-8"))
        for path in sorted((eval_dir / "articles").glob("*.json"))
    ]
    path = folder / f"articles-{count}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            article = originals[n % len(originals)]
            fields = {k: article.get(k) for k in ("title", "text", "published", "url")}
            out.write(json.dumps({**fields, "id": f"{article['id']}#{n}"}) + "\n")
    return path


def throughput(
    eval_dir: Path,
    count: int,
    latency: float,
    concurrency: int,
    repeats: int = 3,
    workers: int | None = None,
) -> str:
    """Wall time of `summarise batch` against the ideal; `workers` None: the default."""
    stub, url = start_loopback(latency)
    ratios, walls = [], []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            source = articles_file(eval_dir, count, Path(tmp))
            for _ in range(repeats):
                argv = ["batch", str(source), "--model", "stub", "--base-url", url, "--no-cache"]
                argv += ["--concurrency", str(concurrency), "-o", str(Path(tmp) / "out.jsonl")]
                argv += ["--restart", "-q"]
                argv += ["--workers", str(workers)] if workers else []
                started = time.perf_counter()
                cli(argv, out=io.StringIO(), err=io.StringIO())
                seconds = time.perf_counter() - started
                lines = (Path(tmp) / "out.jsonl").read_text(encoding="utf-8").splitlines()
                assert len(lines) == count, f"{len(lines)} records for {count} articles"
                walls.append(seconds)
                ratios.append(count * latency / concurrency / seconds)
    finally:
        stub.terminate()
    ideal = count * latency / concurrency
    processes = f", --workers {workers}" if workers else ""
    figure = (
        f"{count} articles, latency {latency * 1000:.0f} ms, concurrency {concurrency}"
        f"{processes}: "
        f"median {statistics.median(walls):.2f} s, ideal {ideal:.2f} s, "
        f"{statistics.median(ratios):.2f} of ideal "
        f"(min {min(ratios):.2f}, max {max(ratios):.2f}, {repeats} runs)"
    )
    print(f"batch vs loopback server: {figure}")
    return figure


def main() -> list[tuple[str, str, str]]:
    eval_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "eval"
    return [
        ("`--extract-only` over all of shared/eval", extract_speed(eval_dir), "(none set)"),
        ("batch vs loopback server", throughput(eval_dir, 50, 0.1, 1), "(none set)"),
        ("batch vs loopback server", throughput(eval_dir, 50, 0.1, 8), "(none set)"),
        (
            "batch vs loopback server",
            throughput(eval_dir, 256, 0.5, 32, workers=1),
            "(one process)",
        ),
        ("batch vs loopback server", throughput(eval_dir, 256, 0.5, 32), ">= 0.9 of ideal"),
    ]


if __name__ == "__main__":
    main()
