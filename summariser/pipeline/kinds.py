"""Each item's kind decided by code, from the reading's entity type and the gazetteers.

A small model's kinds are guesses: it called people, cities, a time zone and a hashtag
"country". Here a country is what a gazetteer knows as one, a person what the reader typed
as one, and the model's kind is kept only where neither knows better, and never as
"country". A person is never a place; a demonym, a group or a person is never listed under
where.
"""

from __future__ import annotations

from ..briefing.schema import ActorKind, PlaceKind
from ..nlp import country_of, place_kind
from ..prompting.references import Candidate

__all__ = ["actor_kind", "can_be_place", "place_kind_of"]

_ACTOR_KINDS: dict[str, ActorKind] = {
    "person": "person",
    "organisation": "organisation",
    "group": "group",
    "facility": "organisation",
}


def actor_kind(
    name: str, candidate: Candidate | None, guessed: ActorKind, language: str
) -> ActorKind:
    if country_of(name, language):
        return "country"
    entity = candidate.entity if candidate else None
    if entity in _ACTOR_KINDS:
        return _ACTOR_KINDS[entity]
    if entity == "place":
        return "other"  # a city or region that acts: its people or its government
    return "other" if guessed == "country" else guessed


def can_be_place(candidate: Candidate | None) -> bool:
    """Whether a name may be listed under where: never a person, a group or unnamed people."""
    if candidate is None:
        return True
    return candidate.entity not in ("person", "group", "people", "time")


def place_kind_of(
    name: str, candidate: Candidate | None, guessed: PlaceKind, language: str
) -> PlaceKind:
    found = place_kind(name, language)
    if found:
        return found
    entity = candidate.entity if candidate else None
    if entity in ("facility", "organisation"):
        return "facility"
    return "other" if guessed == "country" else guessed
