"""Where: the places of the story, each once, of the kind the gazetteers say.

The model lists checklist places. Code keeps those that can be a place (never a person, a
group or unnamed people; an organisation only where the article puts something at it), adds
where exactly the lead says the main event happened ("near the Sandilands stop on Addiscombe
Road") and the city a wire story is filed from, and types each by gazetteer.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ..briefing.schema import Place, PlaceKind
from ..nlp import Reading, country_of, same_entity
from ..nlp.lexicon import en
from ..nlp.phrases import names_a_site, place_phrases
from ..nlp.times import alternatives
from ..text import normalise
from .context import Context
from .items import each_once, grounded, is_time, not_copied, not_furniture
from .kinds import can_be_place, named_as_place, place_kind_of

__all__ = ["places"]

_NOT_PLACES = ("time", "people")


def places(drafted: Iterable[str], context: Context, persons: list[str]) -> list[Place]:
    """The model's places (none of them one of `persons`), the lead's and the dateline's,
    each once, typed; grounded."""
    language = context.language
    where = _each_place_once(
        (
            Place(name=name, kind="other", evidence=context.locator.locate(name))
            for ref in drafted
            if (name := context.name(ref, refuse=_NOT_PLACES))
            and not is_time(name)
            and can_be_place(candidate := context.references.candidate(name, widen=False))
            and context.is_a_name(name, candidate)
            and not any(same_entity(name, person, language) for person in persons)
            and _happens_at(name, context)
        ),
        language,
    )
    where += _places_in_lead(where, context)
    where += _dateline_place(where, context)
    where = [p.model_copy(update={"kind": _kind(p.name, context)}) for p in where]
    return not_furniture(not_copied(grounded(_each_place_once(where, language))), context.reading)


def _happens_at(name: str, context: Context) -> bool:
    """Whether the place `name` is one where something in the story happens, not only an
    actor, a qualifier or who a person is: a name a gazetteer or its own head noun calls a
    place ("Balkh province"), unless the reader took it mostly for a body or it is a country
    (which acts); any other name ("F1", "Grand Prix") only where the article writes it after
    "in", "at", "to" ...; never a word that qualifies another ("US-based") nor a state that
    says who a person is ("Jason Chaffetz (R-Utah)"). Where the language has no parse,
    nothing says otherwise."""
    reading = context.reading
    if reading.doc is None:
        return True
    if _QUALIFIER.search(name):
        return False  # "US-based", "Wimbledon-bound": an adjective, no place
    folded = normalise(name)
    mentions = [e for e in reading.entities if normalise(e.text) == folded]
    if mentions and all(reading.qualifies_a_person(e) for e in mentions):
        return False  # "Rep. Jason Chaffetz (R-Utah)": who he is, not where anything happens
    if not mentions:
        return _after_a_locative(name, reading.text)  # no reader or gazetteer knows it
    types = Counter(e.type for e in mentions)
    if _first_name_of_a_person(folded, reading) > types["place"]:
        return False  # "Ivana" of "Ivana Trump", however the tagger typed it once
    actor = sum(types[t] for t in ("person", "organisation", "group"))
    body = actor > types["place"] + types["facility"]  # a body where people work, or a person
    if body and any(reading.predicate_of(e.start, e.end) for e in mentions):
        return False  # a body that does something in the story is an actor ("Congress acts")
    acts = country_of(name, context.language) or body
    known = named_as_place(name, context.language) is not None
    return (known and not acts) or any(reading.placed(e, worked_at=not body) for e in mentions)


def _first_name_of_a_person(folded: str, reading: Reading) -> int:
    """How often the article writes `folded` (a name, normalised) as the first words of a
    person's fuller name ("Ivana" of "Ivana Trump")."""
    return sum(
        e.type == "person" and normalise(e.text).startswith(f"{folded} ") for e in reading.entities
    )


def _after_a_locative(name: str, text: str) -> bool:
    """Whether the article writes `name` after "in", "at", "to" ... (and an article)."""
    leads = alternatives(en.LOCATIVES | en.DIRECTIONS)
    articles = alternatives(en.ARTICLES)
    found = re.search(rf"\b(?:{leads})\s+(?:(?:{articles})\s+)?{re.escape(name)}\b", text)
    return found is not None


