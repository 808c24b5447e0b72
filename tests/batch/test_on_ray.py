"""The batch on a real local Ray (2 CPUs), against our loopback stub: 200 real articles, every
one exactly once, the same records as the online batch; and `--via ray` from the CLI. Skipped
where Ray is not installed, except under CI, where it must run."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import os
from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import pytest

from summariser import Article, Summariser, abatch
from summariser.cli import main
from summariser.testing.stub_server import StubServer
from tests.support import EVAL

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])


@pytest.fixture(scope="module")
def ray_local() -> Iterator[Any]:
    if find_spec("ray") is None:
        if os.environ.get("CI"):
            pytest.fail("Ray is not installed: pip install -e '.[test]'")
        pytest.skip("Ray is not installed: pip install -e '.[test]'")
    import ray

    ray.init(
        num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level=logging.WARNING
    )
    yield ray
    ray.shutdown()


def articles(n: int) -> list[Article]:
    """n real evaluation articles, each copy its own article (its id in its text)."""
    paths = sorted((EVAL / "articles").glob("*.json"))
    made = []
    for i in range(n):
        raw = json.loads(paths[i % len(paths)].read_text(encoding="utf-8"))
        text = f"{raw['text']}\n\n(copy {i})"
        made.append(Article(id=f"a{i:03d}", text=text, title=raw.get("title"), origin="test"))
    return made


def online(given: list[Article], url: str) -> dict[str, dict[str, Any]]:
    async def run() -> list[Any]:
        summariser = Summariser(model="stub", base_url=url, api_key="k")
        return [r async for r in abatch(given, summariser, offline=True, concurrency=8)]

    return {r.id: r.to_json() for r in asyncio.run(run())}


def test_two_hundred_articles_once_each_as_the_online_batch_gives_them(
    ray_local: Any, stub: StubServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summariser.batch.on_ray import records_on_ray

    monkeypatch.setenv("SUMMARISER_API_KEY", "k")
    given = articles(200)
    found = list(records_on_ray(given, model="stub", base_url=stub.url, actors=2, block=16))
    assert stub.calls == 200  # each article asked once
    ids = [r.id for r in found]
    assert len(ids) == 200 and set(ids) == {a.id for a in given}
    expected = online(given, stub.url)
    for record in found:
        line = record.to_json()
        assert record.ok, line
        del line["seconds"], expected[record.id]["seconds"]
        assert line == expected[record.id]


def test_the_cli_runs_a_batch_on_ray(
    ray_local: Any, stub: StubServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUMMARISER_API_KEY", "k")
    source = tmp_path / "articles.jsonl"
    rows = [{"id": a.id, "title": a.title, "text": a.text} for a in articles(12)]
    source.write_text("".join(json.dumps(row) + "\n" for row in rows))
    out, err = io.StringIO(), io.StringIO()
    argv = ["batch", str(source), "--via", "ray", "--actors", "2", "--model", "stub"]
    argv += ["--base-url", stub.url, "--offline", "--no-cache", "-o", str(tmp_path / "o.jsonl")]
    assert main(argv, out=out, err=err) == 0, err.getvalue()
    assert "12 articles, 12 done" in err.getvalue()
    lines = (tmp_path / "o.jsonl").read_text().splitlines()
    assert sorted(json.loads(x)["id"] for x in lines) == [f"a{i:03d}" for i in range(12)]
