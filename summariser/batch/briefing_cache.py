"""What a batch already paid for: briefings, in SQLite, keyed by what shapes them.

Briefings are keyed by the article's content (text, title, date) plus what shapes the answer:
model, prompt hash and schema version; a changed prompt or model misses the cache instead of
serving a stale briefing. Only briefings are stored, never errors, so failures are retried
next run. The file is shared with the fetched responses (sources/response_cache.py).
"""

from __future__ import annotations

import hashlib
import json
import time
from typing import Any

from ..sqlite_store import SqliteStore

__all__ = ["BriefingCache", "cache_key"]


def cache_key(
    *, text: str, title: str | None, published: str | None, model: str, prompt: str, schema: str
) -> str:
    parts = [text, title or "", published or "", model, prompt, schema]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


class BriefingCache(SqliteStore):
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
