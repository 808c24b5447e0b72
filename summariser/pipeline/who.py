"""Who: the actors of the story, each once, of the kind code decides, with the part it plays.

The model lists checklist names with a role in its own words. Code keeps those that may act (a
country may, a city may not), writes the role the article itself gives an actor it introduces
("Russia's defence minister, Sergei Shoigu"), adds the lead's unnamed people the model left
out ("at least seven people"), and, once the allegations are read, each named source and
accused. An actor the story says nothing of (no role) is no actor of it.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..briefing.schema import Actor, ActorKind, Allegation
from ..nlp import Candidate, is_stopword, same_entity
from ..nlp.lexicon import en
from ..nlp.phrases import unnamed, unnamed_actors, untitled
from ..prompting.draft import DraftActor
from ..text import normalise
from .context import Context
from .descriptions import descriptions_of
from .items import each_once, grounded, is_time, names_something, not_copied, not_furniture
from .kinds import actor_kind, named_as_place, people_kind
from .outlet import is_outlet
from .wording import completed, says_something, trimmed_to_whole

__all__ = ["actors", "with_sources"]

_NOT_ACTORS = ("time",)
MENTIONS = 2


def actors(drafted: Iterable[DraftActor], context: Context) -> list[Actor]:
    """The model's actors, as the article introduces them, and the lead's unnamed people."""
    listed = each_once(
        (
            _actor(name, a.role, candidate, context)
            for a in drafted
            if (name := context.name(a.ref, refuse=_NOT_ACTORS))
            and not is_time(name)
            and _may_act(candidate := context.references.candidate(name, widen=False))
            and context.is_a_name(name, candidate)
        ),
        context.language,
        lambda old, new: _merged(old, new, context.language),
    )
    listed = _introduced(listed, context)
    return listed + _people_in_lead(listed, context)


def with_sources(who: list[Actor], allegations: list[Allegation], context: Context) -> list[Actor]:
    """The actors with the allegations' sources and accused, each with a role; grounded."""
    who = who + _sources_and_accused(who, allegations, context)
    who = [a if a.role else _with_role_from_story(a, context) for a in who]
    sources = {n for a in allegations for n in (a.made_by, a.against) if n}
    who = [
        a
        for a in who
        if (a.name in sources or not _a_place(a.name, context) or _acts(a.name, context))
        and (a.role or _may_be_named(a.name, context))
        and _in_prose(a.name, context)
        and not is_outlet(a.name, context.outlet)  # the paper that reports the story
    ]
    return not_furniture(not_copied(grounded(who)), context.reading)


def _a_place(name: str, context: Context) -> bool:
    """A name the article writes as a place: a gazetteer's or its own head noun's ("St
    George's Hospital"), a place the reader typed, or a name, not a person's, that the
    article writes after "in" or "at" every time ("lives in New Addington")."""
    candidate = context.references.candidate(name, widen=False)
    if named_as_place(name, context.language) is not None or (
        candidate is not None and (candidate.kind == "place" or candidate.also_place)
    ):
        return True
    reading = context.reading
    mentions = reading.mentioned(name)
    return (
        bool(mentions)
        and all(e.type != "person" for e in mentions)
        and all(reading.placed(e, precisely=True) for e in mentions)
    )


def _acts(name: str, context: Context) -> bool:
    """Whether the article has the entity `name` do something: the subject of a clause or
    the agent of a passive, once at least ("the US said", "attacked by Germany"). Where the
    language has no parse, nothing says it does not."""
    reading = context.reading
    if reading.doc is None:
        return True
    return any(reading.predicate_of(e.start, e.end) for e in reading.mentioned(name))


def _in_prose(name: str, context: Context) -> bool:
    """Whether the article writes the entity `name` in prose, not only in lines that end no
    sentence (a headline's words run together: "Clinton Hid Past Health")."""
    mentions = context.reading.mentions(name)
    return not mentions or any(context.prose[i] for i in mentions)


def _may_be_named(name: str, context: Context) -> bool:
    """Whether an actor the article says nothing of (no role) is still one of the story:
    not a place, and named in the lead or more than once."""
    if _a_place(name, context):
        return False
    reading = context.reading
    said = [i for i in reading.mentions(name) if context.prose[i]]
    return len(said) >= MENTIONS or any(i in reading.lead_sentences for i in said)


def _actor(name: str, role: str, candidate: Candidate | None, context: Context) -> Actor:
    evidence = context.locator.locate(name)
    role = completed(trimmed_to_whole(role), context.locator, context.reading)
    actor = Actor(
        name=name,
        kind=actor_kind(name, candidate, context.reading, evidence.start),
        role=context.roles.checked(role, name),
        evidence=evidence,
    )
    if candidate is not None and candidate.kind == "people":
        return _renamed(actor, unnamed(actor.name))
    bare = untitled(name) if actor.kind == "person" else name
    if bare != name:  # "Charlotte Mayor Jennifer Roberts": the title is what the article calls her
        title = name[: len(name) - len(bare)].strip()
        actor = actor.model_copy(update={"role": context.roles.checked(title, bare) or actor.role})
    return _renamed(actor, bare)


def _renamed(actor: Actor, name: str) -> Actor:
    """The actor called `name`, the last words of what the article writes (less a count's
    bounds, less a title), the quote narrowed to those words."""
    evidence = actor.evidence
    if name == actor.name or evidence.end is None or not evidence.quote.endswith(name):
        return actor
    start = evidence.end - len(name)
    quote = evidence.quote[len(evidence.quote) - len(name) :]
    return actor.model_copy(
        update={
            "name": name,
            "evidence": evidence.model_copy(update={"start": start, "quote": quote}),
        }
    )


