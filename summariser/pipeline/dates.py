"""Turn a time phrase as written ("as early as Tuesday", "In July") into an ISO date.

Deterministic rules for how news writes time, resolved against the publication date:
- a bare weekday is the publication day when it matches, else the nearest one in the past,
  unless the phrase or its sentence points ahead ("as early as", "next", "will", "scheduled");
- "13 September" and "in July" take the year that puts them within six months of publication;
- week-level phrases ("last week") have no ISO day or month, so they stay null;
- a clock time alone ("at about 6.15am") takes the day named in its sentence, else the
  publication day (as news-mode temporal taggers such as HeidelTime do).
Without a publication date only absolute phrases resolve; relative ones stay null, not guessed.
Anything the rules miss goes to dateparser (other languages, odd formats), which never guesses
a year we did not give it. `resolve` never raises. `time_ref` dates a phrase in its sentence.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

from ..briefing.schema import TimeRef
from ..nlp import read
from ..nlp.layout import ends_whole
from ..nlp.lexicon import WEEKDAYS, en
from ..nlp.times import DAY, MONTH, WEEKDAY, YEAR, alternatives
from .grounding import Locator
from .wording import trimmed_to_whole

__all__ = ["one_date_per_day", "resolve", "resolve_by_rules", "time_ref"]

_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?\b")
_DAY_MONTH = re.compile(rf"\b{DAY}(?:\s+of)?\s+{MONTH}(?:,?\s+{YEAR})?\b")
_MONTH_DAY = re.compile(rf"\b{MONTH}\s+{DAY}\b(?:,?\s+{YEAR})?")
_MONTH_YEAR = re.compile(rf"\b{MONTH}(?:\s+of)?\s+{YEAR}\b")
_MONTH_ONLY = re.compile(rf"\b{MONTH}(?![\w-])")
_YEAR_ONLY = re.compile(rf"(?<![\d-]){YEAR}(?![\d-])")

_AHEAD = re.compile(rf"\b(?:{alternatives(en.AHEAD)})\b")
_BEHIND = re.compile(rf"\b(?:{alternatives(en.BEHIND)})\b")
_FUTURE_IN_PHRASE = re.compile(rf"\b(?:{alternatives([*en.AHEAD, *en.AHEAD_IN_PHRASE])})\b")
_PAST_IN_PHRASE = re.compile(rf"\b(?:{alternatives([*en.BEHIND, *en.BEHIND_IN_PHRASE])})\b")
_FUTURE_IN_SENTENCE = re.compile(rf"\b(?:{alternatives(en.FUTURE_IN_SENTENCE)})\b")

# Days named relative to publication, those a day away first, the longest first: "the day
# before yesterday" is not "yesterday".
_RELATIVE_DAYS = sorted(en.RELATIVE_DAYS.items(), key=lambda kv: (kv[1] == 0, -len(kv[0])))
_COUNTED = {"a": 1, "an": 1, **en.NUMBER_WORDS}  # "a year ago", "two days ago"
_THIS_MONTH_OR_YEAR = re.compile(
    rf"\b({alternatives(['this', *en.AHEAD, *en.BEHIND])}) (month|year)\b"
)
_MAY_THE_MONTH = re.compile(rf"\b(?:{alternatives(en.DATE_PREPOSITIONS)}) may\b")
_AGO = re.compile(rf"\b(?P<n>\d+|{alternatives(_COUNTED)})\s+(?P<unit>day|year)s?\s+ago\b")


def time_ref(
    phrase: str,
    locator: Locator,
    published: date | None,
    language: str,
    event: str = "",
    **fields: Any,
) -> TimeRef:
    """The phrase as a dated, grounded `TimeRef`: its sentence in the article decides tense,
    and says what happens then where `event` does not."""
    evidence = locator.locate(phrase)
    reading = read(locator.text)
    grounded = evidence.grounded and evidence.start is not None
    at = evidence.start or 0
    context = reading.sentence_around(at) if grounded else ""
    tense = reading.tense_at(at) if grounded else None
    return TimeRef(
        text=phrase,
        date=resolve(phrase, published, context=context, language=language, tense=tense),
        event=event or (_event_in(reading.clause_around(at), evidence.quote) if grounded else ""),
        evidence=evidence,
        **fields,
    )


def _event_in(clause: str, phrase: str) -> str:
    """What happens at the phrase's time, in the article's words: the whole clause the
    phrase stands in, less the phrase where it opens it, and less what leaves it open where
    the parse's clause is no whole sentence."""
    if clause.startswith(phrase) and len(clause) > len(phrase):
        clause = clause[len(phrase) :].lstrip(" ,")
        clause = clause[:1].upper() + clause[1:]
    return clause if ends_whole(clause) else trimmed_to_whole(clause)  # "... occurred as"


