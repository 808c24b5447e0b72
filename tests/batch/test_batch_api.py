"""`summarise batch --via batch-api`: the online batch's requests as Batch API files, against our
loopback Files and Batches server (summariser/testing/batch_server.py, the shapes OpenAI
documents), answered with the embedded model's recorded answers or the stub's drafts."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openai
import pytest
import yaml

from summariser import Summariser
from summariser.batch.batch_api import Limits, Polling, run_batch_api
from summariser.batch.batch_api.jobs import Jobs
from summariser.batch.batch_api.lines import files_of, line_of
from summariser.batch.batch_api.store import Submitted
from summariser.batch.context import key_of
from summariser.cli import main
from summariser.prompting.messages import prompt_hash
from summariser.sources.articles import Article, load_json_articles
from summariser.testing.batch_server import BatchServer
from tests.batch.test_replay import ARTICLES, CASSETTES
from tests.support import CANARY_KEY, EVAL, RECORDED_MODEL

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

FILES = [str(EVAL / "articles" / f"{name}.json") for name in ARTICLES]


def recorded_answers() -> dict[str, dict[str, Any]]:
    """The four evaluation articles' recorded answers, by their request body."""
    found = {}
    for path in CASSETTES:
        for exchange in yaml.safe_load(Path(path).read_text(encoding="utf-8"))["interactions"]:
            key = json.dumps(json.loads(exchange["request"]["body"]), sort_keys=True)
            found[key] = json.loads(exchange["response"]["body"]["string"])
    return found


def from_recordings() -> Any:
    answers = recorded_answers()
    return lambda body: answers[json.dumps(body, sort_keys=True)]


@pytest.fixture
def server() -> Iterator[BatchServer]:
    running = BatchServer().start()
    yield running
    running.stop()


def batch(url: str, tmp_path: Path, *argv: str, model: str = "stub") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    full = ["batch", *argv, "--model", model, "--base-url", url, "--offline"]
    full += ["--cache", str(tmp_path / "cache.sqlite3"), "--poll", "0.05"]
    return main(full, out=out, err=err), out.getvalue(), err.getvalue()


def records(path: Path) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def test_each_line_is_the_request_the_online_call_sends() -> None:
    """The body built for a line is the body recorded from a live call, for every article."""
    summariser = Summariser(model=RECORDED_MODEL, base_url="http://127.0.0.1:9/v1", api_key="k")
    answers = recorded_answers()
    for name in ARTICLES:
        article = json.loads((EVAL / "articles" / f"{name}.json").read_text(encoding="utf-8"))
        request = summariser.prepare(
            article["text"], published=article.get("published"), title=article.get("title")
        )
        line = json.loads(line_of(article["id"], summariser.request_body(request)))
        assert line["custom_id"] == name and line["method"] == "POST"
        assert line["url"] == "/v1/chat/completions"
        assert json.dumps(line["body"], sort_keys=True) in answers  # byte for byte, as JSON


def test_files_are_cut_at_the_providers_limits_never_mid_line() -> None:
    lines = [(f"k{i}", line_of(f"a{i}", {"n": "x" * i})) for i in range(5)]
    by_count = list(files_of(lines, Limits(requests=2)))
    assert [keys for keys, _ in by_count] == [["k0", "k1"], ["k2", "k3"], ["k4"]]
    assert b"".join(content for _, content in by_count) == b"".join(line for _, line in lines)
    size = sum(len(line) for _, line in lines[:3])  # the first three fit, the fourth would not
    by_bytes = list(files_of(lines, Limits(bytes=size)))
    assert [keys for keys, _ in by_bytes] == [["k0", "k1", "k2"], ["k3", "k4"]]
    assert all(len(content) <= size for _, content in by_bytes)
    with pytest.raises(ValueError, match="over the"):
        list(files_of(lines, Limits(bytes=10)))


def test_the_same_records_as_the_online_batch(tmp_path: Path, monkeypatch: Any) -> None:
    """The four articles online and through the Batch API, against one loopback server that
    answers both with the embedded model's recorded answers: the same records, timing apart."""
    monkeypatch.setenv("SUMMARISER_API_KEY", CANARY_KEY)
    server = BatchServer(from_recordings()).start()
    try:
        online, api = tmp_path / "online.jsonl", tmp_path / "api.jsonl"
        code, _, err = batch(server.url, tmp_path, *FILES, "-o", str(online), "--no-cache",
                             model=RECORDED_MODEL)  # fmt: skip
        assert code == 0 and server.calls["chat"] == 4, err
        code, _, err = batch(server.url, tmp_path, *FILES, "--via", "batch-api", "-o", str(api),
                             model=RECORDED_MODEL)  # fmt: skip
        assert code == 0, err
        assert server.calls["chat"] == 4 and server.calls["batches"] == 1  # no call online
    finally:
        server.stop()
    assert "4 articles, 4 done" in err and CANARY_KEY not in err
    first, second = records(online), records(api)
    assert set(first) == set(ARTICLES) and set(second) == set(ARTICLES)
    for key in ARTICLES:
        del first[key]["seconds"], second[key]["seconds"]
        assert second[key] == first[key], key


