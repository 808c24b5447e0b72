"""How a news text is laid out: sentences that end, the lead, the dateline.

A line that ends no sentence is a headline, a caption, a credit or a button: page furniture,
never a claim nor part of the lead. News puts what matters first, so the lead (the first
sentences that end, in the first paragraph or two) is where the main event's people, place and
day are; a wire story opens with the city it is filed from ("LONDON -- ...").
"""

from __future__ import annotations

import re

__all__ = ["LEAD_CHARS", "LEAD_SENTENCES", "SHORT_LINE_WORDS", "dateline", "ends_whole"]

LEAD_CHARS = 900  # the lead (first paragraph or two), where news states its main event and its day
LEAD_SENTENCES = 3  # where a lead names the main event's people and its exact place
# A line that ends no sentence and is no longer than this is a headline, a caption, a button.
SHORT_LINE_WORDS = 12
_SENTENCE_ENDS = tuple('.!?…。！？"”’)»')


def ends_whole(text: str) -> bool:
    """Whether `text` ends a sentence (its last character closes one)."""
    return text.rstrip().endswith(_SENTENCE_ENDS) and not text.rstrip().endswith(("...", "…"))


# "LONDON -- The peaks ...", "KUNDUZ, Afghanistan -- ...", "CHARLOTTE (AP) - ...": the city a
# wire story is filed from, in capitals, opening its first lines.
_DATELINE = re.compile(
    r"(?<![\w])(?P<place>[A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+){0,3})"
    r"(?:,[ \t]+[A-Z][\w.]+(?:[ \t]+[A-Z][\w.]+)?)?[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?"
    r"(?:--|—|–|―|-)[ \t]+(?=[A-Z“\"'])"  # ― is U+2015, a horizontal bar
)
# Labels in capitals that open a story the way a dateline does, naming no place.
_LABELS = frozenset(
    "UPDATE UPDATED EXCLUSIVE BREAKING WATCH VIDEO PHOTOS LIVE OPINION ANALYSIS EDITORIAL".split()  # noqa: SIM905
)
_DATELINE_CHARS = 300


def dateline(text: str) -> str | None:
    """The place a story's dateline names ("LONDON" of "LONDON -- ..."), as written."""
    found = _DATELINE.search(text[:_DATELINE_CHARS])
    if found is None or set(found.group("place").split()) & _LABELS:
        return None
    return found.group("place")
