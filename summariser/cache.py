"""Briefings already paid for, in SQLite, so a batch never asks the model twice for one article.

The key is the article's content (text, title, date) plus what shapes the answer: model,
prompt hash and schema version; a changed prompt or model misses the cache instead of serving
a stale briefing. Only briefings are stored, never errors, so failures are retried next run.
WAL mode keeps readers and the writer apart and survives a killed process.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

__all__ = ["BriefingCache", "cache_key"]


def cache_key(
    *, text: str, title: str | None, published: str | None, model: str, prompt: str, schema: str
) -> str:
    parts = [text, title or "", published or "", model, prompt, schema]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


class BriefingCache:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
        self._lock = threading.Lock()
        with self._lock, self._db:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(
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

    def close(self) -> None:
        with self._lock:
            self._db.close()
