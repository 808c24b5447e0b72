"""How well articles were grouped into stories: B-cubed precision and recall (Bagga & Baldwin,
1998; Amigó et al., 2009), each article scored against the gold event it reports.

For an article, precision is the share of its story that reports its event, recall the share
of its event that is in its story; both are averaged over the articles that have gold. Gold
articles are the shared/eval/articles layout: a Giveme5W1H article's `gold.event_category`
names its event.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from .grouping import Member

__all__ = ["bcubed", "gold_events"]


def gold_events(folder: Path) -> tuple[list[Member], dict[str, str]]:
    """The articles of `folder` (the shared/eval/articles layout) in publication order, by
    text alone, and the gold event of each that names one."""
    members, gold = [], {}
    for path in sorted(folder.glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        published = date.fromisoformat(raw["published"]) if raw.get("published") else None
        title, language = raw.get("title") or "", raw.get("language") or "en"
        members.append(Member(raw["id"], title, raw["text"], published, language))
        if (raw.get("gold") or {}).get("event_category"):
            gold[raw["id"]] = raw["gold"]["event_category"]
    members.sort(key=lambda m: (m.published is None, m.published or date.min, m.id))
    return members, gold


def bcubed(found: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, float]:
    """(precision, recall) of `found` (article -> story) against `gold` (article -> event),
    over the articles of `gold`; articles without gold are left out of both."""
    scored = [a for a in gold if a in found]
    if not scored:
        return 0.0, 0.0
    precision = recall = 0.0
    for article in scored:
        story = {a for a in scored if found[a] == found[article]}
        event = {a for a in scored if gold[a] == gold[article]}
        both = len(story & event)
        precision += both / len(story)
        recall += both / len(event)
    return precision / len(scored), recall / len(scored)
