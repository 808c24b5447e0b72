"""Faults injected by a real OpenAI-compatible server on loopback, and what survives them.

Transport faults (429, 5xx, resets, stalls) are the SDK's to retry, honouring Retry-After;
answers that do not validate are re-asked by instructor; the two never multiply; a deadline
bounds one article; and a batch of 200 articles under every fault at once loses none.
"""

from __future__ import annotations

import asyncio
import io
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from summariser import Briefing, InvalidOutputError, ModelError, Summariser
from summariser.cli import main
from summariser.testing.stub_server import StubServer
from tests.support import DATA, EVAL

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

TEXT = (DATA / "kim-putin.txt").read_text(encoding="utf-8")
TRANSPORT_FAULTS = ["429", "429-date", "500", "502", "503", "reset", "stall"]


def serve(*script: str, stall: float = 2.0) -> StubServer:
    """A server that plays `script` to each article's requests in turn, then answers well."""
    return StubServer(
        faults=lambda _, attempt: script[attempt - 1] if attempt <= len(script) else "ok",
        stall=stall,
    ).start()


def ask(server: StubServer, **options: Any) -> object:
    summariser = Summariser(model="stub", base_url=server.url, timeout=1.0, **options)
    try:
        return asyncio.run(summariser.asummarise(TEXT, published="2023-09-11"))
    except Exception as exc:
        return exc


def test_failed_attempts_reach_the_user_as_our_one_line_not_as_instructor_logs() -> None:
    """instructor logs each failed attempt at ERROR. In a process with no logging set up,
    Python prints such records to stderr itself, so the CLI gives instructor's logger a
    handler of its own: the person sees one line from us and nothing else."""
    server = serve("invalid", "invalid")
    command = [sys.executable, "-m", "summariser", str(DATA / "kim-putin.txt")]
    command += ["--model", "stub", "--base-url", server.url]
    env = {**os.environ, "SUMMARISER_REASKS": "1"}
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)
    finally:
        server.stop()
    assert server.calls == 2 and result.returncode == 5, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("summarise: error: model output did not validate after 2 attempt")


@pytest.mark.parametrize("fault", TRANSPORT_FAULTS)
def test_a_transport_fault_is_retried_and_the_article_survives(fault: str) -> None:
    server = serve(fault)
    result = ask(server)
    server.stop()
    assert not isinstance(result, Exception), result
    assert server.calls == 2 and result.meta and result.meta.attempts == 1  # type: ignore[union-attr]


@pytest.mark.parametrize("fault", TRANSPORT_FAULTS)
def test_a_persistent_transport_fault_ends_as_one_clear_error(fault: str) -> None:
    server = serve(*[fault] * 10)
    result = ask(server, retries=2)
    server.stop()
    assert isinstance(result, ModelError), result
    assert server.calls == 3  # one send and the SDK's two retries; never re-asked on top
    assert "\n" not in str(result)


def test_retry_after_is_honoured_in_seconds_and_as_a_date_up_to_a_cap() -> None:
    for fault, wait in (("429", 0.9), ("429-date", 1.9)):  # 1 s; a date 2-3 s ahead
        server = serve(fault)
        started = time.monotonic()
        ask(server)
        assert server.calls == 2 and time.monotonic() - started >= wait, fault
        server.stop()
    # A wait past the SDK's cap (2 minutes) is not sat out: the article fails at once, saying
    # why, and a batch records it as an error to be retried on the next run.
    server = StubServer(faults=lambda _, n: "429-hour" if n == 1 else "ok").start()
    started = time.monotonic()
    result = ask(server)
    server.stop()
    assert isinstance(result, ModelError) and server.calls == 1
    assert "HTTP 429" in str(result) and "retry after 3600" in str(result)
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("reasks", [0, 1, 2])
def test_invalid_output_is_reasked_exactly_the_configured_number_of_times(reasks: int) -> None:
    server = serve(*["invalid"] * 10)
    result = ask(server, reasks=reasks)
    server.stop()
    assert isinstance(result, InvalidOutputError), result
    assert server.calls == reasks + 1 and result.attempts == reasks + 1
    assert result.last_output and "42" in result.last_output  # what the model really said
    # The message names the field and the value, not just "1 validation error for Draft".
    assert "did not validate" in str(
        result
    ) and "headline: Input should be a valid string (got 42)" in str(result)


