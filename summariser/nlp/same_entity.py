"""When two names are one entity: the only place that decides it, so each appears once.

The same entity is written many ways in one article: in full and by surname ("Vladimir
Putin", "Putin"), with and without a generic head ("the Charlotte-Mecklenburg Police",
"... Police Department"), as initials ("UN", "United Nations"), as one country's names ("US",
"the United States") or, in inflected languages, in another case ("Полины", "Полина").
Two different countries are never one entity, however many words they share.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..text import normalise
from .gazetteer import country_of
from .lexicon import NAME_PARTICLES
from .words import stem

__all__ = ["representative", "same_entity"]

# Words that join a name's parts ("Bank of England", "Lula da Silva"): no initial of their own.
_LINKS = frozenset({"of", "the", "for", "and", *NAME_PARTICLES})
# Words after which a name's last words name something else: what it is of or for.
_OF = frozenset({"of", "for"})


def same_entity(a: str, b: str, language: str = "en") -> bool:
    """Whether names `a` and `b` stand for one entity."""
    left, right = normalise(a), normalise(b)
    if not left or not right:
        return False
    if left == right:
        return True
    countries = country_of(a, language), country_of(b, language)
    if countries[0] or countries[1]:
        return countries[0] == countries[1]
    if _initials(a) == right.replace(" ", "") or _initials(b) == left.replace(" ", ""):
        return True
    short, long = sorted((left.split(), right.split()), key=len)
    if language != "en":  # inflected forms: compare stems
        short, long = [stem(w) for w in short], [stem(w) for w in long]
    if not set(short) <= set(long) or all(len(w) < 3 for w in short):
        return False
    if _named_after(short, long) and min((a, b), key=len)[:1].isupper():
        return False
    return not set(short) <= _LINKS


def _named_after(short: list[str], long: list[str]) -> bool:
    """Whether the shorter name is what the longer one is of or for, not a form of it:
    "London" of "Transport for London", "England" of "Bank of England" (a name: "rescuers"
    of "dozens of rescuers" is a form of it)."""
    tail = len(long) - len(short)
    return tail > 0 and long[tail:] == short and long[tail - 1] in _OF


def _initials(name: str) -> str:
    """ "United Nations" → "un"; a one-word name has none (a name is no acronym of itself)."""
    words = [w for w in normalise(name).split() if w not in _LINKS]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def representative(name: str, names: Sequence[str], language: str = "en") -> str:
    """The fullest of `names` that is the same entity as `name` (itself where none is)."""
    same = [n for n in names if same_entity(name, n, language)]
    return max(same, key=lambda n: (len(n.split()), len(n)), default=name)
