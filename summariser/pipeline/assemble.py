"""Turn the model's draft into a briefing: one builder per field, over one reading.

Pure and deterministic: same draft, article and references, same briefing. The draft names
checklist entries and sums claims up in a few words (nlp/references.py); each field's builder
writes what it cites in the article's own words, grounds it and owns what it adds or drops:
who.py, where.py, when.py, allegations.py, stakes.py, all reading the article once
(context.py). A field the draft and the briefing both declare under one name is carried over
as the model wrote it (`_carried`). Ungrounded allegations and stakes are kept and flagged
(grounded=False) unless `strict`, which drops them; ungrounded actors, places and times are
never kept. The allegations a closed question `dropped` (vetting.py) are left out before
their sources are added to who.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import Any

from pydantic import BaseModel

from ..briefing.schema import ITEM_LISTS, Briefing, Source
from ..nlp import References
from ..prompting.draft import Draft
from .allegations import allegations
from .context import Context
from .items import grounded
from .stakes import stakes
from .vetting import identity
from .when import times
from .where import places
from .who import actors, with_sources
from .wording import whole_summary

__all__ = ["assemble"]

# What the draft and the briefing share by name, yet the builders write.
_WRITTEN_HERE = ("summary", *ITEM_LISTS)


def assemble(
    draft: Draft,
    text: str,
    references: References,
    *,
    published: date | None = None,
    title: str | None = None,
    url: str | None = None,
    strict: bool = False,
    dropped: Collection[tuple[str, int | None]] = (),
) -> Briefing:
    context = Context.of(text, references, published, title, url)
    who = actors(draft.who, context)
    where = places(draft.where, context, [a.name for a in who if a.kind == "person"])
    when, event_date = times(draft.when, context)
    claims = [c for c in allegations(draft.allegations, context, who) if identity(c) not in dropped]
    risks = stakes(draft.stakes, context)
    return Briefing(
        **_carried(draft, Briefing, *_WRITTEN_HERE),
        summary=whole_summary(draft.summary, context.reading.lead),
        language=context.language,
        who=with_sources(who, claims, context),
        where=where,
        when=when,
        event_date=event_date,
        allegations=grounded(claims) if strict else claims,
        stakes=grounded(risks) if strict else risks,
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
