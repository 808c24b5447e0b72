"""How code compares words: one folded form for grounding, checklists, amendments and scoring.

Folding lower-cases, strips accents and turns punctuation into spaces, so "Kim Jong-un" and
"kim jong un" compare equal; token-overlap F1 is the evaluation README's measure of a name hit,
used by code that must judge "the same name" the way the scorer does.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

__all__ = ["fold", "normalise", "overlap_f1"]


def fold(char: str) -> str:
    """One character's normalised form: lower case, no accents, punctuation as a space."""
    if char.isalnum():
        base = unicodedata.normalize("NFKD", char.lower())
        folded = "".join(c for c in base if not unicodedata.combining(c))
        return folded or char.lower()
    return " "


class _Folds(dict[int, str]):
    """`fold` of every character met so far, by code point: str.translate's table, so a
    text is folded in one linear pass in C, each distinct character computed once."""

    def __missing__(self, point: int) -> str:
        self[point] = folded = fold(chr(point))
        return folded


_FOLDS = _Folds()


def normalise(text: str) -> str:
    """The comparison form of a phrase: folded characters, single spaces, no edges."""
    return " ".join(text.translate(_FOLDS).split())


def overlap_f1(a: str, b: str) -> float:
    """Token-overlap F1 of two phrases, lower-cased with punctuation stripped."""
    left, right = Counter(normalise(a).split()), Counter(normalise(b).split())
    common = sum((left & right).values())
    if not common:
        return 0.0
    precision, recall = common / sum(left.values()), common / sum(right.values())
    return 2 * precision * recall / (precision + recall)
