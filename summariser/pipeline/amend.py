"""What code adds to the model's answer, or drops from it, as the briefing is assembled.

A 1.5B model leaves out what the lead plainly says (the counted victims, the exact spot) and
sometimes copies the prompt's own examples or writes a placeholder where it has no name. These
rules use only the article's words and the prompt's text; `assemble` applies them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from ..briefing.schema import Actor, ActorKind, Allegation, Place, Stake, TimeRef
from ..nlp import analyse, same_entity
from ..prompting.messages import prompt_examples
from ..prompting.names import names_a_site, place_phrases, unnamed_actors
from ..prompting.references import Candidate
from ..text import normalise, overlap_f1
from .attribution import accused_in, source_of, status_of
from .grounding import Locator
from .kinds import actor_kind, people_kind
from .lead import dateline
from .wording import ends_whole

__all__ = [
    "dateline_place",
    "introduced_people",
    "names_something",
    "not_copied",
    "people_in_lead",
    "places_in_lead",
    "reported_claims",
    "sources_and_accused",
]

T = TypeVar("T", Actor, Place, TimeRef, Allegation, Stake)


def people_in_lead(who: list[Actor], lead: str, locator: Locator) -> list[Actor]:
    """The main event's unnamed people the model left out. A news lead names its victims and
    actors by count ("At least seven people were killed when ..."); the prompt asks for them,
    yet a small model often lists only proper names. Those of the lead that match no listed
    actor are added, with what the lead says of them as their role."""
    added: list[Actor] = []
    for phrase in unnamed_actors(lead):
        if any(overlap_f1(phrase, actor.name) >= 0.5 for actor in [*who, *added]):
            continue
        evidence = locator.locate(phrase)
        at = evidence.start or 0
        reading = analyse(locator.text)
        role = reading.predicate_of(at, max_words=14) or (
            reading.clause_around(at) if evidence.grounded else ""
        )  # what they do, or what the clause they stand in says
        if role.startswith(phrase) and len(role) > len(phrase):
            role = role[len(phrase) :].strip(" ,")  # "At least seven people | were killed ..."
        added.append(
            Actor(
                name=phrase,
                kind=people_kind(phrase, evidence.start, reading),
                role=role.rstrip("."),
                evidence=evidence,
            )
        )
    return added


def places_in_lead(
    where: list[Place], lead: str, locator: Locator, places: Sequence[Candidate] = ()
) -> list[Place]:
    """Where exactly the main event happened, as the lead says it ("near the Sandilands stop
    on Addiscombe Road"): a model lists the bare names ("Sandilands"), or leaves the place out.
    A locative phrase of the lead is added as written when it names a place the model did not
    list, or a spot within one (a stop, a tunnel, a consulate); "in the Russian port city of
    Vladivostok" says no more than a listed "Vladivostok". So is each of `places` (names the
    article mostly writes as places) that the lead writes and the model did not list."""
    added: list[Place] = []
    folded_lead = f" {normalise(lead)} "
    for place in places:
        listed = {normalise(p.name) for p in [*where, *added]}
        name = normalise(place.text)
        if name not in listed and f" {name} " in folded_lead:
            added.append(Place(name=place.text, kind="other", evidence=locator.locate(place.text)))
    for phrase in place_phrases(lead):
        listed = [*where, *added]
        folded = f" {normalise(phrase)} "
        if not names_a_site(phrase) and any(f" {normalise(p.name)} " in folded for p in listed):
            continue
        if not any(overlap_f1(phrase, place.name) >= 0.5 for place in listed):
            added.append(Place(name=phrase, kind="other", evidence=locator.locate(phrase)))
    return added


def introduced_people(
    who: list[Actor], described: dict[str, str], locator: Locator, kinds: Callable[[str], ActorKind]
) -> list[Actor]:
    """The actors the article introduces by what they are ("Russia's defence minister, Sergei
    Shoigu", "the Russian mercenary group Wagner"), with that description as their role: the
    listed ones' roles rewritten in the article's words, then those the model did not list,
    of the kind `kinds` gives."""
    listed = [_words_of(a.name) for a in who]
    kept: list[Actor] = []
    for actor, words in zip(who, listed, strict=True):
        # "Putin" is "Vladimir Putin"; "UN", a word of "Kim Jong-un", is no part of his name
        named = len("".join(words)) > 2
        description = next(
            (d for name, d in described.items() if named and words <= _words_of(name)), None
        )
        kept.append(actor.model_copy(update={"role": description}) if description else actor)
    for name, description in described.items():
        words = _words_of(name)
        if any(other and (other <= words or words <= other) for other in listed):
            continue
        listed.append(words)
        kept.append(
            Actor(name=name, kind=kinds(name), role=description, evidence=locator.locate(name))
        )
    return kept


def _words_of(name: str) -> set[str]:
    return set(normalise(name).split())


def dateline_place(where: list[Place], text: str, locator: Locator) -> list[Place]:
    """The city a wire story is filed from ("LONDON -- ..."), where the model did not list it:
    most often where its event happened, always where it was reported."""
    place = dateline(text)
    if place is None or any(normalise(p.name) == normalise(place) for p in where):
        return []
    return [Place(name=place, kind="city", evidence=locator.locate(place))]


# The draft's schema asks for at least two; an answer with fewer is topped up from the
# sentences that attribute a statement. Accusations and denials are always added.
MIN_ALLEGATIONS = 2
MAX_ALLEGATIONS = 5
_ACCUSING = ("alleged", "denied", "disputed")


def reported_claims(
    listed: list[Allegation],
    locator: Locator,
    names: list[str],
    people: list[str],
) -> list[Allegation]:
    """Accusations and denials the model left out, then other attributed claims while fewer
    than MIN_ALLEGATIONS are listed: sentences whose reporting verb names a source ("X was
    accused by Y of ...", "X denied ..."), quoted whole, in article order."""
    quoted = {normalise(a.evidence.quote) for a in listed}
    reading = analyse(locator.text)
    found: list[tuple[bool, Allegation]] = []
    for sentence, (start, end) in zip(reading.sentence_texts, reading.sentences, strict=True):
        if normalise(sentence) in quoted or not ends_whole(sentence):
            continue  # a headline or a caption is no claim
        source = source_of(reading, start, end, names, people)
        if source is None:
            continue
        status = status_of(sentence)
        allegation = Allegation(
            claim=sentence,
            made_by=source,
            against=accused_in(reading, start, end, names),
            status=status,
            evidence=locator.locate(sentence),
        )
        found.append((status in _ACCUSING, allegation))
    room = MAX_ALLEGATIONS - len(listed)
    accusing = [a for accuses, a in found if accuses][: max(room, 0)]
    others = [a for accuses, a in found if not accuses]
    others = others[: max(MIN_ALLEGATIONS - len(listed) - len(accusing), 0)]
    return accusing + others


def sources_and_accused(
    who: list[Actor], allegations: list[Allegation], locator: Locator, language: str
) -> list[Actor]:
    """Who makes or faces a claim is in the story: each named source and accused the model
    did not list as an actor is added, with what its sentence says it does as its role
    ("accused North Korea of selling artillery shells ..."); one the sentence says nothing
    of (no parse, a clause too long) is left as the claim's source only."""
    reading = analyse(locator.text)
    listed = [a.name for a in who]
    added: list[Actor] = []
    for allegation in allegations:
        for name in (allegation.made_by, allegation.against):
            if not name or not name[0].isupper() or not names_something(name):
                continue  # "officials", "a man": a description, not a name to list
            if len(name.split()) > 4 or any(same_entity(name, n, language) for n in listed):
                continue  # a clause, or listed already in this form or another
            start, end = allegation.evidence.start, allegation.evidence.end
            at = locator.text.find(name, start or 0, end or 0) if start is not None else -1
            role = reading.predicate_of(at) if at != -1 else None
            if role is None:
                continue
            listed.append(name)
            kind = actor_kind(name, None, reading)
            added.append(Actor(name=name, kind=kind, role=role, evidence=locator.locate(name)))
    return added


# What a small model writes where it has no name: not an actor, a place or an accused.
_PLACEHOLDERS = frozenset(
    ["", "unknown", "none", "null", "n a", "na", "not specified", "unspecified", "not mentioned"]
)


_ADDRESS = re.compile(r"\S@\S|://|\bwww\.")


def names_something(name: str | None) -> bool:
    """False for a missing name, a placeholder ("unknown", "none", "N/A"), a single
    character ("X", as in the prompt's "X accused Y") or an e-mail or web address."""
    if name is None or _ADDRESS.search(name):
        return False  # an e-mail or web address is no one's name
    folded = normalise(name)
    has_letter = any(c.isalpha() for c in folded)  # "2009" is a year, not a name
    return has_letter and folded not in _PLACEHOLDERS and len(folded.replace(" ", "")) > 1


def not_copied(items: list[T]) -> list[T]:
    """Drop what the model copied from the instructions' examples instead of reading the
    article: an item not found in the article whose words are one of the prompt's example
    phrases ("until 13 September", "according to X, ..."). Its date would be invented too."""
    examples = prompt_examples()
    return [
        item for item in items if item.evidence.grounded or normalise(_words(item)) not in examples
    ]


def _words(item: Actor | Place | TimeRef | Allegation | Stake) -> str:
    if isinstance(item, Actor | Place):
        return item.name
    if isinstance(item, TimeRef):
        return item.text
    return item.claim if isinstance(item, Allegation) else item.what
