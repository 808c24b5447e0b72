"""What a reader would strike from a briefing, counted: the defects recall figures hide.

A longer list scores higher on recall even when half of it is junk, so `summarise eval`
counts beside it what an editor would strike, per briefing:
- cut: a summary that stops without ending its sentence, a claim copied from its sentence
  that stops where the sentence reads on, text that ends on "..." or on a word no sentence
  ends with ("the", "of");
- twice: an entity listed a second time in one section (the same words, a subset of them
  as "Putin" of "Vladimir Putin", or one country's two names);
- wrong kind: an item of kind country that no gazetteer knows as a country, a person listed
  as a place, a country or city listed as a person;
- empty role: a role that restates a kind ("nation", "organization", "source of a claim") or
  the name, or is blank;
- two dates: one weekday, named in one article without "next" or "last", dated twice;
- junk name: a name the article does not write, with no letter, of stopwords only, run
  across a line break, longer than a name can be (a clause), or page furniture.
These checks read only the briefing, the article and the gazetteers; they share no rule with
the code that writes the briefing, so a rule that slips is caught, not echoed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..nlp import country_of, is_stopword, read
from ..nlp.lexicon import WEEKDAYS, en
from ..text import normalise

__all__ = ["DEFECT_KINDS", "Defects", "defects_of"]

DEFECT_KINDS = ("cut", "twice", "wrong_kind", "empty_role", "two_dates", "junk_name")

# Words no English sentence or clause ends with, and the words of a role that restates a kind.
_OPEN_ENDS = en.OPEN_WORDS
_KIND_WORDS = en.KIND_WORDS
_EMPTY_ROLES = frozenset(
    {"source of a claim", "source of the claim", "accused", "mentioned", "mentioned in the article"}
)
_FURNITURE = frozenset(
    """subscribe newsletter read more share click here sign up advertisement photo video image
    images getty related watch follow comments login log in cookie cookies""".split()  # noqa: SIM905
)
_MAX_NAME_WORDS = 8
_ENDS = '.!?…。！？"”’)»'


@dataclass
class Defects:
    found: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in DEFECT_KINDS})
    countries: tuple[int, int] = (0, 0)  # items of kind country that are countries, all of them

    @property
    def total(self) -> int:
        return sum(len(v) for v in self.found.values())


def defects_of(briefing: dict[str, Any], text: str) -> Defects:
    """The defects of one briefing (as JSON) of `text`."""
    language = briefing.get("language") or "en"
    defects = Defects()
    found = defects.found
    _cut_text(briefing, found, language)
    for section in ("who", "where"):
        found["twice"] += _twice([i["name"] for i in briefing[section]], language)
    reading = read(text)
    types = {normalise(e.text): e.type for e in reading.entities}
    countries = hits = 0
    for section in ("who", "where"):
        for item in briefing[section]:
            name, kind = item["name"], item.get("kind")
            typed = types.get(normalise(name))
            if kind == "country":
                countries += 1
                if country_of(name, language):
                    hits += 1
                else:
                    found["wrong_kind"].append(f"{name} ({kind})")
            elif section == "where" and typed in ("person", "group"):
                found["wrong_kind"].append(f"{name} (a {typed} as a place)")
            elif (
                section == "who"
                and kind == "person"
                and (country_of(name, language) or typed in ("place", "organisation"))
            ):
                found["wrong_kind"].append(f"{name} (person)")
            junk = _junk(item, text, language)
            if junk:
                found["junk_name"].append(f"{name}: {junk}")
    defects.countries = (hits, countries)
    for actor in briefing["who"]:
        role = normalise(actor.get("role") or "")
        if (
            len(role) < 3
            or role in _EMPTY_ROLES
            or set(role.split()) <= _KIND_WORDS
            or role == normalise(actor["name"])
        ):
            found["empty_role"].append(f"{actor['name']}: {actor.get('role')!r}")
    found["two_dates"] += _two_dates(briefing["when"])
    return defects


def _cut_text(briefing: dict[str, Any], found: dict[str, list[str]], language: str) -> None:
    summary = briefing.get("summary") or ""
    if summary and not summary.rstrip().endswith(tuple(_ENDS)):
        found["cut"].append(f"summary: …{summary[-40:]}")
    for allegation in briefing["allegations"]:
        claim, quote = allegation["claim"], (allegation.get("evidence") or {}).get("quote") or ""
        if _open_ended(claim, language) or _clipped_copy(claim, quote):
            found["cut"].append(f"claim: {claim}")
    for stake in briefing["stakes"]:  # a phrase, not a sentence: cut where it is left open
        quote = (stake.get("evidence") or {}).get("quote") or ""
        if _open_ended(stake["what"], language) or _clipped_start(stake["what"], quote):
            found["cut"].append(f"stake: {stake['what']}")
    for item in briefing["when"]:
        if _open_ended(item.get("event") or "x.", language):
            found["cut"].append(f"event: {item.get('event')}")
    for actor in briefing["who"]:
        if _open_ended(actor.get("role") or "x", language):
            found["cut"].append(f"role: {actor['role']}")


def _open_ended(words: str, language: str) -> bool:
    stripped = words.rstrip()
    if stripped.endswith(("...", "…", ",", ";", ":", "(", "-", "–", "—")):
        return True
    last = stripped.split()[-1] if stripped.split() else ""
    return language == "en" and last.lower().strip("\"'”’") in _OPEN_ENDS


def _clipped_copy(claim: str, quote: str) -> bool:
    """A claim copied from its sentence that stops where the sentence reads on ("... over the
    real estate mogul and Republican" of "... and Republican presidential nominee."): a cut
    copy. A copy that ends where a clause of the sentence ends is whole."""
    words = re.findall(r"\w+", claim)
    if not words or not quote:
        return False
    copied = re.search(r"\W+".join(map(re.escape, words)), quote, re.IGNORECASE)
    if copied is None or copied.group(0) == quote.strip():
        return False
    rest = quote[copied.end() :].strip()
    return bool(rest) and rest[0].isalnum()


def _clipped_start(phrase: str, quote: str) -> bool:
    """A phrase that is the start of its sentence, stopped short."""
    short, whole = normalise(phrase), normalise(quote)
    return bool(short) and whole.startswith(short) and len(whole) - len(short) > 3


_LOCATIVE = re.compile(rf"^(?:{'|'.join(sorted(en.PRECISE_LOCATIVES))}|on)\s", re.IGNORECASE)


def _twice(names: list[str], language: str) -> list[str]:
    """Repeats; a locative phrase ("near the Sandilands stop") is a spot of its own, not a
    second listing of the place it lies in."""
    repeats: list[str] = []
    names = [n for n in names if not _LOCATIVE.match(n)]
    for i, name in enumerate(names):
        words = set(normalise(name).split())
        country = country_of(name, language)
        for other in names[:i]:
            other_words = set(normalise(other).split())
            same_country = country is not None and country == country_of(other, language)
            subset = bool(words) and (words <= other_words or other_words <= words)
            if same_country or (subset and any(len(w) > 2 for w in words & other_words)):
                repeats.append(f"{name} / {other}")
                break
    return repeats


def _junk(item: dict[str, Any], text: str, language: str) -> str | None:
    name = item["name"]
    words = name.split()
    quote = (item.get("evidence") or {}).get("quote") or ""
    folded = normalise(name)
    if not any(c.isalpha() for c in name):
        return "no letter"
    if f" {folded} " not in f" {normalise(text)} ":
        return "not in the article"
    if "\n" in quote:
        return "runs across a line break"
    if len(words) > _MAX_NAME_WORDS:
        return "a clause, not a name"
    if all(is_stopword(w, language) and not w.isupper() for w in words):
        return "stopwords only"
    if set(folded.split()) <= _FURNITURE:
        return "page furniture"
    return None


_WEEKDAY = re.compile(r"\b(" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\b")


def _two_dates(when: list[dict[str, Any]]) -> list[str]:
    dated: dict[int, set[str]] = {}
    for item in when:
        phrase = (item.get("text") or "").lower()
        day = _WEEKDAY.search(phrase)
        if day and item.get("date") and not re.search(r"\b(next|last|previous|past)\b", phrase):
            dated.setdefault(WEEKDAYS[day.group(1)], set()).add(item["date"])
    return [f"weekday {day}: {sorted(d)}" for day, d in dated.items() if len(d) > 1]
