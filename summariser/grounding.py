"""Find each item's words in the article, so every claim can be checked against the source.

Three passes, cheapest first: exact; normalised (case, quotes, dashes, punctuation, spacing
ignored); fuzzy (rapidfuzz alignment over the normalised text). Offsets always index the
original text in Unicode code points, so `text[start:end]` is the quote for any script.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from rapidfuzz import fuzz

from .schema import Evidence

__all__ = ["Locator", "normalise", "overlap_f1"]

FUZZY_MIN_SCORE = 88.0  # rapidfuzz partial_ratio, 0-100; below this a quote counts as not found


def _fold(char: str) -> str:
    """One character's normalised form: lower case, no accents, punctuation as a space."""
    if char.isalnum():
        base = unicodedata.normalize("NFKD", char.lower())
        folded = "".join(c for c in base if not unicodedata.combining(c))
        return folded or char.lower()
    return " "


def normalise(text: str) -> str:
    """The comparison form of a phrase: folded characters, single spaces, no edges."""
    return " ".join("".join(_fold(c) for c in text).split())


def overlap_f1(a: str, b: str) -> float:
    """Token-overlap F1 of two phrases, lower-cased with punctuation stripped."""
    left, right = Counter(normalise(a).split()), Counter(normalise(b).split())
    common = sum((left & right).values())
    if not common:
        return 0.0
    precision, recall = common / sum(left.values()), common / sum(right.values())
    return 2 * precision * recall / (precision + recall)


@dataclass(frozen=True)
class _Folded:
    """The article in comparison form plus, for each of its characters, the original offset."""

    text: str
    origin: list[int]


def _fold_with_offsets(text: str) -> _Folded:
    chars: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        folded = _fold(char)
        for f in folded:
            if f == " " and (not chars or chars[-1] == " "):
                continue
            chars.append(f)
            origin.append(i)
    return _Folded("".join(chars), origin)


def _is_word_edge(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def _find_word(haystack: str, needle: str) -> int:
    """First index of needle standing as whole words, else its first index anywhere, else -1."""
    first = haystack.find(needle)
    index = first
    while index != -1:
        if _is_word_edge(haystack, index, index + len(needle)):
            return index
        index = haystack.find(needle, index + 1)
    return first


class Locator:
    """Grounds phrases in one article; build once per article, call `locate` per item."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def _folded(self) -> _Folded:
        return _fold_with_offsets(self.text)

    def locate(self, quote: str) -> Evidence:
        quote = quote.strip()
        if not quote:
            return Evidence(quote="", start=None, end=None, grounded=False, match="none")
        start = _find_word(self.text, quote)
        if start != -1:
            return self._evidence(start, start + len(quote), "exact")
        needle = normalise(quote)
        if not needle:
            return Evidence(quote=quote, start=None, end=None, grounded=False, match="none")
        folded = self._folded
        index = _find_word(folded.text, needle)
        if index != -1:
            return self._from_folded(index, index + len(needle), "normalised")
        return self._fuzzy(quote, needle)

    def _fuzzy(self, quote: str, needle: str) -> Evidence:
        folded = self._folded
        if len(needle) < 4 or not folded.text:
            return Evidence(quote=quote, start=None, end=None, grounded=False, match="none")
        found = fuzz.partial_ratio_alignment(needle, folded.text, score_cutoff=FUZZY_MIN_SCORE)
        if found is None or found.dest_end <= found.dest_start:
            return Evidence(quote=quote, start=None, end=None, grounded=False, match="none")
        start, end = found.dest_start, found.dest_end
        # Widen to whole words so the quote never starts or ends mid-word.
        while start > 0 and folded.text[start - 1] != " ":
            start -= 1
        while end < len(folded.text) and folded.text[end] != " ":
            end += 1
        return self._from_folded(start, end, "fuzzy")

    def _from_folded(self, start: int, end: int, match: str) -> Evidence:
        origin = self._folded.origin
        first = origin[start]
        last = origin[end - 1] + 1
        return self._evidence(first, last, match)

    def _evidence(self, start: int, end: int, match: str) -> Evidence:
        return Evidence(
            quote=self.text[start:end],
            start=start,
            end=end,
            grounded=True,
            match=match,  # type: ignore[arg-type]
        )
