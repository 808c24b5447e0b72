"""The batch context (batch/context.py): every mode reads its articles through `triage` and ends
every record through `keep`, so each article is read once, skipped or served from the cache
alike, and each record is cached and counted exactly once. Against our loopback server."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from summariser import Article, BatchContext, BatchRecord, Summariser, abatch
from summariser.batch.briefing_cache import BriefingCache
from summariser.batch.records import RecordError, RecordSource
from summariser.testing.stub_server import StubServer
from tests.support import DATA, EVAL

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])


@pytest.fixture
def stub() -> Iterator[StubServer]:
    server = StubServer().start()
    yield server
    server.shutdown()
    server.server_close()


def run(context: BatchContext, stub: StubServer) -> list[BatchRecord]:
    async def collect() -> list[BatchRecord]:
        summariser = Summariser(model="stub", base_url=stub.url)
        return [r async for r in abatch(context, summariser, concurrency=4)]

    return asyncio.run(collect())


def briefings_in(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT count(*) FROM briefings").fetchone()[0]


def test_a_context_reads_each_article_once_and_a_second_run_asks_nothing(
    stub: StubServer, tmp_path: Path
) -> None:
    seed = Article(id="seed", text=(DATA / "kim-putin.txt").read_text(), origin="test")
    inputs = [str(EVAL / "articles"), seed, seed, Path("no/such/file.json")]
    path = tmp_path / "cache.sqlite"
    first = BatchContext(inputs=inputs, cache=BriefingCache(path), texts={})
    records = run(first, stub)
    totals = first.totals
    assert len(records) == 51 and stub.calls == 50  # 49 + seed + the missing file's record
    assert (totals.articles, totals.duplicates, totals.problems) == (50, 1, 1)
    assert (totals.done, totals.failed, totals.cached) == (50, 1, 0)
    assert briefings_in(path) == 50 and first.texts is not None and len(first.texts) == 50

    skip = {records[0].id, records[1].id, records[2].id}
    again = BatchContext(inputs=inputs, cache=BriefingCache(path), skip=skip)
    second = run(again, stub)
    assert stub.calls == 50  # nothing asked again
    assert len(second) == 51 - len(skip) and not skip & {r.id for r in second}
    assert (again.totals.resumed, again.totals.cached, again.totals.done) == (3, 47, 0)
    assert briefings_in(path) == 50


def test_keep_caches_only_what_the_model_made_and_counts_every_record_once(
    tmp_path: Path,
) -> None:
    path = tmp_path / "cache.sqlite"
    context = BatchContext(inputs=[], cache=BriefingCache(path))
    made = stub_record("made")
    served = made.model_copy(update={"id": "served", "cached": True})
    failed = BatchRecord(
        id="failed", source=RecordSource(), error=RecordError(type="ModelError", message="x")
    )
    for record, key in ((made, "k1"), (served, "k2"), (failed, "k3"), (made, None)):
        assert context.keep(record, key) is record
    cache = BriefingCache(path)
    assert cache.get("k1") == made.to_json()
    assert cache.get("k2") is None and cache.get("k3") is None
    totals = context.totals
    assert (totals.done, totals.cached, totals.failed) == (2, 1, 1)
    assert totals.prompt_tokens == 2 * 100


def stub_record(article_id: str) -> BatchRecord:
    from summariser.briefing.schema import Usage
    from tests.support import brief

    briefing = brief("Anna Berg spoke in Oslo on Monday about the new bridge.")
    usage = Usage(prompt_tokens=100, completion_tokens=50, total_tokens=150)
    return BatchRecord(
        id=article_id, source=RecordSource(), briefing=briefing, model="stub", usage=usage
    )
