"""The batch as one self-contained HTML page: briefings by feed, a search box, every article
openable to its full highlighted view, failures listed with their error.

Built to stay quick at 1,000 articles: the cards are laid out only when scrolled near
(`content-visibility`), and each article's full view (briefing.page's own, marks and all) waits
in a `<template>`, inert until opened. Records whose article is not at hand as it was
summarised (an earlier run's, not read again or changed since) open to their items' quotes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ...briefing.page import Markup, asset, document, render, view
from ..records import BatchRecord
from .grouping import failure_of, group

__all__ = ["to_digest_html"]

_HERE = __package__ or ""


@dataclass(frozen=True)
class _Card:
    n: int  # numbered across the page, for its view's ids
    record: BatchRecord
    facts: list[str]  # one line of plain text, in order
    view: Markup  # briefing.page's full view, inert in a <template> until opened


def to_digest_html(
    records: Iterable[BatchRecord],
    texts: Mapping[str, str] | None = None,
    stories: Sequence[Mapping[str, Any]] = (),
) -> str:
    """The digest of `records`; `texts` maps a record's id to its article's text, the text
    its offsets index, so its view can mark the evidence in the article itself. Of `stories`
    (summariser.stories' dicts), those more than one article reports are shown first, by
    story: outlets side by side, disagreements flagged, each article a button to its card."""
    records = list(records)
    grouped = group(records)
    texts = texts or {}
    feeds: list[tuple[Any, list[_Card]]] = []
    first = 0
    for feed in grouped.feeds:
        cards = [
            _card(n, record, _summarised_text(record, texts.get(record.id)))
            for n, record in enumerate(feed.records, start=first)
        ]
        feeds.append((feed, cards))
        first += len(cards)
    numbers = {card.record.id: card.n for _, cards in feeds for card in cards}
    body = render(
        "digest.html.j2",
        _HERE,
        grouped=grouped,
        stories=[story for story in stories if len(story["articles"]) > 1],
        numbers=numbers,
        feeds=feeds,
        failed=[failure_of(record) for record in grouped.failed],
        footer=_footer(records),
    )
    return document(
        title="News digest",
        lang="en",
        body=body,
        styles=[asset("page.css"), asset("digest.css", _HERE)],
        scripts=[asset("page.js"), asset("digest.js", _HERE)],
    )


def _card(n: int, record: BatchRecord, text: str | None) -> _Card:
    briefing = record.briefing
    assert briefing is not None
    published = record.source.published
    facts = [
        published.isoformat() if published else "undated",
        briefing.language,
        _count(len(briefing.who), "actor"),
        _count(len(briefing.allegations), "allegation"),
    ]
    return _Card(n, record, facts, view(briefing, text, nested=True))


def _summarised_text(record: BatchRecord, text: str | None) -> str | None:
    """`text` if it is the text the briefing was made from: an article summarised by an
    earlier run may have changed since (a page edited), and its offsets index the old text."""
    if text is None or record.briefing is None:
        return None
    for item in record.briefing.items():
        ev = item.evidence
        if ev.grounded and ev.start is not None and text[ev.start : ev.end] != ev.quote:
            return None
    return text


def _footer(records: list[BatchRecord]) -> str:
    models = sorted({r.model for r in records if r.model})
    prompt = sum(r.usage.prompt_tokens for r in records if r.usage)
    completion = sum(r.usage.completion_tokens for r in records if r.usage)
    line = f"{len(records)} records"
    if models:
        line += f" · {', '.join(models)}"
    if prompt or completion:
        line += f" · {prompt} prompt + {completion} completion tokens"
    return line


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")
