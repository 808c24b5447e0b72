"""`-o` never clobbers: only new files or our own JSONL are written, links are refused, a
single output is whole or absent, and every refusal comes before the model, with exit 2.

The endpoint named is one nobody listens on: a check that came after the model would show
as exit 4 (or error records), not the exit 2 of a refusal.
"""

from __future__ import annotations

import io
import json
import os
import socket
import threading
from pathlib import Path

import pytest

from summariser.batch.output import resume_point
from summariser.cli import main
from summariser.cli.outputs import write_whole
from summariser.errors import InputError
from tests.support import DATA

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

ARTICLE = str(DATA / "kim-putin.txt")
NOBODY = ["--model", "stub", "--base-url", "http://127.0.0.1:9/v1"]
NOTES = b"my own notes\nnot a record\n"


def run(*argv: str) -> tuple[int, str]:
    err = io.StringIO()
    code = main(list(argv), out=io.StringIO(), err=err)
    return code, err.getvalue()


def refused(code: int, err: str) -> bool:
    """Exit 2 with one line that says so."""
    return code == 2 and err.count("\n") == 1 and err.startswith("summarise: error: ")


def our_record(article_id: str) -> bytes:
    return json.dumps({"id": article_id, "source": {}, "error": {}}).encode() + b"\n"


@pytest.mark.parametrize("extract", [True, False])
def test_a_file_that_is_not_our_jsonl_is_never_written(tmp_path: Path, extract: bool) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_bytes(NOTES)
    flags = ["--extract-only"] if extract else NOBODY
    code, err = run("batch", ARTICLE, *flags, "-o", str(notes))
    assert refused(code, err) and "not a summariser JSONL file" in err
    assert notes.read_bytes() == NOTES
    code, err = run("batch", ARTICLE, *flags, "--restart", "-o", str(notes))
    assert refused(code, err) and notes.read_bytes() == NOTES


def test_a_one_line_file_without_its_newline_is_not_resumed_onto(tmp_path: Path) -> None:
    one = tmp_path / "one.txt"
    one.write_bytes(b"a single line with no newline")
    code, err = run("batch", ARTICLE, *NOBODY, "-o", str(one))
    assert refused(code, err)
    assert one.read_bytes() == b"a single line with no newline"


def test_our_jsonl_is_written_again(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert run("batch", ARTICLE, "--extract-only", "-q", "-o", str(out))[0] == 0
    first = out.read_bytes()
    assert first.startswith(b'{"id": "t-')
    assert run("batch", ARTICLE, "--extract-only", "-q", "-o", str(out))[0] == 0
    assert out.read_bytes() == first


def test_resuming_cuts_only_a_torn_record(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(our_record("a") + our_record("b")[:12])  # killed while writing b
    assert resume_point(out) == {"a"}
    assert out.read_bytes() == our_record("a")
    out.write_bytes(our_record("a") + our_record("b")[:-1])  # b whole, its newline lost
    assert resume_point(out) == {"a", "b"}
    assert out.read_bytes() == our_record("a") + our_record("b")
    out.write_bytes(our_record("a") + b"a note someone appended")
    with pytest.raises(InputError, match="not one of our records"):
        resume_point(out)
    assert out.read_bytes() == our_record("a") + b"a note someone appended"


@pytest.mark.parametrize("command", ["batch", "brief"])
def test_a_symbolic_link_is_refused_and_its_target_kept(tmp_path: Path, command: str) -> None:
    target = tmp_path / "precious.txt"
    target.write_bytes(NOTES)
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    code, err = run(command, ARTICLE, *NOBODY, "-o", str(link))
    assert refused(code, err) and "symbolic link" in err
    assert target.read_bytes() == NOTES and link.is_symlink()


def test_a_symbolic_link_to_our_own_jsonl_is_refused_too(tmp_path: Path) -> None:
    ours = tmp_path / "ours.jsonl"
    ours.write_bytes(our_record("a"))
    link = tmp_path / "link.jsonl"
    link.symlink_to(ours)
    code, err = run("batch", ARTICLE, "--extract-only", "-o", str(link))
    assert refused(code, err) and ours.read_bytes() == our_record("a")


def test_a_dangling_link_is_found_before_the_model_runs(tmp_path: Path) -> None:
    link = tmp_path / "brief.md"
    link.symlink_to(tmp_path / "nowhere" / "file.md")
    code, err = run(ARTICLE, *NOBODY, "-o", str(link))
    assert refused(code, err) and "symbolic link" in err  # exit 4 had the model been asked
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize("command", ["batch", "brief"])
def test_a_directory_or_a_socket_is_a_one_line_refusal(tmp_path: Path, command: str) -> None:
    code, err = run(command, ARTICLE, *NOBODY, "-o", str(tmp_path))
    assert refused(code, err) and "is a directory" in err
    listening = socket.socket(socket.AF_UNIX)
    listening.bind(str(tmp_path / "sock"))
    code, err = run(command, ARTICLE, *NOBODY, "-o", str(tmp_path / "sock"))
    listening.close()
    assert refused(code, err) and "a block device or a socket" in err


def test_a_device_or_a_fifo_is_written_straight_and_never_replaced(tmp_path: Path) -> None:
    assert run("batch", ARTICLE, "--extract-only", "-q", "-o", os.devnull)[0] == 0
    assert Path(os.devnull).is_char_device()  # not renamed over, not turned into a file
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_whole(str(fifo), "the briefing\n")
    reader.join(timeout=10)
    assert received == [b"the briefing\n"] and fifo.is_fifo()


def test_a_missing_folder_is_a_one_line_refusal(tmp_path: Path) -> None:
    code, err = run("eval", str(tmp_path), *NOBODY, "-o", str(tmp_path / "no" / "report.json"))
    assert refused(code, err) and "no such folder" in err


def test_a_single_output_is_whole_or_the_old_file_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "brief.md"
    page.write_text("the old briefing\n")
    write_whole(str(page), "the new briefing\n")
    assert page.read_text() == "the new briefing\n"

    def crash(descriptor: int) -> None:
        raise KeyboardInterrupt  # killed after writing, before the file is in place

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(KeyboardInterrupt):
        write_whole(str(page), "half of a" + " very long briefing" * 1000)
    assert page.read_text() == "the new briefing\n"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]  # no temporary left behind
