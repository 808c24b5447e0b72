"""Allegations: what the article reports someone claiming, quoted whole, with its source.

The model sums each claim up in a few words and names its source. Code quotes the sentence
that says it whole; the sentence's reporting verb decides who makes it, whom it accuses and
its status (attribution.py), over the model's guess. Accusations and denials the model left
out are added from the sentences that attribute them; other attributed sentences top the list
up to MIN_ALLEGATIONS.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..briefing.schema import Actor, Allegation
from ..nlp import representative
from ..nlp.layout import LEAD_CHARS
from ..nlp.phrases import untitled
from ..prompting.draft import DraftAllegation
from ..text import normalise
from .attribution import accused_in, could_say, source_of, status_of
from .context import Context
from .items import not_copied, not_furniture, unique
from .wording import whole_claim

__all__ = ["MAX_ALLEGATIONS", "MIN_ALLEGATIONS", "allegations"]

# The draft's schema asks for at least two; an answer with fewer is topped up from the
# sentences that attribute a statement. Accusations and denials are always added.
MIN_ALLEGATIONS = 0
MAX_ALLEGATIONS = 5
_ACCUSING = ("alleged", "denied", "disputed", "confirmed")
_UNATTRIBUTED = "unattributed"
_QUOTED_REACH = 3  # sentences back where a quotation's speaker may be named


def allegations(
    drafted: Iterable[DraftAllegation], context: Context, who: list[Actor]
) -> list[Allegation]:
    """The model's allegations, each quoted by its sentence, then the ones it left out."""
    names = [a.name for a in who] + context.names()
    people = sorted((a.name for a in who if a.kind == "person"), key=len, reverse=True)
    said = _Said(context, names, people)
    found = unique(
        (
            allegation
            for claim, sentence, drafted_one in _own_claims(drafted, said)
            if (allegation := _allegation(claim, sentence, drafted_one, context, said))
        ),
        key=lambda a: normalise(a.claim),
    )
    claims = [
        _held(a, context)
        for a in found + _reported_claims(found, context, names, people)
        if not _claims_nothing(a, context)
    ]
    return not_furniture(not_copied(claims), context.reading)


def _held(allegation: Allegation, context: Context) -> Allegation:
    """Where the sentence carries its claim in a noun ("..., South Korean media reported,
    amid concerns in the west that Pyongyang plans to provide weapons"), the claim is what
    the noun holds, made by whom the sentence says holds it or by no one it names: not the
    news the sentence reports around it."""
    evidence = allegation.evidence
    if evidence.start is None or evidence.end is None:
        return allegation
    held = context.reading.held_in(evidence.start, evidence.end)
    if held is None:
        return allegation
    return Allegation(
        claim=held.claim,
        made_by=held.holder or _UNATTRIBUTED,
        against=None,
        status="alleged",
        evidence=context.locator.locate(held.claim),
    )


def _claims_nothing(allegation: Allegation, context: Context) -> bool:
    """A question claims nothing ("Why couldn't you just lose a triangle?", "has not
    confirmed whether ..."), nor does a forecast ("was expected to visit")."""
    evidence = allegation.evidence
    if evidence.quote.rstrip(" \"”’'").endswith("?"):
        return True
    if evidence.start is None or evidence.end is None:
        return False
    return context.reading.claims_nothing(evidence.start, evidence.end)


class _Said:
    """Whether, and by whom, the article says a sentence is someone's claim."""

    def __init__(self, context: Context, names: list[str], people: list[str]) -> None:
        self.context, self.names, self.people = context, names, people

    def source(self, start: int, end: int) -> str | None:
        """Who the sentence at `start`:`end` says makes its claim: its reporting verb's
        source, or, for a sentence inside a quotation, the speaker a sentence before named."""
        reading = self.context.reading
        found = source_of(reading, start, end, self.names, self.people)
        if found is None and reading.doc is not None and reading.quoted(start):
            return self._speaker(start)
        return found

    def _speaker(self, start: int) -> str | None:
        """The source of the nearest sentence before `start`, in its paragraph, that names
        one: whose quotation a sentence goes on with ("... said Rep. Butterfield. “Donald
        Trump is a disgusting fraud.”")."""
        reading = self.context.reading
        paragraph = reading.text.rfind("\n", 0, start)
        index = (
            reading.sentences.index(reading.sentence_at(start) or (start, start))
            if reading.sentence_at(start)
            else -1
        )
        for before in range(index - 1, max(index - _QUOTED_REACH, 0) - 1, -1):
            begin, finish = reading.sentences[before]
            if begin < paragraph:
                break
            found = source_of(reading, begin, finish, self.names, self.people)
            if found is not None:
                return found
        return None

    def said(self, sentence: str) -> bool:
        """A sentence someone says, in the article's prose (no headline): it names its source
        or a speaker it quotes, has a reporting verb ("said", "denied") or carries a claim in
        a noun ("over claims that ..."). Without a parse, any sentence may be."""
        reading = self.context.reading
        found = self.context.locator.locate(sentence)
        if reading.doc is None or found.start is None or found.end is None:
            return True
        start, end = found.start, found.end
        span = reading.sentence_at(start)
        if span is not None and not self.context.prose[reading.sentences.index(span)]:
            return False
        return (
            self.source(start, end) is not None
            or reading.cue_of(start, end) is not None
            or reading.held_in(start, end) is not None  # "held over claims that ..."
        )