def test_files_over_the_limit_become_several_batches(server: BatchServer, tmp_path: Path) -> None:
    summariser = Summariser(model="stub", base_url=server.url, api_key="k")
    store = Submitted(tmp_path / "cache.sqlite3")
    found = list(run_batch_api(FILES, summariser, store, limits=Limits(requests=3),
                               polling=Polling(first=0.05)))  # fmt: skip
    assert sorted(r.id for r in found) == sorted(ARTICLES) and all(r.ok for r in found)
    assert server.calls["files"] == 2 and server.calls["batches"] == 2


def test_failed_and_expired_lines_are_reported_and_sent_again_next_run(tmp_path: Path) -> None:
    fates = {"g5w-nypost-4": "500", "g5w-nytimes-1": "expire"}
    server = BatchServer(fate=lambda custom_id: fates.get(custom_id, "ok")).start()
    try:
        out = tmp_path / "out.jsonl"
        code, _, err = batch(server.url, tmp_path, *FILES, "--via", "batch-api", "-o", str(out))
        assert code == 0 and "4 articles, 2 done, 0 cached, 0 already written, 2 failed" in err
        found = records(out)
        assert found["g5w-nypost-4"]["error"] == {
            "type": "ModelError",
            "message": "Batch API: 500: The server had an error",
        }
        expired = found["g5w-nytimes-1"]["error"]["message"]
        assert expired.startswith("Batch API: batch_expired: This request could not be executed")
        assert "expired" in err  # the batch's own state was shown as it was polled
        fates.clear()
        code, _, err = batch(server.url, tmp_path, *FILES, "--via", "batch-api")
        assert code == 0 and "4 articles, 2 done, 2 cached" in err
        assert server.calls["batches"] == 2
        resent = server.contents[server.batches[max(server.batches)]["input_file_id"]]
        sent_again = sorted(json.loads(line)["custom_id"] for line in resent.splitlines())
        assert sent_again == ["g5w-nypost-4", "g5w-nytimes-1"]  # only the two not answered
    finally:
        server.stop()


@pytest.mark.parametrize("ending", ["failed", "cancelled"])
def test_a_batch_that_ends_unanswered_ends_every_article_as_an_error(
    tmp_path: Path, ending: str
) -> None:
    server = BatchServer(ending=ending).start()
    try:
        out = tmp_path / "out.jsonl"
        code, _, err = batch(server.url, tmp_path, *FILES, "--via", "batch-api", "-o", str(out))
    finally:
        server.stop()
    assert code == 0 and "4 failed" in err
    messages = {r["error"]["message"] for r in records(out).values()}
    said = f"the batch batch-0002 ended {ending} before answering this article"
    assert messages == {said + (": refused" if ending == "failed" else "")}


def test_an_answer_that_does_not_validate_is_asked_again_online(tmp_path: Path) -> None:
    server = BatchServer(fate=lambda cid: "invalid" if cid == "g5w-nypost-4" else "ok").start()
    try:
        out = tmp_path / "out.jsonl"
        code, _, err = batch(server.url, tmp_path, *FILES, "--via", "batch-api", "-o", str(out))
        assert code == 0 and "4 done" in err and server.calls["chat"] == 1
    finally:
        server.stop()
    assert records(out)["g5w-nypost-4"]["briefing"]["headline"] == "Stub headline"


