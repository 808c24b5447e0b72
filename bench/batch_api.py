"""The Batch API path's own cost: what the client spends around the provider's wait.

    python bench/batch_api.py [N] [REPEATS]

N articles (default 1,000: the evaluation articles, each copy made distinct by its id in the
text) go through `run_batch_api` against the loopback Files and Batches server
(summariser/testing/batch_server.py), which answers every line with the stub's draft after a
0.2 s "provider" delay. Prints the input file's size, and the wall time of the whole run
(reading, building the lines, upload, polling, download, validating, grounding, dating),
median and spread over REPEATS (default 3). A provider's own time (minutes to 24 h) is not ours
and is not here.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summariser import Article, Summariser  # noqa: E402
from summariser.batch.batch_api import Polling, run_batch_api  # noqa: E402
from summariser.batch.batch_api.store import Submitted  # noqa: E402
from summariser.testing.batch_server import BatchServer  # noqa: E402
from tests.support import EVAL  # noqa: E402


def articles(n: int) -> list[Article]:
    found = []
    paths = sorted((EVAL / "articles").glob("*.json"))
    for i in range(n):
        raw = json.loads(paths[i % len(paths)].read_text(encoding="utf-8"))
        text = f"{raw['text']}\n\n(copy {i})"
        found.append(Article(id=f"a{i}", text=text, title=raw.get("title"), origin="bench"))
    return found


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    given = articles(n)
    walls, size = [], 0
    for _ in range(repeats):
        server = BatchServer(delay=0.2).start()
        store = Submitted(Path(tempfile.mkdtemp()) / "cache.sqlite3")
        summariser = Summariser(model="stub", base_url=server.url, api_key="k")
        started = time.perf_counter()
        done = list(run_batch_api(given, summariser, store, polling=Polling(first=0.1)))
        walls.append(time.perf_counter() - started)
        assert len(done) == n and all(r.ok for r in done)
        size = sum(len(server.contents[b["input_file_id"]]) for b in server.batches.values())
        server.stop()
    print(f"{n} articles: input file {size / 1e6:.1f} MB ({size / n / 1e3:.1f} kB a request)")
    print(
        f"whole run: median {statistics.median(walls):.1f} s (min {min(walls):.1f}, max "
        f"{max(walls):.1f}; {repeats} runs), {statistics.median(walls) / n * 1000:.1f} ms "
        "an article, the server's 0.2 s included"
    )


if __name__ == "__main__":
    main()
