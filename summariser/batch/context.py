"""What every way of running a batch shares: where its articles come from and what it remembers.

A `BatchContext` holds the inputs, the fetcher, the briefing cache, the pace of requests, the
ids an earlier run wrote, the running totals and the articles' texts. Every mode (online in
run.py, the Batch API in batch_api/, Ray in on_ray.py) reads its articles through `triage`
and ends every record through `keep`, so reading, skipping, caching and counting are written
once; a mode only decides how the model is asked.

    context = BatchContext.of(["feeds/"], cache=BriefingCache(path))
    for ready in context.triage(model_identity):   # a record, or work for the model
        ...
        yield context.keep(record, work.key)       # cached if it is a briefing, then counted
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable, Iterator, MutableMapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypedDict

from ..sources.articles import Article, InputProblem
from ..sources.inputs import read_inputs
from .briefing_cache import BriefingCache, cache_key
from .flow import Pace
from .records import BatchRecord, RecordSource

if TYPE_CHECKING:
    from ..sources.fetch import Fetcher

__all__ = ["BatchContext", "BatchInput", "BatchTotals", "ContextOptions", "Work"]

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

    def count(self, record: BatchRecord) -> None:
        if record.cached:
            self.cached += 1
        elif record.briefing is None:
            self.failed += 1
        else:
            self.done += 1
            if record.usage:
                self.prompt_tokens += record.usage.prompt_tokens
                self.completion_tokens += record.usage.completion_tokens


@dataclass(frozen=True)
class Work:
    """An article the model has to answer, and the cache key its briefing will be kept under."""

    article: Article
    key: str


class ContextOptions(TypedDict, total=False):
    """The keyword arguments every batch mode takes for its context (BatchContext.of)."""

    fetcher: Fetcher | None
    offline: bool
    cache: BriefingCache | None
    skip: Collection[str]
    rpm: float | Pace | None
    totals: BatchTotals | None
    texts: MutableMapping[str, str] | None


@dataclass
class BatchContext:
    """One batch's inputs and state, whichever mode asks the model (see the module's doc)."""

    inputs: Iterable[BatchInput]
    fetcher: Fetcher | None = None  # None: nothing is fetched (offline)
    cache: BriefingCache | None = None
    pace: Pace = field(default_factory=Pace)  # model requests a minute; one Pace may be shared
    skip: Collection[str] = frozenset()  # ids an earlier run wrote: they yield nothing
    totals: BatchTotals = field(default_factory=BatchTotals)
    texts: MutableMapping[str, str] | None = None  # filled with every article's text, if given

    @classmethod
    def of(
        cls,
        inputs: Iterable[BatchInput] | BatchContext,
        *,
        fetcher: Fetcher | None = None,
        offline: bool = False,
        cache: BriefingCache | None = None,
        skip: Collection[str] = frozenset(),
        rpm: float | Pace | None = None,
        totals: BatchTotals | None = None,
        texts: MutableMapping[str, str] | None = None,
    ) -> BatchContext:
        """`inputs` as a context (a context is returned as it is). Without a `fetcher`, a
        default safe one fetches URLs, unless `offline`; `rpm` caps model requests a minute,
        and a `Pace` shares one cap between runs."""
        if isinstance(inputs, BatchContext):
            return inputs
        if fetcher is None and not offline:
            from ..sources.fetch import Fetcher

            fetcher = Fetcher()
        return cls(
            inputs=inputs,
            fetcher=fetcher,
            cache=cache,
            pace=rpm if isinstance(rpm, Pace) else Pace(rpm),
            skip=skip,
            totals=totals if totals is not None else BatchTotals(),
            texts=texts,
        )

    def articles(self) -> Iterator[Article | InputProblem]:
        """Each unique article of the inputs, and each input that yielded none (a fatal
        problem); warnings and duplicates are counted, not yielded."""
        seen: set[str] = set()
        for item in self._read():
            if isinstance(item, InputProblem):
                if item.fatal:
                    self.totals.problems += 1
                    yield item
                else:
                    self.totals.warnings.append(str(item))
                continue
            if item.id in seen:
                self.totals.duplicates += 1
                continue
            seen.add(item.id)
            self.totals.articles += 1
            yield item

    def triage(self, model: str) -> Iterator[BatchRecord | Work]:
        """Each unique article as a record ready without the model (an input problem, a
        briefing `model` made before, from the cache) or as work for the model. Ids in `skip`
        yield nothing; `texts` receives every article's text, the skipped ones' too."""
        from ..prompting.messages import prompt_hash

        prompt = prompt_hash()  # the same for every article
        for item in self.articles():
            if isinstance(item, InputProblem):
                record = BatchRecord.for_problem(item)
                if record.id in self.skip:
                    self.totals.resumed += 1
                else:
                    yield record
                continue
            if self.texts is not None:
                self.texts[item.id] = item.text
            if item.id in self.skip:
                self.totals.resumed += 1
                continue
            key = key_of(item, model, prompt)
            hit = self.cache.get(key) if self.cache else None
            yield Work(item, key) if hit is None else _cached_record(hit, item)

    def keep(self, record: BatchRecord, key: str | None = None) -> BatchRecord:
        """`record` as the batch ends it: a briefing the model made is cached under `key`,
        then every record is counted. Every mode ends every record here, once."""
        if key is not None and self.cache is not None and record.ok and not record.cached:
            self.cache.put(key, record.to_json())
        self.totals.count(record)
        return record

    def _read(self) -> Iterator[Article | InputProblem]:
        for item in self.inputs:
            if isinstance(item, Article):
                yield item
            else:
                yield from read_inputs([os.fspath(item)], self.fetcher)


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


def _cached_record(hit: dict[str, Any], item: Article) -> BatchRecord:
    """A cached briefing's record, under this article's id and source."""
    update = {"id": item.id, "source": RecordSource.of(item), "cached": True}
    return BatchRecord.from_json(hit).model_copy(update=update)
