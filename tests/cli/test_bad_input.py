"""Bad input, kept as files in tests/data/bad (plus a few that cannot be files: URLs, flags, a
10 MB text made on the fly). Each gives one clear line on stderr and the right exit code, or a
sensible result; never a traceback. A batch over all of them loses none.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from summariser.cli import main
from summariser.testing.stub_server import StubServer
from tests.support import DATA

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

BAD = DATA / "bad"
OK, INPUT, CONFIG = 0, 2, 3

# (input or arguments, exit code, words the one-line message must contain)
CASES: list[tuple[list[str], int, str]] = [
    (["empty.txt"], INPUT, "empty"),
    (["whitespace-only.txt"], INPUT, "empty"),
    (["binary.txt"], INPUT, "binary"),
    (["png-renamed.txt"], INPUT, "binary"),
    (["gzip-renamed.txt"], INPUT, "binary"),
    (["latin1.txt"], INPUT, "not UTF-8 text (bad byte at offset"),
    (["mixed-encodings.txt"], INPUT, "not UTF-8"),
    (["utf16.txt"], OK, ""),  # UTF-16 with a byte-order mark is decoded and summarised
    (["one-word.txt"], INPUT, "almost no words"),
    (["punctuation-only.txt"], INPUT, "almost no words"),
    (["control-chars.txt"], INPUT, "almost no words"),
    (["nul-bytes.txt"], INPUT, "binary"),
    (["html-soup.html"], INPUT, "no article body"),
    (["not-a-feed.xml"], INPUT, "not a feed"),
    (["feed-cut-short.rss"], INPUT, "no article found"),
    (["malformed.json"], INPUT, "not JSON"),
    (["missing-text.json"], INPUT, "no 'text'"),
    (["text-is-a-number.json"], INPUT, "no 'text'"),
    (["title-wrong-type.json"], INPUT, "'title' must be a string"),
    (["bad-date.json"], INPUT, "date"),
    (["impossible-date.json"], INPUT, "date"),
    (["not-an-object.json"], INPUT, "must be a JSON object"),
    (["empty-list.json"], INPUT, "no article found"),
    (["mixed-lines.jsonl"], OK, ""),  # the first article is good: summarised
    (["non-news.txt"], OK, ""),  # not news, still text: a briefing, not a crash
    (["code.txt"], OK, ""),
    (["one-long-line.txt"], OK, "truncated"),  # 210 kB in one line: cut to fit, said so
    (["no-such-file.txt"], INPUT, "no such file"),
    (["."], INPUT, "directory"),
    (["file:///etc/passwd"], INPUT, "only http and https"),
    (["ftp://example.com/feed.rss"], INPUT, "only http and https"),
    (["http://"], INPUT, "no host"),
    (["http://127.0.0.1:9/article.html"], INPUT, "private or local address"),
    (["http://10.0.0.1/feed.rss"], INPUT, "private or local address"),
    (["http://169.254.169.254/latest/meta-data/"], INPUT, "private or local address"),
    (["http://[::1]/page.html"], INPUT, "private or local address"),
    (["non-news.txt", "--published", "2023-13-45"], INPUT, "date"),
    (["non-news.txt", "--base-url", "localhost:8000"], CONFIG, "base URL"),
    (["non-news.txt", "--mode", "xml"], INPUT, "invalid choice"),
]


@pytest.fixture(scope="module")
def stub() -> Iterator[StubServer]:
    server = StubServer().start()
    yield server
    server.stop()


def run(
    argv: list[str], stub: StubServer, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    full = [*argv, "--json"]
    if "--base-url" not in argv:
        full += ["--model", "stub", "--base-url", stub.url]
    args = [str(BAD / a) if (BAD / a).exists() and a != "." else a for a in full]
    out, err = io.StringIO(), io.StringIO()
    code = main(args, out=out, err=err)
    stray = capsys.readouterr()
    assert "Traceback" not in err.getvalue() + stray.err + stray.out
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(("argv", "code", "words"), CASES, ids=lambda v: str(v)[:40])
def test_bad_input_gets_one_clear_line_and_the_right_exit_code(
    argv: list[str], code: int, words: str, stub: StubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    got, out, err = run(argv, stub, capsys)
    assert got == code, err
    if code != OK:
        assert out == "" and err.count("\n") == 1 and err.startswith("summarise: error: "), err
        assert words in err, err
        return
    briefing = json.loads(out)  # a sensible result: a whole briefing, told on stderr
    assert briefing["headline"] == "Stub headline" and briefing["meta"]["model"] == "stub", out
    status, *notes = err.splitlines()
    assert re.fullmatch(r"summarise: stub \(openai-compatible\) answered in .* grounded", status)
    assert all(note.startswith("summarise: note: ") for note in notes), err
    others = [note for note in notes if "no publication date" not in note]
    assert len(notes) == len(others) + 1, err  # none of these cases gives --published
    assert [words in note for note in others] == ([True] if words else []), err


def test_the_corpus_is_big_enough() -> None:
    assert len(CASES) >= 30 and len(list(BAD.iterdir())) >= 25


def test_ten_megabytes_of_text_is_cut_to_fit_not_a_crash(
    tmp_path: Path, stub: StubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    paragraph = (DATA / "kim-putin.txt").read_text(encoding="utf-8")
    huge = tmp_path / "huge.txt"
    huge.write_text((paragraph + "\n\n") * (10_000_000 // len(paragraph)), encoding="utf-8")
    assert huge.stat().st_size >= 9_900_000
    code, _, err = run([str(huge)], stub, capsys)
    assert code == OK and re.search(r"truncated to its first [\d,]+ of 10,[\d,]{7} char", err)


def test_empty_stdin(stub: StubServer, monkeypatch: pytest.MonkeyPatch) -> None:
    class Stdin:
        buffer = io.BytesIO(b"")

    monkeypatch.setattr("sys.stdin", Stdin())
    err = io.StringIO()
    assert main(["-", "--model", "stub", "--base-url", stub.url], err=err) == INPUT
    assert err.getvalue() == "summarise: error: article text is empty\n"


def test_a_batch_over_the_whole_corpus_loses_nothing(stub: StubServer, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    empty = tmp_path / "empty-dir"
    empty.mkdir()
    argv = ["batch", str(BAD), "no-such-dir", "file:///etc/passwd", "http://10.0.0.1/x", str(empty)]
    argv += ["--model", "stub", "--base-url", stub.url, "--no-cache", "-o", str(out)]
    err = io.StringIO()
    assert main(argv, out=io.StringIO(), err=err) == 0, err.getvalue()
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    origins = [r["source"]["origin"] for r in records]
    for path in BAD.iterdir():  # every file ends as records: briefings or errors
        assert any(o == str(path) or o.startswith((f"{path}[", f"{path}:")) for o in origins), path
    for spec in ("no-such-dir", "file:///etc/passwd", "http://10.0.0.1/x", str(empty)):
        assert spec in origins
    assert len({r["id"] for r in records}) == len(records)
    for record in records:
        if "error" in record:
            assert "\n" not in record["error"]["message"]
    assert "Traceback" not in err.getvalue()
