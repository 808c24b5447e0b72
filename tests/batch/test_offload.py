"""offload.py: pure work in worker processes, and what happens when a worker dies."""

from __future__ import annotations

import asyncio
import multiprocessing
import os

import pytest

from summariser.batch.offload import Offload
from summariser.errors import InputError
from summariser.stages import prepare
from tests.support import seed_text


def _where() -> str:
    return "worker" if multiprocessing.parent_process() is not None else "batch"


def _die_in_a_worker() -> str:
    if multiprocessing.parent_process() is not None:
        os._exit(9)  # as a worker killed by the OOM killer would vanish
    return "batch"


def test_work_runs_in_a_worker_and_matches_in_process() -> None:
    text = seed_text()
    offload = Offload(1)

    async def both() -> tuple[str, object]:
        request = await offload.run(prepare, text, title="T", published="2023-09-11")
        return await offload.run(_where), request

    try:
        where, parts = asyncio.run(both())
    finally:
        offload.close()
    assert where == "worker"
    assert parts == prepare(text, title="T", published="2023-09-11")


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
        return await offload.run(prepare, "   ")

    try:
        with pytest.raises(InputError, match="article text is empty"):
            asyncio.run(empty())
    finally:
        offload.close()


def test_a_batch_with_workers_vets_as_a_call_in_process_does() -> None:
    """The model's calls stay on the loop, the two assemblies go to a worker: the briefing
    is the one `asummarise` makes, less the allegation the model doubted, and the actors only
    it brought in."""
    from tests.test_client import closed, drafted, scripted

    def answers() -> list[object]:  # the draft; one allegation doubted, the rest believed
        return [drafted(), closed(yes=-2.0, no=-0.2), closed(yes=-0.2, no=-2.0)]

    at_home, _ = scripted(answers(), vet="on")  # type: ignore[arg-type]
    expected = asyncio.run(at_home.asummarise(seed_text(), published="2023-09-11"))
    away, seen = scripted(answers(), vet="on")  # type: ignore[arg-type]
    offload = Offload(1)
    try:
        got = asyncio.run(offload.asummarise(away, seed_text(), published="2023-09-11"))
    finally:
        offload.close()
    assert got.model_dump(exclude={"meta"}) == expected.model_dump(exclude={"meta"})
    assert got.meta is not None and got.meta.questions == len(seen) - 1 >= 2
    assert "US" not in [a.name for a in got.who]  # the doubted claim's source
    assert "US" not in [a.made_by for a in got.allegations]
