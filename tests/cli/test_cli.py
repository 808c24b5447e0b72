"""The command line, driven through `main()` like a runner, plus real subprocess checks."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from summariser.cli import main
from tests.support import CANARY_KEY, DATA, RECORD_URL, RECORDED_MODEL, ROOT


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def run(*argv: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    try:
        code = main(list(argv), out=out, err=err)
    finally:
        sys.stdin = sys.__stdin__
    return code, out.getvalue(), err.getvalue()


def one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert lines[0].startswith("summarise: error: ")
    return lines[0]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t  \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"caf\xe9 au lait, une nouvelle", "not UTF-8"),
        (b"Hello.", "almost no words"),
    ],
)
def test_bad_article_files_give_one_line_and_exit_2(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    code, out, err = run(str(path), "--model", "embedded")
    assert code == 2 and out == ""
    assert reason in one_line_error(err)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    code, _, err = run(str(tmp_path / "nope.txt"))
    assert code == 2 and "no such file" in one_line_error(err)
    code, _, err = run(str(tmp_path))
    assert code == 2 and "directory" in one_line_error(err)


def test_bad_publication_date_is_bad_input() -> None:
    code, _, err = run(str(DATA / "kim-putin.txt"), "--published", "11/09/2023")
    assert code == 2 and "not an ISO date" in one_line_error(err)


def test_bad_configuration_exits_3(monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = run(str(DATA / "kim-putin.txt"), "--base-url", "ftp://example.org")
    assert code == 3 and "http://" in one_line_error(err)
    monkeypatch.setenv("SUMMARISER_MODE", "telepathy")
    code, _, err = run(str(DATA / "kim-putin.txt"), "--base-url", "http://127.0.0.1:9/v1")
    assert code == 3 and "unknown mode" in one_line_error(err)


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_unreachable_endpoint_exits_4_without_leaking_the_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", CANARY_KEY)
    # Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    monkeypatch.setenv("SUMMARISER_TIMEOUT", "5")
    code, out, err = run(str(DATA / "kim-putin.txt"), "--base-url", "http://127.0.0.1:9/v1")
    assert code == 4 and out == ""
    assert "cannot reach" in one_line_error(err)
    assert CANARY_KEY not in err and "sk-" not in err


def test_usage_error_exits_2() -> None:
    code, _, _ = run("--json", "--markdown", "x.txt")
    assert code == 2


def test_schema_command_prints_the_shipped_schema() -> None:
    code, out, _ = run("schema")
    assert code == 0
    shipped = (ROOT / "schemas" / "briefing.schema.json").read_text()
    assert json.loads(out) == json.loads(shipped)


@pytest.mark.vcr("test_founding_article.yaml")
def test_json_output_from_a_recorded_model(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        str(DATA / "kim-putin.txt"),
        "--published", "2023-09-11",
        "--model", RECORDED_MODEL,
        "--base-url", RECORD_URL,
        "--json",
    )  # fmt: skip
    assert code == 0, err
    briefing = json.loads(out)
    assert any("Putin" in actor["name"] for actor in briefing["who"])
    assert briefing["source"]["published"] == "2023-09-11"
    assert RECORDED_MODEL in err and "items grounded" in err


@pytest.mark.vcr("test_founding_article.yaml")
def test_stdin_markdown_and_terminal_views() -> None:
    text = (DATA / "kim-putin.txt").read_bytes()
    common = ("--published", "2023-09-11", "--model", RECORDED_MODEL, "--base-url", RECORD_URL)
    code, out, err = run("-", *common, "--markdown", "-q", stdin=text)
    assert code == 0, err
    assert out.startswith("# ") and "## Who" in out and "Vladimir Putin" in out
    assert err == ""
    terminal = Tty()
    assert main([str(DATA / "kim-putin.txt"), *common, "-q"], out=terminal, err=io.StringIO()) == 0
    assert "Who" in terminal.getvalue() and "## Who" not in terminal.getvalue()


def test_help_and_version_load_neither_the_sdk_nor_the_model() -> None:
    probe = (
        "import sys; from summariser.cli import main\n"
        "for argv in (['--help'], ['--version']):\n"
        "    assert main(argv) == 0\n"
        "heavy = ('openai', 'instructor', 'llama_cpp', 'pydantic')\n"
        "heavy = [m for m in heavy if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert "HEAVY []" in result.stdout, result.stdout


def test_console_script_reports_errors_as_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = subprocess.run(
        [sys.executable, "-m", "summariser", str(empty)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.strip() == "summarise: error: article text is empty"
    # A refused connection, in a real process with no logging configured: still one line.
    env = {**os.environ, "OPENAI_API_KEY": CANARY_KEY, "SUMMARISER_TIMEOUT": "5"}
    result = subprocess.run(
        [sys.executable, "-m", "summariser", str(DATA / "kim-putin.txt"),
         "--base-url", "http://127.0.0.1:9/v1"],
        capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    assert result.returncode == 4, result.stderr
    assert result.stderr.strip().splitlines() == [
        "summarise: error: cannot reach the model endpoint at http://127.0.0.1:9/v1"
    ]


def test_help_lists_every_subcommand() -> None:
    code, out, _ = run("--help")
    assert code == 0
    listed = out.split("commands:")[1]
    for command in ("brief", "batch", "eval", "schema", "serve"):
        assert f"\n    {command} " in listed, command


def test_an_argument_that_names_no_command_is_an_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`summarise ./batch` reads the file named batch; `summarise batch` is the batch."""
    (tmp_path / "batch").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run("./batch")
    assert code == 2 and one_line_error(err) == "summarise: error: article text is empty"
    code, _, err = run("batch")
    assert code == 2 and "the following arguments are required: INPUT" in one_line_error(err)
    assert "summarise batch --help" in err
    code, _, err = run("brief", "./batch")
    assert code == 2 and one_line_error(err) == "summarise: error: article text is empty"


