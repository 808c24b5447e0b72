"""A batch's CPU work in worker processes, so its event loop only talks to the endpoint.

Against a fast endpoint at high concurrency a batch is bound by one interpreter's CPU: about
half of each article's ~19 ms is reading it and building its checklists before the call, and
grounding and dating the draft after it. Both steps are pure, so `Offload` runs them in a pool
of processes while the loop keeps the requests moving. The pool is started fresh ("spawn":
no threads or sockets inherited from the batch). If it breaks (a worker killed), the work runs
in the batch's own process from then on: slower, but no article is lost.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from ..briefing.schema import Briefing
    from ..client import Summariser

__all__ = ["Offload"]

T = TypeVar("T")


class Offload:
    """A pool of `workers` processes for pure, picklable functions; `run` awaits one call."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("spawn"), initializer=_warm
        )

    async def run(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        call = partial(function, *args, **kwargs)
        if self._pool is not None:
            try:
                return await asyncio.get_running_loop().run_in_executor(self._pool, call)
            except BrokenProcessPool:
                self.close()
        return call()

    async def asummarise(self, summariser: Summariser, text: str, **article: Any) -> Briefing:
        """`summariser.asummarise(text, **article)` with its pure stages (stages.prepare and
        stages.finish) in this pool's processes; only the model's calls stay on the loop."""
        from .. import stages

        started = time.perf_counter()
        request = await self.run(stages.prepare, text, **article, **summariser.prepare_options)
        answer = await summariser.aask(request)
        dump = answer.draft.model_dump()  # the draft's class is made at run time: plain data
        strict = summariser.strict
        briefing = await self.run(stages.finish, request, dump, strict=strict)
        vetting = await summariser.avet(request, briefing)
        if vetting is not None:
            left_out = vetting.dropped
            briefing = await self.run(stages.finish, request, dump, strict=strict, dropped=left_out)
        briefing.meta = summariser.run_info(request, answer, started=started, vetting=vetting)
        return briefing

    def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)


def _warm() -> None:
    """Import what the workers run before the first article needs it."""
    from .. import stages  # noqa: F401
