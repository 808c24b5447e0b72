"""Stopwords and stems of any language: a stopword is never a name, and the inflected forms
of one name ("Полины", "Полина") are one entity. Stopwords are stopwordsiso's (ISO 639-1
codes, about 50 languages); a language it lacks has none, and nothing is dropped for it."""

from __future__ import annotations

from functools import cache

from ..text import normalise

__all__ = ["is_stopword", "stem"]


@cache
def _stopwords(language: str) -> frozenset[str]:
    import stopwordsiso

    if not (language.isalpha() and len(language) == 2) or not stopwordsiso.has_lang(language):
        return frozenset()
    return frozenset(normalise(w) for w in stopwordsiso.stopwords(language))


def is_stopword(word: str, language: str) -> bool:
    """Whether `word` (any case, accents aside) is one of the language's stopwords."""
    return normalise(word) in _stopwords(language)


_ENDING = 2  # characters an inflection adds or changes at a word's end ("-ы", "-ой", "-s")
_STEMMED = 5  # words shorter than this are compared whole


def stem(word: str) -> str:
    """A word's comparison form less its last characters, where inflection changes them."""
    folded = normalise(word)
    return folded[:-_ENDING] if len(folded) >= _STEMMED else folded
