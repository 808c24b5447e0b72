"""Run the briefings of a folder of gold articles through the batch, and score them.

Through the batch, so cached briefings are reused and every article ends as one record.
"""

from __future__ import annotations

import asyncio
import json
from fnmatch import fnmatch
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .scores import ArticleScore, score_article, summarise_scores

if TYPE_CHECKING:
    from ..batch.briefing_cache import BriefingCache
    from ..client import Summariser

__all__ = ["evaluate_folder"]


def evaluate_folder(
    folder: Path,
    summariser: Summariser,
    *,
    cache: BriefingCache | None = None,
    concurrency: int = 8,
    limit: int | None = None,
    only: list[str] | None = None,
) -> tuple[dict[str, Any], list[ArticleScore]]:
    """Summarise the gold articles of `folder` (or its `articles/`) and score them; `only`:
    id globs ("polnear-*") that pick a subset, before `limit` takes the first N."""
    from ..batch.run import abatch
    from ..errors import InputError
    from ..sources.articles import Article, to_article

    folder = folder / "articles" if (folder / "articles").is_dir() else folder
    paths = sorted(folder.glob("*.json")) if folder.is_dir() else []
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in paths]
    golds = [g for g in golds if isinstance(g, dict) and g.get("gold")]
    if only:
        golds = [g for g in golds if any(fnmatch(str(g.get("id")), glob) for glob in only)]
    golds = golds[:limit]
    if not golds:
        raise InputError(f"{folder}: no gold articles (JSON files with a 'gold' field)")
    articles: list[Article] = []
    for gold in golds:
        article = to_article(gold, str(gold.get("id", "?")))
        if not isinstance(article, Article):
            raise InputError(str(article))
        articles.append(article)

    async def run() -> dict[str, dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        stream = abatch(articles, summariser, offline=True, cache=cache, concurrency=concurrency)
        try:
            async for record in stream:
                found[record.id] = record.to_json()
        finally:
            await summariser.aclose()
        return found

    records = asyncio.run(run())
    scores = [score_article(g, records[g["id"]]) for g in golds]
    return summarise_scores(scores), scores
