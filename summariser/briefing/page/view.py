"""One briefing beside its article, as HTML: the part a page shows once and a digest per article.

Left, the briefing; right, the whole article, every grounded item's words highlighted by kind.
view.html.j2 writes it and escapes all article and model text; the article keeps its
characters and line breaks, so a mark covers exactly `text[start:end]`. Item ids ("who-0") are
unique within one view, and the script (page.js) looks them up within the view they sit in,
so many views share a page.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from ..schema import Actor, Allegation, Briefing, Evidence, Place, Stake, TimeRef
from .templates import Markup, render

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
    item: _Item  # view.html.j2 writes it by its kind
    evidence: Evidence

    @property
    def span(self) -> tuple[int, int] | None:
        ev = self.evidence
        if ev.grounded and ev.start is not None and ev.end is not None and ev.end > ev.start:
            return ev.start, ev.end
        return None


def view(briefing: Briefing, text: str | None, *, nested: bool = False) -> Markup:
    """The briefing pane and the article pane of `briefing` of the article `text` (the text
    its offsets index). `nested` is for a view inside a larger page: no headline or summary
    (the page shows them) and headings a level down. With no `text` (a digest of records
    whose article was not read again), the article pane lists each item's quote instead."""
    entries = _entries(briefing)
    return render(
        "view.html.j2",
        briefing=briefing,
        entries=entries,
        groups=[(h, listed) for k, h in _KINDS if (listed := [e for e in entries if e.kind == k])],
        kinds=_KINDS,
        nested=nested,
        h="h4" if nested else "h2",
        pieces=None if text is None else _pieces(text, entries),
    )


def _entries(briefing: Briefing) -> list[_Entry]:
    found: list[_Entry] = []

    def add(kind: str, item: _Item, label: str) -> None:
        found.append(_Entry(f"{kind}-{len(found)}", kind, label, item, item.evidence))

    for a in briefing.who:
        add("who", a, f"{a.name}: {a.role}")
    for p in briefing.where:
        add("where", p, p.name)
    for t in briefing.when:
        add("when", t, f"{t.text} ({t.date or 'unresolved'})")
    for g in briefing.allegations:
        add("allegation", g, f"{g.made_by}: {g.claim}")
    for s in briefing.stakes:
        add("stake", s, s.what)
    return found


def _pieces(text: str, entries: list[_Entry]) -> list[tuple[str, str | None, str]]:
    """The article cut where items' words begin and end: each piece with the kind of the
    narrowest item resting on it (None where none does) and the ids of all of them (spans
    overlap: a name inside a quoted sentence). The pieces join to the whole text."""
    spans = [(s, e) for e in entries if (s := e.span) is not None and s[1] <= len(text)]
    cuts = sorted({0, len(text), *(p for (start, end), _ in spans for p in (start, end))})
    pieces: list[tuple[str, str | None, str]] = []
    for left, right in pairwise(cuts):
        covering = [(end - start, e) for (start, end), e in spans if start <= left and right <= end]
        if not covering:
            pieces.append((text[left:right], None, ""))
            continue
        narrowest = min(covering, key=lambda pair: pair[0])[1]
        pieces.append((text[left:right], narrowest.kind, " ".join(e.id for _, e in covering)))
    return pieces
