"""`summarise schema`: the briefing's JSON Schema, as shipped in schemas/briefing.schema.json."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

__all__ = ["add_parser", "run"]


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "schema",
        help="the briefing's JSON Schema",
        description="Print the briefing's JSON Schema (or write it to a file).",
    )
    parser.add_argument("--write", metavar="PATH", help="write the schema to PATH instead")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..briefing.json_schema import schema_json

    text = schema_json()
    if args.write:
        from .outputs import write_whole

        write_whole(args.write, text)
    else:
        out.write(text)
    return 0
