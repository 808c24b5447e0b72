"""The batch as one self-contained HTML page: briefings by feed, a search box, every article
openable to its full highlighted view, failures listed with their error.

Built to stay quick at 1,000 articles: the cards are laid out only when scrolled near
(`content-visibility`), and each article's full view (briefing.page's own, marks and all) waits
in a `<template>`, inert until opened. Records whose article is not at hand as it was
summarised (an earlier run's, not read again or changed since) open to their items' quotes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape

from ...briefing.page import asset, document, view
from ..records import BatchRecord
from .grouping import Feed, failure_of, group

__all__ = ["to_digest_html"]

_HERE = __package__ or ""
_OPEN = "Show the article and its evidence"


def to_digest_html(records: Iterable[BatchRecord], texts: Mapping[str, str] | None = None) -> str:
    """The digest of `records`; `texts` maps a record's id to its article's text, the text
    its offsets index, so its view can mark the evidence in the article itself."""
    records = list(records)
    grouped = group(records)
    texts = texts or {}
    first = 0  # cards are numbered across the page, for their views' ids
    parts = [
        '<header class="top">',
        "<h1>News digest</h1>",
        f'<p class="counts">{escape(grouped.counts)}</p>',
        '<p class="find"><label for="search">Search</label> '
        '<input type="search" id="search" placeholder="a name, a place or any words" '
        'autocomplete="off" spellcheck="false"> '
        f'<span id="shown" aria-live="polite">{grouped.briefings} articles</span></p>',
        "</header>",
        '<main class="digest">',
    ]
    for index, feed in enumerate(grouped.feeds):
        parts.append(_feed(index, feed, texts, first))
        first += len(feed.records)
    if grouped.failed:
        parts.append(_failures(grouped.failed))
    parts += ["</main>", _footer(records)]
    return document(
        title="News digest",
        lang="en",
        body="\n".join(parts),
        styles=[asset("page.css"), asset("digest.css", _HERE)],
        scripts=[asset("page.js"), asset("digest.js", _HERE)],
    )


def _feed(index: int, feed: Feed, texts: Mapping[str, str], first: int) -> str:
    heading = f"f-{index}"
    parts = [
        f'<section class="feed" aria-labelledby="{heading}">',
        f'<h2 id="{heading}">{escape(feed.title)} {_n(len(feed.records))}</h2>',
    ]
    if feed.titled:
        parts.append(f'<p class="feed-key">{_link(feed.key)}</p>')
    for n, record in enumerate(feed.records, start=first):
        parts.append(_card(n, record, _summarised_text(record, texts.get(record.id))))
    parts.append("</section>")
    return "\n".join(parts)


def _card(n: int, record: BatchRecord, text: str | None) -> str:
    briefing = record.briefing
    assert briefing is not None
    source = record.source
    headline = escape(source.title or briefing.headline)
    if source.url and source.url.startswith(("https://", "http://")):
        headline = f'<a href="{escape(source.url)}" rel="noreferrer noopener">{headline}</a>'
    facts = [
        source.published.isoformat() if source.published else "undated",
        briefing.language,
        _count(len(briefing.who), "actor"),
        _count(len(briefing.allegations), "allegation"),
    ]
    names = []
    if briefing.who:
        people = "; ".join(f"{escape(a.name)} ({escape(a.role)})" for a in briefing.who[:6])
        names.append(f'<span class="label">Who</span> {people}')
    if briefing.where:
        places = "; ".join(escape(p.name) for p in briefing.where[:6])
        names.append(f'<span class="label">Where</span> {places}')
    notes = (
        f'<p class="warning">{escape("; ".join(record.warnings))}</p>' if record.warnings else ""
    )
    return "\n".join(
        [
            f'<article class="card" lang="{escape(briefing.language)}">',
            f"<h3>{headline}</h3>",
            f'<p class="facts">{" · ".join(escape(f) for f in facts)}</p>',
            f'<p class="summary">{escape(briefing.summary)}</p>',
            f'<p class="names">{" ".join(names)}</p>' if names else "",
            notes,
            f'<button type="button" class="open" aria-expanded="false" aria-controls="v-{n}">'
            f"{_OPEN}</button>",
            f'<div class="view" data-view id="v-{n}" hidden></div>',
            f"<template>{view(briefing, text, nested=True)}</template>",
            "</article>",
        ]
    )


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


def _failures(failed: list[BatchRecord]) -> str:
    rows = []
    for record in failed:
        where, message = failure_of(record)
        rows.append(f'<li><span class="where">{_link(where)}</span> {escape(message)}</li>')
    return "\n".join(
        [
            '<section class="failed" aria-labelledby="failed">',
            f'<h2 id="failed">Not summarised {_n(len(failed))}</h2>',
            "<ul>",
            *rows,
            "</ul>",
            "</section>",
        ]
    )


def _footer(records: list[BatchRecord]) -> str:
    models = sorted({r.model for r in records if r.model})
    prompt = sum(r.usage.prompt_tokens for r in records if r.usage)
    completion = sum(r.usage.completion_tokens for r in records if r.usage)
    line = f"{len(records)} records"
    if models:
        line += f" · {', '.join(models)}"
    if prompt or completion:
        line += f" · {prompt} prompt + {completion} completion tokens"
    return f"<footer>Made by summariser: {escape(line)}</footer>"


def _n(n: int) -> str:
    return f'<span class="n">({n})</span>'


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _link(where: str) -> str:
    if where.startswith(("https://", "http://")):
        return f'<a href="{escape(where)}" rel="noreferrer noopener">{escape(where)}</a>'
    return f"<code>{escape(where)}</code>"
