"""Text a reader keeps: sentences that end, roles that say something.

A string cap stops a model mid-sentence ("... in which he said the"); a small model's role
often restates the kind ("nation", "organization", "source of a claim"). These checks say
which text is whole and which role says something, and cut text back to where it ends.
"""

from __future__ import annotations

import re

from ..nlp import is_stopword
from ..text import normalise

__all__ = ["ends_whole", "says_something", "trimmed_to_whole"]

_SENTENCE_ENDS = tuple('.!?…。！？"”’)»')
_OPEN_PUNCTUATION = ",;:(-–—/&"
# Words no clause ends on in English: articles, prepositions, conjunctions, possessives.
_OPEN_WORDS = frozenset(
    """the a an of to in on at for with by from into onto about between and or but nor that
    which whose his her their its our my your as than""".split()  # noqa: SIM905
)
_KIND_WORDS = frozenset(
    """nation country state location place city region town area organization organisation
    company agency institution media outlet group people person individual entity party other
    unknown source accused victim official speaker actor claim of a the""".split()  # noqa: SIM905
)


def ends_whole(text: str) -> bool:
    """Whether `text` ends a sentence (its last character closes one)."""
    return text.rstrip().endswith(_SENTENCE_ENDS) and not text.rstrip().endswith(("...", "…"))


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
        if bare.lower() in _OPEN_WORDS or (language != "en" and _open_in(bare, language)):
            words.pop()
            continue
        break
    return " ".join(words)


def _open_in(word: str, language: str) -> bool:
    """Elsewhere, a short stopword (an article, a preposition) leaves a phrase open."""
    return len(word) <= 3 and is_stopword(word, language) and word.islower()


def says_something(role: str, name: str) -> bool:
    """A role that says what the actor is or does here, not its kind, its name or nothing."""
    folded = normalise(role)
    if len(folded) < 3 or folded == normalise(name):
        return False
    return not set(re.split(r"\s+", folded)) <= _KIND_WORDS
