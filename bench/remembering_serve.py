"""`summarise serve` that remembers: each answer kept on disk by its request body.

Why: a quality run over the dev set costs about two hours of model time here. Most changes
(grounding, dates, deduplication, scoring) run after the model and leave the request alone, so
with this server a re-run of `summarise eval` re-scores them in seconds. A changed prompt or
checklist changes the body and is answered by the model afresh.

    python bench/remembering_serve.py --port 8766 --store /tmp/answers.sqlite &
    SUMMARISER_BASE_URL=http://127.0.0.1:8766/v1 SUMMARISER_API_KEY=local \
        SUMMARISER_MODEL=qwen2.5-coder-1.5b-instruct-q4_k_m \
        summarise eval ../shared/eval --no-cache --concurrency 1 -o eval.json

`--replay-only` (another port, the same store) answers from the store alone, while a run goes on.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
import threading
from pathlib import Path
from typing import Any

from summariser.providers.embedded.backend import LocalModel, RequestError
from summariser.providers.embedded.server import serve
from summariser.providers.embedded.weights import MODEL_NAME


class RememberingModel(LocalModel):
    """The embedded model, answering a body it has seen before from the store. `replay_only`
    loads no model: a body not in the store is refused at once (HTTP 400), so re-scoring
    never waits for, or takes time from, a run in progress."""

    def __init__(self, store: Path, *, replay_only: bool = False) -> None:
        self.replay_only = replay_only
        if replay_only:
            self.name, self._llm, self._lock = MODEL_NAME, None, threading.Lock()
        else:
            super().__init__()
        self._db = sqlite3.connect(str(store), check_same_thread=False)
        self._db.execute("CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, answer TEXT)")
        self._store_lock = threading.Lock()  # not _lock: that one is the model's

    def chat(self, body: dict[str, Any]) -> dict[str, Any]:
        key = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()
        with self._store_lock:
            row = self._db.execute("SELECT answer FROM answers WHERE key = ?", (key,)).fetchone()
        if row:
            return json.loads(row[0])
        if self.replay_only:
            raise RequestError("not in the store (replay only)")
        answer = super().chat(body)
        with self._store_lock, self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO answers VALUES (?, ?)", (key, json.dumps(answer))
            )
        return answer


def main() -> None:
    parser = argparse.ArgumentParser(description="`summarise serve` that remembers its answers")
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--store", type=Path, default=Path("answers.sqlite"))
    parser.add_argument("--replay-only", action="store_true", help="no model: stored answers only")
    args = parser.parse_args()
    serve("127.0.0.1", args.port, RememberingModel(args.store, replay_only=args.replay_only))


if __name__ == "__main__":
    main()
