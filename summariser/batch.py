"""`summarise batch`: many inputs in, one JSONL record per article out.

Every article ends as exactly one record, a briefing or an error; inputs that yield nothing
end as error records too, so nothing given to a batch disappears. Duplicates (same id) are
processed once. Records are written whole, one line each, as each article finishes.

Re-running is cheap and safe: briefings come from the cache (no model call), and with an output
file, ids already written there are skipped, after a line torn by a kill is cut off. Model
calls fan out under a concurrency bound and an optional requests-per-minute limit; records are
yielded as each article finishes, so their order is completion order.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .articles import Article
from .cache import BriefingCache, cache_key
from .errors import SummariserError
from .fetch import Fetcher
from .inputs import InputProblem, read_inputs
from .settings import redact

if TYPE_CHECKING:
    from .core import Summariser

__all__ = [
    "BatchTotals",
    "asummarise_records",
    "extract_records",
    "resume_point",
    "write_records",
]


@dataclass
class BatchTotals:
    articles: int = 0
    done: int = 0
    failed: int = 0
    duplicates: int = 0
    cached: int = 0
    resumed: int = 0
    warnings: list[str] = field(default_factory=list)
    prompt_tokens: int = 0
    completion_tokens: int = 0


def _unique_articles(
    specs: Iterable[str], totals: BatchTotals, fetcher: Fetcher | None
) -> Iterator[Article | InputProblem]:
    seen: set[str] = set()
    for item in read_inputs(specs, fetcher):
        if isinstance(item, InputProblem):
            if item.fatal:
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


def _source(article: Article) -> dict[str, Any]:
    return {
        "url": article.url,
        "feed": article.feed,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "origin": article.origin,
    }


def _problem_record(problem: InputProblem) -> dict[str, Any]:
    key = f"{problem.origin}\0{problem.message}".encode()
    return {
        "id": "e-" + hashlib.sha256(key).hexdigest()[:16],
        "source": {"origin": problem.origin},
        "error": {"type": "InputError", "message": problem.message},
    }


def extract_records(
    specs: Iterable[str], totals: BatchTotals, fetcher: Fetcher | None = None
) -> Iterator[dict[str, Any]]:
    """What would be summarised: the extracted articles themselves, no model involved."""
    for item in _unique_articles(specs, totals, fetcher):
        if isinstance(item, InputProblem):
            totals.failed += 1
            yield _problem_record(item)
        else:
            totals.done += 1
            yield {**item.record(), "chars": len(item.text)}


async def asummarise_records(
    specs: Iterable[str],
    summariser: Summariser,
    totals: BatchTotals,
    fetcher: Fetcher | None = None,
    cache: BriefingCache | None = None,
    skip: frozenset[str] = frozenset(),
    concurrency: int = 8,
    rpm: float | None = None,
) -> AsyncIterator[dict[str, Any]]:
    """One record per article, its briefing or the error that stopped it, as each finishes.

    Ids in `skip` (already written by an earlier run) yield nothing; cached briefings are
    reused without a model call. The embedded model always runs one article at a time.
    """
    from .messages import prompt_hash
    from .schema import SCHEMA_VERSION

    model, prompt = summariser.model_identity, prompt_hash()  # the same for every article
    todo: list[tuple[Article, str]] = []
    for item in _unique_articles(specs, totals, fetcher):
        if isinstance(item, InputProblem):
            record = _problem_record(item)
            if record["id"] in skip:
                totals.resumed += 1
            else:
                totals.failed += 1
                yield record
            continue
        if item.id in skip:
            totals.resumed += 1
            continue
        key = cache_key(
            text=item.text,
            title=item.title,
            published=item.published.isoformat() if item.published else None,
            model=model,
            prompt=prompt,
            schema=SCHEMA_VERSION,
        )
        hit = cache.get(key) if cache else None
        if hit is not None:
            totals.cached += 1
            yield {**hit, "id": item.id, "source": _source(item), "cached": True}
        else:
            todo.append((item, key))
    if not todo:
        return
    width = 1 if summariser.settings.embedded else max(1, concurrency)
    gate, pace = asyncio.Semaphore(width), _Pace(rpm)
    finished: asyncio.Queue[dict[str, Any]] = asyncio.Queue()

    async def run(item: Article, key: str) -> None:
        async with gate:
            await pace.wait()
            started = time.perf_counter()
            try:
                briefing = await summariser.asummarise(
                    item.text, published=item.published, title=item.title, url=item.url
                )
            except Exception as exc:  # one bad article must not end the batch
                secret = summariser.settings.api_key
                record = _record(item, totals, started, error=exc, secret=secret)
            else:
                record = _record(item, totals, started, briefing=briefing)
            if cache is not None and "briefing" in record:
                cache.put(key, record)
            await finished.put(record)

    tasks = [asyncio.create_task(run(item, key)) for item, key in todo]
    try:
        for _ in tasks:
            yield await finished.get()
    finally:
        for task in tasks:
            task.cancel()


class _Pace:
    """Starts at most `rpm` requests a minute, evenly spaced; no limit when rpm is None."""

    def __init__(self, rpm: float | None) -> None:
        self.interval = 60.0 / rpm if rpm else 0.0
        self.next_start = 0.0
        self.lock = asyncio.Lock()

    async def wait(self) -> None:
        if not self.interval:
            return
        async with self.lock:
            now = asyncio.get_running_loop().time()
            delay = self.next_start - now
            self.next_start = max(now, self.next_start) + self.interval
        if delay > 0:
            await asyncio.sleep(delay)


def _record(
    item: Article,
    totals: BatchTotals,
    started: float,
    *,
    briefing: Any = None,
    error: BaseException | None = None,
    secret: str | None = None,
) -> dict[str, Any]:
    record: dict[str, Any] = {"id": item.id, "source": _source(item)}
    if error is not None:
        totals.failed += 1
        message = str(error) if isinstance(error, SummariserError) else redact(str(error), secret)
        record["error"] = {"type": type(error).__name__, "message": message}
    else:
        totals.done += 1
        meta = briefing.meta
        record["briefing"] = briefing.model_dump(mode="json", exclude={"meta"})
        if meta:
            record["model"] = meta.model
            record["usage"] = meta.usage.model_dump()
            totals.prompt_tokens += meta.usage.prompt_tokens
            totals.completion_tokens += meta.usage.completion_tokens
        if item.teaser:
            record["warnings"] = ["only the feed's summary was available, not the full page"]
    record["seconds"] = round(time.perf_counter() - started, 3)
    return record


def resume_point(path: Path) -> frozenset[str]:
    """Ids already written to `path`, after cutting off a last line torn by a kill."""
    if not path.exists():
        return frozenset()
    with path.open("rb+") as existing:
        data = existing.read()
        whole = data[: data.rfind(b"\n") + 1]
        if len(whole) != len(data):
            existing.truncate(len(whole))
    ids: set[str] = set()
    for line in whole.decode("utf-8", errors="replace").splitlines():
        try:
            ids.add(json.loads(line)["id"])
        except (ValueError, KeyError, TypeError):
            continue  # a foreign or damaged line: its article is simply done again
    return frozenset(ids)


def write_records(
    records: Iterable[dict[str, Any]] | AsyncIterator[dict[str, Any]],
    out: TextIO,
    listing: TextIO | None,
) -> None:
    """Each record as one whole line, flushed as soon as it is ready."""

    def write(record: dict[str, Any]) -> None:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
        if listing is not None:
            listing.write(_listing_line(record) + "\n")

    if isinstance(records, AsyncIterator):

        async def drain(stream: AsyncIterator[dict[str, Any]]) -> None:
            async for record in stream:
                write(record)

        asyncio.run(drain(records))
    else:
        for record in records:
            write(record)


def _listing_line(record: dict[str, Any]) -> str:
    if "error" in record:
        return f"{'-':<20} {'error':<10} {'':>7}  {record['error']['message'][:100]}"
    day = record.get("published") or "?"
    title = (record.get("title") or record.get("text", "")[:60]).replace("\n", " ")
    return f"{record['id'][:20]:<20} {day:<10} {record.get('chars', 0):>7}  {title[:80]}"
