"""The briefing as one self-contained HTML page, beside the article with its evidence marked.

Left, the briefing; right, the whole article, every grounded item's words highlighted by kind.
Choosing an item emphasises its words; choosing highlighted words shows the items resting on
them. An item the article does not support is flagged and has no words. The page needs no
network: its style and script (page.css, page.js) are inline, and its Content-Security-Policy
allows that one style and that one script by their hashes and nothing else, so even markup
that escaped escaping could neither run nor load anything. All article and model text is
escaped; the article keeps its characters and line breaks, so a mark covers exactly
`text[start:end]`.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from functools import cache
from html import escape
from importlib import resources
from itertools import pairwise

from ..schema import Actor, Allegation, Briefing, Evidence, Place, Stake, TimeRef

__all__ = ["to_html"]

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


def to_html(briefing: Briefing, text: str) -> str:
    """The page for `briefing` of the article `text` (the text its offsets index)."""
    entries = _entries(briefing)
    css, js = _asset("page.css"), _asset("page.js")
    policy = (
        f"default-src 'none'; style-src '{_sha256(css)}'; script-src '{_sha256(js)}'; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    title = escape(briefing.headline)
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{escape(briefing.language)}">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{title}</title>",
            f"<style>{css}</style>",
            "</head>",
            "<body>",
            "<main>",
            _briefing_pane(briefing, entries),
            _article_pane(briefing, text, entries),
            _footer(briefing),
            "</main>",
            f"<script>{js}</script>",
            "</body>",
            "</html>",
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


def _briefing_pane(briefing: Briefing, entries: list[_Entry]) -> str:
    parts = [
        '<section class="briefing" aria-label="Briefing">',
        f"<h1>{escape(briefing.headline)}</h1>",
        f'<p class="summary">{escape(briefing.summary)}</p>',
    ]
    if (main := briefing.event_date) is not None:
        said = f"“{escape(main.text)}”" if main.text else "the publication date"
        parts.append(f'<p class="main-event">Main event: {escape(main.date)} ({said})</p>')
    for kind, heading in _KINDS:
        listed = [e for e in entries if e.kind == kind]
        if not listed:
            continue
        parts += [f"<h2>{heading}</h2>", "<ul>"]
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


def _article_pane(briefing: Briefing, text: str, entries: list[_Entry]) -> str:
    source = briefing.source
    facts = [
        escape(source.title) if source.title else None,
        _link(source.url) if source.url else None,
        f"published {source.published.isoformat()}" if source.published else None,
    ]
    legend = " ".join(f'<mark class="k-{kind}">{heading}</mark>' for kind, heading in _KINDS)
    return "\n".join(
        [
            '<section class="article" aria-label="Article">',
            f'<p class="source">{" · ".join(f for f in facts if f) or "The article"}</p>',
            f'<p class="legend">{legend}</p>',
            '<p id="rests" aria-live="polite"></p>',
            f'<div class="text">{_marked(text, entries)}</div>',
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


def _link(url: str) -> str:
    if url.startswith(("https://", "http://")):
        return f'<a href="{escape(url)}" rel="noreferrer noopener">{escape(url)}</a>'
    return escape(url)


def _footer(briefing: Briefing) -> str:
    meta = briefing.meta
    if meta is None:
        return "<footer>Made by summariser.</footer>"
    usage = meta.usage
    split = ""
    if meta.prefill_seconds is not None and meta.decode_seconds is not None:
        split = f" (prefill {meta.prefill_seconds:.1f} s, decode {meta.decode_seconds:.1f} s)"
    cached = f", {usage.cached_prompt_tokens} cached" if usage.cached_prompt_tokens else ""
    line = (
        f"{meta.model} ({meta.provider}) · prompt {meta.prompt_version} ({meta.prompt_hash}) · "
        f"{meta.seconds:.1f} s{split} · {usage.prompt_tokens} prompt{cached} + "
        f"{usage.completion_tokens} completion tokens"
    )
    return f"<footer>Made by summariser: {escape(line)}</footer>"


@cache
def _asset(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def _sha256(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")
