"""Batch mechanics against our own OpenAI-compatible server on loopback (real sockets).

Fifty real articles (the 49 evaluation articles and the founding one); the server's answers
are valid drafts, so what is tested is the batch: one record per article, cache, resume, kill.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from summariser.batch.output import resume_point
from summariser.cli import main
from summariser.testing.stub_server import StubServer
from tests.support import DATA, EVAL

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

INPUTS = [str(EVAL / "articles"), str(DATA / "kim-putin.txt")]
ARTICLES = 50


def batch(stub: StubServer, tmp_path: Path, *extra: str) -> tuple[int, str]:
    argv = ["batch", *INPUTS, "--model", "stub", "--base-url", stub.url]
    argv += ["--cache", str(tmp_path / "cache.sqlite3"), "-o", str(tmp_path / "out.jsonl"), *extra]
    err = io.StringIO()
    return main(argv, out=io.StringIO(), err=err), err.getvalue()


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_fifty_articles_one_record_each_then_nothing_twice(
    stub: StubServer, tmp_path: Path
) -> None:
    code, err = batch(stub, tmp_path)
    assert code == 0, err
    first = records(tmp_path / "out.jsonl")
    assert len(first) == ARTICLES and stub.calls == ARTICLES
    assert len({r["id"] for r in first}) == ARTICLES
    assert all("briefing" in r and r["usage"]["total_tokens"] == 150 for r in first)
    assert f"{ARTICLES} articles, {ARTICLES} done, 0 cached" in err

    # Re-run: everything is already in the output file; no model call, nothing appended.
    code, err = batch(stub, tmp_path)
    assert code == 0 and stub.calls == ARTICLES
    assert records(tmp_path / "out.jsonl") == first
    assert f"{ARTICLES} already written" in err

    # Rewrite from scratch: every briefing comes from the cache, still no model call.
    code, err = batch(stub, tmp_path, "--restart")
    assert code == 0 and stub.calls == ARTICLES
    again = records(tmp_path / "out.jsonl")
    assert len(again) == ARTICLES and all(r["cached"] for r in again)
    by_id = {r["id"]: r["briefing"] for r in first}  # records come in completion order
    assert {r["id"]: r["briefing"] for r in again} == by_id


def test_a_changed_model_misses_the_cache(stub: StubServer, tmp_path: Path) -> None:
    batch(stub, tmp_path)
    code, _ = batch(stub, tmp_path, "--restart", "--model", "another-model")
    assert code == 0 and stub.calls == 2 * ARTICLES


def test_kill_9_mid_batch_then_resume_loses_and_repeats_nothing(tmp_path: Path) -> None:
    stub = StubServer(delay=0.1).start()
    out = tmp_path / "out.jsonl"
    argv = [sys.executable, "-m", "summariser", "batch", *INPUTS, "--model", "stub"]
    argv += ["--base-url", stub.url, "--cache", str(tmp_path / "cache.sqlite3"), "-o", str(out)]
    try:
        process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if out.exists() and out.read_bytes().count(b"\n") >= 15:
                break
            time.sleep(0.05)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        written = out.read_bytes().count(b"\n")
        assert 15 <= written < ARTICLES, "the kill must land mid-batch"

        finished = subprocess.run(argv, capture_output=True, text=True, timeout=120)
        assert finished.returncode == 0, finished.stderr
        assert f"{written} already written" in finished.stderr
    finally:
        stub.shutdown()
        stub.server_close()
    final = records(out)
    ids = [r["id"] for r in final]
    assert len(ids) == len(set(ids)) == ARTICLES  # every article exactly once
    assert all("briefing" in r for r in final)
    # Only requests in flight at the kill (at most the default concurrency, 8) are asked again.
    assert stub.calls <= ARTICLES + 8


def test_concurrency_and_rate_limit(tmp_path: Path) -> None:
    stub = StubServer(delay=0.2).start()
    try:
        code, err = batch(stub, tmp_path, "--concurrency", "10", "--no-cache")
        assert code == 0, err
        assert len(records(tmp_path / "out.jsonl")) == ARTICLES
        assert 1 < stub.most_in_flight <= 10  # fanned out, and never past the bound
        stub.most_in_flight = 0
        started = time.monotonic()
        code, _ = batch(stub, tmp_path, "--restart", "--no-cache", "--rpm", "600")
        assert code == 0 and time.monotonic() - started >= 49 * 0.1  # 600/min: 0.1 s apart
    finally:
        stub.shutdown()
        stub.server_close()


def test_a_line_torn_by_a_kill_is_cut_off_on_resume(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"id": "a", "briefing": {}}\n{"id": "b", "brief')
    assert resume_point(out) == frozenset({"a"})
    assert out.read_bytes() == b'{"id": "a", "briefing": {}}\n'


def test_killed_again_and_again_at_random_moments_then_finished(tmp_path: Path) -> None:
    """Six kill -9s at different moments (some land mid-write), then a clean finish: every
    article exactly once, every line whole JSON, and the cache intact for a rewrite."""
    stub = StubServer(delay=0.05).start()
    out, cache = tmp_path / "out.jsonl", tmp_path / "cache.sqlite3"
    argv = [sys.executable, "-m", "summariser", "batch", *INPUTS, "--model", "stub"]
    argv += ["--base-url", stub.url, "--cache", str(cache), "-o", str(out), "--concurrency", "4"]
    try:
        written = []
        for extra in (2, 5, 3, 8, 4, 6):  # lines to wait for before each kill
            process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            before = out.read_bytes().count(b"\n") if out.exists() else 0
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and process.poll() is None:
                if out.exists() and out.read_bytes().count(b"\n") >= before + extra:
                    break
                time.sleep(0.005)
            os.kill(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
            lines = out.read_bytes().split(b"\n")
            for line in lines[:-1]:
                json.loads(line)  # every line but a torn last one is whole
            written.append(len(lines) - 1)
        assert written == sorted(written) and written[-1] < ARTICLES, written  # all mid-batch
        finished = subprocess.run(argv, capture_output=True, text=True, timeout=120)
        assert finished.returncode == 0, finished.stderr
        final = records(out)
        assert sorted(r["id"] for r in final) == sorted({r["id"] for r in final})
        assert len(final) == ARTICLES and all("briefing" in r for r in final)
        calls = stub.calls
        rewrite = subprocess.run([*argv, "--restart"], capture_output=True, text=True, timeout=120)
        assert rewrite.returncode == 0 and f"{ARTICLES} cached" in rewrite.stderr
        assert stub.calls == calls and len(records(out)) == ARTICLES
    finally:
        stub.stop()
