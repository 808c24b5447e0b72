"""Text a reader keeps: sentences that end, claims and phrases that are whole, roles that say
something.

A string cap stops a model mid-sentence ("... in which he said the"); a small model copies a
piece of a sentence and stops where the sentence reads on; its role often restates the kind
("nation", "organization", "source of a claim"). These checks say which text is whole and
which role says something, and cut text back to where it ends or complete it to its phrase.
"""

from __future__ import annotations

import re

from ..nlp import Reading, is_stopword, read, same_entity
from ..nlp.layout import ends_whole
from ..nlp.lexicon import en
from ..prompting.draft import CLAIM_CHARS
from ..text import normalise
from .grounding import Locator

__all__ = [
    "completed",
    "says_something",
    "trimmed_to_whole",
    "whole_claim",
    "whole_summary",
]

_OPEN_PUNCTUATION = ",;:(-–—/&"
# What a role that says nothing is made of: kinds and the words that join them ("source of a
# claim").
_KIND_WORDING = en.KIND_WORDS | en.ARTICLES | {"of"}


def trimmed_to_whole(text: str, language: str = "en") -> str:
    """A phrase less what leaves it open: trailing commas, dashes, "and", "of the"."""
    words = text.rstrip(" .…").split()
    while words:
        last = words[-1]
        bare = last.rstrip(_OPEN_PUNCTUATION)
        if not bare:
            words.pop()
            continue
        if bare != last:
            words[-1] = bare
            continue
        if bare.lower() in en.OPEN_WORDS or (language != "en" and _open_in(bare, language)):
            words.pop()
            continue
        break
    return " ".join(words)


def _open_in(word: str, language: str) -> bool:
    """Elsewhere, a short stopword (an article, a preposition) leaves a phrase open."""
    return len(word) <= 3 and is_stopword(word, language) and word.islower()


def says_something(role: str, name: str, language: str = "en") -> bool:
    """A role that says what the actor is or does here, not its kind, even qualified ("a
    militant group"), a name of it ("Hillary Clinton" for Clinton) or nothing."""
    folded = normalise(role)
    if len(folded) < 3 or same_entity(role, name, language):
        return False
    words = [w for w in re.split(r"\s+", folded) if w not in en.ARTICLES]
    if words and words[-1] in en.BODY_KIND_WORDS and len(words) <= 2:
        return False  # "a militant group", "news organization": the kind, qualified
    return not set(words) <= _KIND_WORDING


_SUMMARY_SENTENCES = 3
_CLAUSE_ENDS = ',;:.!?)”’"—–-'


def whole_claim(claim: str, sentence: str, language: str) -> bool:
    """A claim of the model's own that ends where a phrase ends and is no cut copy of its
    sentence; otherwise the sentence, whole, is the claim. A copied piece of the sentence is
    whole where the sentence's clause ends with it ("a bomb went off in New York, ..."), cut
    where the sentence reads on ("... over the real estate mogul and Republican | nominee")."""
    if trimmed_to_whole(claim, language) != claim.rstrip(" .") or claim.rstrip().endswith(
        ("...", "…")
    ):
        return False  # open at its end, or trailing off ("perseguiç...")
    if len(claim) >= CLAIM_CHARS - 5:
        return False  # at the cap: the grammar stopped the model there
    copied = Locator(sentence).locate(claim.rstrip(" ."))
    if copied.match not in ("exact", "normalised") or copied.end is None:
        return True  # the model's own words
    rest = sentence[copied.end :].strip()
    return not rest or rest[0] in _CLAUSE_ENDS


def completed(phrase: str, locator: Locator, reading: Reading) -> str:
    """A phrase the model copied from the article, completed where it stops inside one of the
    article's phrases ("security problems spreading across Afghanistan in recent" → "... in
    recent months"); its own words as written."""
    copied = locator.locate(phrase)
    if copied.match not in ("exact", "normalised") or copied.start is None or copied.end is None:
        return phrase
    end = reading.phrase_end(copied.start, copied.end)
    return phrase if end == copied.end else " ".join(locator.text[copied.start : end].split())


def whole_summary(summary: str, lead: str) -> str:
    """The summary's first sentences that end (a cap stops a model mid-sentence); where none
    does, the lead's first sentence, in the article's words."""
    sentences = [s for s in read(summary).sentence_texts if ends_whole(s)]
    if sentences:
        return " ".join(sentences[:_SUMMARY_SENTENCES])
    first = read(lead).sentence_texts[:1] if lead else ()
    return first[0] if first else summary
