"""Human views of a briefing: Markdown (files, pipes) and the same, styled, on a terminal."""

from __future__ import annotations

from typing import TextIO

from .schema import Briefing, Evidence

__all__ = ["print_terminal", "to_markdown"]


def _mark(evidence: Evidence) -> str:
    return "" if evidence.grounded else " *(not found in the article)*"


def _quote(evidence: Evidence) -> str:
    text = " ".join(evidence.quote.split())
    return f"“{text[:200]}{'…' if len(text) > 200 else ''}”"


def to_markdown(briefing: Briefing) -> str:
    lines = [f"# {briefing.headline}", "", briefing.summary, ""]
    source = briefing.source
    facts = [
        f"published {source.published.isoformat()}" if source.published else None,
        f"language `{briefing.language}`",
        source.url,
    ]
    lines += [" · ".join(f for f in facts if f), ""]
    if briefing.who:
        lines += ["## Who", ""]
        lines += [f"- **{a.name}** ({a.kind}): {a.role}{_mark(a.evidence)}" for a in briefing.who]
        lines.append("")
    if briefing.where:
        lines += ["## Where", ""]
        lines += [f"- **{p.name}** ({p.kind}){_mark(p.evidence)}" for p in briefing.where]
        lines.append("")
    if briefing.when or briefing.event_date:
        lines += ["## When", ""]
        if (main := briefing.event_date) is not None:
            said = f"“{main.text}”" if main.text else "not stated; the publication date"
            lines += [f"Main event: `{main.date}` ({said})", ""]
        for t in briefing.when:
            day = f"`{t.date}`" if t.date else "`unresolved`"
            lines.append(f"- {day} “{t.text}”: {t.event}{_mark(t.evidence)}")
        lines.append("")
    if briefing.allegations:
        lines += ["## Allegations", ""]
        for a in briefing.allegations:
            against = f" against **{a.against}**" if a.against else ""
            lines.append(
                f"- {a.claim} (by **{a.made_by}**{against}; {a.status}){_mark(a.evidence)}"
            )
            if a.evidence.grounded:
                lines.append(f"  > {_quote(a.evidence)}")
        lines.append("")
    if briefing.stakes:
        lines += ["## Stakes", ""]
        for s in briefing.stakes:
            lines.append(f"- {s.what} (for **{s.for_whom}**){_mark(s.evidence)}")
            if s.evidence.grounded:
                lines.append(f"  > {_quote(s.evidence)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def print_terminal(briefing: Briefing, stream: TextIO) -> None:
    from rich.console import Console
    from rich.markdown import Markdown

    Console(file=stream).print(Markdown(to_markdown(briefing)))