def _allegation(
    claim: str,
    sentence: str,
    drafted: DraftAllegation,
    context: Context,
    said: _Said,
) -> Allegation | None:
    """One claim of the model's, quoted by its sentence: the sentence's source and accused
    over the model's."""
    reading, language, names = context.reading, context.language, said.names
    evidence = context.locator.locate(sentence)
    start, end = evidence.start, evidence.end
    said_by = against = None
    if start is not None and end is not None:
        said_by = said.source(start, end)
        # The accusing verb's object, where the sentence has one, over the model's choice.
        against = accused_in(reading, start, end, names)
    against = against or representative(context.name(drafted.against) or "", names, language)
    source = context.name(drafted.made_by)
    said_by = untitled(said_by) if said_by else said_by
    return Allegation(
        claim=claim if whole_claim(claim, sentence, language) else sentence,
        made_by=said_by
        or representative(source if source and could_say(source) else "", names, language)
        or _UNATTRIBUTED,
        against=against if against and normalise(against) != normalise(said_by or "") else None,
        status=status_of(reading, start, end),
        evidence=evidence,
    )


def _own_claims(
    drafted: Iterable[DraftAllegation], said: _Said
) -> Iterator[tuple[str, str, DraftAllegation]]:
    """Each allegation with its claim and its cited sentence: the likeliest sentence that
    says it and that someone says (a claim the article states as fact is no allegation);
    where the claim's words match no sentence (written in another language than the
    article's), the first sentence someone says that names its source. A small model often
    copies the claim it wrote for one sentence under the next ones; such a repeat says
    nothing of its own sentence, so the sentence (the article's words) stands as its claim.
    The same claim on the same sentence is a plain repeat and is dropped."""
    claims: set[str] = set()
    written: set[tuple[str, str]] = set()  # (claim, sentence) as the model wrote them
    for allegation in drafted:
        claim = allegation.claim
        references = said.context.references
        saying = references.sentences_saying(claim, allegation.made_by) or (
            references.sentences_naming(allegation.made_by, allegation.against)
        )
        sentence = next((s for s in saying if said.said(s)), None)
        if sentence is None:
            continue  # the article says it as fact, or not at all
        pair = (normalise(claim), normalise(sentence))
        if not claim or pair in written:
            continue
        written.add(pair)
        if pair[0] in claims and pair[1] not in claims:
            claim = sentence
        claims.add(normalise(claim))
        yield claim, sentence, allegation


def _reported_claims(
    listed: list[Allegation], context: Context, names: list[str], people: list[str]
) -> list[Allegation]:
    """Accusations and denials the model left out, then other attributed claims while fewer
    than MIN_ALLEGATIONS are listed: sentences whose reporting verb names a source ("X was
    accused by Y of ...", "X denied ..."), quoted whole, in article order."""
    quoted = {normalise(a.evidence.quote) for a in listed}
    reading = context.reading
    found: list[tuple[bool, Allegation]] = []
    for sentence, (start, end), prose in zip(
        reading.sentence_texts, reading.sentences, context.prose, strict=True
    ):
        if normalise(sentence) in quoted or not prose:
            continue  # a headline or a caption is no claim
        source = source_of(reading, start, end, names, people)
        if source is None:
            continue
        status = status_of(reading, start, end)
        allegation = Allegation(
            claim=sentence,
            made_by=untitled(source),
            against=accused_in(reading, start, end, names),
            status=status,
            evidence=context.locator.locate(sentence),
        )
        found.append((status in _ACCUSING, allegation))
    room = MAX_ALLEGATIONS - len(listed)
    accusing = [a for accuses, a in found if accuses][: max(room, 0)]
    others = [a for accuses, a in found if not accuses]
    others = others[: max(MIN_ALLEGATIONS - len(listed) - len(accusing), 0)]
    lead = [
        a
        for accuses, a in found[:1]
        if not accuses and a not in others and (a.evidence.start or 0) < LEAD_CHARS
    ]
    return accusing + others + lead
