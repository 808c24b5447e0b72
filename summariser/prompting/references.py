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
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from ..nlp import (
    Analysis,
    Entity,
    analyse,
    country_of,
    is_stopword,
    place_kind,
    same_entity,
    stem,
)
from ..text import normalise
from .names import unnamed_actors
from .times import spot

__all__ = ["Candidate", "CandidateKind", "References", "references_of"]

CandidateKind = Literal["name", "place", "people", "time"]


@dataclass(frozen=True)
class Candidate:
    text: str  # the article's own words
    kind: CandidateKind
    also_place: bool = False  # a name also written as a place ("at the Kremlin")
    also_actor: bool = False  # a place that acts too: a country ("the US said")
    entity: str = "name"  # the reading's type: person, organisation, group, place, facility ...


@dataclass(frozen=True)
class References:
    """The sentences and candidates of one article, which the model's draft cites."""

    sentences: tuple[str, ...]
    candidates: tuple[Candidate, ...]
    language: str = "en"  # the article's, as the reading identified it

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
        wanted = _content_words(words, self.language)
        if not wanted:
            return None
        folded = self._sentence_words
        rarity = {w: 1 / (1 + sum(w in held for held in folded)) for w in wanted}
        total = sum(rarity.values())
        source = _content_words(by or "", self.language)
        best, score = None, 0.0
        for sentence, held in zip(self.sentences, folded, strict=True):
            share = sum(rarity[w] for w in wanted if w in held) / total
            if source and source & held:
                share += _SOURCE_BONUS
            if share > score:
                best, score = sentence, share
        return best if score >= _SAYS_ENOUGH else None

    def sentence_naming(self, source: str | None, against: str | None) -> str | None:
        """The first sentence that writes `source` (and `against` too, where one does):
        where a claim's own words match no sentence (the model wrote them in another
        language than the article's), the statement of its source, in the article's."""
        if not source or not normalise(source):
            return None
        padded = [f" {normalise(s)} " for s in self.sentences]
        naming = [i for i, held in enumerate(padded) if self._writes(held, source)]
        both = [i for i in naming if against and self._writes(padded[i], against)]
        found = both or naming
        return self.sentences[found[0]] if found else None

    def _writes(self, padded: str, name: str) -> bool:
        """Whether a sentence (folded, padded with spaces) writes `name`: as whole words, or
        outside English as the start of words, where case endings and particles join the
        name ("류화영의", "Полины")."""
        key = normalise(name)
        if not key:
            return False
        if self.language == "en":
            return f" {key} " in padded
        return f" {key}" in padded or f" {' '.join(stem(w) for w in key.split())}" in padded

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


_SOURCE_BONUS = 0.2
_SAYS_ENOUGH = 0.35  # of a claim's words, weighted by rarity


def _content_words(text: str, language: str = "en") -> set[str]:
    return {w for w in normalise(text).split() if len(w) > 1 and not is_stopword(w, language)}


def references_of(text: str) -> References:
    """The article's references: its sentences, and its names, places, people and times."""
    reading = analyse(text)
    return References(reading.sentence_texts, tuple(_candidates(reading)), reading.language)


_ACTOR_TYPES = ("person", "organisation", "group")


def _candidates(reading: Analysis) -> list[Candidate]:
    """One candidate per entity (same_entity decides), written in its fullest form, typed:
    a person, organisation or group is a name; a place or facility a place, offered as an
    actor too where it is a country (countries act: "the US said"); an organisation written
    after "in" or "at" is offered as a place too. Then unnamed people, then time phrases."""
    groups: list[list[Entity]] = []
    for entity in reading.entities:
        if entity.type == "event":
            continue
        home = next(
            (
                group
                for group in groups
                if any(_one_entity(entity, e, reading.language) for e in group)
            ),
            None,
        )
        if home is None:
            groups.append([entity])
        else:
            home.append(entity)
    found: list[tuple[int, Candidate]] = []
    for group in groups:
        found.append(
            (group[0].start, _typed(_written(group, reading.language), group, reading.language))
        )
    text = reading.text
    found += [
        (text.find(p), Candidate(p, "people", entity="people"))
        for p in unnamed_actors(text)
        if not any(w[0].isupper() for w in p.split()[1:])  # "the Charlotte Police": a name
    ]
    found.sort(key=lambda pair: pair[0])
    times = [Candidate(phrase, "time", entity="time") for phrase in spot(text)]
    return [c for _, c in found] + times


def _written(group: list[Entity], language: str) -> str:
    """How a candidate is written: a person or body in its fullest form ("Vladimir Putin",
    not "Putin"); a country as the article mostly calls it ("UK", not the "Britain" of one
    sentence), for no name of a country is fuller than another."""
    forms = [e.text for e in group]
    if all(country_of(form, language) for form in forms):
        return max(forms, key=lambda t: (forms.count(t), len(t.split()), len(t)))
    return max(forms, key=lambda t: (len(t.split()), len(t)))


def _one_entity(one: Entity, other: Entity, language: str) -> bool:
    """Two mentions of one entity: the same words, whatever the reader typed them ("Felipinho"
    a person here, an organisation there), or names same_entity joins, of types that agree
    ("New York" the city is no part of "New York Times" the newspaper)."""
    if normalise(one.text) == normalise(other.text):
        return True
    types = {one.type, other.type}
    agree = len(types) == 1 or "name" in types or types <= {"place", "facility"}
    return agree and same_entity(one.text, other.text, language)


def _typed(written: str, group: list[Entity], language: str) -> Candidate:
    """The candidate of one entity's mentions, of the type the reader gives two in three of
    them (the first of a tie); where it gives none so often it is unsure ("Mondelez" a person
    here, a company there), and the entity is untyped: the gazetteers say what is a place."""
    types = [e.type for e in group]
    counts = Counter(types)
    entity = max(counts, key=lambda t: (counts[t], -types.index(t)))
    if counts[entity] * 3 < len(types) * 2:
        entity = "name"
    if entity == "name":  # a language without a pipeline, or an unsure reader
        gazetteer = place_kind(written, language)
        if gazetteer is None:
            return Candidate(written, "name", entity="name")
        return Candidate(written, "place", also_actor=gazetteer == "country", entity="place")
    if entity in ("place", "facility"):
        return Candidate(
            written, "place", also_actor=country_of(written, language) is not None, entity=entity
        )
    located = sum(e.located for e in group)
    return Candidate(written, "name", also_place=located > 0, entity=entity)
