"""What a batch already paid for, in SQLite: briefings, and fetched pages with their validators.

Briefings are keyed by the article's content (text, title, date) plus what shapes the answer:
model, prompt hash and schema version; a changed prompt or model misses the cache instead of
serving a stale briefing. Only briefings are stored, never errors, so failures are retried
next run. Responses are kept with their ETag / Last-Modified so the next run asks the server
"changed since?" and, on 304, reads the stored body: conditional GET remembered between runs.
Both live in one file; WAL mode keeps readers and the writer apart and survives a kill.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from .fetch import Fetched

__all__ = ["BriefingCache", "ResponseCache", "cache_key"]


def cache_key(
    *, text: str, title: str | None, published: str | None, model: str, prompt: str, schema: str
) -> str:
    parts = [text, title or "", published or "", model, prompt, schema]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


class _Store:
    """One SQLite connection shared by threads under a lock; the table made on open."""

    _table = ""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
        self._lock = threading.Lock()
        with self._lock, self._db:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(self._table)

    def close(self) -> None:
        with self._lock:
            self._db.close()


class BriefingCache(_Store):
    _table = (
        "CREATE TABLE IF NOT EXISTS briefings "
        "(key TEXT PRIMARY KEY, record TEXT NOT NULL, stored REAL NOT NULL)"
    )

    def get(self, key: str) -> dict[str, Any] | None:
        with self._lock:
            row = self._db.execute("SELECT record FROM briefings WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def put(self, key: str, record: dict[str, Any]) -> None:
        with self._lock, self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO briefings (key, record, stored) VALUES (?, ?, ?)",
                (key, json.dumps(record, ensure_ascii=False), time.time()),
            )


class ResponseCache(_Store):
    """Last good response per URL that came with a validator (ETag or Last-Modified)."""

    _table = (
        "CREATE TABLE IF NOT EXISTS responses (url TEXT PRIMARY KEY, final_url TEXT NOT NULL, "
        "etag TEXT, last_modified TEXT, content_type TEXT NOT NULL, content BLOB NOT NULL, "
        "stored REAL NOT NULL)"
    )

    def recall(self, url: str) -> Fetched | None:
        with self._lock:
            row = self._db.execute(
                "SELECT final_url, content, content_type, etag, last_modified FROM responses "
                "WHERE url = ?",
                (url,),
            ).fetchone()
        return Fetched(row[0], bytes(row[1]), row[2], row[3], row[4]) if row else None

    def remember(self, url: str, fetched: Fetched) -> None:
        if not (fetched.etag or fetched.last_modified):
            return  # nothing to ask "changed since?" with
        with self._lock, self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO responses VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    url,
                    fetched.url,
                    fetched.etag,
                    fetched.last_modified,
                    fetched.content_type,
                    fetched.content,
                    time.time(),
                ),
            )
