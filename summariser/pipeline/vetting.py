"""Allegations vetted by a model's closed answer: kept where its "yes" outweighs its "no".

Each allegation code keeps is asked about once (prompting/closed.py); the answer is one token,
and what decides is its margin: the log-probability of "yes" less that of "no" among the
token's alternatives (OpenAI's `top_logprobs`). The word the model writes decides nothing: the
embedded model writes "yes" to every such question, an editor's allegation or not, while its
margin orders them (AUC 0.74 on the dev set's allegations; BENCHMARKS.md). An allegation
whose margin is under THRESHOLD is dropped; one with no margin (an endpoint that gives no
logprobs, or neither word among the alternatives) is kept, as code decided.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from ..briefing.schema import Briefing

__all__ = ["THRESHOLD", "margin", "vetted"]

# Chosen on half the dev articles (every other one, by id) among 0.4, 0.6, ..., 1.0, and held
# on the other half: it drops about three in four of what the editor's keys strike and one in
# three of what they accept (BENCHMARKS.md, "Closed questions").
THRESHOLD = 0.6


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


def vetted(
    briefing: Briefing, margins: Sequence[float | None], threshold: float = THRESHOLD
) -> Briefing:
    """The briefing less the allegations whose margin (one per allegation, in order) is under
    `threshold`."""
    if len(margins) != len(briefing.allegations):
        raise ValueError(f"{len(margins)} margins for {len(briefing.allegations)} allegations")
    kept = [
        allegation
        for allegation, m in zip(briefing.allegations, margins, strict=True)
        if m is None or m >= threshold
    ]
    return briefing.model_copy(update={"allegations": kept})
