"""Cached re-run: a finished 1,000-article batch run again from scratch (`--restart`).

    python bench/rerun.py

The first run fills the cache against our loopback server (its own process); the re-run must
make no model call. Articles are the evaluation set's, each copy made distinct so that every
one has its own cache entry. Target: <= 2 s, zero model calls.
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

COUNT = 1000


def main(repeats: int = 3) -> list[tuple[str, str, str]]:
    from summariser.cli import main as cli
    from summariser.testing.stub_server import StubServer

    eval_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "eval"
    originals = [json.loads(p.read_text()) for p in sorted((eval_dir / "articles").glob("*.json"))]
    server = StubServer().start()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "articles.jsonl"
        with source.open("w", encoding="utf-8") as out:
            for n in range(COUNT):
                article = originals[n % len(originals)]
                text = f"{article['text']}\n\n(copy {n})"
                out.write(json.dumps({"id": f"c{n}", "text": text, **_meta(article)}) + "\n")
        argv = ["batch", str(source), "--model", "stub", "--base-url", server.url, "-q"]
        argv += ["--cache", str(Path(tmp) / "cache.sqlite3"), "-o", str(Path(tmp) / "out.jsonl")]
        argv += ["--concurrency", "16"]
        cli(argv, out=io.StringIO(), err=io.StringIO())
        calls = server.calls
        walls = []
        for _ in range(repeats):
            started = time.perf_counter()
            cli([*argv, "--restart"], out=io.StringIO(), err=io.StringIO())
            walls.append(time.perf_counter() - started)
        lines = (Path(tmp) / "out.jsonl").read_text(encoding="utf-8").splitlines()
    server.stop()
    assert len(lines) == COUNT, len(lines)
    figure = (
        f"{COUNT} articles: median {statistics.median(walls):.2f} s "
        f"(min {min(walls):.2f}, max {max(walls):.2f}, {repeats} runs), "
        f"{server.calls - calls} model calls"
    )
    print(f"cached re-run: {figure}")
    return [("cached re-run of a finished batch", figure, "<= 2 s, 0 calls")]


def _meta(article: dict[str, object]) -> dict[str, object]:
    return {"title": article.get("title"), "published": article.get("published")}


if __name__ == "__main__":
    main()
