"""A story as a reader gets it: the articles that report one event, the outlets that carry
it, and its briefings merged, every merged item pointing to the grounded words of at least
one article (an item no article was found to say is left out, never written).

Merging is by name: "Putin" joins "Vladimir Putin" when exactly one longer name of the story
holds all its words, so "Smith" stays apart where the story has two Smiths. The role most
articles give wins (the longest on a tie); a timeline lists each resolved date once, with
the outlet and article that reported it first. Where outlets disagree (a count, a date, a
status) is disagree.py's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from ..batch.records import BatchRecord
from ..nlp import same_entity
from ..text import normalise, overlap_f1
from .disagree import disagreements
from .grouping import Grouper, Member
from .store import Store

__all__ = ["group_stories", "outlet_of", "stories_json"]

SAME_CLAIM = 0.5  # least word-overlap F1 of two claims of one source for one allegation


def group_stories(store: Store, grouper: Grouper | None = None) -> list[dict[str, Any]]:
    """Group the store's articles into stories, keeping every story it already holds (an
    article in one is never moved), write the new ones, and return them all as JSON-ready
    dicts, largest first."""
    grouper = grouper or Grouper()
    known = dict(store.db.execute("SELECT article_id, story_id FROM story_members"))
    read = [(record, text) for record, text in store.records() if record.briefing or text]
    for record, text in read:
        grouper.add(member_of(record, text), known.get(record.id))
    members = {aid: sid for sid, story in grouper.stories.items() for aid in story.members}
    by_story: dict[str, list[BatchRecord]] = {}
    for record, _ in read:
        by_story.setdefault(members[record.id], []).append(record)
    texts = {record.id: text for record, text in read if text}
    stories = [_story(sid, records, texts) for sid, records in by_story.items()]
    _write(store, stories, known)
    return sorted(stories, key=lambda s: (-len(s["articles"]), s["first_published"] or "", s["id"]))


def stories_json(stories: Iterable[dict[str, Any]]) -> dict[str, Any]:
    return {"stories": list(stories)}


def member_of(record: BatchRecord, text: str | None) -> Member:
    """What grouping reads of a record: its title and text (the briefing's own words where
    the text is not at hand) and its briefing's names."""
    briefing = record.briefing
    title = record.source.title or (briefing.headline if briefing else "")
    if text is None and briefing is not None:
        text = " ".join([briefing.summary, *(i.evidence.quote for i in briefing.items())])
    names = tuple(x.name for x in (*briefing.who, *briefing.where)) if briefing else ()
    return Member(
        id=record.id,
        title=title,
        text=text or "",
        published=record.source.published,
        language=briefing.language if briefing else "en",
        names=names,
    )


def outlet_of(record: BatchRecord) -> str:
    """Who published it: the host of its page (an aggregator's feed carries many outlets),
    else its feed's title or host, else the input it was read from."""
    source = record.source
    page = urlsplit(source.url).hostname if source.url else None
    feed = urlsplit(source.feed).hostname if source.feed else None
    host = page or (None if source.feed_title else feed)
    if host:
        return re.sub(r"^www\d*\.", "", host)  # www.bbc.co.uk and www1.folha… as their outlet
    return source.feed_title or source.origin or record.id


def _story(story_id: str, records: list[BatchRecord], texts: dict[str, str]) -> dict[str, Any]:
    records = sorted(records, key=_published)
    dates = [r.source.published for r in records if r.source.published]
    briefed = [r for r in records if r.briefing]
    first = briefed[0] if briefed else records[0]
    allegations = _allegations(briefed)
    return {
        "id": story_id,
        "title": first.source.title or (first.briefing.headline if first.briefing else first.id),
        "first_published": min(dates).isoformat() if dates else None,
        "last_published": max(dates).isoformat() if dates else None,
        "outlets": sorted({outlet_of(r) for r in records}),
        "articles": [
            {
                "id": r.id,
                "outlet": outlet_of(r),
                "title": r.source.title or (r.briefing.headline if r.briefing else None),
                "url": r.source.url,
                "published": r.source.published.isoformat() if r.source.published else None,
            }
            for r in records
        ],
        "who": _merged(briefed, "who"),
        "where": _merged(briefed, "where"),
        "timeline": _timeline(briefed),
        "allegations": allegations,
        "disagreements": disagreements(records, texts, outlet_of, allegations),
    }


def _published(record: BatchRecord) -> tuple[bool, date, str]:
    when = record.source.published
    return (when is None, when or date.min, record.id)


