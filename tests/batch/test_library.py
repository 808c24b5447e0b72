"""The batch as a library: an async iterator of typed records, and a pure picklable function.

Both run against our loopback OpenAI-compatible server (real sockets); the picklable function
is shipped to a freshly spawned process, as a distributed engine would ship it.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import pickle
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from summariser import Article, BatchRecord, Summariser, abatch, summarise_articles
from summariser.batch.context import BatchTotals
from summariser.testing.stub_server import StubServer
from tests.support import DATA, EVAL

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])


@pytest.fixture
def stub() -> Iterator[StubServer]:
    server = StubServer(delay=0.05).start()
    yield server
    server.shutdown()
    server.server_close()


def eval_json(name: str) -> dict:
    return json.loads((EVAL / "articles" / f"{name}.json").read_text(encoding="utf-8"))


def test_async_iterator_yields_typed_records_for_paths_and_articles(stub: StubServer) -> None:
    seed = Article(id="seed", text=(DATA / "kim-putin.txt").read_text(), origin="test")
    inputs = [str(EVAL / "articles"), seed, seed, Path("no/such/file.json")]
    totals = BatchTotals()

    async def collect() -> list[BatchRecord]:
        summariser = Summariser(model="stub", base_url=stub.url)
        return [r async for r in abatch(inputs, summariser, offline=True, totals=totals)]

    records = asyncio.run(collect())
    assert len(records) == 51 and len({r.id for r in records}) == 51  # 49 + seed + missing file
    assert totals.duplicates == 1 and totals.done == 50 and totals.failed == 1
    failed = [r for r in records if not r.ok]
    assert len(failed) == 1 and failed[0].error and failed[0].error.type == "InputError"
    assert "no such file" in failed[0].error.message
    seed_record = next(r for r in records if r.id == "seed")
    # the stub cites "Kim Jong", a cut name; the article's own "Kim Jong-un" stands
    assert seed_record.briefing and seed_record.briefing.who[0].name == "Kim Jong-un"
    assert seed_record.usage and seed_record.usage.total_tokens == 150
    assert BatchRecord.from_json(json.loads(json.dumps(seed_record.to_json()))) == seed_record


def test_picklable_function_runs_in_another_process_and_keeps_order(stub: StubServer) -> None:
    articles = [
        eval_json("g5w-nypost-4"),
        {"id": "broken", "title": "no text"},  # malformed: an error record, in its place
        Article(id="seed", text=(DATA / "kim-putin.txt").read_text(), origin="test"),
        {**eval_json("g5w-nytimes-1"), "published": "not a date"},
    ]
    shipped = pickle.loads(pickle.dumps(summarise_articles))
    assert shipped is summarise_articles  # pickled by reference, like any top-level function
    context = multiprocessing.get_context("spawn")  # a fresh interpreter, nothing inherited
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        future = pool.submit(summarise_articles, articles, model="stub", base_url=stub.url)
        records = future.result(timeout=120)
    assert [r.ok for r in records] == [True, False, True, False]
    assert records[0].id == "g5w-nypost-4" and records[2].id == "seed"
    assert records[0].briefing and records[0].briefing.who[0].name == "Hillary Clinton"
    assert records[1].error and "no 'text'" in records[1].error.message
    assert records[3].error and "date" in records[3].error.message
    assert stub.calls == 2
