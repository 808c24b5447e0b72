"""Where the outlets of a story disagree, each side with its outlet and its own words.

- **Counts**: a number in the leads of two outlets that counts the same thing (counts.py:
  the same noun, or none, and the same thing happening to it: "five people are dead",
  "left seven dead") and differs. A count only one outlet gives is no disagreement.
- **Dates**: one event, in the same words, dated to different days by different outlets
  (both dates to the day: a month holds its days).
- **Statuses**: one claim of one source that one outlet reports confirmed and another denied
  or disputed.

Nothing here knows any event or any kind of count: a disagreement is found only where the
outlets' own words line up. Where they say it with different words ("five dead", "seven
killed") it is not found: a word's meaning is not guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..batch.records import BatchRecord
from ..nlp.capitalised import split_sentences
from ..text import overlap_f1
from .counts import counts

__all__ = ["disagreements"]

LEAD_SENTENCES = 3  # where an article states its own figures; later come background, captions
SAME_EVENT = 0.6  # least word-overlap F1 of two dated events' words to be one event
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")  # a date to the day: "this month" holds "Thursday"
CONFIRMING, CONTESTING = {"confirmed"}, {"denied", "disputed"}


def disagreements(
    records: list[BatchRecord],
    texts: dict[str, str],
    outlet: Callable[[BatchRecord], str],
    allegations: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """The story's disagreements: counts from the articles' `texts`, dates from the briefings,
    statuses from the story's merged `allegations`."""
    return [
        *_counts(records, texts, outlet),
        *_dates(records, outlet),
        *_statuses(allegations),
    ]


def _counts(
    records: list[BatchRecord], texts: dict[str, str], outlet: Callable[[BatchRecord], str]
) -> list[dict[str, Any]]:
    """Counts of one thing (linked by `Count.same_thing` across outlets, a link joining two
    groups into one) where the outlets give more than one value."""
    if len({outlet(record) for record in records}) < 2:
        return []
    leads: dict[str, list[tuple[BatchRecord, int, int]]] = {}  # by language: one parse each
    for record in records:
        text = texts.get(record.id)
        if text:
            language = record.briefing.language if record.briefing else "en"
            for start, end in split_sentences(text, language)[:LEAD_SENTENCES]:
                leads.setdefault(language, []).append((record, start, end))
    stated = []  # (side, count)
    for language, sentences in leads.items():
        read = counts([(texts[r.id][s:e], r.source.published) for r, s, e in sentences], language)
        for (record, start, end), said in zip(sentences, read, strict=True):
            quote = texts[record.id][start:end]
            for count in said:
                side = {"outlet": outlet(record), "article": record.id, "values": [count.written],
                        "quote": quote, "start": start, "end": end}  # fmt: skip
                stated.append((side, count))
    linked = _groups(len(stated), lambda i, j: stated[i][0]["outlet"] != stated[j][0]["outlet"]
                     and stated[i][1].same_thing(stated[j][1]))  # fmt: skip
    found = []
    for members in linked:
        values = [stated[i][1] for i in members]
        if any(a.differs(b) for a in values for b in values):
            sides = sorted((stated[i][0] for i in members), key=lambda s: (s["outlet"], s["start"]))
            found.append({"about": "count", "what": values[0].what, "sides": sides})
    return found


def _groups(n: int, linked: Callable[[int, int], bool]) -> list[list[int]]:
    """Items 0..n-1 in groups: two linked items are in one group, and so are the groups a
    link joins (union-find), each group in order."""
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = i = parent[parent[i]]
        return i

    for i in range(n):
        for j in range(i + 1, n):
            if linked(i, j):
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


def _dates(
    records: list[BatchRecord], outlet: Callable[[BatchRecord], str]
) -> list[dict[str, Any]]:
    dated = [
        (outlet(record), record, item)
        for record in records
        if record.briefing is not None
        for item in record.briefing.when
        if item.date and _DAY.fullmatch(item.date) and item.evidence.grounded
    ]
    found: list[dict[str, Any]] = []
    for i, (outlet_a, record_a, a) in enumerate(dated):
        for outlet_b, record_b, b in dated[i + 1 :]:
            if outlet_a == outlet_b or a.date == b.date:
                continue
            if overlap_f1(a.event, b.event) < SAME_EVENT:
                continue
            _join(found, "date", _side(outlet_a, record_a, a, a.date),
                  _side(outlet_b, record_b, b, b.date))  # fmt: skip
    return found


def _statuses(allegations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for allegation in allegations:
        said = {s["status"] for s in allegation["statuses"]}
        if not (said & CONFIRMING and said & CONTESTING):
            continue  # "reported" against "alleged" is wording, not a disagreement
        sides = [
            {**mention, "values": [status["status"]]}
            for status, mention in zip(allegation["statuses"], allegation["mentions"], strict=True)
        ]
        found.append({"about": "status", "what": allegation["claim"], "sides": sides})
    return found


def _side(outlet: str, record: BatchRecord, item: Any, value: str | None) -> dict[str, Any]:
    ev = item.evidence
    return {"outlet": outlet, "article": record.id, "values": [value], "quote": ev.quote,
            "start": ev.start, "end": ev.end}  # fmt: skip


def _join(found: list[dict[str, Any]], about: str, a: dict[str, Any], b: dict[str, Any]) -> None:
    """One disagreement per statement: a side already in one brings the other side to it."""
    for known in found:
        if known["about"] != about:
            continue
        quotes = {(s["article"], s["start"]) for s in known["sides"]}
        if (a["article"], a["start"]) in quotes or (b["article"], b["start"]) in quotes:
            for side in (a, b):
                if (side["article"], side["start"]) not in quotes:
                    known["sides"].append(side)
            return
    found.append({"about": about, "what": a["quote"], "sides": [a, b]})
