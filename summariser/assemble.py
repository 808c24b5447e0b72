"""Turn the model's draft into a briefing: ground every item, resolve dates, merge duplicates.

Pure and deterministic: same draft and article, same briefing. Ungrounded items are kept and
flagged (grounded=False) unless `strict`, which drops them; what code adds or drops besides
(the lead's people and place, copies of the prompt's examples) is in amend.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta
from itertools import chain
from typing import TypeVar

from .amend import names_something, not_copied, people_in_lead, places_in_lead
from .dates import resolve, spot
from .draft import Draft, DraftAllegation
from .grounding import Locator, normalise
from .schema import (
    Actor,
    Allegation,
    Briefing,
    EventDate,
    Evidence,
    Place,
    Source,
    Stake,
    TimeRef,
)

__all__ = ["assemble", "event_date", "first_sentences"]

T = TypeVar("T", Actor, Place, TimeRef, Allegation, Stake)
_SENTENCE_END = re.compile(r"(?<=[.!?。])\s+")


def assemble(
    draft: Draft,
    text: str,
    *,
    published: date | None = None,
    title: str | None = None,
    url: str | None = None,
    strict: bool = False,
) -> Briefing:
    locator = Locator(text)
    language = _language_code(draft.language)

    who = _merge_people(
        Actor(name=a.name, kind=a.kind, role=a.role, evidence=locator.locate(a.name))
        for a in draft.who
        if names_something(a.name) and not _is_time(a.name)
    )
    lead = first_sentences(text[:_LEAD_CHARS], _LEAD_SENTENCES)
    who += people_in_lead(who, lead, locator)
    where = _unique(
        (
            Place(name=p.name, kind=p.kind, evidence=locator.locate(p.name))
            for p in draft.where
            if names_something(p.name) and not _is_time(p.name)
        ),
        key=lambda p: normalise(p.name),
    )
    where += places_in_lead(where, lead, locator)
    when = _unique(
        (_time(t.text, t.event, locator, published, language) for t in draft.when if t.text),
        key=lambda t: (normalise(t.text), t.date),
    )
    allegations = _unique(
        (
            Allegation(
                claim=claim,
                made_by=a.made_by,
                against=a.against if names_something(a.against) else None,
                status=a.status,
                evidence=_best_evidence(locator, a.quote, claim),
            )
            for claim, a in _own_claims(draft.allegations)
        ),
        key=lambda a: normalise(a.claim),
    )
    stakes = _unique(
        (
            Stake(
                what=s.what, for_whom=s.for_whom, evidence=_best_evidence(locator, s.quote, s.what)
            )
            for s in draft.stakes
            if s.what
        ),
        key=lambda s: normalise(s.what),
    )
    who, where, when = not_copied(who), not_copied(where), not_copied(when)
    allegations, stakes = not_copied(allegations), not_copied(stakes)
    if strict:
        who, where, when = _grounded(who), _grounded(where), _grounded(when)
        allegations, stakes = _grounded(allegations), _grounded(stakes)
    return Briefing(
        headline=draft.headline,
        summary=first_sentences(draft.summary, 3),
        language=language,
        who=who,
        where=where,
        when=when,
        event_date=event_date(when, locator.text, published, language),
        allegations=allegations,
        stakes=stakes,
        source=Source(title=title, url=url, published=published),
    )


def _is_time(name: str) -> bool:
    """A name that is wholly a time phrase ("Tuesday", "on 13 September") is no actor or place."""
    return any(len(phrase) >= len(name.strip()) - 3 for phrase in spot(name))


def _language_code(raw: str) -> str:
    """ISO 639-1 primary subtag ("pt-BR" and "pt_br" are "pt"); "und" when unusable."""
    primary = re.split(r"[-_\s]", raw.strip().lower(), maxsplit=1)[0]
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else "und"


def first_sentences(text: str, limit: int) -> str:
    return " ".join(_SENTENCE_END.split(text.strip())[:limit])


def _time(
    phrase: str, event: str, locator: Locator, published: date | None, language: str
) -> TimeRef:
    evidence = locator.locate(phrase)
    context = _sentence_around(locator.text, evidence) if evidence.grounded else ""
    return TimeRef(
        text=phrase,
        date=resolve(phrase, published, context=context, language=language),
        event=event,
        evidence=evidence,
    )


# The main event is recent: news reports what happened up to a fortnight before publication,
# or what is due within the week after; older and later days are background.
_RECENT = (timedelta(days=-14), timedelta(days=7))
_LEAD_SENTENCES = 2  # where a lead names the main event's people and its exact place
_LEAD_CHARS = 900  # the lead (first paragraph or two), where news states its main event and its day


def event_date(
    when: list[TimeRef], text: str, published: date | None, language: str = "en"
) -> EventDate | None:
    """The main event's day: the first recent day the model listed (it is asked to list the
    main event's time first), else the first recent day in the lead, else the publication day."""
    if published is None:
        return None
    earliest, latest = published + _RECENT[0], published + _RECENT[1]
    lead = Locator(text[:_LEAD_CHARS])
    spotted = (_time(phrase, "", lead, published, language) for phrase in spot(lead.text))
    for t in chain((t for t in when if t.evidence.grounded), spotted):  # the lead only if needed
        if t.date and len(t.date) == 10 and earliest <= date.fromisoformat(t.date) <= latest:
            return EventDate(date=t.date, basis="time phrase", text=t.text)
    return EventDate(date=published.isoformat(), basis="publication date")


