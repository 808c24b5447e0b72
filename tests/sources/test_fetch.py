"""Fetching against a real HTTP server on loopback: safety rules, teasers, conditional GET.

The server serves real material from the evaluation set: the Guardian feed with its links
pointed at the server, and a real article page for the first entry; and Daring Fireball's
JSON Feed (tests/data/json_feeds) the same way, a real page for one of its teasers (the
Jaraguá do Sul page, in windows-1252 as only its server's header says).
"""

from __future__ import annotations

import io
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import cast

import pytest

from summariser.cli import main
from summariser.sources.articles import Article
from summariser.sources.fetch import Fetcher, FetchError, FetchPolicy
from summariser.sources.inputs import InputProblem, read_inputs
from summariser.sources.response_cache import ResponseCache
from tests.support import DATA, EVAL

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

GUARDIAN = (EVAL / "feeds" / "rss-parser__guardian.rss").read_bytes()
PAGE = (EVAL / "html" / "dc7ccccc1f34.html").read_bytes()  # Al Bawaba: Assange
FEED_ETAG = '"guardian-2018-01-31"'
FIRST_PATH = "/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord"
JSON_FEED = (DATA / "json_feeds" / "daringfireball.json").read_bytes()
TEASER_PATH = "/linked/2018/04/25/cook-jackson-state-dinner"  # item 8, 153 characters
PORTUGUESE = (EVAL / "html" / "f6ac15a4d985.html").read_text(encoding="utf-8")
NO_META = PORTUGUESE.replace("charset=UTF-8", "").encode("cp1252", errors="xmlcharrefreplace")


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def send(self, status: int, body: bytes, kind: str, **headers: str) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name.replace("_", "-"), value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the timeout test): nothing to answer

    def do_GET(self) -> None:
        port = cast(ThreadingHTTPServer, self.server).server_port
        base = f"http://127.0.0.1:{port}/".encode()
        if self.path == "/feed.rss":
            if self.headers.get("If-None-Match") == FEED_ETAG:
                self.send(304, b"", "application/rss+xml")
                return
            feed = GUARDIAN.replace(b"https://www.theguardian.com/", base)
            self.send(200, feed, "application/rss+xml", ETag=FEED_ETAG)
        elif self.path == "/feed.json":
            feed = JSON_FEED.replace(b"https://daringfireball.net/", base)
            self.send(200, feed, "application/feed+json")
        elif self.path == FIRST_PATH:
            self.send(200, PAGE, "text/html; charset=utf-8")
        elif self.path in (TEASER_PATH, "/cp1252"):  # only the server says what these are in
            self.send(200, NO_META, "text/html; charset=windows-1252")
        elif self.path == "/latin-default":  # a server's default label over UTF-8 bytes
            self.send(200, PORTUGUESE.encode(), "text/html; charset=ISO-8859-1")
        elif self.path == "/big":
            self.send(200, b"x" * 50_000, "text/plain")
        elif self.path == "/slow":
            time.sleep(2)
            self.send(200, b"late", "text/plain")
        elif self.path == "/hop":
            self.send(302, b"", "text/plain", Location=FIRST_PATH)
        elif self.path == "/escape":
            self.send(302, b"", "text/plain", Location="file:///etc/passwd")
        elif self.path == "/etag":
            if self.headers.get("If-None-Match") == '"v1"':
                self.send(304, b"", "text/plain")
            else:
                self.send(200, b"Some text that changes rarely.", "text/plain", ETag='"v1"')
        else:
            self.send(404, b"not found", "text/plain")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def local(**policy: object) -> Fetcher:
    return Fetcher(FetchPolicy(allow_private=True, host_delay=0, **policy))  # type: ignore[arg-type]


def test_private_addresses_are_refused_by_default(server: str) -> None:
    with pytest.raises(FetchError, match="private or local address"):
        Fetcher().get(f"{server}/feed.rss")
    with pytest.raises(FetchError, match="only http and https"):
        Fetcher().get("file:///etc/passwd")


def test_a_teaser_gets_its_page_fetched(server: str) -> None:
    items = list(read_inputs([f"{server}/feed.rss"], local()))
    articles = [i for i in items if isinstance(i, Article)]
    warnings = [i for i in items if isinstance(i, InputProblem)]
    assert len(articles) == 55  # every entry kept, fetched page or not
    first = articles[0]
    assert not first.teaser and "Assange" in first.text and len(first.text) > 2000
    assert first.title and first.title.startswith("Trump State of the Union")  # the feed's
    assert all(a.teaser for a in articles[1:])  # their pages are 404: teaser kept...
    assert len(warnings) == 54 and all("HTTP 404" in w.message for w in warnings)  # ...and said


def test_a_json_feeds_teaser_gets_its_page_fetched(server: str) -> None:
    items = list(read_inputs([f"{server}/feed.json"], local()))
    articles = [i for i in items if isinstance(i, Article)]
    warnings = [i for i in items if isinstance(i, InputProblem)]
    assert len(articles) == 48 and articles[0].feed == f"{server}/feed.json"
    fetched = articles[7]
    assert fetched.url == f"{server}{TEASER_PATH}"
    assert not fetched.teaser and "registrou nesta manhã o arrombamento" in fetched.text
    assert fetched.title and fetched.title.startswith("Tim Cook")  # the feed's, kept
    assert [a.teaser for a in articles].count(True) == 3  # the other teasers' pages are 404
    assert len(warnings) == 3 and all("HTTP 404" in w.message for w in warnings)


