"""What every builder does to its list: each entity once, no placeholders, no copies of the
prompt's examples, nothing a time phrase where a name belongs."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TypeVar

from ..briefing.schema import Actor, Allegation, Place, Stake, TimeRef
from ..nlp import Reading, same_entity
from ..nlp.furniture import is_furniture
from ..nlp.times import spot
from ..prompting.messages import prompt_examples
from ..text import normalise

__all__ = [
    "each_once",
    "grounded",
    "is_time",
    "names_something",
    "not_copied",
    "not_furniture",
    "unique",
]

T = TypeVar("T", Actor, Place, TimeRef, Allegation, Stake)
E = TypeVar("E", Actor, Place)


def unique(items: Iterable[T], key: Callable[[T], object]) -> list[T]:
    """Each item once by `key`, where it was first listed."""
    seen: set[object] = set()
    kept: list[T] = []
    for item in items:
        k = key(item)
        if k in seen:
            continue
        seen.add(k)
        kept.append(item)
    return kept


def each_once(items: Iterable[E], language: str, merged: Callable[[E, E], E]) -> list[E]:
    """Each entity once (same_entity decides), where it was first listed: a repeat is
    `merged` into the item kept (old, new)."""
    kept: list[E] = []
    for item in items:
        index = next(
            (i for i, k in enumerate(kept) if same_entity(item.name, k.name, language)), None
        )
        if index is None:
            kept.append(item)
        else:
            kept[index] = merged(kept[index], item)
    return kept


def grounded(items: list[T]) -> list[T]:
    return [item for item in items if item.evidence.grounded]


def not_furniture(items: list[T], reading: Reading) -> list[T]:
    """Nothing that quotes page furniture, nor a name the article writes only there, nor a
    role that holds it."""
    kept: list[T] = []
    for item in items:
        start, end = item.evidence.start, item.evidence.end
        if isinstance(item, Actor | Place):
            if reading.only_in_furniture(item.name):
                continue
            if isinstance(item, Actor) and is_furniture(item.role):
                item = item.model_copy(update={"role": ""})  # a caption run into its clause
        elif start is not None and end is not None and reading.in_furniture(start, end):
            continue
        kept.append(item)
    return kept


# What a small model writes where it has no name: not an actor, a place or an accused.
_PLACEHOLDERS = frozenset(
    ["", "unknown", "none", "null", "n a", "na", "not specified", "unspecified", "not mentioned"]
)
_ADDRESS = re.compile(r"\S@\S|://|\bwww\.")


def names_something(name: str | None) -> bool:
    """False for a missing name, a placeholder ("unknown", "none", "N/A"), a single
    character ("X", as in the prompt's "X accused Y") or an e-mail or web address."""
    if name is None or _ADDRESS.search(name):
        return False  # an e-mail or web address is no one's name
    folded = normalise(name)
    has_letter = any(c.isalpha() for c in folded)  # "2009" is a year, not a name
    return has_letter and folded not in _PLACEHOLDERS and len(folded.replace(" ", "")) > 1


def is_time(name: str) -> bool:
    """A name that is wholly a time phrase ("Tuesday", "on 13 September") is no actor or place."""
    return any(len(phrase) >= len(name.strip()) - 3 for phrase in spot(name))


def not_copied(items: list[T]) -> list[T]:
    """Drop what the model copied from the instructions' examples instead of reading the
    article: an item not found in the article whose words are one of the prompt's example
    phrases ("until 13 September", "according to X, ..."). Its date would be invented too."""
    examples = prompt_examples()
    return [
        item for item in items if item.evidence.grounded or normalise(_words(item)) not in examples
    ]


def _words(item: Actor | Place | TimeRef | Allegation | Stake) -> str:
    if isinstance(item, Actor | Place):
        return item.name
    if isinstance(item, TimeRef):
        return item.text
    return item.claim if isinstance(item, Allegation) else item.what
