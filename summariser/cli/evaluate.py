"""`summarise eval DIR`: evaluation articles summarised (or read from a batch's records) and
scored against their gold and their editor's keys."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from .batch import DEFAULT_CONCURRENCY, summariser_for
from .common import EPILOG, cache_path_of, endpoint_flags

__all__ = ["add_parser", "run"]


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "eval",
        help="summarise evaluation articles and score the briefings",
        description="Summarise evaluation articles (the shared/eval layout: articles/, and "
        "keys/ where editor's keys exist) and score the briefings: what an editor strikes and "
        "why, precision per field and recall of the key's core entries; who/where recall and "
        "support, when accuracy, allegations and grounding against the gold.",
        epilog=EPILOG,
    )
    parser.add_argument("folder", metavar="DIR", help="folder of article JSON files")
    parser.add_argument("--limit", type=int, metavar="N", help="only the first N articles")
    parser.add_argument(
        "--only",
        action="append",
        metavar="GLOB",
        help="only articles whose id matches (repeatable), e.g. --only 'polnear-*'",
    )
    parser.add_argument(
        "--keys", metavar="DIR", help="editor's keys, <article id>.json (default: DIR/keys)"
    )
    parser.add_argument(
        "--records",
        metavar="FILE",
        help="score the briefings of a batch's JSONL output instead of summarising (no model)",
    )
    parser.add_argument(
        "--show", action="store_true", help="list what an editor strikes, per article and why"
    )
    parser.add_argument("-o", "--out", metavar="FILE", help="write figures and scores as JSON")
    endpoint_flags(parser)
    parser.add_argument("--concurrency", type=int, metavar="N", help="as for batch")
    parser.add_argument(
        "--cache", metavar="PATH", help="briefing cache (default: the user cache dir)"
    )
    parser.add_argument("--no-cache", action="store_true", help="ask the model for every article")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import json
    from dataclasses import asdict

    from ..batch.briefing_cache import BriefingCache
    from ..evaluation.run import evaluate_folder
    from .outputs import check_output, write_whole

    if args.out:
        check_output(args.out)  # before the model runs
    records = Path(args.records) if args.records else None
    if records is None:
        summariser = summariser_for(args)
        source = summariser.model_identity
    else:
        summariser, source = None, f"records {records.name}"
    cache = None if args.no_cache or records else BriefingCache(cache_path_of(args))
    figures, scores = evaluate_folder(
        Path(args.folder),
        summariser,
        cache=cache,
        concurrency=args.concurrency or DEFAULT_CONCURRENCY,
        limit=args.limit,
        only=args.only,
        keys=Path(args.keys) if args.keys else None,
        records=records,
    )
    out.write(f"| {source} | {len(scores)} articles |\n| --- | --- |\n")
    for name, value in figures.items():
        out.write(f"| {name.replace('_', ' ')} | {'n/a' if value is None else value} |\n")
    if args.show:
        for score in scores:
            for reason, what in score.key.struck if score.key else []:
                out.write(f"{score.id}  {reason}: {' '.join(what.split())}\n")
    if args.out:
        report = {"source": source, "figures": figures, "articles": [asdict(s) for s in scores]}
        write_whole(args.out, json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    return 0
