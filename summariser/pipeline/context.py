"""What every builder reads: the article's one reading, the locator that grounds quotes in it,
and what the draft's references stand for.

The draft cites checklist entries (nlp/references.py): `cited` writes each as the candidate
has it, in the article's own words, or as the model wrote it where the article holds it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from ..nlp import Candidate, Reading, References, read
from ..nlp.written_names import written_as_a_name
from ..text import normalise
from .grounding import Locator
from .items import names_something
from .outlet import outlet_of
from .roles import Roles

__all__ = ["Context"]

_HEADLINE_WORDS = 3  # fewer words than this repeat a title by chance


@dataclass(frozen=True)
class Context:
    """One article as the builders read it."""

    reading: Reading  # the article, read once
    locator: Locator  # grounds every quote in it
    references: References  # what the draft cites (the text the model read)
    published: date | None
    title: str | None = None
    outlet: str | None = None  # the host label of the article's address ("independent")

    @classmethod
    def of(
        cls,
        text: str,
        references: References,
        published: date | None,
        title: str | None = None,
        url: str | None = None,
    ) -> Context:
        return cls(read(text), Locator(text), references, published, title, outlet_of(url))

    @cached_property
    def prose(self) -> tuple[bool, ...]:
        """For each sentence, whether it is the article's prose: a sentence that ends (or is
        too long to be page text), and no part of the headline the text repeats (a headline
        is no claim, and names what the article says again)."""
        title = f" {normalise(self.title or '')} "
        return tuple(
            prose
            and (len(sentence.split()) < _HEADLINE_WORDS or f" {normalise(sentence)} " not in title)
            for sentence, prose in zip(self.reading.sentence_texts, self.reading.prose, strict=True)
        )

    @cached_property
    def roles(self) -> Roles:
        """What checks a role against this article."""
        return Roles(self.reading)

    @property
    def language(self) -> str:
        return self.reading.language

    @cached_property
    def _article(self) -> str:
        return f" {normalise(self.locator.text)} "

    def _cited(self, ref: str | None) -> Candidate | str | None:
        """The candidate written so, else the name as written where the article holds it
        (its own words already), else the one candidate holding it, else the name."""
        if ref is None or not names_something(ref):
            return None
        widen = f" {normalise(ref)} " not in self._article
        return self.references.candidate(ref, widen=widen) or ref

    def name(self, ref: str | None, *, refuse: tuple[str, ...] = ()) -> str | None:
        """The name `ref` cites, unless it cites a candidate of a kind in `refuse`."""
        found = self._cited(ref)
        if isinstance(found, Candidate):
            return None if found.kind in refuse else found.text
        return found

    def time(self, ref: str | None) -> str | None:
        """The time phrase `ref` cites: a time candidate, or a phrase the model wrote."""
        found = self._cited(ref)
        if isinstance(found, Candidate):
            return found.text if found.kind == "time" else None
        return found

    def is_a_name(self, name: str, candidate: Candidate | None) -> bool:
        """A checklist's name, or one of the model's own that the article writes as a noun
        heading its phrase: "German" of "German consulate" names nothing; either, where the
        article writes it as a name at all (nlp/written_names.py)."""
        reading = self.reading
        if not written_as_a_name(name, reading.text, reading.sentences, reading.entities):
            return False
        if candidate is not None:
            return True
        found = self.locator.locate(name)
        return found.start is None or self.reading.names_a_thing(found.start, found.end or 0)

    def names(self) -> list[str]:
        """Every name the checklist offers (its times aside)."""
        return [c.text for c in self.references.candidates if c.kind != "time"]
