"""How a digest orders a batch: by feed, newest first, failures last; every record accounted for.

Feeds come in the order first met, articles newest first within each (dated before undated);
articles that came from no feed follow; the ones that failed are kept apart, in input order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ..records import BatchRecord

__all__ = ["Feed", "Grouped", "failure_of", "group"]

NO_FEED = "Articles"


@dataclass(frozen=True)
class Feed:
    key: str  # the feed's URL or path; "" for articles from no feed
    title: str  # what to call it: the feed's own title, else its key, else NO_FEED
    records: list[BatchRecord]  # newest first

    @property
    def titled(self) -> bool:
        """Whether the title says something the key does not (then show both)."""
        return bool(self.key) and self.title != self.key


@dataclass(frozen=True)
class Grouped:
    feeds: list[Feed]
    failed: list[BatchRecord]

    @property
    def briefings(self) -> int:
        return sum(len(feed.records) for feed in self.feeds)

    @property
    def counts(self) -> str:
        """ "17 briefings from 2 feeds; 1 not summarised"."""
        fed = sum(1 for feed in self.feeds if feed.key)
        line = f"{self.briefings} briefing{_s(self.briefings)}"
        line += f" from {fed} feed{_s(fed)}" if fed else ""
        return line + (f"; {len(self.failed)} not summarised" if self.failed else "")


def group(records: Iterable[BatchRecord]) -> Grouped:
    groups: dict[str, list[BatchRecord]] = {}
    titles: dict[str, str] = {}
    failed: list[BatchRecord] = []
    for record in records:
        if record.briefing is None:
            failed.append(record)
            continue
        key = record.source.feed or ""
        groups.setdefault(key, []).append(record)
        if record.source.feed_title:
            titles.setdefault(key, record.source.feed_title)
    feeds = [
        Feed(key, titles.get(key) or key or NO_FEED, _newest_first(groups[key]))
        for key in sorted(groups, key=lambda k: k == "")  # feeds first, in the order met
    ]
    return Grouped(feeds, failed)


def failure_of(record: BatchRecord) -> tuple[str, str]:
    """Where a failed record's article came from, and what stopped it."""
    error = record.error
    where = record.source.url or record.source.origin or record.id
    return where, f"{error.type}: {error.message}" if error else "no briefing"


def _s(n: int) -> str:
    return "" if n == 1 else "s"


def _newest_first(records: list[BatchRecord]) -> list[BatchRecord]:
    def key(record: BatchRecord) -> tuple[bool, date, str]:
        published = record.source.published
        return (published is not None, published or date.min, record.id)

    return sorted(records, key=key, reverse=True)