def one_date_per_day(when: list[TimeRef], published: date | None) -> list[TimeRef]:
    """A weekday named more than once in one article is one day, unless a phrase says which
    ("next", "last"): each takes the date nearest publication among those its mentions were
    given (the earlier on a tie), since news reports the days around it."""
    if published is None:
        return when
    around: date = published  # narrowed once, for the key function below
    dated: dict[int, list[str]] = {}
    for t in when:
        day = _bare_weekday(t.text)
        if day is not None and t.date and len(t.date) == 10:
            dated.setdefault(day, []).append(t.date)
    chosen = {
        day: min(dates, key=lambda d: (abs((date.fromisoformat(d) - around).days), d))
        for day, dates in dated.items()
    }
    unified: list[TimeRef] = []
    for t in when:
        day = _bare_weekday(t.text)
        if day is not None and t.date and day in chosen and t.date != chosen[day]:
            t = t.model_copy(update={"date": chosen[day]})
        unified.append(t)
    return unified


def _bare_weekday(phrase: str) -> int | None:
    text = phrase.lower()
    found = re.search(WEEKDAY, text)
    if found is None or _AHEAD.search(text) or _BEHIND.search(text):
        return None
    return WEEKDAYS[found["weekday"]]


def resolve(
    phrase: str,
    published: date | None,
    context: str = "",
    language: str = "en",
    tense: str | None = None,
) -> str | None:
    """ISO date (YYYY-MM-DD, YYYY-MM or YYYY) for a time phrase, or None; never raises.

    `context` is the sentence around the phrase (its tense decides a bare weekday);
    `language` is the article's ISO 639-1 code (non-English phrases may go to dateparser);
    `tense`, "past" or "future" where the verb governing the phrase says, decides a bare
    weekday before the sentence's words do.
    """
    try:
        return resolve_by_rules(phrase, published, context, language, tense)
    except Exception:  # a resolver must never take a briefing down with it
        return None


def resolve_by_rules(
    phrase: str,
    published: date | None,
    context: str = "",
    language: str = "en",
    tense: str | None = None,
) -> str | None:
    """`resolve` without its safety net, so tests can hold the rules themselves to never
    raising on any phrase."""
    text = " ".join(phrase.lower().replace("\u2019", "'").split())
    if not text:
        return None
    return _resolve(text, published, context.lower(), language.lower()[:2], tense)


def _resolve(
    text: str, published: date | None, context: str, language: str, tense: str | None
) -> str | None:
    def weekday(text: str, published: date | None, context: str) -> str | None:
        return _weekday(text, published, context, tense)

    for rule in (_absolute, _relative, weekday, _month_without_year, _clock):
        if (found := rule(text, published, context)) is not None:
            return found or None
    if (found := _year_only(text)) is not None:
        return found
    if _mentions_week(text):
        return None
    if language == "en" and not re.search(r"\d", text):
        return None  # English words the rules do not know are not dates ("may", "later")
    return _dateparser(text, published, language)


def _absolute(text: str, published: date | None, _context: str) -> str | None:
    if m := _ISO.search(text):
        return _iso(int(m["year"]), int(m["month"]), int(m["day"]) if m["day"] else None)
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        if m := pattern.search(text):
            month, day = en.MONTHS[m["month"]], int(m["day"])
            if m["year"]:
                return _iso(int(m["year"]), month, day)
            if published is None:
                return ""
            return _iso(_nearest_year(month, published), month, day)
    if m := _MONTH_YEAR.search(text):
        return _iso(int(m["year"]), en.MONTHS[m["month"]], None)
    return None


