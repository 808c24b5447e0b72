"""`summarise batch` end to end on recorded answers of the real embedded model.

The four evaluation articles of tests/test_replay.py go through the batch command as JSON
files; their requests are byte-identical to the recorded ones, so the cassettes answer them.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from summariser.cli import main
from summariser.text import normalise
from tests.support import CANARY_KEY, EVAL, RECORD_URL, RECORDED_MODEL, ROOT

ARTICLES = {
    "g5w-nypost-4": "test_clinton_blames_comey",
    "g5w-nytimes-1": "test_taliban_attack_on_german_consulate",
    "aeb-pt-f6ac15a4d985": "test_portuguese_article_keeps_its_language_and_dates",
    "polnear-west-journal_2016-09-14_clinton-hid-past-health-problems": (
        "test_reported_statements_are_attributed"
    ),
}
CASSETTES = [str(ROOT / "cassettes" / f"{name}.yaml") for name in ARTICLES.values()]


@pytest.mark.vcr(*CASSETTES)
def test_batch_cli_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, vcr: Any) -> None:
    monkeypatch.setenv("SUMMARISER_API_KEY", CANARY_KEY)
    out = tmp_path / "briefings.jsonl"
    argv = ["batch", *(str(EVAL / "articles" / f"{a}.json") for a in ARTICLES)]
    argv += ["--model", RECORDED_MODEL, "--base-url", RECORD_URL, "--offline"]
    argv += ["--cache", str(tmp_path / "cache.sqlite3"), "-o", str(out), "--format", "markdown"]
    stdout, stderr = io.StringIO(), io.StringIO()
    assert main(argv, out=stdout, err=stderr) == 0, stderr.getvalue()

    records = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert set(records) == set(ARTICLES)
    assert all("briefing" in r and r["model"] == RECORDED_MODEL for r in records.values())
    clinton = records["g5w-nypost-4"]["briefing"]
    assert any("comey" in normalise(a["against"] or a["claim"]) for a in clinton["allegations"])
    assert records["aeb-pt-f6ac15a4d985"]["briefing"]["language"] == "pt"
    assert records["g5w-nytimes-1"]["source"]["published"] == "2016-11-10"
    summary = stderr.getvalue().splitlines()[-1]
    assert "4 articles, 4 done, 0 cached" in summary and CANARY_KEY not in stderr.getvalue()

    digest = stdout.getvalue()
    assert digest.startswith("# News digest\n\n4 briefings\n")
    assert "### [Clinton blames Comey's email probe for her defeat](<http://nypost.com/" in digest

    # The same batch again, to stdout: every briefing from the cache, no request at all.
    played = vcr.play_count
    assert played == 4
    again = ["batch", *argv[1:5], "--model", RECORDED_MODEL, "--base-url", RECORD_URL]
    again += ["--offline", "--cache", str(tmp_path / "cache.sqlite3")]
    stdout, stderr = io.StringIO(), io.StringIO()
    assert main(again, out=stdout, err=stderr) == 0, stderr.getvalue()
    assert "4 cached" in stderr.getvalue() and vcr.play_count == played
    cached = {r["id"]: r["briefing"] for r in map(json.loads, stdout.getvalue().splitlines())}
    assert cached == {key: r["briefing"] for key, r in records.items()}


@pytest.mark.vcr(*CASSETTES, allow_playback_repeats=True)
def test_worker_processes_give_the_same_briefings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading and grounding in worker processes (--workers 2): the requests still match the
    recordings byte for byte, and every briefing equals the one-process briefing."""
    monkeypatch.setenv("SUMMARISER_API_KEY", CANARY_KEY)
    found = {}
    for workers in ("1", "2"):
        out = tmp_path / f"workers-{workers}.jsonl"
        argv = ["batch", *(str(EVAL / "articles" / f"{a}.json") for a in ARTICLES)]
        argv += ["--model", RECORDED_MODEL, "--base-url", RECORD_URL, "--offline", "--no-cache"]
        argv += ["--concurrency", "4", "--workers", workers, "-o", str(out), "-q"]
        stderr = io.StringIO()
        assert main(argv, out=io.StringIO(), err=stderr) == 0, stderr.getvalue()
        lines = out.read_text(encoding="utf-8").splitlines()
        found[workers] = {r["id"]: r["briefing"] for r in map(json.loads, lines)}
    assert set(found["2"]) == set(ARTICLES)
    assert found["2"] == found["1"]
