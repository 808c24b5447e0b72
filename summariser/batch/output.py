"""Where batch records go: whole JSONL lines, resumable files, and the extract-only listing.

A record is written as one line and flushed at once, so a killed batch leaves at most one torn
last line; `resume_point` cuts it off and returns the ids already written, which the next run
skips. Nothing is ever rewritten in place.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO

__all__ = ["listing_line", "read_records", "resume_point", "write_line"]


def write_line(record: dict[str, Any], out: TextIO) -> None:
    out.write(json.dumps(record, ensure_ascii=False) + "\n")
    out.flush()


def resume_point(path: Path) -> frozenset[str]:
    """Ids already written to `path`, after cutting off a last line torn by a kill."""
    if not path.exists():
        return frozenset()
    with path.open("rb+") as existing:
        data = existing.read()
        whole = data[: data.rfind(b"\n") + 1]
        if len(whole) != len(data):
            existing.truncate(len(whole))
    return frozenset(record["id"] for record in _parse(whole.decode("utf-8", errors="replace")))


def read_records(path: Path) -> list[dict[str, Any]]:
    """The whole records of a JSONL file; damaged or foreign lines are passed over."""
    return list(_parse(path.read_text(encoding="utf-8", errors="replace")))


def _parse(content: str) -> list[dict[str, Any]]:
    records = []
    for line in content.splitlines():
        try:
            record = json.loads(line)
        except ValueError:
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
