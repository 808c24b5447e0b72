"""The day a feed says an entry was published, on the publisher's clock, in any language.

The day as written, not as UTC: "Mon, 24 Sep 2018 22:30 -0300" is the 24th where it was
written, and the 24th is the day the article's "today" and "yesterday" mean. RFC 3339
(Atom, JSON Feed) and RFC 822 (RSS) stamps are read directly; anything else (other
languages' day and month names, "Seg, 24 Set 2018", or odd layouts) goes to dateparser, which
must find a day, a month and a year, so it never guesses one.
"""

from __future__ import annotations

from datetime import date, datetime
from email.utils import parsedate_to_datetime

__all__ = ["written_day"]


def written_day(value: object, language: str | None = None) -> date | None:
    """The day of a feed's date string, or None; `language` (the feed's, "pt-br") helps."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    return _spelled(text, language)


def _spelled(text: str, language: str | None) -> date | None:
    import dateparser
    from dateparser.data.languages_info import language_order

    code = (language or "").split("-")[0].split("_")[0].lower()
    languages = [code] if code in language_order else None  # None: dateparser detects
    found = dateparser.parse(text, languages=languages, settings={"STRICT_PARSING": True})
    return found.date() if found else None