def test_a_lone_surrogate_escape_costs_one_character_not_the_answer() -> None:
    """A JSON grammar lets a model write "\\ud83d" alone; pydantic's parser refuses it."""
    server = serve(*["surrogate"] * 3)
    result = ask(server)
    server.stop()
    assert isinstance(result, Briefing), result
    assert server.calls == 1 and result.headline == "Stub \ufffd headline"


def test_the_two_policies_do_not_multiply() -> None:
    # An invalid answer is re-asked once; that re-ask meets a dead server and the SDK's two
    # retries: 1 + 3 requests, not (1 + 2) x (1 + 1) or more.
    server = serve("invalid", "503", "503", "503", "503", "503")
    result = ask(server, reasks=1, retries=2)
    server.stop()
    assert isinstance(result, ModelError) and server.calls == 4


@pytest.mark.parametrize(
    ("fault", "expected"),
    [
        ("empty", InvalidOutputError),
        ("length", InvalidOutputError),
        ("html", InvalidOutputError),
        ("truncated", InvalidOutputError),
    ],
)
def test_broken_answers_end_as_one_clear_error(fault: str, expected: type) -> None:
    server = serve(*[fault] * 10)
    result = ask(server)
    server.stop()
    assert isinstance(result, expected), result
    assert server.calls <= 2 and "\n" not in str(result)


def test_a_deadline_bounds_one_article_whatever_the_retries() -> None:
    server = serve(*["stall"] * 10, stall=5.0)
    started = time.monotonic()
    result = ask(server, deadline=1.5, retries=5)  # 1 s timeout, 6 sends: 6 s without it
    elapsed = time.monotonic() - started
    server.stop()
    assert isinstance(result, ModelError) and "deadline" in str(result)
    assert elapsed < 3


PLANS: list[tuple[list[str], bool]] = [  # what an article meets, and whether it survives
    (["ok"], True),
    (["429"], True),
    (["429-date"], True),
    (["500"], True),
    (["502", "503"], True),
    (["reset"], True),
    (["stall"], True),
    (["truncated"], True),
    (["invalid"], True),
    (["503", "503", "503"], False),
    (["invalid", "invalid"], False),
    (["empty"], False),
    (["length"], False),
    (["html"], False),
]


def test_two_hundred_articles_under_every_fault_none_lost_none_twice(tmp_path: Path) -> None:
    originals = [json.loads(p.read_text()) for p in sorted((EVAL / "articles").glob("*.json"))]
    source = tmp_path / "articles.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for n in range(200):
            article = originals[n % len(originals)]
            title = f"{article.get('title') or 'Untitled'} [#{n}]"
            fields = {"id": f"a{n}", "title": title, "text": article["text"]}
            out.write(json.dumps({**fields, "published": article["published"]}) + "\n")

    def faults(message: str, attempt: int) -> str:
        plan = PLANS[int(re.search(r"\[#(\d+)\]", message).group(1)) % len(PLANS)][0]  # type: ignore[union-attr]
        return plan[attempt - 1] if attempt <= len(plan) else "ok"

    server = StubServer(faults=faults, stall=2.0).start()
    argv = ["batch", str(source), "--model", "stub", "--base-url", server.url, "--no-cache"]
    argv += ["--concurrency", "16", "-o", str(tmp_path / "out.jsonl")]
    err = io.StringIO()
    env = {"SUMMARISER_TIMEOUT": "1", "SUMMARISER_RETRIES": "2"}
    with pytest.MonkeyPatch.context() as patch:
        for name, value in env.items():
            patch.setenv(name, value)
        code = main(argv, out=io.StringIO(), err=err)
    server.stop()
    assert code == 0, err.getvalue()
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    ids = [r["id"] for r in records]
    assert sorted(ids) == sorted(f"a{n}" for n in range(200))  # none lost, none twice
    survivors = {f"a{n}" for n in range(200) if PLANS[n % len(PLANS)][1]}
    assert {r["id"] for r in records if "briefing" in r} == survivors
    failed = [r for r in records if "error" in r]
    assert all(r["error"]["type"] in ("ModelError", "InvalidOutputError") for r in failed)
    summary = err.getvalue().splitlines()[-1]
    assert f"{len(survivors)} done" in summary and f"{200 - len(survivors)} failed" in summary
    assert set(server.served) >= {fault for plan, _ in PLANS for fault in plan}
