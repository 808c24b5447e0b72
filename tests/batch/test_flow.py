"""The batch's plumbing on its own: every waiting worker sees the end, errors reach the caller,
and the reader never runs more than its capacity ahead of the consumer."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator

import pytest

from summariser.batch.flow import END, ThreadedSource


def test_every_waiting_consumer_sees_the_end_of_an_empty_source() -> None:
    async def run() -> list[object]:
        source = ThreadedSource(lambda: iter(()), capacity=4)
        return await asyncio.wait_for(asyncio.gather(*(source.get() for _ in range(8))), 5)

    assert asyncio.run(run()) == [END] * 8


def test_a_producer_error_is_raised_to_the_consumer_once() -> None:
    def produce() -> Iterator[int]:
        yield 1
        raise OSError("disk gone")

    async def run() -> None:
        source = ThreadedSource(produce, capacity=4)
        assert await source.get() == 1
        with pytest.raises(OSError, match="disk gone"):
            await source.get()
        assert await source.get() is END

    asyncio.run(run())


def test_the_reader_stays_within_capacity_and_stops_on_close() -> None:
    produced: list[int] = []

    def produce() -> Iterator[int]:
        for number in range(1000):
            produced.append(number)
            yield number

    async def run() -> None:
        source = ThreadedSource(produce, capacity=3)
        assert await source.get() == 0
        await asyncio.sleep(0.3)
        assert len(produced) <= 4  # 3 slots taken, the 4th item waits for one
        source.release()
        assert await source.get() == 1
        source.close()

    asyncio.run(run())
    time.sleep(0.3)
    assert len(produced) <= 6
    assert not any(t.name == "summarise-inputs" for t in threading.enumerate())
