"""Each item's kind decided by code, from evidence in the article that agrees.

A small model's kinds were guesses: it called people, cities, a time zone and a hashtag
"country". So the model is not asked. An actor is a country where a gazetteer knows it as
one; a person where the article writes a title or an honorific before it ("Mr Comey",
"President Obama"), its name holds one ("Charlotte Mayor Jennifer Roberts", "Nato
spokesman"), or the tagger typed a mention with a first name a person, however it typed the
surname alone; else what the tagger typed most of its mentions; unnamed people a person or a
group by the number of their noun; "other" only where nothing agrees. A place is what the
gazetteers say (countries, regions, cities, continents), else what the noun heading its name
says ("Kunduz province" a region, "Sandilands stop" a facility, "Elgin Road" a street, no
facility). A person is never a place.
"""

from __future__ import annotations

from collections import Counter

from ..briefing.schema import ActorKind, PlaceKind
from ..nlp import Candidate, Reading, country_of, place_kind
from ..nlp.lexicon import PERSON_TITLES, en, heads_a_body
from ..text import normalise

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
    if reading.titled(name) or _holds_a_title(name, reading.language):
        return "person"
    mentions = [(e.text, e.type) for e in reading.mentioned(name)]
    if any(t == "person" and len(text.split()) > 1 for text, t in mentions):
        return "person"  # a first name with the surname, however the surname alone was typed
    typed = [_ACTOR_KINDS[t] for _, t in mentions if t in _ACTOR_KINDS]
    if typed:
        counts = Counter(typed)
        return max(counts, key=lambda kind: (counts[kind], -typed.index(kind)))
    if heads_a_body(name, reading.language):
        return "organisation"  # "Secretaria de Saúde", where no tagger types names
    return _ACTOR_KINDS.get(entity or "", "other")  # a city that acts, a name of the model's


def _holds_a_title(name: str, language: str) -> bool:
    """A name that is or holds a person's title: "London Mayor", "Nato spokesman", "Charlotte
    Mayor Jennifer Roberts"; elsewhere one that starts with one ("Ministro Fernando
    Haddad")."""
    titles = PERSON_TITLES.get(language, frozenset())
    words = normalise(name).split()
    if language != "en":
        return len(words) > 1 and words[0] in titles
    return any(w in titles for w in words[1:]) or (len(words) == 1 and words[0] in titles)


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


_HEADS: dict[str, PlaceKind] = {
    **dict.fromkeys(en.SITE_NOUNS, "facility"),
    **dict.fromkeys(en.REGION_NOUNS, "region"),
    **dict.fromkeys(en.SETTLEMENT_NOUNS, "city"),
    **dict.fromkeys(en.STREET_NOUNS, "other"),
}


def named_as_place(name: str, language: str) -> PlaceKind | None:
    """The kind of place the name itself says it is: its head noun's ("Balkh province",
    "Elgin Road", "White House": a building, whatever town a gazetteer also calls so), else
    a gazetteer's; None where neither says."""
    words = normalise(name).split()
    if language == "en" and len(words) > 1 and words[-1] in _HEADS:
        return _HEADS[words[-1]]
    found = place_kind(name, language)
    if found:
        return found
    if language == "en" and words and words[-1] in _HEADS:
        return _HEADS[words[-1]]
    return None


def place_kind_of(name: str, candidate: Candidate | None, language: str) -> PlaceKind:
    found = named_as_place(name, language)
    if found:
        return found
    entity = candidate.entity if candidate else None
    return "facility" if entity in ("facility", "organisation") else "other"
