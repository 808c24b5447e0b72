"""Stakes: what is at risk or could follow, and for whom, in the sentence that says it."""

from __future__ import annotations

from collections.abc import Iterable

from ..briefing.schema import Stake
from ..prompting.draft import DraftStake
from ..text import normalise
from .context import Context
from .items import not_copied, not_furniture, unique
from .wording import completed, trimmed_to_whole

__all__ = ["stakes"]


def stakes(drafted: Iterable[DraftStake], context: Context) -> list[Stake]:
    """The model's stakes, each whole and grounded by the sentence that says it (or, where
    none does, the first that names whom it concerns), each once."""
    references, locator = context.references, context.locator
    found = (
        Stake(
            what=completed(what, locator, context.reading),
            for_whom=context.name(s.for_whom) or "",
            evidence=locator.locate(sentence),
        )
        for s in drafted
        if (what := trimmed_to_whole(s.what, context.language))
        and (
            sentence := references.sentence_saying(s.what, s.for_whom)
            or references.sentence_naming(s.for_whom, None)
        )
    )
    return not_furniture(
        not_copied(unique(found, key=lambda s: normalise(s.what))), context.reading
    )
