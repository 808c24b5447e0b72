"""The batch as one Markdown page to read over coffee: briefings grouped by feed.

The order is grouping.py's; failures are listed last, so the digest accounts for every record.
Text from articles is escaped: a headline cannot inject Markdown or HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..records import BatchRecord
from .grouping import failure_of, group

__all__ = ["plain", "to_digest"]

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def plain(text: str | None, limit: int = 300) -> str:
    """`text` on one line, cut to `limit` characters, every Markdown or HTML mark escaped."""
    flat = " ".join((text or "").split())
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return _SPECIAL.sub(r"\\\1", flat)


def to_digest(records: Iterable[BatchRecord]) -> str:
    grouped = group(records)
    lines = ["# News digest", "", grouped.counts, ""]
    for feed in grouped.feeds:
        lines += [f"## {plain(feed.title, 120)}", ""]
        if feed.titled:
            lines += [f"<{feed.key}>" if "://" in feed.key else f"`{feed.key}`", ""]
        for record in feed.records:
            lines += _article(record)
    if grouped.failed:
        lines += ["## Not summarised", ""]
        for record in grouped.failed:
            where, message = failure_of(record)
            lines.append(f"- {plain(where, 200)}: {plain(message)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _article(record: BatchRecord) -> list[str]:
    briefing = record.briefing
    assert briefing is not None
    source = record.source
    headline = plain(source.title or briefing.headline, 200)
    title = f"[{headline}](<{source.url}>)" if source.url else headline
    facts = [source.published.isoformat() if source.published else None, briefing.language]
    lines = [f"### {title}", "", f"*{' · '.join(f for f in facts if f)}*", ""]
    lines += [plain(briefing.summary, 600), ""]
    if briefing.who:
        people = [f"{plain(a.name, 80)} ({plain(a.role, 80)})" for a in briefing.who[:6]]
        lines.append(f"- **Who:** {'; '.join(people)}")
    if briefing.where:
        lines.append(f"- **Where:** {'; '.join(plain(p.name, 80) for p in briefing.where[:6])}")
    dated = list(dict.fromkeys((t.date, plain(t.event, 100)) for t in briefing.when if t.date))
    if dated:
        when = [f"{day} ({event})" for day, event in dated[:4]]
        lines.append(f"- **When:** {'; '.join(when)}")
    for allegation in briefing.allegations[:3]:
        against = f" against {plain(allegation.against, 80)}" if allegation.against else ""
        lines.append(
            f"- **Alleged** by {plain(allegation.made_by, 80)}{against} "
            f"({allegation.status}): {plain(allegation.claim, 240)}"
        )
    for stake in briefing.stakes[:2]:
        lines.append(f"- **At stake** for {plain(stake.for_whom, 80)}: {plain(stake.what, 200)}")
    lines.append("")
    return lines
