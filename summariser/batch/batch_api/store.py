"""What a Batch API run submitted, in the batch cache: so a killed run never pays twice.

An article is known by its briefing-cache key (content, model, prompt, schema) and its id.
Its row is written when its file is uploaded (the file id) and completed when the batch is
created (the batch id); a run that finds a file with no batch first looks for a batch made
from that file (the kill came between the two calls) before it makes one. Rows go when their
article's record is made, so a failed article is submitted afresh by the next run.
"""

from __future__ import annotations

from collections.abc import Iterable

from ...sqlite_store import SqliteStore

__all__ = ["Submitted"]


class Submitted(SqliteStore):
    _table = (
        "CREATE TABLE IF NOT EXISTS batch_api_requests "
        "(key TEXT PRIMARY KEY, custom_id TEXT NOT NULL, file_id TEXT NOT NULL, batch_id TEXT)"
    )

    def of(self, keys: Iterable[str]) -> dict[str, tuple[str, str, str | None]]:
        """key -> (custom_id, file_id, batch_id or None) for the keys already submitted."""
        wanted = list(keys)
        found: dict[str, tuple[str, str, str | None]] = {}
        with self._lock:
            for start in range(0, len(wanted), 500):
                part = wanted[start : start + 500]
                rows = self._db.execute(
                    "SELECT key, custom_id, file_id, batch_id FROM batch_api_requests "
                    f"WHERE key IN ({','.join('?' * len(part))})",
                    part,
                ).fetchall()
                found.update({key: (cid, fid, bid) for key, cid, fid, bid in rows})
        return found

    def uploaded(self, file_id: str, keys: Iterable[tuple[str, str]]) -> None:
        """`keys` ((key, custom_id) pairs) are in the uploaded file `file_id`."""
        with self._lock, self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO batch_api_requests VALUES (?, ?, ?, NULL)",
                [(key, custom_id, file_id) for key, custom_id in keys],
            )

    def created(self, file_id: str, batch_id: str) -> None:
        with self._lock, self._db:
            self._db.execute(
                "UPDATE batch_api_requests SET batch_id = ? WHERE file_id = ?", (batch_id, file_id)
            )

    def done(self, keys: Iterable[str]) -> None:
        with self._lock, self._db:
            self._db.executemany(
                "DELETE FROM batch_api_requests WHERE key = ?", [(key,) for key in keys]
            )
