"""The batch on Ray Data: throughput against the loopback server at 1, 2 and 4 actors.

    python bench/ray_batch.py [N] [LATENCY] [REPEATS]

N real articles (default 200: the evaluation articles, each copy its own) go through
`records_on_ray` on a local Ray with this machine's CPUs, against our loopback server in its
own process answering after LATENCY seconds (default 0.5), each actor keeping 8 requests in
flight. Prints articles per second, median and spread over REPEATS (default 3), beside the
online batch (`abatch`, concurrency 8 and 16) on the same articles; Ray's start is not timed.
"""

from __future__ import annotations

import asyncio
import logging
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loopback import start_loopback  # noqa: E402

from summariser import Summariser, abatch  # noqa: E402
from summariser.batch.on_ray import records_on_ray  # noqa: E402
from tests.batch.test_on_ray import articles  # noqa: E402


def online(given: list, url: str, concurrency: int) -> float:
    async def run() -> int:
        summariser = Summariser(model="stub", base_url=url, api_key="k")
        stream = abatch(given, summariser, offline=True, concurrency=concurrency)
        return len([r async for r in stream])

    started = time.perf_counter()
    assert asyncio.run(run()) == len(given)
    return time.perf_counter() - started


def on_ray(given: list, url: str, actors: int) -> float:
    started = time.perf_counter()
    found = list(records_on_ray(given, model="stub", base_url=url, actors=actors))
    assert len(found) == len(given) and all(r.ok for r in found)
    return time.perf_counter() - started


def main() -> None:
    import os

    import ray

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    latency = float(sys.argv[2]) if len(sys.argv) > 2 else 0.5
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    os.environ.setdefault("SUMMARISER_API_KEY", "k")
    given = articles(n)
    stub, url = start_loopback(latency)
    ray.init(include_dashboard=False, log_to_driver=False, logging_level=logging.WARNING)
    try:
        runs = [(f"online, concurrency {c}", lambda c=c: online(given, url, c)) for c in (8, 16)]
        runs += [(f"Ray, {a} actor(s) x 8", lambda a=a: on_ray(given, url, a)) for a in (1, 2, 4)]
        print(f"{n} articles, loopback latency {latency} s, {os.cpu_count()} CPUs")
        for name, run in runs:
            rates = sorted(n / run() for _ in range(repeats))
            print(
                f"{name:>24}: median {statistics.median(rates):.1f} articles/s "
                f"(min {rates[0]:.1f}, max {rates[-1]:.1f}; {repeats} runs)"
            )
    finally:
        ray.shutdown()
        stub.terminate()


if __name__ == "__main__":
    main()
