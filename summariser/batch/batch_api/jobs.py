"""The provider's files and batches endpoints, through the openai SDK (its retries included).

Upload an input file, create a batch from it (or find the one a killed run already made from
it), poll until every batch has ended, and read an output or error file back as JSON lines.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .lines import ENDPOINT

if TYPE_CHECKING:
    import openai
    from openai.types import Batch

__all__ = ["ENDED", "Jobs", "Polling"]

ENDED = frozenset({"completed", "failed", "expired", "cancelled"})


@dataclass(frozen=True)
class Polling:
    """How often to ask after batches: `first` seconds, then `factor` times longer each
    round, never longer than `longest` (a batch takes minutes to hours)."""

    first: float = 5.0
    factor: float = 1.5
    longest: float = 300.0

    def delays(self) -> Iterator[float]:
        delay = self.first
        while True:
            yield delay
            delay = min(self.longest, delay * self.factor)


class Jobs:
    def __init__(
        self,
        client: openai.OpenAI,
        polling: Polling | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.client, self.polling, self.sleep = client, polling or Polling(), sleep

    def upload(self, content: bytes, name: str) -> str:
        return self.client.files.create(file=(name, content), purpose="batch").id

    def create(self, file_id: str) -> Batch:
        return self.client.batches.create(
            input_file_id=file_id,
            endpoint=ENDPOINT,
            completion_window="24h",
            metadata={"made_by": "summariser"},
        )

    def find(self, file_id: str) -> Batch | None:
        """The batch already made from `file_id`, if a killed run made one."""
        for batch in self.client.batches.list(limit=100):
            if batch.input_file_id == file_id:
                return batch
        return None

    def retrieve(self, batch_ids: Iterable[str]) -> dict[str, Batch]:
        return {batch_id: self.client.batches.retrieve(batch_id) for batch_id in batch_ids}

    def wait(
        self, batch_ids: Iterable[str], seen: Callable[[list[Batch]], None] | None = None
    ) -> dict[str, Batch]:
        """Every batch once it has ended; `seen` is shown each round's states."""
        ids = sorted(set(batch_ids))
        delays = self.polling.delays()
        while True:
            batches = self.retrieve(ids)
            if seen is not None:
                seen(list(batches.values()))
            if all(batch.status in ENDED for batch in batches.values()):
                return batches
            self.sleep(next(delays))

    def lines(self, file_id: str | None) -> list[dict[str, Any]]:
        """An output or error file's lines; none for a file the batch did not make."""
        if not file_id:
            return []
        content = self.client.files.content(file_id).text
        return [json.loads(line) for line in content.splitlines() if line.strip()]
