"""Find each item's words in the article, so every claim can be checked against the source.

Three passes, cheapest first: exact; normalised (case, quotes, dashes, punctuation, spacing
ignored); fuzzy (rapidfuzz alignment over the normalised text). Offsets always index the
original text in Unicode code points, so `text[start:end]` is the quote for any script.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from rapidfuzz import fuzz

from ..briefing.schema import Evidence
from ..text import fold, normalise

__all__ = ["Locator"]

FUZZY_MIN_SCORE = 88.0  # rapidfuzz partial_ratio, 0-100; below this a quote counts as not found


@dataclass(frozen=True)
class _Folded:
    """The article in comparison form plus, for each of its characters, the original offset."""

    text: str
    origin: list[int]


def _fold_with_offsets(text: str) -> _Folded:
    chars: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        folded = fold(char)
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
