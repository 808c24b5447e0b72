"""A named entity of an article, and what makes written words a name a reader would keep."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .words import is_stopword

__all__ = ["Entity", "EntityType", "plausible_name", "trimmed_span"]

EntityType = Literal["person", "organisation", "place", "facility", "group", "event", "name"]


@dataclass(frozen=True)
class Entity:
    text: str  # the article's own words, text[start:end]
    type: EntityType
    start: int
    end: int
    located: bool = False  # written after "in", "at", "near" ...: as a place (English only)


def plausible_name(written: str, language: str) -> bool:
    """A name a reader would keep: on one line, with letters, capitalised, not a stopword."""
    if "\n" in written or not any(c.isalpha() for c in written):
        return False
    words = written.split()
    if not any(w[0].isupper() for w in words if w[0].isalpha()):
        return False
    # "US" and "IT" in capitals are names; "Us" or "Да" opening a sentence are not
    return not all(is_stopword(w, language) and not (w.isupper() and len(w) > 1) for w in words)


def trimmed_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """`start`:`end` less the spacing at its edges; None where nothing is left to read."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if not any(c.isalnum() for c in text[start:end]):
        return None
    return start, end
