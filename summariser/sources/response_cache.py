"""Fetched feeds and pages remembered with their validators: conditional GET across runs.

Responses are kept with their ETag / Last-Modified so the next run asks the server "changed
since?" and, on 304, reads the stored body. The file is shared with the briefing cache.
"""

from __future__ import annotations

import time

from ..sqlite_store import SqliteStore
from .fetch import Fetched

__all__ = ["ResponseCache"]


class ResponseCache(SqliteStore):
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
