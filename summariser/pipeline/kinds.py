"""Each item's kind decided by code, from the reading's entity type and the gazetteers.

A small model's kinds were guesses: it called people, cities, a time zone and a hashtag
"country". So the model is no longer asked: a country is what a gazetteer knows as one, a
person, an organisation or a group what the reader typed as one, unnamed people a person or a
group by the number of their noun, and anything else "other", which is never wrong. A person
is never a place; a demonym, a group or a person is never listed under where.
"""

from __future__ import annotations

from ..briefing.schema import ActorKind, PlaceKind
from ..nlp import Candidate, Reading, country_of, place_kind

__all__ = ["actor_kind", "can_be_place", "people_kind", "place_kind_of"]

_ACTOR_KINDS: dict[str, ActorKind] = {
    "person": "person",
    "organisation": "organisation",
    "group": "group",
    "facility": "organisation",
}


def actor_kind(
    name: str, candidate: Candidate | None, reading: Reading, at: int | None = None
) -> ActorKind:
    """`at`: where the article writes the name, for unnamed people's number."""
    if country_of(name, reading.language):
        return "country"
    entity = candidate.entity if candidate else None
    if entity == "people":
        return people_kind(name, at, reading)
    return _ACTOR_KINDS.get(entity or "", "other")  # a city that acts, a name of the model's


def people_kind(phrase: str, start: int | None, reading: Reading) -> ActorKind:
    """Unnamed people by the number of their noun, as the parse reads it where the article
    writes them (`start`): "the driver" is a person, "three passengers" a group."""
    if start is not None:
        head = start + len(phrase.rstrip()) - 1  # the phrase's last word is its noun
        return "person" if reading.singular_noun_at(head) else "group"
    return "group"


def can_be_place(candidate: Candidate | None) -> bool:
    """Whether a name may be listed under where: never a person, a group or unnamed people,
    and an organisation only where the article puts something at it ("at the Kremlin")."""
    if candidate is None:
        return True
    if candidate.entity == "organisation":
        return candidate.also_place
    return candidate.entity not in ("person", "group", "people", "time")


def place_kind_of(name: str, candidate: Candidate | None, language: str) -> PlaceKind:
    found = place_kind(name, language)
    if found:
        return found
    entity = candidate.entity if candidate else None
    return "facility" if entity in ("facility", "organisation") else "other"
