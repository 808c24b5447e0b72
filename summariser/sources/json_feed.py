"""JSON Feed 1 and 1.1 (https://jsonfeed.org/version/1.1), read as a feed like RSS and Atom.

An item's text is the longest of `content_text`, `content_html` (reduced to text) and
`summary`; an item with only a short text is a teaser, so its page is fetched as an RSS
entry's is. `url` (else `external_url`) links the item; `date_published` (else
`date_modified`) dates it, on the day as the publisher wrote it. What the feed gets wrong
(an item that is not an object, one with nothing in it) is a warning, never a crash.
"""

from __future__ import annotations

import json
from typing import Any, cast

from ..errors import InputError
from .articles import TOO_DEEP, Article, article_id
from .feed_dates import written_day
from .feeds import FeedResult, clean, html_to_text, is_teaser

__all__ = ["looks_like_json_feed", "parse_json_feed"]

_VERSION = b"jsonfeed.org/version/"


def looks_like_json_feed(data: bytes) -> bool:
    """A cheap first look: a JSON object that names a JSON Feed version near its start."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") and _VERSION in data[:65536]


def parse_json_feed(data: bytes, origin: str) -> FeedResult | None:
    """Articles of the JSON Feed, or None when the bytes are not one."""
    if not looks_like_json_feed(data):
        return None
    try:
        feed = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None  # not JSON after all: the caller reads it some other way
    except RecursionError:
        raise InputError(TOO_DEEP) from None
    version = feed.get("version") if isinstance(feed, dict) else None
    if not isinstance(version, str) or "jsonfeed.org/version/" not in version:
        return None
    result = FeedResult(title=clean(feed.get("title")), articles=[])
    items = feed.get("items")
    if not isinstance(items, list):
        result.warnings.append("JSON Feed without an items list")
        return result
    for number, item in enumerate(items, start=1):
        result.add(
            _item_article(item, origin, number, result.title, feed.get("language")), number, "item"
        )
    return result


def _item_article(
    item: object, origin: str, number: int, feed_title: str | None, language: object
) -> Article | None:
    if not isinstance(item, dict):
        return None  # the feed's mistake: said as a warning
    item = cast("dict[str, Any]", item)
    title = clean(item.get("title"))
    language = clean(item.get("language")) or clean(language)  # 1.1 names it, item or feed
    link = _string(item.get("url")) or _string(item.get("external_url"))
    texts = [
        _string(item.get("content_text")) or "",
        html_to_text(item["content_html"]) if _string(item.get("content_html")) else "",
        html_to_text(item["summary"]) if _string(item.get("summary")) else "",
    ]
    text = max(texts, key=len)
    if not text and not title and not link:
        return None
    summary_only = not (texts[0] or texts[1])
    teaser = is_teaser(text, summary_only=summary_only)
    own = item.get("id")
    return Article(
        id=article_id(
            own=str(own) if own is not None and not link else None,
            url=link,
            text=text or title or f"{number}",
        ),
        text=text or title or "",
        title=title,
        published=written_day(item.get("date_published"), language)
        or written_day(item.get("date_modified"), language),
        url=link,
        feed=origin,
        feed_title=feed_title,
        origin=origin,
        teaser=teaser,
    )


def _string(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
