"""The batch through the provider's Batch API: the online batch's records, at half the price.

The same articles, ids, cache and records as `abatch`; only the asking differs. Each article's
request is the body the online call would send, under its id as `custom_id`. Answers go through
the same validation, grounding and dating; one that does not validate is asked again online,
as the online batch would re-ask it. An article a batch did not answer (a failed line, or a
batch that failed, expired or was cancelled first) ends as an error record saying why, and is
submitted afresh next run. Every article ends as exactly one record.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from ...errors import ConfigError, InvalidOutputError, ModelError, SummariserError
from ...sources.articles import Article
from ..context import BatchContext, BatchInput, ContextOptions, Work
from ..records import BatchRecord
from .jobs import Jobs, Polling
from .lines import Limits, files_of, line_of
from .store import Submitted

if TYPE_CHECKING:
    from typing import Unpack

    from openai.types import Batch

    from ...client import Summariser
    from ...stages import Request

__all__ = ["BatchApiStatus", "batch_api_status", "run_batch_api"]

_T = TypeVar("_T")


@dataclass
class _Work:
    article: Article
    request: Request
    key: str  # the briefing cache's

    @property
    def slot(self) -> str:
        return _slot(self.key, self.article.id)


def _slot(key: str, article_id: str) -> str:
    """The store's key: two articles of the same content are still two requests."""
    return f"{key} {article_id}"


def run_batch_api(
    inputs: Iterable[BatchInput] | BatchContext,
    summariser: Summariser,
    store: Submitted,
    *,
    limits: Limits | None = None,
    polling: Polling | None = None,
    seen: Callable[[list[Batch]], None] | None = None,
    **options: Unpack[ContextOptions],
) -> Iterator[BatchRecord]:
    """One record per article of `inputs`, answered through the endpoint's Batch API;
    `options` are the context's (`BatchContext.of`; a Batch API has no rate to keep).

    Submits what `store` does not hold yet, attaches to what it does, waits for every batch
    (polling with backoff; `seen` is shown their states), then yields the records. Records
    ready without a model (input problems, cached briefings) come first.
    """
    context = BatchContext.of(inputs, **options)
    started = time.perf_counter()
    work: dict[str, _Work] = {}
    for record in _read(context, summariser, work, started):
        yield context.keep(record)
    if not work:
        return
    jobs = Jobs(_client(summariser), polling)
    submitted = store.of(work)
    fresh = [w for key, w in work.items() if key not in submitted]
    lines = ((w.slot, line_of(w.article.id, summariser.request_body(w.request))) for w in fresh)
    for index, (keys, content) in enumerate(files_of(lines, limits or Limits())):
        try:
            file_id = _sdk(summariser, jobs.upload, content, f"summariser-{index}.jsonl")
        except ModelError as exc:  # this file's articles fail; the others go on
            for key in keys:
                yield context.keep(_failed(work.pop(key), started, exc, summariser))
            continue
        store.uploaded(file_id, [(key, work[key].article.id) for key in keys])
    submitted = store.of(work)
    for file_id in sorted({fid for _, fid, bid in submitted.values() if bid is None}):
        found = _sdk(summariser, jobs.find, file_id)  # found: a killed run made it
        batch = found or _sdk(summariser, jobs.create, file_id)
        store.created(file_id, batch.id)
    submitted = store.of(work)
    ended = _sdk(summariser, jobs.wait, {bid for _, _, bid in submitted.values() if bid}, seen)
    for batch_id, batch in ended.items():
        answers = {
            line["custom_id"]: line
            for file_id in (batch.output_file_id, batch.error_file_id)
            for line in _sdk(summariser, jobs.lines, file_id)
        }
        for key, (custom_id, _, bid) in submitted.items():
            if bid != batch_id:
                continue
            record = _collect(work[key], answers.get(custom_id), batch, summariser, started)
            store.done([key])
            yield context.keep(record, work[key].key)


def _read(
    context: BatchContext, summariser: Summariser, work: dict[str, _Work], started: float
) -> Iterator[BatchRecord]:
    """Records ready without the model; what needs it goes into `work`, by its slot."""
    for ready in _triage(context, summariser):
        if isinstance(ready, BatchRecord):
            yield ready
            continue
        item = ready.article
        try:
            request = summariser.prepare(
                item.text, published=item.published, title=item.title, url=item.url
            )
        except SummariserError as exc:
            yield BatchRecord.of(item, started, error=exc)
            continue
        job = _Work(item, request, ready.key)
        work[job.slot] = job


