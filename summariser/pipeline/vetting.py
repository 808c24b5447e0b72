"""Allegations vetted by a model's closed answer: kept where its "yes" outweighs its "no".

Each allegation code keeps is asked about once (prompting/closed.py); the answer is one token,
and what decides is its margin: the log-probability of "yes" less that of "no" among the
token's alternatives (OpenAI's `top_logprobs`). The word the model writes decides nothing: the
embedded model writes "yes" to every such question, an editor's allegation or not, while its
margin orders them (AUC 0.71 on the dev set's allegations; BENCHMARKS.md). An allegation
whose margin is under THRESHOLD is dropped, and the briefing is assembled again without it, so
an actor only it brought in goes too; one with no margin (neither word among the
alternatives) is kept, as code decided, and so is every allegation of an endpoint that gives
no logprobs (the briefing's meta says so).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..briefing.schema import Allegation, Usage
from ..prompting.closed import answer_words

__all__ = ["THRESHOLD", "Vetting", "decided", "dropped", "identity", "margin"]

# Chosen on half the dev articles (every other one, by id) as the margin, in steps of 0.2, that
# drops the most struck allegations less accepted ones, and held on the other half: over all 49
# it drops 31 of the 44 the editor's keys strike and 29 of the 91 they accept (BENCHMARKS.md,
# "Closed questions").
THRESHOLD = 1.6


def margin(logprobs: Mapping[str, Any] | None, yes: str, no: str) -> float | None:
    """log P(yes) - log P(no) for an answer's first token, from OpenAI's `logprobs` (a dict:
    `content[0].top_logprobs`); a word's forms ("yes", " Yes") count together. Where only one
    word is among the alternatives, the other is taken as likely as the least likely listed,
    which bounds the margin (at least this where only "yes" is listed, at most where only
    "no" is). None where neither word is listed, or nothing is."""
    content = (logprobs or {}).get("content") or []
    alternatives = (content[0].get("top_logprobs") or []) if content else []
    if not alternatives:
        return None
    by_word: dict[str, list[float]] = {}
    for alternative in alternatives:
        word = str(alternative.get("token", "")).strip().casefold()
        by_word.setdefault(word, []).append(float(alternative["logprob"]))
    floor = min(float(a["logprob"]) for a in alternatives)
    said_yes, said_no = by_word.get(yes.casefold()), by_word.get(no.casefold())
    if said_yes is None and said_no is None:
        return None
    return _total(said_yes or [floor]) - _total(said_no or [floor])


def _total(logprobs: list[float]) -> float:
    """The log of the summed probabilities."""
    top = max(logprobs)
    return top + math.log(sum(math.exp(p - top) for p in logprobs))


def identity(allegation: Allegation) -> tuple[str, int | None]:
    """What names one allegation across two assemblies of the same draft: its claim and
    where its evidence starts."""
    return allegation.claim, allegation.evidence.start


def dropped(
    allegations: Sequence[Allegation],
    margins: Sequence[float | None],
    threshold: float = THRESHOLD,
) -> frozenset[tuple[str, int | None]]:
    """The identities of the allegations (one margin each, in order) whose margin is under
    `threshold`: what `stages.finish` leaves out, with the actors only they brought in."""
    if len(margins) != len(allegations):
        raise ValueError(f"{len(margins)} margins for {len(allegations)} allegations")
    return frozenset(
        identity(allegation)
        for allegation, m in zip(allegations, margins, strict=True)
        if m is not None and m < threshold
    )


@dataclass(frozen=True)
class Vetting:
    """What the closed questions about one briefing decided, and what they cost."""

    dropped: frozenset[tuple[str, int | None]] = frozenset()
    margins: tuple[float | None, ...] = ()  # one an allegation, in order, where answered
    questions: int = 0  # asked and answered
    usage: Usage = field(default_factory=Usage)
    seconds: float = 0.0  # waiting for the answers
    warning: str | None = None  # why the allegations were kept unvetted


def decided(
    allegations: Sequence[Allegation],
    answers: Sequence[Mapping[str, Any] | None],
    *,
    usage: Usage,
    seconds: float,
) -> Vetting:
    """The vetting the closed answers' `logprobs` (one an allegation, in order) decide. An
    endpoint that gave none for any decides nothing, and the vetting says so."""
    yes, no = answer_words()
    margins = [margin(answer, yes, no) for answer in answers]
    silent = all(m is None for m in margins)
    return Vetting(
        dropped=dropped(allegations, margins),
        margins=tuple(margins),
        questions=len(answers),
        usage=usage,
        seconds=seconds,
        warning="allegations not vetted: the endpoint gave no logprobs" if silent else None,
    )
