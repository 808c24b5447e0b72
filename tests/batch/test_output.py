"""What a batch shows a reader: the Markdown digest, the progress bar, the summary and its cost.

Real feeds and articles from the evaluation set, summarised by our loopback stub server.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from summariser.cli import main
from summariser.testing.stub_server import StubServer
from tests.support import EVAL

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

KOI8 = str(EVAL / "feeds" / "feedparser__koi8r.xml")
UOL = str(EVAL / "feeds" / "rss-parser__uolNoticias.rss")
GUARDIAN = str(EVAL / "feeds" / "rss-parser__guardian.rss")
NYPOST = str(EVAL / "articles" / "g5w-nypost-4.json")
MISSING = "no/such/feed.xml"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def batch(stub: StubServer, *argv: str, err: io.StringIO | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), err or io.StringIO()
    full = ["batch", *argv, "--model", "stub", "--base-url", stub.url, "--offline", "--no-cache"]
    return main(full, out=out, err=err), out.getvalue(), err.getvalue()


def test_markdown_digest_groups_by_feed_and_accounts_for_every_record(stub: StubServer) -> None:
    code, digest, _ = batch(stub, GUARDIAN, UOL, NYPOST, KOI8, MISSING, "--format", "markdown")
    assert code == 0
    headings = re.findall(r"^## (.+)$", digest, flags=re.M)
    koi8 = KOI8.replace("_", "\\_")
    assert headings == ["The Guardian", "UOL Noticias", koi8, "Articles", "Not summarised"]
    uol = digest.split("## UOL Noticias")[1].split("\n## ")[0]
    assert uol.count("\n### ") == 15  # every entry of the feed, under its feed
    guardian = digest.split("## The Guardian")[1].split("\n## ")[0]
    days = re.findall(r"^\*(\d{4}-\d{2}-\d{2})", guardian, flags=re.M)
    assert len(days) == 55 and days == sorted(days, reverse=True)  # newest first
    assert len(set(days)) > 1  # a real order, not one day repeated
    assert "### [Clinton blames Comey's email probe for her defeat](<http://nypost.com/" in digest
    assert f"- {MISSING}: InputError: no such file or directory" in digest
    assert "72 briefings from 3 feeds; 1 not summarised" in digest


def test_digest_escapes_article_text(stub: StubServer, tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.json"
    title = "<script>alert(1)</script> # [click](http://evil.example) *bold*"
    text = "Jane Doe met Ann Lee in Paris on Monday to discuss the budget of the city council."
    hostile.write_text(json.dumps({"id": "h", "title": title, "text": text}))
    _, digest, _ = batch(stub, str(hostile), "--format", "markdown")
    assert "<script>" not in digest and "[click](" not in digest
    assert r"\<script\>alert(1)\</script\> \# \[click\](http://evil.example) \*bold\*" in digest


def test_digest_with_out_file_covers_earlier_runs_too(stub: StubServer, tmp_path: Path) -> None:
    out = str(tmp_path / "out.jsonl")
    code, digest, _ = batch(stub, NYPOST, "-o", out, "--format", "markdown")
    assert code == 0 and digest.count("\n### ") == 1
    code, digest, err = batch(stub, NYPOST, UOL, "-o", out, "--format", "markdown")
    assert "1 already written" in err and digest.count("\n### ") == 16
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == 16  # JSONL still written


def test_digest_needs_briefings(stub: StubServer) -> None:
    code, _, err = batch(stub, NYPOST, "--extract-only", "--format", "markdown")
    assert code == 2 and err.count("\n") == 1 and "--extract-only" in err


def test_progress_bar_only_on_a_terminal(stub: StubServer) -> None:
    code, _, plain = batch(stub, UOL, "-o", "/dev/null")
    assert code == 0 and "\x1b[" not in plain and plain.count("\n") == 2  # warning + summary
    code, _, drawn = batch(stub, UOL, "-o", "/dev/null", err=Terminal())
    assert code == 0 and "\x1b[" in drawn and "15/15" in drawn
    code, _, quiet = batch(stub, UOL, "-o", "/dev/null", "-q", err=Terminal())
    assert code == 0 and quiet == ""


def test_summary_line_estimates_cost_when_the_price_is_known(stub: StubServer) -> None:
    # 16 articles x (100 prompt + 50 completion) tokens at $1 and $2 per million
    _, _, err = batch(stub, UOL, NYPOST, "-o", "/dev/null", "--price", "1,2")
    summary = err.splitlines()[-1]
    assert "16 done" in summary and "2400 tokens (1600 prompt + 800 completion)" in summary
    assert "estimated cost $0.0032" in summary
    _, _, err = batch(stub, NYPOST, "-o", "/dev/null")  # "stub" on loopback: no known price
    assert "cost" not in err
    code, _, err = batch(stub, NYPOST, "--price", "cheap")
    assert code == 2 and "--price must be two numbers" in err and err.count("\n") == 1


def test_list_prices_apply_only_on_openai_itself() -> None:
    from summariser.batch.pricing import estimate_cost, known_price

    assert known_price("gpt-4o-mini-2024-07-18", None, embedded=False) == (0.15, 0.60)
    assert known_price("gpt-4o-mini", "https://api.openai.com/v1", embedded=False)
    assert known_price("gpt-4o-mini", "http://localhost:8000/v1", embedded=False) is None
    assert known_price("qwen", None, embedded=True) == (0.0, 0.0)
    assert estimate_cost((0.15, 0.60), 1_000_000, 500_000) == pytest.approx(0.45)
