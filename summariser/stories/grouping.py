"""Which articles report the same event: stories, grown one article at a time.

An article is a TF-IDF vector of its title and opening (words folded and stemmed, the
language's stopwords dropped, so it works for any language stopwordsiso knows and, without
stopwords, for the rest) and, where it has a briefing, of the names of its actors and places.
It joins the story whose centroid is nearest, if that is near enough, shares more than one of
its terms, and the story's latest article is within a few days of it; else it starts a story.
Candidates come from an inverted index of each story's terms, so an article is compared with
the few stories that share its rarest words, never with every article: the work grows
linearly with the articles. Stories already made are never regrouped: a new article only
joins or starts one.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from ..nlp.words import is_stopword, stem

__all__ = ["Grouper", "Member", "Story"]

OPENING = 2000  # characters of the text read: the lead says what the event is
TITLE_WEIGHT = 3  # a headline word counts as that many words of the text
NAME_WEIGHT = 1  # a name in the briefing counts as one word more: at 3 names outweighed the text
KEPT_TERMS = 400  # an article's heaviest terms (about all of its opening)
LOOKUP_TERMS = 10  # its terms that find candidate stories: the rarest, heaviest ones
THRESHOLD = 0.15  # least cosine between an article and a story's centroid to join it
SHARED_TERMS = 2  # least terms an article shares with a story: one word alike is chance
WINDOW_DAYS = 3  # most days between an article and its story's latest article
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Member:
    """What grouping reads of an article."""

    id: str
    title: str
    text: str
    published: date | None = None
    language: str = "en"
    names: tuple[str, ...] = ()  # actors and places of its briefing, if it has one


@dataclass
class Story:
    id: str
    members: list[str] = field(default_factory=list)
    centroid: Counter[str] = field(default_factory=Counter)
    norm: float = 1.0  # the centroid's length, kept as it changes: not summed per comparison
    first: date | None = None
    last: date | None = None

    def near(self, when: date | None, days: int) -> bool:
        if when is None or self.last is None or self.first is None:
            return True
        return (self.first - when).days <= days and (when - self.last).days <= days


class Grouper:
    """Stories of the articles given to `add`, in the order given (publication order is best)."""

    def __init__(self, *, threshold: float = THRESHOLD, window_days: int = WINDOW_DAYS) -> None:
        self.threshold, self.window_days = threshold, window_days
        self.stories: dict[str, Story] = {}
        self._df: Counter[str] = Counter()  # articles each term is in
        self._seen = 0
        self._index: dict[str, set[str]] = {}  # term -> stories whose centroid holds it

    def add(self, member: Member, story_id: str | None = None) -> str:
        """The id of the story `member` joins (or starts); `story_id` places it in a known
        story instead (one rebuilt from a store), without comparing."""
        counts = _terms(member)
        self._seen += 1
        self._df.update(counts.keys())
        vector = self._weigh(counts)
        story = self.stories.get(story_id) if story_id else None
        if story is None and story_id is None:
            story = self._nearest(vector, member.published)
        if story is None:
            story = Story(story_id or _story_id(member.id))
            self.stories[story.id] = story
        self._join(story, member, vector)
        return story.id

    def add_all(self, members: Iterable[Member]) -> dict[str, str]:
        """Each member's story id, by member id."""
        return {m.id: self.add(m) for m in members}

    def _weigh(self, counts: Counter[str]) -> dict[str, float]:
        n = self._seen
        weights = {
            term: (1 + math.log(count)) * math.log((n + 1) / (self._df[term] + 0.5))
            for term, count in counts.items()
        }
        kept = sorted(weights.items(), key=lambda pair: -pair[1])[:KEPT_TERMS]
        norm = math.sqrt(sum(w * w for _, w in kept)) or 1.0
        return {term: w / norm for term, w in kept if w > 0}

    def _nearest(self, vector: dict[str, float], when: date | None) -> Story | None:
        lookup = sorted(vector, key=lambda term: -vector[term])[:LOOKUP_TERMS]
        candidates = {sid for term in lookup for sid in self._index.get(term, ())}
        best, best_score = None, self.threshold
        for sid in candidates:
            story = self.stories[sid]
            if not story.near(when, self.window_days):
                continue
            score = _cosine(vector, story)
            if score >= best_score and _shared(vector, story) >= SHARED_TERMS:
                best, best_score = story, score
        return best

    def _join(self, story: Story, member: Member, vector: dict[str, float]) -> None:
        story.members.append(member.id)
        story.centroid.update(vector)
        story.norm = math.sqrt(sum(w * w for w in story.centroid.values())) or 1.0
        for term in vector:
            self._index.setdefault(term, set()).add(story.id)
        when = member.published
        if when is not None:
            story.first = when if story.first is None else min(story.first, when)
            story.last = when if story.last is None else max(story.last, when)


def _terms(member: Member) -> Counter[str]:
    counts: Counter[str] = Counter()
    for weight, text in ((TITLE_WEIGHT, member.title), (1, member.text[:OPENING])):
        for word in _WORD.findall(text):
            if len(word) < 3 or word.isdigit() or is_stopword(word, member.language):
                continue
            counts[stem(word)] += weight
    for name in member.names:
        counts["name:" + " ".join(stem(w) for w in _WORD.findall(name))] += NAME_WEIGHT
    return counts


def _cosine(vector: dict[str, float], story: Story) -> float:
    centroid = story.centroid
    return sum(w * centroid.get(term, 0.0) for term, w in vector.items()) / story.norm


def _shared(vector: dict[str, float], story: Story) -> int:
    """How many of the article's terms the story holds: two headlines of four words each
    ("A neuronal circuit for overeating", "No safe haven for metastases") can pass the
    threshold on one word alone."""
    return sum(term in story.centroid for term in vector)


def _story_id(first_member: str) -> str:
    return "s-" + hashlib.sha256(first_member.encode("utf-8")).hexdigest()[:12]
