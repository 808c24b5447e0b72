"""`summarise batch --via batch-api`: the batch command's Batch API mode, and `--status`."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from .common import cache_path_of

if TYPE_CHECKING:
    from ..batch.context import BatchContext
    from ..batch.records import BatchRecord
    from ..client import Summariser

__all__ = ["show_status", "via_batch_api"]


def via_batch_api(
    args: argparse.Namespace,
    context: BatchContext,
    summariser: Summariser,
    keep: Callable[[BatchRecord], None],
    err: TextIO,
) -> None:
    """The batch's records through the Batch API; each batch's state on `err` as it is polled."""
    from ..batch.batch_api import Polling, run_batch_api
    from ..batch.batch_api.store import Submitted

    for record in run_batch_api(
        context,
        summariser,
        Submitted(cache_path_of(args)),  # --no-cache was refused before
        polling=Polling(first=args.poll),
        seen=None if args.quiet else _shown_on(err),
    ):
        keep(record)


def show_status(args: argparse.Namespace, context: BatchContext, out: TextIO) -> int:
    """--status: where the inputs' batches stand, one line each; nothing submitted or waited."""
    from ..batch.batch_api import batch_api_status
    from ..batch.batch_api.store import Submitted
    from ..client import Summariser

    summariser = Summariser(model=args.model, base_url=args.base_url, vet=args.vet)
    status = batch_api_status(context, summariser, Submitted(cache_path_of(args)))
    out.write("\n".join(status.lines()) + "\n")
    return 0


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
