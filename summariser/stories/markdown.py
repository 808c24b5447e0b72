"""Stories as Markdown, for pipes and reading: each story with its outlets, merged briefing and
disagreements. Text from articles is escaped as the digest escapes it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..batch.digest.markdown import plain

__all__ = ["stories_markdown"]


def stories_markdown(stories: Iterable[dict[str, Any]]) -> str:
    stories = list(stories)
    articles = sum(len(s["articles"]) for s in stories)
    lines = ["# Stories", "", f"{len(stories)} stories from {articles} articles", ""]
    for story in stories:
        lines += _story(story)
    return "\n".join(lines).rstrip() + "\n"


def _story(story: dict[str, Any]) -> list[str]:
    days = sorted({story["first_published"], story["last_published"]} - {None})
    facts = [" – ".join(days) if days else "undated", f"{len(story['outlets'])} outlets"]
    lines = [f"## {plain(story['title'], 200)}", "", f"*{' · '.join(facts)}*", ""]
    for article in story["articles"]:
        title = plain(article["title"] or article["id"], 200)
        linked = f"[{title}](<{article['url']}>)" if article["url"] else title
        lines.append(f"- {linked} ({plain(article['outlet'], 80)})")
    lines.append("")
    if story["who"]:
        people = [_named(a) for a in story["who"][:8]]
        lines.append(f"- **Who:** {'; '.join(people)}")
    if story["where"]:
        lines.append(f"- **Where:** {'; '.join(plain(p['name'], 80) for p in story['where'][:8])}")
    for day in story["timeline"][:6]:
        first = day["first"]["outlet"]
        lines.append(f"- **{day['date']}:** {plain(day['event'], 160)} (first: {plain(first, 80)})")
    for allegation in story["allegations"][:4]:
        statuses = ", ".join(
            f"{plain(s['outlet'], 60)}: {s['status']}" for s in allegation["statuses"]
        )
        lines.append(f"- **Alleged** by {plain(allegation['made_by'], 80)} ({statuses}): "
                     f"{plain(allegation['claim'], 240)}")  # fmt: skip
    for disagreement in story["disagreements"]:
        sides = "; ".join(
            f"{plain(s['outlet'], 60)} says {', '.join(plain(v, 40) for v in s['values'])}: "
            f"“{plain(s['quote'], 200)}”"
            for s in disagreement["sides"]
        )
        about = disagreement["about"]
        if about == "count":
            about += f" ({plain(disagreement['what'], 60)})"
        lines.append(f"- **Outlets disagree** on a {about}: {sides}")
    lines.append("")
    return lines


def _named(actor: dict[str, Any]) -> str:
    role = f" ({plain(actor['role'], 80)})" if actor.get("role") else ""
    return plain(actor["name"], 80) + role
