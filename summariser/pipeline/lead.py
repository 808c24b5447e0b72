"""The lead: where a news story states its main event, its people, its place and its day.

News puts what matters first, so the first sentences of the first paragraph or two are where
code looks for what the model left out (amend.py) and for the main event's day (event_date.py).
"""

from __future__ import annotations

import re

from ..nlp import analyse
from .wording import ends_whole

__all__ = ["LEAD_CHARS", "dateline", "first_sentences", "lead_of"]

LEAD_CHARS = 900  # the lead (first paragraph or two), where news states its main event and its day
_LEAD_SENTENCES = 3  # where a lead names the main event's people and its exact place
# "LONDON -- The peaks ...", "KUNDUZ, Afghanistan -- ...", "CHARLOTTE (AP) - ...": the city a
# wire story is filed from, in capitals, opening its first lines.
_DATELINE = re.compile(
    r"(?<![\w])(?P<place>[A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+){0,3})"
    r"(?:,[ \t]+[A-Z][\w.]+(?:[ \t]+[A-Z][\w.]+)?)?[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?"
    r"(?:--|—|–|-)[ \t]+(?=[A-Z“\"'])"
)
_NOT_PLACES = frozenset(
    "UPDATE UPDATED EXCLUSIVE BREAKING WATCH VIDEO PHOTOS LIVE OPINION ANALYSIS EDITORIAL".split()  # noqa: SIM905
)
_DATELINE_CHARS = 300


def first_sentences(text: str, limit: int) -> str:
    """The text's first `limit` sentences, as the one splitter reads them."""
    return " ".join(analyse(text).sentence_texts[:limit])


def lead_of(text: str) -> str:
    """The lead's first sentences, where it names the main event's people and place."""
    reading = analyse(text)
    opening = [
        sentence
        for sentence, (start, _) in zip(reading.sentence_texts, reading.sentences, strict=True)
        if start < LEAD_CHARS and ends_whole(sentence)  # a headline or a caption ends none
    ]
    return " ".join(opening[:_LEAD_SENTENCES])


def dateline(text: str) -> str | None:
    """The place a story's dateline names ("LONDON" of "LONDON -- ..."), as written."""
    found = _DATELINE.search(text[:_DATELINE_CHARS])
    if found is None or set(found.group("place").split()) & _NOT_PLACES:
        return None
    return found.group("place")
