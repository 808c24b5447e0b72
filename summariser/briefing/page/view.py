"""One briefing beside its article, as HTML: the part a page shows once and a digest per article.

Left, the briefing; right, the whole article, every grounded item's words highlighted by kind.
All article and model text is escaped; the article keeps its characters and line breaks, so a
mark covers exactly `text[start:end]`. Item ids ("who-0") are unique within one view, and the
script (page.js) looks them up within the view they sit in, so many views share a page.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from itertools import pairwise

from ..schema import Actor, Allegation, Briefing, Evidence, Place, Stake, TimeRef

__all__ = ["view"]

_Item = Actor | Place | TimeRef | Allegation | Stake
_KINDS = (
    ("who", "Who"),
    ("where", "Where"),
    ("when", "When"),
    ("allegation", "Allegations"),
    ("stake", "Stakes"),
)


@dataclass(frozen=True)
class _Entry:
    id: str
    kind: str  # who, where, when, allegation, stake
    label: str  # one line, plain text
    html: str  # the item as the briefing lists it
    evidence: Evidence

    @property
    def span(self) -> tuple[int, int] | None:
        ev = self.evidence
        if ev.grounded and ev.start is not None and ev.end is not None and ev.end > ev.start:
            return ev.start, ev.end
        return None


def view(briefing: Briefing, text: str | None, *, nested: bool = False) -> str:
    """The briefing pane and the article pane of `briefing` of the article `text` (the text
    its offsets index). `nested` is for a view inside a larger page: no headline or summary
    (the page shows them) and headings a level down. With no `text` (a digest of records
    whose article was not read again), the article pane lists each item's quote instead."""
    entries = _entries(briefing)
    return "\n".join(
        [
            _briefing_pane(briefing, entries, nested),
            _article_pane(briefing, text, entries),
        ]
    )


def _entries(briefing: Briefing) -> list[_Entry]:
    found: list[_Entry] = []

    def add(kind: str, item: _Item, label: str, html: str) -> None:
        found.append(_Entry(f"{kind}-{len(found)}", kind, label, html, item.evidence))

    for a in briefing.who:
        add("who", a, f"{a.name}: {a.role}", _named(a.name, a.kind, a.role))
    for p in briefing.where:
        add("where", p, p.name, _named(p.name, p.kind, None))
    for t in briefing.when:
        day = t.date or "unresolved"
        add(
            "when",
            t,
            f"{t.text} ({day})",
            f'<span class="date">{escape(day)}</span> “{escape(t.text)}”: {escape(t.event)}',
        )
    for g in briefing.allegations:
        against = f" against <b>{escape(g.against)}</b>" if g.against else ""
        add(
            "allegation",
            g,
            f"{g.made_by}: {g.claim}",
            f'{escape(g.claim)} <span class="status">(by <b>{escape(g.made_by)}</b>{against}; '
            f"{escape(g.status)})</span>",
        )
    for s in briefing.stakes:
        add(
            "stake",
            s,
            s.what,
            f'{escape(s.what)} <span class="status">(for <b>{escape(s.for_whom)}</b>)</span>',
        )
    return found


def _named(name: str, kind: str, role: str | None) -> str:
    said = f": {escape(role)}" if role else ""
    return f'<b>{escape(name)}</b> <span class="kind">({escape(kind)})</span>{said}'


def _briefing_pane(briefing: Briefing, entries: list[_Entry], nested: bool) -> str:
    parts = ['<section class="briefing" aria-label="Briefing">']
    if not nested:
        parts += [
            f"<h1>{escape(briefing.headline)}</h1>",
            f'<p class="summary">{escape(briefing.summary)}</p>',
        ]
    if (main := briefing.event_date) is not None:
        said = f"“{escape(main.text)}”" if main.text else "the publication date"
        parts.append(f'<p class="main-event">Main event: {escape(main.date)} ({said})</p>')
    h = "h4" if nested else "h2"
    for kind, heading in _KINDS:
        listed = [e for e in entries if e.kind == kind]
        if not listed:
            continue
        parts += [f'<{h} class="kind-heading">{heading}</{h}>', "<ul>"]
        for e in listed:
            grounded = e.span is not None
            flag = "" if grounded else ' <span class="flag">not found in the article</span>'
            classes = f"item k-{e.kind}" + ("" if grounded else " ungrounded")
            parts.append(
                f'<li class="{classes}" data-item="{e.id}" data-label="{escape(e.label)}" '
                f'tabindex="0">{e.html}{flag}</li>'
            )
        parts.append("</ul>")
    parts.append("</section>")
    return "\n".join(parts)


def _article_pane(briefing: Briefing, text: str | None, entries: list[_Entry]) -> str:
    source = briefing.source
    facts = [
        escape(source.title) if source.title else None,
        _link(source.url) if source.url else None,
        f"published {source.published.isoformat()}" if source.published else None,
    ]
    legend = " ".join(f'<mark class="k-{kind}">{heading}</mark>' for kind, heading in _KINDS)
    body = _quotes(entries) if text is None else f'<div class="text">{_marked(text, entries)}</div>'
    return "\n".join(
        [
            '<section class="article" aria-label="Article">',
            f'<p class="source">{" · ".join(f for f in facts if f) or "The article"}</p>',
            f'<p class="legend">{legend}</p>',
            '<p class="rests" aria-live="polite"></p>',
            body,
            "</section>",
        ]
    )


def _marked(text: str, entries: list[_Entry]) -> str:
    """The article, escaped, each stretch that items rest on wrapped in one mark naming them
    all (spans overlap: a name inside a quoted sentence), coloured by the narrowest."""
    spans = [(s, e) for e in entries if (s := e.span) is not None and s[1] <= len(text)]
    cuts = sorted({0, len(text), *(p for (start, end), _ in spans for p in (start, end))})
    out: list[str] = []
    for left, right in pairwise(cuts):
        covering = [(end - start, e) for (start, end), e in spans if start <= left and right <= end]
        piece = escape(text[left:right])
        if not covering:
            out.append(piece)
            continue
        narrowest = min(covering, key=lambda pair: pair[0])[1]
        ids = " ".join(e.id for _, e in covering)
        out.append(
            f'<mark class="k-{narrowest.kind}" data-items="{ids}" tabindex="0">{piece}</mark>'
        )
    return "".join(out)


def _quotes(entries: list[_Entry]) -> str:
    """Without the article: each grounded item's own quote, marked as the article would be."""
    quoted = [
        f'<li><mark class="k-{e.kind}" data-items="{e.id}" tabindex="0">'
        f"{escape(e.evidence.quote)}</mark></li>"
        for e in entries
        if e.span is not None
    ]
    note = (
        '<p class="missing">The article’s text as it was summarised is not at hand (not read '
        "again, or changed since), so each item’s quote stands in for it.</p>"
    )
    return "\n".join([note, '<ul class="quotes">', *quoted, "</ul>"])


def _link(url: str) -> str:
    if url.startswith(("https://", "http://")):
        return f'<a href="{escape(url)}" rel="noreferrer noopener">{escape(url)}</a>'
    return escape(url)
