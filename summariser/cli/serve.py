"""`summarise serve`: the embedded model as an OpenAI-compatible server on loopback."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

__all__ = ["add_parser", "run"]


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "serve",
        help="the embedded model over loopback HTTP, for other processes",
        description="Serve the embedded model over loopback HTTP (OpenAI-compatible).",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--parallel",
        type=int,
        metavar="N",
        help="requests decoded together when clients overlap (default 1: in turn)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..config import Settings
    from ..providers.embedded.backend import LocalModel
    from ..providers.embedded.server import serve

    settings = Settings.resolve(parallel=args.parallel)
    parallel = settings.parallel or 1  # --parallel, else SUMMARISER_PARALLEL, else in turn
    serve(args.host, args.port, LocalModel(settings.local_model, parallel=parallel))
    return 0
