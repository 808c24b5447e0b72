"""What the model cites instead of copying: the article's sentences and code's candidates.

A 1.5B model that copies a quote starts it mid-word or paraphrases it, and a quote costs a
token a word or so on a slow CPU. So the model cites: a name, place or time by the checklist
entry code found (messages.py shows them typed, so a person is never offered as a place nor a
time as an actor), a claim or a stake by its own few words. Code then writes the candidate's
own words and the whole sentence that says the claim (pipeline/assemble.py): every quote is the
article's and is found exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from ..text import normalise
from .names import typed_names, unnamed_actors
from .times import spot

__all__ = ["Candidate", "CandidateKind", "References", "references_of", "sentences_of"]

CandidateKind = Literal["name", "place", "people", "time"]
_PLACE_SHARE = 0.5  # written after "in", "at", "near" this often: mostly a place


@dataclass(frozen=True)
class Candidate:
    text: str  # the article's own words
    kind: CandidateKind
    also_place: bool = False  # a name also written as a place ("in Russia" beside "Russia said")


@dataclass(frozen=True)
class References:
    """The sentences and candidates of one article, which the model's draft cites."""

    sentences: tuple[str, ...]
    candidates: tuple[Candidate, ...]

    def of_kind(self, *kinds: CandidateKind) -> list[Candidate]:
        return [c for c in self.candidates if c.kind in kinds]

    def by_mentions(self, *kinds: CandidateKind) -> list[Candidate]:
        """Candidates of `kinds`, those the article comes back to most first (ties in article
        order). A small model copies a checklist from its top, so the top is the story's
        main actors and places, not page furniture or a name mentioned once in passing."""
        mentions = self._mentions
        ranked = [(i, c) for i, c in enumerate(self.candidates) if c.kind in kinds]
        ranked.sort(key=lambda pair: (-mentions[pair[0]], pair[0]))
        return [c for _, c in ranked]

    def candidate(self, written: str, *, widen: bool = True) -> Candidate | None:
        """The candidate the model meant by `written`: the one written so (case, quotes and
        punctuation aside), else, if `widen`, the only candidate holding every word of it
        ("Jong-un Kim" is "Kim Jong-un")."""
        key = normalise(written)
        if not key:
            return None
        folded = self._candidate_words
        same = [c for c, (text, _) in zip(self.candidates, folded, strict=True) if text == key]
        if same or not widen:
            return same[0] if same else None
        words = set(key.split())
        holding = [c for c, (_, held) in zip(self.candidates, folded, strict=True) if words <= held]
        return holding[0] if len(holding) == 1 else None

    def sentence_saying(self, words: str, by: str | None = None) -> str | None:
        """The sentence that says what `words` sum up: the one holding most of their words
        (weighted by rarity in the article), more so when it names `by`, if it holds enough
        of them."""
        wanted = _content_words(words)
        if not wanted:
            return None
        folded = self._sentence_words
        rarity = {w: 1 / (1 + sum(w in held for held in folded)) for w in wanted}
        total = sum(rarity.values())
        source = _content_words(by or "")
        best, score = None, 0.0
        for sentence, held in zip(self.sentences, folded, strict=True):
            share = sum(rarity[w] for w in wanted if w in held) / total
            if source and source & held:
                share += _SOURCE_BONUS
            if share > score:
                best, score = sentence, share
        return best if score >= _SAYS_ENOUGH else None

    @cached_property
    def _candidate_words(self) -> list[tuple[str, set[str]]]:
        """Each candidate in comparison form, and its words: folded once, looked up often."""
        return [
            (key, set(key.split())) for key in map(normalise, (c.text for c in self.candidates))
        ]

    @cached_property
    def _mentions(self) -> list[int]:
        """How many sentences mention each candidate, as written (case and all): in full, or
        by a capitalised word of it no other candidate has ("Putin" for "Vladimir Putin", not
        "Korea" for "North Korea")."""
        written = [c.text.split() for c in self.candidates]
        owners: dict[str, int] = {}
        for words in written:
            for word in set(words):
                owners[word] = owners.get(word, 0) + 1
        counts: list[int] = []
        for candidate, words in zip(self.candidates, written, strict=True):
            own = [w for w in words if owners[w] == 1 and len(w) > 2 and w[0].isupper()]
            forms = "|".join(map(re.escape, sorted({candidate.text, *own}, key=len, reverse=True)))
            mention = re.compile(rf"(?<!\w)(?:{forms})(?!\w)")
            counts.append(sum(mention.search(sentence) is not None for sentence in self.sentences))
        return counts

    @cached_property
    def _sentence_words(self) -> list[set[str]]:
        return [set(normalise(s).split()) for s in self.sentences]


