"""Many articles in, one record per article out: a briefing or the error that stopped it.

Every article ends as exactly one record; inputs that yield nothing end as error records too,
so nothing given to a batch disappears. Duplicates (same id) are processed once. Cached
briefings are served without a model call, and ids an earlier run already wrote are skipped.
Model calls fan out under a concurrency bound and an optional requests-per-minute limit;
records are yielded as each article finishes, so their order is completion order.
Writing them (JSONL, resume, digest) is `output.py`'s job.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import (
    AsyncIterator,
    Collection,
    Iterable,
    Iterator,
    Mapping,
    MutableMapping,
    Sequence,
)
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from .. import stages
from ..redaction import redact
from ..sources.articles import Article, InputProblem, to_article
from ..sources.fetch import Fetcher
from ..sources.inputs import read_inputs
from .briefing_cache import BriefingCache, cache_key
from .flow import END, Pace, ThreadedSource
from .records import BatchRecord, RecordError, RecordSource

if TYPE_CHECKING:
    from ..briefing.schema import Briefing
    from ..client import Summariser
    from .offload import Offload

__all__ = [
    "BatchInput",
    "BatchTotals",
    "abatch",
    "extract_records",
    "summarise_articles",
]

BatchInput = str | os.PathLike[str] | Article
"""A file, directory or URL to read articles from, or an article itself."""


@dataclass
class BatchTotals:
    """Running counts of a batch, for its summary line; updated as records are made."""

    articles: int = 0
    done: int = 0
    failed: int = 0
    duplicates: int = 0
    problems: int = 0  # inputs that yielded no article (each ends as an error record)
    cached: int = 0
    resumed: int = 0
    warnings: list[str] = field(default_factory=list)
    prompt_tokens: int = 0
    completion_tokens: int = 0

    @property
    def finished(self) -> int:
        """Records accounted for so far: made, served from cache, failed or already written."""
        return self.done + self.cached + self.failed + self.resumed


def _read(
    inputs: Iterable[BatchInput], fetcher: Fetcher | None
) -> Iterator[Article | InputProblem]:
    for item in inputs:
        if isinstance(item, Article):
            yield item
        else:
            yield from read_inputs([os.fspath(item)], fetcher)


def unique_articles(
    inputs: Iterable[BatchInput], totals: BatchTotals, fetcher: Fetcher | None
) -> Iterator[Article | InputProblem]:
    seen: set[str] = set()
    for item in _read(inputs, fetcher):
        if isinstance(item, InputProblem):
            if item.fatal:
                totals.problems += 1
                yield item
            else:
                totals.warnings.append(str(item))
            continue
        if item.id in seen:
            totals.duplicates += 1
            continue
        seen.add(item.id)
        totals.articles += 1
        yield item


def extract_records(
    inputs: Iterable[BatchInput], totals: BatchTotals, fetcher: Fetcher | None = None
) -> Iterator[dict[str, Any]]:
    """What would be summarised: the extracted articles themselves, no model involved."""
    for item in unique_articles(inputs, totals, fetcher):
        if isinstance(item, InputProblem):
            totals.failed += 1
            yield BatchRecord.for_problem(item).to_json()
        else:
            totals.done += 1
            record = item.record()
            record.update(origin=redact(item.origin), feed=item.feed and redact(item.feed))
            yield {**record, "chars": len(item.text)}


async def abatch(
    inputs: Iterable[BatchInput],
    summariser: Summariser | None = None,
    *,
    fetcher: Fetcher | None = None,
    offline: bool = False,
    cache: BriefingCache | None = None,
    skip: Collection[str] = frozenset(),
    concurrency: int = 8,
    rpm: float | Pace | None = None,
    workers: int = 1,
    totals: BatchTotals | None = None,
    texts: MutableMapping[str, str] | None = None,
) -> AsyncIterator[BatchRecord]:
    """One record per article, its briefing or the error that stopped it, as each finishes.

    Inputs are paths, directories, URLs (fetched with `fetcher`, a default safe one, unless
    `offline`) or `Article`s. Ids in `skip` (already written by an earlier run) yield nothing;
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
    from ..prompting.messages import prompt_hash

    owned = summariser is None  # made here, so closed here
    summariser = summariser or Summariser()
    totals = totals if totals is not None else BatchTotals()
    if fetcher is None and not offline:
        fetcher = Fetcher()
    model, prompt = summariser.model_identity, prompt_hash()  # the same for every article

    def produce() -> Iterator[BatchRecord | tuple[Article, str]]:
        """Runs on the reader thread: records ready without a model, or work for one."""
        return triage(inputs, totals, fetcher, model, prompt, cache=cache, skip=skip, texts=texts)

    settings = summariser.settings  # the embedded model: as many as it decodes together
    width = max(1, settings.parallel if settings.embedded else concurrency)
    offload = None
    if workers > 1 and width > 1:
        from .offload import Offload

        offload = Offload(workers)
    source = ThreadedSource(produce, capacity=2 * width + 16)
    outbox: asyncio.Queue[object] = asyncio.Queue()
    pace = rpm if isinstance(rpm, Pace) else Pace(rpm)

    async def worker() -> None:
        try:
            while (work := await source.get()) is not END:
                if isinstance(work, BatchRecord):
                    await outbox.put(work)
                    continue
                article, key = cast("tuple[Article, str]", work)
                await pace.wait()
                record = await _summarise_one(summariser, article, offload)
                if cache is not None and record.ok:
                    cache.put(key, record.to_json())
                await outbox.put(record)
        except Exception as exc:  # a failure of the batch itself, not of one article
            await outbox.put(exc)
        finally:
            await outbox.put(END)

    tasks = [asyncio.create_task(worker()) for _ in range(width)]
    running = width
    try:
        while running:
            item = await outbox.get()
            if item is END:
                running -= 1
                continue
            if isinstance(item, BaseException):
                raise item
            record = cast(BatchRecord, item)
            count(totals, record)
            yield record
            source.release()
    finally:
        source.close()
        for task in tasks:
            task.cancel()
        if offload is not None:
            offload.close()
        if owned:
            await summariser.aclose()


