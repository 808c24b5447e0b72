"""RSS 0.9x/1.0/2.0 and Atom feeds, from bytes the tool read itself, into articles.

feedparser handles encodings (chardet for undeclared ones) and recovers what it can from
malformed ("bozo") feeds: those yield their readable entries plus a warning, never a crash.
An entry whose text is only a short summary is marked as a teaser so its page can be fetched.
Its date is the day as the feed wrote it (feed_dates.py), feedparser's UTC reading failing that.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from .articles import Article, article_id
from .feed_dates import written_day

__all__ = [
    "TEASER_CHARS",
    "FeedResult",
    "clean",
    "html_to_text",
    "is_teaser",
    "looks_like_feed",
    "parse_feed",
]

TEASER_CHARS = 600  # an entry body shorter than this is a teaser, not the article
SUMMARY_ONLY_CHARS = 2500  # a summary (no full content element) shorter than this is one too


@dataclass
class FeedResult:
    title: str | None
    articles: list[Article]
    warnings: list[str] = field(default_factory=list)

    def add(self, article: Article | None, number: int, noun: str) -> None:
        """The feed's `number`th entry (or item), or a warning that it gave no article."""
        if article is None:
            self.warnings.append(f"{noun} {number} has no title, text or link; skipped")
        else:
            self.articles.append(article)


def looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf", b"<rdf", b"<channel"))


def parse_feed(data: bytes, origin: str) -> FeedResult | None:
    """Articles of the feed, or None when the bytes are not a feed at all."""
    import feedparser

    parsed: Any = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        return None
    result = FeedResult(title=parsed.feed.get("title"), articles=[])
    if parsed.get("bozo"):
        problem = parsed.get("bozo_exception")
        result.warnings.append(
            "malformed feed, read what could be read "
            f"({type(problem).__name__}: {str(problem).splitlines()[0] if problem else ''})"
        )
    feed_title = clean(result.title)
    language = clean(parsed.feed.get("language"))
    for number, entry in enumerate(parsed.entries, start=1):
        result.add(_entry_article(entry, origin, number, feed_title, language), number, "entry")
    return result


def _entry_article(
    entry: Any, origin: str, number: int, feed_title: str | None, language: str | None
) -> Article | None:
    title = clean(entry.get("title"))
    link = entry.get("link") or None
    body_html = _longest_content(entry)
    text = html_to_text(body_html) if body_html else ""
    if not text and not title and not link:
        return None
    teaser = is_teaser(text, summary_only=not entry.get("content"))
    if not text:
        text = title or ""
    return Article(
        id=article_id(
            own=entry.get("id") if not link else None, url=link, text=text or f"{number}"
        ),
        text=text,
        title=title,
        published=_entry_date(entry, language),
        url=link,
        feed=origin,
        feed_title=feed_title,
        origin=origin,
        teaser=teaser,
    )


def _longest_content(entry: Any) -> str:
    candidates = [c.get("value", "") for c in entry.get("content") or []]
    candidates.append(entry.get("summary", "") or "")
    return max(candidates, key=len)


def is_teaser(text: str, *, summary_only: bool) -> bool:
    """Whether an entry's text is only a teaser, so its page is worth fetching."""
    return len(text) < TEASER_CHARS or (summary_only and len(text) < SUMMARY_ONLY_CHARS)


def html_to_text(fragment: str) -> str:
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent=True)
    except Exception:  # lxml rejects some fragments (e.g. bare text): then it is text
        return clean(fragment) or ""
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for block in root.xpath("//p|//br|//div|//li|//h1|//h2|//h3|//h4"):
        block.tail = "\n" + (block.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _entry_date(entry: Any, language: str | None) -> date | None:
    """The day as the feed wrote it; else feedparser's reading of it (in UTC)."""
    for key in ("published", "updated", "created"):
        day = written_day(entry.get(key), language)
        if day:
            return day
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                moment = datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
            except (OverflowError, ValueError, TypeError):
                continue
            return moment.date()
    return None


def clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None
