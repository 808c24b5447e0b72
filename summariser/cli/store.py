"""`summarise store RECORDS.jsonl... --db news.db`: records a batch wrote, into the store."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from .common import EPILOG

__all__ = ["add_parser", "read_batch_records", "run"]


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "store",
        help="keep a batch's records in a SQLite store that Datasette opens",
        description="Write the records of batch JSONL files into one SQLite file: articles, "
        "briefings, actors, places, times, allegations, stakes, with full-text search. "
        "Writing again adds nothing twice.",
        epilog=EPILOG,
    )
    parser.add_argument("records", nargs="+", metavar="RECORDS", help="a batch's JSONL file")
    parser.add_argument("--db", required=True, metavar="FILE", help="the SQLite store")
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..stories import Store

    records = [record for name in args.records for record in read_batch_records(Path(name))]
    with Store(args.db) as store:
        added = store.add_all((record, None) for record in records)
        total = store.counts()["articles"]
    if not args.quiet:
        err.write(f"summarise: {added} of {len(records)} records new; {total} articles in "
                  f"{args.db}\n")  # fmt: skip
    return 0


def read_batch_records(path: Path) -> list[Any]:
    """The batch records of a JSONL file (lines of --extract-only, or damaged, are passed
    over); InputError for a file that is not there or holds none."""
    from pydantic import ValidationError

    from ..batch.output import read_records
    from ..batch.records import BatchRecord
    from ..errors import InputError

    if not path.is_file():
        raise InputError(f"no such records file: {path}")
    records = []
    for line in read_records(path):
        try:
            records.append(BatchRecord.from_json(line))
        except ValidationError:
            continue
    if not records:
        raise InputError(f"{path} holds no batch records (summarise batch -o FILE writes them)")
    return records