def _may_act(candidate: Candidate | None) -> bool:
    """A place is no actor unless it is a country ("the US said"): a city or a region
    the model listed under who is a place of the story, not one of its actors."""
    return candidate is None or candidate.kind != "place" or candidate.also_actor


def _merged(old: Actor, new: Actor, language: str) -> Actor:
    """One actor listed twice ("Putin" after "Vladimir Putin"): the fuller name is kept, with
    the first role that says something."""
    fuller = new if len(new.name) > len(old.name) else old
    roles = [r for r in (old.role, new.role) if says_something(r, fuller.name, language)]
    return fuller.model_copy(update={"role": roles[0] if roles else ""})


def _introduced(who: list[Actor], context: Context) -> list[Actor]:
    """The actors the article introduces by what they are ("Russia's defence minister, Sergei
    Shoigu", "the Russian mercenary group Wagner"), with that description as their role: the
    listed ones' roles rewritten in the article's words, then those the model did not list."""
    names = [c.text for c in context.references.of_kind("name")]
    described = {
        name: description
        for name, description in descriptions_of(context.reading, names).items()
        if says_something(description, name, context.language)  # not "state media": its kind
    }
    language = context.language
    kept: list[Actor] = []
    for actor in who:  # "Putin" is "Vladimir Putin"
        description = next(
            (d for name, d in described.items() if same_entity(actor.name, name, language)), None
        )
        kept.append(actor.model_copy(update={"role": description}) if description else actor)
    listed = [a.name for a in who]
    for name, description in described.items():
        if any(same_entity(name, other, language) for other in listed):
            continue
        listed.append(name)
        kind = actor_kind(name, context.references.candidate(name), context.reading)
        evidence = context.locator.locate(name)
        kept.append(Actor(name=name, kind=kind, role=description, evidence=evidence))
    return kept


def _people_in_lead(who: list[Actor], context: Context) -> list[Actor]:
    """The main event's unnamed people the model left out. A news lead names its victims and
    actors by count ("At least seven people were killed when ..."); the prompt asks for them,
    yet a small model often lists only proper names. Those of the lead that match no listed
    actor are added, with what the lead says of them as their role."""
    reading, added = context.reading, []
    for phrase in unnamed_actors(reading.lead):
        if any(same_entity(phrase, actor.name, context.language) for actor in [*who, *added]):
            continue
        evidence = context.locator.locate(phrase)
        at = evidence.start or 0
        role = reading.predicate_of(at, evidence.end or at, max_words=14) or (
            reading.clause_around(at) if evidence.grounded else ""
        )  # what they do, or what the clause they stand in says
        if role.startswith(phrase) and len(role) > len(phrase):
            role = role[len(phrase) :].strip(" ,")  # "At least seven people | were killed ..."
        if role.split(" ", 1)[0].lower() in en.CONJUNCTIONS:
            role = ""  # "500 rescuers | and 100 excavators were ...": others' clause too
        kind = people_kind(phrase, evidence.start, reading)
        actor = Actor(name=phrase, kind=kind, role=role.rstrip("."), evidence=evidence)
        added.append(_renamed(actor, unnamed(phrase)))
    return added


def _sources_and_accused(
    who: list[Actor], allegations: list[Allegation], context: Context
) -> list[Actor]:
    """Who makes or faces a claim is in the story: each named source and accused the model
    did not list as an actor is added, with what its sentence says it does as its role
    ("accused North Korea of selling artillery shells ..."); one the sentence says nothing
    of (no parse, a clause too long) is left as the claim's source only."""
    reading, text = context.reading, context.locator.text
    listed = [a.name for a in who]
    added: list[Actor] = []
    for allegation in allegations:
        for name in (allegation.made_by, allegation.against):
            if not name or not name[0].isupper() or not names_something(name):
                continue  # "officials", "a man": a description, not a name to list
            if _no_one(name, context.language):
                continue  # "Others", "Some" opening a sentence: no one in particular
            if len(name.split()) > 4 or any(same_entity(name, n, context.language) for n in listed):
                continue  # a clause, or listed already in this form or another
            start, end = allegation.evidence.start, allegation.evidence.end
            at = text.find(name, start or 0, end or 0) if start is not None else -1
            role = reading.predicate_of(at, at + len(name)) if at != -1 else None
            if role is None:
                continue
            listed.append(name)
            kind: ActorKind = actor_kind(name, None, reading)
            evidence = context.locator.locate(name)
            added.append(Actor(name=name, kind=kind, role=role, evidence=evidence))
    return added


def _no_one(name: str, language: str) -> bool:
    """A source that only the sentence it opens capitalises: function words ("Others",
    "Some") or a description ("Her campaign"), not an acronym that spells one ("US")."""
    first, *rest = name.split()
    acronym = any(w.isupper() and len(w) > 1 for w in [first, *rest])
    opening = is_stopword(normalise(first), language)
    return not acronym and opening and not any(w[:1].isupper() for w in rest)


def _with_role_from_story(actor: Actor, context: Context) -> Actor:
    """An actor without a role takes what the article says it does, where it is the subject
    of a clause short enough to read as a role."""
    role = context.roles.done_by(actor.name)
    return actor.model_copy(update={"role": role}) if role else actor
