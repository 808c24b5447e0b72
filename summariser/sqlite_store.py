"""One SQLite file shared by what a batch keeps: a connection for many threads, made on open.

WAL mode keeps readers and the writer apart and survives a kill; each table is its user's.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

__all__ = ["SqliteStore"]


class SqliteStore:
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