def _triage(context: BatchContext, summariser: Summariser) -> Iterator[BatchRecord | Work]:
    """The context's triage for this summariser's model, which must be an endpoint with a
    Batch API."""
    if summariser.settings.embedded:
        raise ConfigError(
            "--via batch-api needs an OpenAI-compatible endpoint with a Batch API "
            "(--base-url, --model); the embedded model answers online only"
        )
    if summariser.settings.vets:
        raise ConfigError(
            "--via batch-api cannot vet allegations (--vet on): their questions follow each "
            "answer, a second round a Batch API does not make; run the batch online, or --vet off"
        )
    return context.triage(summariser.model_identity)


def _collect(
    work: _Work,
    line: dict[str, Any] | None,
    batch: Batch,
    summariser: Summariser,
    started: float,
) -> BatchRecord:
    """The record of one article from its output or error line (None: not answered)."""
    from ...client import Answer
    from ...providers.instructed import draft_of
    from ...providers.sdk_errors import usage_of

    if line is None:
        why = f"the batch {batch.id} ended {batch.status} before answering this article"
        if batch.errors and batch.errors.data:
            why += ": " + "; ".join(e.message or e.code or "" for e in batch.errors.data)
        return _failed(work, started, ModelError(why), summariser)
    response = line.get("response") or {}
    body = response.get("body") or {}
    if line.get("error") or response.get("status_code") != 200:
        error = line.get("error") or body.get("error") or {}
        status = response.get("status_code")
        said = error.get("message") or error.get("code") or "no answer"
        failure = ModelError(
            f"Batch API: {status or error.get('code')}: {said}", status_code=status
        )
        return _failed(work, started, failure, summariser)
    try:
        draft = draft_of(body, summariser.settings.mode)
    except Exception:  # did not validate: asked again online, as online would re-ask
        if summariser.settings.reasks < 1:
            failure = InvalidOutputError(
                "the Batch API's answer did not validate and re-asks are off", attempts=1
            )
            return _failed(work, started, failure, summariser)
        try:
            answer = summariser.ask(work.request)
        except SummariserError as exc:
            return _failed(work, started, exc, summariser)
    else:
        answer = Answer(
            draft=draft, usage=usage_of(body.get("usage")), attempts=1, model_seconds=0.0
        )
    briefing = summariser.finish(work.request, answer, started=started)
    return BatchRecord.of(work.article, started, briefing=briefing)


def _failed(work: _Work, started: float, error: Exception, summariser: Summariser) -> BatchRecord:
    return BatchRecord.of(work.article, started, error=error, secret=summariser.settings.api_key)


def _sdk(summariser: Summariser, call: Callable[..., _T], *args: Any) -> _T:
    """`call(*args)`, an SDK failure (after the SDK's own retries) as our one-line ModelError;
    what was submitted stays in the store, so running again attaches to it."""
    from ...client import MAX_TOKENS
    from ...providers.sdk_errors import translate

    try:
        return call(*args)
    except SummariserError:
        raise
    except Exception as exc:
        error = translate(exc, summariser.settings, MAX_TOKENS)
    raise error  # outside the except: the SDK error (it may quote a key) is not chained


def _client(summariser: Summariser) -> Any:
    """The endpoint's own openai client (no instructor): files and batches need no model."""
    return summariser.endpoint.client.client


@dataclass(frozen=True)
class BatchApiStatus:
    """Where the articles of a run stand, without waiting or submitting."""

    cached: int
    not_submitted: int
    batches: list[Batch]

    def lines(self) -> list[str]:
        out = [f"{self.cached} articles cached, {self.not_submitted} not yet submitted"]
        for batch in self.batches:
            counts = batch.request_counts
            done = (
                f"{counts.completed}/{counts.total} done, {counts.failed} failed" if counts else ""
            )
            out.append(f"{batch.id}: {batch.status} {done}".rstrip())
        return out


def batch_api_status(
    inputs: Iterable[BatchInput] | BatchContext,
    summariser: Summariser,
    store: Submitted,
    **options: Unpack[ContextOptions],
) -> BatchApiStatus:
    """Counts and batch states only: no request is built, so it is quick on any archive."""
    cached, slots = 0, []
    for ready in _triage(BatchContext.of(inputs, **options), summariser):
        if isinstance(ready, BatchRecord):
            cached += ready.cached
        else:
            slots.append(_slot(ready.key, ready.article.id))
    submitted = store.of(slots)
    ids = sorted({bid for _, _, bid in submitted.values() if bid})
    jobs = Jobs(_client(summariser))
    batches = list(_sdk(summariser, jobs.retrieve, ids).values()) if ids else []
    return BatchApiStatus(cached, len(slots) - len(submitted), batches)
