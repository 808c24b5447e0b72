"""summariser: typed, grounded briefings of news articles.

    >>> from summariser import summarise
    >>> briefing = summarise(text, published="2023-09-11")
    >>> [actor.name for actor in briefing.who]

Many articles: `abatch(inputs)` yields one `BatchRecord` per article as each finishes;
`summarise_articles(articles)` is the same as a pure, picklable function over a list. A
`BatchContext` (inputs, fetcher, cache, pace, resume, totals) is what every batch mode shares.
`to_html(briefing, text)` is the briefing beside the article as one self-contained page;
`to_digest_html(records, texts)` is a whole batch as one page, searchable, each article openable.

Names are loaded on first use, so `import summariser` (and `summarise --help`) stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .batch.context import BatchContext, BatchTotals
    from .batch.digest import to_digest_html
    from .batch.on_ray import records_on_ray
    from .batch.records import BatchRecord, RecordError, RecordSource
    from .batch.run import abatch, summarise_articles
    from .briefing.page import to_html
    from .briefing.schema import (
        Actor,
        Allegation,
        Briefing,
        Evidence,
        Place,
        RunInfo,
        Source,
        Stake,
        TimeRef,
        Usage,
    )
    from .client import Summariser, asummarise, summarise
    from .errors import ConfigError, InputError, InvalidOutputError, ModelError, SummariserError
    from .sources.articles import Article

_EXPORTS = {
    "Summariser": "client",
    "summarise": "client",
    "asummarise": "client",
    "abatch": "batch.run",
    "summarise_articles": "batch.run",
    "BatchContext": "batch.context",
    "BatchTotals": "batch.context",
    "Article": "sources.articles",
    "BatchRecord": "batch.records",
    "RecordError": "batch.records",
    "RecordSource": "batch.records",
    "SummariserError": "errors",
    "InputError": "errors",
    "ConfigError": "errors",
    "ModelError": "errors",
    "InvalidOutputError": "errors",
    "Briefing": "briefing.schema",
    "Actor": "briefing.schema",
    "Place": "briefing.schema",
    "TimeRef": "briefing.schema",
    "Allegation": "briefing.schema",
    "Stake": "briefing.schema",
    "Evidence": "briefing.schema",
    "Source": "briefing.schema",
    "RunInfo": "briefing.schema",
    "Usage": "briefing.schema",
    "to_html": "briefing.page",
    "to_digest_html": "batch.digest",
    "records_on_ray": "batch.on_ray",
}

__all__ = [
    "Actor",
    "Allegation",
    "Article",
    "BatchContext",
    "BatchRecord",
    "BatchTotals",
    "Briefing",
    "ConfigError",
    "Evidence",
    "InputError",
    "InvalidOutputError",
    "ModelError",
    "Place",
    "RecordError",
    "RecordSource",
    "RunInfo",
    "Source",
    "Stake",
    "Summariser",
    "SummariserError",
    "TimeRef",
    "Usage",
    "__version__",
    "abatch",
    "asummarise",
    "records_on_ray",
    "summarise",
    "summarise_articles",
    "to_digest_html",
    "to_html",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'summariser' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
