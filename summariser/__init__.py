"""summariser: typed, grounded briefings of news articles.

    >>> from summariser import summarise
    >>> briefing = summarise(text, published="2023-09-11")
    >>> [actor.name for actor in briefing.who]

Many articles: `abatch(inputs)` yields one `BatchRecord` per article as each finishes;
`summarise_articles(articles)` is the same as a pure, picklable function over a list.

Names are loaded on first use, so `import summariser` (and `summarise --help`) stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .articles import Article
    from .batch import abatch, summarise_articles
    from .core import Summariser, asummarise, summarise
    from .errors import ConfigError, InputError, InvalidOutputError, ModelError, SummariserError
    from .records import BatchRecord, RecordError, RecordSource
    from .schema import (
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

_EXPORTS = {
    "Summariser": "core",
    "summarise": "core",
    "asummarise": "core",
    "abatch": "batch",
    "summarise_articles": "batch",
    "Article": "articles",
    "BatchRecord": "records",
    "RecordError": "records",
    "RecordSource": "records",
    "SummariserError": "errors",
    "InputError": "errors",
    "ConfigError": "errors",
    "ModelError": "errors",
    "InvalidOutputError": "errors",
    "Briefing": "schema",
    "Actor": "schema",
    "Place": "schema",
    "TimeRef": "schema",
    "Allegation": "schema",
    "Stake": "schema",
    "Evidence": "schema",
    "Source": "schema",
    "RunInfo": "schema",
    "Usage": "schema",
}

__all__ = [
    "Actor",
    "Allegation",
    "Article",
    "BatchRecord",
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
    "summarise",
    "summarise_articles",
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
