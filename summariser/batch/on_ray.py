"""The batch on Ray Data: the articles as a Dataset, an actor pool, one Summariser an actor.

Ray is optional (`pip install 'summariser[ray]'`). The driver reads the inputs as the online
batch does (ids, duplicates, resume, cache); Ray gets only the articles that need the model.
Each actor holds one configured `Summariser` (so one embedded model, where no endpoint is set)
and runs its blocks through `abatch`, so a record made on Ray is the online batch's record.
The endpoint's rate limit is shared out: with N actors, each keeps to rpm / N, across all
the blocks it is given. Locally Ray starts with this machine's CPUs; `address` ("auto" on a
cluster node, or "head:6379") joins a cluster, whose workers need the package and the
endpoint's environment (SUMMARISER_*, OPENAI_API_KEY). Ray Data does not run over Ray
Client, so "ray://" is refused: `ray job submit` runs the command on the cluster instead.
"""

from __future__ import annotations

import asyncio
import json
import logging
import socket
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from ..sources.articles import Article
from .context import BatchContext, BatchInput, ContextOptions
from .flow import Pace
from .records import BatchRecord
from .run import abatch

if TYPE_CHECKING:
    from typing import Unpack

__all__ = ["records_on_ray"]


def _join(ray: Any, address: str | None) -> None:
    """Start a local Ray, or join the cluster at `address`, unless this process already has;
    ConfigError, saying why, where that fails."""
    if ray.is_initialized():
        return
    _check_reachable(address)
    try:
        ray.init(
            address=address,
            include_dashboard=False,
            log_to_driver=False,
            logging_level=logging.WARNING,
        )
    except (ConnectionError, ValueError, RuntimeError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        where = address or "this machine"
        raise ConfigError(f"cannot start or join Ray at {where}: {first}") from None


def records_on_ray(
    inputs: Iterable[BatchInput] | BatchContext,
    *,
    model: str | None = None,
    base_url: str | None = None,
    vet: str | None = None,
    address: str | None = None,
    actors: int = 2,
    concurrency: int = 8,
    block: int = 8,
    **options: Unpack[ContextOptions],
) -> Iterator[BatchRecord]:
    """One record per article of `inputs`, the model's work spread over `actors` Ray actors
    (each with `concurrency` requests in flight), `block` articles to a task; `options` are
    the context's (`BatchContext.of`). The context's rate is shared out among the actors."""
    if address and address.startswith("ray://"):
        raise ConfigError(
            "Ray Data does not run over Ray Client (ray://): run summarise on a cluster node "
            "with --ray-address auto, or send it there with ray job submit"
        )
    try:
        import ray
    except ImportError:
        raise ConfigError("--via ray needs Ray: pip install 'summariser[ray]'") from None
    from ..client import Summariser

    context = BatchContext.of(inputs, **options)
    driver = Summariser(model=model, base_url=base_url, vet=vet)  # names the model; never connects
    keys: dict[str, str] = {}
    rows: list[dict[str, str]] = []
    for ready in context.triage(driver.model_identity):
        if isinstance(ready, BatchRecord):
            yield context.keep(ready)
            continue
        keys[ready.article.id] = ready.key
        rows.append({"article": ready.article.model_dump_json()})
    if not rows:
        return
    _join(ray, address)
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    ray.data.DataContext.get_current().enable_progress_bars = False
    endpoint = {"model": model, "base_url": base_url, "vet": vet}
    rpm = context.pace.rpm
    share = rpm / actors if rpm else None
    made = ray.data.from_items(rows).map_batches(
        _Actor,
        fn_constructor_kwargs={"options": endpoint, "concurrency": concurrency, "rpm": share},
        batch_size=block,
        compute=ray.data.ActorPoolStrategy(size=actors),
        num_cpus=1 if driver.settings.embedded else 0.25,  # an endpoint's actor mostly waits
    )
    for row in made.iter_rows():
        record = BatchRecord.from_json(json.loads(row["record"]))
        yield context.keep(record, keys[record.id])


def _check_reachable(address: str | None) -> None:
    """A quick, clear refusal of a head that is not there: Ray itself retries for minutes."""
    host, _, port = (address or "").rpartition(":")
    if not host or not port.isdigit():
        return  # None or "auto": Ray finds or starts one
    try:
        socket.create_connection((host, int(port)), timeout=5).close()
    except OSError as exc:
        why = exc.strerror or type(exc).__name__
        raise ConfigError(f"cannot reach Ray's head at {address}: {why}") from None


class _Actor:
    """One Ray actor: one Summariser for its life, each block of articles through `abatch`.

    Its one Pace outlives the blocks, so its share of the rate holds from block to block."""

    def __init__(self, options: dict[str, Any], concurrency: int, rpm: float | None) -> None:
        from ..client import Summariser

        self.summariser = Summariser(**options)
        self.concurrency, self.pace = concurrency, Pace(rpm)

    def __call__(self, block: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        articles = [Article.model_validate_json(raw) for raw in block["article"]]
        records = asyncio.run(self._summarise(articles))
        return {"record": np.array([json.dumps(r.to_json()) for r in records], dtype=object)}

    async def _summarise(self, articles: list[Article]) -> list[BatchRecord]:
        found: list[BatchRecord] = []
        stream = abatch(
            articles, self.summariser, offline=True, concurrency=self.concurrency, rpm=self.pace
        )
        try:
            async for record in stream:
                found.append(record)
        finally:
            await self.summariser.aclose()
        return found
