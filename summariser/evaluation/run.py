"""Score the briefings of a folder of evaluation articles: run through the batch, or read from
records a batch already wrote.

Through the batch, so cached briefings are reused and every article ends as one record. An
article is scored where it has gold (`gold`) or an editor's key (`keys/<id>.json` beside the
articles, or a folder of the user's own keys).
"""

from __future__ import annotations

import asyncio
import json
from fnmatch import fnmatch
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .keys import load_keys
from .scores import ArticleScore, score_article, summarise_scores

if TYPE_CHECKING:
    from ..batch.briefing_cache import BriefingCache
    from ..client import Summariser

__all__ = ["evaluate_folder", "evaluation_set", "records_of"]


def evaluation_set(
    folder: Path,
    *,
    keys: Path | None = None,
    limit: int | None = None,
    only: list[str] | None = None,
) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """The articles of `folder` (or its `articles/`) that have gold or a key, and the keys (of
    `keys`, else `folder`'s `keys/` where there is one); `only`: id globs ("polnear-*") that
    pick a subset, before `limit` takes the first N."""
    from ..errors import InputError

    articles_dir = folder / "articles" if (folder / "articles").is_dir() else folder
    keys_dir = keys or next(
        (d for d in (folder / "keys", articles_dir.parent / "keys") if d.is_dir()), None
    )
    if keys is not None and not keys.is_dir():
        raise InputError(f"{keys}: no such folder of keys")
    found = load_keys(keys_dir) if keys_dir else {}
    paths = sorted(articles_dir.glob("*.json")) if articles_dir.is_dir() else []
    articles = [json.loads(p.read_text(encoding="utf-8")) for p in paths]
    articles = [
        a for a in articles if isinstance(a, dict) and (a.get("gold") or str(a.get("id")) in found)
    ]
    if only:
        articles = [a for a in articles if any(fnmatch(str(a.get("id")), g) for g in only)]
    articles = articles[:limit]
    if not articles:
        raise InputError(
            f"{articles_dir}: no articles to score (JSON files with a 'gold' field or a key)"
        )
    return articles, found


def evaluate_folder(
    folder: Path,
    summariser: Summariser | None = None,
    *,
    cache: BriefingCache | None = None,
    concurrency: int = 8,
    limit: int | None = None,
    only: list[str] | None = None,
    keys: Path | None = None,
    records: Path | None = None,
) -> tuple[dict[str, Any], list[ArticleScore]]:
    """Summarise the evaluation articles of `folder` and score them; or, given `records` (a
    batch's JSONL output), score the briefings it holds, with no model call."""
    articles, found = evaluation_set(folder, keys=keys, limit=limit, only=only)
    if records is not None:
        briefed = records_of(records)
    else:
        from ..client import Summariser

        briefed = _summarised(articles, summariser or Summariser(), cache, concurrency)
    missing = {"error": {"message": "no record of this article"}}
    scores = [
        score_article(a, briefed.get(str(a["id"]), missing), found.get(str(a["id"])))
        for a in articles
    ]
    return summarise_scores(scores), scores


def records_of(path: Path) -> dict[str, dict[str, Any]]:
    """A batch's records (JSONL, as `summarise batch -o` writes them), by article id; an
    article whose line is damaged has no record, and is scored as failed."""
    from ..batch.output import read_records
    from ..errors import InputError

    try:
        return {record["id"]: record for record in read_records(path)}
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None


def _summarised(
    golds: list[dict[str, Any]],
    summariser: Summariser,
    cache: BriefingCache | None,
    concurrency: int,
) -> dict[str, dict[str, Any]]:
    from ..batch.run import abatch
    from ..errors import InputError
    from ..sources.articles import Article, to_article

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

    return asyncio.run(run())