@pytest.mark.vcr("test_founding_article.yaml")
def test_html_page_written_to_a_file(tmp_path: Path) -> None:
    page = tmp_path / "kim.html"
    code, out, err = run(
        str(DATA / "kim-putin.txt"),
        "--published", "2023-09-11",
        "--model", RECORDED_MODEL,
        "--base-url", RECORD_URL,
        "--html", "-o", str(page), "-q",
    )  # fmt: skip
    assert code == 0, err
    assert out == "" and err == ""
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in html
    assert 'data-items="who-0' in html  # Kim Jong-un's words are marked


def test_an_output_file_that_cannot_be_written_is_refused_before_the_model_runs(
    tmp_path: Path,
) -> None:
    missing = tmp_path / "no" / "such" / "page.html"
    code, _, err = run(str(DATA / "kim-putin.txt"), "--html", "-o", str(missing))
    assert code == 2
    assert "no such folder" in one_line_error(err)
    code, _, err = run(str(DATA / "kim-putin.txt"), "--html", "-o", str(tmp_path))
    assert code == 2 and "is a directory" in one_line_error(err)


def test_the_embedded_batch_decodes_as_many_together_as_it_is_told(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """--concurrency, else SUMMARISER_PARALLEL, else one at a time (0: in turn)."""
    import argparse

    from summariser.cli.batch import summariser_for

    for name in ("SUMMARISER_PARALLEL", "SUMMARISER_BASE_URL", "OPENAI_BASE_URL"):
        monkeypatch.delenv(name, raising=False)

    def parallel(concurrency: int | None) -> int:
        args = argparse.Namespace(
            model="embedded", base_url=None, vet=None, concurrency=concurrency
        )
        return summariser_for(args).settings.parallel

    assert parallel(3) == 3
    assert parallel(None) == 0
    monkeypatch.setenv("SUMMARISER_PARALLEL", "2")
    assert parallel(None) == 2
    assert parallel(5) == 5


@pytest.mark.vcr("test_allegations_the_model_doubts_are_left_out.yaml")
def test_vet_on_asks_an_endpoint_about_each_allegation_and_says_so(tmp_path: Path) -> None:
    """The recorded exchange of the replay test, driven from the command line: the draft,
    then a closed question per allegation; the status line counts them."""
    from tests.support import eval_article

    article = eval_article("g5w-nytimes-1")
    source = tmp_path / "article.txt"
    source.write_text(article["text"], encoding="utf-8")
    common = ("--model", RECORDED_MODEL, "--base-url", RECORD_URL, "--json")
    dated = ("--published", article["published"], "--title", article["title"])
    code, out, err = run(str(source), *dated, *common, "--vet", "on")
    assert code == 0, err
    briefing = json.loads(out)
    asked = briefing["meta"]["questions"]
    assert asked >= 2 and len(briefing["allegations"]) < asked
    assert f"{asked} questions about its allegations" in err
