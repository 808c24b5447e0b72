"""`summarise eval DIR`: gold articles summarised (through the batch) and scored."""

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
        help="summarise gold articles and score the briefings",
        description="Summarise gold articles (the shared/eval/articles layout) and score the "
        "briefings: who/where recall and support, when accuracy, allegations, grounding.",
        epilog=EPILOG,
    )
    parser.add_argument("folder", metavar="DIR", help="folder of gold article JSON files")
    parser.add_argument("--limit", type=int, metavar="N", help="only the first N articles")
    parser.add_argument(
        "--only",
        action="append",
        metavar="GLOB",
        help="only articles whose id matches (repeatable), e.g. --only 'polnear-*'",
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
    summariser = summariser_for(args)
    cache = None if args.no_cache else BriefingCache(cache_path_of(args))
    figures, scores = evaluate_folder(
        Path(args.folder),
        summariser,
        cache=cache,
        concurrency=args.concurrency or DEFAULT_CONCURRENCY,
        limit=args.limit,
        only=args.only,
    )
    model = summariser.model_identity
    out.write(f"| {model} | {len(scores)} gold articles |\n| --- | --- |\n")
    for name, value in figures.items():
        out.write(f"| {name.replace('_', ' ')} | {'n/a' if value is None else value} |\n")
    if args.out:
        report = {"model": model, "figures": figures, "articles": [asdict(s) for s in scores]}
        write_whole(args.out, json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    return 0
