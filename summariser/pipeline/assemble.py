"""Turn the model's draft into a briefing: write what it cites, ground it, date it, merge.

Pure and deterministic: same draft, article and references, same briefing. The draft names
checklist entries and sums claims up in a few words (prompting/references.py); this module
writes each name and time phrase as the checklist has it and quotes the sentence that says each
claim, so they are the article's own words and their offsets are found exactly. A name of the
model's own is grounded like any other. Who makes a claim, whom it accuses and its status come
from that sentence's reporting verb where it has one (attribution.py). A field the draft and
the briefing both declare under one name is carried over as the model wrote it (`_carried`).
Ungrounded items are kept and flagged (grounded=False) unless `strict`, which drops them; what
code adds or drops besides (the lead's people and places, the accusations left out and their
sources, copies of the prompt's examples) is amend.py's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any, TypeVar

from pydantic import BaseModel

from ..briefing.schema import Actor, Allegation, Briefing, Place, Source, Stake, TimeRef
from ..nlp import Analysis, analyse, representative, same_entity
from ..prompting.draft import Draft, DraftAllegation
from ..prompting.names import names_a_site
from ..prompting.references import Candidate, References
from ..prompting.times import spot
from ..text import normalise
from .amend import (
    dateline_place,
    introduced_people,
    names_something,
    not_copied,
    people_in_lead,
    places_in_lead,
    reported_claims,
    sources_and_accused,
)
from .attribution import accused_in, could_say, source_of, status_of
from .dates import one_date_per_day, time_ref
from .descriptions import descriptions_of
from .event_date import event_date
from .grounding import Locator
from .kinds import actor_kind, can_be_place, place_kind_of
from .lead import lead_of
from .wording import completed, says_something, trimmed_to_whole, whole_claim, whole_summary

__all__ = ["assemble"]

T = TypeVar("T", Actor, Place, TimeRef, Allegation, Stake)
# What the draft and the briefing share by name, yet `assemble` writes itself.
_WRITTEN_HERE = ("summary", "who", "where", "when", "allegations", "stakes")
_NOT_ACTORS = ("time",)
_NOT_PLACES = ("time", "people")
_UNATTRIBUTED = "unattributed"


def assemble(
    draft: Draft,
    text: str,
    references: References,
    *,
    published: date | None = None,
    title: str | None = None,
    url: str | None = None,
    strict: bool = False,
) -> Briefing:
    locator = Locator(text)
    reading = analyse(text)
    language = reading.language
    cited = _Cited(references, text)

    def actor(name: str, role: str, candidate: Candidate | None) -> Actor:
        evidence = locator.locate(name)
        role = completed(trimmed_to_whole(role), locator, reading)
        return Actor(
            name=name,
            kind=actor_kind(name, candidate, reading, evidence.start),
            role=role if says_something(role, name, language) else "",
            evidence=evidence,
        )

    def a_name(name: str, candidate: Candidate | None) -> bool:
        """A checklist's name, or one of the model's own that the article writes as a noun
        heading its phrase: "German" of "German consulate" names nothing."""
        if candidate is not None:
            return True
        found = locator.locate(name)
        return found.start is None or reading.names_a_thing(found.start, found.end or 0)

    who = _merge_people(
        (
            actor(name, a.role, candidate)
            for a in draft.who
            if (name := cited.name(a.ref, refuse=_NOT_ACTORS))
            and not _is_time(name)
            and _may_act(candidate := references.candidate(name, widen=False))
            and a_name(name, candidate)
        ),
        language,
    )
    who = introduced_people(
        who,
        {
            name: described
            for name, described in descriptions_of(
                reading, [c.text for c in references.of_kind("name")]
            ).items()
            if says_something(described, name, language)  # not "state media": its kind
        },
        locator,
        lambda name: actor_kind(name, references.candidate(name), reading),
    )
    lead = lead_of(text)
    who += people_in_lead(who, lead, locator)
    persons = [a.name for a in who if a.kind == "person"]  # a person is never a place
    where = _unique_entities(
        (
            Place(name=name, kind="other", evidence=locator.locate(name))
            for ref in draft.where
            if (name := cited.name(ref, refuse=_NOT_PLACES))
            and not _is_time(name)
            and can_be_place(candidate := references.candidate(name, widen=False))
            and a_name(name, candidate)
            and not any(same_entity(name, person, language) for person in persons)
        ),
        language,
    )
    where += places_in_lead(where, lead, locator, references.of_kind("place"))
    where += dateline_place(where, text, locator)
    where = _unique_entities(where, language)
    where = [
        p.model_copy(
            update={
                "kind": place_kind_of(p.name, references.candidate(p.name, widen=False), language)
            }
        )
        for p in where
    ]
    # The model's times first (the main event's leads), then the checklist's others: a time
    # the article writes is a time of the story, and costs the model nothing to leave out.
    chosen = [phrase for written in draft.when if (phrase := cited.time(written))]
    when = _unique(
        (
            time_ref(phrase, locator, published, language)
            for phrase in [*chosen, *(c.text for c in references.of_kind("time"))]
        ),
        key=lambda t: normalise(t.text),
    )
    when = [t for t in when if t.evidence.grounded]  # else its date would be invented too
    when = one_date_per_day(when, published)
    # The main event's day is among the times the model chose (it lists that one first), or
    # in the lead; the checklist's other times are the story's background.
    picked = {normalise(phrase) for phrase in chosen}
    main_times = [t for t in when if normalise(t.text) in picked]
    names = [a.name for a in who] + cited.names()
    people = sorted((a.name for a in who if a.kind == "person"), key=len, reverse=True)
    allegations: list[Allegation] = []
    for claim, sentence, allegation in _own_claims(draft.allegations, references):
        if sentence is None:  # a claim in another language than the article's: its source's
            sentence = references.sentence_naming(allegation.made_by, allegation.against)
        if sentence is None:
            continue  # nothing in the article says it
        evidence = locator.locate(sentence)
        said_by = against = None
        if evidence.start is not None and evidence.end is not None:
            said_by = source_of(reading, evidence.start, evidence.end, names, people)
            # The accusing verb's object, where the sentence has one, over the model's choice.
            against = accused_in(reading, evidence.start, evidence.end, names)
        against = against or representative(cited.name(allegation.against) or "", names, language)
        allegations.append(
            Allegation(
                claim=claim if whole_claim(claim, sentence, language) else sentence,
                made_by=said_by
                or representative(_plausible(cited.name(allegation.made_by)) or "", names, language)
                or _UNATTRIBUTED,
                against=against
                if against and normalise(against) != normalise(said_by or "")
                else None,
                status=status_of(sentence),
                evidence=evidence,
            )
        )
    allegations = _unique(allegations, key=lambda a: normalise(a.claim))
    allegations += reported_claims(allegations, locator, names, people)
    who += sources_and_accused(who, allegations, locator, language)
    who = [a if a.role else _with_role_from_story(a, reading, language) for a in who]
    who = [a for a in who if a.role]  # an actor the story says nothing of is no actor of it
    stakes = _unique(
        (
            Stake(
                what=completed(what, locator, reading),
                for_whom=cited.name(s.for_whom) or "",
                evidence=locator.locate(sentence),
            )
            for s in draft.stakes
            if (what := trimmed_to_whole(s.what, language))
            and (
                sentence := references.sentence_saying(s.what, s.for_whom)
                or references.sentence_naming(s.for_whom, None)
            )
        ),
        key=lambda s: normalise(s.what),
    )
    who, where = [a for a in who if a.evidence.grounded], [p for p in where if p.evidence.grounded]
    who, where, when = not_copied(who), not_copied(where), not_copied(when)
    allegations, stakes = not_copied(allegations), not_copied(stakes)
    if strict:
        allegations, stakes = _grounded(allegations), _grounded(stakes)
    return Briefing(
        **_carried(draft, Briefing, *_WRITTEN_HERE),
        summary=whole_summary(draft.summary, lead),
        language=language,
        who=who,
        where=where,
        when=when,
        event_date=event_date(main_times, locator.text, published, language),
        allegations=allegations,
        stakes=stakes,
        source=Source(title=title, url=url, published=published),
    )


def _may_act(candidate: Candidate | None) -> bool:
    """A place is no actor unless it is a country ("the US said"): a city or a region
    the model listed under who is a place of the story, not one of its actors."""
    return candidate is None or candidate.kind != "place" or candidate.also_actor


def _with_role_from_story(actor: Actor, reading: Analysis, language: str) -> Actor:
    """An actor without a role takes what the article says it does, where it is the subject
    of a clause short enough to read as a role."""
    for entity in reading.entities:
        if same_entity(entity.text, actor.name, language):
            role = reading.predicate_of(entity.start, max_words=14)
            if role:
                return actor.model_copy(update={"role": role})
    return actor


E = TypeVar("E", Actor, Place)


def _each_once(items: Iterable[E], language: str, merged: Callable[[E, E], E]) -> list[E]:
    """Each entity once (same_entity decides), where it was first listed: a repeat is
    `merged` into the item kept (old, new)."""
    kept: list[E] = []
    for item in items:
        index = next(
            (i for i, k in enumerate(kept) if same_entity(item.name, k.name, language)), None
        )
        if index is None:
            kept.append(item)
        else:
            kept[index] = merged(kept[index], item)
    return kept


def _unique_entities(items: Iterable[Place], language: str) -> list[Place]:
    """Each place once, as first listed; a spot within a place ("in a tunnel near Sandilands
    tram station") is a place of its own, beside the one it lies in."""
    listed = list(items)
    plain = _each_once(
        (p for p in listed if not names_a_site(p.name)), language, lambda old, _: old
    )
    kept = {id(p) for p in plain}
    return [p for p in listed if id(p) in kept or names_a_site(p.name)]


class _Cited:
    """What the draft's references stand for: a candidate's words, or the name it wrote."""

    def __init__(self, references: References, text: str) -> None:
        self._references = references
        self._article = f" {normalise(text)} "

    def _candidate(self, ref: str | None) -> Candidate | str | None:
        """The candidate written so, else the name as written where the article holds it
        (its own words already), else the one candidate holding it, else the name."""
        if ref is None or not names_something(ref):
            return None
        widen = f" {normalise(ref)} " not in self._article
        return self._references.candidate(ref, widen=widen) or ref

    def name(self, ref: str | None, *, refuse: tuple[str, ...] = ()) -> str | None:
        """The name `ref` cites, unless it cites a candidate of a kind in `refuse`."""
        found = self._candidate(ref)
        if isinstance(found, Candidate):
            return None if found.kind in refuse else found.text
        return found

    def time(self, ref: str | None) -> str | None:
        """The time phrase `ref` cites: a time candidate, or a phrase the model wrote."""
        found = self._candidate(ref)
        if isinstance(found, Candidate):
            return found.text if found.kind == "time" else None
        return found

    def names(self) -> list[str]:
        return [c.text for c in self._references.candidates if c.kind != "time"]


def _carried(item: BaseModel, target: type[BaseModel], *computed: str) -> dict[str, Any]:
    """The draft item's fields that `target` declares too, less those the caller `computed`."""
    wanted = target.model_fields
    return {
        name: getattr(item, name)
        for name in type(item).model_fields
        if name in wanted and name not in computed
    }


def _plausible(source: str | None) -> str | None:
    return source if source and could_say(source) else None


def _is_time(name: str) -> bool:
    """A name that is wholly a time phrase ("Tuesday", "on 13 September") is no actor or place."""
    return any(len(phrase) >= len(name.strip()) - 3 for phrase in spot(name))


def _own_claims(
    allegations: Iterable[DraftAllegation], references: References
) -> Iterator[tuple[str, str | None, DraftAllegation]]:
    """Each allegation with its claim and its cited sentence. A small model often copies the
    claim it wrote for one sentence under the next ones; such a repeat says nothing of its own
    sentence, so the sentence (the article's words) stands as its claim. The same claim on the
    same sentence is a plain repeat and is dropped."""
    claims: set[str] = set()
    written: set[tuple[str, str]] = set()  # (claim, sentence) as the model wrote them
    for allegation in allegations:
        claim = allegation.claim
        sentence = references.sentence_saying(claim, allegation.made_by)
        pair = (normalise(claim), normalise(sentence or ""))
        if not claim or pair in written:
            continue
        written.add(pair)
        if pair[0] in claims and sentence and pair[1] not in claims:
            claim = sentence
        claims.add(normalise(claim))
        yield claim, sentence, allegation


def _unique(items: Iterable[T], key: Callable[[T], object]) -> list[T]:
    seen: set[object] = set()
    kept: list[T] = []
    for item in items:
        k = key(item)
        if k in seen:
            continue
        seen.add(k)
        kept.append(item)
    return kept


def _merge_people(actors: Iterable[Actor], language: str) -> list[Actor]:
    """Each actor once: "Putin" after "Vladimir Putin" is that actor, and the fuller name is
    kept, with the first role that says something."""

    def merged(old: Actor, new: Actor) -> Actor:
        fuller = new if len(new.name) > len(old.name) else old
        roles = [r for r in (old.role, new.role) if says_something(r, fuller.name, language)]
        return fuller.model_copy(update={"role": roles[0] if roles else ""})

    return _each_once(actors, language, merged)


def _grounded(items: list[T]) -> list[T]:
    return [item for item in items if item.evidence.grounded]
