"""Every local input is bounded, and one input's failure is that input's record.

Devices, FIFOs and over-long files are refused in one line; standard input is read under the
same cap; a folder holding a hostile file between two good ones gives three records. The
commands that could hang run in a child process with a timeout, so a missing guard fails
the test instead of stalling the suite.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from summariser.cli import main
from summariser.sources import inputs
from summariser.sources.articles import TOO_DEEP
from tests.support import DATA

ARTICLE = DATA / "kim-putin.txt"
DEEP = "[" * 100_000 + "]" * 100_000


def summarise(*argv: str, stdin: bytes = b"", env: dict[str, str] | None = None) -> tuple[int, str]:
    """The CLI in a child process, given 60 s: (exit code, stderr)."""
    done = subprocess.run(
        [sys.executable, "-m", "summariser", *argv],
        input=stdin,
        capture_output=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )
    return done.returncode, done.stderr.decode()


def records(*argv: str) -> list[dict[str, object]]:
    out = io.StringIO()
    assert main(["batch", *argv, "--extract-only", "-q", "--offline"], out=out) == 0
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_a_device_by_name_is_refused_at_once() -> None:
    code, err = summarise(os.devnull.replace("null", "zero"))
    assert code == 2 and "a device, not a file" in err and err.count("\n") == 1


def test_a_fifo_by_name_is_refused_instead_of_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "feed"
    os.mkfifo(fifo)
    code, err = summarise(str(fifo))  # nobody ever writes to it: reading would wait forever
    assert code == 2 and "a FIFO, not a file" in err
    (record,) = records(str(fifo))
    assert "a FIFO" in str(record["error"])


def test_standard_input_and_files_are_read_under_the_cap(tmp_path: Path) -> None:
    cap = {"SUMMARISER_MAX_INPUT_BYTES": "2000"}
    text = ARTICLE.read_bytes()
    assert len(text) > 2000
    code, err = summarise("-", stdin=text, env=cap)
    assert code == 2 and "larger than the input limit of 2,000 bytes" in err
    code, err = summarise(str(ARTICLE), env=cap)
    assert code == 2 and "larger than the input limit" in err
    code, err = summarise("-", stdin=b"\0" * 50_000_000)  # 50 MB of /dev/zero, default cap
    assert code == 2 and "larger than the input limit of 20,971,520 bytes" in err


def test_a_hostile_file_is_its_own_record_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(ARTICLE.read_bytes())
    (tmp_path / "b.json").write_text(DEEP)
    (tmp_path / "c.txt").write_text("The mayor of Springfield said on Monday the bridge shuts.")
    (tmp_path / "d.jsonl").write_text(json.dumps({"text": "fine"})[:-1] + ', "x": ' + DEEP + "}\n")
    found = records(str(tmp_path))
    assert [Path(str(r.get("origin") or r["source"]["origin"])).name for r in found] == [  # type: ignore[index]
        "a.txt",
        "b.json",
        "c.txt",
        "d.jsonl:1",
    ]
    assert found[1]["error"]["message"] == TOO_DEEP  # type: ignore[index]
    assert found[3]["error"]["message"] == TOO_DEEP  # type: ignore[index]


def test_any_failure_while_reading_stays_with_its_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not only the failures foreseen: whatever a parser raises ends that input alone."""
    (tmp_path / "a.txt").write_text("The mayor of Springfield said on Monday the bridge shuts.")
    (tmp_path / "b.html").write_text("<html><body><p>A page.</p></body></html>")
    (tmp_path / "c.txt").write_text("The mayor of Shelbyville said on Monday the road shuts.")

    def exhausted(*args: object, **kwargs: object) -> None:
        raise MemoryError("the page's parser ran out")

    monkeypatch.setattr(inputs, "extract_page", exhausted)
    found = records(str(tmp_path))
    assert len(found) == 3
    assert "MemoryError: the page's parser ran out" in found[1]["error"]["message"]  # type: ignore[index]
    assert found[2]["origin"] == str(tmp_path / "c.txt")