def _sentence_around(text: str, evidence: Evidence) -> str:
    start, end = evidence.start or 0, evidence.end or 0
    left = max(text.rfind(mark, 0, start) for mark in ".!?\n")
    rights = [i for i in (text.find(mark, end) for mark in ".!?\n") if i != -1]
    return text[left + 1 : min(rights) if rights else len(text)]


def _own_claims(allegations: Iterable[DraftAllegation]) -> Iterator[tuple[str, DraftAllegation]]:
    """Each allegation with its claim. A small model often copies the claim it wrote for one
    quote under the next quotes; such a repeat says nothing of its own quote, so the quote
    (the article's words) stands as its claim. The same claim under the same quote is a plain
    repeat and is dropped."""
    claims: set[str] = set()
    written: set[tuple[str, str]] = set()  # (claim, quote) as the model wrote them
    for allegation in allegations:
        claim, quote = allegation.claim, allegation.quote
        pair = (normalise(claim), normalise(quote))
        if not claim or pair in written:
            continue
        written.add(pair)
        if pair[0] in claims and pair[1] and pair[1] not in claims:
            claim = quote
        claims.add(normalise(claim))
        yield claim, allegation


def _best_evidence(locator: Locator, quote: str, fallback: str) -> Evidence:
    evidence = locator.locate(quote)
    if evidence.grounded or not fallback:
        return evidence
    second = locator.locate(fallback)
    return second if second.grounded else evidence


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


def _merge_people(actors: Iterable[Actor]) -> list[Actor]:
    """Drop repeats; "Putin" after "Vladimir Putin" (same kind) is the same actor."""
    kept: list[Actor] = []
    for actor in actors:
        tokens = set(normalise(actor.name).split())
        duplicate = False
        for i, other in enumerate(kept):
            other_tokens = set(normalise(other.name).split())
            if tokens == other_tokens:
                duplicate = True
            elif actor.kind == other.kind == "person" and tokens and other_tokens:
                if tokens < other_tokens:
                    duplicate = True
                elif other_tokens < tokens:
                    kept[i] = actor.model_copy(update={"role": other.role or actor.role})
                    duplicate = True
            if duplicate:
                break
        if not duplicate:
            kept.append(actor)
    return kept


def _grounded(items: list[T]) -> list[T]:
    return [item for item in items if item.evidence.grounded]
