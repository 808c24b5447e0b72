"""`summarise stories news.db|RECORDS.jsonl`: the articles that report one event, grouped."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from .common import EPILOG

__all__ = ["add_parser", "run"]


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "stories",
        help="group a store's (or a batch's) articles into stories across outlets",
        description="Group articles that report the same event, across feeds and days, and "
        "merge their briefings: outlets, actors, places, a timeline, allegations. Given a "
        "store, the stories are kept in it, and a later run only adds to them.",
        epilog=EPILOG,
    )
    parser.add_argument("source", metavar="SOURCE", help="a store (--db) or a batch's JSONL")
    parser.add_argument("-o", "--out", metavar="FILE", help="write here, not to stdout")
    parser.add_argument(
        "--format",
        choices=["json", "markdown", "html"],
        default="json",
        help='JSON ({"stories": [...]}, default), Markdown to read, or the HTML digest with '
        "its stories first (each article opening to its evidence)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import json
    import sqlite3

    from ..errors import InputError
    from ..stories import Store, group_stories, stories_json
    from .store import read_batch_records

    source = Path(args.source)
    if not source.is_file():
        raise InputError(f"no such store or records file: {source}")
    stored = _is_sqlite(source)
    try:
        with Store(source if stored else ":memory:") as store:
            if not stored:
                store.add_all((record, None) for record in read_batch_records(source))
            stories = group_stories(store)
            read = list(store.records()) if args.format == "html" else []
    except sqlite3.DatabaseError as exc:
        raise InputError(f"{source} is not a summariser store: {exc}") from None
    if args.format == "html":
        from ..batch.digest import to_digest_html

        records = [record for record, _ in read]
        texts = {record.id: text for record, text in read if text}
        text = to_digest_html(records, texts, stories)
    elif args.format == "markdown":
        from ..stories.markdown import stories_markdown

        text = stories_markdown(stories)
    else:
        text = json.dumps(stories_json(stories), ensure_ascii=False, indent=2) + "\n"
    if args.out:
        from .outputs import write_whole

        write_whole(args.out, text)
    else:
        out.write(text)
    return 0


def _is_sqlite(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(16) == b"SQLite format 3\x00"
