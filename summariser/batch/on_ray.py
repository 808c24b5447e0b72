"""The batch on Ray Data: the articles as a Dataset, an actor pool, one Summariser an actor.

Ray is optional (`pip install 'summariser[ray]'`). The driver reads the inputs as the online
batch does (ids, duplicates, resume, cache); Ray gets only the articles that need the model.
Each actor holds one configured `Summariser` (so one embedded model, where no endpoint is set)
and runs its blocks through `abatch`, so a record made on Ray is the online batch's record.
The endpoint's rate limit is shared out: with N actors, each keeps to rpm / N. Locally Ray
starts with this machine's CPUs; `address` ("ray://head:10001", "auto") joins a cluster, whose
workers need the package and the endpoint's environment (SUMMARISER_*, OPENAI_API_KEY).
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Collection, Iterable, Iterator, MutableMapping
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from ..sources.articles import Article
from .records import BatchRecord
from .run import BatchInput, BatchTotals, abatch, count, triage

if TYPE_CHECKING:
    from ..sources.fetch import Fetcher
    from .briefing_cache import BriefingCache

__all__ = ["records_on_ray"]


def records_on_ray(
    inputs: Iterable[BatchInput],
    *,
    model: str | None = None,
    base_url: str | None = None,
    address: str | None = None,
    actors: int = 2,
    concurrency: int = 8,
    rpm: float | None = None,
    fetcher: Fetcher | None = None,
    cache: BriefingCache | None = None,
    skip: Collection[str] = frozenset(),
    totals: BatchTotals | None = None,
    texts: MutableMapping[str, str] | None = None,
    block: int = 8,
) -> Iterator[BatchRecord]:
    """One record per article of `inputs`, the model's work spread over `actors` Ray actors
    (each with `concurrency` requests in flight), `block` articles to a task."""
    try:
        import ray
    except ImportError:
        raise ConfigError("--via ray needs Ray: pip install 'summariser[ray]'") from None
    from ..client import Summariser
    from ..prompting.messages import prompt_hash

    totals = totals if totals is not None else BatchTotals()
    driver = Summariser(model=model, base_url=base_url)  # names the model; never connects
    keys: dict[str, str] = {}
    rows: list[dict[str, str]] = []
    identity = driver.model_identity
    for ready in triage(inputs, totals, fetcher, identity, prompt_hash(), cache=cache,
                        skip=skip, texts=texts):  # fmt: skip
        if isinstance(ready, BatchRecord):
            count(totals, ready)
            yield ready
            continue
        article, key = ready
        keys[article.id] = key
        rows.append({"article": article.model_dump_json()})
    if not rows:
        return
    if not ray.is_initialized():
        ray.init(
            address=address,
            include_dashboard=False,
            log_to_driver=False,
            logging_level=logging.WARNING,
        )
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    ray.data.DataContext.get_current().enable_progress_bars = False
    options = {"model": model, "base_url": base_url}
    share = rpm / actors if rpm else None
    made = ray.data.from_items(rows).map_batches(
        _Actor,
        fn_constructor_kwargs={"options": options, "concurrency": concurrency, "rpm": share},
        batch_size=block,
        compute=ray.data.ActorPoolStrategy(size=actors),
        num_cpus=1 if driver.settings.embedded else 0.25,  # an endpoint's actor mostly waits
    )
    for row in made.iter_rows():
        record = BatchRecord.from_json(json.loads(row["record"]))
        if cache is not None and record.ok:
            cache.put(keys[record.id], record.to_json())
        count(totals, record)
        yield record


class _Actor:
    """One Ray actor: one Summariser for its life, each block of articles through `abatch`."""

    def __init__(self, options: dict[str, Any], concurrency: int, rpm: float | None) -> None:
        from ..client import Summariser

        self.summariser = Summariser(**options)
        self.concurrency, self.rpm = concurrency, rpm

    def __call__(self, block: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        articles = [Article.model_validate_json(raw) for raw in block["article"]]
        records = asyncio.run(self._summarise(articles))
        return {"record": np.array([json.dumps(r.to_json()) for r in records], dtype=object)}

    async def _summarise(self, articles: list[Article]) -> list[BatchRecord]:
        found: list[BatchRecord] = []
        stream = abatch(
            articles, self.summariser, offline=True, concurrency=self.concurrency, rpm=self.rpm
        )
        try:
            async for record in stream:
                found.append(record)
        finally:
            await self.summariser.aclose()
        return found
