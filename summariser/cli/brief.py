"""`summarise [brief] INPUT`: the briefing of one article (the default command).

INPUT is a text file, - for stdin, or an HTML page, JSON article, feed or URL (its first
article). The briefing goes to stdout (styled on a terminal, Markdown in a pipe, or --json),
the status line to stderr.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from .. import __version__
from ..config import MODES
from .common import EPILOG, endpoint_flags, fetcher_for, network_flags

__all__ = ["add_parser", "read_article", "run"]

NAME = "brief"


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        NAME,
        help="briefing of one article (the default: 'summarise FILE' is 'summarise brief FILE')",
        description="Typed, grounded briefing of a news article: who, where, when, "
        "allegations, stakes.",
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
        "--mode", choices=MODES, help="how structured output is requested (default json_schema)"
    )
    parser.add_argument("--lang", default=None, help="language to write the briefing in")
    parser.add_argument("--strict", action="store_true", help="drop items not found in the text")
    view = parser.add_mutually_exclusive_group()
    view.add_argument("--json", action="store_true", help="JSON on stdout")
    view.add_argument("--markdown", action="store_true", help="Markdown on stdout")
    view.add_argument(
        "--html",
        action="store_true",
        help="one self-contained HTML page: the briefing beside the article, evidence marked",
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write the briefing to FILE instead of stdout"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no status line on stderr")
    parser.add_argument("--version", action="version", version=f"summarise {__version__}")
    network_flags(parser)
    parser.set_defaults(run=run)


def read_article(name: str, stdin: TextIO | None = None) -> str:
    """Text of FILE or stdin, or InputError with a reason a person can act on."""
    from ..errors import InputError
    from ..sources.articles import decode_text
    from ..sources.local import read_file, read_stream

    label = "standard input" if name == "-" else name
    if name != "-" and not Path(name).exists():
        raise InputError(f"no such file: {name}")
    try:
        if name == "-":
            return decode_text(read_stream((stdin or sys.stdin).buffer))
        return decode_text(read_file(Path(name)))
    except InputError as exc:
        raise InputError(f"{label}: {exc}") from None


def _is_rich_input(name: str) -> bool:
    suffix = Path(name).suffix.lower()
    return "://" in name or suffix in (".html", ".htm", ".json", ".jsonl", ".xml", ".rss", ".atom")


def _first_article(name: str, args: argparse.Namespace) -> Any:
    """The article of a URL, page or JSON file; a feed or list gives its first."""
    from ..errors import InputError
    from ..sources.inputs import InputProblem, read_inputs

    for item in read_inputs([name], fetcher_for(args)):
        if isinstance(item, InputProblem):
            if item.fatal:
                raise InputError(str(item))
            continue
        return item
    raise InputError(f"{name}: no article found")


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..briefing.published import parse_published
    from ..client import Summariser
    from ..prompting.article import check_text
    from .outputs import check_output

    published = parse_published(args.published)
    title, url = args.title, args.url
    if _is_rich_input(args.file):
        article = _first_article(args.file, args)
        text, title, url = article.text, title or article.title, url or article.url
        published = published or article.published
    else:
        text = read_article(args.file)
    text = check_text(text)
    if args.output:
        check_output(args.output)  # before the model: a path that cannot be written wastes it
    summariser = Summariser(
        model=args.model,
        base_url=args.base_url,
        vet=args.vet,
        mode=args.mode,
        strict=args.strict,
        output_language=args.lang,
    )
    if not args.quiet and summariser.settings.embedded:
        err.write("summarise: no endpoint configured, using the embedded local model\n")
        err.flush()
    briefing = summariser.summarise(text, published=published, title=title, url=url)
    if args.html:
        from ..briefing.page import to_html

        _write(to_html(briefing, text), args.output, out)
    elif args.json:
        _write(briefing.model_dump_json(indent=2) + "\n", args.output, out)
    elif args.markdown or args.output or not out.isatty():
        from ..briefing.render import to_markdown

        _write(to_markdown(briefing), args.output, out)
    else:
        from ..briefing.render import print_terminal

        print_terminal(briefing, out)
    if briefing.meta and not args.quiet:
        err.write(_status_line(briefing))
        for warning in briefing.meta.warnings:
            err.write(f"summarise: note: {warning}\n")
    return 0


def _status_line(briefing: Any) -> str:
    """What the call cost and how much of it is grounded: the line stderr gets."""
    meta, usage = briefing.meta, briefing.meta.usage
    grounded = sum(item.evidence.grounded for item in briefing.items())
    parts = []
    if meta.prefill_seconds is not None and meta.decode_seconds is not None:
        parts.append(
            f"draft: prefill {meta.prefill_seconds:.1f} s, decode {meta.decode_seconds:.1f} s"
        )
    if meta.questions:
        parts.append(f"{meta.questions} questions about its allegations")
    split = f" ({'; '.join(parts)})" if parts else ""
    cached = f" ({usage.cached_prompt_tokens} cached)" if usage.cached_prompt_tokens else ""
    return (
        f"summarise: {meta.model} ({meta.provider}) answered in {meta.seconds:.1f} s{split}, "
        f"{usage.prompt_tokens} prompt{cached} + {usage.completion_tokens} completion tokens, "
        f"{grounded}/{len(briefing.items())} items grounded\n"
    )


def _write(rendered: str, path: str | None, out: TextIO) -> None:
    """To FILE, whole or not at all, when one is named; else to `out`."""
    if path is None:
        out.write(rendered)
        return
    from .outputs import write_whole

    write_whole(path, rendered)
