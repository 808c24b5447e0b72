"""`summarise batch --via batch-api`: the batch command's Batch API branch, and `--status`."""

from __future__ import annotations

import argparse
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from ..batch.briefing_cache import BriefingCache
    from ..batch.records import BatchRecord
    from ..batch.run import BatchTotals
    from ..client import Summariser
    from ..sources.fetch import Fetcher

__all__ = ["records_via_batch_api", "show_status"]


def records_via_batch_api(
    args: argparse.Namespace,
    summariser: Summariser,
    *,
    cache_path: Path | None,
    cache: BriefingCache | None,
    fetcher: Fetcher | None,
    skip: Collection[str],
    totals: BatchTotals,
    texts: dict[str, str] | None,
    err: TextIO,
) -> Iterator[BatchRecord]:
    """The batch's records through the Batch API; each batch's state on `err` as it is polled."""
    from ..batch.batch_api import Polling, run_batch_api
    from ..batch.batch_api.store import Submitted

    assert cache_path is not None  # refused before: --no-cache
    yield from run_batch_api(
        args.inputs,
        summariser,
        Submitted(cache_path),
        fetcher=_fetcher(args, fetcher),
        cache=cache,
        skip=skip,
        totals=totals,
        texts=texts,
        polling=Polling(first=args.poll),
        seen=None if args.quiet else _shown_on(err),
    )


def show_status(args: argparse.Namespace, cache_path: Path, fetcher: Any, out: TextIO) -> int:
    """--status: where the inputs' batches stand, one line each; nothing submitted or waited."""
    from ..batch.batch_api import batch_api_status
    from ..batch.batch_api.store import Submitted
    from ..batch.briefing_cache import BriefingCache
    from ..client import Summariser

    summariser = Summariser(model=args.model, base_url=args.base_url)
    status = batch_api_status(
        args.inputs,
        summariser,
        Submitted(cache_path),
        fetcher=_fetcher(args, fetcher),
        cache=BriefingCache(cache_path),
    )
    out.write("\n".join(status.lines()) + "\n")
    return 0


def _fetcher(args: argparse.Namespace, fetcher: Any) -> Any:
    if fetcher is None and not args.offline:
        from ..sources.fetch import Fetcher

        return Fetcher()
    return fetcher


def _shown_on(err: TextIO) -> Any:
    """Each batch's state on `err` when it changes (polls can be minutes apart, or seconds)."""
    last: dict[str, str] = {}

    def seen(batches: list[Any]) -> None:
        for batch in batches:
            counts = batch.request_counts
            line = f"{batch.status}" + (f" {counts.completed}/{counts.total}" if counts else "")
            if last.get(batch.id) != line:
                err.write(f"summarise: batch {batch.id}: {line}\n")
                last[batch.id] = line
        err.flush()

    return seen
