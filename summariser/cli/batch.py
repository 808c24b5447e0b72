"""`summarise batch INPUT...`: many articles in, one record (briefing or error) per article out.

Flags and wiring only; the work is batch/ (the run, output, digest, progress, pricing).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .common import EPILOG, cache_path_of, endpoint_flags, fetcher_for, network_flags

if TYPE_CHECKING:
    from ..batch.context import BatchContext
    from ..batch.records import BatchRecord

__all__ = ["add_parser", "run", "summariser_for"]

AUTO_WORKERS_FROM = 16  # --concurrency from which a batch reads and grounds in worker processes
DEFAULT_CONCURRENCY = 8  # requests in flight to an endpoint


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "batch",
        help="one record per article of files, directories, feeds, pages, URLs",
        description="Summarise every article of the inputs: text, HTML and JSON/JSONL article "
        "files, RSS/Atom feeds, and directories of them. One JSONL record per article, a "
        "briefing or an error.",
        epilog=EPILOG,
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="file or directory")
    _output_flags(parser)
    _running_flags(parser)
    endpoint_flags(parser)
    parser.add_argument(
        "--price",
        metavar="IN,OUT",
        help="USD per million prompt and completion tokens, for the cost estimate "
        "(known for the embedded model and OpenAI's list prices)",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar, listing or summary line"
    )
    network_flags(parser)
    parser.set_defaults(run=run)


def _output_flags(parser: argparse.ArgumentParser) -> None:
    """What the batch writes, and where."""
    parser.add_argument(
        "--extract-only",
        action="store_true",
        help="no model: list the articles on stderr and write them as JSONL",
    )
    parser.add_argument(
        "-o",
        "--out",
        metavar="FILE",
        help="write JSONL here, not to stdout; an existing FILE is resumed (its articles skipped)",
    )
    parser.add_argument(
        "--format",
        choices=["jsonl", "markdown", "html"],
        default="jsonl",
        help="stdout as JSONL records (default), or a digest grouped by feed: Markdown, or "
        "one HTML page with search and each article's evidence marked; with -o the JSONL "
        "still goes to FILE and the digest covers all of it",
    )
    parser.add_argument("--restart", action="store_true", help="overwrite FILE instead of resuming")
    parser.add_argument(
        "--db",
        metavar="FILE",
        help="also keep every article and briefing in this SQLite store (Datasette opens it; "
        "summarise stories reads it); a repeated batch adds nothing twice",
    )
    parser.add_argument(
        "--cache", metavar="PATH", help="briefing cache (default: the user cache dir)"
    )
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")


def _running_flags(parser: argparse.ArgumentParser) -> None:
    """How the model is asked: how much at once, how fast, online, by Batch API or on Ray."""
    parser.add_argument(
        "--concurrency",
        type=int,
        metavar="N",
        help="articles in flight at once (default 8; the embedded model runs one at a time "
        "unless given N, then decodes N together)",
    )
    parser.add_argument("--rpm", type=float, metavar="N", help="at most N model requests a minute")
    parser.add_argument(
        "--via",
        choices=["online", "batch-api", "ray"],
        default="online",
        help="ask online (default); through the endpoint's Batch API: the same requests "
        "as files, half the price, answered within 24 h, a killed run attaching to its "
        "batches; or on Ray Data, an actor pool spread over a cluster",
    )
    parser.add_argument(
        "--ray-address",
        metavar="ADDRESS",
        help="with --via ray: the cluster to join from one of its nodes (auto, or head:6379); "
        "default: a local Ray. Ray Client (ray://) cannot run Ray Data",
    )
    parser.add_argument(
        "--actors",
        type=int,
        default=2,
        metavar="N",
        help="with --via ray: actors, each one Summariser with --concurrency in flight (default 2)",
    )
    parser.add_argument(
        "--status",
        action="store_true",
        help="with --via batch-api: where the inputs' batches stand, without waiting",
    )
    parser.add_argument(
        "--poll",
        type=float,
        default=5.0,
        metavar="SECONDS",
        help="with --via batch-api: the first wait between status checks (default 5; it "
        "grows 1.5 times a round, to 5 minutes)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="processes that read and ground articles (default: up to 4 when --concurrency "
        "is 16 or more, else 1, which keeps it all in one process)",
    )


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import contextlib
    import time

    from ..batch.output import check_ours, resume_point
    from .outputs import check_output

    _refuse_conflicts(args)
    if args.status:
        from .batch_api import show_status

        return show_status(args, _context(args, cache_path_of(args)), out)
    started = time.perf_counter()
    output = check_output(args.out) if args.out else None
    out_path = output.path if output and not output.stream else None  # a file, read back
    if out_path:
        check_ours(out_path)
    resuming = out_path is not None and not args.restart and not args.extract_only
    skip = resume_point(out_path) if resuming and out_path else frozenset()
    context = _context(args, None if args.no_cache else cache_path_of(args), skip)
    digest = args.format in ("markdown", "html")
    collected: list[Any] = []
    cost = None
    with contextlib.ExitStack() as stack:
        target: TextIO | None = None if digest else out
        if output:
            descriptor = output.open_records(append=resuming)
            target = stack.enter_context(open(descriptor, "a", encoding="utf-8"))
        if args.extract_only:
            _extract(context, target, None if args.quiet else err)
        else:
            cost = _summarise(args, context, target, collected if digest else None, err, stack)
    if digest:
        _digest(args.format, out, out_path, collected, context.texts)
    if not args.quiet:
        _report(context, time.perf_counter() - started, cost, err)
    return 0


def _refuse_conflicts(args: argparse.Namespace) -> None:
    from ..errors import InputError

    via_api = args.via == "batch-api"
    if args.status and not via_api:
        raise InputError("--status shows where Batch API batches stand: add --via batch-api")
    if via_api and (args.extract_only or args.no_cache):
        raise InputError(
            "--via batch-api keeps its batches in the batch cache: it cannot go with "
            "--extract-only or --no-cache"
        )
    if args.format in ("markdown", "html") and args.extract_only:
        raise InputError(
            f"--format {args.format} digests briefings; it cannot go with --extract-only"
        )


def _context(
    args: argparse.Namespace, cache_path: Path | None, skip: Any = frozenset()
) -> BatchContext:
    """The batch's context from its flags: the briefing cache only where the model is asked."""
    from ..batch.briefing_cache import BriefingCache
    from ..batch.context import BatchContext
    from ..batch.flow import Pace
    from ..sources.response_cache import ResponseCache

    return BatchContext(
        inputs=args.inputs,
        fetcher=fetcher_for(args, ResponseCache(cache_path) if cache_path else None),
        cache=BriefingCache(cache_path) if cache_path and not args.extract_only else None,
        pace=Pace(args.rpm),
        skip=skip,
        texts={} if args.format == "html" or args.db else None,  # --db keeps them too
    )