def test_the_servers_charset_is_how_a_page_is_read(server: str) -> None:
    """The charset a server sends is the page's (XML 1.0 F.2: external information first),
    unless it is a Latin-1 default over bytes that are plainly UTF-8."""
    assert b"charset=" not in NO_META[:2000] and b"\xe7" in NO_META  # ç in windows-1252
    (expected,) = [i for i in read_inputs([str(EVAL / "html" / "f6ac15a4d985.html")])]
    assert isinstance(expected, Article) and "Serviço de Atendimento" in expected.text
    for path in ("/cp1252", "/latin-default"):
        (found,) = read_inputs([f"{server}{path}"], local())
        assert isinstance(found, Article), (path, str(found))
        assert (found.text, found.title) == (expected.text, expected.title), path


def test_size_cap_timeout_and_redirects(server: str) -> None:
    with pytest.raises(FetchError, match="byte limit"):
        local(max_bytes=10_000).get(f"{server}/big")
    with pytest.raises(FetchError, match="timed out"):
        local(timeout=0.5).get(f"{server}/slow")
    hop = local().get(f"{server}/hop")
    assert hop.url.endswith(FIRST_PATH) and b"Assange" in hop.content
    with pytest.raises(FetchError, match="only http and https"):
        local().get(f"{server}/escape")


def test_redirects_are_checked_at_every_hop(server: str) -> None:
    refusing = Fetcher(FetchPolicy(host_delay=0))
    with pytest.raises(FetchError, match="private or local"):
        refusing.get(f"{server}/hop")


def test_conditional_get(server: str) -> None:
    fetcher = local()
    first = fetcher.get(f"{server}/etag")
    assert first.etag == '"v1"' and not first.not_modified
    again = fetcher.get(f"{server}/etag", etag=first.etag)
    assert again.not_modified and again.content == b""


def test_conditional_get_is_remembered_between_runs(server: str, tmp_path: Path) -> None:
    """A new fetcher (a later run) asks "changed since?" itself and reads a 304 from the store."""
    first_run = Fetcher(FetchPolicy(allow_private=True, host_delay=0), store=store(tmp_path))
    first = first_run.get(f"{server}/feed.rss")
    assert first.etag == FEED_ETAG and not first.not_modified and first_run.not_modified == 0

    later_run = Fetcher(FetchPolicy(allow_private=True, host_delay=0), store=store(tmp_path))
    again = later_run.get(f"{server}/feed.rss")
    assert again.not_modified and later_run.not_modified == 1
    assert again.content == first.content and again.content_type == first.content_type

    # Without a validator there is nothing to remember: a plain GET every time.
    unstored = Fetcher(FetchPolicy(allow_private=True, host_delay=0), store=store(tmp_path))
    assert not unstored.get(f"{server}{FIRST_PATH}").not_modified
    assert not unstored.get(f"{server}{FIRST_PATH}").not_modified


def test_cli_batch_rereads_an_unchanged_feed_from_the_cache(server: str, tmp_path: Path) -> None:
    def run(name: str, *extra: str) -> str:
        argv = ["batch", f"{server}/feed.rss", "--extract-only", "--allow-private"]
        argv += ["--host-delay", "0", "--cache", str(tmp_path / "c.sqlite3")]
        argv += ["-o", str(tmp_path / name), *extra]
        err = io.StringIO()
        assert main(argv, out=io.StringIO(), err=err) == 0
        return err.getvalue()

    assert "unchanged" not in run("first.jsonl")
    assert "1 fetched unchanged since last run (HTTP 304)" in run("second.jsonl")
    assert (tmp_path / "first.jsonl").read_bytes() == (tmp_path / "second.jsonl").read_bytes()
    assert "unchanged" not in run("third.jsonl", "--no-cache")


def store(tmp_path: Path) -> ResponseCache:
    return ResponseCache(tmp_path / "responses.sqlite3")


def test_requests_to_one_host_are_spaced(server: str) -> None:
    fetcher = Fetcher(FetchPolicy(allow_private=True, host_delay=0.3))
    started = time.monotonic()
    for _ in range(3):
        fetcher.get(f"{server}/etag")
    assert time.monotonic() - started >= 0.6  # two waits between three requests


def test_cli_batch_and_single_article_from_urls(server: str) -> None:
    out, err = io.StringIO(), io.StringIO()
    args = ["batch", f"{server}/feed.rss", "--extract-only", "--allow-private", "-q"]
    args += ["--host-delay", "0"]
    assert main(args, out=out, err=err) == 0
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(records) == 55 and records[0]["teaser"] is False
    # Without --allow-private the same URL is one clear error record, not a crash.
    out, err = io.StringIO(), io.StringIO()
    assert main(["batch", f"{server}/feed.rss", "--extract-only"], out=out, err=err) == 0
    (record,) = [json.loads(line) for line in out.getvalue().splitlines()]
    assert "private or local address" in record["error"]["message"]
    # The single-article command takes a URL too; bad ones are one-line input errors.
    out, err = io.StringIO(), io.StringIO()
    assert main([f"{server}/nothing-here"], out=out, err=err) == 2
    assert err.getvalue().strip().startswith("summarise: error: ") and "private" in err.getvalue()
