"""The `summarise` command line: one module per subcommand, each adding its own parser.

app.py       the parser and `main` (the console script), errors to exit codes
common.py    shared flags, the one-line-error parser, EXIT_CODES
outputs.py   where -o writes: checked before any work, never clobbering, whole or not at all
brief.py     summarise [brief] INPUT     one article (the default command)
batch.py     summarise batch INPUT...    one record per article of files, feeds, pages
evaluate.py  summarise eval DIR          gold articles summarised and scored
schema.py    summarise schema            the briefing's JSON Schema
serve.py     summarise serve             the embedded model over loopback HTTP
"""

from __future__ import annotations

from .app import main

__all__ = ["main"]