def test_with_re_asks_off_an_invalid_answer_is_an_error_record(
    tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.setenv("SUMMARISER_REASKS", "0")
    server = BatchServer(fate=lambda cid: "invalid" if cid == "g5w-nypost-4" else "ok").start()
    try:
        out = tmp_path / "out.jsonl"
        code, _, err = batch(server.url, tmp_path, *FILES, "--via", "batch-api", "-o", str(out))
    finally:
        server.stop()
    assert code == 0 and "3 done" in err and server.calls["chat"] == 0
    assert records(out)["g5w-nypost-4"]["error"]["type"] == "InvalidOutputError"


def test_a_killed_run_attaches_to_its_batch_and_never_submits_again(tmp_path: Path) -> None:
    server = BatchServer(delay=4.0).start()
    try:
        argv = [sys.executable, "-m", "summariser", "batch", *FILES, "--via", "batch-api"]
        argv += ["--model", "stub", "--base-url", server.url, "--offline", "--poll", "0.05"]
        argv += ["--cache", str(tmp_path / "cache.sqlite3"), "-o", str(tmp_path / "out.jsonl")]
        env = {**os.environ, "SUMMARISER_API_KEY": "k"}
        child = subprocess.Popen(argv, env=env, stderr=subprocess.PIPE, start_new_session=True)
        deadline = time.monotonic() + 60
        while server.calls["retrieve"] < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        os.killpg(child.pid, signal.SIGKILL)  # while it waits for the batch
        child.wait()
        assert server.calls["batches"] == 1 and not (tmp_path / "out.jsonl").read_text()

        code, shown, _ = batch(server.url, tmp_path, *FILES, "--via", "batch-api", "--status")
        assert code == 0 and shown.startswith("0 articles cached, 0 not yet submitted\n")
        assert "batch-0002: " in shown and "/4 done" in shown  # its state, without waiting

        code, _, err = batch(server.url, tmp_path, *FILES, "--via", "batch-api",
                             "-o", str(tmp_path / "out.jsonl"))  # fmt: skip
    finally:
        server.stop()
    assert code == 0 and "4 articles, 4 done" in err
    assert server.calls["batches"] == 1 and server.calls["files"] == 1  # attached, not resent
    assert sorted(records(tmp_path / "out.jsonl")) == sorted(ARTICLES)


def test_a_kill_between_upload_and_batch_finds_the_batch_from_that_file(
    server: BatchServer, tmp_path: Path
) -> None:
    """The file went up and the batch was made, but the kill came before the batch's id was
    kept: the next run finds the batch by its input file instead of paying for another."""
    summariser = Summariser(model="stub", base_url=server.url, api_key="k")
    store = Submitted(tmp_path / "cache.sqlite3")
    first = list(run_batch_api(FILES[:1], summariser, store, polling=Polling(first=0.05)))
    assert first[0].ok and server.calls["batches"] == 1
    (article,) = [a for a in load_json_articles(Path(FILES[1])) if isinstance(a, Article)]
    key = f"{key_of(article, summariser.model_identity, prompt_hash())} {article.id}"
    request = summariser.prepare(article.text, published=article.published, title=article.title)
    jobs = Jobs(openai.OpenAI(base_url=server.url, api_key="k"))
    file_id = jobs.upload(line_of(article.id, summariser.request_body(request)), "x.jsonl")
    store.uploaded(file_id, [(key, article.id)])
    made = jobs.create(file_id)  # ... and the kill comes here, before store.created
    second = list(run_batch_api(FILES[1:2], summariser, store, polling=Polling(first=0.05)))
    assert [r.id for r in second] == ["g5w-nytimes-1"] and second[0].ok
    assert server.calls["batches"] == 2 and server.calls["files"] == 2  # none made, none sent
    assert store.of([key]) == {}  # collected from `made`, then forgotten
    assert server.batches[made.id]["status"] == "completed"


def test_the_batch_api_needs_an_endpoint_and_the_cache(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["batch", *FILES, "--via", "batch-api", "--no-cache"], out=out, err=err) == 2
    assert "--no-cache" in err.getvalue() and err.getvalue().count("\n") == 1
    out, err = io.StringIO(), io.StringIO()
    assert main(["batch", *FILES, "--status"], out=out, err=err) == 2
    assert "--via batch-api" in err.getvalue()
    out, err = io.StringIO(), io.StringIO()
    argv = ["batch", *FILES, "--via", "batch-api", "--cache", str(tmp_path / "c.sqlite3")]
    assert main(argv, out=out, err=err) == 3  # no endpoint: the embedded model, online only
    assert "OpenAI-compatible endpoint" in err.getvalue() and err.getvalue().count("\n") == 1
    out, err = io.StringIO(), io.StringIO()
    endpoint = ["--base-url", "http://127.0.0.1:9/v1", "--model", "m", "--vet", "on"]
    assert main([*argv, *endpoint], out=out, err=err) == 3  # its questions: a second round
    assert "cannot vet" in err.getvalue() and err.getvalue().count("\n") == 1


def test_two_articles_of_one_text_are_two_records(server: BatchServer, tmp_path: Path) -> None:
    text = "Jane Doe met Ann Lee in Paris on Monday to discuss the budget of the city council."
    twins = tmp_path / "twins.jsonl"
    twins.write_text("".join(json.dumps({"id": i, "text": text}) + "\n" for i in ("a", "b")))
    out = tmp_path / "out.jsonl"
    code, _, err = batch(server.url, tmp_path, str(twins), "--via", "batch-api", "-o", str(out))
    assert code == 0 and "2 articles, 2 done" in err and sorted(records(out)) == ["a", "b"]


def test_a_batch_the_provider_no_longer_knows_is_a_one_line_error(
    server: BatchServer, tmp_path: Path
) -> None:
    summariser = Summariser(model="stub", base_url=server.url, api_key="k")
    store = Submitted(tmp_path / "cache.sqlite3")
    (article,) = [a for a in load_json_articles(Path(FILES[0])) if isinstance(a, Article)]
    key = f"{key_of(article, summariser.model_identity, prompt_hash())} {article.id}"
    store.uploaded("file-gone", [(key, article.id)])
    store.created("file-gone", "batch-gone")
    code, _, err = batch(server.url, tmp_path, FILES[0], "--via", "batch-api")
    assert code == 4 and err.count("\n") == 1 and "Traceback" not in err, err
    assert store.of([key]) == {key: (article.id, "file-gone", "batch-gone")}  # kept for a retry