def _mention(record: BatchRecord, item: Any) -> dict[str, Any]:
    ev = item.evidence
    return {
        "article": record.id,
        "outlet": outlet_of(record),
        "quote": ev.quote,
        "start": ev.start,
        "end": ev.end,
    }


def _merged(records: list[BatchRecord], listed: str) -> list[dict[str, Any]]:
    """Actors or places of every article, one entry per entity, grounded mentions only."""
    found: list[tuple[BatchRecord, Any]] = [
        (r, item) for r in records for item in getattr(r.briefing, listed) if item.evidence.grounded
    ]
    names = {normalise(item.name) for _, item in found}
    entries: dict[str, dict[str, Any]] = {}
    for record, item in found:
        key = _entity(normalise(item.name), names, record.briefing.language)
        entry = entries.setdefault(key, _entry())
        entry["names"][item.name] += 1
        entry["kinds"][item.kind] += 1
        if getattr(item, "role", ""):
            entry["roles"][item.role] += 1
        entry["mentions"].append(_mention(record, item))
    merged = []
    for entry in entries.values():
        shown = {
            "name": max(entry["names"], key=lambda n: (len(n.split()), entry["names"][n], n)),
            "kind": entry["kinds"].most_common(1)[0][0],
        }
        if entry["roles"]:
            shown["role"] = max(entry["roles"], key=lambda r: (entry["roles"][r], len(r), r))
        shown["outlets"] = sorted({m["outlet"] for m in entry["mentions"]})
        shown["mentions"] = entry["mentions"]
        merged.append(shown)
    return sorted(merged, key=lambda e: (-len(e["outlets"]), -len(e["mentions"]), e["name"]))


def _entry() -> dict[str, Any]:
    return {"names": Counter(), "kinds": Counter(), "roles": Counter(), "mentions": []}


def _entity(name: str, names: set[str], language: str) -> str:
    """The name a mention is merged under: the one longer name of the same entity, if exactly
    one is; else its own."""
    fuller = [n for n in names if len(n) > len(name) and same_entity(name, n, language or "en")]
    return fuller[0] if len(fuller) == 1 else name


def _timeline(records: list[BatchRecord]) -> list[dict[str, Any]]:
    """Each resolved date once: what the earliest article says happened then, and who else
    dates something to that day."""
    days: dict[str, dict[str, Any]] = {}
    for record in records:  # oldest first
        assert record.briefing is not None
        for item in record.briefing.when:
            if item.date is None or not item.evidence.grounded:
                continue
            first = {"date": item.date, "event": item.event, "first": _mention(record, item)}
            day = days.setdefault(item.date, {**first, "also": []})
            if day["first"]["article"] != record.id:
                day["also"].append(_mention(record, item))
    return sorted(days.values(), key=lambda d: d["date"])


def _allegations(records: list[BatchRecord]) -> list[dict[str, Any]]:
    """Each claim once per source, with every outlet that reports it."""
    merged: list[dict[str, Any]] = []
    for record in records:
        assert record.briefing is not None
        for item in record.briefing.allegations:
            if not item.evidence.grounded:
                continue
            same = next(
                (
                    m
                    for m in merged
                    if normalise(m["made_by"]) == normalise(item.made_by)
                    and overlap_f1(m["claim"], item.claim) >= SAME_CLAIM
                ),
                None,
            )
            if same is None:
                same = {"claim": item.claim, "made_by": item.made_by, "against": item.against,
                        "statuses": [], "mentions": []}  # fmt: skip
                merged.append(same)
            same["statuses"].append({"outlet": outlet_of(record), "status": item.status})
            same["mentions"].append(_mention(record, item))
    for m in merged:
        m["outlets"] = sorted({s["outlet"] for s in m["statuses"]})
    return sorted(merged, key=lambda m: -len(m["outlets"]))


def _write(store: Store, stories: list[dict[str, Any]], known: dict[str, str]) -> None:
    with store.db:
        for story in stories:
            store.db.execute(
                "INSERT INTO stories (id, title, first_published, last_published, articles) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                "first_published = excluded.first_published, "
                "last_published = excluded.last_published, articles = excluded.articles",
                (story["id"], story["title"], story["first_published"],
                 story["last_published"], len(story["articles"])),
            )  # fmt: skip
            store.db.executemany(
                "INSERT OR IGNORE INTO story_members (story_id, article_id) VALUES (?, ?)",
                [(story["id"], a["id"]) for a in story["articles"] if a["id"] not in known],
            )
