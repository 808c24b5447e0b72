"""The batch as one Markdown page to read over coffee: briefings grouped by feed.

Feeds come in the order first met, articles newest first within each; articles that came from
no feed follow, and the ones that failed are listed last, so the digest accounts for every
record. Text from articles is escaped: a headline cannot inject Markdown or HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from .records import BatchRecord

__all__ = ["to_digest"]

_NO_FEED = "Articles"
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _plain(text: str | None, limit: int = 300) -> str:
    flat = " ".join((text or "").split())
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return _SPECIAL.sub(r"\\\1", flat)


def to_digest(records: Iterable[BatchRecord]) -> str:
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
    done = sum(len(group) for group in groups.values())
    feeds = sum(1 for key in groups if key)
    counts = f"{done} briefings" + (f" from {feeds} feeds" if feeds else "")
    lines = [
        "# News digest",
        "",
        counts + (f"; {len(failed)} not summarised" if failed else ""),
        "",
    ]
    for key in sorted(groups, key=lambda k: k == ""):  # feeds first, in the order met
        heading = titles.get(key) or key or _NO_FEED
        lines += [f"## {_plain(heading, 120)}", ""]
        if key and heading != key:
            lines += [f"<{key}>" if "://" in key else f"`{key}`", ""]
        for record in _newest_first(groups[key]):
            lines += _article(record)
    if failed:
        lines += ["## Not summarised", ""]
        for record in failed:
            error = record.error
            where = record.source.url or record.source.origin or record.id
            message = f"{error.type}: {error.message}" if error else "no briefing"
            lines.append(f"- {_plain(where, 200)}: {_plain(message)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _newest_first(group: list[BatchRecord]) -> list[BatchRecord]:
    def key(record: BatchRecord) -> tuple[bool, date, str]:
        published = record.source.published
        return (published is not None, published or date.min, record.id)

    return sorted(group, key=key, reverse=True)  # dated before undated, newest first


def _article(record: BatchRecord) -> list[str]:
    briefing = record.briefing
    assert briefing is not None
    source = record.source
    headline = _plain(source.title or briefing.headline, 200)
    title = f"[{headline}](<{source.url}>)" if source.url else headline
    facts = [source.published.isoformat() if source.published else None, briefing.language]
    lines = [f"### {title}", "", f"*{' · '.join(f for f in facts if f)}*", ""]
    lines += [_plain(briefing.summary, 600), ""]
    if briefing.who:
        people = [f"{_plain(a.name, 80)} ({_plain(a.role, 80)})" for a in briefing.who[:6]]
        lines.append(f"- **Who:** {'; '.join(people)}")
    if briefing.where:
        lines.append(f"- **Where:** {'; '.join(_plain(p.name, 80) for p in briefing.where[:6])}")
    dated = list(dict.fromkeys((t.date, _plain(t.event, 100)) for t in briefing.when if t.date))
    if dated:
        when = [f"{day} ({event})" for day, event in dated[:4]]
        lines.append(f"- **When:** {'; '.join(when)}")
    for allegation in briefing.allegations[:3]:
        against = f" against {_plain(allegation.against, 80)}" if allegation.against else ""
        lines.append(
            f"- **Alleged** by {_plain(allegation.made_by, 80)}{against} "
            f"({allegation.status}): {_plain(allegation.claim, 240)}"
        )
    for stake in briefing.stakes[:2]:
        lines.append(f"- **At stake** for {_plain(stake.for_whom, 80)}: {_plain(stake.what, 200)}")
    lines.append("")
    return lines
