"""What a role must be: what the article says the actor is or does, or nothing.

An editor strikes a role that is not one: a restated kind ("organization"), a clause with a
subject of its own ("officers will continue", "Clinton has blamed"), the name of someone else
("team-mate Nico Rosberg" for Red Bull), or words the article never says of the actor (a
small model's "the main actor first"). So a role is kept only where its content words are
written in the sentences that mention the actor; no role is better than a wrong one.
"""

from __future__ import annotations

import re
from functools import cached_property

from ..nlp import Reading, is_stopword, read_phrase, same_entity, stem
from ..nlp.furniture import is_furniture
from ..text import normalise
from .wording import says_something, trimmed_to_whole

__all__ = ["Roles"]

# Of a role's content words, the share the actor's sentences must hold.
SUPPORTED = 0.5
# What the article has an actor do reads as a role up to this many words ("said it was "too
# early" to comment on whether the driver was using his mobile phone": all the article says of
# the police); the parse cuts a clause's modifiers first (nlp/parse.py).
ROLE_WORDS = 24


class Roles:
    """Checks roles against one article's reading."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading

    def checked(self, role: str, name: str) -> str:
        """`role` where it is one for the actor `name`, else ""."""
        language = self.reading.language
        if not role or not says_something(role, name, language) or is_furniture(role):
            return ""
        phrase = read_phrase(role, language)
        if phrase.is_clause() or phrase.only_speaks():
            return ""
        before = phrase.before_other_clause()
        if before != role:  # "is still alive | as rescuers carry on searching"
            kept = trimmed_to_whole(before, language)
            return self.checked(kept, name) if kept else ""
        head = phrase.named_head()
        if head is not None and not same_entity(head, name, language):
            return ""
        if not self._said_of(role, name):
            return ""  # "top black lawmakers": the article's words, of others
        return role if self._supported(role, name) else ""

    def _said_of(self, role: str, name: str) -> bool:
        """Whether a role of more than one word that the article writes is written of the
        actor somewhere (nlp.Reading.said_of); a single word, the model's own words or an
        actor no name stands for ("the driver") are for _supported to check."""
        reading = self.reading
        if len(role.split()) < 2 or reading.doc is None:
            return True
        found = [
            m.span()
            for m in re.finditer(rf"(?<!\w){re.escape(role)}(?!\w)", reading.text, re.IGNORECASE)
        ]
        mentions = reading.mentioned(name)
        return (
            not found
            or not mentions
            or any(reading.said_of(*at, e.start, e.end) for at in found for e in mentions)
        )

    def done_by(self, name: str) -> str:
        """What the article has the actor `name` do, the first clause it is the subject of
        that says more than that it spoke ("accepted some blame for her loss" before "told
        donors on the call"); failing that, the first that says it spoke; else "". The
        first, since a story says first what its actors did in it (a later clause is
        background: "has kept a low profile since"). Never what a caption says of it, nor
        what a speaker says of it in a quotation ("to ensure Toblerone remains on-shelf": the
        speaker's words, not the article's account)."""
        reading, spoken = self.reading, ""
        for entity in reading.mentioned(name):
            if reading.in_quotation(entity.start):
                continue
            done = reading.predicate_of(entity.start, entity.end, max_words=ROLE_WORDS)
            at = reading.text.find(done or "\0", entity.end)
            if not done or (at != -1 and reading.in_furniture(at, at + 1)):
                continue  # none, or a caption's ("(pictured after ...)")
            phrase = read_phrase(done, reading.language)
            done = trimmed_to_whole(phrase.before_other_clause(), reading.language)
            if not done:
                continue  # all of it another subject's clause
            phrase = read_phrase(done, reading.language)
            if phrase.acts_on_nothing():
                continue  # "is still alive", "did not want to remain": no part it plays
            if not phrase.only_speaks():
                return done
            if len(done.split()) > 1:  # "told reporters"; "said" alone says nothing
                spoken = spoken or done
        return spoken

    def _supported(self, role: str, name: str) -> bool:
        """Whether the sentences that mention `name` hold enough of the role's words."""
        wanted = _content(read_phrase(role, self.reading.language), (0, len(role)))
        if not wanted:
            return False
        said = set().union(*(self._sentence_words[i] for i in self.reading.mentions(name)))
        return len(wanted & said) >= SUPPORTED * len(wanted)

    @cached_property
    def _sentence_words(self) -> list[set[str]]:
        return [_content(self.reading, span) for span in self.reading.sentences]


def _content(reading: Reading, span: tuple[int, int]) -> set[str]:
    """The content words of `span` of the reading's text: lemmas where there is a parse
    ("consumers" is "consumer", "blamed" "blame"), else stems; stopwords aside."""
    language = reading.language
    if reading.doc is not None:
        tokens = reading.doc.char_span(*span, alignment_mode="expand") or []
        words = [normalise(t.lemma_) for t in tokens if t.is_alpha and not t.is_stop]
    else:
        words = [stem(w) for w in normalise(reading.text[span[0] : span[1]]).split()]
    return {w for w in words if len(w) > 2 and not is_stopword(w, language)}