def _extract(context: BatchContext, target: TextIO | None, listing: TextIO | None) -> None:
    """--extract-only: the articles themselves as JSONL, each listed on `listing`."""
    from ..batch.output import listing_line, write_line
    from ..batch.run import extract_records

    for line in extract_records(context):
        if target is not None:
            write_line(line, target)
        if listing is not None:
            listing.write(listing_line(line) + "\n")


Keep = Callable[["BatchRecord"], None]


def _summarise(
    args: argparse.Namespace,
    context: BatchContext,
    target: TextIO | None,
    collected: list[BatchRecord] | None,
    err: TextIO,
    stack: Any,
) -> float | None:
    """Every record through --via's mode, each written and shown as it comes; the cost."""
    from ..batch.output import write_line
    from ..batch.pricing import estimate_cost
    from ..batch.progress import BatchProgress

    summariser = summariser_for(args)
    bar = not args.quiet and err.isatty()
    progress = stack.enter_context(BatchProgress(err, context.totals, enabled=bar))
    store = stack.enter_context(_store(args.db)) if args.db else None
    texts = context.texts if context.texts is not None else {}
    html = args.format == "html"

    def keep(record: BatchRecord) -> None:
        if target is not None:
            write_line(record.to_json(), target)
        if collected is not None:
            collected.append(record)
        if store is not None:  # the text is the store's now, unless the digest shows it
            store.add(record, texts.get(record.id) if html else texts.pop(record.id, None))
        progress.update()

    _modes()[args.via](args, context, summariser, keep, err)
    totals = context.totals
    return estimate_cost(_price(args, summariser), totals.prompt_tokens, totals.completion_tokens)


