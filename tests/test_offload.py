"""offload.py: pure work in worker processes, and what happens when a worker dies."""

from __future__ import annotations

import asyncio
import multiprocessing
import os

import pytest

from summariser.core import read_and_ask
from summariser.errors import InputError
from summariser.offload import Offload

from .conftest import ROOT


def _where() -> str:
    return "worker" if multiprocessing.parent_process() is not None else "batch"


def _die_in_a_worker() -> str:
    if multiprocessing.parent_process() is not None:
        os._exit(9)  # as a worker killed by the OOM killer would vanish
    return "batch"


def test_work_runs_in_a_worker_and_matches_in_process() -> None:
    text = (ROOT / "tests" / "data" / "kim-putin.txt").read_text(encoding="utf-8")
    offload = Offload(1)

    async def both() -> tuple[str, object]:
        return await offload.run(_where), await offload.run(read_and_ask, text, 0, "T", "English")

    try:
        where, parts = asyncio.run(both())
    finally:
        offload.close()
    assert where == "worker"
    assert parts == read_and_ask(text, 0, "T", "English")


def test_a_dead_worker_sends_the_work_home_instead_of_losing_it() -> None:
    offload = Offload(1)

    async def twice() -> list[str]:
        return [await offload.run(_die_in_a_worker), await offload.run(_where)]

    try:
        assert asyncio.run(twice()) == ["batch", "batch"]
    finally:
        offload.close()


def test_an_error_in_a_worker_reaches_the_batch_as_itself() -> None:
    offload = Offload(1)

    async def empty() -> object:
        return await offload.run(read_and_ask, "   ", 0, None, "English")

    try:
        with pytest.raises(InputError, match="article text is empty"):
            asyncio.run(empty())
    finally:
        offload.close()
