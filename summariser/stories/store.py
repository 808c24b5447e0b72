"""Every article and briefing of a batch in one SQLite file (schemas/store.sql), for Datasette,
DuckDB, pandas or plain SQL.

Writing is idempotent: an article is written once per record, so a resumed or repeated batch
adds nothing twice; a record that changed (a briefing made again) replaces the article's rows
as a whole. Stories and their members are written by the grouping (grouping.py), which never
moves an article once it is in a story.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..batch.records import BatchRecord
from ..prompting.messages import read_packaged

__all__ = ["Store"]

_HOW_MADE = frozenset({"cached", "seconds", "usage"})  # of a run, not of the record
_ITEMS = {  # table: (the briefing's list, the item's fields as columns)
    "actors": ("who", ("name", "kind", "role")),
    "places": ("where", ("name", "kind")),
    "times": ("when", ("text", "date", "event")),
    "allegations": ("allegations", ("claim", "made_by", "against", "status")),
    "stakes": ("stakes", ("what", "for_whom")),
}


class Store:
    """The store at `path`, made with its schema on first open."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(self.path))
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.executescript(read_packaged("schemas", "store.sql"))

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def add(self, record: BatchRecord, text: str | None = None) -> bool:
        """Write `record` (and its article's `text`, where known); False if it was there.
        A changed record replaces its article's row and items in place: the story the
        article is in keeps it."""
        kept = record.to_json()
        line = json.dumps(kept, ensure_ascii=False, sort_keys=True)
        found = self.db.execute(
            "SELECT record, text FROM articles WHERE id = ?", (record.id,)
        ).fetchone()
        if found is not None:
            same = _said(json.loads(found[0])) == _said(kept)
            if same and (text is None or found[1] == text):
                return False
            text = found[1] if text is None else text
        with self.db:
            if found is not None:  # its old briefing and items go; its row is updated
                for table in ("briefings", *_ITEMS):
                    self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", (record.id,))
            self._insert(record, line, text)
        return True

    def add_all(self, records: Iterable[tuple[BatchRecord, str | None]]) -> int:
        """Every (record, text) written; how many were new or changed."""
        return sum(self.add(record, text) for record, text in records)

    def records(self) -> Iterator[tuple[BatchRecord, str | None]]:
        """Every article's record and text, oldest first (then by id)."""
        rows = self.db.execute(
            "SELECT record, text FROM articles ORDER BY published IS NULL, published, id"
        )
        for line, text in rows:
            yield BatchRecord.from_json(json.loads(line)), text

    def counts(self) -> dict[str, int]:
        """Rows in each plain table."""
        tables = ["articles", "briefings", *_ITEMS, "stories", "story_members"]
        return {t: self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    def _insert(self, record: BatchRecord, line: str, text: str | None) -> None:
        source, briefing = record.source, record.briefing
        error = f"{record.error.type}: {record.error.message}" if record.error else None
        self.db.execute(
            "INSERT INTO articles (id, url, feed, feed_title, title, published, language, "
            "origin, text, error, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET url = excluded.url, feed = excluded.feed, "
            "feed_title = excluded.feed_title, title = excluded.title, "
            "published = excluded.published, language = excluded.language, "
            "origin = excluded.origin, text = excluded.text, error = excluded.error, "
            "record = excluded.record",  # an update, not a delete: its story keeps it
            (
                record.id,
                source.url,
                source.feed,
                source.feed_title,
                source.title or (briefing.headline if briefing else None),
                source.published.isoformat() if source.published else None,
                briefing.language if briefing else None,
                source.origin,
                text,
                error,
                line,
            ),
        )
        if briefing is None:
            return
        usage = record.usage
        self.db.execute(
            "INSERT INTO briefings (article_id, headline, summary, event_date, model, "
            "prompt_tokens, completion_tokens) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                record.id,
                briefing.headline,
                briefing.summary,
                briefing.event_date.date if briefing.event_date else None,
                record.model,
                usage.prompt_tokens if usage else None,
                usage.completion_tokens if usage else None,
            ),
        )
        for table, (listed, fields) in _ITEMS.items():
            rows = [_item_row(record.id, item, fields) for item in getattr(briefing, listed)]
            if rows:
                columns = ", ".join(["article_id", *fields, "quote", "start", '"end"', "grounded"])
                marks = ", ".join("?" * (len(fields) + 5))
                self.db.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)


def _said(line: dict[str, Any]) -> dict[str, Any]:
    """What a record says, less how this run came by it (from the cache, in how long, at
    what cost): a repeated batch's records are the same records."""
    return {key: value for key, value in line.items() if key not in _HOW_MADE}


def _item_row(article_id: str, item: Any, fields: tuple[str, ...]) -> tuple[Any, ...]:
    ev = item.evidence
    values = [getattr(item, name) for name in fields]
    return (article_id, *values, ev.quote, ev.start, ev.end, int(ev.grounded))