_QUALIFIER = re.compile(r"-[a-z]+$")
_LOCATING = en.PRECISE_LOCATIVES | {"on", "of"}  # "stop on Addiscombe Road", "city of Kabul"


def _kind(name: str, context: Context) -> PlaceKind:
    """The gazetteer's or the name's kind; the dateline's place is a city, however the model
    listed it ("WASHINGTON --": the city, not the state)."""
    dateline = context.reading.dateline
    if dateline is not None and same_entity(name, dateline, context.language):
        return "city"
    candidate = context.references.candidate(name, widen=False)
    return place_kind_of(name, candidate, context.language)


def _each_place_once(items: Iterable[Place], language: str) -> list[Place]:
    """Each place once, as first listed; a spot within a place ("in a tunnel near Sandilands
    tram station") is a place of its own, beside the one it lies in."""
    listed = list(items)
    plain = each_once((p for p in listed if not names_a_site(p.name)), language, lambda old, _: old)
    kept = {id(p) for p in plain}
    return [p for p in listed if id(p) in kept or names_a_site(p.name)]


def _places_in_lead(where: list[Place], context: Context) -> list[Place]:
    """Where exactly the main event happened, as the lead says it ("near the Sandilands stop
    on Addiscombe Road"): a model lists the bare names ("Sandilands"), or leaves the place out.
    A locative phrase of the lead is added as written when it names a place the model did not
    list, or a spot within one (a stop, a tunnel, a consulate); "in the Russian port city of
    Vladivostok" says no more than a listed "Vladivostok". So is each checklist place (a name
    the article mostly writes as a place) that the lead writes and the model did not list."""
    lead, locate, language = context.reading.lead, context.locator.locate, context.language
    added: list[Place] = []
    folded_lead = f" {normalise(lead)} "
    for place in context.references.of_kind("place"):
        listed = [p.name for p in [*where, *added]]
        if (
            f" {normalise(place.text)} " in folded_lead
            and not any(same_entity(place.text, name, language) for name in listed)
            and _happens_at(place.text, context)
        ):
            added.append(Place(name=place.text, kind="other", evidence=locate(place.text)))
    for phrase in place_phrases(lead):
        listed = [p.name for p in [*where, *added]]
        folded = f" {normalise(phrase)} "
        if not names_a_site(phrase) and any(f" {normalise(n)} " in folded for n in listed):
            continue  # "in the Russian port city of Vladivostok": no more than "Vladivostok"
        for spot in _spots(phrase):
            if not any(same_entity(spot, p.name, language) for p in [*where, *added]):
                added.append(Place(name=spot, kind="other", evidence=locate(spot)))
    reading = context.reading
    for index in reading.lead_sentences:  # "struck the German consulate": a site, unnamed
        for site in reading.sites_in(*reading.sentences[index]):
            if not any(_within(site, p.name, language) for p in [*where, *added]):
                added.append(Place(name=site, kind="other", evidence=locate(site)))
    return added


def _within(site: str, name: str, language: str) -> bool:
    """Whether the site is the listed place, or a word of a listed spot's name ("Sandilands
    stop" of "Sandilands tram stop")."""
    return same_entity(site, name, language) or normalise(site) in normalise(name)


def _spots(phrase: str) -> list[str]:
    """The places a locative phrase names, each as its name is written: "near the Sandilands
    stop on Addiscombe Road" names the Sandilands stop and Addiscombe Road; the locatives and
    articles are no part of a name, nor is a place described, not named ("the northern Afghan
    city")."""
    spots: list[str] = []
    part: list[str] = []
    for word in [*phrase.split()[1:], "of"]:  # less the leading locative; "of" ends the last
        if word not in _LOCATING:
            part.append(word.rstrip(","))
            continue
        while part and part[0].lower() in en.ARTICLES:
            part = part[1:]
        name = " ".join(part)
        if part and (names_a_site(name) or all(w[0].isupper() for w in part)):
            spots.append(name)
        part = []
    return spots


def _dateline_place(where: list[Place], context: Context) -> list[Place]:
    """The city a wire story is filed from ("LONDON -- ..."), where the model did not list it:
    most often where its event happened, always where it was reported."""
    place = context.reading.dateline
    if place is None or any(same_entity(p.name, place, context.language) for p in where):
        return []
    return [Place(name=place, kind="city", evidence=context.locator.locate(place))]
