"""The batch on a real local Ray (2 CPUs), against our loopback stub: 200 real articles, every
one exactly once, the same records as the online batch; and `--via ray` from the CLI. Skipped
where Ray is not installed, except under CI, where it must run."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import os
import socket
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

    ray.init(  # "local": a Ray of its own, even where `ray start` left one running
        address="local",
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        logging_level=logging.WARNING,
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


RUN = 10  # the fewest arrivals a run is timed over: a shorter one is held up in transit
SLACK = 0.4  # seconds a run may come up short of the rate, its ends held up in transit


def test_the_actors_share_the_rate_limit(
    ray_local: Any, stub: StubServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At --rpm 300 over 2 actors, no run of ten or more requests reaches the stub faster
    than 300 a minute: each actor keeps to its share, across all the blocks it is given.
    Beyond the rate, each actor may bring two requests at once: its first leaves at once, and
    may be slow to arrive (the actor's first connection), so its second catches it up.
    Arrivals are timed at the stub, in its own process: on two cores (Ray, the suite) it can
    be held off the CPU and take requests sent apart at once, so a short run may come up
    short (one of 7 took 0.31 s, not 0.6, on an idle machine: three arrived within 8 ms after
    a held second). Measured over runs of ten, the worst came 0.08 s short (3 runs, idle);
    SLACK allows 0.4. Without the sharing, each actor at the whole rate, the worst run of ten
    came 0.79-0.82 s short (3 runs): twice the slack."""
    from summariser.batch.on_ray import records_on_ray

    monkeypatch.setenv("SUMMARISER_API_KEY", "k")
    rpm, actors, interval = 300, 2, 60 / 300
    given = articles(20)
    found = list(
        records_on_ray(given, model="stub", base_url=stub.url, actors=actors, rpm=rpm, block=4)
    )
    assert sorted(r.id for r in found) == [a.id for a in given] and all(r.ok for r in found)
    times = sorted(stub.arrivals)
    assert len(times) == 20
    for i, first in enumerate(times):
        for j in range(i + RUN - 1, len(times)):
            least = (j - i + 1 - 2 * actors) * interval
            assert times[j] - first >= least - SLACK, (i, j, [t - times[0] for t in times])


def test_briefings_made_on_ray_are_cached_for_the_next_run(
    ray_local: Any, stub: StubServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summariser.batch.briefing_cache import BriefingCache
    from summariser.batch.on_ray import records_on_ray

    monkeypatch.setenv("SUMMARISER_API_KEY", "k")
    given = articles(10)
    cache = BriefingCache(tmp_path / "cache.sqlite")
    first = list(records_on_ray(given, model="stub", base_url=stub.url, cache=cache, block=4))
    assert stub.calls == 10 and not any(r.cached for r in first)
    again = list(records_on_ray(given, model="stub", base_url=stub.url, cache=cache, block=4))
    assert stub.calls == 10  # no model call the second time
    assert all(r.cached for r in again) and len(again) == 10
    made = {r.id: r.briefing for r in first}
    assert all(r.briefing == made[r.id] for r in again)


def test_a_ray_client_address_or_an_absent_head_is_refused_in_one_line(tmp_path: Path) -> None:
    """Ray Data does not run over Ray Client; a head that is not there is named at once."""
    from summariser.batch.on_ray import _check_reachable
    from summariser.errors import ConfigError

    source = tmp_path / "a.json"
    source.write_text(json.dumps({"id": "a", "text": "Anna Berg spoke in Oslo on Monday."}))
    out, err = io.StringIO(), io.StringIO()
    argv = ["batch", str(source), "--via", "ray", "--ray-address", "ray://head:10001"]
    argv += ["--model", "stub", "--base-url", "http://127.0.0.1:9/v1"]
    assert main(argv, out=out, err=err) == 3, err.getvalue()
    assert err.getvalue().count("\n") == 1 and "ray job submit" in err.getvalue()
    helped = io.StringIO()
    assert main(["batch", "--help"], out=helped, err=io.StringIO()) == 0
    assert "--ray-address" in helped.getvalue()
    assert "ray://head" not in helped.getvalue()  # the help offers no address refused above
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]  # bound, not listening: nothing answers there
        with pytest.raises(ConfigError, match=f"cannot reach Ray's head at 127.0.0.1:{port}"):
            _check_reachable(f"127.0.0.1:{port}")
