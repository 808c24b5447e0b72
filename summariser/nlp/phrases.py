"""Who and where an article mentions that no named-entity reader finds, as checklist rules.

Named entities come from the reading (reading.py). These rules add what it has no type
for: unnamed people ("at least seven people", "the driver"), whom a small model leaves out
unless it is shown them, and precise locations ("near the Sandilands stop on Addiscombe
Road"), which say more than a bare place name. English patterns; elsewhere they find nothing.
"""

from __future__ import annotations

import re

from .lexicon import WEEKDAYS, en
from .times import alternatives
from .words import is_stopword

__all__ = ["names_a_site", "place_phrases", "unnamed", "unnamed_actors", "untitled"]


def _common(word: str) -> bool:
    """A capitalised word that is no name on its own: a stopword, a month or a weekday."""
    bare = word.rstrip(".").lower()
    return is_stopword(bare, "en") or bare in en.MONTHS or bare in WEEKDAYS


# A precise location as news writes it: "near the Sandilands stop on Addiscombe Road", "in a
# tunnel near Sandlilands tram station", "in the northern Afghan city of Mazar-i-Sharif". A
# locative, then capitalised words and place nouns (each with up to two plain words before
# it), joined by "of", "near", "in" ... English only.
_SITE_NOUN = rf"(?:{alternatives(en.SITE_NOUNS)})"
_SITE = re.compile(rf"\b{_SITE_NOUN}\b")
_PLACE_NOUN = rf"(?:{alternatives([*en.SITE_NOUNS, *en.AREA_NOUNS])})"
_NOT_A_NAME = alternatives(  # "The", "This", "He": no name, even capitalised
    w.title() for w in en.ARTICLES | en.DEMONSTRATIVES | en.PERSONAL_PRONOUNS
)
_PLACE_PART = (
    rf"(?:(?!(?:{_NOT_A_NAME})\b)[A-Z][\w'’.-]*\w"
    rf"|(?:[a-z][\w-]*\s+){{0,2}}{_PLACE_NOUN}\b)"
)
_LINK_WORDS = frozenset({"of", "near", "on", "in", "at", *en.ARTICLES})  # "stop on", "city of"
_LINKS = alternatives(_LINK_WORDS)
_PLACE_PHRASE = re.compile(
    rf"\b(?:{alternatives(en.PRECISE_LOCATIVES)})\s+(?:(?:{alternatives(en.ARTICLES)})\s+)?"
    rf"{_PLACE_PART}(?:\s+(?:(?:{_LINKS})\s+)*{_PLACE_PART})*"
)


def place_phrases(text: str) -> list[str]:
    """Locative phrases of `text` that name a place and say more than its bare name ("near
    the Sandilands stop on Addiscombe Road", not "in Croydon"), each as written, in order."""
    found: list[str] = []
    for match in _PLACE_PHRASE.finditer(text):
        words = match.group(0).split()
        common = next((i for i, w in enumerate(words) if w[0].isupper() and _common(w)), None)
        if common is not None:  # "... on Addiscombe Road | on Wednesday": the place ends
            words = words[:common]
            while words and words[-1].lower() in _LINK_WORDS:
                words.pop()
        if any(w[0].isupper() for w in words[1:]) and len(words) > 3:
            found.append(" ".join(words))
    return found


def names_a_site(phrase: str) -> bool:
    """True when a place phrase names a spot within a town ("the Sandilands stop"), not only
    a town or a region ("the Russian port city of Vladivostok")."""
    return _SITE.search(phrase) is not None


# Unnamed actors: news often names no one ("at least seven people died", "the driver was
# arrested", "a suicide bomber"). A small model lists only proper names unless it is shown
# these too. English only: a count or article, up to two modifiers, a noun for people.
_PEOPLE = alternatives(en.PEOPLE_NOUNS)
_NUMBER_WORD = alternatives(w for w, n in en.NUMBER_WORDS.items() if n)
_NUMBER = (
    r"(?:(?<![/\d])\d{1,3}(?:,\d{3})+|(?<![/\d])\d+|"
    rf"(?:{_NUMBER_WORD})(?:-(?:{_NUMBER_WORD}))?)"  # "twenty-nine", whole
)
_COUNT = (
    rf"(?:(?:{'|'.join(en.COUNT_BOUNDS)})\s+{_NUMBER}|{_NUMBER}|{'|'.join(en.COUNT_WORDS)}|"
    rf"{'|'.join(sorted(en.ARTICLES))})"
)
_MODIFIER = rf"(?!(?:{alternatives(en.FUNCTION_WORDS)})\b)[a-zA-Z][\w-]*"
_UNNAMED = re.compile(
    rf"(?<![\w-]){_COUNT}(?:\s+{_MODIFIER}){{0,2}}?\s+(?:{_PEOPLE})\b", re.IGNORECASE
)
MAX_UNNAMED = 8
_UNCOUNTED = re.compile(
    rf"^(?:(?:{'|'.join(en.COUNT_BOUNDS)}|{'|'.join(en.COUNT_WORDS)}|{'|'.join(sorted(en.ARTICLES))})\s+)+",
    re.IGNORECASE,
)


_TITLE_WORDS = en.HONORIFICS | en.PERSON_TITLES


def untitled(name: str) -> str:
    """A person's name less the titles written before it: "Charlotte Mayor Jennifer Roberts"
    is Jennifer Roberts, "Rep. Adam Schiff" Adam Schiff; a name that is all title stays."""
    words = name.split()
    titled = [i for i, w in enumerate(words[:-1]) if w.strip(".,").lower() in _TITLE_WORDS]
    if not titled or not all(w[:1].isupper() for w in words[titled[-1] + 1 :]):
        return name
    return " ".join(words[titled[-1] + 1 :])


def unnamed(phrase: str) -> str:
    """What unnamed people are called, less the words that bound their count or introduce
    them: "At least seven passengers" are seven passengers, "a five-year-old boy" a
    five-year-old boy, "a team of rescuers" rescuers."""
    return _UNCOUNTED.sub("", phrase) or phrase


def unnamed_actors(text: str, limit: int = MAX_UNNAMED) -> list[str]:
    """Counted or described people ("at least seven people", "a five-year-old boy"): per noun
    the most descriptive phrase, in order of first mention, the most-mentioned nouns kept."""
    found: dict[str, str] = {}  # head noun -> its longest phrase
    counts: dict[str, int] = {}
    for match in _UNNAMED.finditer(text):
        phrase = " ".join(match.group(0).split())
        head = phrase.split()[-1].lower()
        counts[head] = counts.get(head, 0) + 1
        if len(phrase.split()) > len(found.get(head, "").split()):
            found[head] = phrase
    keep = set(sorted(counts, key=lambda h: -counts[h])[:limit])
    return [
        phrase
        for head, phrase in found.items()
        if head in keep and not all(is_stopword(w, "en") for w in phrase.split())
    ]  # "the man" names no one: every word of it is a stopword
