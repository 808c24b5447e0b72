"""What the model's draft cites, and where the article says it: sentences and candidates.

The model cites a name, place or time by its checklist entry (candidates.py), a claim or a
stake by its own few words. `References` finds what it meant: the candidate written so, and
the whole sentence that says the claim, so code quotes the article's own words
(pipeline/). Plain data, so a request carries it to whichever process finishes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ..text import normalise
from .candidates import Candidate, CandidateKind
from .words import is_stopword, stem

__all__ = ["References"]


@dataclass(frozen=True)
class References:
    """The sentences and candidates of one article, which the model's draft cites."""

    sentences: tuple[str, ...]
    candidates: tuple[Candidate, ...]
    language: str = "en"  # the article's, as the reading identified it

    def of_kind(self, *kinds: CandidateKind) -> list[Candidate]:
        return [c for c in self.candidates if c.kind in kinds]

    def by_mentions(self, *kinds: CandidateKind) -> list[Candidate]:
        """Candidates of `kinds`, those the article comes back to most first (ties in article
        order). A small model copies a checklist from its top, so the top is the story's
        main actors and places, not page furniture or a name mentioned once in passing."""
        mentions = self._mentions
        ranked = [(i, c) for i, c in enumerate(self.candidates) if c.kind in kinds]
        ranked.sort(key=lambda pair: (-mentions[pair[0]], pair[0]))
        return [c for _, c in ranked]

    def candidate(self, written: str, *, widen: bool = True) -> Candidate | None:
        """The candidate the model meant by `written`: the one written so (case, quotes and
        punctuation aside), else, if `widen`, the only candidate holding every word of it
        ("Jong-un Kim" is "Kim Jong-un")."""
        key = normalise(written)
        if not key:
            return None
        folded = self._candidate_words
        same = [c for c, (text, _) in zip(self.candidates, folded, strict=True) if text == key]
        if same or not widen:
            return same[0] if same else None
        words = set(key.split())
        holding = [c for c, (_, held) in zip(self.candidates, folded, strict=True) if words <= held]
        return holding[0] if len(holding) == 1 else None

    def sentence_saying(self, words: str, by: str | None = None) -> str | None:
        """The sentence that says what `words` sum up: the one holding most of their words
        (weighted by rarity in the article), more so when it names `by`, if it holds enough
        of them."""
        saying = self.sentences_saying(words, by)
        return saying[0] if saying else None

    def sentences_saying(self, words: str, by: str | None = None) -> list[str]:
        """Every sentence that holds enough of what `words` sum up, the likeliest first (ties
        in article order): where the likeliest cannot be the one meant (a headline, where the
        claim needs a source), the next is."""
        wanted = _content_words(words, self.language)
        if not wanted:
            return []
        folded = self._sentence_words
        rarity = {w: 1 / (1 + sum(w in held for held in folded)) for w in wanted}
        total = sum(rarity.values())
        source = _content_words(by or "", self.language)
        scored: list[tuple[float, int]] = []
        for index, held in enumerate(folded):
            share = sum(rarity[w] for w in wanted if w in held) / total
            if source and source & held:
                share += _SOURCE_BONUS
            if share >= _SAYS_ENOUGH:
                scored.append((-share, index))
        return [self.sentences[index] for _, index in sorted(scored)]

    def sentence_naming(self, source: str | None, against: str | None) -> str | None:
        """The first of `sentences_naming`, or None."""
        found = self.sentences_naming(source, against)
        return found[0] if found else None

    def sentences_naming(self, source: str | None, against: str | None) -> list[str]:
        """The sentences that write `source`, those that write `against` too first: where a
        claim's own words match no sentence (the model wrote them in another language than
        the article's), the statements of its source, in the article's."""
        if not source or not normalise(source):
            return []
        padded = [f" {normalise(s)} " for s in self.sentences]
        naming = [i for i, held in enumerate(padded) if self._writes(held, source)]
        both = [i for i in naming if against and self._writes(padded[i], against)]
        return [self.sentences[i] for i in [*both, *(i for i in naming if i not in both)]]

    def _writes(self, padded: str, name: str) -> bool:
        """Whether a sentence (folded, padded with spaces) writes `name`: as whole words, or
        outside English as the start of words, where case endings and particles join the
        name ("류화영의", "Полины")."""
        key = normalise(name)
        if not key:
            return False
        if self.language == "en":
            return f" {key} " in padded
        return f" {key}" in padded or f" {' '.join(stem(w) for w in key.split())}" in padded

    @cached_property
    def _candidate_words(self) -> list[tuple[str, set[str]]]:
        """Each candidate in comparison form, and its words: folded once, looked up often."""
        return [
            (key, set(key.split())) for key in map(normalise, (c.text for c in self.candidates))
        ]

    @cached_property
    def _mentions(self) -> list[int]:
        """How many sentences mention each candidate, as written (case and all): in full, or
        by a capitalised word of it no other candidate has ("Putin" for "Vladimir Putin", not
        "Korea" for "North Korea")."""
        written = [c.text.split() for c in self.candidates]
        owners: dict[str, int] = {}
        for words in written:
            for word in set(words):
                owners[word] = owners.get(word, 0) + 1
        counts: list[int] = []
        for candidate, words in zip(self.candidates, written, strict=True):
            own = [w for w in words if owners[w] == 1 and len(w) > 2 and w[0].isupper()]
            forms = "|".join(map(re.escape, sorted({candidate.text, *own}, key=len, reverse=True)))
            mention = re.compile(rf"(?<!\w)(?:{forms})(?!\w)")
            counts.append(sum(mention.search(sentence) is not None for sentence in self.sentences))
        return counts

    @cached_property
    def _sentence_words(self) -> list[set[str]]:
        return [set(normalise(s).split()) for s in self.sentences]


_SOURCE_BONUS = 0.2
_SAYS_ENOUGH = 0.35  # of a claim's words, weighted by rarity


def _content_words(text: str, language: str = "en") -> set[str]:
    return {w for w in normalise(text).split() if len(w) > 1 and not is_stopword(w, language)}