def triage(
    inputs: Iterable[BatchInput],
    totals: BatchTotals,
    fetcher: Fetcher | None,
    model: str,
    prompt: str,
    *,
    cache: BriefingCache | None = None,
    skip: Collection[str] = frozenset(),
    texts: MutableMapping[str, str] | None = None,
) -> Iterator[BatchRecord | tuple[Article, str]]:
    """Each unique article of `inputs` as a record ready without the model (an input problem,
    a cached briefing) or as (article, cache key) for the model; ids in `skip` (an earlier
    run wrote them) yield nothing. `texts` receives every article's text, skipped ones' too."""
    for item in unique_articles(inputs, totals, fetcher):
        if isinstance(item, InputProblem):
            record = BatchRecord.for_problem(item)
            if record.id in skip:
                totals.resumed += 1
            else:
                yield record
            continue
        if texts is not None:
            texts[item.id] = item.text
        if item.id in skip:
            totals.resumed += 1
            continue
        key = key_of(item, model, prompt)
        hit = cache.get(key) if cache else None
        if hit is None:
            yield item, key
        else:
            yield cached_record(hit, item)


def key_of(item: Article, model: str, prompt: str) -> str:
    """The briefing cache's key for `item` asked of `model` with the prompt of hash `prompt`."""
    from ..briefing.schema import SCHEMA_VERSION

    published = item.published.isoformat() if item.published else None
    return cache_key(
        text=item.text,
        title=item.title,
        published=published,
        model=model,
        prompt=prompt,
        schema=SCHEMA_VERSION,
    )


def cached_record(hit: dict[str, Any], item: Article) -> BatchRecord:
    """A cached briefing's record, under this article's id and source."""
    update = {"id": item.id, "source": RecordSource.of(item), "cached": True}
    return BatchRecord.from_json(hit).model_copy(update=update)


def count(totals: BatchTotals, record: BatchRecord) -> None:
    if record.cached:
        totals.cached += 1
    elif record.briefing is None:
        totals.failed += 1
    else:
        totals.done += 1
        if record.usage:
            totals.prompt_tokens += record.usage.prompt_tokens
            totals.completion_tokens += record.usage.completion_tokens


async def _summarise_one(
    summariser: Summariser, item: Article, offload: Offload | None = None
) -> BatchRecord:
    """The article's record; any failure becomes an error record, never an exception."""
    started = time.perf_counter()
    try:
        briefing = await _brief(summariser, item, offload, started)
    except Exception as exc:  # one bad article must not end the batch
        return record_of(item, started, error=exc, secret=summariser.settings.api_key)
    return record_of(item, started, briefing=briefing)


async def _brief(
    summariser: Summariser, item: Article, offload: Offload | None, started: float
) -> Briefing:
    """The article's briefing through the client's stages, the pure ones in `offload`'s
    processes when there is one."""
    article = {"published": item.published, "title": item.title, "url": item.url}
    if offload is None:
        request = summariser.prepare(item.text, **article)
        return summariser.finish(request, await summariser.aask(request), started=started)
    request = await offload.run(stages.prepare, item.text, **article, **summariser.prepare_options)
    answer = await summariser.aask(request)
    dump = answer.draft.model_dump()  # the draft's class is made at run time: send plain data
    briefing = await offload.run(stages.finish, request, dump, strict=summariser.strict)
    briefing.meta = summariser.run_info(request, answer, started=started)
    return briefing


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


def record_of(
    item: Article,
    started: float,
    *,
    briefing: Any = None,
    error: BaseException | None = None,
    secret: str | None = None,
) -> BatchRecord:
    seconds = round(time.perf_counter() - started, 3)
    source = RecordSource.of(item)
    if error is not None:
        message = redact(str(error), secret)
        failure = RecordError(type=type(error).__name__, message=message)
        return BatchRecord(id=item.id, source=source, error=failure, seconds=seconds)
    meta = briefing.meta
    warnings = list(meta.warnings) if meta else []
    if item.teaser:
        warnings.append("only the feed's summary was available, not the full page")
    return BatchRecord(
        id=item.id,
        source=source,
        briefing=briefing.model_copy(update={"meta": None}),
        model=meta.model if meta else None,
        usage=meta.usage if meta else None,
        warnings=warnings,
        seconds=seconds,
    )
