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
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..config import Settings
    from ..providers.embedded.backend import LocalModel
    from ..providers.embedded.server import serve

    serve(args.host, args.port, LocalModel(Settings.resolve().local_model))
    return 0
