"""Turn the model's draft into a briefing: ground every item, date it, merge duplicates.

Pure and deterministic: same draft and article, same briefing. A field the draft and the
briefing both declare under one name is carried over as the model wrote it (`_carried`), so a
new field needs the schema and the draft, not this module; what code computes (evidence, dates,
the main event's day) or rewrites (claims copied under several quotes) is set here. Ungrounded
items are kept and flagged (grounded=False) unless `strict`, which drops them; what code adds
or drops besides (the lead's people and place, copies of the prompt's examples) is amend.py's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any, TypeVar

from pydantic import BaseModel

from ..briefing.schema import Actor, Allegation, Briefing, Evidence, Place, Source, Stake, TimeRef
from ..prompting.draft import Draft, DraftAllegation
from ..prompting.times import spot
from ..text import normalise
from .amend import names_something, not_copied, people_in_lead, places_in_lead
from .dates import time_ref
from .event_date import event_date
from .grounding import Locator
from .language import detect_language
from .lead import first_sentences, lead_of

__all__ = ["assemble"]

T = TypeVar("T", Actor, Place, TimeRef, Allegation, Stake)
_SUMMARY_SENTENCES = 3
# What the draft and the briefing share by name, yet `assemble` writes itself.
_WRITTEN_HERE = ("summary", "language", "who", "where", "when", "allegations", "stakes")


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
    language = detect_language(text) or _language_code(draft.language)

    who = _merge_people(
        Actor(**_carried(a, Actor), evidence=locator.locate(a.name))
        for a in draft.who
        if names_something(a.name) and not _is_time(a.name)
    )
    lead = lead_of(text)
    who += people_in_lead(who, lead, locator)
    where = _unique(
        (
            Place(**_carried(p, Place), evidence=locator.locate(p.name))
            for p in draft.where
            if names_something(p.name) and not _is_time(p.name)
        ),
        key=lambda p: normalise(p.name),
    )
    where += places_in_lead(where, lead, locator)
    when = _unique(
        (
            time_ref(t.text, locator, published, language, **_carried(t, TimeRef, "text"))
            for t in draft.when
            if t.text
        ),
        key=lambda t: (normalise(t.text), t.date),
    )
    allegations = _unique(
        (
            Allegation(
                **_carried(a, Allegation, "claim", "against"),
                claim=claim,
                against=a.against if names_something(a.against) else None,
                evidence=_best_evidence(locator, a.quote, claim),
            )
            for claim, a in _own_claims(draft.allegations)
        ),
        key=lambda a: normalise(a.claim),
    )
    stakes = _unique(
        (
            Stake(**_carried(s, Stake), evidence=_best_evidence(locator, s.quote, s.what))
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
        **_carried(draft, Briefing, *_WRITTEN_HERE),
        summary=first_sentences(draft.summary, _SUMMARY_SENTENCES),
        language=language,
        who=who,
        where=where,
        when=when,
        event_date=event_date(when, locator.text, published, language),
        allegations=allegations,
        stakes=stakes,
        source=Source(title=title, url=url, published=published),
    )


def _carried(item: BaseModel, target: type[BaseModel], *computed: str) -> dict[str, Any]:
    """The draft item's fields that `target` declares too, less those the caller `computed`."""
    wanted = target.model_fields
    return {
        name: getattr(item, name)
        for name in type(item).model_fields
        if name in wanted and name not in computed
    }


def _is_time(name: str) -> bool:
    """A name that is wholly a time phrase ("Tuesday", "on 13 September") is no actor or place."""
    return any(len(phrase) >= len(name.strip()) - 3 for phrase in spot(name))


def _language_code(raw: str) -> str:
    """ISO 639-1 primary subtag ("pt-BR" and "pt_br" are "pt"); "und" when unusable."""
    primary = re.split(r"[-_\s]", raw.strip().lower(), maxsplit=1)[0]
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else "und"


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
