"""The `summarise` command. Flags live here; the work is done by the library.

    summarise FILE | -          briefing of one article (text file, or stdin)
    summarise batch INPUT...    one JSONL record per article of files, directories, feeds, pages
    summarise schema [--write]  the briefing's JSON Schema
    summarise serve             the embedded model as an OpenAI-compatible server on loopback
    summarise eval DIR          briefings of gold articles, scored (who, where, when, allegations)

Errors are one line on stderr with a distinct exit code (see EXIT_CODES); nothing heavy is
imported before it is needed, so --help and --version answer at once.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any, NoReturn, TextIO

from . import __version__

__all__ = ["EXIT_CODES", "main"]

EXIT_CODES = {
    "ok": 0,
    "unexpected": 1,
    "bad input": 2,
    "configuration": 3,
    "model or transport": 4,
    "invalid model output": 5,
    "interrupted": 130,
}
_EPILOG = "exit codes: " + ", ".join(f"{code} {name}" for name, code in EXIT_CODES.items())


class _Parser(argparse.ArgumentParser):
    """argparse with usage errors as one line and exit code 2, like every other bad input."""

    def error(self, message: str) -> NoReturn:
        from .errors import InputError

        raise InputError(f"{message} (see '{self.prog} --help')")


def _network_flags(parser: argparse.ArgumentParser) -> None:
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


def _fetcher(args: argparse.Namespace, store: Any = None) -> Any:
    if args.offline:
        return None
    from .fetch import Fetcher, FetchPolicy

    policy = FetchPolicy(allow_private=args.allow_private, host_delay=args.host_delay)
    return Fetcher(policy, store=store)


def _summarise_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="summarise",
        description="Typed, grounded briefing of a news article: who, where, when, "
        "allegations, stakes. Other commands: 'summarise schema', 'summarise serve'.",
        epilog=_EPILOG,
    )
    parser.add_argument(
        "file",
        metavar="INPUT",
        help="article text file, - for stdin, an HTML page or JSON article (file or URL)",
    )
    parser.add_argument("--published", metavar="YYYY-MM-DD", help="publication date")
    parser.add_argument("--title", help="headline, if not part of the text")
    parser.add_argument("--url", help="where the article came from (recorded in the result)")
    parser.add_argument(
        "--model",
        help="model name; 'embedded' forces the built-in local model (env SUMMARISER_MODEL)",
    )
    parser.add_argument(
        "--base-url", help="OpenAI-compatible endpoint (env SUMMARISER_BASE_URL, OPENAI_BASE_URL)"
    )
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
    _network_flags(parser)
    return parser


def _schema_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="summarise schema", description=__doc__)
    parser.add_argument("--write", metavar="PATH", help="write the schema to PATH instead")
    return parser


def _batch_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="summarise batch",
        description="Summarise every article of the inputs: text, HTML and JSON/JSONL article "
        "files, RSS/Atom feeds, and directories of them. One JSONL record per article, a "
        "briefing or an error.",
        epilog=_EPILOG,
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="file or directory")
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
        choices=["jsonl", "markdown"],
        default="jsonl",
        help="stdout as JSONL records (default) or a Markdown digest grouped by feed; "
        "with -o the JSONL still goes to FILE and the digest covers all of it",
    )
    parser.add_argument("--restart", action="store_true", help="overwrite FILE instead of resuming")
    parser.add_argument(
        "--cache", metavar="PATH", help="briefing cache (default: the user cache dir)"
    )
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    parser.add_argument(
        "--concurrency",
        type=int,
        default=8,
        metavar="N",
        help="articles in flight at once (default 8; the embedded model always runs 1)",
    )
    parser.add_argument("--rpm", type=float, metavar="N", help="at most N model requests a minute")
    parser.add_argument("--model", help="as for summarise")
    parser.add_argument("--base-url", help="as for summarise")
    parser.add_argument(
        "--price",
        metavar="IN,OUT",
        help="USD per million prompt and completion tokens, for the cost estimate "
        "(known for the embedded model and OpenAI's list prices)",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar, listing or summary line"
    )
    _network_flags(parser)
    return parser


def _eval_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="summarise eval",
        description="Summarise gold articles (the shared/eval/articles layout) and score the "
        "briefings: who/where recall and support, when accuracy, allegations, grounding.",
        epilog=_EPILOG,
    )
    parser.add_argument("folder", metavar="DIR", help="folder of gold article JSON files")
    parser.add_argument("--limit", type=int, metavar="N", help="only the first N articles")
    parser.add_argument("-o", "--out", metavar="FILE", help="write figures and scores as JSON")
    parser.add_argument("--model", help="as for summarise")
    parser.add_argument("--base-url", help="as for summarise")
    parser.add_argument("--concurrency", type=int, default=8, metavar="N", help="as for batch")
    parser.add_argument(
        "--cache", metavar="PATH", help="briefing cache (default: the user cache dir)"
    )
    parser.add_argument("--no-cache", action="store_true", help="ask the model for every article")
    return parser


def _serve_parser() -> argparse.ArgumentParser:
    parser = _Parser(
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

    for item in read_inputs([name], _fetcher(args)):
        if isinstance(item, InputProblem):
            if item.fatal:
                raise InputError(str(item))
            continue
        return item
    raise InputError(f"{name}: no article found")


def _run_summarise(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .core import Summariser, check_text, parse_published

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


def _run_batch(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import asyncio
    import contextlib
    import time

    from .batch import BatchTotals, abatch, extract_records
    from .cache import BriefingCache, ResponseCache
    from .errors import InputError
    from .output import listing_line, read_records, resume_point, write_line
    from .progress import BatchProgress, summary_line

    digest = args.format == "markdown"
    if digest and args.extract_only:
        raise InputError("--format markdown digests briefings; it cannot go with --extract-only")
    started = time.perf_counter()
    totals = BatchTotals()
    out_path = Path(args.out) if args.out else None
    resuming = out_path is not None and not args.restart and not args.extract_only
    cache_path = None if args.no_cache else _cache_path(args)
    responses = ResponseCache(cache_path) if cache_path else None
    fetcher = _fetcher(args, responses)
    skip = resume_point(out_path) if resuming and out_path else frozenset()
    collected: list[Any] = []
    cost = None
    with contextlib.ExitStack() as stack:
        target: TextIO | None = None if digest else out
        if out_path:
            target = stack.enter_context(out_path.open("a" if resuming else "w", encoding="utf-8"))
        if args.extract_only:
            listing = None if args.quiet else err
            for line in extract_records(args.inputs, totals, fetcher):
                if target is not None:
                    write_line(line, target)
                if listing is not None:
                    listing.write(listing_line(line) + "\n")
        else:
            from .core import Summariser
            from .pricing import estimate_cost, known_price, parse_price

            summariser = Summariser(model=args.model, base_url=args.base_url)
            settings = summariser.settings
            price = parse_price(args.price) if args.price else None
            price = price or known_price(settings.model, settings.base_url, settings.embedded)
            cache = BriefingCache(cache_path) if cache_path else None
            bar = not args.quiet and err.isatty()
            progress = stack.enter_context(BatchProgress(err, totals, enabled=bar))
            records = abatch(
                args.inputs,
                summariser,
                fetcher=fetcher,
                offline=args.offline,
                cache=cache,
                skip=skip,
                concurrency=args.concurrency,
                rpm=args.rpm,
                totals=totals,
            )

            async def drain() -> None:
                try:
                    async for record in records:
                        if target is not None:
                            write_line(record.to_json(), target)
                        if digest:
                            collected.append(record)
                        progress.update()
                finally:
                    await summariser.aclose()

            asyncio.run(drain())
            cost = estimate_cost(price, totals.prompt_tokens, totals.completion_tokens)
    if digest:
        from .digest import to_digest
        from .records import BatchRecord

        if out_path:  # the digest covers the whole file, earlier runs included
            collected = [BatchRecord.from_json(line) for line in read_records(out_path)]
        out.write(to_digest(collected))
    if not args.quiet:
        for warning in totals.warnings:
            err.write(f"summarise: warning: {warning}\n")
        seconds = time.perf_counter() - started
        not_modified = fetcher.not_modified if fetcher is not None else 0
        err.write(summary_line(totals, seconds, cost, not_modified) + "\n")
    return 0


def _cache_path(args: argparse.Namespace) -> Path:
    if args.cache:
        return Path(args.cache)
    from .local.weights import cache_dir

    return cache_dir() / "batch.sqlite3"


def _run_eval(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import json
    from dataclasses import asdict

    from .cache import BriefingCache
    from .core import Summariser
    from .evaluate import evaluate_folder

    summariser = Summariser(model=args.model, base_url=args.base_url)
    cache = None if args.no_cache else BriefingCache(_cache_path(args))
    figures, scores = evaluate_folder(
        Path(args.folder), summariser, cache=cache, concurrency=args.concurrency, limit=args.limit
    )
    model = summariser.model_identity
    out.write(f"| {model} | {len(scores)} gold articles |\n| --- | --- |\n")
    for name, value in figures.items():
        out.write(f"| {name.replace('_', ' ')} | {'n/a' if value is None else value} |\n")
    if args.out:
        report = {"model": model, "figures": figures, "articles": [asdict(s) for s in scores]}
        Path(args.out).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
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
            return _run_batch(_batch_parser().parse_args(argv[1:]), stdout, stderr)
        if argv[:1] == ["eval"]:
            return _run_eval(_eval_parser().parse_args(argv[1:]), stdout, stderr)
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
