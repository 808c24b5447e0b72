"""When: the story's time phrases, each dated against publication, and the main event's day.

The model lists the main event's times first; the checklist's other times follow, for a time
the article writes is a time of the story. Each is dated in its sentence (dates.py); one
weekday named twice is one day. The main event's day is what a reader asks first of "when".
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from itertools import chain

from ..briefing.schema import EventDate, TimeRef
from ..nlp.layout import LEAD_CHARS
from ..nlp.times import spot
from ..text import normalise
from .context import Context
from .dates import one_date_per_day, time_ref
from .grounding import Locator
from .items import unique

__all__ = ["event_date", "times"]

# The main event is recent: news reports what happened up to a fortnight before publication,
# or what is due within the week after; older and later days are background.
_RECENT = (timedelta(days=-14), timedelta(days=7))


def times(drafted: Iterable[str], context: Context) -> tuple[list[TimeRef], EventDate | None]:
    """The dated time phrases (the model's first), and the main event's day."""
    published, language = context.published, context.language
    chosen = [phrase for written in drafted if (phrase := context.time(written))]
    when = unique(
        (
            time_ref(phrase, context.locator, published, language)
            for phrase in [*chosen, *(c.text for c in context.references.of_kind("time"))]
        ),
        key=lambda t: normalise(t.text),
    )
    when = [t for t in when if t.evidence.grounded]  # else its date would be invented too
    when = one_date_per_day(when, published)
    # The main event's day is among the times the model chose (it lists that one first), or
    # in the lead; the checklist's other times are the story's background.
    picked = {normalise(phrase) for phrase in chosen}
    main_times = [t for t in when if normalise(t.text) in picked]
    return when, event_date(main_times, context.locator.text, published, language)


def event_date(
    when: list[TimeRef], text: str, published: date | None, language: str = "en"
) -> EventDate | None:
    """The main event's day: the first recent day the model listed (it is asked to list the
    main event's time first), else the first recent day in the lead, else the publication day."""
    if published is None:
        return None
    earliest, latest = published + _RECENT[0], published + _RECENT[1]
    lead = Locator(text[:LEAD_CHARS])
    spotted = (time_ref(phrase, lead, published, language) for phrase in spot(lead.text))
    for t in chain((t for t in when if t.evidence.grounded), spotted):  # the lead only if needed
        if t.date and len(t.date) == 10 and earliest <= date.fromisoformat(t.date) <= latest:
            return EventDate(date=t.date, basis="time phrase", text=t.text)
    return EventDate(date=published.isoformat(), basis="publication date")