def _store(path: str) -> Any:
    from ..stories import Store

    return Store(path)


def _modes() -> dict[str, Callable[..., None]]:
    """--via's choices: each asks the model its own way over the same context."""
    from .batch_api import via_batch_api

    return {"online": _online, "batch-api": via_batch_api, "ray": _on_ray}


def _online(
    args: argparse.Namespace, context: BatchContext, summariser: Any, keep: Keep, err: TextIO
) -> None:
    import asyncio

    from ..batch.run import abatch

    async def drain() -> None:
        concurrency = args.concurrency or DEFAULT_CONCURRENCY
        records = abatch(context, summariser, concurrency=concurrency, workers=_workers(args))
        try:
            async for record in records:
                keep(record)
        finally:
            await summariser.aclose()

    asyncio.run(drain())


def _on_ray(
    args: argparse.Namespace, context: BatchContext, summariser: Any, keep: Keep, err: TextIO
) -> None:
    from ..batch.on_ray import records_on_ray

    del summariser  # each actor makes its own
    for record in records_on_ray(
        context,
        model=args.model,
        base_url=args.base_url,
        vet=args.vet,
        address=args.ray_address,
        actors=max(1, args.actors),
        concurrency=args.concurrency or DEFAULT_CONCURRENCY,
    ):
        keep(record)


def _price(args: argparse.Namespace, summariser: Any) -> tuple[float, float] | None:
    """USD per million prompt and completion tokens: --price, else the list price known for
    the model; the Batch API's is half."""
    from ..batch.pricing import known_price, parse_price

    settings = summariser.settings
    price = parse_price(args.price) if args.price else None
    price = price or known_price(settings.model, settings.base_url, settings.embedded)
    if price and args.via == "batch-api":
        return price[0] / 2, price[1] / 2
    return price


def _digest(
    form: str, out: TextIO, out_path: Path | None, collected: list[Any], texts: Any
) -> None:
    """The Markdown or HTML digest on `out`; with a file, of all of it, earlier runs too."""
    from ..batch.digest import to_digest, to_digest_html
    from ..batch.output import read_records
    from ..batch.records import BatchRecord

    if out_path:
        collected = [BatchRecord.from_json(line) for line in read_records(out_path)]
    if form == "html":
        out.write(to_digest_html(collected, texts, _stories(collected, texts)))
    else:
        out.write(to_digest(collected))


def _stories(records: list[Any], texts: dict[str, str] | None) -> list[dict[str, Any]]:
    """The stories of `records`, for the digest's view by story (grouped in memory: a store
    given with --db keeps its own)."""
    from ..stories import Store, group_stories

    with Store(":memory:") as store:
        store.add_all((record, (texts or {}).get(record.id)) for record in records)
        return group_stories(store)


def _report(context: BatchContext, seconds: float, cost: float | None, err: TextIO) -> None:
    from ..batch.progress import summary_line

    for warning in context.totals.warnings:
        err.write(f"summarise: warning: {warning}\n")
    fetcher = context.fetcher
    not_modified = fetcher.not_modified if fetcher is not None else 0
    err.write(summary_line(context.totals, seconds, cost, not_modified) + "\n")


def _workers(args: argparse.Namespace) -> int:
    """--workers, else the default: one process per core (at most 4) once the concurrency is
    high enough for one interpreter's CPU to hold a fast endpoint back."""
    if args.workers is not None:
        return max(1, args.workers)
    concurrency = args.concurrency or DEFAULT_CONCURRENCY
    return min(4, os.cpu_count() or 1) if concurrency >= AUTO_WORKERS_FROM else 1


def summariser_for(args: argparse.Namespace) -> Any:
    """The batch's Summariser. The embedded model decodes --concurrency articles together
    (else SUMMARISER_PARALLEL's number), and by default one at a time: on two cores decoding
    together does not pay (BENCHMARKS.md, issue 25)."""
    from ..client import Summariser

    return Summariser(
        model=args.model, base_url=args.base_url, vet=args.vet, parallel=args.concurrency
    )
