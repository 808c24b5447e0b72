"""Plumbing for a batch's async fan-out: a paced start, and inputs read on a thread.

Reading inputs may block (files, fetches with a per-host delay), so it runs on its own thread
and hands items to the event loop, while model calls already in flight carry on. A fixed
number of slots bounds what is in the pipeline at once, so memory stays flat however long
the batch; a slot is given back only when its item has left the pipeline.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

__all__ = ["END", "Pace", "ThreadedSource"]

T = TypeVar("T")
END = object()  # what the source hands out after its last item, once per consumer


class Pace:
    """Starts at most `rpm` requests a minute, evenly spaced; no limit when rpm is None.

    One Pace may be shared by several runs, in turn or at once, on any event loop or thread
    (a Ray actor's blocks), so the limit holds across them, not per run.
    """

    def __init__(self, rpm: float | None = None) -> None:
        self.rpm = rpm
        self.interval = 60.0 / rpm if rpm else 0.0
        self.next_start = 0.0
        self.lock = threading.Lock()  # held for no await: safe on any loop

    async def wait(self) -> None:
        if not self.interval:
            return
        with self.lock:
            now = time.monotonic()
            delay = self.next_start - now
            self.next_start = max(now, self.next_start) + self.interval
        if delay > 0:
            await asyncio.sleep(delay)


class ThreadedSource(Generic[T]):
    """Items of `produce()` from a daemon thread, at most `capacity` in the pipeline at once.

    `get()` returns the next item, or END once the producer is done (then to every further
    caller, so each of several workers sees it). A producer that raises ends the source and the
    error is raised from `get()`. `close()` stops the thread at its next item.
    """

    def __init__(self, produce: Callable[[], Iterator[T]], capacity: int) -> None:
        self._produce = produce
        self._slots = threading.Semaphore(capacity)
        self._stop = threading.Event()
        self._queue: asyncio.Queue[object] = asyncio.Queue()
        self._loop = asyncio.get_running_loop()
        self._error: BaseException | None = None
        self._ended = False
        threading.Thread(target=self._run, name="summarise-inputs", daemon=True).start()

    def _run(self) -> None:
        try:
            for item in self._produce():
                while not self._slots.acquire(timeout=0.1):
                    if self._stop.is_set():
                        return
                if self._stop.is_set():
                    return
                self._loop.call_soon_threadsafe(self._queue.put_nowait, item)
        except BaseException as exc:  # handed to the consumer, never lost on a thread
            self._error = exc
        finally:
            if not self._stop.is_set():
                self._loop.call_soon_threadsafe(self._queue.put_nowait, END)

    async def get(self) -> object:
        item = await self._queue.get()
        if item is END:
            self._queue.put_nowait(END)  # for the next consumer already waiting
            if not self._ended:
                self._ended = True
                if self._error is not None:
                    raise self._error
        return item

    def release(self) -> None:
        """An item has left the pipeline: the producer may hand out another."""
        self._slots.release()

    def close(self) -> None:
        self._stop.set()
