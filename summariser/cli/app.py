"""The `summarise` command: one parser whose subcommands dispatch themselves.

A first argument that names no command is an article (`summarise FILE` is `summarise brief
FILE`; `summarise ./batch` reads a file named batch). Errors are one line on stderr with the
exit code of common.EXIT_CODES; nothing heavy is imported before it is needed, so --help and
--version answer at once.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from typing import TextIO

from .. import __version__
from . import batch, brief, evaluate, schema, serve, store, stories
from .common import EPILOG, EXIT_CODES, Parser, exit_code

__all__ = ["build_parser", "main"]

COMMANDS = {
    "brief": brief,
    "batch": batch,
    "eval": evaluate,
    "store": store,
    "stories": stories,
    "schema": schema,
    "serve": serve,
}
_TOP_LEVEL = ("-h", "--help", "--version")


def build_parser() -> Parser:
    parser = Parser(
        prog="summarise",
        usage="summarise [brief] INPUT [options]\n"
        "       summarise {batch,eval,store,stories,schema,serve} ...",
        description="Typed, grounded briefings of news articles: who, where, when, "
        "allegations, stakes. 'summarise COMMAND --help' gives a command's options.",
        epilog=EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"summarise {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", prog="summarise")
    for command in COMMANDS.values():
        command.add_parser(commands)
    return parser


def main(
    argv: list[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    from ..errors import SummariserError

    argv = sys.argv[1:] if argv is None else argv
    if not argv or (argv[0] not in COMMANDS and argv[0] not in _TOP_LEVEL):
        argv = [brief.NAME, *argv]
    # instructor logs failed calls at ERROR; the CLI reports them itself, in one line.
    logging.getLogger("instructor").addHandler(logging.NullHandler())
    stdout: TextIO = out or sys.stdout
    stderr: TextIO = err or sys.stderr
    try:
        with contextlib.redirect_stdout(stdout):  # --help and --version go where output goes
            args = build_parser().parse_args(argv)
        return args.run(args, stdout, stderr)
    except SummariserError as exc:
        from ..redaction import redact

        stderr.write(f"summarise: error: {redact(str(exc))}\n")
        return exit_code(exc)
    except KeyboardInterrupt:
        stderr.write("summarise: interrupted\n")
        return EXIT_CODES["interrupted"]
    except SystemExit as exc:  # argparse: --help, --version
        return exc.code if isinstance(exc.code, int) else 0
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug of ours: still one line, never a traceback or a key
        from ..redaction import redact

        stderr.write(f"summarise: unexpected error: {redact(f'{type(exc).__name__}: {exc}')}\n")
        return EXIT_CODES["unexpected"]
