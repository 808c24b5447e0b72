"""The `summarise` command. Flags live here; the work is done by the library.

    summarise FILE | -          briefing of one article (text file, or stdin)
    summarise batch INPUT...    one JSONL record per article of files, directories, feeds, pages
    summarise schema [--write]  the briefing's JSON Schema
    summarise serve             the embedded model as an OpenAI-compatible server on loopback
    summarise eval DIR          briefings of gold articles, scored (who, where, when, allegations)

The batch and eval commands live in cli_batch.py. Errors are one line on stderr with a
distinct exit code (see EXIT_CODES); nothing heavy is imported before it is needed, so --help
and --version answer at once.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any, NoReturn, TextIO

from . import __version__

__all__ = [
    "EPILOG",
    "EXIT_CODES",
    "Parser",
    "endpoint_flags",
    "fetcher_for",
    "main",
    "network_flags",
]

EXIT_CODES = {
    "ok": 0,
    "unexpected": 1,
    "bad input": 2,
    "configuration": 3,
    "model or transport": 4,
    "invalid model output": 5,
    "interrupted": 130,
}
EPILOG = "exit codes: " + ", ".join(f"{code} {name}" for name, code in EXIT_CODES.items())


class Parser(argparse.ArgumentParser):
    """argparse with usage errors as one line and exit code 2, like every other bad input."""

    def error(self, message: str) -> NoReturn:
        from .errors import InputError

        raise InputError(f"{message} (see '{self.prog} --help')")


def endpoint_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--model",
        help="model name; 'embedded' forces the built-in local model (env SUMMARISER_MODEL)",
    )
    parser.add_argument(
        "--base-url", help="OpenAI-compatible endpoint (env SUMMARISER_BASE_URL, OPENAI_BASE_URL)"
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
    from .fetch import Fetcher, FetchPolicy

    policy = FetchPolicy(allow_private=args.allow_private, host_delay=args.host_delay)
    return Fetcher(policy, store=store)


def _summarise_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="summarise",
        description="Typed, grounded briefing of a news article: who, where, when, "
        "allegations, stakes. Other commands: 'summarise schema', 'summarise serve'.",
        epilog=EPILOG,
    )
    parser.add_argument(
        "file",
        metavar="INPUT",
        help="article text file, - for stdin, an HTML page or JSON article (file or URL)",
    )
    parser.add_argument("--published", metavar="YYYY-MM-DD", help="publication date")
    parser.add_argument("--title", help="headline, if not part of the text")
    parser.add_argument("--url", help="where the article came from (recorded in the result)")
    endpoint_flags(parser)
    parser.add_argument(
        "--mode",
        choices=["json_schema", "json", "tools", "md_json"],
        help="how structured output is requested (default json_schema)",
    )
    parser.add_argument("--lang", default=None, help="language to write the briefing in")
    parser.add_argument("--strict", action="store_true", help="drop items not found in the text")
    view = parser.add_mutually_exclusive_group()
    view.add_argument("--json", action="store_true", help="JSON on stdout")
    view.add_argument("--markdown", action="store_true", help="Markdown on stdout")
    parser.add_argument("-q", "--quiet", action="store_true", help="no status line on stderr")
    parser.add_argument("--version", action="version", version=f"summarise {__version__}")
    network_flags(parser)
    return parser


def _schema_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="summarise schema", description=__doc__)
    parser.add_argument("--write", metavar="PATH", help="write the schema to PATH instead")
    return parser


def _serve_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="summarise serve", description="Serve the embedded model over loopback HTTP."
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    return parser


def read_article(name: str, stdin: TextIO | None = None) -> str:
    """Text of FILE or stdin, or InputError with a reason a person can act on."""
    from .errors import InputError

    if name == "-":
        data = (stdin or sys.stdin).buffer.read()
        label = "standard input"
    else:
        path = Path(name)
        if not path.exists():
            raise InputError(f"no such file: {name}")
        if path.is_dir():
            raise InputError(f"{name} is a directory, not an article file")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read {name}: {exc.strerror}") from None
        label = name
    from .articles import decode_text

    try:
        return decode_text(data)
    except InputError as exc:
        raise InputError(f"{label}: {exc}") from None


def _is_rich_input(name: str) -> bool:
    suffix = Path(name).suffix.lower()
    return "://" in name or suffix in (".html", ".htm", ".json", ".jsonl", ".xml", ".rss", ".atom")


def _first_article(name: str, args: argparse.Namespace) -> Any:
    """The article of a URL, page or JSON file; a feed or list gives its first."""
    from .errors import InputError
    from .inputs import InputProblem, read_inputs

    for item in read_inputs([name], fetcher_for(args)):
        if isinstance(item, InputProblem):
            if item.fatal:
                raise InputError(str(item))
            continue
        return item
    raise InputError(f"{name}: no article found")


def _run_summarise(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .core import Summariser
    from .reading import check_text, parse_published

    published = parse_published(args.published)
    title, url = args.title, args.url
    if _is_rich_input(args.file):
        article = _first_article(args.file, args)
        text, title, url = article.text, title or article.title, url or article.url
        published = published or article.published
    else:
        text = read_article(args.file)
    text = check_text(text)
    summariser = Summariser(
        model=args.model,
        base_url=args.base_url,
        mode=args.mode,
        strict=args.strict,
        output_language=args.lang,
    )
    if not args.quiet and summariser.settings.embedded:
        err.write("summarise: no endpoint configured, using the embedded local model\n")
        err.flush()
    briefing = summariser.summarise(text, published=published, title=title, url=url)
    if args.json:
        out.write(briefing.model_dump_json(indent=2) + "\n")
    elif args.markdown or not out.isatty():
        from .render import to_markdown

        out.write(to_markdown(briefing))
    else:
        from .render import print_terminal

        print_terminal(briefing, out)
    meta = briefing.meta
    if meta and not args.quiet:
        grounded = sum(item.evidence.grounded for item in briefing.items())
        usage = meta.usage
        err.write(
            f"summarise: {meta.model} ({meta.provider}) answered in {meta.seconds:.1f} s, "
            f"{usage.prompt_tokens} prompt + {usage.completion_tokens} completion tokens, "
            f"{grounded}/{len(briefing.items())} items grounded\n"
        )
        for warning in meta.warnings:
            err.write(f"summarise: note: {warning}\n")
    return 0


def _run_schema(args: argparse.Namespace, out: TextIO) -> int:
    from .export import schema_json

    text = schema_json()
    if args.write:
        Path(args.write).write_text(text, encoding="utf-8")
    else:
        out.write(text)
    return 0


def _run_serve(args: argparse.Namespace) -> int:
    from .local.server import serve

    serve(args.host, args.port)
    return 0


def main(
    argv: list[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    from .errors import SummariserError

    argv = sys.argv[1:] if argv is None else argv
    # instructor logs failed calls at ERROR; the CLI reports them itself, in one line.
    logging.getLogger("instructor").addHandler(logging.NullHandler())
    stdout: TextIO = out or sys.stdout
    stderr: TextIO = err or sys.stderr
    try:
        if argv[:1] == ["schema"]:
            return _run_schema(_schema_parser().parse_args(argv[1:]), stdout)
        if argv[:1] == ["batch"]:
            from .cli_batch import batch_parser, run_batch

            return run_batch(batch_parser().parse_args(argv[1:]), stdout, stderr)
        if argv[:1] == ["eval"]:
            from .cli_batch import eval_parser, run_eval

            return run_eval(eval_parser().parse_args(argv[1:]), stdout, stderr)
        if argv[:1] == ["serve"]:
            return _run_serve(_serve_parser().parse_args(argv[1:]))
        return _run_summarise(_summarise_parser().parse_args(argv), stdout, stderr)
    except SummariserError as exc:
        stderr.write(f"summarise: error: {exc}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        stderr.write("summarise: interrupted\n")
        return EXIT_CODES["interrupted"]
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        return exc.code if isinstance(exc.code, int) else 0
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug of ours: still one line, never a traceback or a key
        from .settings import redact

        stderr.write(f"summarise: unexpected error: {redact(f'{type(exc).__name__}: {exc}')}\n")
        return EXIT_CODES["unexpected"]
