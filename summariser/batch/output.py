"""Where batch records go: whole JSONL lines, resumable files, and the extract-only listing.

A record is written as one line and flushed at once, so a killed batch leaves at most one torn
last line. A file is only ever written if it is new or ours: `check_ours` reads its first line
(one of our records starts `{"id": "`), and `resume_point` cuts a torn last line only when it
is the start of one of our records, returning the ids already written, which the next run
skips. Nothing is ever rewritten in place.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO

from ..errors import InputError

__all__ = ["check_ours", "listing_line", "read_records", "resume_point", "write_line"]

RECORD_START = b'{"id": "'  # how json.dumps writes every record we make: the id comes first
_FIRST_LINE_READ = 1 << 20


def write_line(record: dict[str, Any], out: TextIO) -> None:
    out.write(json.dumps(record, ensure_ascii=False) + "\n")
    out.flush()


def check_ours(path: Path) -> None:
    """Nothing, when `path` is new, empty or our JSONL; InputError when it is anything else,
    so a batch never truncates or appends to a file it did not write."""
    try:
        with path.open("rb") as existing:
            first = existing.readline(_FIRST_LINE_READ)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    whole = first.endswith(b"\n")
    if not first or (_is_record(first) if whole else first.startswith(RECORD_START)):
        return
    raise InputError(
        f"{path} exists and is not a summariser JSONL file (its first line is not one of our "
        "records); name a new file or move it away"
    )


def resume_point(path: Path) -> frozenset[str]:
    """Ids already written to `path`, after cutting off a last line torn by a kill.

    A last line without its newline is cut only when it is the start of one of our records;
    when it is a whole record, it gets its newline; anything else is an InputError."""
    if not path.exists():
        return frozenset()
    with path.open("rb+") as existing:
        data = existing.read()
        whole = data[: data.rfind(b"\n") + 1]
        last = data[len(whole) :]
        if last and _is_record(last):
            existing.write(b"\n")
            whole = data + b"\n"
        elif last and last.startswith(RECORD_START):
            existing.truncate(len(whole))
        elif last:
            raise InputError(
                f"{path} ends in a line that is not one of our records; not resuming onto it"
            )
    return frozenset(record["id"] for record in _parse(whole.decode("utf-8", errors="replace")))


def read_records(path: Path) -> list[dict[str, Any]]:
    """The whole records of a JSONL file; damaged or foreign lines are passed over."""
    return list(_parse(path.read_text(encoding="utf-8", errors="replace")))


def _is_record(line: bytes) -> bool:
    """A whole line that is one of our records: a JSON object that starts with its id."""
    if not line.startswith(RECORD_START):
        return False
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):
        return False
    return isinstance(record, dict) and isinstance(record.get("id"), str)


def _parse(content: str) -> list[dict[str, Any]]:
    records = []
    for line in content.splitlines():
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            continue  # a damaged line: its article is simply done again
        if isinstance(record, dict) and isinstance(record.get("id"), str):
            records.append(record)
    return records


def listing_line(record: dict[str, Any]) -> str:
    """One line of the `--extract-only` listing: id, date, characters, title."""
    if "error" in record:
        return f"{'-':<20} {'error':<10} {'':>7}  {record['error']['message'][:100]}"
    day = record.get("published") or "?"
    title = (record.get("title") or record.get("text", "")[:60]).replace("\n", " ")
    return f"{record['id'][:20]:<20} {day:<10} {record.get('chars', 0):>7}  {title[:80]}"
