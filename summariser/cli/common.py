"""What every subcommand shares: the one-line-error parser, flag groups, and exit codes.

`EXIT_CODES` is the one mapping of outcomes (and of our errors) to exit codes; the parser's
epilog prints it, and `exit_code` reads an error through it.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, NoReturn

from ..config import VET
from ..errors import ConfigError, InputError, InvalidOutputError, ModelError

__all__ = [
    "EPILOG",
    "EXIT_CODES",
    "Parser",
    "cache_path_of",
    "endpoint_flags",
    "exit_code",
    "fetcher_for",
    "network_flags",
]

# (outcome, exit code, the error that means it)
_OUTCOMES: tuple[tuple[str, int, type[Exception] | None], ...] = (
    ("ok", 0, None),
    ("unexpected", 1, None),
    ("bad input", 2, InputError),
    ("configuration", 3, ConfigError),
    ("model or transport", 4, ModelError),
    ("invalid model output", 5, InvalidOutputError),
    ("interrupted", 130, None),
)
EXIT_CODES = {name: code for name, code, _ in _OUTCOMES}
EPILOG = "exit codes: " + ", ".join(f"{code} {name}" for name, code in EXIT_CODES.items())


def exit_code(error: BaseException) -> int:
    """The exit code for an error of ours (SummariserError's subclasses); 1 for any other."""
    for _, code, kind in _OUTCOMES:
        if kind is not None and isinstance(error, kind):
            return code
    return EXIT_CODES["unexpected"]


class Parser(argparse.ArgumentParser):
    """argparse with usage errors as one line and exit code 2, like every other bad input."""

    def error(self, message: str) -> NoReturn:
        raise InputError(f"{message} (see '{self.prog} --help')")


def endpoint_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--model",
        help="model name; 'embedded' forces the built-in local model (env SUMMARISER_MODEL)",
    )
    parser.add_argument(
        "--base-url", help="OpenAI-compatible endpoint (env SUMMARISER_BASE_URL, OPENAI_BASE_URL)"
    )
    parser.add_argument(
        "--vet",
        type=str.lower,
        choices=VET,
        help="ask the model a yes-or-no question about each allegation and drop those it "
        "doubts; auto: on the embedded model answering one article at a time (env "
        "SUMMARISER_VET)",
    )


def network_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--offline", action="store_true", help="fetch nothing from the network")
    parser.add_argument(
        "--allow-private",
        action="store_true",
        help="allow fetching from loopback and private addresses (refused by default)",
    )
    parser.add_argument(
        "--host-delay",
        type=float,
        default=1.0,
        metavar="SECONDS",
        help="least time between two requests to one host (default 1)",
    )


def fetcher_for(args: argparse.Namespace, store: Any = None) -> Any:
    if args.offline:
        return None
    from ..sources.fetch import Fetcher, FetchPolicy

    policy = FetchPolicy(allow_private=args.allow_private, host_delay=args.host_delay)
    return Fetcher(policy, store=store)


def cache_path_of(args: argparse.Namespace) -> Path:
    """--cache, else the default briefing cache in the user cache dir."""
    if args.cache:
        return Path(args.cache)
    from ..config import batch_cache_path

    return batch_cache_path()