def _relative(text: str, published: date | None, _context: str) -> str | None:
    is_relative = (
        any(p in text for p, _ in _RELATIVE_DAYS)
        or _AGO.search(text)
        or _THIS_MONTH_OR_YEAR.search(text)
    )
    if not is_relative:
        return None
    if published is None:
        return ""
    if m := _AGO.search(text):
        n = int(m["n"]) if m["n"].isdigit() else _COUNTED[m["n"]]
        if m["unit"] == "day":
            return (published - timedelta(days=n)).isoformat()
        return _year(published.year - n)
    for phrase, days in _RELATIVE_DAYS:
        if phrase in text:
            return (published + timedelta(days=days)).isoformat()
    if m := _THIS_MONTH_OR_YEAR.search(text):
        step = 1 if m[1] in en.AHEAD else -1 if m[1] in en.BEHIND else 0
        if m[2] == "year":
            return _year(published.year + step)
        month_index = published.year * 12 + published.month - 1 + step
        return _iso(month_index // 12, month_index % 12 + 1, None)
    return None


def _weekday(
    text: str, published: date | None, context: str, tense: str | None = None
) -> str | None:
    m = re.search(WEEKDAY, text)
    if not m:
        return None
    if published is None:
        return ""
    target = WEEKDAYS[m["weekday"]]
    ahead = (target - published.weekday()) % 7  # 0..6 days forward
    behind = (published.weekday() - target) % 7  # 0..6 days back
    if _AHEAD.search(text):
        return (published + timedelta(days=ahead or 7)).isoformat()
    if _BEHIND.search(text):
        return (published - timedelta(days=behind or 7)).isoformat()
    if ahead == 0:
        return published.isoformat()
    if tense is not None and not _FUTURE_IN_PHRASE.search(text):
        days = -behind if tense == "past" else ahead
        return (published + timedelta(days=days)).isoformat()
    future = _FUTURE_IN_PHRASE.search(text) or (
        not _PAST_IN_PHRASE.search(text) and _FUTURE_IN_SENTENCE.search(context)
    )
    if future:
        return (published + timedelta(days=ahead)).isoformat()
    return (published - timedelta(days=behind)).isoformat()


def _month_without_year(text: str, published: date | None, _context: str) -> str | None:
    m = _MONTH_ONLY.search(text)
    if not m or (m["month"] == "may" and not _MAY_THE_MONTH.search(text)):
        return None  # "may" is a verb far more often than a month
    if _YEAR_ONLY.search(text) or published is None:
        return None if _YEAR_ONLY.search(text) else ""
    month = en.MONTHS[m["month"]]
    return _iso(_nearest_year(month, published), month, None)


_CLOCK = re.compile(
    r"\b(?:[01]?\d|2[0-3])(?:[.:][0-5]\d)?\s*(?:a\.?m\b\.?|p\.?m\b\.?)|\b(?:[01]?\d|2[0-3]):[0-5]\d\b"
    r"|\b(?:noon|midday|midnight)\b"
)
_CLOCK_FILLER = re.compile(
    r"\b(?:at|about|around|approximately|roughly|shortly|just|before|after|or|and|to|"
    r"local|time|gmt|bst|utc|est|edt|et|pt|cet|hours?|hrs)\b|[~,.()-]"
)


_DAY_IN_SENTENCE = re.compile(rf"\b(?:{alternatives(en.RELATIVE_DAYS)})\b|{WEEKDAY}")


def _clock(text: str, published: date | None, context: str) -> str | None:
    """A time of day and nothing else: the day named in its sentence, else publication day."""
    if not _CLOCK.search(text) or _CLOCK_FILLER.sub(" ", _CLOCK.sub(" ", text)).strip():
        return None
    if published is None:
        return ""
    if m := _DAY_IN_SENTENCE.search(context):
        said = m.group(0)
        return _relative(said, published, context) or _weekday(said, published, context) or None
    return published.isoformat()


def _year_only(text: str) -> str | None:
    m = _YEAR_ONLY.search(text)
    return m["year"] if m else None


def _mentions_week(text: str) -> bool:
    return bool(re.search(r"\b(week|weekend|fortnight)\b", text))


def _nearest_year(month: int, published: date) -> int:
    """The year that puts `month` within six months either side of publication."""
    delta = month - published.month
    if delta > 6:
        return published.year - 1
    if delta < -6:
        return published.year + 1
    return published.year


def _iso(year: int, month: int, day: int | None) -> str:
    """ISO form, or "" (matched, but no such date) so that no later rule reinterprets it."""
    try:
        if day is None:
            date(year, month, 1)
            return f"{year:04d}-{month:02d}"
        return date(year, month, day).isoformat()
    except ValueError:
        return ""


def _dateparser(text: str, published: date | None, language: str) -> str | None:
    """Last resort for other languages and formats; imported lazily because it is slow."""
    import dateparser
    from dateparser.data.languages_info import language_order

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
    if published is None:
        settings["REQUIRE_PARTS"] = ["year"]
    else:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    languages = [language] if language.isalpha() and len(language) == 2 else None
    if languages and language not in language_order:
        return None  # a language dateparser does not know ("und"): undated, not guessed
    parser = dateparser.date.DateDataParser(languages=languages, settings=settings)
    parsed = parser.get_date_data(text)
    if parsed.date_obj is None:
        return None
    found = parsed.date_obj.date()
    if parsed.period == "year":
        return _year(found.year)
    if parsed.period == "month":
        return f"{found.year:04d}-{found.month:02d}"
    if parsed.period in ("day", "time"):
        return found.isoformat()
    return None


def _year(year: int) -> str | None:
    """A year as ISO 8601 writes it, four digits ("0001"); none outside 1-9999."""
    return f"{year:04d}" if 1 <= year <= 9999 else None
