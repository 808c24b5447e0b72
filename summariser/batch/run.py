"""The batch online: one record per article, its briefing or the error that stopped it.

Every article ends as exactly one record; inputs that yield nothing end as error records too,
so nothing given to a batch disappears. Reading, skipping, the cache and the counts are the
batch context's (context.py); here the model is asked online, under a concurrency bound and
an optional requests-per-minute limit, and records are yielded as each article finishes, so
their order is completion order. Writing them (JSONL, resume, digest) is `output.py`'s job.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

from ..sources.articles import Article, InputProblem, to_article
from .context import BatchContext, BatchInput, ContextOptions, Work
from .flow import END, ThreadedSource
from .records import BatchRecord, RecordSource

if TYPE_CHECKING:
    from typing import Unpack

    from ..briefing.schema import Briefing
    from ..client import Summariser
    from .offload import Offload

__all__ = ["abatch", "extract_records", "summarise_articles"]


def extract_records(context: BatchContext) -> Iterator[dict[str, Any]]:
    """What would be summarised: the extracted articles themselves, no model involved."""
    totals = context.totals
    for item in context.articles():
        if isinstance(item, InputProblem):
            totals.failed += 1
            yield BatchRecord.for_problem(item).to_json()
        else:
            totals.done += 1
            record = item.record()
            source = RecordSource.of(item)  # its origin and feed redacted as a record's are
            record.update(origin=source.origin, feed=source.feed)
            yield {**record, "chars": len(item.text)}


async def abatch(
    inputs: Iterable[BatchInput] | BatchContext,
    summariser: Summariser | None = None,
    *,
    concurrency: int = 8,
    workers: int = 1,
    **options: Unpack[ContextOptions],
) -> AsyncIterator[BatchRecord]:
    """One record per article, its briefing or the error that stopped it, as each finishes.

    Inputs are paths, directories, URLs (fetched with `fetcher`, a default safe one, unless
    `offline`) or `Article`s, or a whole `BatchContext`; `options` are the context's
    (`BatchContext.of`). Ids in `skip` (already written by an earlier run) yield nothing;
    cached briefings are reused without a model call. `rpm` caps model requests a minute; a
    `Pace` shares one cap between runs. Records come in completion order; the
    embedded model has its `parallel` setting's articles in flight, decoded together.
    `workers` > 1 reads and grounds
    articles in that many processes (offload.py), for fast endpoints at high concurrency; a
    script that sets it needs the `if __name__ == "__main__":` guard multiprocessing asks for.
    `texts`, when given, receives every article's text under its id, the skipped ones' too,
    for views that show the article beside its briefing (the HTML digest).

        async for record in abatch(["feeds/"], Summariser(model="gpt-4o-mini")):
            print(record.id, record.briefing.headline if record.ok else record.error)
    """
    from ..client import Summariser

    context = BatchContext.of(inputs, **options)
    owned = summariser is None  # made here, so closed here
    summariser = summariser or Summariser()
    model = summariser.model_identity
    settings = summariser.settings  # the embedded model: as many as it decodes together
    width = max(1, settings.parallel if settings.embedded else concurrency)
    offload = _offload(workers) if width > 1 else None
    # The reader thread triages: records ready without a model, or work for one.
    source = ThreadedSource(lambda: context.triage(model), capacity=2 * width + 16)
    outbox: asyncio.Queue[object] = asyncio.Queue()
    tasks = [
        asyncio.create_task(_work(context, source, outbox, summariser, offload))
        for _ in range(width)
    ]
    try:
        async for record, key in _finished(outbox, width):
            yield context.keep(record, key)
            source.release()
    finally:
        source.close()
        for task in tasks:
            task.cancel()
        if offload is not None:
            offload.close()
        if owned:
            await summariser.aclose()


def _offload(workers: int) -> Offload | None:
    """A pool of `workers` processes for the pure stages, where more than one is asked for."""
    if workers <= 1:
        return None
    from .offload import Offload

    return Offload(workers)


async def _work(
    context: BatchContext,
    source: ThreadedSource[BatchRecord | Work],
    outbox: asyncio.Queue[object],
    summariser: Summariser,
    offload: Offload | None,
) -> None:
    """One worker: takes what the reader triaged, briefs what needs the model, and puts each
    record (with its cache key) in the outbox, then END; a failure of the batch itself, not
    of one article, goes in the outbox as the exception."""
    try:
        while (work := await source.get()) is not END:
            if isinstance(work, BatchRecord):
                await outbox.put((work, None))
                continue
            work = cast(Work, work)
            await context.pace.wait()
            await outbox.put((await _summarise_one(summariser, work.article, offload), work.key))
    except Exception as exc:
        await outbox.put(exc)
    finally:
        await outbox.put(END)


async def _finished(
    outbox: asyncio.Queue[object], workers: int
) -> AsyncIterator[tuple[BatchRecord, str | None]]:
    """The records the workers put in the outbox, until every one of them has ended; a
    failure of the batch is raised."""
    running = workers
    while running:
        item = await outbox.get()
        if item is END:
            running -= 1
            continue
        if isinstance(item, BaseException):
            raise item
        yield cast("tuple[BatchRecord, str | None]", item)


async def _summarise_one(
    summariser: Summariser, item: Article, offload: Offload | None = None
) -> BatchRecord:
    """The article's record; any failure becomes an error record, never an exception."""
    started = time.perf_counter()
    try:
        briefing = await _brief(summariser, item, offload)
    except Exception as exc:  # one bad article must not end the batch
        return BatchRecord.of(item, started, error=exc, secret=summariser.settings.api_key)
    return BatchRecord.of(item, started, briefing=briefing)


async def _brief(summariser: Summariser, item: Article, offload: Offload | None) -> Briefing:
    """The article's briefing: the client's own call, or with its pure stages in `offload`'s
    processes when there is one."""
    article = {"published": item.published, "title": item.title, "url": item.url}
    if offload is None:
        return await summariser.asummarise(item.text, **article)
    return await offload.asummarise(summariser, item.text, **article)


def summarise_articles(
    articles: Sequence[Article | Mapping[str, Any]],
    *,
    model: str | None = None,
    base_url: str | None = None,
    concurrency: int = 8,
    rpm: float | None = None,
) -> list[BatchRecord]:
    """Briefings of `articles`, one record each, in the order given: a pure, picklable function.

    It reads no files, fetches nothing and keeps no cache; its endpoint comes from the
    arguments, else the environment of the process that runs it (so no key travels with the
    call). Articles are `Article`s or mappings with the JSON fields (`id`, `title`, `text`,
    `published`, `url`); a malformed one ends as an error record, never an exception. It is
    meant for engines that ship work to other processes or machines (multiprocessing, Dask,
    Ray, Spark): ship the function and a list of articles, get records back.
    """
    from ..client import Summariser

    given = [to_article(raw, f"articles[{index}]") for index, raw in enumerate(articles)]
    summariser = Summariser(model=model, base_url=base_url)

    async def collect() -> dict[str, BatchRecord]:
        valid = [item for item in given if isinstance(item, Article)]
        found: dict[str, BatchRecord] = {}
        stream = abatch(valid, summariser, offline=True, concurrency=concurrency, rpm=rpm)
        try:
            async for record in stream:
                found[record.id] = record
        finally:
            await summariser.aclose()
        return found

    by_id = asyncio.run(collect())
    return [
        BatchRecord.for_problem(item) if isinstance(item, InputProblem) else by_id[item.id]
        for item in given
    ]