_STOP_WORDS = (
    "the a an of to in on at for and or but is are was were be been has have had that this with "
    "by from as it its their his her they he she will would could should said says"
)
_STOP = frozenset(_STOP_WORDS.split())
_SOURCE_BONUS = 0.2
_SAYS_ENOUGH = 0.35  # of a claim's words, weighted by rarity


def _content_words(text: str) -> set[str]:
    return {w for w in normalise(text).split() if w not in _STOP and len(w) > 1}


def references_of(text: str) -> References:
    """The article's references: its sentences, and its names, places, people and times."""
    return References(sentences_of(text), tuple(_candidates(text)))


def _candidates(text: str) -> list[Candidate]:
    found: list[tuple[int, Candidate]] = []
    for name, share in typed_names(text).items():
        kind: CandidateKind = "place" if share >= _PLACE_SHARE else "name"
        found.append((text.find(name), Candidate(name, kind, also_place=share > 0)))
    found += [(text.find(p), Candidate(p, "people")) for p in unnamed_actors(text)]
    found.sort(key=lambda pair: pair[0])
    times = [Candidate(phrase, "time") for phrase in spot(text)]
    return [c for _, c in found] + times


# A sentence ends at . ! ? (and closing quotes or brackets) before a space and a capital, digit
# or opening quote; not after an initial ("E."), a dotted abbreviation ("U.S.") or a title.
_END = re.compile(r"(?<=[.!?…])(?P<close>[\"'”’)\]]*)\s+(?=[\"'“‘(\[]?[^\W_a-z])|(?<=[。！？])")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:[A-Za-z]\.)+[A-Za-z]|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sr|Jr|Gov|Sen|Rep|Gen|Col|"
    r"Lt|Sgt|Capt|Cmdr|Adm|Rev|Hon|Inc|Corp|Co|Ltd|No|Nos|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|"
    r"Aug|Sep|Sept|Oct|Nov|Dec|Mt|Ft|Ave|Blvd|Rd|Sra|Sr|Dra|Av))\.$"
)
MAX_SENTENCE = 600  # characters: a longer "sentence" is a list or furniture; cut at ; or ,


def sentences_of(text: str) -> tuple[str, ...]:
    """The text's sentences in order, each as written (inner spacing folded), lines kept apart."""
    found: list[str] = []
    for line in text.splitlines():
        start = 0
        line = line.strip()
        for boundary in _END.finditer(line):
            piece = line[start : boundary.start() + len(boundary.group("close") or "")]
            if _ABBREVIATION.search(piece.rstrip("\"'”’)]")):
                continue
            found += _pieces(piece)
            start = boundary.end()
        found += _pieces(line[start:])
    return tuple(found)


def _pieces(sentence: str) -> list[str]:
    sentence = " ".join(sentence.split())
    if not any(c.isalnum() for c in sentence):
        return []
    if len(sentence) <= MAX_SENTENCE:
        return [sentence]
    cut = max(sentence.rfind("; ", 0, MAX_SENTENCE), sentence.rfind(", ", 0, MAX_SENTENCE))
    cut = cut + 1 if cut > MAX_SENTENCE // 3 else MAX_SENTENCE
    return [sentence[:cut].strip(), *_pieces(sentence[cut:])]
