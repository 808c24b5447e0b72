"""What the model may cite: one candidate per entity the article names, unnamed people, times.

A 1.5B model that copies a quote starts it mid-word or paraphrases it, so it cites instead:
a name, place or time by the checklist entry code found here (the prompt shows them typed, so
a person is never offered as a place nor a time as an actor). Code then writes the
candidate's own words: every quote is the article's and is found exactly.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from ..text import normalise
from .entities import Entity
from .gazetteer import country_of, place_kind
from .phrases import unnamed_actors
from .same_entity import same_entity

__all__ = ["Candidate", "CandidateKind", "candidates_of"]

CandidateKind = Literal["name", "place", "people", "time"]


@dataclass(frozen=True)
class Candidate:
    text: str  # the article's own words
    kind: CandidateKind
    also_place: bool = False  # a name also written as a place ("at the Kremlin")
    also_actor: bool = False  # a place that acts too: a country ("the US said")
    entity: str = "name"  # the reading's type: person, organisation, group, place, facility ...


def candidates_of(
    text: str, language: str, entities: Sequence[Entity], times: Iterable[str]
) -> list[Candidate]:
    """One candidate per entity (same_entity decides), written in its fullest form, typed:
    a person, organisation or group is a name; a place or facility a place, offered as an
    actor too where it is a country (countries act: "the US said"); an organisation written
    after "in" or "at" is offered as a place too. Then unnamed people, then time phrases."""
    groups: list[list[Entity]] = []
    for entity in entities:
        if entity.type == "event":
            continue
        home = next(
            (group for group in groups if any(_one_entity(entity, e, language) for e in group)),
            None,
        )
        if home is None:
            groups.append([entity])
        else:
            home.append(entity)
    found = [
        (group[0].start, _typed(_written(group, language), group, language)) for group in groups
    ]
    found += [
        (text.find(p), Candidate(p, "people", entity="people"))
        for p in unnamed_actors(text)
        if not any(w[0].isupper() for w in p.split()[1:])  # "the Charlotte Police": a name
    ]
    found.sort(key=lambda pair: pair[0])
    return [c for _, c in found] + [Candidate(phrase, "time", entity="time") for phrase in times]


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
