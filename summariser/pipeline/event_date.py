"""The main event's day: what a reader asks first of "when", answered as one ISO date."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import chain

from ..briefing.schema import EventDate, TimeRef
from ..prompting.times import spot
from .dates import time_ref
from .grounding import Locator
from .lead import LEAD_CHARS

__all__ = ["event_date"]

# The main event is recent: news reports what happened up to a fortnight before publication,
# or what is due within the week after; older and later days are background.
_RECENT = (timedelta(days=-14), timedelta(days=7))


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
